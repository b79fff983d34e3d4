//===- test/Unit/TrainingTest.cpp - Train mode: rules, phases, options ----===//
//
// The training pieces below the driver: which ops have gradient rules, the
// optimizer table, the phases of a lowered training step on a hand-built
// graph, the options' checks and the working-set placement.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Energy/MemorySim.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Lower/Rules.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Target/Target.h"
#include <gtest/gtest.h>

using namespace onnx_energy;
using llvm::Expected;

namespace {

int addValue(Graph &G, const std::string &Name, std::vector<int64_t> Shape,
             bool Weight = false) {
  Value V;
  V.Name = Name;
  V.Type = ElemType::Float;
  V.HasShape = true;
  V.IsInitializer = Weight;
  for (int64_t D : Shape)
    V.Shape.push_back(Dim{D, ""});
  G.Values.push_back(V);
  return G.Values.size() - 1;
}

/// Y = MatMul(X[M,K], W[K,N]), W a weight, X a graph input.
Graph matmulGraph(int64_t M, int64_t K, int64_t N) {
  Graph G;
  G.Path = "train.onnx";
  G.Opsets[""] = 17;
  int X = addValue(G, "X", {M, K}), W = addValue(G, "W", {K, N}, true),
      Y = addValue(G, "Y", {M, N});
  G.Inputs = {X};
  G.Outputs = {Y};
  Node Nd;
  Nd.Name = "mm";
  Nd.OpType = "MatMul";
  Nd.OpsetVersion = 17;
  Nd.Inputs = {X, W};
  Nd.Outputs = {Y};
  G.Nodes.push_back(Nd);
  G.Values[Y].Producer = 0;
  return G;
}

int64_t countOf(const std::vector<PrimitiveUse> &Uses, const char *Prim) {
  int64_t N = 0;
  for (const PrimitiveUse &U : Uses)
    if (U.Primitive == *findPrimitive(Prim))
      N += U.Count;
  return N;
}

TEST(Training, OpsOfTheGeneratorAndTorchvisionHaveGradientRules) {
  for (const char *Op :
       {"Gemm", "MatMul", "Conv", "Relu", "Sigmoid", "Tanh", "Softmax",
        "BatchNormalization", "Add", "Sub", "Mul", "Div", "MaxPool",
        "AveragePool", "GlobalAveragePool", "Flatten", "Reshape", "Concat",
        "Transpose", "LogSoftmax"})
    for (int Opset : {11, 13, 17}) {
      const LoweringRow *R = findLowering("", Op, Opset);
      ASSERT_NE(R, nullptr) << Op;
      EXPECT_TRUE(gradientOf(*R).HasGrad) << Op << " at opset " << Opset;
    }
  const LoweringRow *LN = findLowering("", "LayerNormalization", 17);
  ASSERT_NE(LN, nullptr);
  EXPECT_TRUE(gradientOf(*LN).HasGrad);
  // BatchNormalization's running statistics are never trained.
  EXPECT_EQ(gradientOf(*findLowering("", "BatchNormalization", 15))
                .NoGradInputs,
            (1u << 3) | (1u << 4));
  // An op without a rule stays without one: no silent zero.
  EXPECT_FALSE(gradientOf(*findLowering("", "Erf", 13)).HasGrad);
}

TEST(Training, OptimizerTable) {
  ASSERT_EQ(optimizers().size(), 3u);
  for (const char *Name : {"sgd", "momentum", "adam"}) {
    const OptimizerRow *O = findOptimizer(Name);
    ASSERT_NE(O, nullptr) << Name;
    EXPECT_NE(std::string(O->Source), "") << Name;
  }
  EXPECT_EQ(findOptimizer("sgd")->StateTensors, 0u);
  EXPECT_EQ(findOptimizer("momentum")->StateTensors, 1u);
  EXPECT_EQ(findOptimizer("adam")->StateTensors, 2u);
  EXPECT_EQ(findOptimizer("rmsprop"), nullptr);
}

TEST(Training, PhasesOfAStep) {
  // M = 4, K = 3, N = 5; X is data: only dW = X^T dY (K*N*M mul,
  // K*N*(M-1) add). Adam on W's 15 elements.
  Graph G = matmulGraph(4, 3, 5);
  LowerOptions LO;
  Expected<TrainOptions> T = makeTrainOptions("train", "adam", 10, 3);
  ASSERT_TRUE(bool(T));
  LO.Train = *T;
  DiagnosticList Diags;
  LoweredGraph L = lowerGraph(G, LO, Diags);
  ASSERT_EQ(L.NumCosted, 1u);
  const NodeCost &C = L.Nodes[0];
  EXPECT_TRUE(C.Backward);
  EXPECT_EQ(countOf(C.Fwd.Prims, "mul"), 60);
  EXPECT_EQ(countOf(C.Bwd.Prims, "mul"), 60);
  EXPECT_EQ(countOf(C.Bwd.Prims, "add"), 45);
  EXPECT_EQ(C.Bwd.MACs, 60);
  EXPECT_EQ(countOf(C.Update.Prims, "mul"), 6 * 15 + 2);
  EXPECT_EQ(countOf(C.Update.Prims, "add"), 4 * 15 + 2);
  EXPECT_EQ(countOf(C.Update.Prims, "div"), 3 * 15);
  EXPECT_EQ(countOf(C.Update.Prims, "sqrt"), 15);
  EXPECT_EQ(C.TOs, C.Fwd.TOs + C.Bwd.TOs + C.Update.TOs);
  EXPECT_EQ(C.MACs, 120);
  EXPECT_EQ(L.TOs, C.TOs);
  EXPECT_EQ(L.ParamElems, 15);
  EXPECT_EQ(L.ParamBytes, 60);
  EXPECT_EQ(L.StateBytes, 120);
  // X and Y: 48 + 80 bytes kept for backward; a datum is a row of each.
  EXPECT_EQ(L.SavedBytes, 128);
  EXPECT_EQ(L.Batch, 4);
  EXPECT_EQ(L.DatumBytes, 32);
  EXPECT_EQ(L.stepsPerEpoch(), 3); // ceil(10 / 4)

  // Inference: the same node, forward only.
  LoweredGraph I = lowerGraph(G, LowerOptions(), Diags);
  EXPECT_EQ(I.Nodes[0].TOs, C.Fwd.TOs);
  EXPECT_FALSE(I.Nodes[0].Backward);
}

TEST(Training, Options) {
  EXPECT_FALSE(llvm::cantFail(makeTrainOptions("infer", "sgd", 0, 1)).Enabled);
  auto Msg = [](Expected<TrainOptions> E) {
    return E ? std::string() : llvm::toString(E.takeError());
  };
  EXPECT_EQ(Msg(makeTrainOptions("fit", "sgd", 0, 1)),
            "--mode=fit: expected infer or train");
  EXPECT_EQ(Msg(makeTrainOptions("train", "x", 0, 1)),
            "--optimizer=x: unknown optimizer; known: sgd, momentum, adam");
  EXPECT_EQ(Msg(makeTrainOptions("train", "sgd", -1, 1)),
            "--dataset-size=-1: must be 0 (one batch) or more");
  EXPECT_EQ(Msg(makeTrainOptions("train", "sgd", 0, 0)),
            "--epochs=0: must be 1 or more");
}

TEST(Training, PlacementJumpsAtTheBoundary) {
  // unit3: L1 1 MiB, L2 4 MiB, one unit.
  auto T = findTarget("unit3");
  ASSERT_TRUE(bool(T));
  EXPECT_EQ((*T)->levels()[placeWorkingSet(**T, 512 * 1024, 512 * 1024)].Name,
            std::string("L1"));
  EXPECT_EQ(
      (*T)->levels()[placeWorkingSet(**T, 512 * 1024, 512 * 1024 + 1)].Name,
      std::string("L2"));
  // Capacity accumulates level by level (BUTTER-E): L1 + L2 = 5 MiB.
  EXPECT_EQ((*T)->levels()[placeWorkingSet(**T, 5 * 1024 * 1024, 0)].Name,
            std::string("L2"));
  EXPECT_EQ((*T)->levels()[placeWorkingSet(**T, 5 * 1024 * 1024 + 1, 0)].Name,
            std::string("DRAM"));
}

} // namespace
