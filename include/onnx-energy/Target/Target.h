//===- Target/Target.h - Hardware targets -----------------------*- C++ -*-===//
//
// The built-in targets generated from targets/*.td, and the targets a user
// loads from a file of the same schema (--target-file). A Target answers the
// questions the energy model asks (energy per transistor operation, the unit
// and peak throughput for an element type, the memory levels) and keeps every
// figure's source for --show-sources and the machine-readable reports.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_TARGET_TARGET_H
#define ONNX_ENERGY_TARGET_TARGET_H

#include "onnx-energy/Ops/TableTypes.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class MemoryBuffer;
} // namespace llvm

namespace llvm {
class raw_ostream;
}

namespace onnx_energy {

class Target {
public:
  explicit Target(const TargetRow &R, bool FromFile = false)
      : R(R), FromFile(FromFile) {}
  const TargetRow &row() const { return R; }
  llvm::StringRef name() const { return R.Name; }
  llvm::ArrayRef<MemLevelRow> levels() const {
    return llvm::ArrayRef(R.Levels, R.NumLevels);
  }
  llvm::ArrayRef<ThroughputRow> peaks() const {
    return llvm::ArrayRef(R.Peak, R.NumPeak);
  }
  /// Loaded from a --target-file rather than built in.
  bool fromFile() const { return FromFile; }

  /// Joules per transistor operation: either given directly (EnergyPerTO) or
  /// RefEnergy / TOs(RefPrimitive, RefDType) * TechScale.
  double energyPerTO() const { return EPerTO; }
  /// How energyPerTO() was obtained, for reports.
  const std::string &energyPerTOOrigin() const { return EPerTOOrigin; }

  /// The unit that runs work of element type \p DType fastest: the highest
  /// declared throughput for the type among the units that can run the work.
  /// A MatrixOnly unit (tensor cores, AMX) runs only matrix multiply-
  /// accumulate, so it is a candidate only when \p Matrix (a node with MACs).
  /// nullptr when the target declares no such unit.
  const ThroughputRow *unitFor(llvm::StringRef DType, bool Matrix) const;
  /// Highest declared throughput (FLOP/s) for the element type on any unit,
  /// or 0 when the target declares none for it.
  double peakFor(llvm::StringRef DType) const;
  /// Lowest declared throughput of any type: the conservative fallback.
  double slowestPeak() const;

  /// Total capacity of level I over all its instances.
  double levelCapacity(unsigned I) const;
  /// Capacity of main memory (the last level), all instances together.
  double mainMemoryBytes() const {
    return R.NumLevels ? levelCapacity(R.NumLevels - 1) : 0;
  }

  /// Validates what the energy model needs (levels with size and energy,
  /// static power) and computes energyPerTO(). Called once by findTarget.
  llvm::Error init();

private:
  const TargetRow &R;
  bool FromFile;
  double EPerTO = 0;
  std::string EPerTOOrigin;
};

/// Looks up a target by name or alias, built in or loaded from a file; the
/// error lists the known targets.
llvm::Expected<const Target *> findTarget(llvm::StringRef NameOrAlias);
/// All built-in targets, initialised.
llvm::ArrayRef<Target> allTargets();
/// The targets loaded by loadTargetFile, in the order they were defined.
std::vector<const Target *> fileTargets();

/// The directories searched for TargetSchema.td when a target file is
/// loaded, in order: share/onnx-energy/targets next to the directory of the
/// executable (\p Argv0; the installed and the build-tree layout), then the
/// source tree's targets/ directory.
std::vector<std::string> targetSchemaDirs(const char *Argv0);

/// Parses a target file written with the classes of TargetSchema.td (found
/// in the first of \p SchemaDirs that has it), validates its targets with the
/// code and messages -gen-targets uses for the built-in ones, and makes them
/// known to findTarget. A target may start from a built-in one (Base). Each
/// problem is printed to stderr as "FILE:LINE:COL: error: ..."; the returned
/// error then says how many. Returns the file's targets in definition order.
llvm::Expected<std::vector<const Target *>>
loadTargetFile(llvm::StringRef Path, llvm::ArrayRef<std::string> SchemaDirs);
/// loadTargetFile on a buffer already in memory; its identifier is the path
/// that messages name and that includes resolve against (the fuzzer's entry).
llvm::Expected<std::vector<const Target *>>
loadTargetBuffer(std::unique_ptr<llvm::MemoryBuffer> Buffer,
                 llvm::ArrayRef<std::string> SchemaDirs);
/// TableGen ends the process (exit 1) on a few errors it cannot recover
/// from (llvm::PrintFatalError). If that happens while a target file is
/// parsed or read, \p Fn runs instead, with the file's path; by default a
/// line naming the file and exit code 2 (an input error).
void setTargetFileFatalHandler(void (*Fn)(const std::string &Path));
/// Forgets every target loaded from a file (a fuzzer loads one file per
/// input); pointers to them dangle afterwards.
void clearFileTargets();

/// One line per target for --target=help (built-in, then loaded ones).
void printTargetList(llvm::raw_ostream &OS);
/// Every figure of a target with its source, for --show-sources.
void printTargetSources(const Target &T, llvm::raw_ostream &OS);

} // namespace onnx_energy

#endif
