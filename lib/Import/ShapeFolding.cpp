//===- lib/Import/ShapeFolding.cpp - Evaluating shape arithmetic ----------===//
//
// Two parts. foldNode() evaluates one ai.onnx node on small constant
// tensors with the operator's semantics (the ONNX operator documentation,
// docs/Operators.md of ONNX 1.12, and Broadcasting.md for multidirectional
// broadcasting). ShapeFolder applies it to a whole ModelProto graph, using
// the shapes ONNX's inference wrote into value_info, and writes the values
// it computed into a scratch copy of the graph as Constant nodes, so that a
// second run of ONNX's inference reads them. The loop around both is
// Importer::foldShapeComputations() in Import.cpp.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Import/ShapeFolding.h"
#include "ImportInternal.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>

using namespace llvm;

namespace onnx_energy {

bool isFoldableType(ElemType T) {
  return T == ElemType::Int64 || T == ElemType::Int32 ||
         T == ElemType::Bool || T == ElemType::Float || T == ElemType::Double;
}

bool isFoldableOp(StringRef Op) {
  static const StringSet<> Ops = {
      "Shape",   "Size",      "Constant",    "ConstantOfShape", "Identity",
      "Cast",    "Gather",    "Concat",      "Slice",           "Squeeze",
      "Unsqueeze", "Reshape", "Expand",      "Tile",            "Range",
      "Where",   "Add",       "Sub",         "Mul",             "Div",
      "Mod",     "Neg",       "Abs",         "Min",             "Max",
      "Equal",   "Less",      "LessOrEqual", "Greater",         "GreaterOrEqual",
      "Not",     "And",       "Or",          "Xor",             "ReduceSum",
      "ReduceProd", "Ceil",   "Floor",       "Round",           "Relu"};
  return Ops.contains(Op);
}

namespace {

using Dims = std::vector<int64_t>;

bool isInt(ElemType T) { return T == ElemType::Int64 || T == ElemType::Int32; }

std::string dimsString(const Dims &D) {
  if (D.empty())
    return "scalar";
  std::string S;
  for (size_t I = 0; I < D.size(); ++I) {
    if (I)
      S += 'x';
    S += std::to_string(D[I]);
  }
  return S;
}

/// Elements of a tensor of dims D, or nullopt if a dim is negative or the
/// count exceeds Max (overflow included).
std::optional<int64_t> elementCount(const Dims &D, int64_t Max) {
  for (int64_t X : D) {
    if (X < 0)
      return std::nullopt;
    if (X == 0)
      return 0;
  }
  int64_t N = 1;
  for (int64_t X : D)
    if (MulOverflow(N, X, N) || N > Max)
      return std::nullopt;
  return N;
}

/// Row-major strides of D (elements).
std::vector<size_t> stridesOf(const Dims &D) {
  std::vector<size_t> S(D.size(), 1);
  for (size_t K = D.size(); K-- > 1;)
    S[K - 1] = S[K] * size_t(D[K]);
  return S;
}

/// Visits every multi-index of Out in row-major order, passing the flat
/// source index sum(I[k] * Stride[k]) kept up to date incrementally.
template <typename Fn>
void forEachIndex(const Dims &Out, const std::vector<size_t> &Stride,
                  size_t Base, Fn F) {
  for (int64_t D : Out)
    if (D == 0)
      return;
  size_t R = Out.size();
  std::vector<int64_t> Ctr(R, 0);
  size_t Flat = Base;
  while (true) {
    F(Flat);
    size_t K = R;
    while (K-- > 0) {
      ++Ctr[K];
      Flat += Stride[K];
      if (Ctr[K] < Out[K])
        break;
      Flat -= Stride[K] * size_t(Ctr[K]);
      Ctr[K] = 0;
    }
    if (K == size_t(-1))
      return;
  }
}

/// A tensor of Src's type and dims D whose elements are Src's at Idx.
FoldedTensor take(const FoldedTensor &Src, Dims D,
                  const std::vector<size_t> &Idx) {
  FoldedTensor T;
  T.Type = Src.Type;
  T.Dims = std::move(D);
  if (Src.isReal()) {
    T.Reals.reserve(Idx.size());
    for (size_t I : Idx)
      T.Reals.push_back(Src.Reals[I]);
  } else {
    T.Ints.reserve(Idx.size());
    for (size_t I : Idx)
      T.Ints.push_back(Src.Ints[I]);
  }
  return T;
}

/// V rounded to the precision of T (float arithmetic done in double and
/// rounded once is exact IEEE single-precision arithmetic for + - * /).
double roundTo(double V, ElemType T) {
  return T == ElemType::Float ? double(float(V)) : V;
}

class Evaluator {
public:
  Evaluator(const Node &N, const FoldedTensor *ValueAttr,
            ArrayRef<FoldInput> Inputs, const FoldLimits &L)
      : N(N), ValueAttr(ValueAttr), Inputs(Inputs), Max(L.MaxElements),
        Opset(N.OpsetVersion) {}

  FoldResult run() {
    for (const FoldInput &I : Inputs)
      if (I.Data && (!isFoldableType(I.Data->Type) ||
                     int64_t(I.Data->size()) > Max))
        return {};
    const std::string &Op = N.OpType;
    if (Op == "Shape")
      return shape();
    if (Op == "Size")
      return size();
    if (Op == "Constant")
      return constant();
    // Every other op reads the values of all its present inputs.
    for (const FoldInput &I : Inputs)
      if (I.Present && !I.Data)
        return {};
    if (Op == "ConstantOfShape")
      return constantOfShape();
    if (Op == "Identity")
      return unaryCopy();
    if (Op == "Cast")
      return cast();
    if (Op == "Gather")
      return gather();
    if (Op == "Concat")
      return concat();
    if (Op == "Slice")
      return slice();
    if (Op == "Squeeze")
      return squeeze();
    if (Op == "Unsqueeze")
      return unsqueeze();
    if (Op == "Reshape")
      return reshape();
    if (Op == "Expand")
      return expand();
    if (Op == "Tile")
      return tile();
    if (Op == "Range")
      return range();
    if (Op == "Where")
      return where();
    if (Op == "Add" || Op == "Sub" || Op == "Mul" || Op == "Div" ||
        Op == "Mod")
      return arithmetic();
    if (Op == "Neg" || Op == "Abs")
      return negAbs();
    if (Op == "Ceil" || Op == "Floor" || Op == "Round" || Op == "Relu")
      return rounding();
    if (Op == "Min" || Op == "Max")
      return minMax();
    if (Op == "Equal" || Op == "Less" || Op == "LessOrEqual" ||
        Op == "Greater" || Op == "GreaterOrEqual")
      return compare();
    if (Op == "Not" || Op == "And" || Op == "Or" || Op == "Xor")
      return logic();
    if (Op == "ReduceSum" || Op == "ReduceProd")
      return reduce();
    return {};
  }

private:
  const Node &N;
  const FoldedTensor *ValueAttr;
  ArrayRef<FoldInput> Inputs;
  int64_t Max;
  int Opset;

  static FoldResult folded(FoldedTensor T) {
    FoldResult R;
    R.St = FoldResult::Folded;
    R.Value = std::move(T);
    return R;
  }
  static FoldResult failed(std::string Msg) {
    FoldResult R;
    R.St = FoldResult::Failed;
    R.Message = std::move(Msg);
    return R;
  }

