//===- lib/Lower/Binders.cpp - Shape binders of the lowering rules --------===//
//
// One `bind<Name>` per ShapeBinder record of ops/Binders.td: it computes the
// op-specific shape quantities that the rules' expressions name (batch, M,
// N, K for MatMul, ...). The caller (lib/Lower/Lower.cpp) has already filled
// the common quantities in_bytes, out_bytes, in, out and checked that every
// input and output shape is fully known; a binder reads shapes through the
// context anyway, so that a missing dim is reported by name rather than
// assumed. Anything a binder cannot determine (an inconsistent shape, a mode
// only known at run time) is a failure with a message, never a guessed 1.
//
// The meaning of each quantity is documented once, in ops/Binders.td.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Lower/BindContext.h"
#include "onnx-energy/Ops/TableTypes.h"
#include <algorithm>
#include <cctype>
#include <map>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <optional>
#include <string>
#include <vector>

namespace onnx_energy {

#define GET_BINDER_DECL
#include "onnx-energy/Gen/Lowerings.inc"

namespace {

/// Normalizes an axis attribute into [0, Rank) ([0, Rank] with AllowRank,
/// for ops that coerce to 2-D at the axis).
bool normalizeAxis(BindContext &Ctx, int64_t Axis, size_t Rank,
                   bool AllowRank, int64_t &Out) {
  int64_t R = int64_t(Rank);
  int64_t Hi = AllowRank ? R : R - 1;
  int64_t A = Axis < 0 ? Axis + R : Axis;
  if (A < 0 || A > Hi)
    return Ctx.fail(fmt::format("axis {} is out of range for rank {}", Axis,
                                Rank));
  Out = A;
  return true;
}

bool isIntegerType(ElemType T) {
  switch (T) {
  case ElemType::UInt8: case ElemType::Int8: case ElemType::UInt16:
  case ElemType::Int16: case ElemType::Int32: case ElemType::Int64:
  case ElemType::UInt32: case ElemType::UInt64: case ElemType::UInt4:
  case ElemType::Int4: case ElemType::Bool:
    return true;
  default:
    return false;
  }
}


/// A per-dim attribute list (strides, dilations) of length N, or Default
/// everywhere when absent.
bool dimsAttr(BindContext &Ctx, const char *Name, size_t N, int64_t Default,
              std::vector<int64_t> &Out) {
  Out = Ctx.node().intsAttr(Name);
  if (Out.empty()) {
    Out.assign(N, Default);
    return true;
  }
  if (Out.size() != N)
    return Ctx.fail(fmt::format("attribute {} has {} values, expected {}",
                                Name, Out.size(), N));
  return true;
}

/// Along one spatial dim: Taps, the number of (output position, window tap)
/// pairs whose input index lies in [0, In), and Windows, the number of
/// output positions with at least one such tap. Output position P's taps
/// read P*Stride - Begin + J*Dil for J in [0, K).
struct DimTaps {
  Qty Taps = 0, Windows = 0;
};

DimTaps validTaps(int64_t In, int64_t Out, int64_t K, int64_t Stride,
                  int64_t Dil, int64_t Begin) {
  DimTaps R;
  auto Add = [&](int64_t P) {
    __int128 Start = __int128(P) * Stride - Begin;
    // Smallest J with Start + J*Dil >= 0, largest with <= In-1.
    __int128 Lo = Start >= 0 ? 0 : (-Start + Dil - 1) / Dil;
    __int128 Last = __int128(In) - 1 - Start;
    if (Last < 0)
      return;
    __int128 Hi = std::min<__int128>(K - 1, Last / Dil);
    if (Hi < Lo)
      return;
    R.Taps += Qty(int64_t(Hi - Lo + 1));
    R.Windows += Qty(1);
  };
  // Positions whose whole window is inside: P*Stride >= Begin and
  // P*Stride - Begin + (K-1)*Dil <= In-1. Count those at once and walk only
  // the border positions.
  __int128 Span = __int128(K - 1) * Dil;
  __int128 FirstFull = (__int128(Begin) + Stride - 1) / Stride;
  __int128 LastFullNum = __int128(In) - 1 + Begin - Span;
  __int128 LastFull = LastFullNum < 0 ? -1 : LastFullNum / Stride;
  FirstFull = std::max<__int128>(FirstFull, 0);
  LastFull = std::min<__int128>(LastFull, Out - 1);
  if (FirstFull <= LastFull) {
    Qty Full(int64_t(LastFull - FirstFull + 1));
    R.Taps = Full * Qty(K);
    R.Windows = Full;
    for (int64_t P = 0; P < int64_t(FirstFull); ++P)
      Add(P);
    for (int64_t P = int64_t(LastFull) + 1; P < Out; ++P)
      Add(P);
  } else {
    for (int64_t P = 0; P < Out; ++P)
      Add(P);
  }
  return R;
}

/// Multiplies of x^E by binary exponentiation: floor(log2 E) squarings and
/// popcount(E) - 1 products (none for E = 0 or 1).
int64_t binaryExpMuls(uint64_t E) {
  if (E < 2)
    return 0;
  return (63 - __builtin_clzll(E)) + __builtin_popcountll(E) - 1;
}

/// rows/cols of a tensor normalized over dims [Axis, rank) (Flatten = true)
/// or along dim Axis alone.
bool bindRowsCols(BindContext &Ctx, Qty *Q, unsigned RowsIdx,
                  unsigned ColsIdx, int64_t DefaultAxis, bool Flatten) {
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.empty())
    return Ctx.fail("input 0 is a scalar; there is no axis to normalize");
  int64_t Axis;
  if (!normalizeAxis(Ctx, Ctx.node().intAttr("axis", DefaultAxis), X.size(),
                     /*AllowRank=*/Flatten, Axis))
    return false;
  if (Flatten) {
    Q[RowsIdx] = product(X, 0, Axis);
    Q[ColsIdx] = product(X, Axis);
  } else {
    Q[RowsIdx] = product(X, 0, Axis) * product(X, Axis + 1);
    Q[ColsIdx] = Qty(X[Axis]);
  }
  return true;
}

/// N, C, spatial, stats, per_stat of BatchNormalization.
template <typename BN>
bool bindBatchNormShape(BindContext &Ctx, Qty *Q, bool SpatialMode) {
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.size() < 2)
    return Ctx.fail(fmt::format("input 0 has shape {}; expected [N, C, ...]",
                                shapeText(X)));
  Q[BN::N] = Qty(X[0]);
  Q[BN::C] = Qty(X[1]);
  Q[BN::spatial] = product(X, 2);
  if (SpatialMode) {
    Q[BN::stats] = Q[BN::C];
    Q[BN::per_stat] = Q[BN::N] * Q[BN::spatial];
  } else {
    Q[BN::stats] = Q[BN::C] * Q[BN::spatial];
    Q[BN::per_stat] = Q[BN::N];
  }
  return true;
}

