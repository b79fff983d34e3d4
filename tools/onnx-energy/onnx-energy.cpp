//===- tools/onnx-energy/onnx-energy.cpp - The analyzer's driver ----------===//
//
// A thin driver: options -> Analysis (Import -> Lower -> Energy) -> Views,
// Annotate or Lint. Every failure
// becomes one `onnx-energy: error: ...` line and an exit code:
//   0  the report (annotated model, lint run) was produced
//   1  `lint` found error-level findings (or warnings under --werror)
//   2  usage or input error (bad option, unreadable or invalid model, unknown
//      op under --unknown-ops=error, output file problems)
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Analysis/Analysis.h"
#include "onnx-energy/Annotate/Annotate.h"
#include "onnx-energy/Config.h"
#include "onnx-energy/Lint/Lint.h"
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
// Commands. Without one, onnx-energy writes the report (the top-level
// command). The options of the model, the target and the output file are
// shared by all three (cl::sub(AllCmds)); the others belong to one command.
cl::SubCommand AnnotateCmd(
    "annotate", "Write a copy of the model whose nodes carry the estimate "
                "(doc_string and metadata_props; docs/CommandGuide/"
                "onnx-energy.md)");
cl::SubCommand LintCmd("lint", "Check the estimate against energy rules "
                               "(docs/CI.md); exit 1 on error-level findings");
cl::SubCommandGroup AllCmds({&cl::SubCommand::getTopLevel(), &AnnotateCmd,
                             &LintCmd});

cl::OptionCategory ModelCat("Model options");
cl::OptionCategory TargetCat("Target options");
cl::OptionCategory OutputCat("Output options");

cl::opt<std::string> InputFile(cl::Positional, cl::desc("<model.onnx|model.onnxtxt>"),
                               cl::sub(AllCmds), cl::cat(ModelCat));
cl::list<std::string> Dims(
    "dim", cl::desc("Give a symbolic dimension a value, e.g. --dim batch=8 "
                    "(repeatable)"),
    cl::value_desc("NAME=VALUE"), cl::sub(AllCmds), cl::cat(ModelCat));
cl::list<std::string> Inputs(
    "input", cl::desc("Pin a graph input's shape, e.g. --input "
                      "data=1x3x224x224 (repeatable)"),
    cl::value_desc("NAME=D0xD1x..."), cl::sub(AllCmds), cl::cat(ModelCat));
cl::list<std::string> InputData(
    "input-data",
    cl::desc("The value of a graph input, from a serialized TensorProto "
             "(a SequenceProto for a sequence input) as ONNX test data sets "
             "store them; it pins the input's shape, and costs that depend "
             "on values (a Loop's trip count, a CumSum axis, a window "
             "length) use it. NAME defaults to the name in the file "
             "(repeatable)"),
    cl::value_desc("[NAME=]FILE.pb"), cl::sub(AllCmds), cl::cat(ModelCat));
cl::opt<std::string> InputDataDir(
    "input-data-dir",
    cl::desc("Take DIR/input_0.pb, input_1.pb, ... (an ONNX test data set) "
             "as --input-data for the graph inputs, in order"),
    cl::value_desc("DIR"), cl::sub(AllCmds), cl::cat(ModelCat));
cl::opt<UnknownOpPolicy> UnknownOps(
    "unknown-ops", cl::desc("What to do with an op that has no lowering rule"),
    cl::values(clEnumValN(UnknownOpPolicy::Warn, "warn",
                          "report it, leave it uncosted, exit 0 (default)"),
               clEnumValN(UnknownOpPolicy::Error, "error",
                          "report it and exit 2")),
    cl::init(UnknownOpPolicy::Warn), cl::sub(AllCmds), cl::cat(ModelCat));
cl::opt<IfBranchPolicy> IfBranch(
    "if-branch",
    cl::desc("Which branch of an If costs (a constant condition always "
             "picks its own; the choice is reported)"),
    cl::values(clEnumValN(IfBranchPolicy::Costlier, "costlier",
                          "the branch with more TOs (default)"),
               clEnumValN(IfBranchPolicy::Then, "then", "then_branch"),
               clEnumValN(IfBranchPolicy::Else, "else", "else_branch")),
    cl::init(IfBranchPolicy::Costlier), cl::sub(AllCmds), cl::cat(ModelCat));
