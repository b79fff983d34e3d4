// A circuit may name other primitives: their cost at the same DType, in any
// declaration order, nested several levels deep.
// RUN: %tblgen -gen-primitives -I %ops %s | FileCheck %s

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def I8 : IntType<"i8", 3, 8, 1> { let Source = "two's complement"; }

def FA : Cell<"fa", 28> { let Source = "mirror full adder"; }

// Declared before the primitives it uses.
def Fma : Primitive<"fma"> {
  let Description = "fused multiply-add";
  let FloatCircuit = "mul + add";          // 16352 + 672 = 17024
  let IntCircuit = "mul + 2 * add";        // 1792 + 448 = 2240
  let Source = "test";
}
def Add : Primitive<"add"> {
  let Description = "adder";
  let FloatCircuit = "m * fa";             // f32: 24 * 28 = 672
  let IntCircuit = "n * fa";               // i8: 8 * 28 = 224
  let Source = "test";
}
def Mul : Primitive<"mul"> {
  let Description = "array multiplier";
  let FloatCircuit = "m * add + e * fa";   // 24 * 672 + 8 * 28 = 16352
  let IntCircuit = "n * add";              // 8 * 224 = 1792
  let Source = "test";
}

// CHECK:      // Columns: f32 i8
// CHECK-NEXT: static const TransistorCount TransistorTable[NumPrimitives][NumDTypes] = {
// CHECK-NEXT:   {17024, 2240}, // fma
// CHECK-NEXT:   {672, 224}, // add
// CHECK-NEXT:   {16352, 1792}, // mul
// CHECK-NEXT: };