/// How many of outputs [From, To) are present.
int64_t presentOutputs(const BindContext &Ctx, unsigned From, unsigned To) {
  int64_t K = 0;
  for (unsigned I = From; I < To; ++I)
    K += Ctx.output(I) != nullptr;
  return K;
}

} // namespace

std::string shapeText(const std::vector<int64_t> &S) {
  return S.empty() ? std::string("scalar")
                   : fmt::format("{}", fmt::join(S, "x"));
}

std::optional<std::vector<double>> constantValues(const BindContext &Ctx,
                                                  unsigned I) {
  const Value *V = Ctx.input(I);
  if (!V)
    return std::nullopt;
  if (V->IntData)
    return std::vector<double>(V->IntData->begin(), V->IntData->end());
  if (V->Producer < 0 ||
      size_t(V->Producer) >= Ctx.graph().Nodes.size())
    return std::nullopt;
  const Node &P = Ctx.graph().Nodes[V->Producer];
  if (P.OpType != "Constant" || !P.Domain.empty())
    return std::nullopt;
  for (const auto &[Name, A] : P.Attributes) {
    if (Name == "value_int" && A.K == Attribute::Int)
      return std::vector<double>{double(A.I)};
    if (Name == "value_float" && A.K == Attribute::Float)
      return std::vector<double>{double(A.F)};
    if (Name == "value_ints" && A.K == Attribute::Ints)
      return std::vector<double>(A.Is.begin(), A.Is.end());
    if (Name == "value_floats" && A.K == Attribute::Floats)
      return std::vector<double>(A.Fs.begin(), A.Fs.end());
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Generic
//===----------------------------------------------------------------------===//

bool bindElementwise(BindContext &Ctx, Qty *Q) { return true; }

bool bindData(BindContext &Ctx, Qty *Q) { return true; }

bool bindBroadcast(BindContext &Ctx, Qty *Q) {
  std::vector<int64_t> Shape;
  Q[binder::Broadcast::in1] = Qty(0);
  if (Ctx.input(1)) {
    if (!Ctx.inputShape(1, Shape))
      return false;
    Q[binder::Broadcast::in1] = product(Shape);
  }
  return true;
}

bool bindVariadic(BindContext &Ctx, Qty *Q) {
  int64_t K = 0;
  for (unsigned I = 0; I < Ctx.numInputs(); ++I)
    K += Ctx.input(I) != nullptr;
  if (K == 0)
    return Ctx.fail("the node has no inputs");
  Q[binder::Variadic::k] = Qty(K);
  return true;
}

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

bool bindMatMul(BindContext &Ctx, Qty *Q) {
  using B = binder::MatMul;
  std::vector<int64_t> SA, SB;
  if (!Ctx.inputShape(0, SA) || !Ctx.inputShape(1, SB))
    return false;
  if (SA.empty() || SB.empty())
    return Ctx.fail("MatMul operands must have rank >= 1");
  // numpy.matmul: a 1-D A is a row vector [1, K] whose M dim is removed, a
  // 1-D B a column vector [K, 1] whose N dim is removed.
  int64_t M = SA.size() == 1 ? 1 : SA[SA.size() - 2];
  int64_t K = SA.back();
  int64_t KB = SB.size() == 1 ? SB[0] : SB[SB.size() - 2];
  int64_t N = SB.size() == 1 ? 1 : SB.back();
  if (K != KB)
    return Ctx.fail(fmt::format("inner dimensions differ: A is {} (K = {}), "
                                "B is {} (K = {})",
                                shapeText(SA), K, shapeText(SB), KB));
  // Broadcast the batch dims (all but the last two), right-aligned.
  size_t RA = SA.size() > 2 ? SA.size() - 2 : 0;
  size_t RB = SB.size() > 2 ? SB.size() - 2 : 0;
  size_t R = std::max(RA, RB);
  Qty Batch(1);
  for (size_t I = 0; I < R; ++I) {
    int64_t DA = I < R - RA ? 1 : SA[I - (R - RA)];
    int64_t DB = I < R - RB ? 1 : SB[I - (R - RB)];
    if (DA != DB && DA != 1 && DB != 1)
      return Ctx.fail(fmt::format("batch dimensions of A ({}) and B ({}) do "
                                  "not broadcast",
                                  shapeText(SA), shapeText(SB)));
    Batch *= Qty(DA == 1 ? DB : DA);
  }
  Q[B::batch] = Batch;
  Q[B::M] = Qty(M);
  Q[B::N] = Qty(N);
  Q[B::K] = Qty(K);
  return true;
}

bool bindGemm(BindContext &Ctx, Qty *Q) {
  using B = binder::Gemm;
  std::vector<int64_t> SA, SB;
  if (!Ctx.inputShape(0, SA) || !Ctx.inputShape(1, SB))
    return false;
  if (SA.size() != 2 || SB.size() != 2)
    return Ctx.fail(fmt::format("Gemm needs 2-D A and B, got {} and {}",
                                shapeText(SA), shapeText(SB)));
  const Node &N = Ctx.node();
  bool TransA = N.intAttr("transA", 0) != 0;
  bool TransB = N.intAttr("transB", 0) != 0;
  int64_t M = TransA ? SA[1] : SA[0], K = TransA ? SA[0] : SA[1];
  int64_t KB = TransB ? SB[1] : SB[0], Ncols = TransB ? SB[0] : SB[1];
  if (K != KB)
    return Ctx.fail(fmt::format("inner dimensions differ: A' has K = {}, B' "
                                "has K = {} (transA = {}, transB = {})",
                                K, KB, int(TransA), int(TransB)));
  float Alpha = N.floatAttr("alpha", 1.0f);
  float Beta = N.floatAttr("beta", 1.0f);
  bool Bias = Ctx.input(2) != nullptr && Beta != 0.0f;
  Q[B::M] = Qty(M);
  Q[B::N] = Qty(Ncols);
  Q[B::K] = Qty(K);
  Q[B::alpha_scale] = Qty(Alpha != 1.0f ? 1 : 0);
  Q[B::beta_scale] = Qty(Bias && Beta != 1.0f ? 1 : 0);
  Q[B::bias] = Qty(Bias ? 1 : 0);
  return true;
}

bool bindConv(BindContext &Ctx, Qty *Q) {
  using B = binder::Conv;
  std::vector<int64_t> X, W, Y;
  if (!Ctx.inputShape(0, X) || !Ctx.inputShape(1, W) ||
      !Ctx.outputShape(0, Y))
    return false;
  if (X.size() < 3 || W.size() != X.size() || Y.size() != X.size())
    return Ctx.fail(fmt::format("expected X [N, C, D1..Dn], W [M, C/group, "
                                "k1..kn] and Y [N, M, O1..On] of one rank "
                                ">= 3, got {}, {}, {}",
                                shapeText(X), shapeText(W), shapeText(Y)));
  int64_t Group = Ctx.node().intAttr("group", 1);
  if (Group < 1)
    return Ctx.fail(fmt::format("group = {} must be >= 1", Group));
  if (X[1] != W[1] * Group)
    return Ctx.fail(fmt::format("input channels C = {} do not match W's {} "
                                "per group x group = {}",
                                X[1], W[1], Group));
  if (Y[0] != X[0] || Y[1] != W[0])
    return Ctx.fail(fmt::format("output {} does not match N = {}, M = {}",
                                shapeText(Y), X[0], W[0]));
  Q[B::N] = Qty(X[0]);
  Q[B::C] = Qty(X[1]);
  Q[B::M] = Qty(W[0]);
  Q[B::group] = Qty(Group);
  Q[B::kernel] = product(W, 2);
  Q[B::out_spatial] = product(Y, 2);
  Q[B::bias] = Qty(Ctx.input(2) ? 1 : 0);
  return true;
}

//===----------------------------------------------------------------------===//
// Neural-network ops
//===----------------------------------------------------------------------===//

bool bindPool(BindContext &Ctx, Qty *Q) {
  using B = binder::Pool;
  std::vector<int64_t> X, Y;
  if (!Ctx.inputShape(0, X) || !Ctx.outputShape(0, Y))
    return false;
  if (X.size() < 3 || Y.size() != X.size() || Y[0] != X[0] || Y[1] != X[1])
    return Ctx.fail(fmt::format("expected X [N, C, D1..Dn] and Y [N, C, "
                                "O1..On], got {} and {}",
                                shapeText(X), shapeText(Y)));
  size_t NS = X.size() - 2;
  Q[B::N] = Qty(X[0]);
  Q[B::C] = Qty(X[1]);
  Q[B::out_spatial] = product(Y, 2);
  const Node &N = Ctx.node();
  if (N.OpType.rfind("Global", 0) == 0) {
    // The window is the whole input plane.
    Q[B::window] = product(X, 2);
    Q[B::windows] = Q[B::N] * Q[B::C] * Q[B::out_spatial];
    Q[B::valid] = Q[B::windows] * Q[B::window];
    return true;
  }

  std::vector<int64_t> Kernel = N.intsAttr("kernel_shape");
  if (Kernel.size() != NS)
    return Ctx.fail(fmt::format("kernel_shape has {} values, expected {} for "
                                "input {}",
                                Kernel.size(), NS, shapeText(X)));
  std::vector<int64_t> Strides, Dils, Pads;
  if (!dimsAttr(Ctx, "strides", NS, 1, Strides) ||
      !dimsAttr(Ctx, "dilations", NS, 1, Dils) ||
      !dimsAttr(Ctx, "pads", 2 * NS, 0, Pads))
    return false;
  std::string AutoPad = N.stringAttr("auto_pad", "NOTSET");

  Qty Window(1), Valid = Q[B::N] * Q[B::C], Windows = Valid;
  for (size_t D = 0; D < NS; ++D) {
    int64_t In = X[2 + D], Out = Y[2 + D], K = Kernel[D], S = Strides[D],
            Dil = Dils[D];
    if (K < 1 || S < 1 || Dil < 1)
      return Ctx.fail(fmt::format("kernel {}, stride {}, dilation {} along "
                                  "spatial dim {} must be >= 1",
                                  K, S, Dil, D));
    int64_t Begin;
    if (AutoPad == "SAME_UPPER" || AutoPad == "SAME_LOWER") {
      // Total padding that makes the last window end at the input's end.
      __int128 Total = (__int128(Out) - 1) * S + (__int128(K) - 1) * Dil + 1 -
                       In;
      if (Total < 0)
        Total = 0;
      int64_t T = int64_t(Total);
      Begin = AutoPad == "SAME_UPPER" ? T / 2 : T - T / 2;
    } else if (AutoPad == "VALID") {
      Begin = 0;
    } else if (AutoPad == "NOTSET" || AutoPad.empty()) {
      Begin = Pads[D];
      if (Begin < 0 || Pads[D + NS] < 0)
        return Ctx.fail("negative pads are not supported");
    } else {
      return Ctx.fail(fmt::format("unknown auto_pad '{}'", AutoPad));
    }
    Window *= Qty(K);
    DimTaps T = validTaps(In, Out, K, S, Dil, Begin);
    Valid *= T.Taps;
    Windows *= T.Windows;
  }
  Q[B::window] = Window;
  Q[B::valid] = Valid;
  Q[B::windows] = Windows;
  return true;
}

bool bindSoftmaxFlat(BindContext &Ctx, Qty *Q) {
  return bindRowsCols(Ctx, Q, binder::SoftmaxFlat::rows,
                      binder::SoftmaxFlat::cols, /*DefaultAxis=*/1,
                      /*Flatten=*/true);
}

bool bindSoftmaxAxis(BindContext &Ctx, Qty *Q) {
  return bindRowsCols(Ctx, Q, binder::SoftmaxAxis::rows,
                      binder::SoftmaxAxis::cols, /*DefaultAxis=*/-1,
                      /*Flatten=*/false);
}

bool bindLayerNorm(BindContext &Ctx, Qty *Q) {
  using B = binder::LayerNorm;
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.empty())
    return Ctx.fail("input 0 is a scalar; there is no axis to normalize");
  int64_t Axis;
  if (!normalizeAxis(Ctx, Ctx.node().intAttr("axis", -1), X.size(),
                     /*AllowRank=*/false, Axis))
    return false;
  Q[B::rows] = product(X, 0, Axis);
  Q[B::cols] = product(X, Axis);
  Q[B::bias] = Qty(Ctx.input(2) ? 1 : 0);
  return true;
}

bool bindBatchNormLegacy(BindContext &Ctx, Qty *Q) {
  using B = binder::BatchNormLegacy;
  const Node &N = Ctx.node();
  bool SpatialMode = N.intAttr("spatial", 1) != 0;
  if (!bindBatchNormShape<B>(Ctx, Q, SpatialMode))
    return false;
  // "Output case #1: Y, mean, var, saved_mean, saved_var (training mode);
  // Output case #2: Y (test mode)". is_test (opsets 1, 6) = 1 wins.
  bool Train = presentOutputs(Ctx, 1, 5) > 0 && N.intAttr("is_test", 0) == 0;
  Q[B::train] = Qty(Train ? 1 : 0);
  Q[B::updates] = Qty(Train ? presentOutputs(Ctx, 1, 3) : 0);
  return true;
}

bool bindBatchNorm(BindContext &Ctx, Qty *Q) {
  using B = binder::BatchNorm;
  if (!bindBatchNormShape<B>(Ctx, Q, /*SpatialMode=*/true))
    return false;
  bool Train = Ctx.node().intAttr("training_mode", 0) != 0;
  Q[B::train] = Qty(Train ? 1 : 0);
  Q[B::updates] = Qty(Train ? presentOutputs(Ctx, 1, 3) : 0);
  return true;
}

bool bindDropoutIsTest(BindContext &Ctx, Qty *Q) {
  const Node &N = Ctx.node();
  bool Train = N.intAttr("is_test", 0) == 0 && N.floatAttr("ratio", 0.5f) != 0;
  Q[binder::DropoutIsTest::train] = Qty(Train ? 1 : 0);
  return true;
}

bool bindDropoutTrainingInput(BindContext &Ctx, Qty *Q) {
  bool Train = false;
  if (Ctx.input(2)) {
    // A training_mode known only at run time counts as training: the input
    // is there to switch training on (an exporter leaves it out, or makes it
    // a constant false, for inference), and it is the costlier mode.
    std::optional<std::vector<double>> Mode = constantValues(Ctx, 2);
    Train = !Mode || Mode->size() != 1 || (*Mode)[0] != 0;
  }
  if (Train && Ctx.input(1)) {
    std::optional<std::vector<double>> Ratio = constantValues(Ctx, 1);
    if (Ratio && Ratio->size() == 1 && (*Ratio)[0] == 0)
      Train = false; // ratio 0: the identity even in training mode
  }
  Q[binder::DropoutTrainingInput::train] = Qty(Train ? 1 : 0);
  return true;
}

//===----------------------------------------------------------------------===//
// Elementwise math with data-dependent cost
//===----------------------------------------------------------------------===//

bool bindPow(BindContext &Ctx, Qty *Q) {
  using B = binder::Pow;
  std::optional<std::vector<double>> E = constantValues(Ctx, 1);
  bool Known = E && !E->empty();
  double Exp = Known ? (*E)[0] : 0;
  if (Known)
    for (double V : *E)
      if (V != Exp)
        Known = false;
  // A non-negative integer exponent small enough to be an int64.
  if (Known && Exp >= 0 && Exp < 9.2e18 && std::floor(Exp) == Exp) {
    Q[B::muls] = Qty(binaryExpMuls(uint64_t(Exp)));
    Q[B::general] = Qty(0);
    return true;
  }
  const Value *X = Ctx.input(0);
  if (!X)
    return Ctx.fail("input 0 is absent");
  if (isIntegerType(X->Type)) {
    // No integer exp/log: square-and-multiply with the largest exponent that
    // does not overflow an n-bit result for |x| >= 2, e = n - 1.
    unsigned Bits = elemBits(X->Type);
    if (Bits < 2)
      return Ctx.fail(fmt::format("Pow of {} base '{}' is not modelled",
                                  elemTypeName(X->Type), X->Name));
    Q[B::muls] = Qty(binaryExpMuls(Bits - 1));
    Q[B::general] = Qty(0);
    return true;
  }
  Q[B::muls] = Qty(0);
  Q[B::general] = Qty(1);
  return true;
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

bool bindReduce(BindContext &Ctx, Qty *Q) {
  using B = binder::Reduce;
  Qty In = Q[B::in], Out = Q[B::out];
  if (!In.valid() || !Out.valid())
    return Ctx.fail("input or output element count is unknown");
  if (Out.value() == 0) {
    Q[B::reduced] = Qty(0);
    return true;
  }
  if (In.value() % Out.value() != 0)
    return Ctx.fail(fmt::format("{} input elements do not reduce evenly to "
                                "{} outputs",
                                In.value(), Out.value()));
  Q[B::reduced] = In / Out;
  return true;
}


//===----------------------------------------------------------------------===//
// Added binders: LRN, ConvTranspose, Resize, Scatter, TopK, CumSum, LpNorm,
// Moments, LpPool, ZeroPoint, MatMulInteger, ConvInteger, RNN
//===----------------------------------------------------------------------===//

namespace {

/// batch, M, N, K of numpy.matmul(input IA, input IB).
bool matmulDims(BindContext &Ctx, unsigned IA, unsigned IB, Qty &Batch,
                Qty &MQ, Qty &NQ, Qty &KQ) {
  std::vector<int64_t> SA, SB;
  if (!Ctx.inputShape(IA, SA) || !Ctx.inputShape(IB, SB))
    return false;
  if (SA.empty() || SB.empty())
    return Ctx.fail("matrix product operands must have rank >= 1");
  int64_t M = SA.size() == 1 ? 1 : SA[SA.size() - 2];
  int64_t K = SA.back();
  int64_t KB = SB.size() == 1 ? SB[0] : SB[SB.size() - 2];
  int64_t N = SB.size() == 1 ? 1 : SB.back();
  if (K != KB)
    return Ctx.fail(fmt::format("inner dimensions differ: A is {} (K = {}), "
                                "B is {} (K = {})",
                                shapeText(SA), K, shapeText(SB), KB));
  size_t RA = SA.size() > 2 ? SA.size() - 2 : 0;
  size_t RB = SB.size() > 2 ? SB.size() - 2 : 0;
  size_t R = std::max(RA, RB);
  Batch = Qty(1);
  for (size_t I = 0; I < R; ++I) {
    int64_t DA = I < R - RA ? 1 : SA[I - (R - RA)];
    int64_t DB = I < R - RB ? 1 : SB[I - (R - RB)];
    if (DA != DB && DA != 1 && DB != 1)
      return Ctx.fail(fmt::format("batch dimensions of A ({}) and B ({}) do "
                                  "not broadcast",
                                  shapeText(SA), shapeText(SB)));
    Batch *= Qty(DA == 1 ? DB : DA);
  }
  MQ = Qty(M);
  NQ = Qty(N);
  KQ = Qty(K);
  return true;
}

/// Conv quantities of X = input 0 and W = input IW.
template <typename B>
bool convDims(BindContext &Ctx, Qty *Q, unsigned IW) {
  std::vector<int64_t> X, W, Y;
  if (!Ctx.inputShape(0, X) || !Ctx.inputShape(IW, W) ||
      !Ctx.outputShape(0, Y))
    return false;
  if (X.size() < 3 || W.size() != X.size() || Y.size() != X.size())
    return Ctx.fail(fmt::format("expected X [N, C, D1..Dn], W [M, C/group, "
                                "k1..kn] and Y [N, M, O1..On] of one rank "
                                ">= 3, got {}, {}, {}",
                                shapeText(X), shapeText(W), shapeText(Y)));
  int64_t Group = Ctx.node().intAttr("group", 1);
  if (Group < 1)
    return Ctx.fail(fmt::format("group = {} must be >= 1", Group));
  if (X[1] != W[1] * Group)
    return Ctx.fail(fmt::format("input channels C = {} do not match W's {} "
                                "per group x group = {}",
                                X[1], W[1], Group));
  if (Y[0] != X[0] || Y[1] != W[0])
    return Ctx.fail(fmt::format("output {} does not match N = {}, M = {}",
                                shapeText(Y), X[0], W[0]));
  Q[B::N] = Qty(X[0]);
  Q[B::C] = Qty(X[1]);
  Q[B::M] = Qty(W[0]);
  Q[B::group] = Qty(Group);
  Q[B::kernel] = product(W, 2);
  Q[B::out_spatial] = product(Y, 2);
  return true;
}

/// rows/cols along one axis Axis of input 0.
bool rowsColsAt(BindContext &Ctx, int64_t AxisAttr, Qty &Rows, Qty &Cols,
                int64_t *AxisOut = nullptr) {
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.empty())
    return Ctx.fail("input 0 is a scalar; there is no axis");
  int64_t Axis;
  if (!normalizeAxis(Ctx, AxisAttr, X.size(), /*AllowRank=*/false, Axis))
    return false;
  Rows = product(X, 0, Axis) * product(X, Axis + 1);
  Cols = Qty(X[Axis]);
  if (AxisOut)
    *AxisOut = Axis;
  return true;
}

} // namespace

bool bindLRN(BindContext &Ctx, Qty *Q) {
  using B = binder::LRN;
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.size() < 2)
    return Ctx.fail(fmt::format("input 0 has shape {}; expected [N, C, ...]",
                                shapeText(X)));
  int64_t Size = Ctx.node().intAttr("size", -1);
  if (Size < 1)
    return Ctx.fail("LRN needs a size attribute >= 1");
  // Taps per spatial position: the channel pairs (c, c + d) inside [0, C)
  // with d in [-Lo, Hi], i.e. the sum over d of max(0, C - |d|), in closed
  // form (a loop over C hung on a fuzzed C of 10^12).
  int64_t C = X[1], Lo = (Size - 1) / 2, Hi = Size - 1 - Lo;
  auto Side = [C](int64_t K, bool WithZero) {
    // Sum of C - d for d = (WithZero ? 0 : 1) .. min(K, C - 1).
    int64_t M = std::min(K, C - 1);
    if (M < (WithZero ? 0 : 1))
      return Qty(0);
    Qty Count = Qty(M) + Qty(WithZero ? 1 : 0);
    return Count * Qty(C) - Qty(M) * (Qty(M) + Qty(1)) / Qty(2);
  };
  Qty PerPlane = C > 0 ? Side(Hi, true) + Side(Lo, false) : Qty(0);
  Q[B::taps] = Qty(X[0]) * product(X, 2) * PerPlane;
  return true;
}

