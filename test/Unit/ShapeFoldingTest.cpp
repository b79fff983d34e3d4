//===- test/Unit/ShapeFoldingTest.cpp - Evaluating shape arithmetic -------===//
//
// foldNode() on its own: the operator semantics the lit tests in
// test/Import/fold-*.onnxtxt do not reach (edge cases of Slice, Reshape,
// Mod, Cast), and that overflow, division by zero and out-of-range indices
// are reported failures while too-large or unknown inputs are just not
// folded.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Import/ShapeFolding.h"
#include <gtest/gtest.h>
#include <cmath>
#include <limits>

using namespace onnx_energy;

namespace {

constexpr int64_t I64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t I64Min = std::numeric_limits<int64_t>::min();

FoldedTensor ints(std::vector<int64_t> Dims, std::vector<int64_t> V,
                  ElemType T = ElemType::Int64) {
  FoldedTensor F;
  F.Type = T;
  F.Dims = std::move(Dims);
  F.Ints = std::move(V);
  return F;
}
FoldedTensor vec(std::vector<int64_t> V) {
  int64_t N = int64_t(V.size());
  return ints({N}, std::move(V));
}
FoldedTensor scalar(int64_t V) { return ints({}, {V}); }
FoldedTensor reals(std::vector<int64_t> Dims, std::vector<double> V) {
  FoldedTensor F;
  F.Type = ElemType::Float;
  F.Dims = std::move(Dims);
  F.Reals = std::move(V);
  return F;
}

Node node(const std::string &Op, int Opset = 13) {
  Node N;
  N.Name = Op + "_0";
  N.OpType = Op;
  N.OpsetVersion = Opset;
  return N;
}
void setInt(Node &N, const std::string &Name, int64_t V) {
  Attribute A;
  A.K = Attribute::Int;
  A.I = V;
  N.Attributes[Name] = A;
}
void setInts(Node &N, const std::string &Name, std::vector<int64_t> V) {
  Attribute A;
  A.K = Attribute::Ints;
  A.Is = std::move(V);
  N.Attributes[Name] = A;
}

/// Folds N with all of Ins present and known.
FoldResult fold(const Node &N, const std::vector<FoldedTensor> &Ins,
                const FoldLimits &L = {}) {
  std::vector<FoldInput> In(Ins.size());
  for (size_t I = 0; I < Ins.size(); ++I) {
    In[I].Present = true;
    In[I].Data = &Ins[I];
  }
  return foldNode(N, nullptr, In, L);
}

void expectInts(const FoldResult &R, std::vector<int64_t> Dims,
                std::vector<int64_t> V) {
  ASSERT_EQ(R.St, FoldResult::Folded) << R.Message;
  EXPECT_EQ(R.Value.Dims, Dims);
  EXPECT_EQ(R.Value.Ints, V);
}
void expectFailed(const FoldResult &R, const std::string &Substring) {
  ASSERT_EQ(R.St, FoldResult::Failed);
  EXPECT_NE(R.Message.find(Substring), std::string::npos) << R.Message;
}

TEST(ShapeFoldingTest, CheckedArithmetic) {
  expectFailed(fold(node("Mul"), {vec({I64Max / 2 + 1}), vec({2})}),
               "64-bit overflow in Mul: 4611686018427387904 * 2");
  expectFailed(fold(node("Add"), {vec({I64Max}), scalar(1)}),
               "64-bit overflow in Add");
  expectFailed(fold(node("Sub"), {vec({I64Min}), vec({1})}),
               "64-bit overflow in Sub");
  expectFailed(fold(node("Div"), {vec({I64Min}), vec({-1})}),
               "64-bit overflow in Div");
  expectFailed(fold(node("Div"), {vec({5}), vec({0})}), "division by zero");
  expectFailed(fold(node("Mod"), {vec({5}), vec({0})}), "division by zero");
  expectFailed(fold(node("Neg"), {vec({I64Min})}), "64-bit overflow in Neg");
  expectFailed(fold(node("Abs"), {vec({I64Min})}), "64-bit overflow in Abs");
  // int32 results must fit int32.
  expectFailed(fold(node("Mul"), {ints({1}, {65536}, ElemType::Int32),
                                  ints({1}, {65536}, ElemType::Int32)}),
               "int32 overflow in Mul");
  Node P = node("ReduceProd");
  expectFailed(fold(P, {vec({I64Max, 2})}), "ReduceProd: 64-bit overflow");
  expectFailed(fold(node("Range", 11), {scalar(I64Min), scalar(I64Max),
                                        scalar(1)}),
               "64-bit overflow in Range");
}

TEST(ShapeFoldingTest, IntegerDivisionAndModulo) {
  // Div truncates toward zero.
  expectInts(fold(node("Div"), {vec({7, -7, 7, -7}), vec({2, 2, -2, -2})}),
             {4}, {3, -3, -3, 3});
  // Mod: the divisor's sign; fmod=1: the dividend's.
  expectInts(fold(node("Mod"), {vec({7, -7, 7, -7}), vec({3, 3, -3, -3})}),
             {4}, {1, 2, -2, -1});
  Node F = node("Mod");
  setInt(F, "fmod", 1);
  expectInts(fold(F, {vec({7, -7, 7, -7}), vec({3, 3, -3, -3})}), {4},
             {1, -1, 1, -1});
  expectInts(fold(node("Mod"), {vec({I64Min}), vec({-1})}), {1}, {0});
}

TEST(ShapeFoldingTest, Broadcasting) {
  expectInts(fold(node("Add"), {ints({2, 1}, {10, 20}), vec({1, 2, 3})}),
             {2, 3}, {11, 12, 13, 21, 22, 23});
  expectFailed(fold(node("Add"), {vec({1, 2}), vec({1, 2, 3})}),
               "dims 2 and 3 do not broadcast");
  // Before opset 7 Add broadcast only with its broadcast attribute: not
  // folded unless the shapes are equal.
  EXPECT_EQ(fold(node("Add", 6), {ints({2, 1}, {1, 2}), vec({1, 2})}).St,
            FoldResult::NotFoldable);
  FoldedTensor C = ints({2, 1}, {1, 0}, ElemType::Bool);
  expectInts(fold(node("Where"), {C, vec({1, 2}), scalar(9)}), {2, 2},
             {1, 2, 9, 9});
  // Expand is bidirectional: [3, 1] to [2, 1, 4] gives [2, 3, 4].
  FoldResult E = fold(node("Expand"), {ints({3, 1}, {1, 2, 3}), vec({2, 1, 4})});
  ASSERT_EQ(E.St, FoldResult::Folded);
  EXPECT_EQ(E.Value.Dims, (std::vector<int64_t>{2, 3, 4}));
  EXPECT_EQ(E.Value.Ints[4], 2);
  expectFailed(fold(node("Expand"), {vec({1, 2, 3}), vec({2})}),
               "do not broadcast");
}

TEST(ShapeFoldingTest, Slice) {
  FoldedTensor R = vec({0, 1, 2, 3, 4, 5});
  // Ends beyond the dim are clamped, INT64_MAX included.
  expectInts(fold(node("Slice"), {R, vec({2}), vec({I64Max})}), {4},
             {2, 3, 4, 5});
  // Negative step: backwards to INT64_MIN is the whole dim.
  expectInts(fold(node("Slice"),
                  {R, vec({-1}), vec({I64Min}), vec({0}), vec({-1})}),
             {6}, {5, 4, 3, 2, 1, 0});
  expectInts(fold(node("Slice"),
                  {R, vec({4}), vec({0}), vec({0}), vec({I64Min})}),
             {1}, {4});
  // Empty when start is past end.
  expectInts(fold(node("Slice"), {R, vec({4}), vec({2})}), {0}, {});
  // 2-D, second axis, step 2.
  expectInts(fold(node("Slice"), {ints({2, 3}, {1, 2, 3, 4, 5, 6}), vec({0}),
                                  vec({3}), vec({-1}), vec({2})}),
             {2, 2}, {1, 3, 4, 6});
  expectFailed(fold(node("Slice"),
                    {R, vec({0}), vec({3}), vec({0}), vec({0})}),
               "step 0");
  expectFailed(fold(node("Slice"), {R, vec({0}), vec({3}), vec({1})}),
               "axis 1 is out of range for rank 1");
  // Opset 9: attributes.
  Node Old = node("Slice", 9);
  setInts(Old, "starts", {1});
  setInts(Old, "ends", {-1});
  expectInts(fold(Old, {R}), {4}, {1, 2, 3, 4});
}

TEST(ShapeFoldingTest, ReshapeSqueezeUnsqueeze) {
  FoldedTensor T = ints({2, 3}, {1, 2, 3, 4, 5, 6});
  expectInts(fold(node("Reshape"), {T, vec({0, -1, 1})}), {2, 3, 1},
             {1, 2, 3, 4, 5, 6});
  expectFailed(fold(node("Reshape"), {T, vec({4, -1})}), "cannot be inferred");
  expectFailed(fold(node("Reshape"), {T, vec({-1, -1})}), "more than one -1");
  expectFailed(fold(node("Reshape"), {T, vec({5})}), "element counts differ");
  // allowzero (opset 14): 0 is a dim of 0, not a copy.
  Node AZ = node("Reshape", 14);
  setInt(AZ, "allowzero", 1);
  expectFailed(fold(AZ, {T, vec({0, 6})}), "element counts differ");
  expectInts(fold(node("Unsqueeze"), {vec({7, 8}), vec({-1, 0})}), {1, 2, 1},
             {7, 8});
  expectInts(fold(node("Squeeze"), {ints({1, 2, 1}, {7, 8})}), {2}, {7, 8});
  expectFailed(fold(node("Squeeze"), {ints({1, 2}, {7, 8}), vec({1})}),
               "which is not 1");
  Node OldU = node("Unsqueeze", 11);
  setInts(OldU, "axes", {0});
  expectInts(fold(OldU, {scalar(4)}), {1}, {4});
}

TEST(ShapeFoldingTest, GatherConcatTile) {
  FoldedTensor T = ints({2, 3}, {1, 2, 3, 4, 5, 6});
  Node G = node("Gather");
  setInt(G, "axis", 1);
  expectInts(fold(G, {T, vec({-1, 0})}), {2, 2}, {3, 1, 6, 4});
  expectInts(fold(node("Gather"), {T, scalar(1)}), {3}, {4, 5, 6});
  expectFailed(fold(G, {T, vec({3})}),
               "index 3 is out of range for a dim of 3");
  Node C = node("Concat");
  setInt(C, "axis", -1);
  expectInts(fold(C, {T, ints({2, 1}, {7, 8})}), {2, 4},
             {1, 2, 3, 7, 4, 5, 6, 8});
  expectFailed(fold(C, {T, vec({7, 8})}), "Concat of tensors of ranks 2 and 1");
  expectInts(fold(node("Tile"), {ints({1, 2}, {1, 2}), vec({2, 2})}), {2, 4},
             {1, 2, 1, 2, 1, 2, 1, 2});
}

TEST(ShapeFoldingTest, CastIsExactOrNotFolded) {
  Node C = node("Cast");
  setInt(C, "to", int64_t(ElemType::Int64));
  expectInts(fold(C, {reals({2}, {3.0, -4.0})}), {2}, {3, -4});
  EXPECT_EQ(fold(C, {reals({1}, {2.5})}).St, FoldResult::NotFoldable);
  EXPECT_EQ(fold(C, {reals({1}, {std::nan("")})}).St,
            FoldResult::NotFoldable);
  EXPECT_EQ(fold(C, {reals({1}, {0x1p63})}).St, FoldResult::NotFoldable);
  Node C32 = node("Cast");
  setInt(C32, "to", int64_t(ElemType::Int32));
  expectFailed(fold(C32, {vec({int64_t(1) << 31})}), "does not fit int32");
  Node CB = node("Cast");
  setInt(CB, "to", int64_t(ElemType::Bool));
  expectInts(fold(CB, {vec({0, 5})}), {2}, {0, 1});
  // To a type the evaluator does not compute with: not folded.
  Node C16 = node("Cast");
  setInt(C16, "to", int64_t(ElemType::Float16));
  EXPECT_EQ(fold(C16, {vec({1})}).St, FoldResult::NotFoldable);
}

TEST(ShapeFoldingTest, ShapeReadsKnownDimsOnly) {
  Node S = node("Shape", 15);
  setInt(S, "start", 1);
  std::vector<FoldInput> In(1);
  In[0].Present = true;
  In[0].Dims = std::vector<int64_t>{-1, 3, 4};
  expectInts(foldNode(S, nullptr, In), {2}, {3, 4});
  EXPECT_EQ(foldNode(node("Shape"), nullptr, In).St, FoldResult::NotFoldable);
  EXPECT_EQ(foldNode(node("Size"), nullptr, In).St, FoldResult::NotFoldable);
  In[0].Dims = std::vector<int64_t>{2, 3, 4};
  expectInts(foldNode(node("Size"), nullptr, In), {}, {24});
  // A present input without a value is not foldable.
  std::vector<FoldInput> Unknown(2);
  Unknown[0].Present = Unknown[1].Present = true;
  EXPECT_EQ(foldNode(node("Add"), nullptr, Unknown).St,
            FoldResult::NotFoldable);
}

TEST(ShapeFoldingTest, SizeLimits) {
  FoldLimits L;
  L.MaxElements = 100;
  expectInts(fold(node("ConstantOfShape", 9), {vec({2, 3})}, L), {2, 3},
             {});
  EXPECT_EQ(fold(node("ConstantOfShape", 9), {vec({10, 11})}, L).St,
            FoldResult::NotFoldable);
  // Overflowing products of dims are just too large, not a failure.
  EXPECT_EQ(fold(node("Expand"), {scalar(1), vec({I64Max, I64Max})}, L).St,
            FoldResult::NotFoldable);
  EXPECT_EQ(fold(node("Range", 11), {scalar(0), scalar(1000), scalar(1)}, L)
                .St,
            FoldResult::NotFoldable);
  // A default ConstantOfShape is float zeros.
  FoldResult Z = fold(node("ConstantOfShape", 9), {vec({2})}, L);
  ASSERT_EQ(Z.St, FoldResult::Folded);
  EXPECT_EQ(Z.Value.Type, ElemType::Float);
  EXPECT_EQ(Z.Value.Reals, (std::vector<double>{0.0, 0.0}));
}

TEST(ShapeFoldingTest, ReduceAxesAndKeepdims) {
  FoldedTensor T = ints({2, 3}, {1, 2, 3, 4, 5, 6});
  Node S = node("ReduceSum");
  setInt(S, "keepdims", 0);
  expectInts(fold(S, {T, vec({1})}), {2}, {6, 15});
  expectInts(fold(node("ReduceSum"), {T, vec({0})}), {1, 3}, {5, 7, 9});
  Node Noop = node("ReduceSum");
  setInt(Noop, "noop_with_empty_axes", 1);
  expectInts(fold(Noop, {T}), {2, 3}, {1, 2, 3, 4, 5, 6});
  // ReduceProd before opset 18: axes attribute.
  Node P = node("ReduceProd");
  setInts(P, "axes", {-1});
  expectInts(fold(P, {T}), {2, 1}, {6, 120});
}

} // namespace