  const FoldedTensor *in(unsigned I) const {
    return I < Inputs.size() && Inputs[I].Present ? Inputs[I].Data : nullptr;
  }
  bool present(unsigned I) const {
    return I < Inputs.size() && Inputs[I].Present;
  }
  /// Input I as a list of integers (int64 or int32 data), for axes, starts,
  /// shapes; nullopt if absent or of another type.
  std::optional<std::vector<int64_t>> intList(unsigned I) const {
    const FoldedTensor *T = in(I);
    if (!T || !isInt(T->Type))
      return std::nullopt;
    return T->Ints;
  }
  /// Input I as one integer (a scalar or a 1-element tensor).
  std::optional<int64_t> intScalar(unsigned I) const {
    const FoldedTensor *T = in(I);
    if (!T || !isInt(T->Type) || T->Ints.size() != 1 || T->Dims.size() > 1)
      return std::nullopt;
    return T->Ints[0];
  }
  bool fits(int64_t V, ElemType T) const {
    return T != ElemType::Int32 || (V >= std::numeric_limits<int32_t>::min() &&
                                    V <= std::numeric_limits<int32_t>::max());
  }
  /// Axis A of a rank R tensor, negative counting from the end.
  std::optional<int64_t> axis(int64_t A, int64_t R) const {
    if (A < -R || A >= R)
      return std::nullopt;
    return A < 0 ? A + R : A;
  }
  std::string axisError(int64_t A, int64_t R) const {
    return "axis " + std::to_string(A) + " is out of range for rank " +
           std::to_string(R);
  }
  /// Normalizes a list of distinct axes of a rank R tensor into Out.
  std::optional<std::string> axes(const std::vector<int64_t> &As, int64_t R,
                                  std::vector<int64_t> &Out) const {
    Out.clear();
    for (int64_t A : As) {
      auto X = axis(A, R);
      if (!X)
        return axisError(A, R);
      if (std::find(Out.begin(), Out.end(), *X) != Out.end())
        return "axis " + std::to_string(A) + " is given twice";
      Out.push_back(*X);
    }
    return std::nullopt;
  }

  //===--------------------------------------------------------------------===//
  // Broadcasting
  //===--------------------------------------------------------------------===//

  struct Broadcast {
    Dims Out;
    std::vector<std::vector<size_t>> Index; ///< per input, per output element
  };

  /// Multidirectional (numpy) broadcasting of the dims of Ts. Before opset
  /// 7 (Min, Max: 8) the ops did not broadcast: dims must then be equal.
  /// Returns nullopt with Err set when the dims do not fit together, and
  /// nullopt without when the output would be larger than Max.
  std::optional<Broadcast> broadcast(ArrayRef<const FoldedTensor *> Ts,
                                     int SinceOpset, std::string &Err) const {
    Broadcast B;
    size_t R = 0;
    for (const FoldedTensor *T : Ts)
      R = std::max(R, T->Dims.size());
    bool Legacy = Opset < SinceOpset;
    B.Out.assign(R, 1);
    for (const FoldedTensor *T : Ts) {
      if (Legacy && T->Dims != Ts[0]->Dims)
        return std::nullopt; // old broadcast attribute rules: not folded
      size_t Off = R - T->Dims.size();
      for (size_t K = 0; K < T->Dims.size(); ++K) {
        int64_t D = T->Dims[K];
        int64_t &O = B.Out[Off + K];
        if (O == 1)
          O = D;
        else if (D != 1 && D != O) {
          Err = "dims ";
          for (size_t J = 0; J < Ts.size(); ++J)
            Err += (J ? " and " : "") + dimsString(Ts[J]->Dims);
          Err += " do not broadcast";
          return std::nullopt;
        }
      }
    }
    auto Count = elementCount(B.Out, Max);
    if (!Count)
      return std::nullopt;
    for (const FoldedTensor *T : Ts) {
      std::vector<size_t> Stride(R, 0);
      size_t Off = R - T->Dims.size(), S = 1;
      for (size_t K = T->Dims.size(); K-- > 0;) {
        Stride[Off + K] = T->Dims[K] == 1 ? 0 : S;
        S *= size_t(T->Dims[K]);
      }
      std::vector<size_t> Idx;
      Idx.reserve(size_t(*Count));
      forEachIndex(B.Out, Stride, 0, [&](size_t I) { Idx.push_back(I); });
      B.Index.push_back(std::move(Idx));
    }
    return B;
  }

  //===--------------------------------------------------------------------===//
  // Element-wise operators
  //===--------------------------------------------------------------------===//

  /// Checked integer arithmetic; false with Err set on overflow or a zero
  /// divisor.
  bool intOp(const std::string &Op, int64_t A, int64_t B, int64_t &R,
             std::string &Err) const {
    auto Overflow = [&](const char *Sign) {
      Err = "64-bit overflow in " + Op + ": " + std::to_string(A) + " " +
            Sign + " " + std::to_string(B);
      return false;
    };
    if (Op == "Add")
      return !AddOverflow(A, B, R) || Overflow("+");
    if (Op == "Sub")
      return !SubOverflow(A, B, R) || Overflow("-");
    if (Op == "Mul")
      return !MulOverflow(A, B, R) || Overflow("*");
    if (B == 0) {
      Err = "division by zero in " + Op + ": " + std::to_string(A) + " " +
            (Op == "Div" ? "/" : "%") + " 0";
      return false;
    }
    if (Op == "Div") {
      // Integer Div truncates toward zero (ONNX's reference: numpy division
      // cast back to the integer type; ONNX Runtime: C++ '/').
      if (A == std::numeric_limits<int64_t>::min() && B == -1)
        return Overflow("/");
      R = A / B;
      return true;
    }
    // Mod: the sign of the divisor (Python's %) unless fmod=1 (C's fmod).
    R = B == -1 ? 0 : A % B;
    if (N.intAttr("fmod", 0) == 0 && R != 0 && ((R < 0) != (B < 0)))
      R += B;
    return true;
  }

  FoldResult arithmetic() {
    const FoldedTensor *A = in(0), *B = in(1);
    if (!A || !B || A->Type != B->Type ||
        !(isInt(A->Type) || A->isReal()))
      return {};
    const std::string &Op = N.OpType;
    if (Op == "Mod" && A->isReal() && N.intAttr("fmod", 0) != 1)
      return {}; // invalid for floats
    std::string Err;
    auto BC = broadcast({A, B}, 7, Err);
    if (!BC)
      return Err.empty() ? FoldResult() : failed(Op + ": " + Err);
    FoldedTensor T;
    T.Type = A->Type;
    T.Dims = BC->Out;
    size_t Count = BC->Index[0].size();
    if (A->isReal()) {
      for (size_t E = 0; E < Count; ++E) {
        double X = A->Reals[BC->Index[0][E]], Y = B->Reals[BC->Index[1][E]];
        double V = Op == "Add"   ? X + Y
                   : Op == "Sub" ? X - Y
                   : Op == "Mul" ? X * Y
                   : Op == "Div" ? X / Y
                                 : std::fmod(X, Y);
        T.Reals.push_back(roundTo(V, T.Type));
      }
      return folded(std::move(T));
    }
    for (size_t E = 0; E < Count; ++E) {
      int64_t X = A->Ints[BC->Index[0][E]], Y = B->Ints[BC->Index[1][E]], V;
      if (!intOp(Op, X, Y, V, Err))
        return failed(Err);
      if (!fits(V, T.Type))
        return failed("int32 overflow in " + Op + ": " + std::to_string(X) +
                      " and " + std::to_string(Y) + " give " +
                      std::to_string(V));
      T.Ints.push_back(V);
    }
    return folded(std::move(T));
  }

