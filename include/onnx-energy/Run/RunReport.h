//===- Run/RunReport.h - Predicted against measured ---------------*- C++ -*-===//
//
// The runner's report: the analyzer's prediction for the model on the
// target, the measurement (time and energy per inference with their
// intervals, the idle baseline, the meters used), their ratios, and the
// cache traffic cachegrind saw against the traffic the memory simulation
// predicted. One data set rendered as text or JSON; the JSON is also what
// --calibrate reads back.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_RUN_RUNREPORT_H
#define ONNX_ENERGY_RUN_RUNREPORT_H

#include "onnx-energy/Analysis/Analysis.h"
#include "onnx-energy/Run/Cachegrind.h"
#include "onnx-energy/Run/Measure.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace onnx_energy {

struct PredictionSummary {
  double EnergyJ = 0, ComputeJ = 0, MemoryJ = 0, StaticJ = 0, Seconds = 0;
  double TOs = 0;
  unsigned Nodes = 0, Costed = 0;
  std::vector<std::string> LevelNames;
  EnergyFeatures Features;
};

PredictionSummary summarizePrediction(const Prediction &P);

/// Cachegrind's per-inference traffic against the memory simulation's.
struct TrafficComparison {
  CacheGeometry I1, D1, LL;
  CacheTraffic Measured;
  unsigned Inferences = 0; ///< inferences the two runs differed by
  std::string FirstLevel, MainLevel; ///< "L1", "DRAM"
  double PredictedBeyondFirst = 0;   ///< bytes served by the levels past L1
  double PredictedMain = 0, PredictedMainRead = 0, PredictedMainWrite = 0;
};

struct RunReport {
  std::string ToolVersion;
  std::string ModelPath; ///< empty for --exec without a model
  std::string TargetName;
  std::map<std::string, std::string> Parameters;
  std::optional<PredictionSummary> Pred;
  std::optional<Measurement> Meas;
  std::optional<TrafficComparison> Traffic;
  std::vector<std::string> Notes;
};

void renderRunText(const RunReport &R, llvm::raw_ostream &OS);
void renderRunJSON(const RunReport &R, llvm::raw_ostream &OS);

/// What --calibrate needs from a report written by renderRunJSON.
struct RecordedRun {
  std::string File;      ///< the JSON file
  std::string ModelPath; ///< as recorded, resolved against File's folder
  std::string Target;
  std::map<std::string, std::string> Parameters;
  double EnergyAboveIdleJ = 0; ///< median per inference
  double Seconds = 0;          ///< median per inference
};

llvm::Expected<RecordedRun> readRunJSON(llvm::StringRef Path);

} // namespace onnx_energy

#endif
