//===- Energy/Estimate.h - Energy of a lowered graph on a target -*- C++ -*-===//
//
// energy(node) = compute + memory + static
//   compute = TOs x target energy per TO
//   memory  = sum over levels of bytes read x read energy + bytes written x
//             write energy, with the bytes per level from the memory
//             simulation (Energy/MemorySim.h)
//   static  = target static power x the node's roofline time
//   time    = max(FLOPs / peak(dtype), max over levels of bytes / bandwidth)
// See docs/EnergyModel.md and docs/MemoryModel.md.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_ENERGY_ESTIMATE_H
#define ONNX_ENERGY_ENERGY_ESTIMATE_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Energy/MemorySim.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx-energy/Target/Target.h"
#include <vector>

namespace onnx_energy {

struct NodeEstimate {
  bool Costed = false;
  double ComputeJ = 0, MemoryJ = 0, StaticJ = 0;
  double ComputeSeconds = 0, MemorySeconds = 0;
  int Level = -1;        ///< index into Target::levels() serving most bytes
  int SpillsFrom = -1;   ///< deepest cache level the working set exceeds
  double WorkingSet = 0, TilingExtra = 0;
  std::vector<double> ReadBytes, WriteBytes; ///< per level
  const char *PeakDType = nullptr; ///< element type whose peak timed it
  const char *PeakUnit = nullptr;  ///< the target's UnitKind that timed it
  double totalJ() const { return ComputeJ + MemoryJ + StaticJ; }
  double seconds() const {
    return ComputeSeconds > MemorySeconds ? ComputeSeconds : MemorySeconds;
  }
  bool computeBound() const { return ComputeSeconds >= MemorySeconds; }
};

struct LevelTotals {
  double ReadBytes = 0, WriteBytes = 0, Joules = 0;
  unsigned Nodes = 0; ///< nodes served from this level
};

struct Estimate {
  std::vector<NodeEstimate> Nodes; ///< parallel to Graph::Nodes
  std::vector<LevelTotals> Levels; ///< parallel to Target::levels()
  TrainingPlacement Train;         ///< train mode: the step's working sets
  double ComputeJ = 0, MemoryJ = 0, StaticJ = 0, Seconds = 0;
  double totalJ() const { return ComputeJ + MemoryJ + StaticJ; }
};

Estimate estimateEnergy(const Graph &G, const LoweredGraph &L, const Target &T,
                        DiagnosticList &Diags,
                        MemoryModel Model = MemoryModel::LRU);

} // namespace onnx_energy

#endif