bool bindConvTranspose(BindContext &Ctx, Qty *Q) {
  using B = binder::ConvTranspose;
  std::vector<int64_t> X, W, Y;
  if (!Ctx.inputShape(0, X) || !Ctx.inputShape(1, W) ||
      !Ctx.outputShape(0, Y))
    return false;
  if (X.size() < 3 || W.size() != X.size() || Y.size() != X.size())
    return Ctx.fail(fmt::format("expected X [N, C, D1..Dn], W [C, M/group, "
                                "k1..kn] and Y [N, M, O1..On] of one rank "
                                ">= 3, got {}, {}, {}",
                                shapeText(X), shapeText(W), shapeText(Y)));
  int64_t Group = Ctx.node().intAttr("group", 1);
  if (Group < 1)
    return Ctx.fail(fmt::format("group = {} must be >= 1", Group));
  if (W[0] != X[1] || Y[1] != W[1] * Group || Y[0] != X[0])
    return Ctx.fail(fmt::format("X {}, W {} and Y {} do not match group {}",
                                shapeText(X), shapeText(W), shapeText(Y),
                                Group));
  Q[B::N] = Qty(X[0]);
  Q[B::C] = Qty(X[1]);
  Q[B::M] = Qty(Y[1]);
  Q[B::group] = Qty(Group);
  Q[B::kernel] = product(W, 2);
  Q[B::in_spatial] = product(X, 2);
  Q[B::bias] = Qty(Ctx.input(2) ? 1 : 0);
  return true;
}

