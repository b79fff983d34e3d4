//===- lib/Target/Target.cpp - Built-in and loaded targets ----------------===//
//
// The registry of targets: the generated table of built-in targets and the
// targets loaded from --target-file (TargetFile.cpp), which are kept as
// TargetDesc with rows built over their strings so that the rest of the
// pipeline sees one kind of target.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Target/Target.h"
#include "Registry.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Target/TargetDesc.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include <deque>
#include <fmt/format.h>
#include <optional>
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

/// A target loaded from a file: its description owns the strings the rows
/// point into, so it must not move (the registry is a deque).
struct LoadedTarget {
  TargetDesc D;
  std::vector<const char *> Aliases;
  std::vector<ThroughputRow> Peak;
  std::vector<MemLevelRow> Levels;
  TargetRow Row{};
  std::optional<Target> T;
  std::string Error; ///< from init(), with the file location
};

std::deque<LoadedTarget> &loaded() {
  static std::deque<LoadedTarget> L;
  return L;
}

TargetQty rowQty(const DescQty &Q) {
  return {Q.Value, Q.Specified, Q.Text.c_str()};
}

void buildRows(LoadedTarget &L) {
  const TargetDesc &D = L.D;
  for (const std::string &A : D.Aliases)
    L.Aliases.push_back(A.c_str());
  for (const ThroughputDesc &P : D.Peak)
    L.Peak.push_back({P.DType.c_str(), rowQty(P.Rate), P.UnitKind.c_str(),
                      P.MatrixOnly, P.Source.c_str()});
  for (const MemLevelDesc &M : D.Levels)
    L.Levels.push_back(
        {M.Name.c_str(), rowQty(M.Size), M.Instances, M.PerUnit,
         rowQty(M.LineSize), rowQty(M.Associativity), M.Inclusion,
         rowQty(M.Bandwidth), rowQty(M.ReadBandwidth), rowQty(M.WriteBandwidth),
         rowQty(M.ReadEnergy), rowQty(M.WriteEnergy), M.Source.c_str()});
  TargetRow &R = L.Row;
  R.Name = D.Name.c_str();
  R.Aliases = L.Aliases.data();
  R.NumAliases = L.Aliases.size();
  R.Vendor = D.Vendor.c_str();
  R.Description = D.Description.c_str();
  R.Kind = D.Kind.c_str();
  R.Units = D.Units;
  R.UnitName = D.UnitName.c_str();
  R.Sockets = D.Sockets;
  R.Clock = rowQty(D.Clock);
  R.ProcessNode = D.ProcessNode.c_str();
  R.Peak = L.Peak.data();
  R.NumPeak = L.Peak.size();
  R.Levels = L.Levels.data();
  R.NumLevels = L.Levels.size();
  R.HasComputeRef = D.HasComputeRef;
  R.RefPrimitive = D.RefPrimitive.c_str();
  R.RefDType = D.RefDType.c_str();
  R.RefEnergy = rowQty(D.RefEnergy);
  R.RefSource = D.RefSource.c_str();
  R.TechScale = rowQty(D.TechScale);
  R.TechScaleSource = D.TechScaleSource.c_str();
  R.EnergyPerTO = rowQty(D.EnergyPerTO);
  R.StaticPower = rowQty(D.StaticPower);
  R.TDP = rowQty(D.TDP);
  R.Source = D.Source.c_str();
  R.Base = D.Base.c_str();
  R.Location = D.Location.c_str();
}

bool matches(const TargetRow &R, llvm::StringRef Name) {
  if (Name == R.Name)
    return true;
  for (unsigned A = 0; A < R.NumAliases; ++A)
    if (Name == R.Aliases[A])
      return true;
  return false;
}

std::string quantity(const TargetQty &V) {
  return V.Specified ? std::string(V.Text) : std::string("unspecified");
}
std::string text(const char *S) {
  return S && *S ? std::string(S) : std::string("unspecified");
}
} // namespace

