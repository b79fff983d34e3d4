// Circuits are evaluated with checked 64-bit arithmetic at each DType: an
// overflow, a division by zero, clog2 of a value < 1 or a negative count is
// an error at the primitive naming the field, the text and the DType.
// RUN: not %tblgen -gen-primitives -I %ops -DOVERFLOW %s 2>&1 | FileCheck %s --check-prefix=OVERFLOW
// RUN: not %tblgen -gen-primitives -I %ops -DDIVZERO %s 2>&1 | FileCheck %s --check-prefix=DIVZERO
// RUN: not %tblgen -gen-primitives -I %ops -DCLOG2 %s 2>&1 | FileCheck %s --check-prefix=CLOG2
// RUN: not %tblgen -gen-primitives -I %ops -DNEGATIVE %s 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: not %tblgen -gen-primitives -I %ops -DLITERAL %s 2>&1 | FileCheck %s --check-prefix=LITERAL

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def I8 : IntType<"i8", 3, 8, 1> { let Source = "two's complement"; }

// OVERFLOW: [[@LINE+5]]:5: error: Primitive 'bad': FloatCircuit 'n * 4611686018427387904' at f32: 64-bit overflow at column 3
// DIVZERO:  [[@LINE+4]]:5: error: Primitive 'bad': IntCircuit 'n / e' at i8: division by zero at column 3
// CLOG2:    [[@LINE+3]]:5: error: Primitive 'bad': IntCircuit 'clog2(e)' at i8: clog2 of 0 at column 1 (defined for values >= 1)
// NEGATIVE: [[@LINE+2]]:5: error: Primitive 'bad': FloatCircuit 'e - m' at f32 evaluates to -16; a transistor count cannot be negative
// LITERAL:  [[@LINE+1]]:5: error: Primitive 'bad': IntCircuit '99999999999999999999': integer 99999999999999999999 at column 1 does not fit in 64 bits
def Bad : Primitive<"bad"> {
  let Description = "bad arithmetic";
#ifdef OVERFLOW
  let FloatCircuit = "n * 4611686018427387904";
#endif
#ifdef DIVZERO
  let IntCircuit = "n / e";
#endif
#ifdef CLOG2
  let IntCircuit = "clog2(e)";
#endif
#ifdef NEGATIVE
  let FloatCircuit = "e - m";
#endif
#ifdef LITERAL
  let IntCircuit = "99999999999999999999";
#endif
  let Source = "test";
}