TEST(ShapeFoldingTest, RealRange) {
  // ceil((3 - 0.5) / 1) = 3 elements: 0.5, 1.5, 2.5 (ONNX's Range example
  // with float operands).
  FoldResult R = fold(node("Range", 11),
                      {reals({}, {0.5}), reals({}, {3.0}), reals({}, {1.0})});
  ASSERT_EQ(R.St, FoldResult::Folded) << R.Message;
  EXPECT_EQ(R.Value.Type, ElemType::Float);
  EXPECT_EQ(R.Value.Dims, std::vector<int64_t>{3});
  EXPECT_EQ(R.Value.Reals, (std::vector<double>{0.5, 1.5, 2.5}));
  // A negative delta counts down; an empty range has length 0.
  R = fold(node("Range", 11),
           {reals({}, {10}), reals({}, {4}), reals({}, {-3})});
  ASSERT_EQ(R.St, FoldResult::Folded);
  EXPECT_EQ(R.Value.Reals, (std::vector<double>{10, 7}));
  R = fold(node("Range", 11), {reals({}, {1}), reals({}, {0}), reals({}, {1})});
  ASSERT_EQ(R.St, FoldResult::Folded);
  EXPECT_EQ(R.Value.Dims, std::vector<int64_t>{0});
  expectFailed(fold(node("Range", 11),
                    {reals({}, {0}), reals({}, {1}), reals({}, {0})}),
               "delta 0");
  expectFailed(fold(node("Range", 11), {reals({}, {0}),
                                        reals({}, {INFINITY}),
                                        reals({}, {1})}),
               "no finite length");
  // Longer than the limit: not folded, not an error.
  FoldLimits L;
  L.MaxElements = 10;
  EXPECT_EQ(fold(node("Range", 11),
                 {reals({}, {0}), reals({}, {100}), reals({}, {1})}, L)
                .St,
            FoldResult::NotFoldable);
}

TEST(ShapeFoldingTest, Rounding) {
  FoldedTensor X = reals({4}, {-1.5, -0.5, 0.5, 2.5});
  auto Reals = [](const FoldResult &R) {
    EXPECT_EQ(R.St, FoldResult::Folded) << R.Message;
    return R.Value.Reals;
  };
  EXPECT_EQ(Reals(fold(node("Ceil"), {X})),
            (std::vector<double>{-1, -0.0, 1, 3}));
  EXPECT_EQ(Reals(fold(node("Floor"), {X})),
            (std::vector<double>{-2, -1, 0, 2}));
  // Round: half to even.
  EXPECT_EQ(Reals(fold(node("Round", 11), {X})),
            (std::vector<double>{-2, -0.0, 0, 2}));
  EXPECT_EQ(Reals(fold(node("Relu"), {X})),
            (std::vector<double>{0, 0, 0.5, 2.5}));
  expectInts(fold(node("Relu"), {vec({-3, 0, 4})}), {3}, {0, 0, 4});
  // Ceil of an integer tensor is not defined by ONNX: not folded.
  EXPECT_EQ(fold(node("Ceil"), {vec({1})}).St, FoldResult::NotFoldable);
}
