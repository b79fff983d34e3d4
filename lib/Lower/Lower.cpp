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
#include <optional>
#include <tuple>

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

/// Adds Count primitives of kind Prim at element type T (value Id, for
/// messages) to C; false with C.Problem set when it cannot.
bool addPrimitive(const Graph &G, int Id, unsigned Prim, int64_t Count,
                  NodeCost &C, PhaseCost &Ph) {
  ElemType T = G.Values[Id].Type;
  std::optional<unsigned> DT = dtypeOf(T);
  int64_t Per = DT ? transistorOps(Prim, *DT) : -1;
  if (Per < 0) {
    C.Problem = fmt::format("primitive {} has no circuit for element type "
                            "{} (value '{}')",
                            primitives()[Prim].Name, elemTypeName(T),
                            G.Values[Id].Name);
    return false;
  }
  auto UseIn = [&](std::vector<PrimitiveUse> &Prims) {
    for (PrimitiveUse &U : Prims)
      if (U.Primitive == Prim && U.DType == *DT)
        return &U;
    Prims.push_back({Prim, *DT, 0, 0});
    return &Prims.back();
  };
  PrimitiveUse *Use = UseIn(C.Prims);
  PrimitiveUse *PhUse = UseIn(Ph.Prims);
  Qty NewCount = Qty(Use->Count) + Qty(Count);
  Qty TOs = Qty(Count) * Qty(Per);
  Qty NewTOs = Qty(Use->TOs) + TOs;
  Qty NodeTOs = Qty(C.TOs) + TOs;
  Qty PhTOs = Qty(Ph.TOs) + TOs;
  Qty F = Qty(Count) * Qty(primitives()[Prim].Flops);
  Qty Flops = Qty(C.FLOPs) + F;
  Qty PhFlops = Qty(Ph.FLOPs) + F;
  if (!NewCount.valid() || !NewTOs.valid() || !NodeTOs.valid() ||
      !Flops.valid() || !PhTOs.valid() || !PhFlops.valid()) {
    C.Problem = "primitive counts overflow 64 bits";
    return false;
  }
  Use->Count = NewCount.value();
  Use->TOs = NewTOs.value();
  // A phase's sums are at most the node's, which were checked above.
  PhUse->Count += Count;
  PhUse->TOs += TOs.value();
  C.TOs = NodeTOs.value();
  C.FLOPs = Flops.value();
  Ph.TOs = PhTOs.value();
  Ph.FLOPs = PhFlops.value();
  return true;
}

/// Evaluates one of a rule's expressions; false with C.Problem set when it
/// is invalid or negative. Why names an unknown operand shape, if any.
bool evalRuleExpr(QtyFn F, const char *Text, const char *What, const Qty *Q,
                  const std::string &Why, const char *Location, NodeCost &C,
                  int64_t &Out) {
  Qty V = F(Q);
  if (!V.valid() && !Why.empty()) {
    C.Problem = Why;
    return false;
  }
  if (!V.valid() || V.value() < 0) {
    C.Problem = fmt::format("{} '{}' evaluates to {} (rule {})", What, Text,
                            V.valid() ? std::to_string(V.value())
                                      : std::string("an overflow"),
                            Location);
    return false;
  }
  Out = V.value();
  return true;
}

/// Adds the counts of one rule (forward Counts or backward GradCounts) to C
/// and to phase Ph.
bool addCounts(const Graph &G, const Node &N, const CountRow *Counts,
               unsigned NumCounts, const Qty *Q, const std::string &Why,
               NodeCost &C, PhaseCost &Ph) {
  for (unsigned I = 0; I < NumCounts; ++I) {
    const CountRow &CR = Counts[I];
    int64_t Count;
    if (!evalRuleExpr(CR.Expr, CR.ExprText, primitives()[CR.Primitive].Name,
                      Q, Why, C.Rule->Location, C, Count))
      return false;
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
      return false;
    }
    if (!addPrimitive(G, Id, CR.Primitive, Count, C, Ph))
      return false;
  }
  return true;
}

void lowerPlain(const Graph &G, const Node &N, NodeCost &C,
                std::vector<Qty> *KeepQ = nullptr,
                std::string *KeepWhy = nullptr) {
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
    return evalRuleExpr(F, Text, What, Q.data(), Why, C.Rule->Location, C,
                        Out);
  };

  if (!Eval(C.Rule->MACs, C.Rule->MACsText, "MACs", C.MACs) ||
      !Eval(C.Rule->Reads, C.Rule->ReadsText, "bytes read", C.ReadBytes) ||
      !Eval(C.Rule->Writes, C.Rule->WritesText, "bytes written", C.WriteBytes))
    return;

  if (!addCounts(G, N, C.Rule->Counts, C.Rule->NumCounts, Q.data(), Why, C,
                 C.Fwd))
    return;
  C.Fwd.MACs = C.MACs;
  C.Fwd.ReadBytes = C.ReadBytes;
  C.Fwd.WriteBytes = C.WriteBytes;
  if (KeepQ)
    *KeepQ = std::move(Q);
  if (KeepWhy)
    *KeepWhy = std::move(Why);
  C.St = NodeCost::Costed;
}


