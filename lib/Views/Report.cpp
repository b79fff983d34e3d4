//===- lib/Views/Report.cpp - Collect the report data once ----------------===//
#include "onnx-energy/Views/Report.h"
#include "onnx-energy/Config.h"
#include "onnx-energy/Ops/Catalog.h"
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numeric>

namespace onnx_energy {

namespace {
/// std::stable_sort of Nodes by Less, through an index permutation: a
/// ReportNode (strings, per-level vectors) is then moved once, not
/// O(n log n) times. The order is the same, ties kept in graph order.
template <typename LessT>
void sortNodes(std::vector<ReportNode> &Nodes, LessT Less) {
  std::vector<unsigned> Order(Nodes.size());
  std::iota(Order.begin(), Order.end(), 0u);
  std::stable_sort(Order.begin(), Order.end(), [&](unsigned A, unsigned B) {
    return Less(Nodes[A], Nodes[B]);
  });
  std::vector<ReportNode> Sorted;
  Sorted.reserve(Nodes.size());
  for (unsigned I : Order)
    Sorted.push_back(std::move(Nodes[I]));
  Nodes = std::move(Sorted);
}
} // namespace

Report collectReport(const Graph &G, const LoweredGraph &L, const Estimate &E,
                     const Target &T, const DiagnosticList &Diags,
                     const ReportOptions &Opts) {
  Report R;
  R.Opts = Opts;
  R.ToolVersion = ONNX_ENERGY_VERSION;
  R.ModelPath = G.Path;
  R.Producer = G.ProducerName.empty()
                   ? std::string()
                   : G.ProducerName + (G.ProducerVersion.empty()
                                           ? ""
                                           : " " + G.ProducerVersion);
  R.IRVersion = G.IRVersion;
  R.Opsets = G.Opsets;
  R.FileBytes = G.FileBytes;
  R.WeightBytes = G.WeightBytes;
  R.NumNodes = G.Nodes.size();
  R.NumCosted = L.NumCosted;
  R.TargetName = T.name().str();
  R.TargetDescription = T.row().Description;
  R.TargetSource = T.row().Source;
  R.EnergyPerTO = T.energyPerTO();
  R.EnergyPerTOOrigin = T.energyPerTOOrigin();
  R.StaticPower = T.row().StaticPower.Value;
  R.TOs = L.TOs;
  R.MACs = L.MACs;
  R.FLOPs = L.FLOPs;
  R.ComputeJ = E.ComputeJ;
  R.MemoryJ = E.MemoryJ;
  R.StaticJ = E.StaticJ;
  R.Seconds = E.Seconds;
  for (unsigned I = 0; I < T.levels().size(); ++I)
    R.Levels.push_back({T.levels()[I].Name, T.levelCapacity(I), E.Levels[I]});
  if (L.Train.Enabled) {
    TrainSummary &S = R.Train;
    S.Enabled = true;
    S.Optimizer = L.Train.Optimizer ? L.Train.Optimizer->Name : "";
    S.Batch = L.Batch;
    S.DatasetSize = L.Train.DatasetSize;
    S.Epochs = L.Train.Epochs;
    S.StepsPerEpoch = L.stepsPerEpoch();
    S.Params = L.ParamElems;
    S.Fwd = L.Fwd;
    S.Bwd = L.Bwd;
    S.Update = L.Update;
    S.StepJ = E.totalJ();
    S.EpochJ = S.StepJ * double(S.StepsPerEpoch);
    S.RunJ = S.EpochJ * double(S.Epochs);
    S.DatumJ = S.Batch > 0 ? S.StepJ / double(S.Batch) : 0;
    S.StepSeconds = E.Seconds;
    S.EpochSeconds = S.StepSeconds * double(S.StepsPerEpoch);
    S.RunSeconds = S.EpochSeconds * double(S.Epochs);
    S.Placement = E.Train;
    if (E.Train.StepLevel >= 0)
      S.StepLevel = T.levels()[E.Train.StepLevel].Name;
    if (E.Train.DataLevel >= 0)
      S.DataLevel = T.levels()[E.Train.DataLevel].Name;
  }
  R.Prims = L.Prims;
  std::stable_sort(R.Prims.begin(), R.Prims.end(),
                   [](const PrimitiveUse &A, const PrimitiveUse &B) {
                     return A.TOs > B.TOs;
                   });

  double Total = E.totalJ();
  R.Nodes.reserve(G.Nodes.size());
  std::vector<std::string> Names = nodeDisplayNames(G);
  for (unsigned I = 0; I < G.Nodes.size(); ++I) {
    const Node &N = G.Nodes[I];
    const NodeCost &C = L.Nodes[I];
    ReportNode RN;
    RN.Index = I;
    RN.Name = Names[I];
    RN.NameGenerated = N.NameWasGenerated || Names[I] != N.Name;
    RN.OpType = N.OpType;
    RN.Domain = N.Domain;
    RN.Status = C.St;
    RN.Problem = C.Problem;
    if (C.Rule)
      RN.Rule = C.Rule->Location;
    RN.Prims = C.Prims;
    RN.TOs = C.TOs;
    RN.MACs = C.MACs;
    RN.FLOPs = C.FLOPs;
    RN.ReadBytes = C.ReadBytes;
    RN.WriteBytes = C.WriteBytes;
    RN.Branch = C.Branch;
    RN.Trips = C.Trips;
    RN.ControlFlow = C.ControlFlow;
    RN.E = E.Nodes[I];
    RN.Share = Total > 0 ? RN.E.totalJ() / Total : 0;
    if (RN.E.Level >= 0)
      RN.Level = T.levels()[RN.E.Level].Name;
    if (C.St != NodeCost::Costed)
      ++R.Uncosted[N.Domain.empty() ? N.OpType : N.Domain + "::" + N.OpType];
    R.Nodes.push_back(std::move(RN));
  }
  switch (Opts.Sort) {
  case SortOrder::Graph:
    break;
  case SortOrder::Energy:
    sortNodes(R.Nodes, [](const ReportNode &A, const ReportNode &B) {
      return A.E.totalJ() > B.E.totalJ();
    });
    break;
  case SortOrder::TOs:
    sortNodes(R.Nodes, [](const ReportNode &A, const ReportNode &B) {
      return A.TOs > B.TOs;
    });
    break;
  }
  R.Diags = Diags.all();
  return R;
}

} // namespace onnx_energy
