//===- Support/Diagnostics.h - Diagnostics that name node and file -*- C++ -*-===//
//
// Recoverable problems found while analyzing a model (an op without a rule, a
// dim that stays unknown, ...) are collected here instead of printed, so that
// every view can report them and the driver can decide the exit code.
// Fatal problems are llvm::Error values instead.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_SUPPORT_DIAGNOSTICS_H
#define ONNX_ENERGY_SUPPORT_DIAGNOSTICS_H

#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
class StringRef;
class Twine;
} // namespace llvm

namespace onnx_energy {

enum class Severity { Note, Warning, Error };

struct Diagnostic {
  Severity Sev = Severity::Warning;
  std::string File;   ///< model path
  std::string Node;   ///< node name, empty for model-level findings
  std::string OpType; ///< of Node
  std::string Code;   ///< stable id, e.g. "unknown-op", "unknown-dim"
  std::string Message;
};

class DiagnosticList {
public:
  void add(Diagnostic D) { Diags.push_back(std::move(D)); }
  const std::vector<Diagnostic> &all() const { return Diags; }
  unsigned count(Severity S) const;
  bool empty() const { return Diags.empty(); }
  /// "model.onnx: node 'fc1' (Gemm): warning: message [code]" per line.
  void print(llvm::raw_ostream &OS) const;

private:
  std::vector<Diagnostic> Diags;
};

const char *severityName(Severity S);

/// A fatal error about a file (a model, a target, a configuration, an
/// output): "PATH: MESSAGE", the form every tool prints before exiting 2.
llvm::Error fileError(llvm::StringRef Path, const llvm::Twine &Message);

} // namespace onnx_energy

#endif