void lowerNode(const Graph &G, const Node &N, const LowerOptions &Opts,
               NodeCost &C, std::vector<Qty> *KeepQ = nullptr,
               std::string *KeepWhy = nullptr);

/// Dst += Src x Times, checked; false on overflow.
bool addScaled(NodeCost &Dst, const NodeCost &Src, int64_t Times) {
  auto Add = [&](int64_t &To, int64_t From) {
    Qty V = Qty(To) + Qty(From) * Qty(Times);
    if (!V.valid())
      return false;
    To = V.value();
    return true;
  };
  if (!Add(Dst.TOs, Src.TOs) || !Add(Dst.MACs, Src.MACs) ||
      !Add(Dst.FLOPs, Src.FLOPs) || !Add(Dst.ReadBytes, Src.ReadBytes) ||
      !Add(Dst.WriteBytes, Src.WriteBytes))
    return false;
  for (const PrimitiveUse &U : Src.Prims) {
    PrimitiveUse *Use = nullptr;
    for (PrimitiveUse &D : Dst.Prims)
      if (D.Primitive == U.Primitive && D.DType == U.DType)
        Use = &D;
    if (!Use) {
      Dst.Prims.push_back({U.Primitive, U.DType, 0, 0});
      Use = &Dst.Prims.back();
    }
    if (!Add(Use->Count, U.Count) || !Add(Use->TOs, U.TOs))
      return false;
  }
  return true;
}

/// The summed cost of every node of a subgraph (once). On failure C gets
/// the problem, naming the subgraph and its node.
bool costSubgraph(const Graph &S, const std::string &Role,
                  const LowerOptions &Opts, NodeCost &Sum, NodeCost &C) {
  for (const Node &N : S.Nodes) {
    NodeCost NC;
    lowerNode(S, N, Opts, NC);
    if (NC.St != NodeCost::Costed) {
      C.Problem = fmt::format("{}: node '{}' ({}): {}", Role, N.Name,
                              N.OpType, NC.Problem);
      C.NestedNoRule = NC.St == NodeCost::NoRule || NC.NestedNoRule;
      return false;
    }
    if (!addScaled(Sum, NC, 1)) {
      C.Problem = Role + ": counts overflow 64 bits";
      return false;
    }
  }
  return true;
}

/// The constant scalar value of input I, if the graph holds it.
std::optional<int64_t> constantInput(const Graph &G, const Node &N,
                                     unsigned I) {
  if (I >= N.Inputs.size() || N.Inputs[I] < 0)
    return std::nullopt;
  const Value &V = G.Values[N.Inputs[I]];
  if (!V.IntData || V.IntData->size() != 1)
    return std::nullopt;
  return V.IntData->front();
}

bool lowerIf(const Graph &G, const Node &N, const LowerOptions &Opts,
             NodeCost &C, NodeCost &Body) {
  const Graph *Then = G.subgraph(N.attr("then_branch"));
  const Graph *Else = G.subgraph(N.attr("else_branch"));
  if (!Then || !Else) {
    C.Problem = "If without a then_branch and an else_branch subgraph";
    return false;
  }
  std::optional<int64_t> Cond = constantInput(G, N, 0);
  if (Cond || Opts.IfBranch != IfBranchPolicy::Costlier) {
    bool TakeThen = Cond ? *Cond != 0 : Opts.IfBranch == IfBranchPolicy::Then;
    C.Branch = TakeThen ? "then" : "else";
    C.ControlFlow = fmt::format(
        "branch {} ({})", C.Branch,
        Cond ? "constant condition"
             : fmt::format("--if-branch={}", C.Branch));
    return costSubgraph(TakeThen ? *Then : *Else,
                        TakeThen ? "then_branch" : "else_branch", Opts, Body,
                        C);
  }
  NodeCost T, E;
  if (!costSubgraph(*Then, "then_branch", Opts, T, C) ||
      !costSubgraph(*Else, "else_branch", Opts, E, C))
    return false;
  // Costlier by TOs, then MACs, then bytes moved; a tie takes then.
  auto Key = [](const NodeCost &X) {
    return std::make_tuple(X.TOs, X.MACs, X.ReadBytes + X.WriteBytes);
  };
  bool TakeThen = !(Key(E) > Key(T));
  C.Branch = TakeThen ? "then" : "else";
  C.ControlFlow = fmt::format("branch {} (costlier: then {} TOs, else {} TOs)",
                              C.Branch, T.TOs, E.TOs);
  Body = TakeThen ? std::move(T) : std::move(E);
  return true;
}

