// The lowering table is sorted by (Domain, OpType, Since), strings compared
// bytewise, whatever the declaration order, so a consumer can binary-search
// it and take the last rule whose Since is <= the model's opset.
// RUN: %tblgen -gen-lowerings -I %ops %s | FileCheck %s

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def E : ShapeBinder<"E", []>;

def : Lowering<"", "Relu", 14, E>;
def : Lowering<"com.microsoft", "Gelu", 1, E>;
def : Lowering<"", "Relu", 6, E>;
def : Lowering<"", "Add", 13, E>;
def : Lowering<"", "Relu", 13, E>;
def : Lowering<"", "Abs", 1, E>;
def : Lowering<"ai.onnx.ml", "Scaler", 1, E>;
def : Lowering<"", "Add", 7, E>;

// CHECK:      static const LoweringRow LoweringTable[] = {
// CHECK-NEXT:   {.Domain = "", .OpType = "Abs", .Since = 1,
// CHECK:        {.Domain = "", .OpType = "Add", .Since = 7,
// CHECK:        {.Domain = "", .OpType = "Add", .Since = 13,
// CHECK:        {.Domain = "", .OpType = "Relu", .Since = 6,
// CHECK:        {.Domain = "", .OpType = "Relu", .Since = 13,
// CHECK:        {.Domain = "", .OpType = "Relu", .Since = 14,
// CHECK:        {.Domain = "ai.onnx.ml", .OpType = "Scaler", .Since = 1,
// CHECK:        {.Domain = "com.microsoft", .OpType = "Gelu", .Since = 1,
// CHECK:      };
// CHECK-NEXT: constexpr unsigned NumLoweringRows = 8;
