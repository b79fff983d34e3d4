//===- test/Unit/OpCoverageTest.cpp - Every ONNX schema has a lowering ----===//
//
// Enumerates the operator schemas ONNX registers (every version of every op
// in ai.onnx, ai.onnx.ml and ai.onnx.preview.training) and checks that
// findLowering() has a rule for each (domain, op_type, since_version).
// Coverage is not complete yet: KnownMissing lists, sorted, the "domain:op"
// names that still have no rule. The test fails if a schema outside the list
// has no rule, and if an op in the list has gained rules for all of its
// versions (remove it: the list only shrinks).
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Lower/Rules.h"
#include <onnx/defs/schema.h>
#include <algorithm>
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

// "domain:op" names (ai.onnx is the empty domain) without a rule for at
// least one of their schema versions. Keep sorted; only remove entries.
const std::vector<std::string> KnownMissing = {
    ":DFT",
    ":Det",
    ":GridSample",
    ":MaxRoiPool",
    ":MelWeightMatrix",
    ":Multinomial",
    ":NonMaxSuppression",
    ":RoiAlign",
    ":STFT",
    ":SequenceMap",
    ":StringNormalizer",
    ":TfIdfVectorizer",
    ":Unique",
    "ai.onnx.ml:CastMap",
    "ai.onnx.ml:CategoryMapper",
    "ai.onnx.ml:DictVectorizer",
    "ai.onnx.ml:LabelEncoder",
    "ai.onnx.ml:OneHotEncoder",
    "ai.onnx.ml:SVMClassifier",
    "ai.onnx.ml:SVMRegressor",
    "ai.onnx.ml:TreeEnsembleClassifier",
    "ai.onnx.ml:TreeEnsembleRegressor",
    "ai.onnx.ml:ZipMap",
    "ai.onnx.preview.training:Adagrad",
    "ai.onnx.preview.training:Adam",
    "ai.onnx.preview.training:Gradient",
    "ai.onnx.preview.training:Momentum",
};

const std::set<std::string> Domains = {"", "ai.onnx.ml",
                                       "ai.onnx.preview.training"};

TEST(OpCoverage, EverySchemaHasALowering) {
  ASSERT_TRUE(std::is_sorted(KnownMissing.begin(), KnownMissing.end()))
      << "KnownMissing must stay sorted";
  std::set<std::string> Known(KnownMissing.begin(), KnownMissing.end());
  ASSERT_EQ(Known.size(), KnownMissing.size()) << "duplicate entries";

  size_t Total = 0, Covered = 0;
  std::map<std::string, bool> OpMissing; // op -> some version lacks a rule
  std::set<std::string> Unexpected;
  for (const onnx::OpSchema &S :
       onnx::OpSchemaRegistry::get_all_schemas_with_history()) {
    if (S.Deprecated() || !Domains.count(S.domain()))
      continue;
    ++Total;
    std::string Key = S.domain() + ":" + S.Name();
    bool Has = onnx_energy::findLowering(S.domain(), S.Name(),
                                         S.SinceVersion()) != nullptr;
    Covered += Has;
    OpMissing[Key] = OpMissing[Key] || !Has;
    if (!Has && !Known.count(Key))
      Unexpected.insert(Key + " (since " +
                        std::to_string(S.SinceVersion()) + ")");
  }
  std::cout << "[ coverage ] " << Covered << " / " << Total
            << " operator schemas have a lowering rule ("
            << std::count_if(OpMissing.begin(), OpMissing.end(),
                             [](const auto &P) { return !P.second; })
            << " / " << OpMissing.size() << " ops fully covered)\n";
  for (const std::string &U : Unexpected)
    ADD_FAILURE() << "no lowering rule for " << U
                  << " and it is not in KnownMissing";
  for (const std::string &K : KnownMissing) {
    auto It = OpMissing.find(K);
    if (It == OpMissing.end())
      ADD_FAILURE() << "KnownMissing names " << K
                    << ", which ONNX does not register (remove it)";
    else if (!It->second)
      ADD_FAILURE() << K << " now has a rule for every version: remove it "
                    << "from KnownMissing";
  }
}

} // namespace