bool lowerLoop(const Graph &G, const Node &N, const LowerOptions &Opts,
               NodeCost &C, NodeCost &Body) {
  const Graph *B = G.subgraph(N.attr("body"));
  if (!B) {
    C.Problem = "Loop without a body subgraph";
    return false;
  }
  std::optional<int64_t> M = constantInput(G, N, 0);
  std::optional<int64_t> Cond = constantInput(G, N, 1);
  if (Cond && *Cond == 0) {
    C.Trips = 0;
    C.ControlFlow = "trips 0 (constant condition false)";
  } else if (M) {
    if (*M < 0) {
      C.Problem = fmt::format("the trip count M is negative ({})", *M);
      return false;
    }
    C.Trips = *M;
    C.ControlFlow = fmt::format("trips {} (constant M)", *M);
  } else if (Opts.LoopTrips) {
    C.Trips = *Opts.LoopTrips;
    C.ControlFlow = fmt::format("trips {} (--loop-trips)", C.Trips);
  } else {
    bool HasM = !N.Inputs.empty() && N.Inputs[0] >= 0;
    C.Problem = fmt::format(
        "the trip count is not a constant of the graph ({}); give it with "
        "--loop-trips=N, or give the inputs it is computed from with "
        "--input-data",
        HasM ? "M input '" + G.Values[N.Inputs[0]].Name + "' is not a constant"
             : std::string("no M input; the loop runs until its condition "
                           "is false"));
    C.DiagCode = "loop-trips";
    return false;
  }
  return costSubgraph(*B, "body", Opts, Body, C);
}

bool lowerScan(const Graph &G, const Node &N, const LowerOptions &Opts,
               NodeCost &C, NodeCost &Body) {
  const Graph *B = G.subgraph(N.attr("body"));
  if (!B) {
    C.Problem = "Scan without a body subgraph";
    return false;
  }
  int64_t NumScan = N.intAttr("num_scan_inputs", 0);
  if (NumScan <= 0 || NumScan > int64_t(N.Inputs.size())) {
    C.Problem = fmt::format("num_scan_inputs {} is not between 1 and the "
                            "number of inputs",
                            NumScan);
    return false;
  }
  unsigned First = unsigned(N.Inputs.size() - NumScan);
  int Id = N.Inputs[First];
  if (Id < 0) {
    C.Problem = "the first scan input is omitted";
    return false;
  }
  const Value &V = G.Values[Id];
  bool Batched = N.OpsetVersion < 9; // Scan-8: [batch, sequence, ...]
  int64_t Rank = V.HasShape ? int64_t(V.Shape.size()) : -1;
  int64_t Axis = 0;
  if (!Batched) {
    std::vector<int64_t> Axes = N.intsAttr("scan_input_axes");
    Axis = Axes.empty() ? 0 : Axes[0];
    if (Axis < 0 && Rank >= 0)
      Axis += Rank;
  } else {
    Axis = 1;
  }
  if (Rank < 0 || Axis < 0 || Axis >= Rank || !V.Shape[Axis].known() ||
      (Batched && !V.Shape[0].known())) {
    C.Problem = fmt::format("the sequence length of scan input '{}' ({}) is "
                            "unresolved",
                            V.Name,
                            V.HasShape ? V.shapeString()
                                       : std::string("rank unknown"));
    return false;
  }
  Qty Trips = Qty(V.Shape[Axis].Value);
  if (Batched)
    Trips *= Qty(V.Shape[0].Value);
  if (!Trips.valid()) {
    C.Problem = "the scan length overflows 64 bits";
    return false;
  }
  C.Trips = Trips.value();
  C.ControlFlow = fmt::format("trips {} (scan input '{}' axis {})", C.Trips,
                              V.Name, Axis);
  return costSubgraph(*B, "body", Opts, Body, C);
}

