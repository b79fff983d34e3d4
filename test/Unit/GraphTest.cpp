//===- test/Unit/GraphTest.cpp - Graph and Diagnostics helpers ------------===//
#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace onnx_energy;

namespace {

Value makeValue(ElemType T, std::vector<int64_t> Dims) {
  Value V;
  V.Type = T;
  V.HasShape = true;
  for (int64_t D : Dims) {
    Dim X;
    X.Value = D;
    V.Shape.push_back(X);
  }
  return V;
}

TEST(GraphTest, ElemTypes) {
  EXPECT_STREQ(elemTypeName(ElemType::Float), "f32");
  EXPECT_STREQ(elemTypeName(ElemType::Int64), "i64");
  EXPECT_STREQ(elemTypeName(ElemType::BFloat16), "bf16");
  EXPECT_EQ(elemBits(ElemType::Float), 32u);
  EXPECT_EQ(elemBits(ElemType::Float16), 16u);
  EXPECT_EQ(elemBits(ElemType::Bool), 8u);
  EXPECT_EQ(elemBits(ElemType::Int4), 4u);
  EXPECT_EQ(elemBits(ElemType::Complex128), 128u);
  EXPECT_EQ(elemBits(ElemType::String), 0u);
  EXPECT_EQ(elemBits(ElemType::Undefined), 0u);
}

TEST(GraphTest, SizesAndShapeString) {
  Value V = makeValue(ElemType::Float, {1, 3, 224, 224});
  EXPECT_TRUE(V.fullyKnown());
  EXPECT_EQ(V.numElements().value(), 150528);
  EXPECT_EQ(V.byteSize().value(), 602112);
  EXPECT_EQ(V.shapeString(), "1x3x224x224");

  Value S = makeValue(ElemType::Int64, {});
  EXPECT_EQ(S.shapeString(), "scalar");
  EXPECT_EQ(S.numElements().value(), 1);
  EXPECT_EQ(S.byteSize().value(), 8);

  Value Q = makeValue(ElemType::Int4, {3});
  EXPECT_EQ(Q.byteSize().value(), 2); // 12 bits, rounded up

  Value U = makeValue(ElemType::Float, {2, 0});
  U.Shape[0].Value = -1;
  U.Shape[0].Symbol = "N";
  U.Shape.push_back(Dim());
  EXPECT_FALSE(U.fullyKnown());
  EXPECT_FALSE(U.numElements().valid());
  EXPECT_FALSE(U.byteSize().valid());
  EXPECT_EQ(U.shapeString(), "Nx0x?");

  Value None;
  EXPECT_EQ(None.shapeString(), "unknown");
  EXPECT_FALSE(None.numElements().valid());

  Value Str = makeValue(ElemType::String, {4});
  EXPECT_FALSE(Str.byteSize().valid());

  Value Big = makeValue(ElemType::Double, {int64_t(1) << 40, int64_t(1) << 30});
  EXPECT_FALSE(Big.numElements().valid()); // 2^70 overflows

  // 2^62 one-byte elements are 2^62 bytes, although their 2^65 bits would
  // overflow; 2^61 f32 elements (2^63 bytes) do not fit in int64.
  Value Bytes = makeValue(ElemType::UInt8, {int64_t(1) << 31, int64_t(1) << 31});
  EXPECT_EQ(Bytes.byteSize().value(), int64_t(1) << 62);
  Value Over = makeValue(ElemType::Float, {int64_t(1) << 61});
  EXPECT_TRUE(Over.numElements().valid());
  EXPECT_FALSE(Over.byteSize().valid());
  Value Nibbles = makeValue(ElemType::Int4, {int64_t(1) << 61});
  EXPECT_EQ(Nibbles.byteSize().value(), int64_t(1) << 60);
}

TEST(GraphTest, NodeAttributes) {
  Node N;
  Attribute A;
  A.K = Attribute::Int;
  A.I = 3;
  N.Attributes["axis"] = A;
  Attribute F;
  F.K = Attribute::Float;
  F.F = 0.5f;
  N.Attributes["alpha"] = F;
  Attribute Is;
  Is.K = Attribute::Ints;
  Is.Is = {1, 2};
  N.Attributes["pads"] = Is;
  Attribute S;
  S.K = Attribute::String;
  S.S = "SAME_UPPER";
  N.Attributes["auto_pad"] = S;
  EXPECT_EQ(N.intAttr("axis", -1), 3);
  EXPECT_EQ(N.intAttr("missing", -1), -1);
  EXPECT_EQ(N.intAttr("alpha", 7), 7); // wrong kind: default
  EXPECT_FLOAT_EQ(N.floatAttr("alpha", 1.0f), 0.5f);
  EXPECT_FLOAT_EQ(N.floatAttr("axis", 1.0f), 3.0f);
  EXPECT_FLOAT_EQ(N.floatAttr("missing", 1.0f), 1.0f);
  EXPECT_EQ(N.intsAttr("pads"), (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(N.intsAttr("missing").empty());
  EXPECT_EQ(N.stringAttr("auto_pad", "NOTSET"), "SAME_UPPER");
  EXPECT_EQ(N.stringAttr("missing", "NOTSET"), "NOTSET");
  EXPECT_NE(N.attr("axis"), nullptr);
  EXPECT_EQ(N.attr("nope"), nullptr);
}

TEST(GraphTest, FindValue) {
  Graph G;
  G.Values.resize(2);
  G.Values[0].Name = "x";
  G.Values[1].Name = "y";
  EXPECT_EQ(G.findValue("y"), 1);
  EXPECT_EQ(G.findValue("z"), -1);
}

TEST(DiagnosticsTest, PrintAndCount) {
  DiagnosticList L;
  EXPECT_TRUE(L.empty());
  Diagnostic D;
  D.File = "m.onnx";
  D.Node = "fc1";
  D.OpType = "Gemm";
  D.Code = "unknown-dim";
  D.Message = "shape unknown";
  L.add(D);
  Diagnostic M;
  M.Sev = Severity::Error;
  M.File = "m.onnx";
  M.Code = "unknown-op";
  M.Message = "model-level";
  L.add(M);
  EXPECT_EQ(L.count(Severity::Warning), 1u);
  EXPECT_EQ(L.count(Severity::Error), 1u);
  EXPECT_EQ(L.count(Severity::Note), 0u);
  std::string S;
  llvm::raw_string_ostream OS(S);
  L.print(OS);
  EXPECT_EQ(OS.str(), "m.onnx: node 'fc1' (Gemm): warning: shape unknown "
                      "[unknown-dim]\n"
                      "m.onnx: error: model-level [unknown-op]\n");
  EXPECT_STREQ(severityName(Severity::Note), "note");
}

} // namespace
