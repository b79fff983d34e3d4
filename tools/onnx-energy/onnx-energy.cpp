//===- tools/onnx-energy/onnx-energy.cpp - The analyzer's driver ----------===//
//
// A thin driver: options -> Import -> Lower -> Energy -> Views. Every failure
// becomes one `onnx-energy: error: ...` line and an exit code:
//   0  the report was produced
//   1  (reserved for lint findings at error level)
//   2  usage or input error (bad option, unreadable or invalid model, unknown
//      op under --unknown-ops=error, output file problems)
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Config.h"
#include "onnx-energy/Energy/Estimate.h"
#include "onnx-energy/Import/Import.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Target/Target.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace onnx_energy;

namespace {
cl::OptionCategory ModelCat("Model options");
cl::OptionCategory TargetCat("Target options");
cl::OptionCategory OutputCat("Output options");

cl::opt<std::string> InputFile(cl::Positional, cl::desc("<model.onnx|model.onnxtxt>"),
                               cl::cat(ModelCat));
cl::list<std::string> Dims(
    "dim", cl::desc("Give a symbolic dimension a value, e.g. --dim batch=8 "
                    "(repeatable)"),
    cl::value_desc("NAME=VALUE"), cl::cat(ModelCat));
cl::list<std::string> Inputs(
    "input", cl::desc("Pin a graph input's shape, e.g. --input "
                      "data=1x3x224x224 (repeatable)"),
    cl::value_desc("NAME=D0xD1x..."), cl::cat(ModelCat));
cl::opt<UnknownOpPolicy> UnknownOps(
    "unknown-ops", cl::desc("What to do with an op that has no lowering rule"),
    cl::values(clEnumValN(UnknownOpPolicy::Warn, "warn",
                          "report it, leave it uncosted, exit 0 (default)"),
               clEnumValN(UnknownOpPolicy::Error, "error",
                          "report it and exit 2")),
    cl::init(UnknownOpPolicy::Warn), cl::cat(ModelCat));
cl::opt<IfBranchPolicy> IfBranch(
    "if-branch",
    cl::desc("Which branch of an If costs (a constant condition always "
             "picks its own; the choice is reported)"),
    cl::values(clEnumValN(IfBranchPolicy::Costlier, "costlier",
                          "the branch with more TOs (default)"),
               clEnumValN(IfBranchPolicy::Then, "then", "then_branch"),
               clEnumValN(IfBranchPolicy::Else, "else", "else_branch")),
    cl::init(IfBranchPolicy::Costlier), cl::cat(ModelCat));
cl::opt<long long> LoopTrips(
    "loop-trips",
    cl::desc("Iterations of a Loop whose trip count is not a constant of the "
             "graph (without it such a Loop is not costed)"),
    cl::value_desc("N"), cl::init(-1), cl::cat(ModelCat));

cl::opt<std::string> TargetName(
    "target", cl::desc("Hardware target by name or alias (--target=help lists "
                       "them)"),
    cl::init("a100"), cl::cat(TargetCat));
cl::opt<std::string> TargetFile(
    "target-file",
    cl::desc("Load targets from FILE, written with the classes of "
             "TargetSchema.td (docs/Targets.md); --target picks one of them, "
             "and may be left out when FILE defines one"),
    cl::value_desc("FILE"), cl::cat(TargetCat));
cl::opt<MemoryModel> MemModel(
    "memory-model",
    cl::desc("How bytes are placed in the memory levels (docs/MemoryModel.md)"),
    cl::values(clEnumValN(MemoryModel::LRU, "lru",
                          "tensors stay cached between producer and "
                          "consumers while they fit (default)"),
               clEnumValN(MemoryModel::ButterE, "butter-e",
                          "BUTTER-E placement of each node's working set")),
    cl::init(MemoryModel::LRU), cl::cat(TargetCat));
cl::opt<bool> ShowSources("show-sources",
                          cl::desc("Print the target's figures with their "
                                   "sources and the primitive catalog, and exit"),
                          cl::cat(TargetCat));

/// Report formats (docs/Reports.md).
enum class OutputFormat { Text, JSON, HTML, CSV, DOT, NetronJSON };
cl::opt<OutputFormat> Format(
    "format",
    cl::desc("Report format (default: from the -o file's extension, else "
             "text)"),
    cl::values(
        clEnumValN(OutputFormat::Text, "text", "the human-readable report"),
        clEnumValN(OutputFormat::JSON, "json",
                   "the machine-readable report (.json)"),
        clEnumValN(OutputFormat::HTML, "html",
                   "a self-contained HTML page (.html, .htm)"),
        clEnumValN(OutputFormat::CSV, "csv", "one row per node (.csv)"),
        clEnumValN(OutputFormat::DOT, "dot",
                   "Graphviz, nodes coloured by energy (.dot, .gv)"),
        clEnumValN(OutputFormat::NetronJSON, "netron-json",
                   "a Netron attachment with each node's estimate")),
    cl::cat(OutputCat));
cl::opt<bool> JSON("json", cl::desc("Same as --format=json"),
                   cl::cat(OutputCat));
cl::opt<bool> DOTFormat("dot", cl::desc("Same as --format=dot"),
                        cl::cat(OutputCat));
cl::opt<bool> NetronJSON("netron-json",
                         cl::desc("Same as --format=netron-json"),
                         cl::cat(OutputCat));
cl::opt<std::string> OutputFile(
    "o", cl::desc("Write the report to FILE, in the format its extension "
                  "names unless --format says; written atomically, never "
                  "over the input"),
    cl::value_desc("FILE"), cl::cat(OutputCat));
cl::opt<bool> Force("force", cl::desc("Replace an existing output file"),
                    cl::cat(OutputCat));
cl::opt<SortOrder> Sort(
    "sort", cl::desc("Order of the per-op table"),
    cl::values(clEnumValN(SortOrder::Energy, "energy",
                          "most energy first (default)"),
               clEnumValN(SortOrder::Graph, "graph", "topological order"),
               clEnumValN(SortOrder::TOs, "tos", "most TOs first")),
    cl::init(SortOrder::Energy), cl::cat(OutputCat));
cl::opt<unsigned> Top("top", cl::desc("Rows in the text per-op table (0 = all)"),
                      cl::init(0), cl::cat(OutputCat));
cl::opt<bool> PrintGraph("print-graph",
                         cl::desc("Print the imported, sorted, typed graph "
                                  "and exit"),
                         cl::cat(OutputCat));
cl::opt<bool> PrintLoweringOpt("print-lowering",
                               cl::desc("Print each node's primitive counts "
                                        "and exit"),
                               cl::cat(OutputCat));

int fail(const Twine &Msg) {
  WithColor::error(errs(), "onnx-energy") << Msg << "\n";
  return 2;
}

void printVersion(raw_ostream &OS) {
  OS << "onnx-energy " << ONNX_ENERGY_VERSION << "\n";
}

void printCatalogSources(raw_ostream &OS) {
  OS << "\nprimitives (TOs per element at f32; sources):\n";
  std::optional<unsigned> F32 = findDType("f32");
  for (unsigned I = 0; I < primitives().size(); ++I) {
    const PrimitiveRow &P = primitives()[I];
    OS << "  " << P.Name << ": " << P.Description;
    if (F32)
      OS << " [" << transistorOps(I, *F32) << " TOs at f32]";
    OS << "\n    source: " << P.Source << "\n";
  }
}

const char *formatName(OutputFormat F) {
  switch (F) {
  case OutputFormat::Text:
    return "text";
  case OutputFormat::JSON:
    return "json";
  case OutputFormat::HTML:
    return "html";
  case OutputFormat::CSV:
    return "csv";
  case OutputFormat::DOT:
    return "dot";
  case OutputFormat::NetronJSON:
    return "netron-json";
  }
  return "?";
}

/// The report format: --format or one of its aliases (which must agree),
/// else the one the -o file's extension names, else text.
Expected<OutputFormat> chooseFormat() {
  std::optional<OutputFormat> Chosen;
  std::string ChosenBy;
  auto Ask = [&](bool Given, OutputFormat F, StringRef Spelling) -> Error {
    if (!Given)
      return Error::success();
    if (Chosen && *Chosen != F)
      return make_error<StringError>(Twine(ChosenBy) + " and " + Spelling +
                                         " ask for different formats",
                                     inconvertibleErrorCode());
    Chosen = F;
    ChosenBy = Spelling.str();
    return Error::success();
  };
  if (Error E = Ask(Format.getNumOccurrences(), Format,
                    std::string("--format=") + formatName(Format)))
    return E;
  if (Error E = Ask(JSON, OutputFormat::JSON, "--json"))
    return E;
  if (Error E = Ask(DOTFormat, OutputFormat::DOT, "--dot"))
    return E;
  if (Error E = Ask(NetronJSON, OutputFormat::NetronJSON, "--netron-json"))
    return E;
  if (Chosen)
    return *Chosen;
  std::string Ext = sys::path::extension(OutputFile).lower();
  if (Ext == ".json")
    return OutputFormat::JSON;
  if (Ext == ".html" || Ext == ".htm")
    return OutputFormat::HTML;
  if (Ext == ".csv")
    return OutputFormat::CSV;
  if (Ext == ".dot" || Ext == ".gv")
    return OutputFormat::DOT;
  return OutputFormat::Text;
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions({&ModelCat, &TargetCat, &OutputCat});
  cl::SetVersionPrinter(printVersion);
  cl::ParseCommandLineOptions(
      argc, argv,
      "onnx-energy: static energy analysis of ONNX models\n\n"
      "  Lowers every node of the model to primitive arithmetic (adds, "
      "multiplies,\n  divisions, square roots, exps, ...), counts the "
      "transistor operations (TOs)\n  they cost at the operands' bit widths, "
      "and estimates energy on a target as\n  compute (TOs x energy per TO) + "
      "memory (bytes x energy of the level that\n  serves them) + static "
      "(power x roofline time). Weights are never read.\n\n"
      "  onnx-energy model.onnx --target=a100\n"
      "  onnx-energy model.onnxtxt --target=unit --json -o report.json\n"
      "  onnx-energy model.onnx -o report.html   (also .csv, .dot; "
      "--netron-json)\n\n"
      "  Exit status: 0 report produced, 2 usage or input error.\n");

  if (!TargetFile.empty()) {
    Expected<std::vector<const Target *>> Loaded =
        loadTargetFile(TargetFile, targetSchemaDirs(argv[0]));
    if (!Loaded)
      return fail(toString(Loaded.takeError()));
    // Without --target, the file's only target is the one meant.
    if (!TargetName.getNumOccurrences()) {
      if (Loaded->size() != 1) {
        std::string Names;
        for (const Target *T : *Loaded)
          Names += (Names.empty() ? "" : ", ") + T->name().str();
        return fail("'" + TargetFile + "' defines " + Twine(Loaded->size()) +
                    " targets (" + Names + "); pick one with --target");
      }
      TargetName = Loaded->front()->name().str();
    }
  }
  if (TargetName == "help") {
    printTargetList(outs());
    return 0;
  }
  Expected<const Target *> T = findTarget(TargetName);
  if (!T)
    return fail(toString(T.takeError()));
  if (ShowSources) {
    printTargetSources(**T, outs());
    printCatalogSources(outs());
    return 0;
  }
  if (InputFile.empty())
    return fail("no model given (usage: onnx-energy model.onnx "
                "--target=NAME; --help for more)");

  ImportOptions IO;
  for (const std::string &D : Dims)
    if (Error E = parseDimOption(D, IO))
      return fail(toString(std::move(E)));
  for (const std::string &I : Inputs)
    if (Error E = parseInputOption(I, IO))
      return fail(toString(std::move(E)));

  // Refuse an output that would replace the input or an existing file
  // before doing any work.
  Expected<OutputFormat> Fmt = chooseFormat();
  if (!Fmt)
    return fail(toString(Fmt.takeError()));
  if (!OutputFile.empty() && OutputFile != "-") {
    if (sys::fs::exists(OutputFile)) {
      bool Same = false;
      if (!sys::fs::equivalent(OutputFile, InputFile, Same) && Same)
        return fail("output file '" + OutputFile + "' is the input model");
      if (!TargetFile.empty() &&
          !sys::fs::equivalent(OutputFile, TargetFile, Same) && Same)
        return fail("output file '" + OutputFile + "' is the target file");
      if (!Force)
        return fail("output file '" + OutputFile +
                    "' exists; use --force to replace it");
    }
  }

  DiagnosticList Diags;
  Expected<Graph> G = importModel(InputFile, IO, Diags);
  if (!G)
    return fail(toString(G.takeError()));
  if (PrintGraph) {
    printGraph(*G, outs());
    Diags.print(errs());
    return 0;
  }

  LowerOptions LO;
  LO.UnknownOps = UnknownOps;
  LO.IfBranch = IfBranch;
  if (LoopTrips.getNumOccurrences()) {
    if (LoopTrips < 0)
      return fail("--loop-trips=" + Twine(LoopTrips) +
                  ": the trip count must be 0 or more");
    LO.LoopTrips = int64_t(LoopTrips);
  }
  LoweredGraph L = lowerGraph(*G, LO, Diags);
  if (PrintLoweringOpt) {
    printLowering(*G, L, outs());
    Diags.print(errs());
    return Diags.count(Severity::Error) ? 2 : 0;
  }
  if (unsigned Errors = Diags.count(Severity::Error)) {
    // Policy errors (--unknown-ops=error): no report is written.
    Diags.print(errs());
    return fail(Twine(Errors) + " error(s) in '" + InputFile +
                "'; no report written");
  }
  Estimate E = estimateEnergy(*G, L, **T, Diags, MemModel);

  ReportOptions RO;
  RO.Sort = Sort;
  RO.Top = Top;
  RO.Parameters["target"] = TargetName;
  if (!TargetFile.empty())
    RO.Parameters["target_file"] = TargetFile;
  RO.Parameters["memory_model"] =
      MemModel == MemoryModel::LRU ? "lru" : "butter-e";
  RO.Parameters["unknown_ops"] =
      UnknownOps == UnknownOpPolicy::Error ? "error" : "warn";
  RO.Parameters["if_branch"] = IfBranch == IfBranchPolicy::Then   ? "then"
                               : IfBranch == IfBranchPolicy::Else ? "else"
                                                                  : "costlier";
  RO.Parameters["loop_trips"] =
      LO.LoopTrips ? std::to_string(*LO.LoopTrips) : std::string();
  RO.Parameters["sort"] = Sort == SortOrder::Graph  ? "graph"
                          : Sort == SortOrder::TOs ? "tos"
                                                   : "energy";
  std::string DimStr, InputStr;
  for (const std::string &D : Dims)
    DimStr += (DimStr.empty() ? "" : ",") + D;
  for (const std::string &I : Inputs)
    InputStr += (InputStr.empty() ? "" : ";") + I;
  RO.Parameters["dims"] = DimStr;
  RO.Parameters["inputs"] = InputStr;
  Report R = collectReport(*G, L, E, **T, Diags, RO);

  // Diagnostics go into the report; also to stderr as compiler-style lines
  // unless the text report (which lists them) is what goes to stdout.
  bool TextToStdout = *Fmt == OutputFormat::Text &&
                      (OutputFile.empty() || OutputFile == "-");
  if (!TextToStdout)
    Diags.print(errs());
  auto Render = [&](raw_ostream &OS) -> Error {
    switch (*Fmt) {
    case OutputFormat::Text:
      renderText(R, OS);
      break;
    case OutputFormat::JSON:
      renderJSON(R, OS);
      break;
    case OutputFormat::HTML:
      renderHTML(R, OS);
      break;
    case OutputFormat::CSV:
      renderCSV(R, OS);
      break;
    case OutputFormat::DOT:
      renderDOT(R, *G, OS);
      break;
    case OutputFormat::NetronJSON:
      renderNetronJSON(R, OS);
      break;
    }
    return Error::success();
  };
  if (OutputFile.empty() || OutputFile == "-") {
    cantFail(Render(outs()));
  } else if (Error Err = writeToOutput(OutputFile, Render)) {
    return fail("cannot write '" + OutputFile + "': " + toString(std::move(Err)));
  }
  return 0;
}