/// The number of elements of sequence value Id, from the node that built it
/// (ops/ControlFlow.td); nullopt with the reason in Why when the graph does
/// not say.
std::optional<int64_t> sequenceLength(const Graph &G, int Id, std::string &Why,
                                      int Depth = 0) {
  if (Id < 0) {
    Why = "the input sequence is omitted";
    return std::nullopt;
  }
  const Value &V = G.Values[Id];
  if (V.Producer < 0 && V.SequenceLength >= 0)
    return V.SequenceLength;
  if (V.Producer < 0 || Depth > 64) {
    Why = fmt::format("sequence '{}' is {}", V.Name,
                      V.Producer < 0 ? "a graph input: its length is known "
                                       "only at run time (give its value "
                                       "with --input-data)"
                                     : "built by too long a chain");
    return std::nullopt;
  }
  const Node &P = G.Nodes[V.Producer];
  std::string Op = P.Domain.empty() ? P.OpType : P.Domain + "::" + P.OpType;
  if (Op == "SequenceConstruct") {
    int64_t K = 0;
    for (int In : P.Inputs)
      K += In >= 0;
    return K;
  }
  if (Op == "SequenceEmpty")
    return 0;
  if ((Op == "SequenceInsert" || Op == "SequenceErase") && !P.Inputs.empty()) {
    std::optional<int64_t> L = sequenceLength(G, P.Inputs[0], Why, Depth + 1);
    if (!L)
      return std::nullopt;
    if (Op == "SequenceInsert")
      return *L + 1;
    if (*L > 0)
      return *L - 1;
    Why = fmt::format("SequenceErase '{}' erases from an empty sequence",
                      P.Name);
    return std::nullopt;
  }
  if (Op == "SplitToSequence" && !P.Inputs.empty() && P.Inputs[0] >= 0) {
    const Value &X = G.Values[P.Inputs[0]];
    int64_t Rank = X.HasShape ? int64_t(X.Shape.size()) : -1;
    int64_t Axis = P.intAttr("axis", 0);
    if (Axis < 0 && Rank >= 0)
      Axis += Rank;
    bool DimKnown = Rank >= 0 && Axis >= 0 && Axis < Rank &&
                    X.Shape[Axis].known();
    bool HasSplit = P.Inputs.size() > 1 && P.Inputs[1] >= 0;
    const Value *Split = HasSplit ? &G.Values[P.Inputs[1]] : nullptr;
    if (Split && Split->IntData && Split->HasShape &&
        Split->Shape.size() == 1)
      return int64_t(Split->IntData->size());
    if (DimKnown && !HasSplit)
      return X.Shape[Axis].Value;
    if (DimKnown && Split && Split->IntData && Split->IntData->size() == 1 &&
        Split->IntData->front() > 0) {
      int64_t D = X.Shape[Axis].Value, S = Split->IntData->front();
      return (D + S - 1) / S;
    }
    Why = fmt::format("the pieces of SplitToSequence '{}' are not known "
                      "statically",
                      P.Name);
    return std::nullopt;
  }
  Why = fmt::format("sequence '{}' is built by {} '{}', whose length is not "
                    "known statically",
                    V.Name, Op, P.Name);
  return std::nullopt;
}

/// SequenceMap: body x the first input sequence's length. A body that costs
/// nothing needs no length.
bool lowerSequenceMap(const Graph &G, const Node &N, const LowerOptions &Opts,
                      NodeCost &C, NodeCost &Body) {
  const Graph *B = G.subgraph(N.attr("body"));
  if (!B) {
    C.Problem = "SequenceMap without a body subgraph";
    return false;
  }
  if (!costSubgraph(*B, "body", Opts, Body, C))
    return false;
  std::string Why;
  std::optional<int64_t> Len =
      sequenceLength(G, N.Inputs.empty() ? NoValue : N.Inputs[0], Why);
  if (Len) {
    C.Trips = *Len;
    C.ControlFlow = fmt::format("trips {} (length of sequence '{}')", *Len,
                                G.Values[N.Inputs[0]].Name);
    return true;
  }
  if (Body.TOs == 0 && Body.MACs == 0 && Body.ReadBytes == 0 &&
      Body.WriteBytes == 0) {
    C.ControlFlow = "the body costs nothing: any sequence length (" + Why +
                    ")";
    return true;
  }
  C.Problem = fmt::format("{}; the body costs {} TOs per element", Why,
                          Body.TOs);
  return false;
}

