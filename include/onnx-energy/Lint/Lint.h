//===- Lint/Lint.h - Energy rules over an estimate ----------------*- C++ -*-===//
//
// `onnx-energy lint` checks a model's estimate against rules, each with a
// stable id and a documented rationale (docs/CI.md, "Rule reference"):
//
//   energy-budget       the model's energy or latency is over a budget
//   cache-spill         a node's working set spills a cache level
//   wide-first-layer    the first dense/conv layer is much wider than the
//                       rest, on a large input
//   unfolded-batchnorm  a BatchNormalization after Conv/Gemm is not folded
//   nonlinear-dominant  non-linear primitives dominate the TOs
//   narrower-dtype      f32 work where the target runs a narrower float faster
//   regression          the estimate grew against a baseline JSON report
//
// Rules are switched on and off, given a severity and configured in a YAML
// file (.onnx-energy.yaml) and on the command line; the findings are printed
// compiler-style, as SARIF 2.1.0 or as JUnit XML.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LINT_LINT_H
#define ONNX_ENERGY_LINT_LINT_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Target/Target.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace onnx_energy {
namespace lint {

enum class Level { Warning, Error };
const char *levelName(Level L);

struct RuleInfo {
  const char *Id;
  const char *Summary;   ///< one line: what a finding means
  const char *Rationale; ///< why it costs energy, with the source
  Level DefaultLevel;
};

/// Every rule, in the order of the reference.
llvm::ArrayRef<RuleInfo> rules();
const RuleInfo *findRule(llvm::StringRef Id);

struct RuleSetting {
  bool Enabled = true;
  Level Lev = Level::Warning;
};

struct Config {
  std::map<std::string, RuleSetting> Rules; ///< every rule, from defaults
  bool Werror = false; ///< warnings count as errors for the exit status
  // energy-budget
  std::optional<double> BudgetJ, BudgetSeconds;
  // cache-spill
  std::string SpillLevel;      ///< "" = the last cache level
  double SpillMinShare = 0.01; ///< of the model's energy
  // wide-first-layer
  double WideRatio = 4;
  int64_t WideMinInput = 1024; ///< input values per sample
  // nonlinear-dominant
  double NonlinearMaxShare = 0.5; ///< of the costed TOs
  // narrower-dtype
  double NarrowMinSpeedup = 2;
  double NarrowMinShare = 0.01;
  // regression
  std::string Baseline;     ///< a report written by `onnx-energy --json`
  double MaxIncrease = 0.05;
};

/// Every rule enabled at its default level, the defaults above.
Config defaultConfig();

/// Applies a .onnx-energy.yaml file to C (docs/CI.md, "Configuration").
/// Relative paths in it (the baseline) are taken from the file's folder.
/// Errors name the file and the key.
llvm::Error applyConfigFile(llvm::StringRef Path, Config &C);

/// Applies one option of one rule: Key is the name used in the YAML file
/// ("enabled", "severity", "energy", "level", "max-increase", ...), Value its
/// text. BaseDir resolves relative paths.
llvm::Error applyRuleOption(Config &C, llvm::StringRef Rule,
                            llvm::StringRef Key, llvm::StringRef Value,
                            llvm::StringRef BaseDir = "");

/// "energy=2mJ,latency=5ms" (either part may be left out).
llvm::Error parseBudget(llvm::StringRef S, Config &C);
/// "5%" or "0.05".
llvm::Expected<double> parseFraction(llvm::StringRef S);
/// "5 ms", "2s", "300 us", "40ns".
llvm::Expected<double> parseSeconds(llvm::StringRef S);

struct Finding {
  std::string Rule;
  Level Lev = Level::Warning;
  std::string Node, OpType; ///< empty for findings about the whole model
  std::string Message;
};

/// Runs the enabled rules on one model's estimate. R must have been
/// collected from G on T. Errors: a baseline that cannot be read, is not a
/// report of onnx-energy or was made on another target; a cache level the
/// target does not have.
llvm::Expected<std::vector<Finding>> runLint(const Graph &G, const Target &T,
                                             const Report &R,
                                             const Config &C);

/// True when a finding fails the run (exit status 1): an error-level one, or
/// any with Werror.
bool fails(const std::vector<Finding> &Fs, const Config &C);

/// "model.onnx: node 'fc1' (Gemm): warning: message [rule]" per finding.
void renderCompilerStyle(const std::vector<Finding> &Fs,
                         llvm::StringRef ModelPath, llvm::raw_ostream &OS);
/// SARIF 2.1.0: one run, the rules in tool.driver.rules, each finding a
/// result with a logical location for the node and the model's artifact
/// location.
void renderSARIF(const std::vector<Finding> &Fs, llvm::StringRef ModelPath,
                 const Config &C, llvm::raw_ostream &OS);
/// JUnit XML: one test suite per model, one test case per enabled rule; a
/// rule with findings fails (error level) or passes with its warnings in
/// system-out.
void renderJUnit(const std::vector<Finding> &Fs, llvm::StringRef ModelPath,
                 const Config &C, llvm::raw_ostream &OS);

} // namespace lint
} // namespace onnx_energy

#endif