  FoldResult negAbs() {
    const FoldedTensor *A = in(0);
    if (!A || !(isInt(A->Type) || A->isReal()))
      return {};
    bool Neg = N.OpType == "Neg";
    FoldedTensor T = *A;
    for (double &V : T.Reals)
      V = Neg ? -V : std::fabs(V);
    for (int64_t &V : T.Ints) {
      if (Neg || V < 0) {
        if (V == std::numeric_limits<int64_t>::min())
          return failed("64-bit overflow in " + N.OpType + " of " +
                        std::to_string(V));
        V = -V;
      }
      if (!fits(V, T.Type))
        return failed("int32 overflow in " + N.OpType + " of " +
                      std::to_string(-V));
    }
    return folded(std::move(T));
  }

  /// Ceil, Floor, Round (half to even, as ONNX says) and Relu. Integers
  /// only meet Relu (the others are defined on floats).
  FoldResult rounding() {
    const FoldedTensor *A = in(0);
    if (!A || !(A->isReal() || (isInt(A->Type) && N.OpType == "Relu")))
      return {};
    FoldedTensor T = *A;
    for (double &V : T.Reals) {
      if (N.OpType == "Ceil")
        V = std::ceil(V);
      else if (N.OpType == "Floor")
        V = std::floor(V);
      else if (N.OpType == "Round")
        V = std::nearbyint(V); // the default rounding mode: half to even
      else if (V < 0)
        V = 0;
    }
    for (int64_t &V : T.Ints)
      V = std::max<int64_t>(V, 0);
    return folded(std::move(T));
  }

  FoldResult minMax() {
    std::vector<const FoldedTensor *> Ts;
    for (size_t I = 0; I < Inputs.size(); ++I)
      if (const FoldedTensor *T = in(unsigned(I)))
        Ts.push_back(T);
    if (Ts.empty())
      return {};
    for (const FoldedTensor *T : Ts)
      if (T->Type != Ts[0]->Type || !(isInt(T->Type) || T->isReal()))
        return {};
    std::string Err;
    auto BC = broadcast(Ts, 8, Err);
    if (!BC)
      return Err.empty() ? FoldResult() : failed(N.OpType + ": " + Err);
    bool IsMax = N.OpType == "Max";
    FoldedTensor T;
    T.Type = Ts[0]->Type;
    T.Dims = BC->Out;
    size_t Count = BC->Index[0].size();
    for (size_t E = 0; E < Count; ++E) {
      if (T.isReal()) {
        double V = Ts[0]->Reals[BC->Index[0][E]];
        for (size_t J = 1; J < Ts.size(); ++J) {
          double X = Ts[J]->Reals[BC->Index[J][E]];
          V = IsMax ? std::max(V, X) : std::min(V, X);
        }
        T.Reals.push_back(V);
      } else {
        int64_t V = Ts[0]->Ints[BC->Index[0][E]];
        for (size_t J = 1; J < Ts.size(); ++J) {
          int64_t X = Ts[J]->Ints[BC->Index[J][E]];
          V = IsMax ? std::max(V, X) : std::min(V, X);
        }
        T.Ints.push_back(V);
      }
    }
    return folded(std::move(T));
  }

  FoldResult compare() {
    const FoldedTensor *A = in(0), *B = in(1);
    if (!A || !B || A->Type != B->Type)
      return {};
    const std::string &Op = N.OpType;
    if (A->Type == ElemType::Bool && Op != "Equal")
      return {};
    std::string Err;
    auto BC = broadcast({A, B}, 7, Err);
    if (!BC)
      return Err.empty() ? FoldResult() : failed(Op + ": " + Err);
    FoldedTensor T;
    T.Type = ElemType::Bool;
    T.Dims = BC->Out;
    size_t Count = BC->Index[0].size();
    auto Cmp = [&](auto X, auto Y) {
      return Op == "Equal"         ? X == Y
             : Op == "Less"        ? X < Y
             : Op == "LessOrEqual" ? X <= Y
             : Op == "Greater"     ? X > Y
                                   : X >= Y;
    };
    for (size_t E = 0; E < Count; ++E)
      T.Ints.push_back(
          A->isReal()
              ? Cmp(A->Reals[BC->Index[0][E]], B->Reals[BC->Index[1][E]])
              : Cmp(A->Ints[BC->Index[0][E]], B->Ints[BC->Index[1][E]]));
    return folded(std::move(T));
  }

  FoldResult logic() {
    const FoldedTensor *A = in(0);
    if (!A || A->Type != ElemType::Bool)
      return {};
    if (N.OpType == "Not") {
      FoldedTensor T = *A;
      for (int64_t &V : T.Ints)
        V = !V;
      return folded(std::move(T));
    }
    const FoldedTensor *B = in(1);
    if (!B || B->Type != ElemType::Bool)
      return {};
    std::string Err;
    auto BC = broadcast({A, B}, 7, Err);
    if (!BC)
      return Err.empty() ? FoldResult() : failed(N.OpType + ": " + Err);
    FoldedTensor T;
    T.Type = ElemType::Bool;
    T.Dims = BC->Out;
    for (size_t E = 0; E < BC->Index[0].size(); ++E) {
      bool X = A->Ints[BC->Index[0][E]], Y = B->Ints[BC->Index[1][E]];
      T.Ints.push_back(N.OpType == "And"  ? X && Y
                       : N.OpType == "Or" ? X || Y
                                          : X != Y);
    }
    return folded(std::move(T));
  }

  FoldResult where() {
    const FoldedTensor *C = in(0), *X = in(1), *Y = in(2);
    if (!C || !X || !Y || C->Type != ElemType::Bool || X->Type != Y->Type)
      return {};
    std::string Err;
    auto BC = broadcast({C, X, Y}, 0, Err);
    if (!BC)
      return Err.empty() ? FoldResult() : failed("Where: " + Err);
    FoldedTensor T;
    T.Type = X->Type;
    T.Dims = BC->Out;
    for (size_t E = 0; E < BC->Index[0].size(); ++E) {
      bool Take = C->Ints[BC->Index[0][E]];
      const FoldedTensor &S = Take ? *X : *Y;
      size_t I = BC->Index[Take ? 1 : 2][E];
      if (T.isReal())
        T.Reals.push_back(S.Reals[I]);
      else
        T.Ints.push_back(S.Ints[I]);
    }
    return folded(std::move(T));
  }

  //===--------------------------------------------------------------------===//
  // Sources: Shape, Size, Constant, ConstantOfShape, Range
  //===--------------------------------------------------------------------===//

  std::optional<Dims> inputDims() const {
    if (!present(0))
      return std::nullopt;
    if (Inputs[0].Data)
      return Inputs[0].Data->Dims;
    return Inputs[0].Dims;
  }

  FoldResult shape() {
    auto D = inputDims();
    if (!D)
      return {};
    int64_t R = int64_t(D->size());
    int64_t Start = 0, End = R;
    if (Opset >= 15) {
      Start = N.intAttr("start", 0);
      if (N.attr("end"))
        End = N.intAttr("end", R);
    }
    // Out-of-range start/end are clamped (Shape-15).
    auto Clamp = [R](int64_t X) {
      if (X < 0)
        X = X < -R ? 0 : X + R;
      return std::min(X, R);
    };
    Start = Clamp(Start);
    End = Clamp(End);
    FoldedTensor T;
    T.Type = ElemType::Int64;
    for (int64_t K = Start; K < End; ++K) {
      if ((*D)[K] < 0)
        return {};
      T.Ints.push_back((*D)[K]);
    }
    T.Dims = {int64_t(T.Ints.size())};
    return folded(std::move(T));
  }