/// Gradient (ai.onnx.preview.training, ops/Training.td): the forward nodes
/// between the xs/zs tensors and y, counted Times = 2 (backward ~ 2x
/// forward) or 3 (the forward pass recomputed when the node's inputs are
/// not the xs/zs tensors themselves).
bool lowerGradient(const Graph &G, const Node &N, const LowerOptions &Opts,
                   NodeCost &C, NodeCost &Body, int64_t &Times) {
  const Attribute *YA = N.attr("y");
  const Attribute *XsA = N.attr("xs");
  if (!YA || YA->K != Attribute::String || !XsA) {
    C.Problem = "Gradient without the y and xs attributes";
    return false;
  }
  std::vector<std::string> Inputs = XsA->Ss;
  if (const Attribute *Zs = N.attr("zs"))
    Inputs.insert(Inputs.end(), Zs->Ss.begin(), Zs->Ss.end());
  int Y = G.findValue(YA->S);
  if (Y < 0) {
    C.Problem = fmt::format("y '{}' is not a value of the graph", YA->S);
    return false;
  }
  std::vector<int> Stops;
  for (const std::string &Name : Inputs) {
    int Id = G.findValue(Name);
    if (Id < 0) {
      C.Problem = fmt::format("'{}' of xs/zs is not a value of the graph",
                              Name);
      return false;
    }
    Stops.push_back(Id);
  }
  // The nodes y depends on, back to the xs/zs tensors (and constants).
  std::vector<bool> InSub(G.Nodes.size(), false), Seen(G.Values.size(), false);
  std::vector<int> Work{Y};
  while (!Work.empty()) {
    int V = Work.back();
    Work.pop_back();
    if (V < 0 || Seen[V] || llvm::is_contained(Stops, V))
      continue;
    Seen[V] = true;
    int P = G.Values[V].Producer;
    if (P < 0 || InSub[P])
      continue;
    if (&G.Nodes[P] == &N) {
      C.Problem = fmt::format("y '{}' depends on the Gradient node itself",
                              YA->S);
      return false;
    }
    InSub[P] = true;
    for (int In : G.Nodes[P].Inputs)
      Work.push_back(In);
  }
  int64_t Count = 0;
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    if (!InSub[I])
      continue;
    const Node &F = G.Nodes[I];
    NodeCost NC;
    lowerNode(G, F, Opts, NC);
    if (NC.St != NodeCost::Costed) {
      C.Problem = fmt::format("differentiated subgraph: node '{}' ({}): {}",
                              F.Name, F.OpType, NC.Problem);
      C.NestedNoRule = NC.St == NodeCost::NoRule || NC.NestedNoRule;
      return false;
    }
    if (!addScaled(Body, NC, 1)) {
      C.Problem = "differentiated subgraph: counts overflow 64 bits";
      return false;
    }
    ++Count;
  }
  // The forward values exist in the graph when the node is fed the xs/zs
  // tensors themselves.
  bool Reuse = N.Inputs.size() == Stops.size();
  for (size_t I = 0; Reuse && I < Stops.size(); ++I)
    Reuse = N.Inputs[I] == Stops[I];
  Times = Reuse ? 2 : 3;
  C.ControlFlow = fmt::format(
      "gradient of '{}': {}x the forward counts of {} node{} ({})", YA->S,
      Times, Count, Count == 1 ? "" : "s",
      Reuse ? "backward 2x forward"
            : "forward recomputed at the inputs + backward 2x forward");
  return true;
}

/// Folds the body cost of If, Loop, Scan and SequenceMap, and the
/// differentiated subgraph of Gradient, into C (already costed by the op's
/// zero-arithmetic rule). Leaves C not costed on failure.
void lowerControlFlow(const Graph &G, const Node &N, const LowerOptions &Opts,
                      NodeCost &C) {
  NodeCost Body;
  bool OK;
  int64_t Times = -1;
  if (N.OpType == "If")
    OK = lowerIf(G, N, Opts, C, Body);
  else if (N.OpType == "Loop")
    OK = lowerLoop(G, N, Opts, C, Body);
  else if (N.OpType == "SequenceMap")
    OK = lowerSequenceMap(G, N, Opts, C, Body);
  else if (N.OpType == "Gradient")
    OK = lowerGradient(G, N, Opts, C, Body, Times);
  else
    OK = lowerScan(G, N, Opts, C, Body);
  if (Times < 0)
    Times = C.Trips >= 0 ? C.Trips : 1;
  if (OK && !addScaled(C, Body, Times)) {
    C.Problem = fmt::format("the body's counts x {} overflow 64 bits", Times);
    OK = false;
  }
  if (!OK) {
    C.St = NodeCost::Unresolved;
    C.Prims.clear();
    C.TOs = C.MACs = C.FLOPs = C.ReadBytes = C.WriteBytes = 0;
  }
}

void lowerNode(const Graph &G, const Node &N, const LowerOptions &Opts,
               NodeCost &C, std::vector<Qty> *KeepQ, std::string *KeepWhy) {
  lowerPlain(G, N, C, KeepQ, KeepWhy);
  if (C.St != NodeCost::Costed)
    return;
  if ((N.Domain.empty() && (N.OpType == "If" || N.OpType == "Loop" ||
                            N.OpType == "Scan" || N.OpType == "SequenceMap")) ||
      (N.Domain == "ai.onnx.preview.training" && N.OpType == "Gradient"))
    lowerControlFlow(G, N, Opts, C);
  C.Fwd = {C.TOs, C.MACs, C.FLOPs, C.ReadBytes, C.WriteBytes, C.Prims};
}