bool bindResize(BindContext &Ctx, Qty *Q) {
  using B = binder::Resize;
  std::vector<int64_t> X, Y;
  if (!Ctx.inputShape(0, X) || !Ctx.outputShape(0, Y))
    return false;
  if (X.size() != Y.size())
    return Ctx.fail(fmt::format("input {} and output {} differ in rank",
                                shapeText(X), shapeText(Y)));
  int64_t R = 0;
  for (size_t I = 0; I < X.size(); ++I)
    R += X[I] != Y[I];
  std::string Mode = Ctx.node().stringAttr("mode", "nearest");
  Q[B::lerps] = Qty(0);
  Q[B::cubic_taps] = Qty(0);
  if (R > 20)
    return Ctx.fail(fmt::format("{} resized dims are not modelled", R));
  if (Mode == "linear" || Mode == "bilinear" || Mode == "trilinear")
    Q[B::lerps] = Q[B::out] * Qty((int64_t(1) << R) - 1);
  else if (Mode == "cubic")
    Q[B::cubic_taps] = R ? Q[B::out] * Qty(int64_t(1) << (2 * R)) : Qty(0);
  else if (Mode != "nearest")
    return Ctx.fail(fmt::format("unknown mode '{}'", Mode));
  return true;
}

bool bindScatter(BindContext &Ctx, Qty *Q) {
  using B = binder::Scatter;
  std::vector<int64_t> U;
  if (!Ctx.inputShape(2, U))
    return false;
  Q[B::updates] = product(U);
  std::string R = Ctx.node().stringAttr("reduction", "none");
  Q[B::reduce_add] = Qty(R == "add" ? 1 : 0);
  Q[B::reduce_mul] = Qty(R == "mul" ? 1 : 0);
  Q[B::reduce_minmax] = Qty(R == "min" || R == "max" ? 1 : 0);
  if (R != "none" && R != "add" && R != "mul" && R != "min" && R != "max")
    return Ctx.fail(fmt::format("unknown reduction '{}'", R));
  return true;
}