namespace detail {
const TargetDesc *findBuiltinDesc(llvm::StringRef NameOrAlias) {
  static const std::vector<TargetDesc> Descs = [] {
    std::vector<TargetDesc> V;
    for (unsigned I = 0; I < NumTargets; ++I)
      V.push_back(descFromRow(TargetTable[I]));
    return V;
  }();
  for (unsigned I = 0; I < NumTargets; ++I)
    if (matches(TargetTable[I], NameOrAlias))
      return &Descs[I];
  return nullptr;
}

const TargetDesc *findLoadedDesc(llvm::StringRef NameOrAlias) {
  for (const LoadedTarget &L : loaded())
    if (matches(L.Row, NameOrAlias))
      return &L.D;
  return nullptr;
}

std::vector<const Target *> addFileTargets(std::vector<TargetDesc> Descs) {
  std::vector<const Target *> Added;
  for (TargetDesc &D : Descs) {
    LoadedTarget &L = loaded().emplace_back();
    L.D = std::move(D);
    buildRows(L);
    L.T.emplace(L.Row, /*FromFile=*/true);
    if (llvm::Error E = L.T->init())
      L.Error = L.D.Location + ": " + llvm::toString(std::move(E));
    Added.push_back(&*L.T);
  }
  return Added;
}
} // namespace detail

void clearFileTargets() { loaded().clear(); }

const ThroughputRow *Target::unitFor(llvm::StringRef DType, bool Matrix) const {
  const ThroughputRow *Best = nullptr;
  for (const ThroughputRow &P : peaks())
    if (DType == P.DType && P.Rate.Specified && P.Rate.Value > 0 &&
        (Matrix || !P.MatrixOnly) && (!Best || P.Rate.Value > Best->Rate.Value))
      Best = &P;
  return Best;
}

double Target::peakFor(llvm::StringRef DType) const {
  const ThroughputRow *P = unitFor(DType, /*Matrix=*/true);
  return P ? P->Rate.Value : 0;
}

double Target::slowestPeak() const {
  double Worst = 0;
  for (const ThroughputRow &P : peaks())
    if (P.Rate.Specified && P.Rate.Value > 0 &&
        (Worst == 0 || P.Rate.Value < Worst))
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
    EPerTOOrigin =
        fmt::format("{} per {} {} ({} TOs) x tech scale {} = {:.4g} fJ/TO",
                    R.RefEnergy.Text, R.RefPrimitive, R.RefDType, TOs,
                    R.TechScale.Text, EPerTO * 1e15);
  } else {
    if (!R.EnergyPerTO.Specified)
      return Fail("neither ComputeRef nor EnergyPerTO is given");
    EPerTO = R.EnergyPerTO.Value;
    EPerTOOrigin = fmt::format("{} per TO (given)", R.EnergyPerTO.Text);
  }
  return llvm::Error::success();
}

llvm::ArrayRef<Target> allTargets() { return registry().Targets; }

std::vector<const Target *> fileTargets() {
  std::vector<const Target *> V;
  for (const LoadedTarget &L : loaded())
    V.push_back(&*L.T);
  return V;
}

llvm::Expected<const Target *> findTarget(llvm::StringRef Name) {
  auto Error = [](const std::string &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
  };
  const Registry &Reg = registry();
  for (size_t I = 0; I < Reg.Targets.size(); ++I) {
    if (!matches(Reg.Targets[I].row(), Name))
      continue;
    if (!Reg.Errors[I].empty())
      return Error(Reg.Errors[I]);
    return &Reg.Targets[I];
  }
  for (const LoadedTarget &L : loaded()) {
    if (!matches(L.Row, Name))
      continue;
    if (!L.Error.empty())
      return Error(L.Error);
    return &*L.T;
  }
  std::string Known;
  for (const Target &T : Reg.Targets)
    Known += (Known.empty() ? "" : ", ") + T.name().str();
  for (const LoadedTarget &L : loaded())
    Known += ", " + L.D.Name;
  return Error(
      fmt::format("unknown target '{}' (known: {}; --target=help lists them)",
                  Name.str(), Known));
}