  FoldResult size() {
    auto D = inputDims();
    if (!D)
      return {};
    int64_t Count = 1;
    for (int64_t X : *D)
      if (X < 0)
        return {};
    for (int64_t X : *D)
      if (MulOverflow(Count, X, Count))
        return failed("the element count of a " + dimsString(*D) +
                      " tensor overflows int64");
    FoldedTensor T;
    T.Type = ElemType::Int64;
    T.Ints = {Count};
    return folded(std::move(T));
  }

  FoldResult constant() {
    FoldedTensor T;
    if (N.attr("value")) {
      if (!ValueAttr)
        return {};
      T = *ValueAttr;
    } else if (const Attribute *A = N.attr("value_int");
               A && A->K == Attribute::Int) {
      T.Type = ElemType::Int64;
      T.Ints = {A->I};
    } else if (const Attribute *A = N.attr("value_ints");
               A && A->K == Attribute::Ints) {
      T.Type = ElemType::Int64;
      T.Ints = A->Is;
      T.Dims = {int64_t(A->Is.size())};
    } else if (const Attribute *A = N.attr("value_float");
               A && A->K == Attribute::Float) {
      T.Type = ElemType::Float;
      T.Reals = {double(A->F)};
    } else if (const Attribute *A = N.attr("value_floats");
               A && A->K == Attribute::Floats) {
      T.Type = ElemType::Float;
      T.Reals.assign(A->Fs.begin(), A->Fs.end());
      T.Dims = {int64_t(A->Fs.size())};
    } else {
      return {}; // sparse_value, strings
    }
    if (int64_t(T.size()) > Max)
      return {};
    return folded(std::move(T));
  }

  FoldResult constantOfShape() {
    const FoldedTensor *S = in(0);
    if (!S || S->Type != ElemType::Int64 || S->Dims.size() > 1)
      return {};
    for (int64_t D : S->Ints)
      if (D < 0)
        return failed("ConstantOfShape: negative dim " + std::to_string(D) +
                      " in the shape " + dimsString(S->Ints));
    auto Count = elementCount(S->Ints, Max);
    if (!Count)
      return {};
    FoldedTensor T;
    T.Dims = S->Ints;
    if (N.attr("value")) {
      if (!ValueAttr || ValueAttr->size() != 1)
        return {};
      T.Type = ValueAttr->Type;
      if (T.isReal())
        T.Reals.assign(size_t(*Count), ValueAttr->Reals[0]);
      else
        T.Ints.assign(size_t(*Count), ValueAttr->Ints[0]);
    } else {
      T.Type = ElemType::Float; // default: float 0
      T.Reals.assign(size_t(*Count), 0.0);
    }
    return folded(std::move(T));
  }

  /// Range on float or double scalars: the count is
  /// max(ceil((limit - start) / delta), 0) as the ONNX spec computes it, in
  /// the element type.
  FoldResult realRange(const FoldedTensor &S, const FoldedTensor &L,
                       const FoldedTensor &D) {
    if (S.Reals.size() != 1 || L.Reals.size() != 1 || D.Reals.size() != 1 ||
        S.Dims.size() > 1 || L.Dims.size() > 1 || D.Dims.size() > 1)
      return {};
    double Start = S.Reals[0], Limit = L.Reals[0], Delta = D.Reals[0];
    if (Delta == 0)
      return failed("Range with delta 0");
    double Count =
        std::ceil(roundTo(roundTo(Limit - Start, S.Type) / Delta, S.Type));
    if (!std::isfinite(Count))
      return failed("Range from " + std::to_string(Start) + " to " +
                    std::to_string(Limit) + " by " + std::to_string(Delta) +
                    " has no finite length");
    Count = std::max(Count, 0.0);
    if (Count > double(Max))
      return {};
    FoldedTensor T;
    T.Type = S.Type;
    T.Dims = {int64_t(Count)};
    for (int64_t I = 0; I < int64_t(Count); ++I)
      T.Reals.push_back(roundTo(Start + double(I) * Delta, S.Type));
    return folded(std::move(T));
  }

  FoldResult range() {
    const FoldedTensor *S = in(0), *L = in(1), *D = in(2);
    if (S && L && D && S->isReal() && L->Type == S->Type &&
        D->Type == S->Type)
      return realRange(*S, *L, *D);
    if (!S || !L || !D || !isInt(S->Type) || L->Type != S->Type ||
        D->Type != S->Type)
      return {};
    auto Start = intScalar(0), Limit = intScalar(1), Delta = intScalar(2);
    if (!Start || !Limit || !Delta)
      return {};
    if (*Delta == 0)
      return failed("Range with delta 0");
    int64_t Diff;
    if (SubOverflow(*Limit, *Start, Diff))
      return failed("64-bit overflow in Range: " + std::to_string(*Limit) +
                    " - " + std::to_string(*Start));
    // ceil(Diff / Delta), at least 0.
    int64_t Q = Diff / *Delta;
    if (Diff % *Delta != 0 && ((Diff < 0) == (*Delta < 0)))
      ++Q;
    Q = std::max<int64_t>(Q, 0);
    if (Q > Max)
      return {};
    FoldedTensor T;
    T.Type = S->Type;
    T.Dims = {Q};
    for (int64_t I = 0; I < Q; ++I)
      T.Ints.push_back(*Start + I * *Delta); // between Start and Limit
    return folded(std::move(T));
  }

  FoldResult cast() {
    const FoldedTensor *A = in(0);
    if (!A || Opset < 6)
      return {}; // Cast-1 names the type by a string
    const Attribute *To = N.attr("to");
    if (!To || To->K != Attribute::Int)
      return {};
    ElemType Ty = ElemType(To->I);
    if (!isFoldableType(Ty))
      return {};
    FoldedTensor T;
    T.Type = Ty;
    T.Dims = A->Dims;
    bool ToReal = T.isReal();
    if (A->isReal()) {
      for (double V : A->Reals) {
        if (ToReal) {
          T.Reals.push_back(roundTo(V, Ty));
        } else if (Ty == ElemType::Bool) {
          T.Ints.push_back(V != 0);
        } else {
          // Only exact conversions: a float that is not an integer, or
          // does not fit, converts differently on different runtimes.
          double Lo = Ty == ElemType::Int32 ? -2147483648.0 : -0x1p63;
          double Hi = Ty == ElemType::Int32 ? 2147483648.0 : 0x1p63;
          if (!std::isfinite(V) || std::trunc(V) != V || V < Lo || V >= Hi)
            return {};
          T.Ints.push_back(int64_t(V));
        }
      }
      return folded(std::move(T));
    }
    for (int64_t V : A->Ints) {
      if (ToReal)
        T.Reals.push_back(roundTo(double(V), Ty));
      else if (Ty == ElemType::Bool)
        T.Ints.push_back(V != 0);
      else if (!fits(V, Ty))
        return failed("Cast: " + std::to_string(V) + " does not fit int32");
      else
        T.Ints.push_back(V);
    }
    return folded(std::move(T));
  }

  //===--------------------------------------------------------------------===//
  // Data movement
  //===--------------------------------------------------------------------===//

  FoldResult unaryCopy() {
    const FoldedTensor *A = in(0);
    if (!A)
      return {};
    return folded(*A);
  }

  FoldResult withDims(const FoldedTensor &A, Dims D) {
    FoldedTensor T = A;
    T.Dims = std::move(D);
    return folded(std::move(T));
  }

