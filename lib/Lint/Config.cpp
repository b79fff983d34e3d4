//===- lib/Lint/Config.cpp - Lint rules, their settings and options -------===//
//
// The rule table (ids, summaries, rationales, default levels), the options
// each rule takes, and the .onnx-energy.yaml file read with LLVM's YAML I/O:
//
//   werror: false
//   rules:
//     cache-spill:
//       severity: error
//       level: L2
//     narrower-dtype:
//       enabled: false
//
// Every value of a rule is read as a string and goes through the same
// applyRuleOption() as the command line, so the file and the options accept
// the same spellings and give the same errors.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Lint/Lint.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx-energy/Target/UnitQty.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace onnx_energy {
namespace lint {

namespace {

const RuleInfo RuleTable[] = {
    {"energy-budget",
     "the model's estimated energy or latency per inference exceeds the "
     "budget given with --budget or the rule's energy/latency options",
     "A budget turns the estimate into a check that CI can enforce: a change "
     "that makes inference cost more than the product allows fails the "
     "build instead of being found on the device.",
     Level::Error},
    {"cache-spill",
     "a node's working set does not fit a cache level, so its operands "
     "stream from the next level out",
     "BUTTER-E (Tripp et al. 2024) measured energy per datum flat while the "
     "working set fits a cache level and rising steeply past each boundary; "
     "the memory model charges the bytes of a node that spills at the next "
     "level's energy per byte (docs/MemoryModel.md). Splitting, tiling or "
     "shrinking the node keeps it in cache.",
     Level::Warning},
    {"wide-first-layer",
     "the first dense or convolution layer is much wider than the later "
     "ones, on a large input",
     "BUTTER-E's inter-layer working set of layer k is 4*B*(w(k-1) + w(k)): "
     "with a large input w0 and a wide first layer w1, the first layer's "
     "term is the largest of the network and the one that crosses cache "
     "boundaries, where BUTTER-E measured energy per datum to rise steeply; "
     "its wide_first shapes put the width there. A narrower first layer (or "
     "spreading width over the later layers) keeps the working set smaller "
     "for the same depth.",
     Level::Warning},
    {"unfolded-batchnorm",
     "a BatchNormalization follows a Conv, ConvTranspose, Gemm or weighted "
     "MatMul whose output nothing else reads, and is not folded into it",
     "At inference BatchNormalization is a per-channel affine map, which "
     "folds exactly into the preceding layer's weights and bias; unfolded, "
     "it costs its own arithmetic (a division and a square root per channel "
     "and a multiply-add per element) and a write and re-read of the "
     "layer's whole output.",
     Level::Warning},
    {"nonlinear-dominant",
     "non-linear primitives (div, sqrt, rsqrt, exp, log, tanh, erf) are "
     "most of the model's transistor operations",
     "A division, square root or transcendental costs tens of times the TOs "
     "of a multiply-add at the same width (docs/TransistorOperations.md), so "
     "when they dominate, activation and normalisation choices (ReLU instead "
     "of sigmoid/tanh/GELU, fused or approximated softmax) matter more than "
     "the layer sizes.",
     Level::Warning},
    {"narrower-dtype",
     "a compute-bound node runs at f32 where the target has a narrower "
     "float type (f16, bf16) with much higher throughput",
     "The target's datasheet throughput per element type (e.g. A100: f32 "
     "19.5 TFLOP/s on CUDA cores, f16 312 TFLOP/s on tensor cores) bounds "
     "a compute-bound node's time, and static energy is power x time; "
     "narrower operands also halve the bytes moved and the multiplier's "
     "transistor count.",
     Level::Warning},
    {"regression",
     "the estimated energy or latency grew by more than the allowed "
     "fraction against a baseline report (onnx-energy --json)",
     "Comparing every change with the estimate of the last accepted model "
     "catches gradual growth that no single budget would notice.",
     Level::Error},
};

std::string ruleIds() {
  std::string S;
  for (const RuleInfo &R : RuleTable)
    S += (S.empty() ? "" : ", ") + std::string(R.Id);
  return S;
}

} // namespace

const char *levelName(Level L) {
  return L == Level::Error ? "error" : "warning";
}

ArrayRef<RuleInfo> rules() { return RuleTable; }

const RuleInfo *findRule(StringRef Id) {
  for (const RuleInfo &R : RuleTable)
    if (Id == R.Id)
      return &R;
  return nullptr;
}

Config defaultConfig() {
  Config C;
  for (const RuleInfo &R : RuleTable)
    C.Rules[R.Id] = RuleSetting{true, R.DefaultLevel};
  return C;
}

Expected<double> parseFraction(StringRef S) {
  StringRef T = S.trim();
  bool Percent = T.consume_back("%");
  double V;
  if (T.trim().getAsDouble(V) || !(V >= 0))
    return createStringError(inconvertibleErrorCode(),
                             "'%s' is not a non-negative number or "
                             "percentage (e.g. 5%% or 0.05)",
                             S.str().c_str());
  return Percent ? V / 100 : V;
}

Expected<double> parseSeconds(StringRef S) {
  StringRef T = S.trim();
  static const std::pair<const char *, double> Units[] = {
      {"ns", 1e-9}, {"us", 1e-6}, {"ms", 1e-3}, {"s", 1}};
  for (auto [Unit, Scale] : Units) {
    if (!T.ends_with(Unit))
      continue;
    StringRef Num = T.drop_back(strlen(Unit)).rtrim();
    Expected<double> V = parseQuantity(Num, QtyKind::Dimensionless);
    if (!V) {
      consumeError(V.takeError());
      break;
    }
    return *V * Scale;
  }
  return createStringError(inconvertibleErrorCode(),
                           "'%s' is not a time (a number with s, ms, us or "
                           "ns, e.g. 5ms)",
                           S.str().c_str());
}

Error parseBudget(StringRef S, Config &C) {
  SmallVector<StringRef, 4> Parts;
  S.split(Parts, ',', -1, /*KeepEmpty=*/false);
  if (Parts.empty())
    return createStringError(inconvertibleErrorCode(),
                             "--budget: give energy=<E> and/or latency=<T>, "
                             "e.g. --budget energy=2mJ,latency=5ms");
  for (StringRef P : Parts) {
    auto [Key, Value] = P.split('=');
    Key = Key.trim();
    if (Key != "energy" && Key != "latency")
      return createStringError(inconvertibleErrorCode(),
                               "--budget: unknown budget '%s' (energy or "
                               "latency, e.g. energy=2mJ,latency=5ms)",
                               Key.str().c_str());
    if (Error E = applyRuleOption(C, "energy-budget", Key, Value))
      return createStringError(inconvertibleErrorCode(), "--budget: %s",
                               toString(std::move(E)).c_str());
  }
  return Error::success();
}

Error applyRuleOption(Config &C, StringRef Rule, StringRef Key,
                      StringRef Value, StringRef BaseDir) {
  const RuleInfo *RI = findRule(Rule);
  if (!RI)
    return createStringError(inconvertibleErrorCode(),
                             "unknown rule '%s' (rules: %s)",
                             Rule.str().c_str(), ruleIds().c_str());
  RuleSetting &S = C.Rules[RI->Id];
  std::string Where = (Rule + "." + Key).str();
  auto Bad = [&](const Twine &Why) {
    return fileError(Where, Why);
  };
  auto Fraction = [&](double &Into) -> Error {
    Expected<double> V = parseFraction(Value);
    if (!V)
      return Bad(toString(V.takeError()));
    Into = *V;
    return Error::success();
  };
  if (Key == "enabled") {
    if (Value == "true" || Value == "yes" || Value == "on")
      S.Enabled = true;
    else if (Value == "false" || Value == "no" || Value == "off")
      S.Enabled = false;
    else
      return Bad("'" + Value + "' is not true or false");
    return Error::success();
  }
  if (Key == "severity") {
    if (Value == "warning")
      S.Lev = Level::Warning;
    else if (Value == "error")
      S.Lev = Level::Error;
    else
      return Bad("'" + Value + "' is not warning or error");
    return Error::success();
  }
  if (Rule == "energy-budget" && Key == "energy") {
    Expected<double> V = parseQuantity(Value, QtyKind::Energy);
    if (!V)
      return Bad(toString(V.takeError()));
    C.BudgetJ = *V;
    return Error::success();
  }
  if (Rule == "energy-budget" && Key == "latency") {
    Expected<double> V = parseSeconds(Value);
    if (!V)
      return Bad(toString(V.takeError()));
    C.BudgetSeconds = *V;
    return Error::success();
  }
  if (Rule == "cache-spill" && Key == "level") {
    C.SpillLevel = Value.trim().str();
    return Error::success();
  }
  if (Rule == "cache-spill" && Key == "min-share")
    return Fraction(C.SpillMinShare);
  if (Rule == "wide-first-layer" && Key == "ratio") {
    Expected<double> V = parseQuantity(Value, QtyKind::Dimensionless);
    if (!V || *V < 1)
      return V ? Bad("the ratio must be at least 1")
               : Bad(toString(V.takeError()));
    C.WideRatio = *V;
    return Error::success();
  }
  if (Rule == "wide-first-layer" && Key == "min-input") {
    if (Value.trim().getAsInteger(10, C.WideMinInput) || C.WideMinInput < 0)
      return Bad("'" + Value + "' is not a count of input values");
    return Error::success();
  }
  if (Rule == "nonlinear-dominant" && Key == "max-share")
    return Fraction(C.NonlinearMaxShare);
  if (Rule == "narrower-dtype" && Key == "min-speedup") {
    Expected<double> V = parseQuantity(Value, QtyKind::Dimensionless);
    if (!V)
      return Bad(toString(V.takeError()));
    C.NarrowMinSpeedup = *V;
    return Error::success();
  }
  if (Rule == "narrower-dtype" && Key == "min-share")
    return Fraction(C.NarrowMinShare);
  if (Rule == "regression" && Key == "baseline") {
    SmallString<256> P(BaseDir);
    if (BaseDir.empty() || sys::path::is_absolute(Value))
      P = Value;
    else
      sys::path::append(P, Value);
    C.Baseline = P.str().str();
    return Error::success();
  }
  if (Rule == "regression" && Key == "max-increase")
    return Fraction(C.MaxIncrease);
  return Bad("unknown option of rule '" + Rule +
             "' (docs/CI.md lists each rule's options)");
}

} // namespace lint
} // namespace onnx_energy

