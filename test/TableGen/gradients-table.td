// -gen-lowerings, GET_GRADIENT_TABLES: one GradientRow per lowering rule in
// table order. A rule that leaves GradCounts `?` has no gradient (HasGrad
// false, no functions); GradCounts = [] is a gradient without arithmetic.
// Gradient expressions may name dx0..dx2, which follow the binder's
// quantities (Q[8] for a binder with 4 quantities of its own); NoGradInputs
// becomes a bit mask. Optimizer counts compile over n = Q[0].
// RUN: %tblgen -gen-lowerings -I %ops %s | FileCheck %s
// RUN: %tblgen -gen-lowerings -I %ops %s | FileCheck %s --check-prefix=FN

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def Add : Primitive<"add"> {
  let Description = "adder";
  let FloatCircuit = "m * 28";
  let Source = "test";
}
def Mul : Primitive<"mul"> {
  let Description = "multiplier";
  let FloatCircuit = "m * m * 28";
  let Source = "test";
}
def MatMulShape : ShapeBinder<"MatMulShape", ["batch", "M", "N", "K"]>;
def DataShape : ShapeBinder<"Data", []>;

def : Lowering<"", "MatMul", 1, MatMulShape> {
  let Counts = [Count<Mul, "batch*M*N*K">];
  let GradCounts = [Count<Mul, "dx0*batch*M*K*N">, Count<Mul, "dx1*batch*K*N*M">];
  let GradMACs = "(dx0 + dx1)*batch*M*N*K";
  let NoGradInputs = [2, 5];
  let GradDoc = "dA, dB";
}
def : Lowering<"", "Reshape", 1, DataShape> {
  let GradCounts = [];
  let GradReads = "0";
}
def : Lowering<"", "Unique", 1, DataShape>;

def : Optimizer<"sgd"> {
  let Counts = [Count<Mul, "n">, Count<Add, "2">];
  let Doc = "p - lr*g";
  let Source = "test";
}

// CHECK:      #ifdef GET_GRADIENT_TABLES
// CHECK-NEXT: #undef GET_GRADIENT_TABLES
// CHECK-NEXT: constexpr unsigned NumGradFlags = 3;
// CHECK-NEXT: // Lowering MatMul (since 1), gradients-table.td:[[#@LINE-22]]
// CHECK-NEXT: static const CountRow GradientCounts_0[] = {
// CHECK-NEXT:   {.Primitive = 1 /* mul */, .OnOutput = false, .OperandIndex = 0, .Expr = lexpr_{{[0-9]+}}, .ExprText = "dx0*batch*M*K*N"},
// CHECK-NEXT:   {.Primitive = 1 /* mul */, .OnOutput = false, .OperandIndex = 0, .Expr = lexpr_{{[0-9]+}}, .ExprText = "dx1*batch*K*N*M"},
// CHECK-NEXT: };
// CHECK:      static const GradientRow GradientTable[] = {
// CHECK-NEXT:   {.HasGrad = true, .Counts = GradientCounts_0, .NumCounts = 2,
// CHECK-NEXT:    .MACs = lexpr_{{[0-9]+}}, .Reads = lexpr_{{[0-9]+}}, .Writes = lexpr_{{[0-9]+}},
// CHECK-NEXT:    .MACsText = "(dx0 + dx1)*batch*M*N*K", .ReadsText = "in_bytes + out_bytes", .WritesText = "in_bytes", .NoGradInputs = 36, .Doc = "dA, dB"},
// CHECK-NEXT:   {.HasGrad = true, .Counts = nullptr, .NumCounts = 0,
// CHECK-NEXT:    .MACs = lexpr_{{[0-9]+}}, .Reads = lexpr_{{[0-9]+}}, .Writes = lexpr_{{[0-9]+}},
// CHECK-NEXT:    .MACsText = "0", .ReadsText = "0", .WritesText = "in_bytes", .NoGradInputs = 0, .Doc = ""},
// CHECK-NEXT:   {.HasGrad = false, .Counts = nullptr, .NumCounts = 0,
// CHECK-NEXT:    .MACs = nullptr, .Reads = nullptr, .Writes = nullptr,
// CHECK-NEXT:    .MACsText = "0", .ReadsText = "in_bytes + out_bytes", .WritesText = "in_bytes", .NoGradInputs = 0, .Doc = ""},
// CHECK-NEXT: };
// CHECK-EMPTY:
// CHECK-NEXT: static Qty oexpr_0(const Qty *Q) { return Q[0]; }
// CHECK-NEXT: static Qty oexpr_1(const Qty *) { return Qty(2); }
// CHECK-NEXT: static const CountRow OptimizerCounts_0[] = {
// CHECK-NEXT:   {.Primitive = 1 /* mul */, .OnOutput = false, .OperandIndex = 0, .Expr = oexpr_0, .ExprText = "n"},
// CHECK-NEXT:   {.Primitive = 0 /* add */, .OnOutput = false, .OperandIndex = 0, .Expr = oexpr_1, .ExprText = "2"},
// CHECK-NEXT: };
// CHECK-NEXT: static const OptimizerRow OptimizerTable[] = {
// CHECK-NEXT:   {.Name = "sgd", .Counts = OptimizerCounts_0, .NumCounts = 2, .StateTensors = 0, .Doc = "p - lr*g", .Source = "test", .Location = "gradients-table.td:39"},
// CHECK-NEXT: };
// CHECK-NEXT: constexpr unsigned NumOptimizers = 1;
// CHECK-NEXT: #endif // GET_GRADIENT_TABLES

// The dx flags follow the binder's 8 quantities.
// FN:      // MatMulShape: dx0*batch*M*K*N
// FN-NEXT: static Qty lexpr_{{[0-9]+}}(const Qty *Q) { return Q[8] * Q[4] * Q[5] * Q[7] * Q[6]; }