  FoldResult gather() {
    const FoldedTensor *D = in(0), *I = in(1);
    if (!D || !I || !isInt(I->Type))
      return {};
    int64_t R = int64_t(D->Dims.size());
    if (R == 0)
      return failed("Gather from a scalar");
    int64_t A0 = N.intAttr("axis", 0);
    auto A = axis(A0, R);
    if (!A)
      return failed("Gather: " + axisError(A0, R));
    Dims Out(D->Dims.begin(), D->Dims.begin() + *A);
    Out.insert(Out.end(), I->Dims.begin(), I->Dims.end());
    Out.insert(Out.end(), D->Dims.begin() + *A + 1, D->Dims.end());
    if (!elementCount(Out, Max))
      return {};
    int64_t AxisDim = D->Dims[*A];
    size_t Outer = 1, Inner = 1;
    for (int64_t K = 0; K < *A; ++K)
      Outer *= size_t(D->Dims[K]);
    for (int64_t K = *A + 1; K < R; ++K)
      Inner *= size_t(D->Dims[K]);
    std::vector<size_t> Idx;
    for (int64_t J : I->Ints)
      if (J < -AxisDim || J >= AxisDim)
        return failed("Gather: index " + std::to_string(J) +
                      " is out of range for a dim of " +
                      std::to_string(AxisDim));
    for (size_t O = 0; O < Outer; ++O)
      for (int64_t J : I->Ints) {
        size_t K = size_t(J < 0 ? J + AxisDim : J);
        for (size_t In = 0; In < Inner; ++In)
          Idx.push_back((O * size_t(AxisDim) + K) * Inner + In);
      }
    return folded(take(*D, std::move(Out), Idx));
  }

  FoldResult concat() {
    std::vector<const FoldedTensor *> Ts;
    for (size_t I = 0; I < Inputs.size(); ++I)
      if (const FoldedTensor *T = in(unsigned(I)))
        Ts.push_back(T);
    if (Ts.empty())
      return {};
    const Attribute *AxisAttr = N.attr("axis");
    if (!AxisAttr && Opset >= 4)
      return {};
    int64_t A0 = AxisAttr ? AxisAttr->I : 1; // Concat-1's default
    int64_t R = int64_t(Ts[0]->Dims.size());
    for (const FoldedTensor *T : Ts) {
      if (T->Type != Ts[0]->Type)
        return {};
      if (int64_t(T->Dims.size()) != R)
        return failed("Concat of tensors of ranks " +
                      std::to_string(Ts[0]->Dims.size()) + " and " +
                      std::to_string(T->Dims.size()));
    }
    auto A = axis(A0, R);
    if (!A)
      return failed("Concat: " + axisError(A0, R));
    Dims Out = Ts[0]->Dims;
    Out[*A] = 0;
    for (const FoldedTensor *T : Ts) {
      for (int64_t K = 0; K < R; ++K)
        if (K != *A && T->Dims[K] != Ts[0]->Dims[K])
          return failed("Concat of " + dimsString(Ts[0]->Dims) + " and " +
                        dimsString(T->Dims) + " along axis " +
                        std::to_string(*A));
      Out[*A] += T->Dims[*A];
    }
    if (!elementCount(Out, Max))
      return {};
    size_t Outer = 1, Inner = 1;
    for (int64_t K = 0; K < *A; ++K)
      Outer *= size_t(Out[K]);
    for (int64_t K = *A + 1; K < R; ++K)
      Inner *= size_t(Out[K]);
    FoldedTensor T;
    T.Type = Ts[0]->Type;
    T.Dims = Out;
    for (size_t O = 0; O < Outer; ++O)
      for (const FoldedTensor *S : Ts) {
        size_t Chunk = size_t(S->Dims[*A]) * Inner;
        if (S->isReal())
          T.Reals.insert(T.Reals.end(), S->Reals.begin() + O * Chunk,
                         S->Reals.begin() + (O + 1) * Chunk);
        else
          T.Ints.insert(T.Ints.end(), S->Ints.begin() + O * Chunk,
                        S->Ints.begin() + (O + 1) * Chunk);
      }
    return folded(std::move(T));
  }

  FoldResult slice() {
    const FoldedTensor *D = in(0);
    if (!D)
      return {};
    std::vector<int64_t> Starts, Ends, AxesIn, Steps;
    if (Opset < 10) {
      Starts = N.intsAttr("starts");
      Ends = N.intsAttr("ends");
      AxesIn = N.intsAttr("axes");
      if (!N.attr("starts") || !N.attr("ends"))
        return {};
    } else {
      auto S = intList(1), E = intList(2);
      if (!S || !E)
        return {};
      Starts = *S;
      Ends = *E;
      if (present(3)) {
        auto X = intList(3);
        if (!X)
          return {};
        AxesIn = *X;
      }
      if (present(4)) {
        auto X = intList(4);
        if (!X)
          return {};
        Steps = *X;
      }
    }
    int64_t R = int64_t(D->Dims.size());
    if (Starts.size() != Ends.size())
      return failed("Slice with " + std::to_string(Starts.size()) +
                    " starts and " + std::to_string(Ends.size()) + " ends");
    if (AxesIn.empty() && !(Opset >= 10 && present(3)))
      for (size_t K = 0; K < Starts.size(); ++K)
        AxesIn.push_back(int64_t(K));
    if (Steps.empty() && !(Opset >= 10 && present(4)))
      Steps.assign(Starts.size(), 1);
    if (AxesIn.size() != Starts.size() || Steps.size() != Starts.size())
      return failed("Slice: starts, ends, axes and steps differ in length");
    std::vector<int64_t> Ax;
    if (auto Err = axes(AxesIn, R, Ax))
      return failed("Slice: " + *Err);
    Dims Out = D->Dims;
    std::vector<int64_t> First(R, 0), Step(R, 1);
    for (size_t K = 0; K < Ax.size(); ++K) {
      int64_t A = Ax[K], Dim = D->Dims[A], S = Starts[K], E = Ends[K],
              St = Steps[K];
      if (St == 0)
        return failed("Slice with step 0");
      Step[A] = St;
      if (Dim == 0) {
        Out[A] = 0;
        continue;
      }
      if (S < 0)
        S += Dim; // no overflow: S < 0 <= Dim
      if (E < 0)
        E += Dim;
      if (St > 0) {
        S = std::clamp<int64_t>(S, 0, Dim);
        E = std::clamp<int64_t>(E, 0, Dim);
        Out[A] = E > S ? (E - S - 1) / St + 1 : 0;
      } else {
        S = std::clamp<int64_t>(S, 0, Dim - 1);
        E = std::clamp<int64_t>(E, -1, Dim - 1);
        uint64_t Mag = St == std::numeric_limits<int64_t>::min()
                           ? uint64_t(1) << 63
                           : uint64_t(-St);
        Out[A] = S > E ? int64_t(uint64_t(S - E - 1) / Mag + 1) : 0;
      }
      First[A] = S;
    }
    std::vector<size_t> Src = stridesOf(D->Dims), Stride(R);
    size_t Base = 0;
    for (int64_t K = 0; K < R; ++K) {
      Base += size_t(First[K]) * Src[K];
      Stride[K] = size_t(Step[K]) * Src[K]; // wraps for negative steps
    }
    std::vector<size_t> Idx;
    forEachIndex(Out, Stride, Base, [&](size_t I) { Idx.push_back(I); });
    return folded(take(*D, std::move(Out), Idx));
  }

  /// Axes from the attribute (before opset Since) or input 1.
  std::optional<std::vector<int64_t>> axesOperand(int Since, bool &Given) {
    Given = false;
    if (Opset < Since) {
      Given = N.attr("axes") != nullptr;
      return N.intsAttr("axes");
    }
    if (!present(1))
      return std::vector<int64_t>();
    Given = true;
    return intList(1);
  }

