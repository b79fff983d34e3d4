//===- test/Unit/PipelineTest.cpp - Lower, Energy, Target, Views ----------===//
//
// Builds graphs by hand (no importer) and checks the later stages: rule
// lookup by opset, primitive counts and TOs, the energy formula on the unit
// target, and that the text and JSON views render one data set.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Energy/Estimate.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Lower/Rules.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Target/Target.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace onnx_energy;

namespace {

int addValue(Graph &G, const std::string &Name, std::vector<int64_t> Shape,
             ElemType T = ElemType::Float) {
  Value V;
  V.Name = Name;
  V.Type = T;
  V.HasShape = true;
  for (int64_t D : Shape)
    V.Shape.push_back(Dim{D, ""});
  G.Values.push_back(V);
  return G.Values.size() - 1;
}

/// C = MatMul(A[M,K], B[K,N]) at opset 17.
Graph matmulGraph(int64_t M, int64_t K, int64_t N) {
  Graph G;
  G.Path = "matmul.onnx";
  G.Opsets[""] = 17;
  int A = addValue(G, "A", {M, K}), B = addValue(G, "B", {K, N}),
      C = addValue(G, "C", {M, N});
  Node Nd;
  Nd.Name = "mm";
  Nd.OpType = "MatMul";
  Nd.OpsetVersion = 17;
  Nd.Inputs = {A, B};
  Nd.Outputs = {C};
  G.Nodes.push_back(Nd);
  G.Values[C].Producer = 0;
  return G;
}

int64_t tos(const char *Prim, const char *DType) {
  return transistorOps(*findPrimitive(Prim), *findDType(DType));
}

const Target &unitTarget() {
  auto T = findTarget("unit");
  EXPECT_TRUE(bool(T));
  return **T;
}

} // namespace

TEST(Rules, LookupByOpsetTakesGreatestSinceNotAbove) {
  const LoweringRow *R = findLowering("", "MatMul", 17);
  ASSERT_NE(R, nullptr);
  EXPECT_LE(R->Since, 17);
  for (const LoweringRow &Other : loweringRules())
    if (llvm::StringRef(Other.OpType) == "MatMul" && Other.Since <= 17)
      EXPECT_LE(Other.Since, R->Since);
  EXPECT_EQ(findLowering("", "MatMul", 0), nullptr);
  EXPECT_EQ(findLowering("", "NoSuchOp", 17), nullptr);
  EXPECT_EQ(findLowering("com.example", "MatMul", 17), nullptr);
}

TEST(Rules, TableIsSorted) {
  auto Rules = loweringRules();
  for (size_t I = 1; I < Rules.size(); ++I) {
    auto Key = [](const LoweringRow &R) {
      return std::make_tuple(std::string(R.Domain), std::string(R.OpType),
                             R.Since);
    };
    EXPECT_LT(Key(Rules[I - 1]), Key(Rules[I]));
  }
}

TEST(Lower, MatMulCountsAndTOs) {
  Graph G = matmulGraph(2, 3, 4);
  DiagnosticList D;
  LoweredGraph L = lowerGraph(G, {}, D);
  ASSERT_EQ(L.Nodes[0].St, NodeCost::Costed) << L.Nodes[0].Problem;
  EXPECT_TRUE(D.empty());
  const NodeCost &C = L.Nodes[0];
  int64_t Mul = 0, Add = 0;
  for (const PrimitiveUse &U : C.Prims) {
    if (llvm::StringRef(primitives()[U.Primitive].Name) == "mul")
      Mul = U.Count;
    if (llvm::StringRef(primitives()[U.Primitive].Name) == "add")
      Add = U.Count;
  }
  EXPECT_EQ(Mul, 24);
  EXPECT_EQ(Add, 16);
  EXPECT_EQ(C.MACs, 24);
  EXPECT_EQ(C.FLOPs, 40);
  EXPECT_EQ(C.TOs, 24 * tos("mul", "f32") + 16 * tos("add", "f32"));
  EXPECT_EQ(C.ReadBytes, 72);
  EXPECT_EQ(C.WriteBytes, 32);
  EXPECT_EQ(L.NumCosted, 1u);
  EXPECT_EQ(L.TOs, C.TOs);
}

TEST(Lower, BitWidthChangesTOsNotCounts) {
  Graph G = matmulGraph(2, 3, 4);
  for (Value &V : G.Values)
    V.Type = ElemType::Float16;
  DiagnosticList D;
  LoweredGraph L = lowerGraph(G, {}, D);
  ASSERT_EQ(L.Nodes[0].St, NodeCost::Costed);
  EXPECT_EQ(L.Nodes[0].TOs, 24 * tos("mul", "f16") + 16 * tos("add", "f16"));
  EXPECT_LT(L.Nodes[0].TOs, 24 * tos("mul", "f32") + 16 * tos("add", "f32"));
}

TEST(Lower, UnknownDimIsNotCostedAndNamed) {
  Graph G = matmulGraph(2, 3, 4);
  G.Values[0].Shape[0] = Dim{-1, "batch"};
  DiagnosticList D;
  LoweredGraph L = lowerGraph(G, {}, D);
  EXPECT_EQ(L.Nodes[0].St, NodeCost::Unresolved);
  EXPECT_EQ(L.NumCosted, 0u);
  ASSERT_EQ(D.all().size(), 1u);
  EXPECT_EQ(D.all()[0].Node, "mm");
  EXPECT_EQ(D.all()[0].Code, "unresolved-shape");
  EXPECT_NE(D.all()[0].Message.find("'A'"), std::string::npos);
}