//===----------------------------------------------------------------------===//
// Training (docs/Training.md)
//===----------------------------------------------------------------------===//

bool isFloatValue(const Value &V) {
  std::optional<unsigned> DT = dtypeOf(V.Type);
  return DT && dtypes()[*DT].IsFloat;
}

/// Trainable parameters: floating-point weights that some node reads at an
/// input its gradient rule differentiates (not in NoGradInputs).
std::vector<bool> findTrainable(const Graph &G) {
  std::vector<bool> T(G.Values.size(), false);
  for (const Node &N : G.Nodes) {
    const LoweringRow *R = findLowering(N.Domain, N.OpType, N.OpsetVersion);
    uint32_t NoGrad = R ? gradientOf(*R).NoGradInputs : 0;
    for (auto [I, Id] : llvm::enumerate(N.Inputs))
      if (Id >= 0 && G.Values[Id].IsInitializer &&
          isFloatValue(G.Values[Id]) && !(I < 32 && (NoGrad >> I) & 1))
        T[Id] = true;
  }
  return T;
}

/// Adds the backward pass of node N (already costed forward, with the
/// binder's quantities Q) to C. NeedsGrad: value id -> needs a gradient.
bool lowerBackward(const Graph &G, const Node &N,
                   const std::vector<bool> &NeedsGrad, std::vector<Qty> &Q,
                   const std::string &Why, NodeCost &C) {
  const GradientRow &GR = gradientOf(*C.Rule);
  if (!GR.HasGrad) {
    C.Problem = fmt::format("no gradient rule for {}{}{} (rule {}): its "
                            "backward pass cannot be costed",
                            N.Domain, N.Domain.empty() ? "" : "::", N.OpType,
                            C.Rule->Location);
    C.DiagCode = "no-gradient";
    return false;
  }
  for (unsigned I = 0; I < numGradFlags(); ++I) {
    bool Need = I < N.Inputs.size() && N.Inputs[I] >= 0 &&
                NeedsGrad[N.Inputs[I]] && !((GR.NoGradInputs >> I) & 1);
    Q.push_back(Qty(Need ? 1 : 0));
  }
  auto Eval = [&](QtyFn F, const char *Text, const char *What,
                  int64_t &Out) -> bool {
    return evalRuleExpr(F, Text, What, Q.data(), Why, C.Rule->Location, C,
                        Out);
  };
  if (!Eval(GR.MACs, GR.MACsText, "backward MACs", C.Bwd.MACs) ||
      !Eval(GR.Reads, GR.ReadsText, "backward bytes read", C.Bwd.ReadBytes) ||
      !Eval(GR.Writes, GR.WritesText, "backward bytes written",
            C.Bwd.WriteBytes))
    return false;
  if (!addCounts(G, N, GR.Counts, GR.NumCounts, Q.data(), Why, C, C.Bwd))
    return false;
  C.Backward = true;
  return true;
}

/// The optimizer's step on parameter Id, added to C's Update phase.
bool lowerUpdate(const Graph &G, int Id, const OptimizerRow &O, NodeCost &C) {
  const Value &V = G.Values[Id];
  Qty Elems = V.numElements(), Bytes = V.byteSize();
  if (!Elems.valid() || !Bytes.valid()) {
    C.Problem = fmt::format("parameter '{}' has an unresolved shape {}",
                            V.Name, V.shapeString());
    return false;
  }
  Qty Q[1] = {Elems};
  for (unsigned I = 0; I < O.NumCounts; ++I) {
    Qty V2 = O.Counts[I].Expr(Q);
    if (!V2.valid() || V2.value() < 0) {
      C.Problem = fmt::format("optimizer {} count '{}' overflows for '{}'",
                              O.Name, O.Counts[I].ExprText, V.Name);
      return false;
    }
    if (V2.value() && !addPrimitive(G, Id, O.Counts[I].Primitive, V2.value(),
                                    C, C.Update))
      return false;
  }
  // Read the parameter, its gradient and the state; write the parameter and
  // the state.
  Qty R = Bytes * Qty(2 + O.StateTensors), W = Bytes * Qty(1 + O.StateTensors);
  Qty PE = Qty(C.ParamElems) + Elems, PB = Qty(C.ParamBytes) + Bytes;
  Qty UR = Qty(C.Update.ReadBytes) + R, UW = Qty(C.Update.WriteBytes) + W;
  if (!R.valid() || !W.valid() || !PE.valid() || !PB.valid() ||
      !UR.valid() || !UW.valid()) {
    C.Problem = "optimizer traffic overflows 64 bits";
    return false;
  }
  C.Update.ReadBytes = UR.value();
  C.Update.WriteBytes = UW.value();
  C.ParamElems = PE.value();
  C.ParamBytes = PB.value();
  C.Params.push_back(Id);
  return true;
}