bool bindTopK(BindContext &Ctx, Qty *Q) {
  using B = binder::TopK;
  int64_t Axis;
  if (!rowsColsAt(Ctx, Ctx.node().intAttr("axis", -1), Q[B::rows],
                  Q[B::cols], &Axis))
    return false;
  std::vector<int64_t> Y;
  if (!Ctx.outputShape(0, Y))
    return false;
  if (size_t(Axis) >= Y.size())
    return Ctx.fail("output 0 has a different rank from the input");
  Q[B::k] = Qty(Y[Axis]);
  return true;
}

bool bindCumSum(BindContext &Ctx, Qty *Q) {
  using B = binder::CumSum;
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  // A 1-D input has only one axis to sum along, whatever the axis input.
  if (X.size() == 1)
    return rowsColsAt(Ctx, 0, Q[B::rows], Q[B::cols]);
  std::optional<std::vector<double>> A = constantValues(Ctx, 1);
  if (!A || A->size() != 1)
    return Ctx.fail("the axis input is not a constant scalar");
  return rowsColsAt(Ctx, int64_t((*A)[0]), Q[B::rows], Q[B::cols]);
}

bool bindLpNorm(BindContext &Ctx, Qty *Q) {
  using B = binder::LpNorm;
  if (!rowsColsAt(Ctx, Ctx.node().intAttr("axis", -1), Q[B::rows],
                  Q[B::cols]))
    return false;
  int64_t P = Ctx.node().intAttr("p", 2);
  if (P != 1 && P != 2)
    return Ctx.fail(fmt::format("p = {} is not 1 or 2", P));
  Q[B::l1] = Qty(P == 1 ? 1 : 0);
  Q[B::l2] = Qty(P == 2 ? 1 : 0);
  return true;
}