TEST(Lower, OverflowingShapeIsDetected) {
  Graph G = matmulGraph(int64_t(1) << 40, int64_t(1) << 20, int64_t(1) << 20);
  DiagnosticList D;
  LoweredGraph L = lowerGraph(G, {}, D);
  EXPECT_NE(L.Nodes[0].St, NodeCost::Costed);
  ASSERT_FALSE(D.empty());
}

TEST(Lower, UnknownOpPolicy) {
  Graph G = matmulGraph(2, 3, 4);
  G.Nodes[0].OpType = "Mystery";
  DiagnosticList Warn, Err;
  lowerGraph(G, {UnknownOpPolicy::Warn}, Warn);
  lowerGraph(G, {UnknownOpPolicy::Error}, Err);
  EXPECT_EQ(Warn.count(Severity::Warning), 1u);
  EXPECT_EQ(Err.count(Severity::Error), 1u);
  EXPECT_EQ(Err.all()[0].Code, "unknown-op");
}

TEST(Target, BuiltinsInitialiseAndAliasesResolve) {
  EXPECT_GE(allTargets().size(), 3u);
  for (const Target &T : allTargets()) {
    auto Found = findTarget(T.name());
    ASSERT_TRUE(bool(Found)) << llvm::toString(Found.takeError());
    EXPECT_GT((*Found)->energyPerTO(), 0) << T.name().str();
  }
  auto A = findTarget("a100");
  ASSERT_TRUE(bool(A));
  EXPECT_EQ((*A)->name(), "a100-sxm4-80gb");
  auto Bad = findTarget("nope");
  ASSERT_FALSE(bool(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("known:"), std::string::npos);
}

TEST(Target, EnergyPerTOFollowsFromReferenceOp) {
  const Target &T = **findTarget("a100");
  const TargetRow &R = T.row();
  ASSERT_TRUE(R.HasComputeRef);
  double Want = R.RefEnergy.Value /
                double(tos(R.RefPrimitive, R.RefDType)) * R.TechScale.Value;
  EXPECT_DOUBLE_EQ(T.energyPerTO(), Want);
  EXPECT_DOUBLE_EQ(unitTarget().energyPerTO(), 1e-12);
}

TEST(Energy, UnitTargetByHand) {
  Graph G = matmulGraph(2, 3, 4);
  DiagnosticList D;
  LoweredGraph L = lowerGraph(G, {}, D);
  const Target &T = unitTarget();
  Estimate E = estimateEnergy(G, L, T, D);
  const NodeEstimate &N = E.Nodes[0];
  double TOs = double(L.Nodes[0].TOs);
  EXPECT_DOUBLE_EQ(N.ComputeJ, TOs * 1e-12);
  EXPECT_EQ(N.Level, 0); // 104 B fits L1
  EXPECT_DOUBLE_EQ(N.MemoryJ, 104 * T.levels()[0].ReadEnergy.Value);
  double Time = std::max(40 / T.peakFor("f32"), 104 / T.levels()[0].Bandwidth.Value);
  EXPECT_DOUBLE_EQ(N.seconds(), Time);
  EXPECT_DOUBLE_EQ(N.StaticJ, Time * T.row().StaticPower.Value);
  EXPECT_DOUBLE_EQ(E.totalJ(), N.totalJ());
  EXPECT_EQ(E.Levels[0].Nodes, 1u);
}

TEST(Energy, LargeWorkingSetServedFromLastLevel) {
  const Target &T = unitTarget();
  // A working set twice the first level's capacity.
  int64_t Elems = int64_t(T.levelCapacity(0)) / 4;
  Graph G = matmulGraph(1, Elems, 2);
  DiagnosticList D;
  LoweredGraph L = lowerGraph(G, {}, D);
  Estimate E = estimateEnergy(G, L, T, D);
  EXPECT_GT(E.Nodes[0].Level, 0);
}

TEST(Views, TextAndJSONRenderTheSameData) {
  Graph G = matmulGraph(8, 16, 4);
  DiagnosticList D;
  LoweredGraph L = lowerGraph(G, {}, D);
  const Target &T = unitTarget();
  Estimate E = estimateEnergy(G, L, T, D);
  ReportOptions O;
  O.Parameters["target"] = "unit";
  Report R = collectReport(G, L, E, T, D, O);

  std::string JSONText, Text;
  llvm::raw_string_ostream JS(JSONText), TS(Text);
  renderJSON(R, JS);
  renderText(R, TS);
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(JSONText);
  ASSERT_TRUE(bool(V)) << llvm::toString(V.takeError());
  const llvm::json::Object *Root = V->getAsObject();
  ASSERT_NE(Root, nullptr);
  const llvm::json::Object *Totals = Root->getObject("totals");
  ASSERT_NE(Totals, nullptr);
  EXPECT_EQ(*Totals->getInteger("tos"), R.TOs);
  EXPECT_DOUBLE_EQ(*Totals->getNumber("energy_J"), R.totalJ());
  EXPECT_EQ(*Root->getObject("parameters")->getString("target"), "unit");
  EXPECT_NE(Text.find(std::to_string(R.TOs) + " TOs"), std::string::npos);
  EXPECT_NE(Text.find(formatSI(R.totalJ(), "J")), std::string::npos);
}

TEST(Views, FormatSI) {
  EXPECT_EQ(formatSI(0.0123, "J"), "12.3 mJ");
  EXPECT_EQ(formatSI(4.56e-6, "J"), "4.56 uJ");
  EXPECT_EQ(formatSI(1536, "B"), "1.536 kB");
  EXPECT_EQ(formatSI(0, "J"), "0 J");
}
