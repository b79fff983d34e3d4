// A circuit that does not parse is an error at the primitive naming the
// field, the text, the column and what was expected.
// RUN: not %tblgen -gen-primitives -I %ops %s 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not %tblgen -gen-primitives -I %ops -DCHAR %s 2>&1 | FileCheck %s --check-prefix=CHAR
// RUN: not %tblgen -gen-primitives -I %ops -DARITY %s 2>&1 | FileCheck %s --check-prefix=ARITY
// RUN: not %tblgen -gen-primitives -I %ops -DFUNC %s 2>&1 | FileCheck %s --check-prefix=FUNC

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def FA : Cell<"fa", 28> { let Source = "mirror full adder"; }

// ERR:   [[@LINE+4]]:5: error: Primitive 'add': FloatCircuit 'm * (fa + 1': syntax error at column 12: expected ')', found end of expression
// CHAR:  [[@LINE+3]]:5: error: Primitive 'add': FloatCircuit 'm ^ 2': syntax error at column 3: unexpected character '^'
// ARITY: [[@LINE+2]]:5: error: Primitive 'add': FloatCircuit 'min(m)': min at column 1 takes 2 arguments, got 1
// FUNC:  [[@LINE+1]]:5: error: Primitive 'add': FloatCircuit 'log2(m)': unknown function 'log2' at column 1 (functions: clog2, min, max, cdiv)
def Add : Primitive<"add"> {
  let Description = "adder";
#ifdef CHAR
  let FloatCircuit = "m ^ 2";
#else
#ifdef ARITY
  let FloatCircuit = "min(m)";
#else
#ifdef FUNC
  let FloatCircuit = "log2(m)";
#else
  let FloatCircuit = "m * (fa + 1";
#endif
#endif
#endif
  let Source = "test";
}
