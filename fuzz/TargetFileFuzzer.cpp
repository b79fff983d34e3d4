//===- fuzz/TargetFileFuzzer.cpp - libFuzzer target for --target-file -----===//
//
// The bytes are a user's target file: TableGen parses them against
// targets/TargetSchema.td (from the source tree), the reader of lib/TargetDesc
// validates the Target records, and the registry builds and initialises the
// targets (loadTargetBuffer, as --target-file does). Every target that loads
// then prices a small fixed model and prints its sources and a report, so
// that hostile figures (zero, negative, huge, NaN-producing) reach the
// energy model. Whatever the bytes: targets or an error, never a crash,
// hang or exhaustion of memory. The loaded targets are forgotten after each
// input, so that every input may reuse the seeds' names.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Energy/Estimate.h"
#include "onnx-energy/Import/Import.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Target/Target.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <unistd.h>

#ifndef ONNX_ENERGY_SOURCE_TARGETS_DIR
#error "ONNX_ENERGY_SOURCE_TARGETS_DIR is set by fuzz/CMakeLists.txt"
#endif

using namespace onnx_energy;

namespace {
/// A MatMul, a Conv and an elementwise op: compute, weights and
/// activations on every target.
const char *const Model = R"(<ir_version: 8, opset_import: ["" : 13]>
fuzz (float[2, 3, 8, 8] X, float[4, 3, 3, 3] W, float[8, 16] B) => (float[2, 4, 6, 16] Y) {
  C = Conv(X, W)
  R = Relu(C)
  Y = MatMul(R, B)
}
)";

struct Fixture {
  Graph G;
  LoweredGraph L;
};

const Fixture &fixture() {
  static const Fixture F = [] {
    DiagnosticList Diags;
    llvm::Expected<Graph> G = importModelFromBuffer(
        llvm::MemoryBufferRef(Model, "fuzz.onnxtxt"), "fuzz.onnxtxt",
        ImportOptions(), Diags, ModelFormat::Text);
    if (!G) {
      llvm::errs() << llvm::toString(G.takeError()) << "\n";
      abort();
    }
    Fixture Fx{std::move(*G), {}};
    Fx.L = lowerGraph(Fx.G, LowerOptions(), Diags);
    return Fx;
  }();
  return F;
}
} // namespace

/// TableGen's parser ends the process on a few errors
/// (llvm::PrintFatalError, exit 1); the tools turn that into exit 2
/// (test/Target/fatal-error.test). libFuzzer would count the exit as a
/// finding in LLVM's parser, so the run ends quietly there instead
/// (scripts/fuzz says so: no "Done" line).
static void tableGenExited(const std::string &) { _exit(0); }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const bool Handler = [] {
    setTargetFileFatalHandler(tableGenExited);
    return true;
  }();
  (void)Handler;
  const Fixture &F = fixture();
  clearFileTargets();
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<std::vector<const Target *>> Loaded = loadTargetBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(Bytes, "fuzz.td"),
      {ONNX_ENERGY_SOURCE_TARGETS_DIR});
  if (!Loaded) {
    llvm::consumeError(Loaded.takeError());
    return 0;
  }
  llvm::raw_null_ostream Null;
  for (const Target *T : *Loaded) {
    printTargetSources(*T, Null);
    // findTarget refuses a target whose figures the energy model cannot use.
    llvm::Expected<const Target *> Usable = findTarget(T->name());
    if (!Usable) {
      llvm::consumeError(Usable.takeError());
      continue;
    }
    for (MemoryModel MM : {MemoryModel::ButterE, MemoryModel::LRU}) {
      DiagnosticList Diags;
      Estimate E = estimateEnergy(F.G, F.L, **Usable, Diags, MM);
      Report R = collectReport(F.G, F.L, E, **Usable, Diags, ReportOptions());
      renderJSON(R, Null);
      renderText(R, Null);
    }
  }
  printTargetList(Null);
  return 0;
}