bool bindMoments(BindContext &Ctx, Qty *Q) {
  using B = binder::Moments;
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  std::vector<int64_t> Axes;
  if (Ctx.node().OpType == "InstanceNormalization") {
    if (X.size() < 3)
      return Ctx.fail(fmt::format("input 0 has shape {}; expected [N, C, "
                                  "D1, ...]",
                                  shapeText(X)));
    for (size_t I = 2; I < X.size(); ++I)
      Axes.push_back(int64_t(I));
  } else {
    Axes = Ctx.node().intsAttr("axes");
    if (!Ctx.node().attr("axes"))
      Axes = {0, 2, 3};
  }
  std::vector<bool> Seen(X.size(), false);
  Qty Per(1);
  for (int64_t A : Axes) {
    int64_t N = 0;
    if (!normalizeAxis(Ctx, A, X.size(), /*AllowRank=*/false, N))
      return false;
    if (Seen[N])
      return Ctx.fail(fmt::format("axis {} is repeated", A));
    Seen[N] = true;
    Per *= Qty(X[N]);
  }
  Qty Stats(1);
  for (size_t I = 0; I < X.size(); ++I)
    if (!Seen[I])
      Stats *= Qty(X[I]);
  Q[B::stats] = Stats;
  Q[B::per_stat] = Per;
  return true;
}

bool bindLpPool(BindContext &Ctx, Qty *Q) {
  using B = binder::LpPool;
  using P = binder::Pool;
  Qty Pool[P::NumQuantities];
  Pool[P::in_bytes] = Q[B::in_bytes];
  Pool[P::out_bytes] = Q[B::out_bytes];
  Pool[P::in] = Q[B::in];
  Pool[P::out] = Q[B::out];
  if (!bindPool(Ctx, Pool))
    return false;
  Q[B::N] = Pool[P::N];
  Q[B::C] = Pool[P::C];
  Q[B::out_spatial] = Pool[P::out_spatial];
  Q[B::window] = Pool[P::window];
  Q[B::valid] = Pool[P::valid];
  Q[B::windows] = Pool[P::windows];
  // LpPool-1 and GlobalLpPool-1 have a float p; later versions an int.
  const Attribute *A = Ctx.node().attr("p");
  double Pv = 2;
  if (A && A->K == Attribute::Int)
    Pv = double(A->I);
  else if (A && A->K == Attribute::Float)
    Pv = A->F;
  Q[B::p2] = Qty(Pv == 2 ? 1 : 0);
  Q[B::pgen] = Qty(Pv == 2 ? 0 : 1);
  return true;
}

bool bindZeroPoint(BindContext &Ctx, Qty *Q) {
  Q[binder::ZeroPoint::zp] = Qty(Ctx.input(2) ? 1 : 0);
  return true;
}

bool bindMatMulInteger(BindContext &Ctx, Qty *Q) {
  using B = binder::MatMulInteger;
  bool QLinear = Ctx.node().OpType == "QLinearMatMul";
  unsigned IB = QLinear ? 3 : 1;
  if (!matmulDims(Ctx, 0, IB, Q[B::batch], Q[B::M], Q[B::N], Q[B::K]))
    return false;
  std::vector<int64_t> SA, SB;
  if (!Ctx.inputShape(0, SA) || !Ctx.inputShape(IB, SB))
    return false;
  Q[B::a_elems] = product(SA);
  Q[B::b_elems] = product(SB);
  Q[B::a_zp] = Qty(QLinear || Ctx.input(2) ? 1 : 0);
  Q[B::b_zp] = Qty(QLinear || Ctx.input(3) ? 1 : 0);
  return true;
}

