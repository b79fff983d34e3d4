//===- Analysis/Analysis.h - The analyzer's pipeline in one call --*- C++ -*-===//
//
// The analyzer's pipeline (Import -> Lower -> Energy) behind one call, shared
// by every command of the analyzer's driver (the report, `annotate`, `lint`)
// and by the runner, which compares a measurement with what the analyzer
// predicts for the same model, shapes and target; calibration needs the
// quantities the prediction is made of (TOs, bytes served by each memory
// level, roofline seconds). The views (Views/Report.h) render its result.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_ANALYSIS_ANALYSIS_H
#define ONNX_ENERGY_ANALYSIS_ANALYSIS_H

#include "onnx-energy/Energy/Estimate.h"
#include "onnx-energy/Energy/MemorySim.h"
#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Import/Import.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx-energy/Target/Target.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace onnx_energy {

struct AnalysisOptions {
  ImportOptions Import;
  LowerOptions Lower;
  MemoryModel Memory = MemoryModel::LRU;
};

/// A graph input the engine must be fed: name, element type, shape.
struct InputSpec {
  std::string Name;
  ElemType Type = ElemType::Undefined;
  std::vector<int64_t> Shape;
};

/// What the energy model multiplies by its coefficients: the prediction is
///   TOs x energy per TO + sum over levels of LevelBytes x energy per byte
///   + Seconds x static power
/// (with read and write energies of a level taken equal; docs/Runner.md).
struct EnergyFeatures {
  double TOs = 0;
  std::vector<double> LevelBytes; ///< read + written, per Target::levels()
  std::vector<double> LevelReadBytes, LevelWriteBytes;
  double Seconds = 0;             ///< roofline time of the costed nodes
};

/// How far runPipeline() goes.
enum class PipelineStage { Import, Lower, Estimate };

struct Prediction {
  Graph G;
  LoweredGraph L; ///< empty when the pipeline stopped after Import
  /// Empty when the pipeline stopped before Energy (asked to, or because
  /// lowering left error diagnostics); Estimated says which.
  Estimate E;
  bool Estimated = false;
  DiagnosticList Diags;
  const Target *T = nullptr;
  EnergyFeatures Features;
  unsigned NumNodes = 0, NumCosted = 0;
};

/// Runs the pipeline on the model at Path up to Stop. The error is the
/// importer's (naming the file); policy errors of lowering
/// (--unknown-ops=error) stay in Diags and stop the pipeline before Energy.
/// Features are left empty.
llvm::Expected<Prediction> runPipeline(llvm::StringRef Path,
                                       const AnalysisOptions &Opts,
                                       const Target &T,
                                       PipelineStage Stop =
                                           PipelineStage::Estimate);

/// Imports, lowers and estimates the model at Path on T, and fills Features.
/// Errors are the importer's (naming the file) and policy errors
/// (--unknown-ops=error), with the diagnostics in the message.
llvm::Expected<Prediction> predict(llvm::StringRef Path,
                                   const AnalysisOptions &Opts,
                                   const Target &T);

/// The graph inputs with every dimension known, or an error naming the
/// input and the dimension and saying which option gives it a value.
llvm::Expected<std::vector<InputSpec>> resolvedInputs(const Graph &G);

} // namespace onnx_energy

#endif
