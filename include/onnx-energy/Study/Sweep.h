//===- Study/Sweep.h - Scaling studies over generated networks ---*- C++ -*-===//
//
// A sweep analyzes every network of a grid (BUTTER shape or explicit widths,
// parameter count, depth, batch, activation, batch normalisation, dtype)
// on every target of the grid, in parallel on LLVM's thread pool, and keeps
// the results in grid order so that the CSV and the plots are the same
// whatever the thread count. The networks come from NetGen/ (serialized without
// weights, imported from memory), the analysis is the analyzer's own
// pipeline (Import -> Lower -> Energy). docs/Scaling.md.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_STUDY_SWEEP_H
#define ONNX_ENERGY_STUDY_SWEEP_H

#include "onnx-energy/Energy/MemorySim.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/NetGen/Networks.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace onnx_energy {

class Target;

struct SweepGrid {
  /// BUTTER shapes sized to each of Params; empty with Widths set: one
  /// explicit-width family per entry of Widths.
  std::vector<NetShape> Shapes;
  std::vector<uint64_t> Params;
  std::vector<unsigned> Depths;
  /// Explicit hidden widths ("ffn" families); used when Shapes is empty.
  std::vector<std::vector<uint64_t>> Widths;
  uint64_t Inputs = 0, Outputs = 0;
  std::vector<int64_t> Batches = {1};
  std::vector<const Target *> Targets;
  std::vector<Activation> Activations = {Activation::Relu};
  std::vector<bool> BatchNorm = {false};
  std::vector<ElemType> DTypes = {ElemType::Float};
  MemoryModel Memory = MemoryModel::LRU;
  /// --mode=train: every point is one training step (docs/Training.md);
  /// the batch is the grid's, DatasetSize and Epochs give the per-epoch
  /// figures.
  TrainOptions Train;
};

/// One analyzed grid point.
struct SweepPoint {
  // The network.
  std::string Family;            ///< shape name or "ffn"
  unsigned Depth = 0;
  uint64_t TargetParams = 0;     ///< 0 for explicit widths
  uint64_t Params = 0;           ///< dense parameters of the network
  std::vector<uint64_t> Widths;
  Activation Act = Activation::Relu;
  bool BatchNorm = false;
  ElemType DType = ElemType::Float;
  int64_t Batch = 1;
  std::string Target;
  // The analysis.
  unsigned Nodes = 0, Costed = 0;
  int64_t TOs = 0, MACs = 0, FLOPs = 0;
  double EnergyJ = 0, ComputeJ = 0, MemoryJ = 0, StaticJ = 0, Seconds = 0;
  std::vector<std::pair<std::string, double>> LevelJ; ///< per memory level
  std::string Error; ///< set when this point could not be analyzed
  // Train mode (SweepGrid::Train): EnergyJ is one step's.
  bool Train = false;
  std::string Optimizer;
  int64_t StepsPerEpoch = 1;
  int64_t FwdTOs = 0, BwdTOs = 0, UpdateTOs = 0;
  double WorkingSet = 0;          ///< the step's (docs/Training.md)
  std::string StepLevel, DataLevel;
  /// Copies of the weights the placement replicates: 1 in inference,
  /// weights + gradients + optimizer state tensors in training.
  unsigned WeightCopies = 1;
  double energyPerDatum() const { return EnergyJ / double(Batch); }
  double energyPerEpoch() const { return EnergyJ * double(StepsPerEpoch); }
};

struct SweepOptions {
  unsigned Threads = 0; ///< 0: all hardware threads
  /// Called after each point (from worker threads, serialized): done, total.
  std::function<void(size_t, size_t)> Progress;
};

/// Number of points the grid describes (networks x batches x targets x ...).
size_t sweepSize(const SweepGrid &G);

/// Runs the grid. Errors for an invalid grid (no targets, no sizes, a size
/// the generator refuses); a point whose analysis fails keeps its Error and
/// the sweep goes on.
llvm::Expected<std::vector<SweepPoint>> runSweep(const SweepGrid &G,
                                                 const SweepOptions &Opts);

/// One row per point, a header line first; deterministic.
void writeSweepCSV(llvm::ArrayRef<SweepPoint> Points, llvm::raw_ostream &OS);

/// Energy per datum against parameters (log-log), one panel per target, one
/// line per network configuration, with the target's cache boundaries as
/// vertical lines at the parameter count whose weights fill each level.
void writeEnergySVG(llvm::ArrayRef<SweepPoint> Points,
                    llvm::ArrayRef<const Target *> Targets,
                    llvm::raw_ostream &OS);

/// TOs against FLOPs (log-log) for each distinct network (target-free),
/// coloured by activation, hollow markers with batch normalisation: what the
/// non-linear choices cost beyond their FLOPs.
void writeTOsSVG(llvm::ArrayRef<SweepPoint> Points, llvm::raw_ostream &OS);

/// Parses "2^5..2^24" (powers of two, exponent step 1, or ":K" for step K),
/// "1000,5000,1e5", or a mix of comma-separated items.
llvm::Expected<std::vector<uint64_t>> parseCountList(llvm::StringRef S);

} // namespace onnx_energy

#endif
