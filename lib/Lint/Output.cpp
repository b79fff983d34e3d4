//===- lib/Lint/Output.cpp - Compiler-style, SARIF and JUnit findings -----===//
//
// Compiler-style lines are the analyzer's diagnostic format
// (Support/Diagnostics.h), so editors and CI log parsers treat lint findings
// like the analyzer's warnings. SARIF 2.1.0 (OASIS) is what code-scanning
// services ingest: the rules go in tool.driver.rules, each finding is a
// result whose location is the model file (artifactLocation) and the node
// (logicalLocations). JUnit XML is what test-report viewers show: a test case
// per enabled rule.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Config.h"
#include "onnx-energy/Lint/Lint.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace onnx_energy {
namespace lint {

void renderCompilerStyle(const std::vector<Finding> &Fs, StringRef ModelPath,
                         raw_ostream &OS) {
  DiagnosticList L;
  for (const Finding &F : Fs)
    L.add({F.Lev == Level::Error ? Severity::Error : Severity::Warning,
           ModelPath.str(), F.Node, F.OpType, F.Rule, F.Message});
  L.print(OS);
}

namespace {

/// A relative path as a URI reference: '/' separators, reserved characters
/// percent-encoded (RFC 3986).
std::string toURI(StringRef Path) {
  std::string Out;
  for (char Ch : sys::path::convert_to_slash(Path)) {
    unsigned char U = Ch;
    if (isalnum(U) || strchr("-._~/", Ch))
      Out += Ch;
    else {
      static const char Hex[] = "0123456789ABCDEF";
      Out += '%';
      Out += Hex[U >> 4];
      Out += Hex[U & 15];
    }
  }
  return Out;
}

json::Object artifactLocation(StringRef ModelPath) {
  json::Object A;
  if (sys::path::is_absolute(ModelPath)) {
    A["uri"] = "file://" + toURI(ModelPath);
  } else {
    A["uri"] = toURI(ModelPath);
    A["uriBaseId"] = "%SRCROOT%";
  }
  A["index"] = 0;
  return A;
}

std::string xmlEscape(StringRef S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&apos;";
      break;
    default:
      // XML 1.0 allows no control characters but tab and line ends.
      if (static_cast<unsigned char>(C) < 0x20 && C != '\t' && C != '\n' &&
          C != '\r')
        Out += '?';
      else
        Out += C;
    }
  }
  return Out;
}

std::string oneLine(const Finding &F, StringRef ModelPath) {
  std::string S;
  raw_string_ostream OS(S);
  renderCompilerStyle({F}, ModelPath, OS);
  return S;
}

} // namespace

void renderSARIF(const std::vector<Finding> &Fs, StringRef ModelPath,
                 const Config &C, raw_ostream &OS) {
  json::Array Rules;
  for (const RuleInfo &R : rules()) {
    auto It = C.Rules.find(R.Id);
    RuleSetting S = It != C.Rules.end() ? It->second
                                        : RuleSetting{true, R.DefaultLevel};
    Rules.push_back(json::Object{
        {"id", R.Id},
        {"name", R.Id},
        {"shortDescription", json::Object{{"text", R.Summary}}},
        {"fullDescription", json::Object{{"text", R.Rationale}}},
        {"help", json::Object{{"text", std::string(R.Rationale) +
                                           " (docs/CI.md, rule " + R.Id +
                                           ")"}}},
        {"defaultConfiguration",
         json::Object{{"enabled", S.Enabled}, {"level", levelName(S.Lev)}}},
    });
  }
  json::Array Results;
  for (const Finding &F : Fs) {
    int Index = 0;
    for (const RuleInfo &R : rules()) {
      if (F.Rule == R.Id)
        break;
      ++Index;
    }
    json::Object Loc{
        {"physicalLocation",
         json::Object{{"artifactLocation", artifactLocation(ModelPath)}}}};
    if (!F.Node.empty())
      Loc["logicalLocations"] = json::Array{json::Object{
          {"name", F.Node},
          {"fullyQualifiedName", "graph/" + F.Node},
          {"kind", "member"},
          {"properties", json::Object{{"opType", F.OpType}}}}};
    std::string Text = F.Message;
    if (!F.Node.empty())
      Text = "node '" + F.Node + "' (" + F.OpType + "): " + Text;
    Results.push_back(json::Object{
        {"ruleId", F.Rule},
        {"ruleIndex", Index},
        {"level", levelName(F.Lev)},
        {"message", json::Object{{"text", Text}}},
        {"locations", json::Array{std::move(Loc)}},
    });
  }
  json::Object Run{
      {"tool",
       json::Object{{"driver",
                     json::Object{{"name", "onnx-energy"},
                                  {"version", ONNX_ENERGY_VERSION},
                                  {"rules", std::move(Rules)}}}}},
      {"artifacts",
       json::Array{json::Object{
           {"location", [&] {
              json::Object A = artifactLocation(ModelPath);
              A.erase("index");
              return A;
            }()}}}},
      {"results", std::move(Results)},
  };
  json::Object Root{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}},
  };
  OS << formatv("{0:2}", json::Value(std::move(Root))) << "\n";
}

void renderJUnit(const std::vector<Finding> &Fs, StringRef ModelPath,
                 const Config &C, raw_ostream &OS) {
  struct Case {
    const RuleInfo *Rule;
    std::vector<const Finding *> Failing, Passing;
  };
  std::vector<Case> Cases;
  unsigned Failures = 0;
  for (const RuleInfo &R : rules()) {
    auto It = C.Rules.find(R.Id);
    if (It != C.Rules.end() && !It->second.Enabled)
      continue;
    Case K{&R, {}, {}};
    for (const Finding &F : Fs)
      if (F.Rule == R.Id)
        (F.Lev == Level::Error || C.Werror ? K.Failing : K.Passing)
            .push_back(&F);
    Failures += !K.Failing.empty();
    Cases.push_back(std::move(K));
  }
  std::string Suite = xmlEscape(ModelPath);
  OS << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  OS << "<testsuites name=\"onnx-energy lint\" tests=\"" << Cases.size()
     << "\" failures=\"" << Failures << "\" errors=\"0\">\n";
  OS << "  <testsuite name=\"" << Suite << "\" tests=\"" << Cases.size()
     << "\" failures=\"" << Failures << "\" errors=\"0\" skipped=\"0\">\n";
  for (const Case &K : Cases) {
    OS << "    <testcase classname=\"onnx-energy.lint." << Suite
       << "\" name=\"" << K.Rule->Id << "\"";
    if (K.Failing.empty() && K.Passing.empty()) {
      OS << "/>\n";
      continue;
    }
    OS << ">\n";
    if (!K.Failing.empty()) {
      std::string Body;
      for (const Finding *F : K.Failing)
        Body += oneLine(*F, ModelPath);
      OS << "      <failure type=\"" << K.Rule->Id << "\" message=\""
         << xmlEscape(K.Failing.size() == 1
                          ? K.Failing[0]->Message
                          : std::to_string(K.Failing.size()) + " findings")
         << "\">" << xmlEscape(Body) << "</failure>\n";
    }
    if (!K.Passing.empty()) {
      std::string Body;
      for (const Finding *F : K.Passing)
        Body += oneLine(*F, ModelPath);
      OS << "      <system-out>" << xmlEscape(Body) << "</system-out>\n";
    }
    OS << "    </testcase>\n";
  }
  OS << "  </testsuite>\n</testsuites>\n";
}

} // namespace lint
} // namespace onnx_energy
