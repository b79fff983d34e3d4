//===- Import/ImportInternal.h - Pieces of the Import stage -------*- C++ -*-===//
//
// Internal to lib/Import: the steps importModel() chains (read the file into
// a weight-less ModelProto, check external data) so that each can be written
// and tested on its own. Nothing outside lib/Import includes this.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LIB_IMPORT_IMPORTINTERNAL_H
#define ONNX_ENERGY_LIB_IMPORT_IMPORTINTERNAL_H

#include "WireStrip.h"
#include "onnx-energy/Import/Import.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx-energy/Import/ShapeFolding.h"
#include "onnx/onnx_pb.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <optional>
#include <vector>

namespace onnx_energy {
namespace detail {

/// Decides binary or text for Auto by the name, then by the bytes.
ModelFormat detectFormat(llvm::StringRef Path, llvm::StringRef Bytes);

/// Parses Buffer into M: binary through stripTensorPayloads(), text through
/// ONNX's parser after blanking full-line '//' comments (so line numbers in
/// parse errors stay those of the file).
llvm::Error readModelProto(llvm::MemoryBufferRef Buffer, llvm::StringRef Path,
                           ModelFormat Format, onnx::ModelProto &M,
                           StripStats &Stats);

/// Reads the model file Path into M and sets FileBytes to its size. A binary
/// model is read through stripTensorPayloadsFromFile(): its weights are
/// jumped over, never read nor mapped. Text models, and files that are not
/// regular files (pipes), are read whole and go through readModelProto().
llvm::Error readModelFile(llvm::StringRef Path, onnx::ModelProto &M,
                          StripStats &Stats, uint64_t &FileBytes);

/// Text models nest brackets ({ ( [) at most this deep: ONNX's parser
/// recurses into each, without a limit of its own.
constexpr unsigned MaxTextNesting = 100;

/// An error "<Path>:LINE:COL: ..." where \p Text nests brackets deeper than
/// MaxTextNesting (strings and '#' comments skipped).
llvm::Error checkTextNesting(llvm::StringRef Text, llvm::StringRef Path);

/// Checks every tensor stored outside the model (data_location EXTERNAL):
/// its file exists inside the model's folder (no absolute path, no '..' out
/// of it, no symbolic link leading out) and is long enough. Nothing is read.
llvm::Error checkExternalData(const onnx::ModelProto &M, llvm::StringRef Path);

/// The recorded value of a graph input (--input-data, --input-data-dir).
struct InputValue {
  enum KindT { Tensor, Sequence, Ignored };
  KindT Kind = Tensor;
  std::string Name; ///< the graph input
  std::string File;
  std::vector<int64_t> Dims;          ///< Tensor: its shape
  std::optional<FoldedTensor> Value;  ///< Tensor: small foldable data
  int64_t SequenceLength = -1;        ///< Sequence: number of elements
  /// Sequence of tensors of one rank: the dims its elements share (-1
  /// where they differ).
  bool ElementRankKnown = false;
  std::vector<int64_t> ElementDims;
  std::string Warning;                ///< what was not used, and why
};

/// Reads the files Opts.InputData and Opts.InputDataDir name for the graph
/// inputs of G (those not in WeightNames). Errors name the file and say
/// what does not match (no such input, another element type or shape, not
/// a TensorProto). Nothing but the dims and small values is kept.
llvm::Expected<std::vector<InputValue>>
loadInputData(const ImportOptions &Opts, const onnx::GraphProto &G,
              const std::unordered_set<std::string> &WeightNames,
              llvm::StringRef ModelPath);

/// True if T's data lives in an external file.
bool isExternal(const onnx::TensorProto &T);

/// The Graph form of an attribute (tensors keep type, dims and small
/// integer data; graphs only their names).
Attribute convertAttribute(const onnx::AttributeProto &A);

/// T's elements when T is an int64, int32, bool (and, with AllowReal, float
/// or double) tensor of at most MaxElements elements whose data is in
/// memory; nullopt otherwise.
std::optional<FoldedTensor> decodeTensor(const onnx::TensorProto &T,
                                         int64_t MaxElements, bool AllowReal);

/// The shape-folding pass on the ModelProto graph (Import/ShapeFolding.h;
/// the loop that alternates it with ONNX's inference is in Import.cpp).
/// Node I of the graph swept is named NodeNames[I] in diagnostics; the
/// graph's nodes must keep their order between sweeps.
class ShapeFolder {
public:
  ShapeFolder(llvm::StringRef Path, DiagnosticList &Diags,
              FoldLimits Limits = {})
      : Path(Path.str()), Diags(Diags), Limits(Limits) {}

  /// Folds, in node order, every node of G that can be folded now: its op
  /// is foldable, its domain one of OnnxDomains (ai.onnx at version
  /// Opset), and its inputs are folded values, integer initializers or,
  /// for Shape and Size, values whose dims G's value_info holds. Failures
  /// (overflow, division by zero, ...) are warnings "shape-fold", once per
  /// node. Returns the number of nodes newly folded.
  unsigned sweep(const onnx::GraphProto &G,
                 const std::vector<std::string> &NodeNames, int Opset,
                 const std::vector<std::string> &OnnxDomains);

  /// True if a node other than a Constant was folded since the last
  /// publish(): ONNX's inference has not seen its value yet.
  bool hasUnpublished() const { return Unpublished; }

  /// In Scratch, a copy of the graph swept, replaces every folded node
  /// other than a Constant by a Constant node of the same name and output
  /// holding the value. Returns the indices of the nodes replaced.
  std::vector<int> publish(onnx::GraphProto &Scratch);

  /// Makes Name (a graph input) hold Value, as if a node had computed it:
  /// the nodes reading it fold on the next sweep.
  void seed(const std::string &Name, FoldedTensor Value) {
    Values[Name] = std::move(Value);
    Seeded.push_back(Name);
    Unpublished = true;
  }
  /// Makes the sequence Name (a graph input) have Length elements, for the
  /// SequenceLength nodes that read it.
  void seedSequenceLength(const std::string &Name, int64_t Length) {
    SequenceLengths[Name] = Length;
    Unpublished = true;
  }

  /// The value folded for the node output Name, or null.
  const FoldedTensor *value(const std::string &Name) const {
    auto It = Values.find(Name);
    return It == Values.end() ? nullptr : &It->second;
  }

  /// Nodes folded so far, Constant nodes included.
  unsigned foldedNodes() const { return NumFolded; }

  /// No more than this many elements are folded in one model (all values
  /// together), so memory stays bounded whatever the graph.
  static constexpr int64_t MaxTotalElements = int64_t(1) << 20;

private:
  enum class State : uint8_t { Pending, Folded, Failed, Never };

  void warn(const onnx::NodeProto &NP, const std::string &Name,
            const std::string &Message);

  std::string Path;
  DiagnosticList &Diags;
  FoldLimits Limits;
  std::vector<State> States;
  std::unordered_map<std::string, FoldedTensor> Values;
  /// Graph inputs given values by seed(), published as initializers.
  std::vector<std::string> Seeded;
  std::unordered_map<std::string, int64_t> SequenceLengths;
  /// Decoded integer initializers (nullopt: not decodable).
  std::unordered_map<std::string, std::optional<FoldedTensor>> InitValues;
  int64_t TotalElements = 0;
  bool Exhausted = false;
  bool Unpublished = false;
  unsigned NumFolded = 0;
};

} // namespace detail
} // namespace onnx_energy

#endif
