//===- Import/Import.h - Reading ONNX models into the Graph -------*- C++ -*-===//
//
// The Import stage reads a binary (.onnx) or text (.onnxtxt) ONNX model, with
// inline or external weights, into the analyzer's Graph: nodes topologically
// sorted, every value typed and shaped by ONNX shape inference after the
// user's --dim and --input choices are applied. Weights are never read: the
// file is mapped and tensor payloads are skipped while the protobuf wire
// format is walked, and external data files are only checked (exist, stay
// inside the model's folder, are long enough). This is the only stage besides
// Annotate that touches ONNX's protobuf classes.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_IMPORT_IMPORT_H
#define ONNX_ENERGY_IMPORT_IMPORT_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}
namespace onnx {
class ModelProto;
}

namespace onnx_energy {

struct ImportOptions {
  /// --dim NAME=VALUE: symbolic dim (dim_param) NAME is VALUE everywhere.
  std::map<std::string, int64_t> Dims;
  /// --input NAME=1x3x224x224: the graph input NAME has this shape.
  std::map<std::string, std::vector<int64_t>> InputShapes;
  /// --input-data [NAME=]FILE.pb: (input name or "" for the name stored in
  /// the file, path) of a serialized TensorProto, or SequenceProto for a
  /// sequence input, as ONNX's test data sets store inputs. The value pins
  /// the input's shape; small integer, bool and float values and sequence
  /// lengths become known to shape folding and to the lowering rules (a
  /// Loop's trip count, a CumSum axis, a window length).
  std::vector<std::pair<std::string, std::string>> InputData;
  /// --input-data-dir DIR: DIR/input_K.pb is the value of the K-th graph
  /// input that is not an initializer (or of the input its name says).
  std::string InputDataDir;
  /// --batch=N: dim 0 of the first graph input (not a weight, not named by
  /// --input), and of every other input whose dim 0 is the same symbol or
  /// number, is N: a symbolic dim 0 is replaced everywhere, a fixed one is
  /// overridden and the file's intermediate shapes are inferred anew.
  std::optional<int64_t> Batch;
  /// Run ONNX shape inference (off only to look at the file as written).
  bool ShapeInference = true;
};

/// How a model file is written. Auto decides by extension (.onnx, .pb:
/// binary; .onnxtxt, .onnxtext, .txt: text) and else by looking at the bytes.
enum class ModelFormat { Auto, Binary, Text };

/// Reads the model at Path. Fatal problems (unreadable or malformed file,
/// cycle, dangling value, bad external data, bad option) are errors whose
/// message starts with Path; recoverable ones (a dim that stays unknown, a
/// --dim nobody uses) are added to Diags.
llvm::Expected<Graph> importModel(llvm::StringRef Path,
                                  const ImportOptions &Opts,
                                  DiagnosticList &Diags);

/// Same, from bytes already in memory (fuzzers, tests). Path names the model
/// in messages and is the folder external data is resolved against.
llvm::Expected<Graph> importModelFromBuffer(llvm::MemoryBufferRef Buffer,
                                            llvm::StringRef Path,
                                            const ImportOptions &Opts,
                                            DiagnosticList &Diags,
                                            ModelFormat Format =
                                                ModelFormat::Auto);

/// For Annotate, which writes a copy of the model: reads the whole
/// ModelProto at Path (binary or text, as importModel decides), inline tensor
/// data included; external data stays where it is and is not read. Errors
/// name the file.
llvm::Error readModelProtoForCopy(llvm::StringRef Path, onnx::ModelProto &M);

/// Parse "NAME=VALUE" (--dim) and "NAME=1x3x224x224" (--input) into Opts.
llvm::Error parseDimOption(llvm::StringRef S, ImportOptions &Opts);
llvm::Error parseInputOption(llvm::StringRef S, ImportOptions &Opts);
/// Parse "[NAME=]FILE.pb" (--input-data) into Opts.
llvm::Error parseInputDataOption(llvm::StringRef S, ImportOptions &Opts);

/// A stable, line-oriented dump for FileCheck: model header, opsets, inputs,
/// initializers (shape, dtype, bytes, inline or external), nodes in
/// topological order (name, op, domain, opset, attributes, inputs and
/// outputs with dtype and shape), outputs.
void printGraph(const Graph &G, llvm::raw_ostream &OS);

} // namespace onnx_energy

#endif