/// Train mode for node N (forward already costed in C): backward pass if
/// any input needs a gradient, then the update of the parameters it is the
/// first reader of. Folds the phases into C's totals; false (C not
/// costed, Problem set) when a phase cannot be costed.
bool lowerTraining(const Graph &G, const Node &N, const LowerOptions &Opts,
                   const std::vector<int> &Uses,
                   std::vector<bool> &NeedsGrad, std::vector<bool> &Updated,
                   std::vector<Qty> &Q, const std::string &Why, NodeCost &C) {
  const GradientRow *GR = C.Rule ? &gradientOf(*C.Rule) : nullptr;
  bool Any = false;
  for (auto [I, Id] : llvm::enumerate(N.Inputs))
    if (Id >= 0 && NeedsGrad[Id] &&
        !(GR && I < 32 && (GR->NoGradInputs >> I) & 1))
      Any = true;
  if (Any) {
    if (Q.empty() && C.Rule) {
      // Control flow folds its body; it has no gradient rule of its own.
      Q.assign(binders()[C.Rule->Binder].NumQuantities, Qty::invalid());
    }
    if (!lowerBackward(G, N, NeedsGrad, Q, Why, C))
      return false;
    for (int Out : N.Outputs)
      if (Out >= 0) {
        NeedsGrad[Out] = true;
        // An output read k > 1 times (by nodes or as a graph output) gets
        // the sum of k gradients before this backward pass uses it.
        int64_t K = Uses[Out], Elems = 0;
        Qty E = G.Values[Out].numElements();
        if (E.valid())
          Elems = E.value();
        Qty Adds = Qty(K - 1) * Qty(Elems);
        if (K > 1 && isFloatValue(G.Values[Out]) &&
            (!Adds.valid() ||
             !addPrimitive(G, Out, *findPrimitive("add"), Adds.value(), C,
                           C.Bwd))) {
          if (C.Problem.empty())
            C.Problem = "gradient accumulation overflows 64 bits";
          return false;
        }
      }
  }
  for (int Id : N.Inputs)
    if (Id >= 0 && G.Values[Id].IsInitializer && NeedsGrad[Id] &&
        !Updated[Id]) {
      Updated[Id] = true;
      if (!lowerUpdate(G, Id, *Opts.Train.Optimizer, C))
        return false;
    }
  C.TOs = C.Fwd.TOs + C.Bwd.TOs + C.Update.TOs;
  C.FLOPs = C.Fwd.FLOPs + C.Bwd.FLOPs + C.Update.FLOPs;
  Qty MACs = Qty(C.Fwd.MACs) + Qty(C.Bwd.MACs);
  Qty R = Qty(C.Fwd.ReadBytes) + Qty(C.Bwd.ReadBytes) + Qty(C.Update.ReadBytes);
  Qty W = Qty(C.Fwd.WriteBytes) + Qty(C.Bwd.WriteBytes) +
          Qty(C.Update.WriteBytes);
  if (!MACs.valid() || !R.valid() || !W.valid()) {
    C.Problem = "training counts overflow 64 bits";
    return false;
  }
  C.MACs = MACs.value();
  C.ReadBytes = R.value();
  C.WriteBytes = W.value();
  return true;
}

/// Dim 0 of the first graph input that has one (0 when unknown).
int64_t batchOf(const Graph &G) {
  for (int Id : G.Inputs) {
    if (Id < 0 || G.Values[Id].IsInitializer)
      continue;
    const Value &V = G.Values[Id];
    if (V.HasShape && !V.Shape.empty() && V.Shape[0].known())
      return V.Shape[0].Value;
    return 0;
  }
  return 0;
}

} // namespace

llvm::Expected<TrainOptions> makeTrainOptions(llvm::StringRef Mode,
                                              llvm::StringRef Optimizer,
                                              int64_t DatasetSize,
                                              int64_t Epochs) {
  auto Err = [](const std::string &Msg) {
    return llvm::make_error<llvm::StringError>(Msg,
                                               llvm::inconvertibleErrorCode());
  };
  TrainOptions T;
  if (Mode == "train")
    T.Enabled = true;
  else if (Mode != "infer")
    return Err(fmt::format("--mode={}: expected infer or train",
                           Mode.str()));
  T.Optimizer = findOptimizer(Optimizer);
  if (!T.Optimizer) {
    std::string Names;
    for (const OptimizerRow &O : optimizers())
      Names += (Names.empty() ? "" : ", ") + std::string(O.Name);
    return Err(fmt::format("--optimizer={}: unknown optimizer; known: {}",
                           Optimizer.str(), Names));
  }
  if (DatasetSize < 0)
    return Err(fmt::format("--dataset-size={}: must be 0 (one batch) or more",
                           DatasetSize));
  if (Epochs < 1)
    return Err(fmt::format("--epochs={}: must be 1 or more", Epochs));
  T.DatasetSize = DatasetSize;
  T.Epochs = Epochs;
  return T;
}

