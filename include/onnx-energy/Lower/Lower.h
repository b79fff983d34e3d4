//===- Lower/Lower.h - Nodes to primitive counts and TOs ----------*- C++ -*-===//
//
// The Lower stage applies the lowering rule of each node (ops/*.td) to its
// resolved shapes: primitive counts with the element type they run at, the
// transistor operations (TOs) they cost, MACs, FLOPs, and bytes read and
// written. A node without a rule, or whose shapes cannot be resolved, is not
// costed and gets a diagnostic naming it; nothing is silently zero.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LOWER_LOWER_H
#define ONNX_ENERGY_LOWER_LOWER_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Ops/TableTypes.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onnx_energy {

/// Count primitives of one kind at one element type within a node.
struct PrimitiveUse {
  unsigned Primitive;
  unsigned DType;
  int64_t Count = 0;
  int64_t TOs = 0;
};

/// The share of a node's cost that one phase of a training step has
/// (docs/Training.md); in inference only Fwd is used.
struct PhaseCost {
  int64_t TOs = 0, MACs = 0, FLOPs = 0, ReadBytes = 0, WriteBytes = 0;
  std::vector<PrimitiveUse> Prims; ///< NodeCost only; LoweredGraph sums none
};

struct NodeCost {
  enum Status { Costed, NoRule, Unresolved };
  Status St = NoRule;
  const LoweringRow *Rule = nullptr;
  std::vector<PrimitiveUse> Prims;
  int64_t TOs = 0, MACs = 0, FLOPs = 0, ReadBytes = 0, WriteBytes = 0;
  std::string Problem; ///< why not costed
  /// Control flow (If, Loop, Scan, SequenceMap): the body's cost is folded
  /// into this node's (primitive uses summed, totals and bytes x Trips);
  /// Gradient folds in its differentiated subgraph x 2 or 3 (ControlFlow).
  std::string Branch;   ///< If: "then" or "else", the branch costed
  int64_t Trips = -1;   ///< Loop/Scan: iterations costed (-1: not such a node)
  std::string ControlFlow; ///< how: "branch then (costlier: ...)", "trips 5 (constant M)"
  std::string DiagCode; ///< diagnostic code when not costed ("" = by status)
  bool NestedNoRule = false; ///< not costed because a body node has no rule
  /// Train mode: the totals above are Fwd + Bwd + Update. Bwd is the node's
  /// backward pass (its rule's GradientRow), Update the optimizer's step on
  /// the trainable parameters this node is the first consumer of.
  PhaseCost Fwd, Bwd, Update;
  bool Backward = false;     ///< the node runs a backward pass
  int64_t ParamElems = 0;    ///< elements of the parameters it updates
  int64_t ParamBytes = 0;    ///< their bytes
  std::vector<int> Params;   ///< value ids of those parameters
};

/// "costed", "no-rule" or "unresolved": the status as reports spell it.
const char *statusName(NodeCost::Status S);

enum class UnknownOpPolicy { Warn, Error };

/// Which branch of an If with a non-constant condition is costed.
enum class IfBranchPolicy { Costlier, Then, Else };

/// --mode=train and its options (docs/Training.md).
struct TrainOptions {
  bool Enabled = false;
  /// The update applied to every trainable parameter per step; required
  /// when Enabled (findOptimizer("sgd") for the default).
  const OptimizerRow *Optimizer = nullptr;
  /// --dataset-size: training data per epoch; 0 = one batch.
  int64_t DatasetSize = 0;
  /// --epochs
  int64_t Epochs = 1;
};

struct LowerOptions {
  UnknownOpPolicy UnknownOps = UnknownOpPolicy::Warn;
  /// --if-branch: a constant condition always picks its own branch.
  IfBranchPolicy IfBranch = IfBranchPolicy::Costlier;
  /// --loop-trips=N: iterations of a Loop whose trip count is not a constant
  /// of the graph; unset: such a Loop is not costed (a diagnostic).
  std::optional<int64_t> LoopTrips;
  TrainOptions Train;
};

struct LoweredGraph {
  std::vector<NodeCost> Nodes; ///< parallel to Graph::Nodes
  unsigned NumCosted = 0;
  int64_t TOs = 0, MACs = 0, FLOPs = 0;
  /// Per (primitive, dtype) totals over the costed nodes.
  std::vector<PrimitiveUse> Prims;

  // Train mode (Train.Enabled).
  TrainOptions Train;
  PhaseCost Fwd, Bwd, Update; ///< sums over the costed nodes
  int64_t Batch = 0;          ///< dim 0 of the first graph input (0: unknown)
  int64_t ParamElems = 0, ParamBytes = 0; ///< trainable parameters
  /// Bytes of one optimizer state tensor set (StateTensors x ParamBytes).
  int64_t StateBytes = 0;
  /// Activations kept for the backward pass: every tensor that is not a
  /// weight and that a node with a backward pass reads or writes, once.
  int64_t SavedBytes = 0;
  /// Bytes of one datum: graph inputs and outputs (the labels, as
  /// BUTTER-E's n_features + outputs) divided by the batch.
  int64_t DatumBytes = 0;
  /// value id -> trainable parameter (float weight that gets a gradient).
  std::vector<bool> Trainable;
  /// Steps per epoch: ceil(dataset / batch), 1 when no dataset size is set.
  int64_t stepsPerEpoch() const {
    if (Train.DatasetSize <= 0 || Batch <= 0)
      return 1;
    return (Train.DatasetSize + Batch - 1) / Batch;
  }
};

/// The training options from the tools' flags: Mode "infer" or "train",
/// an optimizer of ops/Optimizers.td, DatasetSize >= 0 (0: one batch),
/// Epochs >= 1. The error names the flag and the accepted values.
llvm::Expected<TrainOptions> makeTrainOptions(llvm::StringRef Mode,
                                              llvm::StringRef Optimizer,
                                              int64_t DatasetSize,
                                              int64_t Epochs);

/// Lowers every node. Problems go to Diags (as errors for unknown ops under
/// UnknownOpPolicy::Error, else warnings); the caller decides the exit code.
LoweredGraph lowerGraph(const Graph &G, const LowerOptions &Opts,
                        DiagnosticList &Diags);

} // namespace onnx_energy

#endif
