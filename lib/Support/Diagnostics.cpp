//===- Support/Diagnostics.cpp - Diagnostics that name node and file ------===//
//
// Printing and counting of the diagnostics collected while analyzing a model.
// One diagnostic is one line, in the form compilers use, so editors and
// scripts can pick the file and the node out of it.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Support/Diagnostics.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"

namespace onnx_energy {

const char *severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "unknown";
}

llvm::Error fileError(llvm::StringRef Path, const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 (Path + ": " + Message).str());
}

unsigned DiagnosticList::count(Severity S) const {
  unsigned N = 0;
  for (const Diagnostic &D : Diags)
    N += D.Sev == S;
  return N;
}

void DiagnosticList::print(llvm::raw_ostream &OS) const {
  for (const Diagnostic &D : Diags) {
    if (!D.File.empty())
      OS << D.File << ": ";
    if (!D.Node.empty()) {
      OS << "node '" << D.Node << "'";
      if (!D.OpType.empty())
        OS << " (" << D.OpType << ")";
      OS << ": ";
    }
    OS << severityName(D.Sev) << ": " << D.Message;
    if (!D.Code.empty())
      OS << " [" << D.Code << "]";
    OS << "\n";
  }
}

} // namespace onnx_energy