  FoldResult squeeze() {
    const FoldedTensor *D = in(0);
    if (!D)
      return {};
    bool Given;
    auto As = axesOperand(13, Given);
    if (!As)
      return {};
    int64_t R = int64_t(D->Dims.size());
    Dims Out;
    if (!Given) {
      for (int64_t X : D->Dims)
        if (X != 1)
          Out.push_back(X);
      return withDims(*D, Out);
    }
    std::vector<int64_t> Ax;
    if (auto Err = axes(*As, R, Ax))
      return failed("Squeeze: " + *Err);
    for (int64_t A : Ax)
      if (D->Dims[A] != 1)
        return failed("Squeeze of axis " + std::to_string(A) + " of a " +
                      dimsString(D->Dims) + " tensor, which is not 1");
    for (int64_t K = 0; K < R; ++K)
      if (std::find(Ax.begin(), Ax.end(), K) == Ax.end())
        Out.push_back(D->Dims[K]);
    return withDims(*D, Out);
  }

  FoldResult unsqueeze() {
    const FoldedTensor *D = in(0);
    if (!D)
      return {};
    bool Given;
    auto As = axesOperand(13, Given);
    if (!As || !Given)
      return {};
    int64_t OutRank = int64_t(D->Dims.size() + As->size());
    std::vector<int64_t> Ax;
    if (auto Err = axes(*As, OutRank, Ax))
      return failed("Unsqueeze: " + *Err);
    Dims Out;
    size_t Next = 0;
    for (int64_t K = 0; K < OutRank; ++K)
      Out.push_back(std::find(Ax.begin(), Ax.end(), K) != Ax.end()
                        ? 1
                        : D->Dims[Next++]);
    return withDims(*D, Out);
  }

  FoldResult reshape() {
    const FoldedTensor *D = in(0);
    if (!D)
      return {};
    std::vector<int64_t> S;
    if (Opset < 5) {
      if (!N.attr("shape"))
        return {};
      S = N.intsAttr("shape");
    } else {
      const FoldedTensor *ST = in(1);
      if (!ST || ST->Type != ElemType::Int64)
        return {};
      S = ST->Ints;
    }
    bool AllowZero = Opset >= 14 && N.intAttr("allowzero", 0) != 0;
    int64_t R = int64_t(D->Dims.size());
    Dims Out(S.size());
    int Infer = -1;
    int64_t Product = 1;
    auto Bad = [&](const std::string &Why) {
      return failed("Reshape of a " + dimsString(D->Dims) + " tensor to " +
                    dimsString(S) + ": " + Why);
    };
    for (size_t K = 0; K < S.size(); ++K) {
      int64_t V = S[K];
      if (V == 0 && !AllowZero) {
        if (int64_t(K) >= R)
          return Bad("0 copies a dim the input does not have");
        V = D->Dims[K];
      } else if (V == -1) {
        if (Infer >= 0)
          return Bad("more than one -1");
        Infer = int(K);
        continue;
      } else if (V < -1) {
        return Bad("negative dim");
      }
      Out[K] = V;
      if (MulOverflow(Product, V, Product))
        return Bad("the element count overflows int64");
    }
    int64_t Count = int64_t(D->size());
    if (Infer >= 0) {
      if (Product == 0 || Count % Product != 0)
        return Bad("the -1 cannot be inferred");
      Out[Infer] = Count / Product;
    } else if (Product != Count) {
      return Bad("element counts differ");
    }
    return withDims(*D, Out);
  }

  FoldResult expand() {
    const FoldedTensor *D = in(0), *S = in(1);
    if (!D || !S || S->Type != ElemType::Int64 || S->Dims.size() > 1)
      return {};
    for (int64_t X : S->Ints)
      if (X < 0)
        return failed("Expand to a negative dim " + std::to_string(X) +
                      " in " + dimsString(S->Ints));
    FoldedTensor Shape;
    Shape.Type = ElemType::Bool;
    Shape.Dims = S->Ints; // only the dims take part in broadcasting
    std::string Err;
    auto BC = broadcast({D, &Shape}, 0, Err);
    if (!BC)
      return Err.empty() ? FoldResult() : failed("Expand: " + Err);
    return folded(take(*D, BC->Out, BC->Index[0]));
  }

  FoldResult tile() {
    const FoldedTensor *D = in(0);
    auto Reps = intList(1);
    if (!D || !Reps || Opset < 6)
      return {};
    int64_t R = int64_t(D->Dims.size());
    if (int64_t(Reps->size()) != R)
      return failed("Tile of a rank " + std::to_string(R) + " tensor with " +
                    std::to_string(Reps->size()) + " repeats");
    Dims Out(R);
    for (int64_t K = 0; K < R; ++K) {
      if ((*Reps)[K] < 0)
        return failed("Tile with a negative repeat " +
                      std::to_string((*Reps)[K]));
      if (MulOverflow(D->Dims[K], (*Reps)[K], Out[K]))
        return {};
    }
    if (!elementCount(Out, Max))
      return {};
    std::vector<size_t> Src = stridesOf(D->Dims);
    std::vector<size_t> Idx;
    // Output index o reads input index o mod dim, per axis.
    std::vector<int64_t> Ctr(R, 0);
    auto Count = *elementCount(Out, Max);
    for (int64_t E = 0; E < Count; ++E) {
      size_t I = 0;
      for (int64_t K = 0; K < R; ++K)
        I += size_t(Ctr[K] % D->Dims[K]) * Src[K];
      Idx.push_back(I);
      for (int64_t K = R; K-- > 0;) {
        if (++Ctr[K] < Out[K])
          break;
        Ctr[K] = 0;
      }
    }
    return folded(take(*D, std::move(Out), Idx));
  }

