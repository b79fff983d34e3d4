// Primitives that refer to each other in a cycle are an error at the
// primitive that closes it, naming the whole cycle. Cycles are found per
// circuit kind, whether or not a DType of that kind exists.
// RUN: not %tblgen -gen-primitives -I %ops %s 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not %tblgen -gen-primitives -I %ops -DSELF %s 2>&1 | FileCheck %s --check-prefix=SELF

include "OpSchema.td"

def I8 : IntType<"i8", 3, 8, 1> { let Source = "two's complement"; }
def FA : Cell<"fa", 28> { let Source = "mirror full adder"; }

#ifndef SELF
def A : Primitive<"a"> {
  let Description = "a";
  let FloatCircuit = "b + 1";
  let IntCircuit = "n * fa";
  let Source = "test";
}
def B : Primitive<"b"> {
  let Description = "b";
  let FloatCircuit = "2 * c";
  let Source = "test";
}
// ERR: [[@LINE+1]]:5: error: Primitive 'c': FloatCircuit 'max(a, fa)': circular reference a -> b -> c -> a
def C : Primitive<"c"> {
  let Description = "c";
  let FloatCircuit = "max(a, fa)";
  let Source = "test";
}
#else
// SELF: [[@LINE+1]]:5: error: Primitive 'self': IntCircuit 'n + self': circular reference self -> self
def Self : Primitive<"self"> {
  let Description = "refers to itself";
  let IntCircuit = "n + self";
  let Source = "test";
}
#endif
