//===- TargetEmitter.cpp - -gen-targets -----------------------------------===//
//
// Emits the hardware targets of targets/*.td. Every quantity is converted to
// SI here, at build time, against the kind its field expects; the op catalog
// (included by Targets.td) is used to check each target's reference op.
//
//   GET_TARGET_TABLES  TargetAliases_<i>[], TargetPeak_<i>[],
//                      TargetLevels_<i>[], TargetTable[], NumTargets
//
//===----------------------------------------------------------------------===//

#include "Backends.h"
#include "Catalog.h"
#include "UnitQty.h"
#include "llvm/TableGen/Error.h"
#include "llvm/TableGen/TableGenBackend.h"
#include <cstdio>
#include <cstdlib>

using namespace llvm;

namespace onnx_energy::tblgen {

namespace {
/// A converted TargetQty.
struct SIQty {
  double Value = 0;
  bool Specified = false;
  std::string Text;
};

struct Level {
  MemLevelDef Def;
  SIQty Size, Bandwidth, ReadEnergy, WriteEnergy;
};

struct Target {
  TargetDef Def;
  std::vector<SIQty> PeakRates;
  std::vector<Level> Levels;
  SIQty Clock, RefEnergy, TechScale, EnergyPerTO, StaticPower, TDP;
};
} // namespace

/// The shortest "%.Ng" that reads back as \p V (at most 17 digits).
static std::string formatDouble(double V) {
  char Buf[64];
  for (int Prec = 15; Prec <= 17; ++Prec) {
    std::snprintf(Buf, sizeof(Buf), "%.*g", Prec, V);
    if (Prec == 17 || std::strtod(Buf, nullptr) == V)
      break;
  }
  return Buf;
}

static std::string qtyInit(const SIQty &Q) {
  std::string S;
  raw_string_ostream(S) << '{' << formatDouble(Q.Value) << ", "
                        << (Q.Specified ? "true" : "false") << ", "
                        << cString(Q.Text) << '}';
  return S;
}

static SIQty convert(const Record *At, const Twine &What, StringRef Field,
                     const QtyText &Text, QtyKind Kind) {
  if (!Text)
    return {};
  Expected<double> V = parseQuantity(*Text, Kind);
  if (!V)
    PrintFatalError(At->getLoc(), What + ": field '" + Field + "': " +
                                      toString(V.takeError()));
  return {*V, true, Text->str()};
}

static Target checkTarget(const Record *R, const Catalog &Cat) {
  Target T{TargetDef::read(R), {}, {}, {}, {}, {}, {}, {}, {}};
  const TargetDef &D = T.Def;
  std::string What = ("Target '" + D.Name + "'").str();
  auto Fail = [&](const Twine &Msg) {
    PrintFatalError(R->getLoc(), What + ": " + Msg);
  };

  if (D.Name.empty())
    Fail("Name is empty");
  if (D.Kind != "gpu" && D.Kind != "cpu" && D.Kind != "model")
    Fail("Kind '" + D.Kind + "' is not one of gpu, cpu, model");
  if (D.Levels.empty())
    Fail("Levels is empty; a target needs at least its main memory");

  T.Clock = convert(R, What, "Clock", D.Clock, QtyKind::Frequency);
  for (auto [I, P] : llvm::enumerate(D.Peak)) {
    std::string PWhat = What + ": Peak[" + std::to_string(I) + "]";
    if (!Cat.findDType(P.DType))
      PrintFatalError(R->getLoc(), PWhat + ": DType '" + P.DType +
                                       "' is not the Name of a DType");
    T.PeakRates.push_back(
        convert(R, PWhat, "Rate", P.Rate, QtyKind::Throughput));
  }

  StringMap<unsigned> LevelNames;
  for (auto [I, L] : llvm::enumerate(D.Levels)) {
    std::string LWhat =
        (What + ": Levels[" + Twine(I) + "] '" + L.Name + "'").str();
    if (!LevelNames.try_emplace(L.Name, I).second)
      Fail("Levels[" + Twine(I) + "]: duplicate level Name '" + L.Name + "'");
    Level Lv{L, {}, {}, {}, {}};
    Lv.Size = convert(R, LWhat, "Size", L.Size, QtyKind::Bytes);
    Lv.Bandwidth =
        convert(R, LWhat, "Bandwidth", L.Bandwidth, QtyKind::Bandwidth);
    Lv.ReadEnergy =
        convert(R, LWhat, "ReadEnergy", L.ReadEnergy, QtyKind::EnergyPerByte);
    // Writes cost what reads cost unless the target says otherwise.
    Lv.WriteEnergy = L.WriteEnergy ? convert(R, LWhat, "WriteEnergy",
                                             L.WriteEnergy,
                                             QtyKind::EnergyPerByte)
                                   : Lv.ReadEnergy;
    T.Levels.push_back(Lv);
  }

  if (D.ComputeRef.has_value() == D.EnergyPerTO.has_value())
    Fail(Twine("exactly one of ComputeRef and EnergyPerTO must be set (") +
         (D.ComputeRef ? "both are" : "neither is") + ")");
  if (D.ComputeRef) {
    const OpEnergyDef &Ref = *D.ComputeRef;
    std::optional<unsigned> P = Cat.findPrimitive(Ref.Primitive);
    if (!P)
      Fail("ComputeRef: Primitive '" + Ref.Primitive +
           "' is not the Name of a Primitive");
    std::optional<unsigned> DT = Cat.findDType(Ref.DType);
    if (!DT)
      Fail("ComputeRef: DType '" + Ref.DType + "' is not the Name of a DType");
    int64_t TOs = Cat.Transistors[*P][*DT];
    if (TOs <= 0)
      Fail("ComputeRef: primitive '" + Ref.Primitive + "' at " + Ref.DType +
           (TOs < 0 ? Twine(" has no circuit") : Twine(" costs 0 TOs")) +
           "; the energy per TO cannot be derived from it");
    T.RefEnergy = convert(R, What + ": ComputeRef", "Energy", Ref.Energy,
                          QtyKind::Energy);
  }
  T.TechScale = convert(R, What, "TechScale", D.TechScale,
                        QtyKind::Dimensionless);
  T.EnergyPerTO =
      convert(R, What, "EnergyPerTO", D.EnergyPerTO, QtyKind::Energy);
  T.StaticPower =
      convert(R, What, "StaticPower", D.StaticPower, QtyKind::Power);
  T.TDP = convert(R, What, "TDP", D.TDP, QtyKind::Power);
  return T;
}

/// Names and aliases share one namespace: --target accepts either.
static void checkNames(const std::vector<Target> &Targets) {
  StringMap<const TargetDef *> Seen;
  for (const Target &T : Targets) {
    const Record *R = T.Def.Def;
    auto Claim = [&](StringRef N, StringRef Role) {
      if (N == "help")
        PrintFatalError(R->getLoc(), "Target '" + T.Def.Name + "': " + Role +
                                         " 'help' is reserved for "
                                         "--target=help");
      auto [It, New] = Seen.try_emplace(N, &T.Def);
      if (!New)
        fatalWithNote(R,
                      "Target '" + T.Def.Name + "': " + Role + " '" + N +
                          "' is already used by target '" +
                          It->second->Name + "'",
                      It->second->Def, "first used here");
    };
    Claim(T.Def.Name, "name");
    for (StringRef A : T.Def.Aliases)
      Claim(A, "alias");
  }
}

static void emitTarget(raw_ostream &OS, size_t I, const Target &T) {
  const TargetDef &D = T.Def;
  OS << "// " << oneLine(D.Name) << ", " << recordLocation(D.Def) << "\n";
  if (!D.Aliases.empty()) {
    OS << "static const char *const TargetAliases_" << I << "[] = {";
    ListSeparator Sep(", ");
    for (StringRef A : D.Aliases)
      OS << Sep << cString(A);
    OS << "};\n";
  }
  if (!D.Peak.empty()) {
    OS << "static const ThroughputRow TargetPeak_" << I << "[] = {\n";
    for (auto [P, Rate] : llvm::zip_equal(D.Peak, T.PeakRates))
      OS << "  {.DType = " << cString(P.DType) << ", .Rate = " << qtyInit(Rate)
         << ", .UnitKind = " << cString(P.UnitKind)
         << ", .Source = " << cString(P.Source) << "},\n";
    OS << "};\n";
  }
  OS << "static const MemLevelRow TargetLevels_" << I << "[] = {\n";
  for (const Level &L : T.Levels)
    OS << "  {.Name = " << cString(L.Def.Name)
       << ", .Size = " << qtyInit(L.Size)
       << ", .Instances = " << L.Def.Instances
       << ", .PerUnit = " << (L.Def.PerUnit ? "true" : "false")
       << ",\n   .Bandwidth = " << qtyInit(L.Bandwidth)
       << ", .ReadEnergy = " << qtyInit(L.ReadEnergy)
       << ", .WriteEnergy = " << qtyInit(L.WriteEnergy)
       << ",\n   .Source = " << cString(L.Def.Source) << "},\n";
  OS << "};\n\n";
}

static void emitTargetRow(raw_ostream &OS, size_t I, const Target &T) {
  const TargetDef &D = T.Def;
  auto Array = [&](StringRef Prefix, bool Empty) {
    return Empty ? std::string("nullptr") : (Prefix + Twine(I)).str();
  };
  const OpEnergyDef NoRef{};
  const OpEnergyDef &Ref = D.ComputeRef ? *D.ComputeRef : NoRef;
  OS << "  {.Name = " << cString(D.Name)
     << ", .Aliases = " << Array("TargetAliases_", D.Aliases.empty())
     << ", .NumAliases = " << D.Aliases.size() << ",\n"
     << "   .Vendor = " << cString(D.Vendor)
     << ", .Description = " << cString(D.Description)
     << ", .Kind = " << cString(D.Kind) << ",\n"
     << "   .Units = " << D.Units << ", .UnitName = " << cString(D.UnitName)
     << ", .Sockets = " << D.Sockets << ", .Clock = " << qtyInit(T.Clock)
     << ", .ProcessNode = " << cString(D.ProcessNode) << ",\n"
     << "   .Peak = " << Array("TargetPeak_", D.Peak.empty())
     << ", .NumPeak = " << D.Peak.size()
     << ", .Levels = TargetLevels_" << I
     << ", .NumLevels = " << D.Levels.size() << ",\n"
     << "   .HasComputeRef = " << (D.ComputeRef ? "true" : "false")
     << ", .RefPrimitive = " << cString(Ref.Primitive)
     << ", .RefDType = " << cString(Ref.DType)
     << ", .RefEnergy = " << qtyInit(T.RefEnergy)
     << ", .RefSource = " << cString(Ref.Source) << ",\n"
     << "   .TechScale = " << qtyInit(T.TechScale)
     << ", .TechScaleSource = " << cString(D.TechScaleSource)
     << ", .EnergyPerTO = " << qtyInit(T.EnergyPerTO) << ",\n"
     << "   .StaticPower = " << qtyInit(T.StaticPower)
     << ", .TDP = " << qtyInit(T.TDP) << ",\n"
     << "   .Source = " << cString(D.Source) << "},\n";
}

void emitTargets(const RecordKeeper &RK, raw_ostream &OS) {
  Catalog Cat(RK);
  std::vector<Target> Targets;
  for (const Record *R : defsInOrder(RK, "Target"))
    Targets.push_back(checkTarget(R, Cat));
  checkNames(Targets);
  if (Targets.empty())
    PrintFatalError("no Target records: nothing to emit");

  emitSourceFileHeader("Hardware targets, quantities in SI units", OS, RK);
  OS << "#ifdef GET_TARGET_TABLES\n#undef GET_TARGET_TABLES\n";
  for (auto [I, T] : llvm::enumerate(Targets))
    emitTarget(OS, I, T);
  OS << "static const TargetRow TargetTable[] = {\n";
  for (auto [I, T] : llvm::enumerate(Targets))
    emitTargetRow(OS, I, T);
  OS << "};\nconstexpr unsigned NumTargets = " << Targets.size() << ";\n";
  OS << "#endif // GET_TARGET_TABLES\n";
}

} // namespace onnx_energy::tblgen