// YAML I/O: the file is a mapping with `werror` and `rules`, `rules` maps
// rule ids to mappings of option names to scalar values.
namespace {
using OptionMap = std::map<std::string, std::string>;
using RuleMap = std::map<std::string, OptionMap>;
struct ConfigFile {
  std::optional<bool> Werror;
  RuleMap Rules;
};
} // namespace

namespace llvm {
namespace yaml {
template <> struct CustomMappingTraits<OptionMap> {
  static void inputOne(IO &Io, StringRef Key, OptionMap &M) {
    Io.mapRequired(Key.str().c_str(), M[Key.str()]);
  }
  static void output(IO &Io, OptionMap &M) {
    for (auto &[K, V] : M)
      Io.mapRequired(K.c_str(), V);
  }
};
template <> struct CustomMappingTraits<RuleMap> {
  static void inputOne(IO &Io, StringRef Key, RuleMap &M) {
    Io.mapRequired(Key.str().c_str(), M[Key.str()]);
  }
  static void output(IO &Io, RuleMap &M) {
    for (auto &[K, V] : M)
      Io.mapRequired(K.c_str(), V);
  }
};
template <> struct MappingTraits<ConfigFile> {
  static void mapping(IO &Io, ConfigFile &C) {
    Io.mapOptional("werror", C.Werror);
    Io.mapOptional("rules", C.Rules);
  }
};
} // namespace yaml
} // namespace llvm

