// A circuit that names a primitive without a circuit of the same kind (it
// would be n/a at every DType that uses this circuit) is an error naming both.
// RUN: not %tblgen -gen-primitives -I %ops %s 2>&1 | FileCheck %s --check-prefix=ERR

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def I8 : IntType<"i8", 3, 8, 1> { let Source = "two's complement"; }
def FA : Cell<"fa", 28> { let Source = "mirror full adder"; }

def Exp : Primitive<"exp"> {
  let Description = "exponential, floats only";
  let FloatCircuit = "p * m * fa";
  let Source = "test";
}
// ERR: [[@LINE+1]]:5: error: Primitive 'softplus': IntCircuit 'n * fa + exp': refers to primitive 'exp' at column 10, which has no IntCircuit (not applicable to integer types)
def Softplus : Primitive<"softplus"> {
  let Description = "log(1 + exp(x))";
  let FloatCircuit = "exp + m * fa";
  let IntCircuit = "n * fa + exp";
  let Source = "test";
}
