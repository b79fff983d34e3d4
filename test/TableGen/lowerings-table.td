// -gen-lowerings: binder structs and declarations, quantity names with the
// common ones first, rule expressions compiled to functions over Q[<index>]
// (one per distinct expression of a binder), counts naming the primitive's
// index in declaration order, and each rule's location. The rules here are
// declared in table order; lowerings-sorted.td checks the sorting.
// RUN: %tblgen -gen-lowerings -I %ops %s | FileCheck %s

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def Add : Primitive<"add"> {            // index 0
  let Description = "adder";
  let FloatCircuit = "m * 28";
  let Source = "test";
}
def Mul : Primitive<"mul"> {            // index 1
  let Description = "multiplier";
  let FloatCircuit = "m * m * 28";
  let Source = "test";
}

// CHECK:      #ifdef GET_BINDER_DECL
// CHECK-NEXT: #undef GET_BINDER_DECL
// CHECK-NEXT: namespace binder {
// CHECK-NEXT: // lowerings-table.td:[[#@LINE+4]]
// CHECK-NEXT: struct MatMulShape {
// CHECK-NEXT:   enum : unsigned { in_bytes, out_bytes, in, out, batch, M, N, K, NumQuantities };
// CHECK-NEXT: };
def MatMulShape : ShapeBinder<"MatMulShape", ["batch", "M", "N", "K"]> {
  let Doc = "batch: broadcast \"batch\" dims";
}
// CHECK-NEXT: // lowerings-table.td:[[#@LINE+4]]
// CHECK-NEXT: struct Elementwise {
// CHECK-NEXT:   enum : unsigned { in_bytes, out_bytes, in, out, NumQuantities };
// CHECK-NEXT: };
def Elementwise : ShapeBinder<"Elementwise", []>;
// CHECK-NEXT: } // namespace binder
// CHECK-EMPTY:
// CHECK-NEXT: bool bindMatMulShape(BindContext &Ctx, Qty *Q);
// CHECK-NEXT: bool bindElementwise(BindContext &Ctx, Qty *Q);
// CHECK-NEXT: #endif // GET_BINDER_DECL

// CHECK:      #ifdef GET_LOWERING_TABLES
// CHECK-NEXT: #undef GET_LOWERING_TABLES
// CHECK-NEXT: static const char *const BinderQuantities_MatMulShape[] = {"in_bytes", "out_bytes", "in", "out", "batch", "M", "N", "K"};
// CHECK-NEXT: static const char *const BinderQuantities_Elementwise[] = {"in_bytes", "out_bytes", "in", "out"};
// CHECK:      static const BinderRow BinderTable[] = {
// CHECK-NEXT:   {.Name = "MatMulShape", .Bind = bindMatMulShape, .Quantities = BinderQuantities_MatMulShape, .NumQuantities = 8, .Doc = "batch: broadcast \"batch\" dims"},
// CHECK-NEXT:   {.Name = "Elementwise", .Bind = bindElementwise, .Quantities = BinderQuantities_Elementwise, .NumQuantities = 4, .Doc = ""},
// CHECK-NEXT: };
// CHECK-NEXT: constexpr unsigned NumBinders = 2;

// Functions in the order the expressions appear. "out" and the defaults
// (MACs "0", Reads "in_bytes", Writes "out_bytes") once per binder; MatMul's
// "batch*M*N*K" once for its count and its MACs.
// CHECK:      // Elementwise: out
// CHECK-NEXT: static Qty lexpr_0(const Qty *Q) { return Q[3]; }
// CHECK-NEXT: // Elementwise: 0
// CHECK-NEXT: static Qty lexpr_1(const Qty *) { return Qty(0); }
// CHECK-NEXT: // Elementwise: in_bytes
// CHECK-NEXT: static Qty lexpr_2(const Qty *Q) { return Q[0]; }
// CHECK-NEXT: // Elementwise: out_bytes
// CHECK-NEXT: static Qty lexpr_3(const Qty *Q) { return Q[1]; }
// CHECK-NEXT: // MatMulShape: batch*M*N*K
// CHECK-NEXT: static Qty lexpr_4(const Qty *Q) { return Q[4] * Q[5] * Q[6] * Q[7]; }
// CHECK-NEXT: // MatMulShape: batch * M * N * (K - 1)
// CHECK-NEXT: static Qty lexpr_5(const Qty *Q) { return Q[4] * Q[5] * Q[6] * (Q[7] - Qty(1)); }
// CHECK-NEXT: // MatMulShape: in_bytes
// CHECK-NEXT: static Qty lexpr_6(const Qty *Q) { return Q[0]; }
// CHECK-NEXT: // MatMulShape: out_bytes
// CHECK-NEXT: static Qty lexpr_7(const Qty *Q) { return Q[1]; }
// CHECK-NEXT: // Elementwise: in_bytes - cdiv(in, 2) + max(in, min(out, 3 / 2))
// CHECK-NEXT: static Qty lexpr_8(const Qty *Q) { return Q[0] - qcdiv(Q[2], Qty(2)) + qmax(Q[2], qmin(Q[3], Qty(3) / Qty(2))); }
// CHECK-NEXT: // Elementwise: 2*(in_bytes-(out_bytes-in))/clog2(out)
// CHECK-NEXT: static Qty lexpr_9(const Qty *Q) { return Qty(2) * (Q[0] - (Q[1] - Q[2])) / qclog2(Q[3]); }
// CHECK-EMPTY:

// CHECK-NEXT: // Lowering Add (since 7), lowerings-table.td:[[#@LINE+4]]
// CHECK-NEXT: static const CountRow LoweringCounts_0[] = {
// CHECK-NEXT:   {.Primitive = 0 /* add */, .OnOutput = false, .OperandIndex = 0, .Expr = lexpr_0, .ExprText = "out"},
// CHECK-NEXT: };
def : Lowering<"", "Add", 7, Elementwise> {
  let Counts = [Count<Add, "out">];
  let Doc = "multidirectional broadcast";
}
// A rule without counts: no array, Counts = nullptr.
def : Lowering<"", "Identity", 1, Elementwise> {
  let Reads = "0";
  let Writes = "0";
}
// CHECK-NEXT: // Lowering MatMul (since 13), lowerings-table.td:[[#@LINE+5]]
// CHECK-NEXT: static const CountRow LoweringCounts_2[] = {
// CHECK-NEXT:   {.Primitive = 1 /* mul */, .OnOutput = false, .OperandIndex = 0, .Expr = lexpr_4, .ExprText = "batch*M*N*K"},
// CHECK-NEXT:   {.Primitive = 0 /* add */, .OnOutput = true, .OperandIndex = 0, .Expr = lexpr_5, .ExprText = "batch * M * N * (K - 1)"},
// CHECK-NEXT: };
def : Lowering<"", "MatMul", 13, MatMulShape> {
  let Counts = [Count<Mul, "batch*M*N*K">,
                Count<Add, "batch * M * N * (K - 1)", "out0">];
  let MACs = "batch*M*N*K";
}
// CHECK-NEXT: // Lowering com.example.Scale (since 1), lowerings-table.td:[[#@LINE+4]]
// CHECK-NEXT: static const CountRow LoweringCounts_3[] = {
// CHECK-NEXT:   {.Primitive = 1 /* mul */, .OnOutput = false, .OperandIndex = 12, .Expr = lexpr_0, .ExprText = "out"},
// CHECK-NEXT: };
def : Lowering<"com.example", "Scale", 1, Elementwise> {
  let Counts = [Count<Mul, "out", "in12">];
  let Reads = "in_bytes - cdiv(in, 2) + max(in, min(out, 3 / 2))";
  let Writes = "2*(in_bytes-(out_bytes-in))/clog2(out)";
}

// CHECK:      static const LoweringRow LoweringTable[] = {
// CHECK-NEXT:   {.Domain = "", .OpType = "Add", .Since = 7, .Binder = 1 /* Elementwise */,
// CHECK-NEXT:    .Counts = LoweringCounts_0, .NumCounts = 1,
// CHECK-NEXT:    .MACs = lexpr_1, .Reads = lexpr_2, .Writes = lexpr_3,
// CHECK-NEXT:    .MACsText = "0", .ReadsText = "in_bytes", .WritesText = "out_bytes",
// CHECK-NEXT:    .Doc = "multidirectional broadcast", .Location = "lowerings-table.td:{{[0-9]+}}"},
// CHECK-NEXT:   {.Domain = "", .OpType = "Identity", .Since = 1, .Binder = 1 /* Elementwise */,
// CHECK-NEXT:    .Counts = nullptr, .NumCounts = 0,
// CHECK-NEXT:    .MACs = lexpr_1, .Reads = lexpr_1, .Writes = lexpr_1,
// CHECK-NEXT:    .MACsText = "0", .ReadsText = "0", .WritesText = "0",
// CHECK-NEXT:    .Doc = "", .Location = "lowerings-table.td:{{[0-9]+}}"},
// CHECK-NEXT:   {.Domain = "", .OpType = "MatMul", .Since = 13, .Binder = 0 /* MatMulShape */,
// CHECK-NEXT:    .Counts = LoweringCounts_2, .NumCounts = 2,
// CHECK-NEXT:    .MACs = lexpr_4, .Reads = lexpr_6, .Writes = lexpr_7,
// CHECK-NEXT:    .MACsText = "batch*M*N*K", .ReadsText = "in_bytes", .WritesText = "out_bytes",
// CHECK-NEXT:    .Doc = "", .Location = "lowerings-table.td:{{[0-9]+}}"},
// CHECK-NEXT:   {.Domain = "com.example", .OpType = "Scale", .Since = 1, .Binder = 1 /* Elementwise */,
// CHECK-NEXT:    .Counts = LoweringCounts_3, .NumCounts = 1,
// CHECK-NEXT:    .MACs = lexpr_1, .Reads = lexpr_8, .Writes = lexpr_9,
// CHECK-NEXT:    .MACsText = "0", .ReadsText = "in_bytes - cdiv(in, 2) + max(in, min(out, 3 / 2))", .WritesText = "2*(in_bytes-(out_bytes-in))/clog2(out)",
// CHECK-NEXT:    .Doc = "", .Location = "lowerings-table.td:{{[0-9]+}}"},
// CHECK-NEXT: };
// CHECK-NEXT: constexpr unsigned NumLoweringRows = 4;
// CHECK-NEXT: #endif // GET_LOWERING_TABLES
