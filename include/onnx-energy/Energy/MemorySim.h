//===- Energy/MemorySim.h - Where each byte comes from ------------*- C++ -*-===//
//
// Simulates the tensors of a lowered graph against a target's memory levels
// and returns, per node, the bytes read and written at each level. Two models
// (docs/MemoryModel.md):
//
//  - ButterE: the placement rule of BUTTER-E (Tripp et al. 2024) per node: the
//    node's working set is split into a replicated part (weights, which every
//    compute unit needs) and a distributed part (activations, split across
//    units); it lands in the first level whose cumulative per-unit capacity
//    holds replicated + distributed/units, and every byte is charged there.
//  - LRU (the default): tensors stay resident between producer and consumers
//    while they fit. Each cache level holds whole tensors under LRU in
//    execution order, and holds a node's operands only when it holds the
//    node's whole working set: a node that does not fit streams through the
//    level and leaves nothing in it, as line-granular LRU does (checked
//    against cachegrind). A tensor dies after its last consumer. The schedule is
//    run twice and the second, steady-state inference is reported, so weights
//    that fit stay cached and graph inputs are fetched anew. GEMM-like nodes
//    (MatMul, Gemm, Conv, ...) whose operands do not fit a level are charged
//    the extra traffic of a square tiling that fits it.
//
// A lowered training step (LoweredGraph::Train) is placed by BUTTER-E's
// training working sets whichever model is asked for: weights + gradients
// + optimizer state replicated, the activations kept for backward
// distributed, and the data set on top (docs/Training.md).
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_ENERGY_MEMORYSIM_H
#define ONNX_ENERGY_ENERGY_MEMORYSIM_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Target/Target.h"
#include <vector>

namespace onnx_energy {

enum class MemoryModel { ButterE, LRU };

/// Where one operand of a node was found (reads) or put (writes).
struct OperandPlacement {
  int ValueId = -1;
  bool IsWrite = false;
  bool Replicated = false; ///< weight: every compute unit needs all of it
  int Level = -1;          ///< index into Target::levels()
  double Bytes = 0;
};

struct NodeTraffic {
  std::vector<double> ReadBytes, WriteBytes; ///< per level
  std::vector<OperandPlacement> Operands;
  double WorkingSet = 0;  ///< bytes of all operands
  double TilingExtra = 0; ///< bytes re-read because a tiling had to fit a level
  /// First cache level the node's working set does not fit in (per the
  /// model's footprint rule), or -1 when it fits the first level.
  int SpillsFrom = -1;
  /// The level that served most of the node's bytes.
  int DominantLevel = -1;
};

/// Train mode (LoweredGraph::Train): BUTTER-E's training working sets of
/// one step, placed with its rule (docs/Training.md).
struct TrainingPlacement {
  bool Enabled = false;
  /// Replicated: weights, their gradients and the optimizer state.
  double Weights = 0, Gradients = 0, State = 0;
  /// Distributed: the activations kept for the backward pass.
  double Activations = 0;
  /// The training data of an epoch (--dataset-size x bytes per datum).
  double DataSet = 0;
  int StepLevel = -1; ///< where the step's working set lands
  int DataLevel = -1; ///< where the data set lands, on top of it
  double replicated() const { return Weights + Gradients + State; }
};

struct MemorySimResult {
  MemoryModel Model = MemoryModel::LRU;
  std::vector<NodeTraffic> Nodes; ///< parallel to Graph::Nodes
  TrainingPlacement Train;
};

/// The first level whose cumulative per-unit capacity holds Replicated +
/// Distributed / units (BUTTER-E's placement rule); the last level
/// (main memory) when no cache does.
unsigned placeWorkingSet(const Target &T, double Replicated,
                         double Distributed);

/// Cumulative per-unit capacity of levels 0..L (BUTTER-E's accumulation).
double cumulativePerUnitCapacity(const Target &T, unsigned L);

MemorySimResult simulateMemory(const Graph &G, const LoweredGraph &L,
                               const Target &T, MemoryModel Model);

} // namespace onnx_energy

#endif
