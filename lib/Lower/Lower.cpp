//===- lib/Lower/Lower.cpp - Apply lowering rules to a graph --------------===//
//
// For each node: find its rule by (domain, op_type, opset), fill the common
// quantities (bytes and element counts), run the rule's binder for the
// op-specific ones, evaluate the rule's generated expressions, and turn
// primitive counts into TOs with the transistor table.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Lower/BindContext.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Lower/Rules.h"
#include "llvm/ADT/STLExtras.h"
#include <fmt/format.h>
#include <map>

namespace onnx_energy {

namespace {

/// Sum of the byte sizes of the present values in Ids (invalid if one is
/// unknown).
Qty sumBytes(const Graph &G, const std::vector<int> &Ids) {
  Qty Sum(0);
  for (int Id : Ids)
    if (Id >= 0)
      Sum += G.Values[Id].byteSize();
  return Sum;
}

Qty firstElements(const Graph &G, const std::vector<int> &Ids) {
  if (Ids.empty() || Ids[0] < 0)
    return Qty(0);
  return G.Values[Ids[0]].numElements();
}

/// Names the first value among Ids whose shape is not fully known.
std::string firstUnknown(const Graph &G, const std::vector<int> &Ids,
                         const char *What) {
  for (size_t I = 0; I < Ids.size(); ++I) {
    if (Ids[I] < 0)
      continue;
    const Value &V = G.Values[Ids[I]];
    if (!V.fullyKnown())
      return fmt::format("{} {} '{}' has unresolved shape {}", What, I, V.Name,
                         V.HasShape ? V.shapeString() : std::string("(rank unknown)"));
    if (!V.byteSize().valid())
      return fmt::format("{} {} '{}' ({}) has no byte size", What, I, V.Name,
                         elemTypeName(V.Type));
  }
  return "";
}

void lowerNode(const Graph &G, const Node &N, NodeCost &C) {
  C.Rule = findLowering(N.Domain, N.OpType, N.OpsetVersion);
  if (!C.Rule) {
    C.St = NodeCost::NoRule;
    C.Problem = fmt::format("no lowering rule for {}{}{} at opset {}",
                            N.Domain.empty() ? "" : N.Domain,
                            N.Domain.empty() ? "" : "::", N.OpType,
                            N.OpsetVersion);
    return;
  }
  C.St = NodeCost::Unresolved;
  const BinderRow &B = binders()[C.Rule->Binder];
  std::vector<Qty> Q(B.NumQuantities, Qty::invalid());
  // Common quantities: in_bytes, out_bytes, in, out (OpSchema.td).
  Q[0] = sumBytes(G, N.Inputs);
  Q[1] = sumBytes(G, N.Outputs);
  Q[2] = firstElements(G, N.Inputs);
  Q[3] = firstElements(G, N.Outputs);
  // A value with an unknown shape makes the common quantities that depend on
  // it invalid (Qty poisons); only a rule that uses them fails, with the
  // unknown value named, so e.g. an unused optional output does not matter.
  std::string Why = firstUnknown(G, N.Inputs, "input");
  if (Why.empty())
    Why = firstUnknown(G, N.Outputs, "output");
  BindContext Ctx(G, N);
  if (!B.Bind(Ctx, Q.data())) {
    C.Problem = Ctx.failed() ? Ctx.failure()
                             : std::string("shape binder ") + B.Name + " failed";
    return;
  }
  for (unsigned I = 4; I < B.NumQuantities; ++I)
    if (!Q[I].valid()) {
      C.Problem = fmt::format("shape quantity '{}' of binder {} is unresolved "
                              "or overflows 64 bits",
                              B.Quantities[I], B.Name);
      return;
    }

  auto Eval = [&](QtyFn F, const char *Text, const char *What,
                  int64_t &Out) -> bool {
    Qty V = F(Q.data());
    if (!V.valid() && !Why.empty()) {
      C.Problem = Why;
      return false;
    }
    if (!V.valid() || V.value() < 0) {
      C.Problem = fmt::format("{} '{}' evaluates to {} (rule {})", What, Text,
                              V.valid() ? std::to_string(V.value())
                                        : std::string("an overflow"),
                              C.Rule->Location);
      return false;
    }
    Out = V.value();
    return true;
  };

  if (!Eval(C.Rule->MACs, C.Rule->MACsText, "MACs", C.MACs) ||
      !Eval(C.Rule->Reads, C.Rule->ReadsText, "bytes read", C.ReadBytes) ||
      !Eval(C.Rule->Writes, C.Rule->WritesText, "bytes written", C.WriteBytes))
    return;

  for (unsigned I = 0; I < C.Rule->NumCounts; ++I) {
    const CountRow &CR = C.Rule->Counts[I];
    int64_t Count;
    if (!Eval(CR.Expr, CR.ExprText, primitives()[CR.Primitive].Name, Count))
      return;
    if (Count == 0)
      continue;
    const std::vector<int> &Ops = CR.OnOutput ? N.Outputs : N.Inputs;
    int Id = CR.OperandIndex < Ops.size() ? Ops[CR.OperandIndex] : NoValue;
    if (Id < 0) {
      C.Problem = fmt::format("rule {} counts {} on {}{}, which the node does "
                              "not have",
                              C.Rule->Location, primitives()[CR.Primitive].Name,
                              CR.OnOutput ? "output " : "input ",
                              CR.OperandIndex);
      return;
    }
    ElemType T = G.Values[Id].Type;
    std::optional<unsigned> DT = dtypeOf(T);
    int64_t Per = DT ? transistorOps(CR.Primitive, *DT) : -1;
    if (Per < 0) {
      C.Problem = fmt::format("primitive {} has no circuit for element type "
                              "{} (value '{}')",
                              primitives()[CR.Primitive].Name, elemTypeName(T),
                              G.Values[Id].Name);
      return;
    }
    PrimitiveUse *Use = nullptr;
    for (PrimitiveUse &U : C.Prims)
      if (U.Primitive == CR.Primitive && U.DType == *DT)
        Use = &U;
    if (!Use) {
      C.Prims.push_back({CR.Primitive, *DT, 0, 0});
      Use = &C.Prims.back();
    }
    Qty NewCount = Qty(Use->Count) + Qty(Count);
    Qty TOs = Qty(Count) * Qty(Per);
    Qty NewTOs = Qty(Use->TOs) + TOs;
    Qty NodeTOs = Qty(C.TOs) + TOs;
    Qty Flops = Qty(C.FLOPs) + Qty(Count) * Qty(primitives()[CR.Primitive].Flops);
    if (!NewCount.valid() || !NewTOs.valid() || !NodeTOs.valid() ||
        !Flops.valid()) {
      C.Problem = "primitive counts overflow 64 bits";
      return;
    }
    Use->Count = NewCount.value();
    Use->TOs = NewTOs.value();
    C.TOs = NodeTOs.value();
    C.FLOPs = Flops.value();
  }
  C.St = NodeCost::Costed;
}

} // namespace

LoweredGraph lowerGraph(const Graph &G, const LowerOptions &Opts,
                        DiagnosticList &Diags) {
  LoweredGraph L;
  L.Nodes.resize(G.Nodes.size());
  std::map<std::pair<unsigned, unsigned>, PrimitiveUse> Totals;
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    const Node &N = G.Nodes[I];
    NodeCost &C = L.Nodes[I];
    lowerNode(G, N, C);
    if (C.St != NodeCost::Costed) {
      Diagnostic D;
      D.File = G.Path;
      D.Node = N.Name;
      D.OpType = N.OpType;
      if (C.St == NodeCost::NoRule) {
        D.Code = "unknown-op";
        D.Sev = Opts.UnknownOps == UnknownOpPolicy::Error ? Severity::Error
                                                          : Severity::Warning;
        D.Message = C.Problem + "; the node is not costed";
      } else {
        D.Code = "unresolved-shape";
        D.Sev = Severity::Warning;
        D.Message = C.Problem + "; the node is not costed";
      }
      Diags.add(std::move(D));
      continue;
    }
    ++L.NumCosted;
    Qty TOs = Qty(L.TOs) + Qty(C.TOs), MACs = Qty(L.MACs) + Qty(C.MACs),
        FLOPs = Qty(L.FLOPs) + Qty(C.FLOPs);
    // Whole-model totals of realistic models stay far below 2^63; saturate
    // visibly rather than wrap if a hostile model gets there.
    L.TOs = TOs.valid() ? TOs.value() : INT64_MAX;
    L.MACs = MACs.valid() ? MACs.value() : INT64_MAX;
    L.FLOPs = FLOPs.valid() ? FLOPs.value() : INT64_MAX;
    for (const PrimitiveUse &U : C.Prims) {
      PrimitiveUse &T = Totals[{U.Primitive, U.DType}];
      T.Primitive = U.Primitive;
      T.DType = U.DType;
      Qty Cnt = Qty(T.Count) + Qty(U.Count), To = Qty(T.TOs) + Qty(U.TOs);
      T.Count = Cnt.valid() ? Cnt.value() : INT64_MAX;
      T.TOs = To.valid() ? To.value() : INT64_MAX;
    }
  }
  for (auto &KV : Totals)
    L.Prims.push_back(KV.second);
  return L;
}

} // namespace onnx_energy
