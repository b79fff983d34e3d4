//===- Energy/Estimate.h - Energy of a lowered graph on a target -*- C++ -*-===//
//
// energy(node) = compute + memory + static
//   compute = TOs x target energy per TO
//   memory  = bytes read x read energy + bytes written x write energy of the
//             level that serves the node
//   static  = target static power x the node's roofline time
//   time    = max(FLOPs / peak(dtype), bytes / bandwidth of that level)
// The level that serves a node is, in this first model, the first level
// (closest to the compute units) whose total capacity over all its instances
// holds the node's whole working set (bytes read + written); the full
// working-set simulation across nodes is a later stage (docs/EnergyModel.md).
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_ENERGY_ESTIMATE_H
#define ONNX_ENERGY_ENERGY_ESTIMATE_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx-energy/Target/Target.h"
#include <vector>

namespace onnx_energy {

struct NodeEstimate {
  bool Costed = false;
  double ComputeJ = 0, MemoryJ = 0, StaticJ = 0;
  double ComputeSeconds = 0, MemorySeconds = 0;
  int Level = -1;        ///< index into Target::levels() serving the node
  const char *PeakDType = nullptr; ///< element type whose peak timed it
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
  double ComputeJ = 0, MemoryJ = 0, StaticJ = 0, Seconds = 0;
  double totalJ() const { return ComputeJ + MemoryJ + StaticJ; }
};

Estimate estimateEnergy(const Graph &G, const LoweredGraph &L, const Target &T,
                        DiagnosticList &Diags);

} // namespace onnx_energy

#endif
