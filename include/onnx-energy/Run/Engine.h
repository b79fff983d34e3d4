//===- Run/Engine.h - Executing a model ---------------------------*- C++ -*-===//
//
// The runner executes the model with OpenCV's DNN module on the CPU, fed with
// random inputs of the shapes the analyzer resolved (the same --dim and
// --input), so that the measurement and the prediction are about the same
// computation. A model the engine cannot run is an error naming the node and
// op it stopped at.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_RUN_ENGINE_H
#define ONNX_ENERGY_RUN_ENGINE_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Analysis/Analysis.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <string>

namespace onnx_energy {

class Engine {
public:
  virtual ~Engine();
  /// "OpenCV 4.6.0 DNN, CPU, 2 threads".
  virtual std::string description() const = 0;
  /// Runs N inferences back to back on the same inputs.
  virtual llvm::Error run(unsigned N) = 0;
};

struct EngineOptions {
  /// Worker threads; 0 keeps OpenCV's default (all cores).
  unsigned Threads = 0;
  /// Seed of the random inputs.
  uint64_t Seed = 1;
};

/// The model as a binary ModelProto with its weights: the file itself for a
/// binary model, the text syntax (.onnxtxt) parsed and serialized. (Only
/// Import and Annotate touch ONNX's protobuf classes otherwise; the engine
/// needs the weights the analyzer never reads.)
llvm::Expected<std::string> modelBytes(llvm::StringRef Path);

/// Loads the model at Path into OpenCV's DNN module and prepares random
/// inputs: floating-point inputs uniform in [0, 1), integer and boolean
/// inputs zero (always a valid index). G is the analyzer's graph of the same
/// file, used to name the node an OpenCV error is about.
llvm::Expected<std::unique_ptr<Engine>>
openOpenCVEngine(llvm::StringRef Path, const Graph &G,
                 llvm::ArrayRef<InputSpec> Inputs, const EngineOptions &Opts);

/// Turns the text of an OpenCV exception into one sentence that names the
/// node and op, e.g. "node 'fc' (Gemm): OpenCV's importer rejects it
/// (assertion failed: ...)". Exposed for tests.
std::string explainOpenCVError(llvm::StringRef What, const Graph &G);

} // namespace onnx_energy

#endif
