//===- test/Unit/LintTest.cpp - Lint configuration and output -------------===//
//
// The pieces of lib/Lint that the lit tests reach only through the driver:
// the quantity parsers, the rule table, option application and its errors,
// the YAML file, and that SARIF and JUnit stay well-formed with hostile
// strings (quotes, angle brackets, control characters) in names and messages.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Lint/Lint.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace onnx_energy;
using namespace onnx_energy::lint;

namespace {

TEST(LintTest, Seconds) {
  EXPECT_DOUBLE_EQ(cantFail(parseSeconds("5ms")), 5e-3);
  EXPECT_DOUBLE_EQ(cantFail(parseSeconds("5 ms")), 5e-3);
  EXPECT_DOUBLE_EQ(cantFail(parseSeconds("300us")), 3e-4);
  EXPECT_DOUBLE_EQ(cantFail(parseSeconds("40 ns")), 4e-8);
  EXPECT_DOUBLE_EQ(cantFail(parseSeconds("2s")), 2);
  for (const char *Bad : {"5", "ms", "-1ms", "5 min", "1e3", "5 mJ"}) {
    llvm::Expected<double> V = parseSeconds(Bad);
    EXPECT_FALSE(bool(V)) << Bad;
    llvm::consumeError(V.takeError());
  }
}

TEST(LintTest, Fractions) {
  EXPECT_DOUBLE_EQ(cantFail(parseFraction("5%")), 0.05);
  EXPECT_DOUBLE_EQ(cantFail(parseFraction("0.05")), 0.05);
  EXPECT_DOUBLE_EQ(cantFail(parseFraction("150 %")), 1.5);
  for (const char *Bad : {"", "%", "-5%", "five", "nan"}) {
    llvm::Expected<double> V = parseFraction(Bad);
    EXPECT_FALSE(bool(V)) << Bad;
    llvm::consumeError(V.takeError());
  }
}

TEST(LintTest, RuleTable) {
  llvm::StringSet<> Ids;
  for (const RuleInfo &R : rules()) {
    EXPECT_TRUE(Ids.insert(R.Id).second) << R.Id;
    EXPECT_GT(strlen(R.Summary), 20u) << R.Id;
    EXPECT_GT(strlen(R.Rationale), 80u) << R.Id;
    EXPECT_EQ(findRule(R.Id), &R);
  }
  EXPECT_EQ(Ids.size(), 7u);
  EXPECT_EQ(findRule("no-such-rule"), nullptr);
  Config C = defaultConfig();
  EXPECT_EQ(C.Rules.size(), 7u);
  EXPECT_EQ(C.Rules["energy-budget"].Lev, Level::Error);
  EXPECT_EQ(C.Rules["regression"].Lev, Level::Error);
  EXPECT_EQ(C.Rules["cache-spill"].Lev, Level::Warning);
}

TEST(LintTest, Budget) {
  Config C = defaultConfig();
  ASSERT_FALSE(bool(parseBudget("energy=2mJ,latency=5ms", C)));
  EXPECT_DOUBLE_EQ(*C.BudgetJ, 2e-3);
  EXPECT_DOUBLE_EQ(*C.BudgetSeconds, 5e-3);
  Config D = defaultConfig();
  ASSERT_FALSE(bool(parseBudget("latency=1 us", D)));
  EXPECT_FALSE(D.BudgetJ.has_value());
  for (const char *Bad : {"", "energy", "energy=2", "energy=2 W", "power=1J",
                          "latency=5mJ"}) {
    Config E = defaultConfig();
    llvm::Error Err = parseBudget(Bad, E);
    EXPECT_TRUE(bool(Err)) << Bad;
    llvm::consumeError(std::move(Err));
  }
}

TEST(LintTest, RuleOptions) {
  Config C = defaultConfig();
  EXPECT_FALSE(bool(applyRuleOption(C, "cache-spill", "enabled", "false")));
  EXPECT_FALSE(C.Rules["cache-spill"].Enabled);
  EXPECT_FALSE(bool(applyRuleOption(C, "narrower-dtype", "severity", "error")));
  EXPECT_EQ(C.Rules["narrower-dtype"].Lev, Level::Error);
  EXPECT_FALSE(bool(applyRuleOption(C, "wide-first-layer", "ratio", "8")));
  EXPECT_DOUBLE_EQ(C.WideRatio, 8);
  EXPECT_FALSE(bool(applyRuleOption(C, "regression", "baseline", "b.json",
                                    "/cfg")));
  EXPECT_EQ(C.Baseline, "/cfg/b.json");
  EXPECT_FALSE(bool(applyRuleOption(C, "regression", "baseline", "/abs.json",
                                    "/cfg")));
  EXPECT_EQ(C.Baseline, "/abs.json");
  struct {
    const char *Rule, *Key, *Value, *Message;
  } Bad[] = {
      {"cache-spil", "level", "L1", "unknown rule 'cache-spil'"},
      {"cache-spill", "ratio", "4", "cache-spill.ratio: unknown option"},
      {"cache-spill", "severity", "fatal", "'fatal' is not warning or error"},
      {"cache-spill", "enabled", "maybe", "'maybe' is not true or false"},
      {"wide-first-layer", "ratio", "0.5", "the ratio must be at least 1"},
      {"wide-first-layer", "min-input", "-3", "is not a count"},
      {"energy-budget", "energy", "3 W", "is a power, expected an energy"},
  };
  for (auto &B : Bad) {
    llvm::Error E = applyRuleOption(C, B.Rule, B.Key, B.Value);
    ASSERT_TRUE(bool(E)) << B.Rule << "." << B.Key;
    EXPECT_NE(llvm::toString(std::move(E)).find(B.Message), std::string::npos)
        << B.Message;
  }
}

TEST(LintTest, ConfigFile) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("lint", "yaml", Path));
  auto Write = [&](llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  };
  Write("werror: true\nrules:\n  cache-spill:\n    level: L1\n"
        "    min-share: 10%\n  regression: {baseline: base.json}\n");
  Config C = defaultConfig();
  ASSERT_FALSE(bool(applyConfigFile(Path, C)));
  EXPECT_TRUE(C.Werror);
  EXPECT_EQ(C.SpillLevel, "L1");
  EXPECT_DOUBLE_EQ(C.SpillMinShare, 0.1);
  EXPECT_EQ(llvm::sys::path::filename(C.Baseline), "base.json");
  EXPECT_EQ(llvm::sys::path::parent_path(C.Baseline),
            llvm::sys::path::parent_path(Path));

  Write("# nothing configured\n");
  Config D = defaultConfig();
  EXPECT_FALSE(bool(applyConfigFile(Path, D)));

  for (const char *Bad : {"rules: [1, 2]\n", "werror: sometimes\n",
                          "rules:\n  cache-spill: {level: [L1]}\n",
                          "colour: blue\n", "rules:\n  nope: {}\n"}) {
    Write(Bad);
    Config E = defaultConfig();
    llvm::Error Err = applyConfigFile(Path, E);
    ASSERT_TRUE(bool(Err)) << Bad;
    EXPECT_NE(llvm::toString(std::move(Err)).find(Path.str().str()),
              std::string::npos)
        << Bad;
  }
  llvm::sys::fs::remove(Path);
}

