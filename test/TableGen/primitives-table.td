// -gen-primitives: the Prim_ enum and the DType and primitive tables in
// declaration order, strings escaped, and the transistor table evaluated at
// build time: -1 where a primitive has no circuit for a class of types.
// RUN: %tblgen -gen-primitives -I %ops %s | FileCheck %s

include "OpSchema.td"

def F16 : FloatType<"f16", 10, 16, 5, 11, 2> {
  let Source = "IEEE 754 \"binary16\"";
}
def I32 : IntType<"i32", 6, 32, 1> { let Source = "two's complement"; }
def Bool : DType<"bool", 9, 1> { let IsBool = 1; let Source = "ONNX"; }

def FA : Cell<"fa", 28> { let Source = "mirror full adder"; }
def Inv : Cell<"inv", 2> { let Source = "CMOS inverter"; }

def Add : Primitive<"add"> {
  let Description = "adder";
  let FloatCircuit = "(e + m) * fa";   // f16: 16 * 28 = 448
  let IntCircuit = "n * fa";           // i32: 32 * 28 = 896
  let Source = "ripple carry";         // bool: no circuit, -1
}
def Not : Primitive<"not"> {
  let Description = "inverter";
  let BoolCircuit = "inv";             // bool: 2; f16, i32: -1
  let Flops = 0;
  let Source = "one cell";
}
def Fns : Primitive<"fns"> {
  let Description = "the functions of the grammar";
  // f16: clog2(16)=4 + min(5,11)=5 + max(5,11)=11 + cdiv(11,2)=6 + 11/2=5
  let FloatCircuit = "clog2(n) + min(e, m) + max(e, m) + cdiv(m, 2) + m / 2";
  // i32: clog2(32)=5 + clog2(1)=0 + 32/3=10 (floor)
  let IntCircuit = "clog2(n) + clog2(1) + n/3";
  // bool: p=0 + 2 - 1
  let BoolCircuit = "p + 2 - 1";
  let Source = "test";
}

// CHECK:      Automatically generated file, do not edit!
// CHECK:      #ifdef GET_PRIMITIVE_ENUM
// CHECK-NEXT: #undef GET_PRIMITIVE_ENUM
// CHECK-NEXT: Prim_add = 0,
// CHECK-NEXT: Prim_not = 1,
// CHECK-NEXT: Prim_fns = 2,
// CHECK-NEXT: #endif // GET_PRIMITIVE_ENUM

// CHECK:      #ifdef GET_PRIMITIVE_TABLES
// CHECK-NEXT: #undef GET_PRIMITIVE_TABLES
// CHECK-NEXT: constexpr unsigned NumPrimitives = 3;
// CHECK-NEXT: constexpr unsigned NumDTypes = 3;

// CHECK:      static const DTypeRow DTypeTable[] = {
// CHECK-NEXT:   {.Name = "f16", .OnnxType = 10, .Bits = 16, .ExpBits = 5, .MantBits = 11, .PolyDegree = 2, .IsFloat = true, .IsSigned = true, .IsBool = false, .Source = "IEEE 754 \"binary16\""},
// CHECK-NEXT:   {.Name = "i32", .OnnxType = 6, .Bits = 32, .ExpBits = 0, .MantBits = 32, .PolyDegree = 0, .IsFloat = false, .IsSigned = true, .IsBool = false, .Source = "two's complement"},
// CHECK-NEXT:   {.Name = "bool", .OnnxType = 9, .Bits = 1, .ExpBits = 0, .MantBits = 1, .PolyDegree = 0, .IsFloat = false, .IsSigned = false, .IsBool = true, .Source = "ONNX"},
// CHECK-NEXT: };

// CHECK:      static const PrimitiveRow PrimitiveTable[] = {
// CHECK-NEXT:   {.Name = "add", .Description = "adder", .Flops = 1, .FloatCircuit = "(e + m) * fa", .IntCircuit = "n * fa", .BoolCircuit = "", .Source = "ripple carry"},
// CHECK-NEXT:   {.Name = "not", .Description = "inverter", .Flops = 0, .FloatCircuit = "", .IntCircuit = "", .BoolCircuit = "inv", .Source = "one cell"},
// CHECK-NEXT:   {.Name = "fns", .Description = "the functions of the grammar", .Flops = 1,
// CHECK-NEXT: };

// CHECK:      // Columns: f16 i32 bool
// CHECK-NEXT: static const TransistorCount TransistorTable[NumPrimitives][NumDTypes] = {
// CHECK-NEXT:   {448, 896, -1}, // add
// CHECK-NEXT:   {-1, -1, 2}, // not
// CHECK-NEXT:   {31, 15, 1}, // fns
// CHECK-NEXT: };
// CHECK-NEXT: #endif // GET_PRIMITIVE_TABLES