bool bindConvInteger(BindContext &Ctx, Qty *Q) {
  using B = binder::ConvInteger;
  bool QLinear = Ctx.node().OpType == "QLinearConv";
  unsigned IW = QLinear ? 3 : 1;
  if (!convDims<B>(Ctx, Q, IW))
    return false;
  std::vector<int64_t> W;
  if (!Ctx.inputShape(IW, W))
    return false;
  Q[B::w_elems] = product(W);
  Q[B::bias] = Qty(QLinear && Ctx.input(8) ? 1 : 0);
  Q[B::x_zp] = Qty(QLinear || Ctx.input(2) ? 1 : 0);
  Q[B::w_zp] = Qty(QLinear || Ctx.input(3) ? 1 : 0);
  return true;
}

bool bindRNN(BindContext &Ctx, Qty *Q) {
  using B = binder::RNN;
  std::vector<int64_t> X, W;
  if (!Ctx.inputShape(0, X) || !Ctx.inputShape(1, W))
    return false;
  if (X.size() != 3 || W.size() != 3)
    return Ctx.fail(fmt::format("expected X and W of rank 3, got {} and {}",
                                shapeText(X), shapeText(W)));
  const std::string &Op = Ctx.node().OpType;
  int64_t Gates = Op == "LSTM" ? 4 : Op == "GRU" ? 3 : 1;
  if (W[1] % Gates != 0)
    return Ctx.fail(fmt::format("W's dim 1 ({}) is not a multiple of {} "
                                "gates",
                                W[1], Gates));
  int64_t H = W[1] / Gates;
  int64_t HS = Ctx.node().intAttr("hidden_size", H);
  if (HS != H)
    return Ctx.fail(fmt::format("hidden_size = {} but W implies {}", HS, H));
  bool Layout1 = Ctx.node().intAttr("layout", 0) != 0;
  if (X[2] != W[2])
    return Ctx.fail(fmt::format("X {} and W {} differ in input size",
                                shapeText(X), shapeText(W)));
  Q[B::seq] = Qty(Layout1 ? X[1] : X[0]);
  Q[B::batch] = Qty(Layout1 ? X[0] : X[1]);
  Q[B::input] = Qty(X[2]);
  Q[B::hidden] = Qty(H);
  Q[B::dirs] = Qty(W[0]);
  Q[B::bias] = Qty(Ctx.input(3) ? 1 : 0);
  return true;
}

bool bindEinsum(BindContext &Ctx, Qty *Q) {
  using B = binder::Einsum;
  std::string Eq = Ctx.node().stringAttr("equation", "");
  std::string Lhs = Eq.substr(0, Eq.find("->"));
  Lhs.erase(std::remove(Lhs.begin(), Lhs.end(), ' '), Lhs.end());
  std::vector<std::string> Terms(1);
  for (char Ch : Lhs) {
    if (Ch == ',')
      Terms.emplace_back();
    else
      Terms.back() += Ch;
  }
  if (Terms.size() != Ctx.numInputs())
    return Ctx.fail(fmt::format("equation '{}' has {} operands, the node {} "
                                "inputs",
                                Eq, Terms.size(), Ctx.numInputs()));
  std::map<char, int64_t> Size;    // letter -> size
  std::vector<int64_t> Ellipsis;   // broadcast dims, right-aligned
  auto Merge = [&](int64_t &Have, int64_t D) {
    if (Have == 1 || Have == D)
      Have = D;
    else if (D != 1)
      return false;
    return true;
  };
  for (unsigned I = 0; I < Terms.size(); ++I) {
    std::vector<int64_t> S;
    if (!Ctx.inputShape(I, S))
      return false;
    const std::string &T = Terms[I];
    size_t Dots = T.find("...");
    std::string Letters = T;
    if (Dots != std::string::npos)
      Letters.erase(Dots, 3);
    if (Letters.size() > S.size() ||
        (Dots == std::string::npos && Letters.size() != S.size()))
      return Ctx.fail(fmt::format("operand {} has shape {}, which does not "
                                  "match subscripts '{}'",
                                  I, shapeText(S), T));
    size_t NE = S.size() - Letters.size();
    size_t Before = Dots == std::string::npos ? Letters.size() : Dots;
    for (size_t J = 0; J < Letters.size(); ++J) {
      char L = Letters[J];
      if (!std::isalpha(static_cast<unsigned char>(L)))
        return Ctx.fail(fmt::format("bad subscript '{}' in '{}'", L, Eq));
      int64_t D = S[J < Before ? J : J + NE];
      auto [It, New] = Size.emplace(L, D);
      if (!New && !Merge(It->second, D))
        return Ctx.fail(fmt::format("subscript '{}' has sizes {} and {}", L,
                                    It->second, D));
    }
    if (NE > Ellipsis.size())
      Ellipsis.insert(Ellipsis.begin(), NE - Ellipsis.size(), 1);
    for (size_t J = 0; J < NE; ++J) {
      int64_t &Have = Ellipsis[Ellipsis.size() - NE + J];
      if (!Merge(Have, S[Before + J]))
        return Ctx.fail("the dims under '...' do not broadcast");
    }
  }
  Qty Total(1);
  for (const auto &[L, D] : Size)
    Total *= Qty(D);
  for (int64_t D : Ellipsis)
    Total *= Qty(D);
  Q[B::total] = Total;
  Q[B::k] = Qty(int64_t(Terms.size()));
  return true;
}

bool bindLoss(BindContext &Ctx, Qty *Q) {
  using B = binder::Loss;
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.size() < 2)
    return Ctx.fail(fmt::format("input 0 has shape {}; expected [N, C, ...]",
                                shapeText(X)));
  Q[B::cols] = Qty(X[1]);
  Q[B::rows] = Qty(X[0]) * product(X, 2);
  Q[B::weighted] = Qty(Ctx.input(2) ? 1 : 0);
  std::string R = Ctx.node().stringAttr("reduction", "mean");
  if (R != "mean" && R != "sum" && R != "none")
    return Ctx.fail(fmt::format("unknown reduction '{}'", R));
  Q[B::reduce] = Qty(R == "none" ? 0 : 1);
  Q[B::mean] = Qty(R == "mean" ? 1 : 0);
  return true;
}