cl::opt<long long> LoopTrips(
    "loop-trips",
    cl::desc("Iterations of a Loop whose trip count is not a constant of the "
             "graph (without it such a Loop is not costed)"),
    cl::value_desc("N"), cl::init(-1), cl::sub(AllCmds), cl::cat(ModelCat));

// Training (docs/Training.md); the options are checked by makeTrainOptions.
cl::opt<std::string> Mode("mode",
                          cl::desc("infer (default) or train: one training "
                                   "step = forward + backward + update"),
                          cl::init("infer"), cl::sub(AllCmds), cl::cat(ModelCat));
cl::opt<std::string> Optimizer("optimizer",
                               cl::desc("Train: sgd (default), momentum, adam"),
                               cl::init("sgd"), cl::sub(AllCmds), cl::cat(ModelCat));
cl::opt<long long> Batch("batch",
                         cl::desc("The batch: dim 0 of the first graph input and of the "
                  "inputs that share it"),
                         cl::sub(AllCmds), cl::cat(ModelCat));
cl::opt<long long> DatasetSize("dataset-size",
                               cl::desc("Train: data per epoch (default: one "
                                        "batch)"),
                               cl::init(0), cl::sub(AllCmds), cl::cat(ModelCat));
cl::opt<long long> Epochs("epochs", cl::desc("Train: epochs (default 1)"),
                          cl::init(1), cl::sub(AllCmds), cl::cat(ModelCat));

cl::opt<std::string> TargetName(
    "target", cl::desc("Hardware target by name or alias (--target=help lists "
                       "them)"),
    cl::init("a100"), cl::sub(AllCmds), cl::cat(TargetCat));
cl::opt<std::string> TargetFile(
    "target-file",
    cl::desc("Load targets from FILE, written with the classes of "
             "TargetSchema.td (docs/Targets.md); --target picks one of them, "
             "and may be left out when FILE defines one"),
    cl::value_desc("FILE"), cl::sub(AllCmds), cl::cat(TargetCat));
cl::opt<MemoryModel> MemModel(
    "memory-model",
    cl::desc("How bytes are placed in the memory levels (docs/MemoryModel.md)"),
    cl::values(clEnumValN(MemoryModel::LRU, "lru",
                          "tensors stay cached between producer and "
                          "consumers while they fit (default)"),
               clEnumValN(MemoryModel::ButterE, "butter-e",
                          "BUTTER-E placement of each node's working set")),
    cl::init(MemoryModel::LRU), cl::sub(AllCmds), cl::cat(TargetCat));
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
                  "names unless --format says (annotate: the annotated "
                  "model; lint: the findings); written atomically, never "
                  "over the input"),
    cl::value_desc("FILE"), cl::sub(AllCmds), cl::cat(OutputCat));
cl::opt<bool> Force("force", cl::desc("Replace an existing output file"),
                    cl::sub(AllCmds), cl::cat(OutputCat));
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

// Options of `onnx-energy lint` (docs/CI.md).
cl::OptionCategory LintCat("Lint options");
enum class LintStyle { Text, SARIF, JUnit };
cl::opt<LintStyle> LintFormat(
    "format", cl::desc("How findings are written"),
    cl::values(clEnumValN(LintStyle::Text, "text",
                          "compiler-style lines (default)"),
               clEnumValN(LintStyle::SARIF, "sarif", "SARIF 2.1.0 JSON"),
               clEnumValN(LintStyle::JUnit, "junit", "JUnit XML")),
    cl::init(LintStyle::Text), cl::sub(LintCmd), cl::cat(LintCat));
cl::opt<std::string> LintConfig(
    "config",
    cl::desc("Rule configuration (default: .onnx-energy.yaml in the model's "
             "folder, when there is one)"),
    cl::value_desc("FILE"), cl::sub(LintCmd), cl::cat(LintCat));
