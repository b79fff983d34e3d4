//===- lib/Target/Target.cpp - Built-in targets ---------------------------===//
#include "onnx-energy/Target/Target.h"
#include "onnx-energy/Ops/Catalog.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include <fmt/format.h>
#include <mutex>
#include <vector>

namespace onnx_energy {

namespace {
#define GET_TARGET_TABLES
#include "onnx-energy/Gen/Targets.inc"
#undef GET_TARGET_TABLES

struct Registry {
  std::vector<Target> Targets;
  std::vector<std::string> Errors; // one per target that failed init()
};

const Registry &registry() {
  static Registry Reg = [] {
    Registry R;
    for (unsigned I = 0; I < NumTargets; ++I) {
      R.Targets.emplace_back(TargetTable[I]);
      if (llvm::Error E = R.Targets.back().init())
        R.Errors.push_back(llvm::toString(std::move(E)));
      else
        R.Errors.emplace_back();
    }
    return R;
  }();
  return Reg;
}
} // namespace

double Target::peakFor(llvm::StringRef DType) const {
  double Best = 0;
  for (const ThroughputRow &P : peaks())
    if (DType == P.DType && P.Rate.Specified && P.Rate.Value > Best)
      Best = P.Rate.Value;
  return Best;
}

double Target::slowestPeak() const {
  double Worst = 0;
  for (const ThroughputRow &P : peaks())
    if (P.Rate.Specified && P.Rate.Value > 0 && (Worst == 0 || P.Rate.Value < Worst))
      Worst = P.Rate.Value;
  return Worst;
}

double Target::levelCapacity(unsigned I) const {
  const MemLevelRow &L = R.Levels[I];
  return L.Size.Value * L.Instances;
}

llvm::Error Target::init() {
  auto Fail = [&](const std::string &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "target '%s': %s", R.Name, Msg.c_str());
  };
  if (R.NumLevels == 0)
    return Fail("no memory levels");
  for (const MemLevelRow &L : levels()) {
    if (!L.Size.Specified || L.Size.Value <= 0)
      return Fail(fmt::format("level {} has no size", L.Name));
    if (!L.ReadEnergy.Specified)
      return Fail(fmt::format("level {} has no read energy", L.Name));
    if (!L.Bandwidth.Specified || L.Bandwidth.Value <= 0)
      return Fail(fmt::format("level {} has no bandwidth", L.Name));
  }
  if (!R.StaticPower.Specified)
    return Fail("static power is unspecified");
  if (slowestPeak() <= 0)
    return Fail("no peak throughput");
  if (R.HasComputeRef) {
    std::optional<unsigned> P = findPrimitive(R.RefPrimitive);
    std::optional<unsigned> D = findDType(R.RefDType);
    int64_t TOs = P && D ? transistorOps(*P, *D) : -1;
    if (TOs <= 0)
      return Fail(fmt::format("reference op {} at {} has no TO count",
                              R.RefPrimitive, R.RefDType));
    double Scale = R.TechScale.Specified ? R.TechScale.Value : 1.0;
    EPerTO = R.RefEnergy.Value / double(TOs) * Scale;
    EPerTOOrigin = fmt::format(
        "{} per {} {} ({} TOs) x tech scale {} = {:.4g} fJ/TO", R.RefEnergy.Text,
        R.RefPrimitive, R.RefDType, TOs, R.TechScale.Text, EPerTO * 1e15);
  } else {
    if (!R.EnergyPerTO.Specified)
      return Fail("neither ComputeRef nor EnergyPerTO is given");
    EPerTO = R.EnergyPerTO.Value;
    EPerTOOrigin = fmt::format("{} per TO (given)", R.EnergyPerTO.Text);
  }
  return llvm::Error::success();
}

llvm::ArrayRef<Target> allTargets() { return registry().Targets; }

llvm::Expected<const Target *> findTarget(llvm::StringRef Name) {
  const Registry &Reg = registry();
  for (size_t I = 0; I < Reg.Targets.size(); ++I) {
    const TargetRow &R = Reg.Targets[I].row();
    bool Match = Name == R.Name;
    for (unsigned A = 0; A < R.NumAliases && !Match; ++A)
      Match = Name == R.Aliases[A];
    if (!Match)
      continue;
    if (!Reg.Errors[I].empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     Reg.Errors[I].c_str());
    return &Reg.Targets[I];
  }
  std::string Known;
  for (const Target &T : Reg.Targets)
    Known += (Known.empty() ? "" : ", ") + T.name().str();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "unknown target '%s' (known: %s; --target=help lists them)",
      Name.str().c_str(), Known.c_str());
}

void printTargetList(llvm::raw_ostream &OS) {
  OS << "Targets (name, aliases: description):\n";
  for (const Target &T : allTargets()) {
    const TargetRow &R = T.row();
    std::string Aliases;
    for (unsigned A = 0; A < R.NumAliases; ++A)
      Aliases += std::string(A ? ", " : " (") + R.Aliases[A];
    if (!Aliases.empty())
      Aliases += ")";
    OS << llvm::formatv("  {0}{1}: {2}\n", R.Name, Aliases, R.Description);
  }
}

void printTargetSources(const Target &T, llvm::raw_ostream &OS) {
  const TargetRow &R = T.row();
  auto Q = [](const TargetQty &V) {
    return V.Specified ? std::string(V.Text) : std::string("unspecified");
  };
  OS << "target " << R.Name << " (" << R.Vendor << "): " << R.Description
     << "\n  source: " << R.Source << "\n";
  OS << llvm::formatv("  units: {0} {1}(s), {2} socket(s), clock {3}, process {4}\n",
                      R.Units, R.UnitName, R.Sockets, Q(R.Clock), R.ProcessNode);
  for (const ThroughputRow &P : T.peaks())
    OS << llvm::formatv("  peak {0} on {1}: {2}\n    source: {3}\n", P.DType,
                        P.UnitKind, Q(P.Rate), P.Source);
  for (const MemLevelRow &L : T.levels())
    OS << llvm::formatv("  level {0}: {1} x {2}{3}, bandwidth {4}, read {5}, "
                        "write {6}\n    source: {7}\n",
                        L.Name, L.Instances, Q(L.Size),
                        L.PerUnit ? " (per unit)" : "", Q(L.Bandwidth),
                        Q(L.ReadEnergy), Q(L.WriteEnergy), L.Source);
  OS << "  compute energy: " << T.energyPerTOOrigin() << "\n";
  if (R.HasComputeRef)
    OS << "    reference source: " << R.RefSource
       << "\n    tech scale source: " << R.TechScaleSource << "\n";
  OS << "  static power: " << Q(R.StaticPower) << ", TDP: " << Q(R.TDP) << "\n";
}

} // namespace onnx_energy
