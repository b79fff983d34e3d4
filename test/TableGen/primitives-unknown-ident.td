// A circuit may name only n, e, m, p, cells and primitives; anything else is
// an error at the primitive naming the field, the text and the identifier,
// even for a circuit kind no DType uses.
// RUN: not %tblgen -gen-primitives -I %ops %s 2>&1 | FileCheck %s --check-prefix=ERR

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def FA : Cell<"fa", 28> { let Source = "mirror full adder"; }

def Add : Primitive<"add"> {
  let Description = "adder";
  let FloatCircuit = "m * fa";
  let Source = "test";
}
// ERR: [[@LINE+1]]:5: error: Primitive 'cmp': BoolCircuit 'n * fa + xor2': unknown identifier 'xor2' at column 10 (expected n, e, m, p, a Cell or a Primitive name)
def Cmp : Primitive<"cmp"> {
  let Description = "comparator";
  let FloatCircuit = "add";
  let BoolCircuit = "n * fa + xor2";
  let Source = "test";
}
