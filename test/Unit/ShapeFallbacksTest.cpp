//===- test/Unit/ShapeFallbacksTest.cpp - Our own shape rules -------------===//
#include "onnx-energy/Import/ShapeFallbacks.h"
#include "onnx-energy/Import/Import.h"
#include "onnx-energy/Lower/Lower.h"
#include "llvm/Support/MemoryBuffer.h"
#include <gtest/gtest.h>

using namespace onnx_energy;

namespace {

/// Builds Graphs by hand: values by name, nodes in topological order.
struct Builder {
  Graph G;

  int value(const std::string &Name, ElemType T,
            std::optional<std::vector<int64_t>> Dims) {
    Value V;
    V.Name = Name;
    V.Type = T;
    if (Dims) {
      V.HasShape = true;
      for (int64_t D : *Dims) {
        Dim X;
        X.Value = D;
        V.Shape.push_back(X);
      }
    }
    G.Values.push_back(V);
    return int(G.Values.size()) - 1;
  }
  int input(const std::string &Name, ElemType T, std::vector<int64_t> Dims) {
    int I = value(Name, T, Dims);
    G.Values[I].IsGraphInput = true;
    G.Inputs.push_back(I);
    return I;
  }
  int constInts(const std::string &Name, std::vector<int64_t> Data) {
    int I = value(Name, ElemType::Int64, std::vector<int64_t>{int64_t(Data.size())});
    G.Values[I].IsInitializer = true;
    G.Values[I].IntData = Data;
    return I;
  }
  /// A node whose outputs are new values of unknown type and shape.
  Node &node(const std::string &Op, const std::string &Domain, int Opset,
             std::vector<int> Inputs, std::vector<std::string> Outputs) {
    Node N;
    N.Name = Op + "_" + std::to_string(G.Nodes.size());
    N.OpType = Op;
    N.Domain = Domain;
    N.OpsetVersion = Opset;
    N.Inputs = Inputs;
    for (const std::string &O : Outputs) {
      if (O.empty()) {
        N.Outputs.push_back(NoValue);
        continue;
      }
      int I = value(O, ElemType::Undefined, std::nullopt);
      G.Values[I].Producer = int(G.Nodes.size());
      N.Outputs.push_back(I);
    }
    G.Nodes.push_back(N);
    return G.Nodes.back();
  }
  int out(const std::string &Name) const { return G.findValue(Name); }
  std::string shapeOf(const std::string &Name) const {
    return G.Values[out(Name)].shapeString();
  }
  ElemType typeOf(const std::string &Name) const {
    return G.Values[out(Name)].Type;
  }
  unsigned run() {
    DiagnosticList D;
    return applyShapeFallbacks(G, D);
  }
};

Attribute intA(int64_t V) {
  Attribute A;
  A.K = Attribute::Int;
  A.I = V;
  return A;
}
Attribute intsA(std::vector<int64_t> V) {
  Attribute A;
  A.K = Attribute::Ints;
  A.Is = V;
  return A;
}
Attribute strA(const std::string &S) {
  Attribute A;
  A.K = Attribute::String;
  A.S = S;
  return A;
}

const char *MS = "com.microsoft";

TEST(ShapeFallbacksTest, ContribChainPropagates) {
  Builder B;
  int X = B.input("X", ElemType::Float, {2, 3, 16});
  int Bias = B.input("bias", ElemType::Float, {16});
  int Gamma = B.input("gamma", ElemType::Float, {16});
  int Wq = B.input("Wq", ElemType::UInt8, {8, 1, 8});
  int Sc = B.input("scales", ElemType::Float, {8});
  B.node("BiasGelu", MS, 1, {X, Bias}, {"g"});
  B.node("SkipLayerNormalization", MS, 1, {B.out("g"), X, Gamma},
         {"ln", "mean", "inv_std", "sum"});
  Node &M = B.node("MatMulNBits", MS, 1, {B.out("ln"), Wq, Sc}, {"y"});
  M.Attributes["K"] = intA(16);
  M.Attributes["N"] = intA(8);
  EXPECT_GT(B.run(), 0u);
  EXPECT_EQ(B.shapeOf("g"), "2x3x16");
  EXPECT_EQ(B.typeOf("g"), ElemType::Float);
  EXPECT_EQ(B.shapeOf("ln"), "2x3x16");
  EXPECT_EQ(B.shapeOf("mean"), "2x3x1");
  EXPECT_EQ(B.shapeOf("inv_std"), "2x3x1");
  EXPECT_EQ(B.shapeOf("sum"), "2x3x16");
  EXPECT_EQ(B.shapeOf("y"), "2x3x8");
  EXPECT_EQ(B.typeOf("y"), ElemType::Float);
  // A second run changes nothing.
  EXPECT_EQ(B.run(), 0u);
}

TEST(ShapeFallbacksTest, KnownShapesAreKept) {
  Builder B;
  int X = B.input("X", ElemType::Float, {2, 3});
  B.node("Gelu", MS, 1, {X}, {"y"});
  Value &Y = B.G.Values[B.out("y")];
  Y.HasShape = true;
  Y.Type = ElemType::Float;
  Y.Shape.resize(2);
  Y.Shape[0].Value = 2;
  Y.Shape[1].Symbol = "N"; // unknown dim gets filled, known one kept
  B.run();
  EXPECT_EQ(B.shapeOf("y"), "2x3");
}

TEST(ShapeFallbacksTest, ReduceWithAxesInput) {
  Builder B;
  int X = B.input("X", ElemType::Float, {2, 3, 4});
  int Axes = B.constInts("axes", {-1, 1});
  B.node("ReduceMean", "", 18, {X, Axes}, {"keep"});
  Node &N = B.node("ReduceSumSquare", "", 18, {X, Axes}, {"drop"});
  N.Attributes["keepdims"] = intA(0);
  B.node("ReduceMax", "", 18, {X}, {"all"});
  Node &Noop = B.node("ReduceL2", "", 18, {X}, {"noop"});
  Noop.Attributes["noop_with_empty_axes"] = intA(1);
  // Axes known only at run time: not guessed.
  int RtAxes = B.input("rt_axes", ElemType::Int64, {1});
  B.node("ReduceProd", "", 18, {X, RtAxes}, {"unknown"});
  // Before opset 18 the axes are an attribute.
  Node &Old = B.node("ReduceMin", "", 13, {X}, {"old"});
  Old.Attributes["axes"] = intsA({0});
  B.run();
  EXPECT_EQ(B.shapeOf("keep"), "2x1x1");
  EXPECT_EQ(B.shapeOf("drop"), "2");
  EXPECT_EQ(B.shapeOf("all"), "1x1x1");
  EXPECT_EQ(B.shapeOf("noop"), "2x3x4");
  EXPECT_EQ(B.shapeOf("unknown"), "unknown");
  EXPECT_EQ(B.shapeOf("old"), "1x3x4");
}

TEST(ShapeFallbacksTest, SplitNumOutputsAndSizes) {
  Builder B;
  int X = B.input("X", ElemType::Float, {7, 2});
  Node &N = B.node("Split", "", 18, {X}, {"a", "b", "c"});
  N.Attributes["num_outputs"] = intA(3);
  int S = B.constInts("split", {5, 2});
  B.node("Split", "", 18, {X, S}, {"d", "e"});
  int Bad = B.constInts("bad", {5, 5});
  B.node("Split", "", 18, {X, Bad}, {"f", "g"});
  DiagnosticList D;
  applyShapeFallbacks(B.G, D);
  EXPECT_EQ(B.shapeOf("a"), "3x2");
  EXPECT_EQ(B.shapeOf("b"), "3x2");
  EXPECT_EQ(B.shapeOf("c"), "1x2");
  EXPECT_EQ(B.shapeOf("d"), "5x2");
  EXPECT_EQ(B.shapeOf("e"), "2x2");
  EXPECT_EQ(B.shapeOf("f"), "unknown");
  ASSERT_EQ(D.all().size(), 1u);
  EXPECT_EQ(D.all()[0].Code, "shape-fallback");
}

TEST(ShapeFallbacksTest, ResizeAndPad) {
  Builder B;
  int X = B.input("X", ElemType::Float, {1, 3, 4, 6});
  int Sizes = B.constInts("sizes", {8, 12});
  Node &R = B.node("Resize", "", 19, {X, NoValue, NoValue, Sizes}, {"r"});
  R.Attributes["axes"] = intsA({2, 3});
  int Sizes2 = B.constInts("sizes2", {8, 8});
  Node &R2 = B.node("Resize", "", 18, {X, NoValue, NoValue, Sizes2}, {"r2"});
  R2.Attributes["axes"] = intsA({2, 3});
  R2.Attributes["keep_aspect_ratio_policy"] = strA("not_larger");
  int Pads = B.constInts("pads", {1, 2, 3, 4});
  int PadAxes = B.constInts("pad_axes", {1, -1});
  B.node("Pad", "", 19, {X, Pads, NoValue, PadAxes}, {"p"});
  int RtPads = B.input("rt_pads", ElemType::Int64, {8});
  B.node("Pad", "", 18, {X, RtPads}, {"q"});
  B.run();
  EXPECT_EQ(B.shapeOf("r"), "1x3x8x12");
  // not_larger: scale min(8/4, 8/6) = 4/3: 4 -> 5 (5.33 rounded), 6 -> 8.
  EXPECT_EQ(B.shapeOf("r2"), "1x3x5x8");
  EXPECT_EQ(B.shapeOf("p"), "1x7x4x12");
  EXPECT_EQ(B.shapeOf("q"), "unknown");
}

TEST(ShapeFallbacksTest, AttentionFamily) {
  Builder B;
  int Q = B.input("Q", ElemType::Float16, {2, 5, 64});
  int K = B.input("K", ElemType::Float16, {2, 7, 32});
  int V = B.input("V", ElemType::Float16, {2, 7, 48});
  Node &A = B.node("Attention", "", 23, {Q, K, V}, {"y", "pk", "pv", "qk"});
  A.Attributes["q_num_heads"] = intA(4);
  A.Attributes["kv_num_heads"] = intA(2);
  int X = B.input("X", ElemType::Float, {2, 5, 32});
  int W = B.input("W", ElemType::Float, {32, 96});
  Node &M = B.node("Attention", MS, 1, {X, W}, {"msy", "present"});
  M.Attributes["num_heads"] = intA(4);
  Node &H = B.node("MultiHeadAttention", MS, 1, {X, X, X}, {"mha"});
  H.Attributes["num_heads"] = intA(4);
  int Tot = B.constInts("total", {9});
  int PK = B.input("past_k", ElemType::Float, {2, 2, 4, 8});
  int KV = B.input("kv", ElemType::Float, {2, 5, 16});
  Node &G = B.node("GroupQueryAttention", MS, 1,
                   {X, KV, KV, PK, PK, NoValue, Tot}, {"gqa", "gk", "gv"});
  G.Attributes["num_heads"] = intA(4);
  G.Attributes["kv_num_heads"] = intA(2);
  B.run();
  EXPECT_EQ(B.shapeOf("y"), "2x5x96"); // 4 heads x 48/2
  EXPECT_EQ(B.typeOf("y"), ElemType::Float16);
  EXPECT_EQ(B.shapeOf("pk"), "2x2x7x16");
  EXPECT_EQ(B.shapeOf("pv"), "2x2x7x24");
  EXPECT_EQ(B.shapeOf("qk"), "2x4x5x7");
  EXPECT_EQ(B.shapeOf("msy"), "2x5x32");
  EXPECT_EQ(B.shapeOf("present"), "2x2x4x5x8");
  EXPECT_EQ(B.shapeOf("mha"), "2x5x32");
  EXPECT_EQ(B.shapeOf("gqa"), "2x5x32");
  EXPECT_EQ(B.shapeOf("gk"), "2x2x9x8");
}

TEST(ShapeFallbacksTest, NewerNormsAndQuantized) {
  Builder B;
  int X = B.input("X", ElemType::Float, {2, 4, 3, 3});
  int S = B.input("S", ElemType::Float, {4});
  Node &GN = B.node("GroupNormalization", "", 21, {X, S, S}, {"gn"});
  GN.Attributes["num_groups"] = intA(2);
  B.node("RMSNormalization", "", 23, {X, S}, {"rms"});
  Node &SL = B.node("SimplifiedLayerNormalization", "", 1, {X, S},
                    {"sl", "inv"});
  SL.Attributes["axis"] = intA(2);
  int W = B.input("W", ElemType::Float, {5, 4, 3, 3});
  Node &C = B.node("FusedConv", MS, 1, {X, W}, {"conv"});
  C.Attributes["pads"] = intsA({1, 1, 1, 1});
  C.Attributes["activation"] = strA("Relu");
  int Q = B.input("Q", ElemType::UInt8, {1, 2, 3, 4});
  int Q2 = B.input("Q2", ElemType::UInt8, {1, 5, 3, 4});
  int Sc = B.input("s", ElemType::Float, {});
  int Zp = B.input("z", ElemType::UInt8, {});
  Node &Cat = B.node("QLinearConcat", MS, 1, {Sc, Zp, Q, Sc, Zp, Q2, Sc, Zp},
                     {"cat"});
  Cat.Attributes["axis"] = intA(1);
  Node &GP = B.node("QLinearGlobalAveragePool", MS, 1, {Q, Sc, Zp, Sc, Zp},
                    {"gap"});
  GP.Attributes["channels_last"] = intA(1);
  int A = B.input("A", ElemType::UInt8, {3, 1});
  B.node("QLinearAdd", MS, 1, {A, Sc, Zp, Q, Sc, Zp, Sc, Zp}, {"qadd"});
  int I16 = B.input("I16", ElemType::Int16, {6, 4});
  B.node("MatMulInteger16", MS, 1, {I16, I16}, {"nope"}); // 6x4 x 6x4
  int J16 = B.input("J16", ElemType::Int16, {4, 2});
  B.node("MatMulInteger16", MS, 1, {I16, J16}, {"mmi"});
  DiagnosticList D;
  applyShapeFallbacks(B.G, D);
  EXPECT_EQ(B.shapeOf("gn"), "2x4x3x3");
  EXPECT_EQ(B.shapeOf("rms"), "2x4x3x3");
  EXPECT_EQ(B.shapeOf("sl"), "2x4x3x3");
  EXPECT_EQ(B.shapeOf("inv"), "2x4x1x1");
  EXPECT_EQ(B.shapeOf("conv"), "2x5x3x3");
  EXPECT_EQ(B.shapeOf("cat"), "1x7x3x4");
  EXPECT_EQ(B.typeOf("cat"), ElemType::UInt8);
  EXPECT_EQ(B.shapeOf("gap"), "1x1x1x4");
  EXPECT_EQ(B.shapeOf("qadd"), "1x2x3x4");
  EXPECT_EQ(B.shapeOf("nope"), "unknown");
  EXPECT_EQ(B.shapeOf("mmi"), "6x2");
  EXPECT_EQ(B.typeOf("mmi"), ElemType::Int32);
}

// End to end: what the importer's one-line hook does. A com.microsoft chain
// and an opset 18 Reduce with a constant axes input, whose intermediate
// shapes neither ONNX 1.12 nor the file gives, become fully costed.
TEST(ShapeFallbacksTest, ImportedModelBecomesCosted) {
  const char *Text = R"(
<ir_version: 8, opset_import: ["" : 18, "com.microsoft" : 1]>
agraph (float[2,3,8] X, float[8] b, float[8] g) => (float[2,1,8] Y) {
  axes = Constant<value_ints = [1]>()
  h = com.microsoft.BiasGelu(X, b)
  n = com.microsoft.SkipLayerNormalization(h, X, g)
  Y = ReduceMean(n, axes)
}
)";
  DiagnosticList D;
  auto G = importModelFromBuffer(
      llvm::MemoryBufferRef(Text, "model.onnxtxt"), "model.onnxtxt",
      ImportOptions(), D, ModelFormat::Text);
  ASSERT_TRUE(bool(G)) << llvm::toString(G.takeError());
  int H = G->findValue("h"), N = G->findValue("n");
  ASSERT_GE(H, 0);
  ASSERT_GE(N, 0);
  // The importer runs the fallback pass after ONNX's inference; running it
  // again changes nothing.
  EXPECT_TRUE(G->Values[H].fullyKnown());
  EXPECT_EQ(applyShapeFallbacks(*G, D), 0u);
  EXPECT_EQ(G->Values[H].shapeString(), "2x3x8");
  EXPECT_EQ(G->Values[N].shapeString(), "2x3x8");
  LoweredGraph L = lowerGraph(*G, LowerOptions(), D);
  EXPECT_EQ(L.NumCosted, unsigned(G->Nodes.size()));
}

} // namespace