namespace {
/// rows and the feature count of a [N, C] or [C] ai.onnx.ml input.
bool mlRowsCols(BindContext &Ctx, Qty &Rows, int64_t &Cols) {
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.size() == 1) {
    Rows = Qty(1);
    Cols = X[0];
  } else if (X.size() == 2) {
    Rows = Qty(X[0]);
    Cols = X[1];
  } else {
    return Ctx.fail(fmt::format("input 0 has shape {}; expected [N, C] or "
                                "[C]",
                                shapeText(X)));
  }
  return true;
}
} // namespace

bool bindLinearML(BindContext &Ctx, Qty *Q) {
  using B = binder::LinearML;
  int64_t C;
  if (!mlRowsCols(Ctx, Q[B::rows], C))
    return false;
  const Attribute *A = Ctx.node().attr("coefficients");
  if (!A || A->Fs.empty())
    return Ctx.fail("the coefficients attribute is missing");
  if (C <= 0 || int64_t(A->Fs.size()) % C != 0)
    return Ctx.fail(fmt::format("{} coefficients do not divide into {} "
                                "features",
                                A->Fs.size(), C));
  Q[B::feats] = Qty(C);
  Q[B::targets] = Qty(int64_t(A->Fs.size()) / C);
  return true;
}

bool bindNormalizerML(BindContext &Ctx, Qty *Q) {
  using B = binder::NormalizerML;
  int64_t C;
  if (!mlRowsCols(Ctx, Q[B::rows], C))
    return false;
  Q[B::cols] = Qty(C);
  std::string N = Ctx.node().stringAttr("norm", "MAX");
  if (N != "MAX" && N != "L1" && N != "L2")
    return Ctx.fail(fmt::format("unknown norm '{}'", N));
  Q[B::nmax] = Qty(N == "MAX" ? 1 : 0);
  Q[B::nl1] = Qty(N == "L1" ? 1 : 0);
  Q[B::nl2] = Qty(N == "L2" ? 1 : 0);
  return true;
}

//===----------------------------------------------------------------------===//
// Det (Linear.td), Multinomial (Math.td), Unique (Tensor.td)
//===----------------------------------------------------------------------===//

bool bindDet(BindContext &Ctx, Qty *Q) {
  using B = binder::Det;
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.size() < 2 || X[X.size() - 1] != X[X.size() - 2])
    return Ctx.fail(fmt::format("input 0 has shape {}; expected [*, M, M]",
                                shapeText(X)));
  Q[B::batch] = product(X, 0, X.size() - 2);
  Q[B::M] = Qty(X.back());
  return true;
}

bool bindMultinomial(BindContext &Ctx, Qty *Q) {
  using B = binder::Multinomial;
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  if (X.size() != 2)
    return Ctx.fail(fmt::format("input 0 has shape {}; expected [batch_size, "
                                "class_size]",
                                shapeText(X)));
  int64_t Samples = Ctx.node().intAttr("sample_size", 1);
  if (Samples < 0)
    return Ctx.fail(fmt::format("sample_size = {} is negative", Samples));
  Q[B::batch] = Qty(X[0]);
  Q[B::classes] = Qty(X[1]);
  Q[B::samples] = Qty(Samples);
  return true;
}

bool bindUnique(BindContext &Ctx, Qty *Q) {
  using B = binder::Unique;
  std::vector<int64_t> X;
  if (!Ctx.inputShape(0, X))
    return false;
  const Node &N = Ctx.node();
  if (N.attr("axis")) {
    if (X.empty())
      return Ctx.fail("input 0 is a scalar; there is no axis");
    int64_t Axis;
    if (!normalizeAxis(Ctx, N.intAttr("axis", 0), X.size(),
                       /*AllowRank=*/false, Axis))
      return false;
    Q[B::slices] = Qty(X[Axis]);
    Q[B::slice_len] = product(X, 0, Axis) * product(X, Axis + 1);
  } else {
    Q[B::slices] = product(X);
    Q[B::slice_len] = Qty(1);
  }
  Q[B::numeric] = Qty(Ctx.input(0)->Type == ElemType::String ? 0 : 1);
  Q[B::counts] = Qty(Ctx.output(3) ? 1 : 0);
  Q[B::index_outs] = Qty(presentOutputs(Ctx, 1, 4));
  Q[B::in_b] = tensorBytesWithStrings(*Ctx.input(0));
  return true;
}

//===----------------------------------------------------------------------===//
// Strings and sequences
//===----------------------------------------------------------------------===//

bool bindCast(BindContext &Ctx, Qty *Q) {
  using B = binder::Cast;
  const Value *X = Ctx.input(0), *Y = Ctx.output(0);
  bool Text = (X && X->Type == ElemType::String) ||
              (Y && Y->Type == ElemType::String);
  Q[B::numeric] = Qty(Text ? 0 : 1);
  return bytesWithStrings(Ctx, /*Outputs=*/false, Q[B::in_b]) &&
         bytesWithStrings(Ctx, /*Outputs=*/true, Q[B::out_b]);
}

bool bindSeqTensor(BindContext &Ctx, Qty *Q) {
  const Value *X = Ctx.input(0);
  bool InputIsTensor = X && X->HasShape && X->Type != ElemType::Undefined;
  const Value *V = InputIsTensor ? X : Ctx.output(0);
  if (!V)
    return Ctx.fail("output 0 is absent");
  Qty B = tensorBytesWithStrings(*V);
  // ConcatFromSequence with an output shape inference could not give: a
  // sequence built by SequenceConstruct holds exactly its inputs' data.
  if (!B.valid() && !InputIsTensor && X && X->Producer >= 0) {
    const Node &P = Ctx.graph().Nodes[X->Producer];
    if (P.Domain.empty() && P.OpType == "SequenceConstruct") {
      B = Qty(0);
      for (int In : P.Inputs)
        if (In >= 0)
          B += tensorBytesWithStrings(Ctx.graph().Values[In]);
    }
  }
  if (!B.valid())
    return Ctx.fail(fmt::format("{} '{}' has unresolved shape {}",
                                InputIsTensor ? "input 0" : "output 0",
                                V->Name, V->shapeString()));
  Q[binder::SeqTensor::tensor_b] = B;
  return true;
}

} // namespace onnx_energy