namespace onnx_energy {
namespace lint {

Error applyConfigFile(StringRef Path, Config &C) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return fileError(Path, "cannot read: " + Buf.getError().message());
  ConfigFile F;
  std::string Messages;
  {
    yaml::Input In((*Buf)->getBuffer(), nullptr,
                   [](const SMDiagnostic &D, void *Ctx) {
                     auto &M = *static_cast<std::string *>(Ctx);
                     raw_string_ostream OS(M);
                     OS << D.getLineNo() << ":" << (D.getColumnNo() + 1)
                        << ": " << D.getMessage();
                   },
                   &Messages);
    // An empty file (or one with only comments) configures nothing.
    if ((*Buf)->getBuffer().trim().empty())
      return Error::success();
    In >> F;
    if (In.error())
      return createStringError(
          inconvertibleErrorCode(), "%s:%s", Path.str().c_str(),
          Messages.empty() ? " not a valid configuration"
                           : Messages.c_str());
  }
  if (F.Werror)
    C.Werror = *F.Werror;
  StringRef Dir = sys::path::parent_path(Path);
  for (auto &[Rule, Options] : F.Rules) {
    if (!findRule(Rule))
      return fileError(Path, "unknown rule '" + Rule + "' (rules: " +
                                   ruleIds() + ")");
    for (auto &[Key, Value] : Options)
      if (Error E = applyRuleOption(C, Rule, Key, Value, Dir))
        return fileError(Path, toString(std::move(E)));
  }
  return Error::success();
}

} // namespace lint
} // namespace onnx_energy
