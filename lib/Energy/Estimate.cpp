//===- lib/Energy/Estimate.cpp - Compute, memory and static energy --------===//
#include "onnx-energy/Energy/Estimate.h"
#include "onnx-energy/Ops/Catalog.h"
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
} // namespace

Estimate estimateEnergy(const Graph &G, const LoweredGraph &L, const Target &T,
                        DiagnosticList &Diags) {
  Estimate E;
  E.Nodes.resize(G.Nodes.size());
  E.Levels.resize(T.levels().size());
  std::set<std::string> WarnedDTypes;
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    const NodeCost &C = L.Nodes[I];
    NodeEstimate &N = E.Nodes[I];
    if (C.St != NodeCost::Costed)
      continue;
    N.Costed = true;
    N.ComputeJ = double(C.TOs) * T.energyPerTO();

    double Bytes = double(C.ReadBytes) + double(C.WriteBytes);
    unsigned Last = T.levels().size() - 1;
    N.Level = Last;
    for (unsigned LI = 0; LI < T.levels().size(); ++LI)
      if (Bytes <= T.levelCapacity(LI)) {
        N.Level = LI;
        break;
      }
    const MemLevelRow &Lev = T.levels()[N.Level];
    double WriteE = Lev.WriteEnergy.Specified ? Lev.WriteEnergy.Value
                                              : Lev.ReadEnergy.Value;
    N.MemoryJ = double(C.ReadBytes) * Lev.ReadEnergy.Value +
                double(C.WriteBytes) * WriteE;
    N.MemorySeconds = Bytes / Lev.Bandwidth.Value;

    if (C.FLOPs > 0) {
      N.PeakDType = dominantDType(C);
      double Peak = N.PeakDType ? T.peakFor(N.PeakDType) : 0;
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

    LevelTotals &LT = E.Levels[N.Level];
    LT.ReadBytes += double(C.ReadBytes);
    LT.WriteBytes += double(C.WriteBytes);
    LT.Joules += N.MemoryJ;
    ++LT.Nodes;
    E.ComputeJ += N.ComputeJ;
    E.MemoryJ += N.MemoryJ;
    E.StaticJ += N.StaticJ;
    E.Seconds += N.seconds();
  }
  return E;
}

} // namespace onnx_energy