cl::list<std::string> EnableRules(
    "enable", cl::desc("Enable rules (comma-separated ids; repeatable)"),
    cl::value_desc("ID,..."), cl::CommaSeparated, cl::sub(LintCmd),
    cl::cat(LintCat));
cl::list<std::string> DisableRules(
    "disable", cl::desc("Disable rules (comma-separated ids; repeatable)"),
    cl::value_desc("ID,..."), cl::CommaSeparated, cl::sub(LintCmd),
    cl::cat(LintCat));
cl::list<std::string> RuleSeverity(
    "severity",
    cl::desc("A rule's severity, e.g. --severity cache-spill=error "
             "(repeatable)"),
    cl::value_desc("ID=warning|error"), cl::sub(LintCmd), cl::cat(LintCat));
cl::list<std::string> RuleOptions(
    "rule-option",
    cl::desc("A rule's option as in the YAML file, e.g. --rule-option "
             "cache-spill.level=L1 (repeatable)"),
    cl::value_desc("ID.KEY=VALUE"), cl::sub(LintCmd), cl::cat(LintCat));
cl::opt<bool> Werror("werror",
                     cl::desc("Warnings fail the run too (exit status 1)"),
                     cl::sub(LintCmd), cl::cat(LintCat));
cl::opt<std::string> Budget(
    "budget",
    cl::desc("energy-budget: energy and/or latency per inference, e.g. "
             "--budget energy=2mJ,latency=5ms"),
    cl::value_desc("energy=E,latency=T"), cl::sub(LintCmd), cl::cat(LintCat));
cl::opt<std::string> Baseline(
    "baseline",
    cl::desc("regression: a report written by onnx-energy --json to compare "
             "with"),
    cl::value_desc("FILE"), cl::sub(LintCmd), cl::cat(LintCat));
cl::opt<std::string> MaxIncrease(
    "max-increase",
    cl::desc("regression: the growth allowed against --baseline (default "
             "5%)"),
    cl::value_desc("PERCENT"), cl::sub(LintCmd), cl::cat(LintCat));

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