  FoldResult reduce() {
    const FoldedTensor *D = in(0);
    if (!D || !isInt(D->Type))
      return {};
    bool Sum = N.OpType == "ReduceSum";
    bool Given;
    auto As = axesOperand(Sum ? 13 : 18, Given);
    if (!As)
      return {};
    bool AxesInput = Opset >= (Sum ? 13 : 18);
    bool KeepDims = N.intAttr("keepdims", 1) != 0;
    int64_t R = int64_t(D->Dims.size());
    if (As->empty() && AxesInput && N.intAttr("noop_with_empty_axes", 0))
      return folded(*D);
    std::vector<int64_t> Ax;
    if (As->empty()) {
      for (int64_t K = 0; K < R; ++K)
        Ax.push_back(K);
    } else if (auto Err = axes(*As, R, Ax)) {
      return failed(N.OpType + ": " + *Err);
    }
    std::vector<bool> Reduced(R, false);
    for (int64_t A : Ax)
      Reduced[A] = true;
    Dims Out, Kept; // Kept: dims with reduced ones set to 1
    for (int64_t K = 0; K < R; ++K) {
      Kept.push_back(Reduced[K] ? 1 : D->Dims[K]);
      if (!Reduced[K] || KeepDims)
        Out.push_back(Kept.back());
    }
    std::vector<size_t> OutStride = stridesOf(Kept), Stride(R);
    for (int64_t K = 0; K < R; ++K)
      Stride[K] = Reduced[K] ? 0 : OutStride[K];
    size_t OutCount = 1;
    for (int64_t X : Kept)
      OutCount *= size_t(X);
    FoldedTensor T;
    T.Type = D->Type;
    T.Dims = Out;
    T.Ints.assign(OutCount, Sum ? 0 : 1);
    size_t E = 0;
    std::string Err;
    forEachIndex(D->Dims, Stride, 0, [&](size_t O) {
      int64_t X = D->Ints[E++];
      if (!Err.empty())
        return;
      int64_t &Acc = T.Ints[O];
      if (!intOp(Sum ? "Add" : "Mul", Acc, X, Acc, Err))
        Err = N.OpType + ": " + Err;
    });
    if (!Err.empty())
      return failed(Err);
    for (int64_t V : T.Ints)
      if (!fits(V, T.Type))
        return failed("int32 overflow in " + N.OpType + ": " +
                      std::to_string(V));
    return folded(std::move(T));
  }
};

} // namespace

FoldResult foldNode(const Node &N, const FoldedTensor *ValueAttr,
                    ArrayRef<FoldInput> Inputs, const FoldLimits &Limits) {
  if (!N.Domain.empty() || !isFoldableOp(N.OpType))
    return {};
  return Evaluator(N, ValueAttr, Inputs, Limits).run();
}

//===----------------------------------------------------------------------===//
// The pass on the ModelProto graph
//===----------------------------------------------------------------------===//

namespace detail {

std::optional<FoldedTensor> decodeTensor(const onnx::TensorProto &T,
                                         int64_t MaxElements, bool AllowReal) {
  FoldedTensor R;
  R.Type = T.data_type() >= 0 && T.data_type() <= int(ElemType::Int4)
               ? ElemType(T.data_type())
               : ElemType::Undefined;
  if (!isFoldableType(R.Type) || (R.isReal() && !AllowReal) || isExternal(T))
    return std::nullopt;
  R.Dims.assign(T.dims().begin(), T.dims().end());
  auto Count = elementCount(R.Dims, MaxElements);
  if (!Count)
    return std::nullopt;
  size_t N = size_t(*Count);
  const std::string &Raw = T.raw_data();
  bool UseRaw = T.has_raw_data();
  switch (R.Type) {
  case ElemType::Int64:
    if (UseRaw ? Raw.size() != N * 8 : size_t(T.int64_data_size()) != N)
      return std::nullopt;
    for (size_t I = 0; I < N; ++I)
      R.Ints.push_back(UseRaw ? int64_t(support::endian::read64le(
                                    Raw.data() + 8 * I))
                              : T.int64_data(int(I)));
    break;
  case ElemType::Int32:
  case ElemType::Bool: {
    size_t Width = R.Type == ElemType::Int32 ? 4 : 1;
    if (UseRaw ? Raw.size() != N * Width : size_t(T.int32_data_size()) != N)
      return std::nullopt;
    for (size_t I = 0; I < N; ++I) {
      int64_t V = !UseRaw     ? T.int32_data(int(I))
                  : Width == 4 ? int32_t(support::endian::read32le(
                                     Raw.data() + 4 * I))
                               : int64_t(uint8_t(Raw[I]));
      R.Ints.push_back(R.Type == ElemType::Bool ? V != 0 : V);
    }
    break;
  }
  case ElemType::Float:
    if (UseRaw ? Raw.size() != N * 4 : size_t(T.float_data_size()) != N)
      return std::nullopt;
    for (size_t I = 0; I < N; ++I) {
      float F;
      if (UseRaw) {
        uint32_t Bits = support::endian::read32le(Raw.data() + 4 * I);
        std::memcpy(&F, &Bits, 4);
      } else {
        F = T.float_data(int(I));
      }
      R.Reals.push_back(F);
    }
    break;
  case ElemType::Double:
    if (UseRaw ? Raw.size() != N * 8 : size_t(T.double_data_size()) != N)
      return std::nullopt;
    for (size_t I = 0; I < N; ++I) {
      double D;
      if (UseRaw) {
        uint64_t Bits = support::endian::read64le(Raw.data() + 8 * I);
        std::memcpy(&D, &Bits, 8);
      } else {
        D = T.double_data(int(I));
      }
      R.Reals.push_back(D);
    }
    break;
  default:
    return std::nullopt;
  }
  return R;
}

namespace {

/// The TensorProto a Constant node carries for T.
onnx::TensorProto encodeTensor(const FoldedTensor &T) {
  onnx::TensorProto P;
  P.set_data_type(int32_t(T.Type));
  for (int64_t D : T.Dims)
    P.add_dims(D);
  switch (T.Type) {
  case ElemType::Int64:
    for (int64_t V : T.Ints)
      P.add_int64_data(V);
    break;
  case ElemType::Int32:
  case ElemType::Bool: // bool elements live in int32_data
    for (int64_t V : T.Ints)
      P.add_int32_data(int32_t(V));
    break;
  case ElemType::Float:
    for (double V : T.Reals)
      P.add_float_data(float(V));
    break;
  case ElemType::Double:
    for (double V : T.Reals)
      P.add_double_data(V);
    break;
  default:
    break;
  }
  return P;
}

/// How much a type says (element type, rank, known dims), to pick the best
/// of the entries input, value_info and output may hold for one name.
int typeScore(const onnx::TypeProto &T) {
  if (!T.has_tensor_type())
    return 0;
  int Score = T.tensor_type().elem_type() != 0;
  if (!T.tensor_type().has_shape())
    return Score;
  Score += 2;
  for (const auto &D : T.tensor_type().shape().dim())
    Score += D.has_dim_value() && D.dim_value() >= 0;
  return Score;
}

std::string typeString(ElemType T, const std::vector<int64_t> &Dims) {
  std::string S = std::string(elemTypeName(T)) + "[";
  if (Dims.empty())
    S += "scalar";
  for (size_t I = 0; I < Dims.size(); ++I) {
    if (I)
      S += 'x';
    S += Dims[I] >= 0 ? std::to_string(Dims[I]) : std::string("?");
  }
  return S + "]";
}

} // namespace

void ShapeFolder::warn(const onnx::NodeProto &NP, const std::string &Name,
                       const std::string &Message) {
  Diagnostic D;
  D.Sev = Severity::Warning;
  D.File = Path;
  D.Node = Name;
  D.OpType = NP.op_type();
  D.Code = "shape-fold";
  D.Message = Message;
  Diags.add(std::move(D));
}

unsigned ShapeFolder::sweep(const onnx::GraphProto &G,
                            const std::vector<std::string> &NodeNames,
                            int Opset,
                            const std::vector<std::string> &OnnxDomains) {
  int NumNodes = G.node_size();
  States.resize(size_t(NumNodes), State::Pending);
  std::unordered_map<std::string, const onnx::TypeProto *> Types;
  for (const auto *List : {&G.input(), &G.value_info(), &G.output()})
    for (const auto &VI : *List) {
      if (!VI.has_type())
        continue;
      auto [It, New] = Types.emplace(VI.name(), &VI.type());
      if (!New && typeScore(VI.type()) > typeScore(*It->second))
        It->second = &VI.type();
    }
  std::unordered_map<std::string, const onnx::TensorProto *> Inits;
  for (const auto &T : G.initializer())
    Inits.emplace(T.name(), &T);
  // Values some foldable node reads. A float value is folded only for such
  // a reader (a Cast back to integers, say): float tensors that feed only
  // other ops are weights (ConstantOfShape-made ones included), not shape
  // arithmetic.
  std::unordered_set<std::string> ReadByFoldable;
  for (const auto &NP : G.node())
    if (isFoldableOp(NP.op_type()) &&
        std::find(OnnxDomains.begin(), OnnxDomains.end(), NP.domain()) !=
            OnnxDomains.end())
      for (const auto &In : NP.input())
        ReadByFoldable.insert(In);

  auto DataOf = [&](const std::string &Name) -> const FoldedTensor * {
    if (auto It = Values.find(Name); It != Values.end())
      return &It->second;
    auto IIt = Inits.find(Name);
    if (IIt == Inits.end())
      return nullptr;
    auto [It, New] = InitValues.try_emplace(Name);
    // Weights are never read: only integer and bool initializers.
    if (New)
      It->second = decodeTensor(*IIt->second, Limits.MaxElements,
                                /*AllowReal=*/false);
    return It->second ? &*It->second : nullptr;
  };
  auto DimsOf = [&](const std::string &Name) -> std::optional<Dims> {
    if (const FoldedTensor *T = DataOf(Name))
      return T->Dims;
    if (auto IIt = Inits.find(Name); IIt != Inits.end())
      return Dims(IIt->second->dims().begin(), IIt->second->dims().end());
    auto TIt = Types.find(Name);
    if (TIt == Types.end() || !TIt->second->has_tensor_type() ||
        !TIt->second->tensor_type().has_shape())
      return std::nullopt;
    Dims D;
    for (const auto &X : TIt->second->tensor_type().shape().dim())
      D.push_back(X.has_dim_value() && X.dim_value() >= 0 ? X.dim_value()
                                                          : -1);
    return D;
  };

  unsigned New = 0;
  for (int I = 0; I < NumNodes && !Exhausted; ++I) {
    if (States[I] != State::Pending)
      continue;
    const onnx::NodeProto &NP = G.node(I);
    // The length of a sequence given by --input-data.
    if (NP.op_type() == "SequenceLength" && NP.input_size() == 1 &&
        NP.output_size() == 1 && !NP.output(0).empty() &&
        std::find(OnnxDomains.begin(), OnnxDomains.end(), NP.domain()) !=
            OnnxDomains.end()) {
      auto It = SequenceLengths.find(NP.input(0));
      if (It == SequenceLengths.end())
        continue;
      FoldedTensor T;
      T.Type = ElemType::Int64;
      T.Ints = {It->second};
      Values[NP.output(0)] = std::move(T);
      States[I] = State::Folded;
      ++New;
      ++NumFolded;
      Unpublished = true;
      continue;
    }
    if (std::find(OnnxDomains.begin(), OnnxDomains.end(), NP.domain()) ==
            OnnxDomains.end() ||
        !isFoldableOp(NP.op_type()) || NP.output_size() != 1 ||
        NP.output(0).empty()) {
      States[I] = State::Never;
      continue;
    }
    bool IsShape = NP.op_type() == "Shape" || NP.op_type() == "Size";
    std::vector<FoldInput> Ins(size_t(NP.input_size()));
    bool Ready = true;
    for (int J = 0; J < NP.input_size() && Ready; ++J) {
      const std::string &Name = NP.input(J);
      if (Name.empty())
        continue;
      FoldInput &In = Ins[size_t(J)];
      In.Present = true;
      In.Data = DataOf(Name);
      if (IsShape && J == 0 && !In.Data)
        In.Dims = DimsOf(Name);
      Ready = In.Data || In.Dims;
    }
    if (!Ready)
      continue;

    Node N;
    N.Name = NodeNames[size_t(I)];
    N.OpType = NP.op_type();
    N.OpsetVersion = Opset;
    std::optional<FoldedTensor> ValueAttr;
    for (const auto &A : NP.attribute()) {
      N.Attributes[A.name()] = convertAttribute(A);
      if (A.name() == "value" && A.has_t())
        ValueAttr = decodeTensor(A.t(), Limits.MaxElements, true);
    }
    FoldResult R = foldNode(N, ValueAttr ? &*ValueAttr : nullptr, Ins, Limits);
    if (R.St == FoldResult::NotFoldable)
      continue; // Shape and Size may be foldable once more dims are known
    if (R.St == FoldResult::Failed) {
      States[I] = State::Failed;
      warn(NP, N.Name,
           "cannot evaluate this shape computation: " + R.Message +
               "; shapes computed from it stay unknown");
      continue;
    }
    const std::string &Out = NP.output(0);
    if (R.Value.isReal() && !ReadByFoldable.count(Out)) {
      States[I] = State::Never;
      continue;
    }
    // A folded value that contradicts what ONNX inferred for it is not
    // used (neither can be trusted to be right).
    if (auto TIt = Types.find(Out);
        TIt != Types.end() && TIt->second->has_tensor_type()) {
      const auto &TT = TIt->second->tensor_type();
      bool Agrees = TT.elem_type() == 0 || TT.elem_type() == int(R.Value.Type);
      if (TT.has_shape()) {
        Agrees &= TT.shape().dim_size() == int(R.Value.Dims.size());
        for (int K = 0; Agrees && K < TT.shape().dim_size(); ++K)
          Agrees &= !TT.shape().dim(K).has_dim_value() ||
                    TT.shape().dim(K).dim_value() == R.Value.Dims[size_t(K)];
      }
      if (!Agrees) {
        States[I] = State::Failed;
        Dims Inferred;
        for (const auto &X : TT.shape().dim())
          Inferred.push_back(X.has_dim_value() ? X.dim_value() : -1);
        warn(NP, N.Name,
             "the value computed for '" + Out + "' (" +
                 typeString(R.Value.Type, R.Value.Dims) +
                 ") contradicts the type ONNX inferred for it (" +
                 (TT.has_shape() ? typeString(ElemType(TT.elem_type()),
                                              Inferred)
                                 : std::string(elemTypeName(
                                       ElemType(TT.elem_type())))) +
                 "); it is not used");
        continue;
      }
    }
    TotalElements += int64_t(R.Value.size());
    if (TotalElements > MaxTotalElements) {
      Exhausted = true;
      Diagnostic D;
      D.Sev = Severity::Warning;
      D.File = Path;
      D.Code = "shape-fold";
      D.Message = "shape folding stopped after " +
                  std::to_string(MaxTotalElements) +
                  " folded elements; shapes computed by the rest of the "
                  "graph's shape arithmetic may stay unknown";
      Diags.add(std::move(D));
      break;
    }
    Values[Out] = std::move(R.Value);
    States[I] = State::Folded;
    ++New;
    ++NumFolded;
    if (NP.op_type() != "Constant")
      Unpublished = true;
  }
  return New;
}

std::vector<int> ShapeFolder::publish(onnx::GraphProto &Scratch) {
  std::vector<int> Replaced;
  for (size_t I = 0; I < States.size() && int(I) < Scratch.node_size(); ++I) {
    if (States[I] != State::Folded)
      continue;
    onnx::NodeProto &NP = *Scratch.mutable_node(int(I));
    if (NP.op_type() == "Constant")
      continue;
    const FoldedTensor &T = Values.at(NP.output(0));
    onnx::NodeProto C;
    C.set_name(NP.name());
    C.set_op_type("Constant");
    C.add_output(NP.output(0));
    auto *A = C.add_attribute();
    A->set_name("value");
    A->set_type(onnx::AttributeProto::TENSOR);
    *A->mutable_t() = encodeTensor(T);
    NP.Swap(&C);
    Replaced.push_back(int(I));
  }
  // Seeded graph inputs: an initializer of the same name gives ONNX's
  // inference their values (the input stays an input).
  for (const std::string &Name : Seeded) {
    bool Present = false;
    for (const auto &T : Scratch.initializer())
      Present |= T.name() == Name;
    if (Present)
      continue;
    onnx::TensorProto T = encodeTensor(Values.at(Name));
    T.set_name(Name);
    *Scratch.add_initializer() = std::move(T);
  }
  Unpublished = false;
  return Replaced;
}

} // namespace detail

} // namespace onnx_energy
