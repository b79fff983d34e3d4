//===- lib/Views/TextView.cpp - The human-readable report -----------------===//
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/Support/raw_ostream.h"
#include <fmt/format.h>

namespace onnx_energy {

namespace {
std::string pct(double Part, double Whole) {
  return Whole > 0 ? fmt::format("{:.1f}%", 100.0 * Part / Whole) : "-";
}

std::string opsetString(const std::map<std::string, int64_t> &Opsets) {
  std::string S;
  for (const auto &KV : Opsets)
    S += fmt::format("{}{} {}", S.empty() ? "" : ", ",
                     KV.first.empty() ? "ai.onnx" : KV.first, KV.second);
  return S;
}
} // namespace

void renderText(const Report &R, llvm::raw_ostream &OS) {
  double Total = R.totalJ();
  OS << fmt::format("onnx-energy {}: {} on {}\n\n", R.ToolVersion, R.ModelPath,
                    R.TargetName);
  OS << fmt::format("Model:     IR {}, opsets {}{}\n", R.IRVersion,
                    opsetString(R.Opsets),
                    R.Producer.empty() ? "" : ", produced by " + R.Producer);
  OS << fmt::format("           {} nodes, weights {} (never read)\n", R.NumNodes,
                    formatSI(double(R.WeightBytes), "B"));
  OS << fmt::format("Target:    {}: {}\n", R.TargetName, R.TargetDescription);
  OS << fmt::format("           {}\n", R.EnergyPerTOOrigin);
  OS << fmt::format("Coverage:  {}/{} nodes costed ({})\n", R.NumCosted,
                    R.NumNodes,
                    R.NumNodes ? pct(R.NumCosted, R.NumNodes) : "100.0%");
  if (!R.Uncosted.empty()) {
    std::string S;
    for (const auto &KV : R.Uncosted)
      S += fmt::format("{}{} x{}", S.empty() ? "" : ", ", KV.first, KV.second);
    OS << "           not costed: " << S << "\n";
  }
  OS << fmt::format("Work:      {} TOs, {} MACs, {} FLOPs\n", R.TOs, R.MACs,
                    R.FLOPs);
  OS << fmt::format("Energy:    {} = compute {} ({}) + memory {} ({}) + static "
                    "{} ({})\n",
                    formatSI(Total, "J"), formatSI(R.ComputeJ, "J"),
                    pct(R.ComputeJ, Total), formatSI(R.MemoryJ, "J"),
                    pct(R.MemoryJ, Total), formatSI(R.StaticJ, "J"),
                    pct(R.StaticJ, Total));
  OS << fmt::format("Time:      {} (roofline, sum over nodes)\n\n",
                    formatSI(R.Seconds, "s"));
  if (R.Train.Enabled) {
    const TrainSummary &S = R.Train;
    OS << fmt::format("Training:  one step = forward + backward + {} update "
                      "of {} parameters\n",
                      S.Optimizer, S.Params);
    OS << fmt::format("           TOs: forward {}, backward {}, update {}\n",
                      S.Fwd.TOs, S.Bwd.TOs, S.Update.TOs);
    OS << fmt::format("           MACs: forward {}, backward {}\n", S.Fwd.MACs,
                      S.Bwd.MACs);
    OS << fmt::format("           batch {}, data set {}, {} steps/epoch, {} "
                      "epoch{}\n",
                      S.Batch, S.DatasetSize > 0 ? S.DatasetSize : S.Batch,
                      S.StepsPerEpoch, S.Epochs, S.Epochs == 1 ? "" : "s");
    OS << fmt::format("           energy: {} per step, {} per epoch, {} per "
                      "run, {} per datum\n",
                      formatSI(S.StepJ, "J"), formatSI(S.EpochJ, "J"),
                      formatSI(S.RunJ, "J"), formatSI(S.DatumJ, "J"));
    OS << fmt::format("           time: {} per step, {} per epoch, {} per "
                      "run\n",
                      formatSI(S.StepSeconds, "s"),
                      formatSI(S.EpochSeconds, "s"),
                      formatSI(S.RunSeconds, "s"));
    const TrainingPlacement &P = S.Placement;
    OS << fmt::format("           working set: weights {} + gradients {} + "
                      "state {} + activations {} -> {}; data set {} -> {}\n\n",
                      formatSI(P.Weights, "B"), formatSI(P.Gradients, "B"),
                      formatSI(P.State, "B"), formatSI(P.Activations, "B"),
                      S.StepLevel, formatSI(P.DataSet, "B"), S.DataLevel);
  }

  OS << "Memory levels:\n";
  OS << fmt::format("  {:<6} {:>10} {:>6} {:>12} {:>12} {:>12}\n", "level",
                    "capacity", "nodes", "read", "written", "energy");
  for (const ReportLevel &L : R.Levels)
    OS << fmt::format("  {:<6} {:>10} {:>6} {:>12} {:>12} {:>12}\n", L.Name,
                      formatSI(L.Capacity, "B"), L.Totals.Nodes,
                      formatSI(L.Totals.ReadBytes, "B"),
                      formatSI(L.Totals.WriteBytes, "B"),
                      formatSI(L.Totals.Joules, "J"));

  OS << "\nPrimitives:\n";
  OS << fmt::format("  {:<8} {:<6} {:>16} {:>20} {:>7}\n", "prim", "dtype",
                    "count", "TOs", "TOs%");
  for (const PrimitiveUse &U : R.Prims)
    OS << fmt::format("  {:<8} {:<6} {:>16} {:>20} {:>7}\n",
                      primitives()[U.Primitive].Name, dtypes()[U.DType].Name,
                      U.Count, U.TOs, pct(double(U.TOs), double(R.TOs)));

  const char *Order = R.Opts.Sort == SortOrder::Graph  ? "graph order"
                      : R.Opts.Sort == SortOrder::TOs ? "by TOs"
                                                      : "by energy";
  OS << fmt::format("\nPer op ({}):\n", Order);
  OS << fmt::format("  {:>5} {:<28} {:<20} {:>16} {:>14} {:>14} {:>11} {:>7} "
                    "{:<5} {}\n",
                    "#", "node", "op", "TOs", "MACs", "FLOPs", "energy",
                    "share", "level", "bound");
  unsigned Shown = 0;
  for (const ReportNode &N : R.Nodes) {
    if (R.Opts.Top && Shown == R.Opts.Top) {
      OS << fmt::format("  ... {} more (--top=0 shows all)\n",
                        R.Nodes.size() - Shown);
      break;
    }
    ++Shown;
    std::string Name = N.Name.size() > 28 ? N.Name.substr(0, 27) + "~" : N.Name;
    std::string Op = N.Domain.empty() ? N.OpType : N.Domain + "::" + N.OpType;
    if (Op.size() > 20)
      Op = Op.substr(0, 19) + "~";
    if (N.Status != NodeCost::Costed) {
      OS << fmt::format("  {:>5} {:<28} {:<20} not costed: {}\n", N.Index, Name,
                        Op, N.Problem);
      continue;
    }
    OS << fmt::format("  {:>5} {:<28} {:<20} {:>16} {:>14} {:>14} {:>11} {:>7} "
                      "{:<5} {}{}\n",
                      N.Index, Name, Op, N.TOs, N.MACs, N.FLOPs,
                      formatSI(N.E.totalJ(), "J"), pct(N.E.totalJ(), Total),
                      N.Level, N.E.computeBound() ? "compute" : "memory",
                      N.ControlFlow.empty() ? "" : "  [" + N.ControlFlow + "]");
  }
  // Cache view: the nodes whose working set exceeds some cache level, with
  // the bytes each level served.
  std::vector<const ReportNode *> Spilling;
  for (const ReportNode &N : R.Nodes)
    if (N.Status == NodeCost::Costed && N.E.SpillsFrom >= 0)
      Spilling.push_back(&N);
  OS << fmt::format("\nCache view ({} of {} costed nodes exceed a cache level; "
                    "bytes read+written per level):\n",
                    Spilling.size(), R.NumCosted);
  unsigned CacheRows = 0;
  for (const ReportNode *N : Spilling) {
    if (R.Opts.Top && CacheRows == R.Opts.Top) {
      OS << fmt::format("  ... {} more\n", Spilling.size() - CacheRows);
      break;
    }
    ++CacheRows;
    std::string Levels;
    for (size_t L = 0; L < N->E.ReadBytes.size(); ++L)
      Levels += fmt::format("{}{} {}", L ? ", " : "", R.Levels[L].Name,
                            formatSI(N->E.ReadBytes[L] + N->E.WriteBytes[L], "B"));
    OS << fmt::format("  {:>5} {:<28} working set {:>10} exceeds {:<4} | {}{}\n",
                      N->Index, N->Name, formatSI(N->E.WorkingSet, "B"),
                      R.Levels[N->E.SpillsFrom].Name, Levels,
                      N->E.TilingExtra > 0
                          ? " | tiling re-reads " +
                                formatSI(N->E.TilingExtra, "B")
                          : std::string());
  }

  if (!R.Diags.empty()) {
    OS << fmt::format("\nDiagnostics ({}):\n", R.Diags.size());
    DiagnosticList L;
    for (const Diagnostic &D : R.Diags)
      L.add(D);
    L.print(OS);
  }
}

void printLowering(const Graph &G, const LoweredGraph &L, llvm::raw_ostream &OS) {
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    const Node &N = G.Nodes[I];
    const NodeCost &C = L.Nodes[I];
    std::string Head = fmt::format("node '{}' ({})", N.Name, N.OpType);
    if (C.St != NodeCost::Costed) {
      OS << Head << ": not costed: " << C.Problem << "\n";
      continue;
    }
    auto Prims = [&](const std::string &H,
                     const std::vector<PrimitiveUse> &Uses) {
      for (const PrimitiveUse &U : Uses)
        OS << fmt::format("{}: {} {} x {} tos {}\n", H,
                          primitives()[U.Primitive].Name,
                          dtypes()[U.DType].Name, U.Count, U.TOs);
    };
    auto Totals = [&](const std::string &H, int64_t MACs, int64_t FLOPs,
                      int64_t Read, int64_t Written, int64_t TOs) {
      OS << fmt::format("{}: macs {} flops {} read_bytes {} write_bytes {} "
                        "tos {}\n",
                        H, MACs, FLOPs, Read, Written, TOs);
    };
    if (L.Train.Enabled) {
      // Train mode: each phase of the step, then the node's total.
      for (auto [Name, P] : {std::pair<const char *, const PhaseCost *>{
                                 "forward", &C.Fwd},
                             {"backward", &C.Bwd},
                             {"update", &C.Update}}) {
        if (P == &C.Bwd && !C.Backward)
          continue;
        if (P == &C.Update && C.Params.empty())
          continue;
        std::string H = Head + " " + Name;
        Prims(H, P->Prims);
        Totals(H, P->MACs, P->FLOPs, P->ReadBytes, P->WriteBytes, P->TOs);
      }
      if (!C.Params.empty()) {
        std::string Names;
        for (int Id : C.Params)
          Names += (Names.empty() ? "" : ", ") + G.Values[Id].Name;
        OS << fmt::format("{} update: {} parameters ({})\n", Head,
                          C.ParamElems, Names);
      }
      Totals(Head + " step", C.MACs, C.FLOPs, C.ReadBytes, C.WriteBytes,
             C.TOs);
    } else {
      Prims(Head, C.Prims);
      Totals(Head, C.MACs, C.FLOPs, C.ReadBytes, C.WriteBytes, C.TOs);
    }
    if (!C.ControlFlow.empty())
      OS << Head << ": " << C.ControlFlow << "\n";
  }
}

} // namespace onnx_energy