std::vector<Finding> hostileFindings() {
  return {{"cache-spill", Level::Warning, "a\"b<c>&'d\x01", "Gemm",
           "working set \"big\" <too> & more\ttab"},
          {"energy-budget", Level::Error, "", "", "over & out"}};
}

TEST(LintTest, SARIFIsJSON) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  Config C = defaultConfig();
  renderSARIF(hostileFindings(), "dir with space/m\"odel.onnx", C, OS);
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(S);
  ASSERT_TRUE(bool(V)) << llvm::toString(V.takeError());
  const llvm::json::Object *Root = V->getAsObject();
  ASSERT_TRUE(Root);
  EXPECT_EQ(Root->getString("version"), "2.1.0");
  const llvm::json::Object *Run =
      Root->getArray("runs")->front().getAsObject();
  const llvm::json::Array *Results = Run->getArray("results");
  ASSERT_EQ(Results->size(), 2u);
  const llvm::json::Object *R0 = (*Results)[0].getAsObject();
  EXPECT_EQ(R0->getString("ruleId"), "cache-spill");
  EXPECT_EQ(R0->getInteger("ruleIndex"), 1);
  const llvm::json::Object *Loc =
      R0->getArray("locations")->front().getAsObject();
  EXPECT_EQ(Loc->getObject("physicalLocation")
                ->getObject("artifactLocation")
                ->getString("uri"),
            "dir%20with%20space/m%22odel.onnx");
  EXPECT_EQ(Loc->getArray("logicalLocations")
                ->front()
                .getAsObject()
                ->getString("name"),
            "a\"b<c>&'d\x01");
  // The model-level finding has no logical location.
  const llvm::json::Object *L1 = (*Results)[1]
                                     .getAsObject()
                                     ->getArray("locations")
                                     ->front()
                                     .getAsObject();
  EXPECT_EQ(L1->getArray("logicalLocations"), nullptr);
}

TEST(LintTest, JUnitEscapes) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  Config C = defaultConfig();
  C.Rules["regression"].Enabled = false;
  renderJUnit(hostileFindings(), "m<1>.onnx", C, OS);
  EXPECT_NE(S.find("tests=\"6\" failures=\"1\""), std::string::npos) << S;
  EXPECT_NE(S.find("name=\"m&lt;1&gt;.onnx\""), std::string::npos) << S;
  EXPECT_NE(S.find("&quot;big&quot; &lt;too&gt; &amp; more"),
            std::string::npos)
      << S;
  EXPECT_EQ(S.find('\x01'), std::string::npos);
  EXPECT_EQ(S.find("regression"), std::string::npos);
  // Werror turns the warning into a failure.
  std::string W;
  llvm::raw_string_ostream WS(W);
  C.Werror = true;
  renderJUnit(hostileFindings(), "m.onnx", C, WS);
  EXPECT_NE(W.find("failures=\"2\""), std::string::npos) << W;
  EXPECT_TRUE(fails(hostileFindings(), C));
  C.Werror = false;
  EXPECT_TRUE(fails(hostileFindings(), C));
  EXPECT_FALSE(fails({hostileFindings()[0]}, C));
}

} // namespace