namespace {
const char Overview[] =
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
    "--netron-json)\n"
    "  onnx-energy annotate model.onnx --target=a100 -o annotated.onnx\n"
    "  onnx-energy lint model.onnx --target=a100 --budget energy=2mJ "
    "--format=sarif\n\n"
    "  Exit status: 0 report produced, 1 lint found error-level findings, "
    "2 usage\n  or input error.\n";

/// The target of --target (and --target-file); null with exit code 0 set in
/// Exit when --target=help printed the list.
Expected<const Target *> chooseTarget(const char *Argv0, bool &Listed) {
  Listed = false;
  if (!TargetFile.empty()) {
    Expected<std::vector<const Target *>> Loaded =
        loadTargetFile(TargetFile, targetSchemaDirs(Argv0));
    if (!Loaded)
      return Loaded.takeError();
    // Without --target, the file's only target is the one meant.
    if (!TargetName.getNumOccurrences()) {
      if (Loaded->size() != 1) {
        std::string Names;
        for (const Target *T : *Loaded)
          Names += (Names.empty() ? "" : ", ") + T->name().str();
        return createStringError(
            inconvertibleErrorCode(),
            "'" + TargetFile + "' defines " + Twine(Loaded->size()) +
                " targets (" + Names + "); pick one with --target");
      }
      TargetName = Loaded->front()->name().str();
    }
  }
  if (TargetName == "help") {
    printTargetList(outs());
    Listed = true;
    return nullptr;
  }
  return findTarget(TargetName);
}

/// The pipeline's options from --dim, --input, --input-data(-dir),
/// --unknown-ops, --if-branch, --loop-trips and --memory-model.
Expected<AnalysisOptions> analysisOptions() {
  AnalysisOptions AO;
  for (const std::string &D : Dims)
    if (Error E = parseDimOption(D, AO.Import))
      return E;
  for (const std::string &I : Inputs)
    if (Error E = parseInputOption(I, AO.Import))
      return E;
  for (const std::string &D : InputData)
    if (Error E = parseInputDataOption(D, AO.Import))
      return E;
  AO.Import.InputDataDir = InputDataDir;
  if (Batch.getNumOccurrences()) {
    if (Batch < 1)
      return createStringError(inconvertibleErrorCode(),
                               "--batch=" + Twine(Batch) +
                                   ": must be 1 or more");
    AO.Import.Batch = int64_t(Batch);
  }
  Expected<TrainOptions> Train =
      makeTrainOptions(Mode, Optimizer, DatasetSize, Epochs);
  if (!Train)
    return Train.takeError();
  AO.Lower.Train = *Train;
  AO.Lower.UnknownOps = UnknownOps;
  AO.Lower.IfBranch = IfBranch;
  if (LoopTrips.getNumOccurrences()) {
    if (LoopTrips < 0)
      return createStringError(inconvertibleErrorCode(),
                               "--loop-trips=" + Twine(LoopTrips) +
                                   ": the trip count must be 0 or more");
    AO.Lower.LoopTrips = int64_t(LoopTrips);
  }
  // A training step is placed by BUTTER-E's working sets (docs/Training.md).
  AO.Memory = AO.Lower.Train.Enabled && !MemModel.getNumOccurrences()
                  ? MemoryModel::ButterE
                  : MemModel.getValue();
  return AO;
}

/// Refuses an output that would replace the input or an existing file,
/// before any work is done.
Error checkOutputFile() {
  if (OutputFile.empty() || OutputFile == "-" || !sys::fs::exists(OutputFile))
    return Error::success();
  bool Same = false;
  if (!sys::fs::equivalent(OutputFile, InputFile, Same) && Same)
    return createStringError(inconvertibleErrorCode(),
                             "output file '" + OutputFile +
                                 "' is the input model");
  if (!TargetFile.empty() &&
      !sys::fs::equivalent(OutputFile, TargetFile, Same) && Same)
    return createStringError(inconvertibleErrorCode(),
                             "output file '" + OutputFile +
                                 "' is the target file");
  if (!Force)
    return createStringError(inconvertibleErrorCode(),
                             "output file '" + OutputFile +
                                 "' exists; use --force to replace it");
  return Error::success();
}

/// The report's parameters: the options that produced it.
ReportOptions reportOptions(const AnalysisOptions &AO) {
  ReportOptions RO;
  RO.Sort = Sort;
  RO.Top = Top;
  RO.Parameters["target"] = TargetName;
  if (!TargetFile.empty())
    RO.Parameters["target_file"] = TargetFile;
  RO.Parameters["memory_model"] =
      AO.Memory == MemoryModel::LRU ? "lru" : "butter-e";
  RO.Parameters["unknown_ops"] =
      UnknownOps == UnknownOpPolicy::Error ? "error" : "warn";
  RO.Parameters["if_branch"] = IfBranch == IfBranchPolicy::Then   ? "then"
                               : IfBranch == IfBranchPolicy::Else ? "else"
                                                                  : "costlier";
  RO.Parameters["loop_trips"] = AO.Lower.LoopTrips
                                    ? std::to_string(*AO.Lower.LoopTrips)
                                    : std::string();
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
  std::string DataStr;
  for (const std::string &D : InputData)
    DataStr += (DataStr.empty() ? "" : ";") + D;
  RO.Parameters["input_data"] = DataStr;
  RO.Parameters["input_data_dir"] = InputDataDir;
  if (AO.Lower.Train.Enabled) {
    RO.Parameters["mode"] = Mode;
    RO.Parameters["optimizer"] = Optimizer;
    RO.Parameters["dataset_size"] = std::to_string(DatasetSize);
    RO.Parameters["epochs"] = std::to_string(Epochs);
  }
  if (Batch.getNumOccurrences())
    RO.Parameters["batch"] = std::to_string(Batch);
  return RO;
}

/// Runs the pipeline for a command that needs the estimate; policy errors
/// (--unknown-ops=error) are printed and become the error.
Expected<Prediction> estimateForCommand(const AnalysisOptions &AO,
                                        const Target &T, StringRef What) {
  Expected<Prediction> P = runPipeline(InputFile, AO, T);
  if (!P)
    return P.takeError();
  if (unsigned Errors = P->Diags.count(Severity::Error)) {
    P->Diags.print(errs());
    return createStringError(inconvertibleErrorCode(),
                             Twine(Errors) + " error(s) in '" + InputFile +
                                 "'; " + What);
  }
  return P;
}

int runReport(const Target &T, const AnalysisOptions &AO) {
  Expected<OutputFormat> Fmt = chooseFormat();
  if (!Fmt)
    return fail(toString(Fmt.takeError()));
  if (Error E = checkOutputFile())
    return fail(toString(std::move(E)));

  PipelineStage Stop = PrintGraph         ? PipelineStage::Import
                       : PrintLoweringOpt ? PipelineStage::Lower
                                          : PipelineStage::Estimate;
  Expected<Prediction> PP = runPipeline(InputFile, AO, T, Stop);
  if (!PP)
    return fail(toString(PP.takeError()));
  Prediction &P = *PP;
  if (PrintGraph) {
    printGraph(P.G, outs());
    P.Diags.print(errs());
    return 0;
  }
  if (PrintLoweringOpt) {
    printLowering(P.G, P.L, outs());
    P.Diags.print(errs());
    return P.Diags.count(Severity::Error) ? 2 : 0;
  }
  if (unsigned Errors = P.Diags.count(Severity::Error)) {
    // Policy errors (--unknown-ops=error): no report is written.
    P.Diags.print(errs());
    return fail(Twine(Errors) + " error(s) in '" + InputFile +
                "'; no report written");
  }
  Report R = collectReport(P.G, P.L, P.E, T, P.Diags, reportOptions(AO));

  // Diagnostics go into the report; also to stderr as compiler-style lines
  // unless the text report (which lists them) is what goes to stdout.
  bool TextToStdout = *Fmt == OutputFormat::Text &&
                      (OutputFile.empty() || OutputFile == "-");
  if (!TextToStdout)
    P.Diags.print(errs());
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
      renderDOT(R, P.G, OS);
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

int runAnnotate(const Target &T, const AnalysisOptions &AO) {
  if (OutputFile.empty() || OutputFile == "-")
    return fail("annotate writes a model file: give it with -o FILE");
  if (Error E = checkOutputFile())
    return fail(toString(std::move(E)));
  Expected<Prediction> P =
      estimateForCommand(AO, T, "no annotated model written");
  if (!P)
    return fail(toString(P.takeError()));
  P->Diags.print(errs());
  ReportOptions RO = reportOptions(AO);
  RO.Sort = SortOrder::Graph;
  Report R = collectReport(P->G, P->L, P->E, T, P->Diags, RO);
  if (Error E = annotateModel(InputFile, P->G, R, OutputFile))
    return fail(toString(std::move(E)));
  return 0;
}

/// Defaults, then the configuration file, then the command line.
Expected<lint::Config> lintConfig() {
  lint::Config C = lint::defaultConfig();
  std::string File = LintConfig;
  if (File.empty()) {
    SmallString<256> Near(sys::path::parent_path(InputFile));
    sys::path::append(Near, ".onnx-energy.yaml");
    if (sys::fs::exists(Near))
      File = Near.str().str();
  }
  if (!File.empty())
    if (Error E = lint::applyConfigFile(File, C))
      return E;
  auto Apply = [&](StringRef Rule, StringRef Key, StringRef Value,
                   const Twine &Option) -> Error {
    if (Error E = lint::applyRuleOption(C, Rule, Key, Value))
      return createStringError(inconvertibleErrorCode(),
                               Option + ": " + toString(std::move(E)));
    return Error::success();
  };
  for (const std::string &R : EnableRules)
    if (Error E = Apply(R, "enabled", "true", "--enable"))
      return E;
  for (const std::string &R : DisableRules)
    if (Error E = Apply(R, "enabled", "false", "--disable"))
      return E;
  for (StringRef S : RuleSeverity) {
    auto [Rule, Lev] = S.split('=');
    if (Error E = Apply(Rule, "severity", Lev, "--severity"))
      return E;
  }
  for (StringRef S : RuleOptions) {
    auto [Lhs, Value] = S.split('=');
    auto [Rule, Key] = Lhs.split('.');
    if (Key.empty() || Value.empty())
      return createStringError(inconvertibleErrorCode(),
                               "--rule-option '" + S +
                                   "': expected ID.KEY=VALUE");
    if (Error E = Apply(Rule, Key, Value, "--rule-option"))
      return E;
  }
  if (Budget.getNumOccurrences())
    if (Error E = lint::parseBudget(Budget, C))
      return E;
  if (!Baseline.empty())
    C.Baseline = Baseline;
  if (!MaxIncrease.empty())
    if (Error E = Apply("regression", "max-increase", MaxIncrease,
                        "--max-increase"))
      return E;
  if (Werror)
    C.Werror = true;
  return C;
}

int runLint(const Target &T, const AnalysisOptions &AO) {
  if (Error E = checkOutputFile())
    return fail(toString(std::move(E)));
  Expected<lint::Config> C = lintConfig();
  if (!C)
    return fail(toString(C.takeError()));
  Expected<Prediction> P = estimateForCommand(AO, T, "not linted");
  if (!P)
    return fail(toString(P.takeError()));
  // The analyzer's warnings (uncosted ops, unknown dims) say how far the
  // findings can be trusted; its notes repeat what the rules report.
  DiagnosticList Warnings;
  for (const Diagnostic &D : P->Diags.all())
    if (D.Sev != Severity::Note)
      Warnings.add(D);
  Warnings.print(errs());
  ReportOptions RO = reportOptions(AO);
  RO.Sort = SortOrder::Graph;
  Report R = collectReport(P->G, P->L, P->E, T, P->Diags, RO);
  Expected<std::vector<lint::Finding>> Fs = lint::runLint(P->G, T, R, *C);
  if (!Fs)
    return fail(toString(Fs.takeError()));
  auto Render = [&](raw_ostream &OS) -> Error {
    switch (LintFormat) {
    case LintStyle::Text:
      lint::renderCompilerStyle(*Fs, InputFile, OS);
      break;
    case LintStyle::SARIF:
      lint::renderSARIF(*Fs, InputFile, *C, OS);
      break;
    case LintStyle::JUnit:
      lint::renderJUnit(*Fs, InputFile, *C, OS);
      break;
    }
    return Error::success();
  };
  if (OutputFile.empty() || OutputFile == "-") {
    cantFail(Render(outs()));
  } else if (Error Err = writeToOutput(OutputFile, Render)) {
    return fail("cannot write '" + OutputFile + "': " + toString(std::move(Err)));
  }
  return lint::fails(*Fs, *C) ? 1 : 0;
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions({&ModelCat, &TargetCat, &OutputCat});
  cl::HideUnrelatedOptions({&ModelCat, &TargetCat, &OutputCat}, AnnotateCmd);
  cl::HideUnrelatedOptions({&ModelCat, &TargetCat, &OutputCat, &LintCat},
                           LintCmd);
  cl::SetVersionPrinter(printVersion);
  // A bad option is a usage error (2), not the 1 of lint findings.
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &errs()))
    return 2;

  bool Listed = false;
  Expected<const Target *> T = chooseTarget(argv[0], Listed);
  if (!T)
    return fail(toString(T.takeError()));
  if (Listed)
    return 0;
  if (ShowSources) {
    printTargetSources(**T, outs());
    printCatalogSources(outs());
    return 0;
  }
  if (InputFile.empty())
    return fail(Twine("no model given (usage: onnx-energy ") +
                (AnnotateCmd ? "annotate model.onnx -o annotated.onnx "
                 : LintCmd   ? "lint model.onnx "
                             : "model.onnx ") +
                "--target=NAME; --help for more)");
  Expected<AnalysisOptions> AO = analysisOptions();
  if (!AO)
    return fail(toString(AO.takeError()));
  if (AnnotateCmd)
    return runAnnotate(**T, *AO);
  if (LintCmd)
    return runLint(**T, *AO);
  return runReport(**T, *AO);
}