LoweredGraph lowerGraph(const Graph &G, const LowerOptions &Opts,
                        DiagnosticList &Diags) {
  LoweredGraph L;
  L.Nodes.resize(G.Nodes.size());
  std::map<std::pair<unsigned, unsigned>, PrimitiveUse> Totals;
  bool Train = Opts.Train.Enabled && Opts.Train.Optimizer;
  std::vector<bool> NeedsGrad, Updated, Saved;
  std::vector<int> Uses;
  if (Train) {
    L.Train = Opts.Train;
    L.Trainable = findTrainable(G);
    NeedsGrad = L.Trainable;
    Updated.assign(G.Values.size(), false);
    Saved.assign(G.Values.size(), false);
    L.Batch = batchOf(G);
    // How many times each value is read: by node inputs and as a graph
    // output (the loss's gradient).
    Uses.assign(G.Values.size(), 0);
    for (const Node &N : G.Nodes)
      for (int Id : N.Inputs)
        if (Id >= 0)
          ++Uses[Id];
    for (int Id : G.Outputs)
      if (Id >= 0)
        ++Uses[Id];
  }
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    const Node &N = G.Nodes[I];
    NodeCost &C = L.Nodes[I];
    std::vector<Qty> Q;
    std::string Why;
    lowerNode(G, N, Opts, C, &Q, &Why);
    if (Train && C.St == NodeCost::Costed &&
        !lowerTraining(G, N, Opts, Uses, NeedsGrad, Updated, Q, Why, C)) {
      bool NoGrad = C.DiagCode == "no-gradient";
      C = NodeCost{.St = NoGrad ? NodeCost::NoRule : NodeCost::Unresolved,
                   .Rule = C.Rule,
                   .Problem = C.Problem,
                   .DiagCode = C.DiagCode};
    }
    if (C.St != NodeCost::Costed) {
      Diagnostic D;
      D.File = G.Path;
      D.Node = N.Name;
      D.OpType = N.OpType;
      if (C.St == NodeCost::NoRule || C.NestedNoRule) {
        D.Code = C.DiagCode.empty() ? "unknown-op" : C.DiagCode;
        D.Sev = Opts.UnknownOps == UnknownOpPolicy::Error ? Severity::Error
                                                          : Severity::Warning;
        D.Message = C.Problem + "; the node is not costed";
      } else {
        D.Code = C.DiagCode.empty() ? "unresolved-shape" : C.DiagCode;
        D.Sev = Severity::Warning;
        D.Message = C.Problem + "; the node is not costed";
      }
      Diags.add(std::move(D));
      continue;
    }
    ++L.NumCosted;
    if (Train) {
      auto AddPhase = [](PhaseCost &To, const PhaseCost &From) {
        To.TOs += From.TOs;
        To.MACs += From.MACs;
        To.FLOPs += From.FLOPs;
        To.ReadBytes += From.ReadBytes;
        To.WriteBytes += From.WriteBytes;
      };
      AddPhase(L.Fwd, C.Fwd);
      AddPhase(L.Bwd, C.Bwd);
      AddPhase(L.Update, C.Update);
      L.ParamElems += C.ParamElems;
      L.ParamBytes += C.ParamBytes;
      if (C.Backward)
        for (const std::vector<int> *Ids : {&N.Inputs, &N.Outputs})
          for (int Id : *Ids)
            if (Id >= 0 && !G.Values[Id].IsInitializer && !Saved[Id]) {
              Saved[Id] = true;
              Qty B = G.Values[Id].byteSize();
              if (B.valid())
                L.SavedBytes += B.value();
            }
    }
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
  if (Train) {
    L.StateBytes = L.ParamBytes * Opts.Train.Optimizer->StateTensors;
    int64_t IO = 0;
    for (const std::vector<int> *Ids : {&G.Inputs, &G.Outputs})
      for (int Id : *Ids)
        if (Id >= 0 && !G.Values[Id].IsInitializer) {
          Qty B = G.Values[Id].byteSize();
          if (B.valid())
            IO += B.value();
        }
    L.DatumBytes = L.Batch > 0 ? IO / L.Batch : 0;
  }
  return L;
}

const char *statusName(NodeCost::Status S) {
  switch (S) {
  case NodeCost::Costed:
    return "costed";
  case NodeCost::NoRule:
    return "no-rule";
  case NodeCost::Unresolved:
    return "unresolved";
  }
  return "?";
}

} // namespace onnx_energy
