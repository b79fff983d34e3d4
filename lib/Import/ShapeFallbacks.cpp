//===- lib/Import/ShapeFallbacks.cpp - Our own shape rules after ONNX's ---===//
//
// Output shapes for the nodes ONNX 1.12's shape inference leaves unknown:
// com.microsoft operators, ai.onnx operators newer than opset 17 and the
// opset 18+ versions whose shape rules changed. Works on the Graph only (no
// protobuf). See the header for the contract; the op semantics are those of
// ops/Contrib.td and ops/Newer.td (ONNX Runtime's ContribOperators.md, the
// ONNX operator documentation).
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Import/ShapeFallbacks.h"
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace onnx_energy {

namespace {

using Shape = std::vector<Dim>;

Dim known(int64_t V) {
  Dim D;
  D.Value = V;
  return D;
}

class Fallbacks {
public:
  Fallbacks(Graph &G, DiagnosticList &Diags) : G(G), Diags(Diags) {}

  unsigned run() {
    unsigned Total = 0;
    // Each change makes a value strictly more known, so this terminates;
    // the graph is topologically sorted, so one sweep is usually enough.
    for (unsigned Sweep = 0; Sweep < 16; ++Sweep) {
      unsigned Before = Total;
      for (size_t I = 0; I < G.Nodes.size(); ++I) {
        if (!needsShapes(G.Nodes[I]))
          continue;
        Cur = &G.Nodes[I];
        Total += infer(G.Nodes[I]);
      }
      if (Total == Before)
        break;
    }
    return Total;
  }

private:
  Graph &G;
  DiagnosticList &Diags;
  const Node *Cur = nullptr;
  std::vector<std::string> Warned;

  bool needsShapes(const Node &N) const {
    for (int O : N.Outputs)
      if (O >= 0 && (!G.Values[O].fullyKnown() ||
                     G.Values[O].Type == ElemType::Undefined))
        return true;
    return false;
  }

  void warn(const std::string &Msg) {
    if (std::find(Warned.begin(), Warned.end(), Cur->Name) != Warned.end())
      return;
    Warned.push_back(Cur->Name);
    Diagnostic D;
    D.Sev = Severity::Warning;
    D.File = G.Path;
    D.Node = Cur->Name;
    D.OpType = Cur->OpType;
    D.Code = "shape-fallback";
    D.Message = Msg + "; the output shape stays unknown";
    Diags.add(std::move(D));
  }

  const Value *in(const Node &N, unsigned I) const {
    return I < N.Inputs.size() && N.Inputs[I] >= 0 ? &G.Values[N.Inputs[I]]
                                                   : nullptr;
  }
  /// Input I's shape when its rank is known.
  const Shape *shape(const Node &N, unsigned I) const {
    const Value *V = in(N, I);
    return V && V->HasShape ? &V->Shape : nullptr;
  }
  ElemType type(const Node &N, unsigned I) const {
    const Value *V = in(N, I);
    return V ? V->Type : ElemType::Undefined;
  }

  /// Integer constant data of input I (Value::IntData, kept by import for
  /// small integer initializers and Constant nodes).
  std::optional<std::vector<int64_t>> ints(const Node &N, unsigned I) const {
    const Value *V = in(N, I);
    if (!V)
      return std::nullopt;
    if (V->IntData)
      return V->IntData;
    if (V->Producer >= 0 && size_t(V->Producer) < G.Nodes.size()) {
      const Node &P = G.Nodes[V->Producer];
      if (P.OpType == "Constant" && P.Domain.empty()) {
        if (const Attribute *A = P.attr("value_ints"))
          return A->Is;
        if (const Attribute *A = P.attr("value_int"))
          return std::vector<int64_t>{A->I};
      }
    }
    return std::nullopt;
  }

  /// Float constant data of input I: integer data, or a Constant node's
  /// value_float(s). Float initializers are weights and are never read.
  std::optional<std::vector<double>> floats(const Node &N, unsigned I) const {
    if (auto V = ints(N, I))
      return std::vector<double>(V->begin(), V->end());
    const Value *V = in(N, I);
    if (!V || V->Producer < 0 || size_t(V->Producer) >= G.Nodes.size())
      return std::nullopt;
    const Node &P = G.Nodes[V->Producer];
    if (P.OpType != "Constant" || !P.Domain.empty())
      return std::nullopt;
    if (const Attribute *A = P.attr("value_floats"))
      return std::vector<double>(A->Fs.begin(), A->Fs.end());
    if (const Attribute *A = P.attr("value_float"))
      return std::vector<double>{A->F};
    return std::nullopt;
  }

  /// Merges S (and T) into output I; returns 1 if anything changed.
  unsigned set(const Node &N, unsigned I, const Shape &S, ElemType T) {
    if (I >= N.Outputs.size() || N.Outputs[I] < 0)
      return 0;
    Value &V = G.Values[N.Outputs[I]];
    bool Changed = false;
    if (V.Type == ElemType::Undefined && T != ElemType::Undefined) {
      V.Type = T;
      Changed = true;
    }
    if (!V.HasShape) {
      V.HasShape = true;
      V.Shape = S;
      return 1;
    }
    if (V.Shape.size() != S.size())
      return Changed; // the file's rank wins; a conflict is not ours to fix
    for (size_t D = 0; D < S.size(); ++D) {
      Dim &Old = V.Shape[D];
      if (!Old.known() && S[D].known()) {
        Old = S[D];
        Changed = true;
      } else if (!Old.known() && Old.Symbol.empty() && !S[D].Symbol.empty()) {
        Old.Symbol = S[D].Symbol;
        Changed = true;
      }
    }
    return Changed;
  }

  unsigned sameAsInput(const Node &N, unsigned Out, unsigned In,
                       ElemType T = ElemType::Undefined) {
    const Shape *S = shape(N, In);
    if (!S)
      return 0;
    return set(N, Out, *S, T == ElemType::Undefined ? type(N, In) : T);
  }

  static bool normAxis(int64_t &Axis, size_t Rank) {
    int64_t R = int64_t(Rank);
    if (Axis < 0)
      Axis += R;
    return Axis >= 0 && Axis < R;
  }

  /// numpy broadcasting of two shapes.
  std::optional<Shape> broadcast(const Shape &A, const Shape &B) {
    size_t R = std::max(A.size(), B.size());
    Shape Out(R);
    for (size_t I = 0; I < R; ++I) {
      const Dim *DA = I < R - A.size() ? nullptr : &A[I - (R - A.size())];
      const Dim *DB = I < R - B.size() ? nullptr : &B[I - (R - B.size())];
      if (!DA || !DB) {
        Out[I] = DA ? *DA : *DB;
      } else if (DA->known() && DB->known()) {
        if (DA->Value != DB->Value && DA->Value != 1 && DB->Value != 1) {
          warn("the input shapes do not broadcast");
          return std::nullopt;
        }
        Out[I] = DA->Value == 1 ? *DB : *DA;
      } else if (DA->known()) {
        Out[I] = DA->Value == 1 ? *DB : *DA;
      } else if (DB->known()) {
        Out[I] = DB->Value == 1 ? *DA : *DB;
      } else {
        Out[I] = DA->Symbol == DB->Symbol ? *DA : Dim();
      }
    }
    return Out;
  }

  /// numpy.matmul with the last two dims of A and B optionally swapped.
  std::optional<Shape> matmul(const Shape &A0, const Shape &B0, bool TA,
                              bool TB) {
    Shape A = A0, B = B0;
    if (A.empty() || B.empty())
      return std::nullopt;
    bool VecA = A.size() == 1, VecB = B.size() == 1;
    if (VecA)
      A.insert(A.begin(), known(1));
    if (VecB)
      B.push_back(known(1));
    if (TA)
      std::swap(A[A.size() - 1], A[A.size() - 2]);
    if (TB)
      std::swap(B[B.size() - 1], B[B.size() - 2]);
    const Dim &KA = A.back(), &KB = B[B.size() - 2];
    if (KA.known() && KB.known() && KA.Value != KB.Value) {
      warn("the inner dimensions of the product differ");
      return std::nullopt;
    }
    Shape BA(A.begin(), A.end() - 2), BB(B.begin(), B.end() - 2);
    auto Batch = broadcast(BA, BB);
    if (!Batch)
      return std::nullopt;
    Shape Out = *Batch;
    if (!VecA)
      Out.push_back(A[A.size() - 2]);
    if (!VecB)
      Out.push_back(B.back());
    return Out;
  }

  /// Output size of a convolution or pooling window along one dim.
  static Dim windowDim(const Dim &In, int64_t K, int64_t Stride, int64_t Dil,
                       int64_t PadB, int64_t PadE, const std::string &AutoPad,
                       bool Ceil) {
    if (!In.known() || K < 1 || Stride < 1 || Dil < 1)
      return Dim();
    int64_t Eff = (K - 1) * Dil + 1;
    if (AutoPad == "SAME_UPPER" || AutoPad == "SAME_LOWER")
      return known((In.Value + Stride - 1) / Stride);
    if (AutoPad == "VALID")
      return known(In.Value >= Eff ? (In.Value - Eff) / Stride + 1 : 0);
    int64_t Num = In.Value + PadB + PadE - Eff;
    if (Num < 0)
      return Dim();
    int64_t O = (Ceil ? (Num + Stride - 1) / Stride : Num / Stride) + 1;
    // A last window starting in the end padding is dropped (ceil_mode).
    if (Ceil && (O - 1) * Stride >= In.Value + PadB)
      --O;
    return known(O);
  }

  /// [N, C or M, O1..On] of Conv-like (Kernel from W) and pool-like nodes.
  std::optional<Shape> windowed(const Node &N, const Shape &X,
                                const std::vector<int64_t> &Kernel,
                                const Dim &Channels, bool Ceil) {
    size_t NS = X.size() - 2;
    if (Kernel.size() != NS)
      return std::nullopt;
    std::vector<int64_t> Strides = N.intsAttr("strides"),
                         Dils = N.intsAttr("dilations"),
                         Pads = N.intsAttr("pads");
    if (Strides.empty())
      Strides.assign(NS, 1);
    if (Dils.empty())
      Dils.assign(NS, 1);
    if (Pads.empty())
      Pads.assign(2 * NS, 0);
    if (Strides.size() != NS || Dils.size() != NS || Pads.size() != 2 * NS)
      return std::nullopt;
    std::string AutoPad = N.stringAttr("auto_pad", "NOTSET");
    Shape Out{X[0], Channels};
    for (size_t D = 0; D < NS; ++D)
      Out.push_back(windowDim(X[2 + D], Kernel[D], Strides[D], Dils[D],
                              Pads[D], Pads[D + NS], AutoPad, Ceil));
    return Out;
  }

  unsigned infer(const Node &N) {
    if (N.Domain == "com.microsoft")
      return inferContrib(N);
    if (N.Domain.empty())
      return inferOnnx(N);
    return 0;
  }

  //===--------------------------------------------------------------------===//
  // com.microsoft
  //===--------------------------------------------------------------------===//

  unsigned inferContrib(const Node &N) {
    const std::string &Op = N.OpType;
    if (Op == "Gelu" || Op == "BiasGelu" || Op == "FastGelu" ||
        Op == "QuickGelu" || Op == "BiasAdd" || Op == "RotaryEmbedding" ||
        Op == "QLinearSigmoid" || Op == "QLinearLeakyRelu" ||
        Op == "QLinearSoftmax")
      return sameAsInput(N, 0, 0);
    if (Op == "SkipLayerNormalization" ||
        Op == "SkipSimplifiedLayerNormalization") {
      unsigned C = sameAsInput(N, 0, 0) + sameAsInput(N, 3, 0);
      if (const Shape *X = shape(N, 0); X && !X->empty()) {
        Shape Stat = *X;
        Stat.back() = known(1);
        C += set(N, 1, Stat, ElemType::Float) + set(N, 2, Stat, ElemType::Float);
      }
      return C;
    }
    if (Op == "SimplifiedLayerNormalization")
      return simplifiedLayerNorm(N);
    if (Op == "EmbedLayerNormalization")
      return embedLayerNorm(N);
    if (Op == "Attention")
      return msAttention(N);
    if (Op == "MultiHeadAttention")
      return multiHeadAttention(N);
    if (Op == "GroupQueryAttention")
      return groupQueryAttention(N);
    if (Op == "FusedConv")
      return conv(N);
    if (Op == "FusedMatMul") {
      if (N.intAttr("transBatchA", 0) || N.intAttr("transBatchB", 0))
        return 0;
      return product(N, 0, 1, N.intAttr("transA", 0), N.intAttr("transB", 0),
                     type(N, 0));
    }
    if (Op == "MatMulInteger16")
      return product(N, 0, 1, false, false, ElemType::Int32);
    if (Op == "DynamicQuantizeMatMul")
      return product(N, 0, 1, false, false, type(N, 0));
    if (Op == "MatMulNBits") {
      const Shape *A = shape(N, 0);
      int64_t Nc = N.intAttr("N", -1);
      if (!A || A->empty() || Nc <= 0)
        return 0;
      Shape Out = *A;
      Out.back() = known(Nc);
      return set(N, 0, Out, type(N, 0));
    }
    if (Op == "QLinearAdd" || Op == "QLinearMul") {
      const Shape *A = shape(N, 0), *B = shape(N, 3);
      if (!A || !B)
        return 0;
      auto S = broadcast(*A, *B);
      return S ? set(N, 0, *S, type(N, 0)) : 0;
    }
    if (Op == "QLinearConcat")
      return qlinearConcat(N);
    if (Op == "QLinearGlobalAveragePool") {
      const Shape *X = shape(N, 0);
      if (!X || X->size() < 3)
        return 0;
      Shape Out = *X;
      bool Last = N.intAttr("channels_last", 0) != 0;
      for (size_t D = Last ? 1 : 2; D < X->size() - (Last ? 1 : 0); ++D)
        Out[D] = known(1);
      return set(N, 0, Out, type(N, 0));
    }
    if (Op == "QLinearAveragePool") {
      const Shape *X = shape(N, 0);
      if (!X || X->size() < 3 || N.intAttr("channels_last", 0) != 0)
        return 0;
      auto S = windowed(N, *X, N.intsAttr("kernel_shape"), (*X)[1],
                        N.intAttr("ceil_mode", 0) != 0);
      return S ? set(N, 0, *S, type(N, 0)) : 0;
    }
    return 0;
  }

  unsigned product(const Node &N, unsigned IA, unsigned IB, bool TA, bool TB,
                   ElemType T) {
    const Shape *A = shape(N, IA), *B = shape(N, IB);
    if (!A || !B)
      return 0;
    auto S = matmul(*A, *B, TA, TB);
    return S ? set(N, 0, *S, T) : 0;
  }

  unsigned simplifiedLayerNorm(const Node &N) {
    unsigned C = sameAsInput(N, 0, 0);
    const Shape *X = shape(N, 0);
    int64_t Axis = N.intAttr("axis", -1);
    if (!X || X->empty() || !normAxis(Axis, X->size()))
      return C;
    Shape Stat = *X;
    for (size_t D = size_t(Axis); D < Stat.size(); ++D)
      Stat[D] = known(1);
    ElemType T = ElemType(N.intAttr("stash_type", 1));
    return C + set(N, 1, Stat, T);
  }

  unsigned embedLayerNorm(const Node &N) {
    const Shape *Ids = shape(N, 0), *Word = shape(N, 2);
    if (!Ids || !Word || Ids->size() != 2 || Word->size() != 2)
      return 0;
    Shape Out{(*Ids)[0], (*Ids)[1], (*Word)[1]};
    ElemType T = type(N, 2);
    return set(N, 0, Out, T) + set(N, 1, Shape{(*Ids)[0]}, ElemType::Int32) +
           set(N, 2, Out, T);
  }

  unsigned msAttention(const Node &N) {
    const Shape *X = shape(N, 0), *W = shape(N, 1);
    if (!X || !W || X->size() != 3 || W->size() != 2)
      return 0;
    int64_t Heads = N.intAttr("num_heads", 0);
    std::vector<int64_t> Sizes = N.intsAttr("qkv_hidden_sizes");
    int64_t H, Hv;
    if (Sizes.size() == 3) {
      H = Sizes[0];
      Hv = Sizes[2];
    } else if ((*W)[1].known() && (*W)[1].Value % 3 == 0) {
      H = Hv = (*W)[1].Value / 3;
    } else {
      return 0;
    }
    Shape Out{(*X)[0], (*X)[1], known(Hv)};
    unsigned C = set(N, 0, Out, type(N, 0));
    // present: [2, B, heads, past + S, hd] (past's shape with a shared
    // buffer).
    if (Heads <= 0 || H % Heads != 0)
      return C;
    if (const Shape *P = shape(N, 4)) {
      if (P->size() != 5)
        return C;
      Shape Pr = *P;
      if (N.intAttr("past_present_share_buffer", 0) == 0)
        Pr[3] = (*P)[3].known() && (*X)[1].known()
                    ? known((*P)[3].Value + (*X)[1].Value)
                    : Dim();
      return C + set(N, 1, Pr, type(N, 0));
    }
    if (N.Outputs.size() > 1 && !in(N, 4))
      C += set(N, 1,
               Shape{known(2), (*X)[0], known(Heads), (*X)[1],
                     known(H / Heads)},
               type(N, 0));
    return C;
  }

  unsigned multiHeadAttention(const Node &N) {
    const Shape *Q = shape(N, 0);
    int64_t Heads = N.intAttr("num_heads", 0);
    if (!Q)
      return 0;
    if (!in(N, 1)) {
      // Packed QKV [B, S, N, 3, hd].
      if (Q->size() != 5 || !(*Q)[2].known() || !(*Q)[4].known())
        return 0;
      return set(N, 0,
                 Shape{(*Q)[0], (*Q)[1], known((*Q)[2].Value * (*Q)[4].Value)},
                 type(N, 0));
    }
    if (Q->size() != 3)
      return 0;
    const Shape *K = shape(N, 1), *V = shape(N, 2);
    Dim Hv;
    if (V && V->size() == 3)
      Hv = (*V)[2];
    else if (V && V->size() == 4 && (*V)[3].known() && Heads > 0)
      Hv = known(Heads * (*V)[3].Value);
    else if (!in(N, 2) && K && K->size() == 5 && (*K)[2].known() &&
             (*K)[4].known())
      Hv = known((*K)[2].Value * (*K)[4].Value);
    else
      return 0;
    unsigned C = set(N, 0, Shape{(*Q)[0], (*Q)[1], Hv}, type(N, 0));
    // present_key/value [B, N, P + L, hd] for 3-D key and value.
    if (!K || K->size() != 3 || !V || V->size() != 3 || Heads <= 0)
      return C;
    int64_t P = 0;
    if (in(N, 6)) {
      const Shape *PK = shape(N, 6);
      if (!PK || PK->size() != 4 || !(*PK)[2].known())
        return C;
      P = (*PK)[2].Value;
    }
    Dim T = (*K)[1].known() ? known((*K)[1].Value + P) : Dim();
    if (!(*K)[2].known() || !(*V)[2].known() || (*K)[2].Value % Heads ||
        (*V)[2].Value % Heads)
      return C;
    C += set(N, 1,
             Shape{(*Q)[0], known(Heads), T, known((*K)[2].Value / Heads)},
             type(N, 0));
    C += set(N, 2,
             Shape{(*Q)[0], known(Heads), T, known((*V)[2].Value / Heads)},
             type(N, 0));
    return C;
  }

  unsigned groupQueryAttention(const Node &N) {
    const Shape *Q = shape(N, 0);
    int64_t Heads = N.intAttr("num_heads", 0),
            KvHeads = N.intAttr("kv_num_heads", 0);
    if (!Q || Q->size() != 3 || Heads <= 0 || KvHeads <= 0)
      return 0;
    int64_t Hd = -1;
    unsigned C = 0;
    if (in(N, 1)) {
      C += set(N, 0, *Q, type(N, 0));
      if ((*Q)[2].known() && (*Q)[2].Value % Heads == 0)
        Hd = (*Q)[2].Value / Heads;
    } else if ((*Q)[2].known() &&
               (*Q)[2].Value % (Heads + 2 * KvHeads) == 0) {
      Hd = (*Q)[2].Value / (Heads + 2 * KvHeads);
      C += set(N, 0, Shape{(*Q)[0], (*Q)[1], known(Heads * Hd)}, type(N, 0));
    }
    // present_key/value [B, kvN, max(total_sequence_length, past), hd],
    // only when total_sequence_length (input 6) is a known constant.
    auto Total = ints(N, 6);
    if (Hd < 0 || !Total || Total->size() != 1)
      return C;
    int64_t T = (*Total)[0], P = 0;
    if (in(N, 3)) {
      const Shape *PK = shape(N, 3);
      if (!PK || PK->size() != 4 || !(*PK)[2].known())
        return C;
      P = (*PK)[2].Value;
    }
    Shape Pr{(*Q)[0], known(KvHeads), known(std::max(T, P)), known(Hd)};
    return C + set(N, 1, Pr, type(N, 0)) + set(N, 2, Pr, type(N, 0));
  }

  unsigned conv(const Node &N) {
    const Shape *X = shape(N, 0), *W = shape(N, 1);
    if (!X || !W || X->size() < 3 || W->size() != X->size())
      return 0;
    std::vector<int64_t> Kernel = N.intsAttr("kernel_shape");
    if (Kernel.empty())
      for (size_t D = 2; D < W->size(); ++D) {
        if (!(*W)[D].known())
          return 0;
        Kernel.push_back((*W)[D].Value);
      }
    auto S = windowed(N, *X, Kernel, (*W)[0], false);
    return S ? set(N, 0, *S, type(N, 0)) : 0;
  }

  unsigned qlinearConcat(const Node &N) {
    int64_t Axis = N.intAttr("axis", 0);
    const Shape *First = shape(N, 2);
    if (!First || !N.attr("axis") || !normAxis(Axis, First->size()))
      return 0;
    Shape Out = *First;
    int64_t Sum = 0;
    bool Known = true;
    for (unsigned I = 2; I < N.Inputs.size(); I += 3) {
      const Shape *S = shape(N, I);
      if (!S || S->size() != First->size())
        return 0;
      if ((*S)[Axis].known())
        Sum += (*S)[Axis].Value;
      else
        Known = false;
    }
    Out[Axis] = Known ? known(Sum) : Dim();
    return set(N, 0, Out, type(N, 2));
  }

  //===--------------------------------------------------------------------===//
  // ai.onnx
  //===--------------------------------------------------------------------===//

  unsigned inferOnnx(const Node &N) {
    const std::string &Op = N.OpType;
    if (Op == "Gelu" || Op == "GroupNormalization" ||
        Op == "RMSNormalization" || Op == "RotaryEmbedding" ||
        Op == "SimplifiedLayerNormalization")
      return Op == "SimplifiedLayerNormalization" ? simplifiedLayerNorm(N)
                                                  : sameAsInput(N, 0, 0);
    if (Op == "Attention")
      return onnxAttention(N);
    if (Op.rfind("Reduce", 0) == 0)
      return reduce(N);
    if (Op == "Split")
      return split(N);
    if (Op == "Resize" && N.OpsetVersion >= 11)
      return resize(N);
    if (Op == "Pad")
      return pad(N);
    return 0;
  }

  unsigned onnxAttention(const Node &N) {
    const Shape *Q = shape(N, 0), *K = shape(N, 1), *V = shape(N, 2);
    if (!Q || !K || !V || Q->size() != K->size() || Q->size() != V->size())
      return 0;
    ElemType T = type(N, 0);
    unsigned C = 0;
    int64_t P = 0;
    bool PastKnown = true;
    if (in(N, 4)) {
      const Shape *PK = shape(N, 4);
      if (PK && PK->size() == 4 && (*PK)[2].known())
        P = (*PK)[2].Value;
      else
        PastKnown = false;
    }
    if (Q->size() == 4) {
      C += set(N, 0, Shape{(*Q)[0], (*Q)[1], (*Q)[2], (*V)[3]}, T);
      if (PastKnown && (*K)[2].known()) {
        Dim L = known((*K)[2].Value + P);
        C += set(N, 1, Shape{(*K)[0], (*K)[1], L, (*K)[3]}, T);
        C += set(N, 2, Shape{(*V)[0], (*V)[1], L, (*V)[3]}, T);
        C += set(N, 3, Shape{(*Q)[0], (*Q)[1], (*Q)[2], L}, T);
      }
      return C;
    }
    if (Q->size() != 3)
      return 0;
    int64_t Qh = N.intAttr("q_num_heads", 0), Kvh = N.intAttr("kv_num_heads", 0);
    if (Qh <= 0 || Kvh <= 0 || !(*V)[2].known() || (*V)[2].Value % Kvh)
      return 0;
    int64_t Vhd = (*V)[2].Value / Kvh;
    C += set(N, 0, Shape{(*Q)[0], (*Q)[1], known(Qh * Vhd)}, T);
    if (PastKnown && (*K)[1].known() && (*K)[2].known() &&
        (*K)[2].Value % Kvh == 0) {
      Dim L = known((*K)[1].Value + P);
      C += set(N, 1, Shape{(*K)[0], known(Kvh), L,
                           known((*K)[2].Value / Kvh)}, T);
      C += set(N, 2, Shape{(*V)[0], known(Kvh), L, known(Vhd)}, T);
      C += set(N, 3, Shape{(*Q)[0], known(Qh), (*Q)[1], L}, T);
    }
    return C;
  }

  unsigned reduce(const Node &N) {
    static const char *Ops[] = {"ReduceMean", "ReduceMax", "ReduceMin",
                                "ReduceSum", "ReduceProd", "ReduceL1",
                                "ReduceL2", "ReduceLogSum", "ReduceLogSumExp",
                                "ReduceSumSquare"};
    if (std::find_if(std::begin(Ops), std::end(Ops), [&](const char *O) {
          return N.OpType == O;
        }) == std::end(Ops))
      return 0;
    const Shape *X = shape(N, 0);
    if (!X)
      return 0;
    bool AxesInput = N.OpsetVersion >= 18 ||
                     (N.OpType == "ReduceSum" && N.OpsetVersion >= 13);
    std::vector<int64_t> Axes;
    bool Noop = false;
    if (AxesInput) {
      if (in(N, 1)) {
        auto A = ints(N, 1);
        if (!A)
          return 0; // axes known only at run time
        Axes = *A;
      }
      Noop = Axes.empty() && N.intAttr("noop_with_empty_axes", 0) != 0;
    } else {
      Axes = N.intsAttr("axes");
    }
    if (Noop)
      return sameAsInput(N, 0, 0);
    std::vector<bool> Reduced(X->size(), Axes.empty());
    for (int64_t A : Axes) {
      if (!normAxis(A, X->size())) {
        warn("axis " + std::to_string(A) + " is out of range");
        return 0;
      }
      Reduced[A] = true;
    }
    bool Keep = N.intAttr("keepdims", 1) != 0;
    Shape Out;
    for (size_t D = 0; D < X->size(); ++D)
      if (!Reduced[D])
        Out.push_back((*X)[D]);
      else if (Keep)
        Out.push_back(known(1));
    return set(N, 0, Out, type(N, 0));
  }

  unsigned split(const Node &N) {
    const Shape *X = shape(N, 0);
    int64_t Axis = N.intAttr("axis", 0);
    if (!X || !normAxis(Axis, X->size()))
      return 0;
    std::vector<int64_t> Sizes;
    size_t NOut = N.Outputs.size();
    if (N.OpsetVersion >= 13 && in(N, 1)) {
      auto S = ints(N, 1);
      if (!S)
        return 0;
      Sizes = *S;
    } else if (N.OpsetVersion < 13 && !N.intsAttr("split").empty()) {
      Sizes = N.intsAttr("split");
    } else {
      const Dim &D = (*X)[Axis];
      if (!D.known())
        return 0;
      if (N.OpsetVersion >= 18 && N.attr("num_outputs")) {
        int64_t K = N.intAttr("num_outputs", 0);
        if (K <= 0 || size_t(K) != NOut)
          return 0;
        // Chunks of ceil(dim/K); the last one gets what is left.
        int64_t Chunk = (D.Value + K - 1) / K;
        for (int64_t I = 0; I < K; ++I)
          Sizes.push_back(std::max<int64_t>(
              0, std::min(Chunk, D.Value - I * Chunk)));
      } else {
        if (NOut == 0 || D.Value % int64_t(NOut) != 0)
          return 0;
        Sizes.assign(NOut, D.Value / int64_t(NOut));
      }
    }
    if (Sizes.size() != NOut)
      return 0;
    if ((*X)[Axis].known()) {
      int64_t Sum = 0;
      for (int64_t S : Sizes)
        Sum += S;
      if (Sum != (*X)[Axis].Value) {
        warn("split sizes do not add up to the split dim");
        return 0;
      }
    }
    unsigned C = 0;
    for (size_t I = 0; I < NOut; ++I) {
      Shape Out = *X;
      Out[Axis] = known(Sizes[I]);
      C += set(N, unsigned(I), Out, type(N, 0));
    }
    return C;
  }

  unsigned resize(const Node &N) {
    const Shape *X = shape(N, 0);
    if (!X)
      return 0;
    size_t R = X->size();
    std::vector<int64_t> Axes = N.intsAttr("axes");
    if (Axes.empty())
      for (size_t D = 0; D < R; ++D)
        Axes.push_back(int64_t(D));
    for (int64_t &A : Axes)
      if (!normAxis(A, R))
        return 0;
    Shape Out = *X;
    if (in(N, 3)) {
      auto Sizes = ints(N, 3);
      if (!Sizes || Sizes->size() != Axes.size())
        return 0;
      std::string Policy = N.stringAttr("keep_aspect_ratio_policy", "stretch");
      if (Policy == "stretch") {
        for (size_t I = 0; I < Axes.size(); ++I)
          Out[Axes[I]] = known((*Sizes)[I]);
      } else {
        // not_larger / not_smaller: one scale for all axes.
        double Scale = Policy == "not_larger" ? 1e300 : 0;
        for (size_t I = 0; I < Axes.size(); ++I) {
          const Dim &D = (*X)[Axes[I]];
          if (!D.known() || D.Value == 0)
            return 0;
          double S = double((*Sizes)[I]) / double(D.Value);
          Scale = Policy == "not_larger" ? std::min(Scale, S)
                                         : std::max(Scale, S);
        }
        for (int64_t A : Axes)
          Out[A] = known(int64_t(std::floor(Scale * double((*X)[A].Value) +
                                            0.5)));
      }
      return set(N, 0, Out, type(N, 0));
    }
    if (!in(N, 2))
      return 0;
    auto Scales = floats(N, 2);
    if (!Scales || Scales->size() != Axes.size())
      return 0;
    for (size_t I = 0; I < Axes.size(); ++I) {
      const Dim &D = (*X)[Axes[I]];
      Out[Axes[I]] = D.known() ? known(int64_t(std::floor(
                                     double(D.Value) * (*Scales)[I])))
                               : Dim();
    }
    return set(N, 0, Out, type(N, 0));
  }

  unsigned pad(const Node &N) {
    const Shape *X = shape(N, 0);
    if (!X)
      return 0;
    size_t R = X->size();
    std::vector<int64_t> Pads;
    if (N.OpsetVersion < 11) {
      Pads = N.intsAttr("pads");
    } else {
      auto P = ints(N, 1);
      if (!P)
        return 0;
      Pads = *P;
    }
    std::vector<int64_t> Axes;
    if (N.OpsetVersion >= 18 && in(N, 3)) {
      auto A = ints(N, 3);
      if (!A)
        return 0;
      Axes = *A;
    } else {
      for (size_t D = 0; D < R; ++D)
        Axes.push_back(int64_t(D));
    }
    if (Pads.size() != 2 * Axes.size()) {
      warn("pads has " + std::to_string(Pads.size()) + " values for " +
           std::to_string(Axes.size()) + " axes");
      return 0;
    }
    Shape Out = *X;
    size_t NA = Axes.size();
    for (size_t I = 0; I < NA; ++I) {
      int64_t A = Axes[I];
      if (!normAxis(A, R))
        return 0;
      const Dim &D = (*X)[A];
      int64_t V = D.known() ? D.Value + Pads[I] + Pads[I + NA] : -1;
      Out[A] = D.known() && V >= 0 ? known(V) : Dim();
    }
    return set(N, 0, Out, type(N, 0));
  }
};

} // namespace

unsigned applyShapeFallbacks(Graph &G, DiagnosticList &Diags) {
  return Fallbacks(G, Diags).run();
}

} // namespace onnx_energy
