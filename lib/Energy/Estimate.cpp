//===- lib/Energy/Estimate.cpp - Compute, memory and static energy --------===//
#include "onnx-energy/Energy/Estimate.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Support/Format.h"
#include <fmt/format.h>
#include <set>

namespace onnx_energy {

namespace {
/// The element type whose peak times the node: that of the primitive use with
/// the most TOs (a MatMul in f16 with an f32 accumulate is timed at f16).
const char *dominantDType(const NodeCost &C) {
  const PrimitiveUse *Best = nullptr;
  for (const PrimitiveUse &U : C.Prims)
    if (!Best || U.TOs > Best->TOs)
      Best = &U;
  return Best ? dtypes()[Best->DType].Name : nullptr;
}

/// "Gemm 'fc1': working set 64 MiB (weights 60 MiB) exceeds L2 (40 MiB)".
void spillDiagnostic(const Graph &G, const Node &N, const NodeTraffic &Tr,
                     const Target &T, DiagnosticList &Diags) {
  double Weights = 0;
  for (int Id : N.Inputs)
    if (Id >= 0 && G.Values[Id].IsInitializer) {
      Qty B = G.Values[Id].byteSize();
      Weights += B.valid() ? double(B.value()) : 0;
    }
  const MemLevelRow &Lev = T.levels()[Tr.SpillsFrom];
  const MemLevelRow &Served = T.levels()[Tr.SpillsFrom + 1];
  Diags.add({Severity::Note, G.Path, N.Name, N.OpType, "cache-spill",
             fmt::format("working set {}{} exceeds {} ({}{}) on {}; served "
                         "from {}",
                         formatSI(Tr.WorkingSet, "B"),
                         Weights > 0
                             ? " (weights " + formatSI(Weights, "B") + ")"
                             : std::string(),
                         Lev.Name, Lev.Size.Text,
                         Lev.Instances > 1
                             ? fmt::format(" x {}", Lev.Instances)
                             : std::string(),
                         T.name().str(), Served.Name)});
}
} // namespace

Estimate estimateEnergy(const Graph &G, const LoweredGraph &L, const Target &T,
                        DiagnosticList &Diags, MemoryModel Model) {
  Estimate E;
  E.Nodes.resize(G.Nodes.size());
  E.Levels.resize(T.levels().size());
  MemorySimResult Sim = simulateMemory(G, L, T, Model);
  E.Train = Sim.Train;
  if (Sim.Train.Enabled) {
    const TrainingPlacement &P = Sim.Train;
    if (Model == MemoryModel::LRU)
      Diags.add({Severity::Note, G.Path, "", "", "train-memory-model",
                 "the LRU model simulates one inference; a training step is "
                 "placed by BUTTER-E's training working sets"});
    Diags.add({Severity::Note, G.Path, "", "", "train-working-set",
               fmt::format("training step working set {} (weights {}, "
                           "gradients {}, optimizer state {} replicated; "
                           "activations kept for backward {} distributed) on "
                           "{}: served from {}; data set {} from {}",
                           formatSI(P.replicated() + P.Activations, "B"),
                           formatSI(P.Weights, "B"), formatSI(P.Gradients, "B"),
                           formatSI(P.State, "B"),
                           formatSI(P.Activations, "B"), T.name().str(),
                           T.levels()[P.StepLevel].Name,
                           formatSI(P.DataSet, "B"),
                           T.levels()[P.DataLevel].Name)});
  }
  std::set<std::string> WarnedDTypes;
  unsigned LastCache = T.levels().size() >= 2 ? T.levels().size() - 2 : 0;
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    const NodeCost &C = L.Nodes[I];
    NodeEstimate &N = E.Nodes[I];
    if (C.St != NodeCost::Costed)
      continue;
    const NodeTraffic &Tr = Sim.Nodes[I];
    N.Costed = true;
    N.ComputeJ = double(C.TOs) * T.energyPerTO();
    N.Level = Tr.DominantLevel;
    N.SpillsFrom = Tr.SpillsFrom;
    N.WorkingSet = Tr.WorkingSet;
    N.TilingExtra = Tr.TilingExtra;
    N.ReadBytes = Tr.ReadBytes;
    N.WriteBytes = Tr.WriteBytes;
    for (unsigned LI = 0; LI < T.levels().size(); ++LI) {
      const MemLevelRow &Lev = T.levels()[LI];
      double WriteE = Lev.WriteEnergy.Specified ? Lev.WriteEnergy.Value
                                                : Lev.ReadEnergy.Value;
      double J = Tr.ReadBytes[LI] * Lev.ReadEnergy.Value +
                 Tr.WriteBytes[LI] * WriteE;
      double Bytes = Tr.ReadBytes[LI] + Tr.WriteBytes[LI];
      N.MemoryJ += J;
      N.MemorySeconds = std::max(N.MemorySeconds, Bytes / Lev.Bandwidth.Value);
      LevelTotals &LT = E.Levels[LI];
      LT.ReadBytes += Tr.ReadBytes[LI];
      LT.WriteBytes += Tr.WriteBytes[LI];
      LT.Joules += J;
    }
    if (N.Level >= 0)
      ++E.Levels[N.Level].Nodes;
    if (T.levels().size() >= 2 && Tr.SpillsFrom == int(LastCache) &&
        !Sim.Train.Enabled)
      spillDiagnostic(G, G.Nodes[I], Tr, T, Diags);

    if (C.FLOPs > 0) {
      N.PeakDType = dominantDType(C);
      // Tensor cores and AMX run only the MACs of matrix-like nodes.
      const ThroughputRow *Unit =
          N.PeakDType ? T.unitFor(N.PeakDType, C.MACs > 0) : nullptr;
      N.PeakUnit = Unit ? Unit->UnitKind : nullptr;
      double Peak = Unit ? Unit->Rate.Value : 0;
      if (Peak <= 0) {
        Peak = T.slowestPeak();
        if (N.PeakDType && WarnedDTypes.insert(N.PeakDType).second)
          Diags.add({Severity::Note, G.Path, "", "", "no-peak",
                     fmt::format("target '{}' declares no throughput for {}; "
                                 "its slowest declared peak times those nodes",
                                 T.name().str(), N.PeakDType)});
      }
      N.ComputeSeconds = double(C.FLOPs) / Peak;
    }
    N.StaticJ = N.seconds() * T.row().StaticPower.Value;
    E.ComputeJ += N.ComputeJ;
    E.MemoryJ += N.MemoryJ;
    E.StaticJ += N.StaticJ;
    E.Seconds += N.seconds();
  }
  return E;
}

} // namespace onnx_energy
