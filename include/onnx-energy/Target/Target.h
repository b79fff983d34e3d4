//===- Target/Target.h - Hardware targets -------------------------*- C++ -*-===//
//
// The built-in targets generated from targets/*.td. A Target answers the
// questions the energy model asks (energy per transistor operation, peak
// throughput for an element type, the memory levels) and keeps every figure's
// source for --show-sources and the machine-readable reports.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_TARGET_TARGET_H
#define ONNX_ENERGY_TARGET_TARGET_H

#include "onnx-energy/Ops/TableTypes.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace llvm {
class raw_ostream;
}

namespace onnx_energy {

class Target {
public:
  explicit Target(const TargetRow &R) : R(R) {}
  const TargetRow &row() const { return R; }
  llvm::StringRef name() const { return R.Name; }
  llvm::ArrayRef<MemLevelRow> levels() const {
    return llvm::ArrayRef(R.Levels, R.NumLevels);
  }
  llvm::ArrayRef<ThroughputRow> peaks() const {
    return llvm::ArrayRef(R.Peak, R.NumPeak);
  }

  /// Joules per transistor operation: either given directly (EnergyPerTO) or
  /// RefEnergy / TOs(RefPrimitive, RefDType) * TechScale.
  double energyPerTO() const { return EPerTO; }
  /// How energyPerTO() was obtained, for reports.
  const std::string &energyPerTOOrigin() const { return EPerTOOrigin; }

  /// Highest declared throughput (FLOP/s) for the element type, or 0 when the
  /// target declares none for it.
  double peakFor(llvm::StringRef DType) const;
  /// Lowest declared throughput of any type: the conservative fallback.
  double slowestPeak() const;

  /// Total capacity of level I over all its instances.
  double levelCapacity(unsigned I) const;

  /// Validates what the energy model needs (levels with size and energy,
  /// static power) and computes energyPerTO(). Called once by findTarget.
  llvm::Error init();

private:
  const TargetRow &R;
  double EPerTO = 0;
  std::string EPerTOOrigin;
};

/// Looks up a target by name or alias; the error lists the known targets.
llvm::Expected<const Target *> findTarget(llvm::StringRef NameOrAlias);
/// All built-in targets, initialised.
llvm::ArrayRef<Target> allTargets();
/// One line per target for --target=help.
void printTargetList(llvm::raw_ostream &OS);
/// Every figure of a target with its source, for --show-sources.
void printTargetSources(const Target &T, llvm::raw_ostream &OS);

} // namespace onnx_energy

#endif