void printTargetList(llvm::raw_ostream &OS) {
  auto Line = [&](const TargetRow &R, llvm::StringRef Extra) {
    std::string Aliases;
    for (unsigned A = 0; A < R.NumAliases; ++A)
      Aliases += std::string(A ? ", " : " (") + R.Aliases[A];
    if (!Aliases.empty())
      Aliases += ")";
    OS << llvm::formatv("  {0}{1}: {2}{3}\n", R.Name, Aliases, R.Description,
                        Extra);
  };
  OS << "Targets (name, aliases: description):\n";
  for (const Target &T : allTargets())
    Line(T.row(), "");
  for (const LoadedTarget &L : loaded()) {
    const TargetRow &R = L.Row;
    std::string Extra = std::string(" [") + R.Location;
    if (*R.Base)
      Extra += std::string(", based on ") + R.Base;
    Line(R, Extra + "]");
  }
}

void printTargetSources(const Target &T, llvm::raw_ostream &OS) {
  const TargetRow &R = T.row();
  OS << "target " << R.Name << " (" << text(R.Vendor) << "): " << R.Description
     << "\n  source: " << R.Source << "\n";
  if (T.fromFile())
    OS << "  defined at " << R.Location
       << (*R.Base ? std::string(", based on ") + R.Base : std::string())
       << "\n";
  OS << llvm::formatv("  units: {0} {1}(s), {2} socket(s), clock {3}, "
                      "process {4}\n",
                      R.Units, text(R.UnitName), R.Sockets, quantity(R.Clock),
                      text(R.ProcessNode));
  for (const ThroughputRow &P : T.peaks())
    OS << llvm::formatv(
        "  peak {0} on {1}{2}: {3}\n    source: {4}\n", P.DType, P.UnitKind,
        P.MatrixOnly ? " (matrix multiply-accumulate only)" : "",
        quantity(P.Rate), P.Source);
  for (const MemLevelRow &L : T.levels()) {
    std::string Split;
    if (L.ReadBandwidth.Specified || L.WriteBandwidth.Specified)
      Split = " (reads " + quantity(L.ReadBandwidth) + ", writes " +
              quantity(L.WriteBandwidth) + ")";
    std::string Inclusion = inclusionName(L.Inclusion).str();
    OS << llvm::formatv(
        "  level {0}: {1} x {2}{3}, bandwidth {4}{5}, read {6}, write {7}; "
        "line {8}, ways {9}, inclusion {10}\n    source: {11}\n",
        L.Name, L.Instances, quantity(L.Size), L.PerUnit ? " (per unit)" : "",
        quantity(L.Bandwidth), Split, quantity(L.ReadEnergy),
        quantity(L.WriteEnergy), quantity(L.LineSize),
        quantity(L.Associativity),
        Inclusion.empty() ? std::string("unspecified") : Inclusion, L.Source);
  }
  if (R.NumLevels)
    OS << llvm::formatv(
        "  main memory: {0} ({1} x {2} {3})\n",
        fmt::format("{:.6g} GiB", T.mainMemoryBytes() / (1024.0 * 1024 * 1024)),
        R.Levels[R.NumLevels - 1].Instances,
        R.Levels[R.NumLevels - 1].Size.Text, R.Levels[R.NumLevels - 1].Name);
  OS << "  compute energy: " << T.energyPerTOOrigin() << "\n";
  if (R.HasComputeRef)
    OS << "    reference source: " << R.RefSource
       << "\n    tech scale source: " << text(R.TechScaleSource) << "\n";
  OS << "  static power: " << quantity(R.StaticPower)
     << ", TDP: " << quantity(R.TDP) << "\n";
}

} // namespace onnx_energy
