//===- tools/onnx-energy-run/onnx-energy-run.cpp - The runner's driver ----===//
//
// A thin driver over lib/Run: options -> prediction (the analyzer's
// pipeline) -> meters -> engine or command -> measurement -> report; or,
// with --calibrate, measurements of several models -> fitted coefficients ->
// a target file. Every failure becomes one `onnx-energy-run: error: ...` line
// and an exit code:
//   0  the report (or the target file) was produced
//   2  usage or input error: bad option, unreadable model, a model the
//      engine cannot run, no usable meter, a failing command, output file
//      problems
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Config.h"
#include "onnx-energy/Analysis/Analysis.h"
#include "onnx-energy/Run/Cachegrind.h"
#include "onnx-energy/Run/Calibrate.h"
#include "onnx-energy/Run/Engine.h"
#include "onnx-energy/Run/Measure.h"
#include "onnx-energy/Run/Meter.h"
#include "onnx-energy/Run/RunReport.h"
#include "onnx-energy/Support/Format.h"
#include "onnx-energy/Target/Target.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <cmath>

using namespace llvm;
using namespace onnx_energy;

namespace {
cl::OptionCategory ModelCat("Model options");
cl::OptionCategory TargetCat("Target options");
cl::OptionCategory RunCat("Execution options");
cl::OptionCategory MeterCat("Meter options");
cl::OptionCategory OutputCat("Output options");
cl::OptionCategory CalibCat("Calibration options");

cl::list<std::string> Inputs(cl::Positional,
                             cl::desc("<model.onnx|model.onnxtxt> (with "
                                      "--calibrate: models and reports)"),
                             cl::cat(ModelCat));
cl::list<std::string> Dims("dim",
                           cl::desc("Give a symbolic dimension a value, e.g. "
                                    "--dim batch=8 (repeatable)"),
                           cl::value_desc("NAME=VALUE"), cl::cat(ModelCat));
cl::list<std::string> InputShapes(
    "input", cl::desc("Pin a graph input's shape, e.g. --input "
                      "data=1x3x224x224 (repeatable)"),
    cl::value_desc("NAME=D0xD1x..."), cl::cat(ModelCat));
cl::opt<UnknownOpPolicy> UnknownOps(
    "unknown-ops", cl::desc("An op without a lowering rule in the prediction"),
    cl::values(clEnumValN(UnknownOpPolicy::Warn, "warn",
                          "leave it uncosted (default)"),
               clEnumValN(UnknownOpPolicy::Error, "error", "exit 2")),
    cl::init(UnknownOpPolicy::Warn), cl::cat(ModelCat));

cl::opt<std::string> TargetName(
    "target", cl::desc("The target the prediction is made for: the machine "
                       "the run happens on (--target=help lists them)"),
    cl::cat(TargetCat));
cl::opt<std::string> TargetFile(
    "target-file",
    cl::desc("Load targets from FILE (TargetSchema.td classes, as "
             "--calibrate writes them)"),
    cl::value_desc("FILE"), cl::cat(TargetCat));
cl::opt<MemoryModel> MemModel(
    "memory-model", cl::desc("The analyzer's memory model"),
    cl::values(clEnumValN(MemoryModel::LRU, "lru", "(default)"),
               clEnumValN(MemoryModel::ButterE, "butter-e", "BUTTER-E")),
    cl::init(MemoryModel::LRU), cl::cat(TargetCat));

cl::opt<std::string> Exec(
    "exec", cl::desc("Meter this shell command instead of running the model "
                     "(it must perform --inferences inferences per run)"),
    cl::value_desc("CMD"), cl::cat(RunCat));
cl::opt<unsigned> Inferences("inferences",
                             cl::desc("Inferences one run of --exec performs"),
                             cl::value_desc("N"), cl::init(0), cl::cat(RunCat));
cl::opt<unsigned> Warmup("warmup",
                         cl::desc("Unmetered inferences before measuring "
                                  "(runs of the command with --exec); "
                                  "default 3, with --exec 1"),
                         cl::value_desc("N"), cl::cat(RunCat));
cl::opt<unsigned> Iterations(
    "iterations",
    cl::desc("Inferences (runs of --exec) per repetition, at least; raised "
             "until a repetition lasts --min-window (default 10)"),
    cl::value_desc("N"), cl::init(10), cl::cat(RunCat));
cl::opt<unsigned> Repetitions("repetitions",
                              cl::desc("Metered repetitions (default 5)"),
                              cl::value_desc("N"), cl::init(5),
                              cl::cat(RunCat));
cl::opt<double> MinWindow("min-window",
                          cl::desc("Shortest repetition in seconds (default "
                                   "0.5; each meter may need longer)"),
                          cl::value_desc("SECONDS"), cl::init(0.5),
                          cl::cat(RunCat));
cl::opt<unsigned> Threads("threads",
                          cl::desc("Engine threads (default: OpenCV's, all "
                                   "cores)"),
                          cl::value_desc("N"), cl::init(0), cl::cat(RunCat));
cl::opt<unsigned> Seed("seed", cl::desc("Seed of the random inputs"),
                       cl::init(1), cl::cat(RunCat));

cl::list<std::string> MeterNames(
    "meter",
    cl::desc("Meters to use, comma-separated: auto (the first usable energy "
             "meter: power-log if given, rapl, perf, nvml), rapl, perf, nvml, "
             "power-log, cachegrind, none (time only); default auto"),
    cl::CommaSeparated, cl::value_desc("NAME,..."), cl::cat(MeterCat));
cl::opt<double> IdleSeconds("idle-seconds",
                            cl::desc("Length of the idle baseline (default "
                                     "2; 0: none, energies include idle)"),
                            cl::value_desc("SECONDS"), cl::init(2),
                            cl::cat(MeterCat));
cl::opt<double> IdlePower("idle-power",
                          cl::desc("Use this idle power instead of measuring "
                                   "it"),
                          cl::value_desc("WATTS"), cl::cat(MeterCat));
cl::opt<std::string> PowerLog("power-log",
                              cl::desc("CSV of timestamp,watts from an "
                                       "external meter"),
                              cl::value_desc("FILE"), cl::cat(MeterCat));
cl::opt<double> PowerLogOffset(
    "power-log-offset",
    cl::desc("Seconds to add to this machine's clock to get the log's"),
    cl::value_desc("SECONDS"), cl::init(0), cl::cat(MeterCat));
cl::opt<double> PowerLogMaxGap(
    "power-log-max-gap",
    cl::desc("Sample spacing reported as a gap (default: 3 x the median)"),
    cl::value_desc("SECONDS"), cl::init(0), cl::cat(MeterCat));
cl::list<unsigned> NVMLDevices("nvml-devices",
                               cl::desc("GPUs NVML meters (default: all)"),
                               cl::CommaSeparated, cl::cat(MeterCat));
cl::opt<double> PollInterval("poll-interval",
                             cl::desc("Seconds between counter readings "
                                      "inside a window (default 1)"),
                             cl::init(1), cl::cat(MeterCat));
cl::opt<std::string> D1Spec("D1",
                            cl::desc("cachegrind D1 as SIZE,ASSOC,LINE "
                                     "(default: the target's first level)"),
                            cl::cat(MeterCat));
cl::opt<std::string> LLSpec("LL",
                            cl::desc("cachegrind LL as SIZE,ASSOC,LINE "
                                     "(default: the target's last cache)"),
                            cl::cat(MeterCat));
cl::opt<unsigned> CachegrindInferences(
    "cachegrind-inferences",
    cl::desc("Inferences the two cachegrind runs differ by (default 1)"),
    cl::init(1), cl::cat(MeterCat));
cl::opt<std::string> Valgrind("valgrind",
                              cl::desc("The valgrind executable (default: "
                                       "found on PATH)"),
                              cl::cat(MeterCat));
// Where the meters read from: tests point them at recorded data.
cl::opt<std::string> PowercapRoot("powercap-root", cl::Hidden,
                                  cl::init("/sys/class/powercap"),
                                  cl::cat(MeterCat));
cl::opt<std::string> PerfDevicesRoot("perf-devices-root", cl::Hidden,
                                     cl::init("/sys/bus/event_source/devices"),
                                     cl::cat(MeterCat));
cl::opt<std::string> NVMLLibrary("nvml-library", cl::Hidden,
                                 cl::init("libnvidia-ml.so.1"),
                                 cl::cat(MeterCat));
// The single-purpose mode cachegrind runs: load, one inference, N more.
cl::opt<unsigned> CachegrindChild("cachegrind-child", cl::Hidden, cl::init(0),
                                  cl::cat(MeterCat));

cl::opt<bool> JSON("json", cl::desc("Write the report as JSON"),
                   cl::cat(OutputCat));
cl::opt<std::string> OutputFile(
    "o", cl::desc("Write the report to FILE (JSON if it ends in .json; with "
                  "--calibrate the target file); written atomically, never "
                  "over an input"),
    cl::value_desc("FILE"), cl::cat(OutputCat));
cl::opt<bool> Force("force", cl::desc("Replace an existing output file"),
                    cl::cat(OutputCat));
cl::opt<bool> NoProgress("no-progress",
                         cl::desc("No progress on standard error (it is shown "
                                  "only on a terminal anyway)"),
                         cl::cat(OutputCat));

cl::opt<bool> Calibrate(
    "calibrate",
    cl::desc("Fit the target's energy coefficients to the measurements of "
             "the inputs (models measured now, or .json reports of earlier "
             "runs) and write a target file (-o FILE.td)"),
    cl::cat(CalibCat));
cl::opt<std::string> Fit("fit",
                         cl::desc("Coefficients to fit: all (default), or "
                                  "to, static and level names"),
                         cl::init("all"), cl::cat(CalibCat));
cl::opt<std::string> FittedName("fitted-name",
                                cl::desc("Name of the fitted target (default "
                                         "TARGET-fitted)"),
                                cl::cat(CalibCat));

int fail(const Twine &Msg) {
  WithColor::error(errs(), "onnx-energy-run") << Msg << "\n";
  return 2;
}

void printVersion(raw_ostream &OS) {
  OS << "onnx-energy-run " << ONNX_ENERGY_VERSION << "\n";
}

/// Progress on standard error, only on a terminal: one line rewritten.
class ProgressLine {
public:
  ProgressLine() : On(!NoProgress && sys::Process::StandardErrIsDisplayed()) {}
  ~ProgressLine() { clear(); }
  void show(StringRef Phase, unsigned Done, unsigned Total) {
    if (!On)
      return;
    errs() << "\r\033[Konnx-energy-run: " << Phase << " " << Done << "/"
           << Total;
    errs().flush();
    Shown = true;
  }
  void clear() {
    if (On && Shown) {
      errs() << "\r\033[K";
      errs().flush();
      Shown = false;
    }
  }

private:
  bool On, Shown = false;
};

Error parseModelOptions(AnalysisOptions &AO, ArrayRef<std::string> D,
                        ArrayRef<std::string> I) {
  for (const std::string &S : D)
    if (Error E = parseDimOption(S, AO.Import))
      return E;
  for (const std::string &S : I)
    if (Error E = parseInputOption(S, AO.Import))
      return E;
  return Error::success();
}

AnalysisOptions commandLineAnalysis() {
  AnalysisOptions AO;
  AO.Lower.UnknownOps = UnknownOps;
  AO.Memory = MemModel;
  return AO;
}

/// The meters named by --meter, opened; cachegrind is reported apart.
struct MeterChoice {
  std::vector<std::unique_ptr<EnergyMeter>> Meters;
  bool Cachegrind = false;
  bool Timed = false; ///< run the timed measurement
};

Expected<std::unique_ptr<EnergyMeter>> openMeter(StringRef Name) {
  if (Name == "rapl")
    return openRAPL(PowercapRoot);
  if (Name == "perf")
    return openPerfPower(PerfDevicesRoot);
  if (Name == "nvml")
    return openNVML(NVMLLibrary, std::vector<unsigned>(NVMLDevices.begin(),
                                                       NVMLDevices.end()));
  if (Name == "power-log") {
    if (PowerLog.empty())
      return createStringError(inconvertibleErrorCode(),
                               "no power log given (--power-log FILE)");
    PowerLogOptions PO;
    PO.ClockOffset = PowerLogOffset;
    PO.MaxGap = PowerLogMaxGap;
    return openPowerLog(PowerLog, PO);
  }
  return createStringError(inconvertibleErrorCode(), "unknown meter");
}

Expected<MeterChoice> chooseMeters() {
  MeterChoice C;
  std::vector<std::string> Names(MeterNames.begin(), MeterNames.end());
  if (Names.empty())
    Names.push_back("auto");
  for (const std::string &N : Names) {
    StringRef Name = StringRef(N).trim();
    if (Name == "cachegrind") {
      C.Cachegrind = true;
    } else if (Name == "none") {
      C.Timed = true;
    } else if (Name == "auto") {
      C.Timed = true;
      std::vector<std::string> Tried;
      std::vector<StringRef> Order = {"rapl", "perf", "nvml"};
      if (!PowerLog.empty())
        Order.insert(Order.begin(), "power-log");
      for (StringRef M : Order) {
        Expected<std::unique_ptr<EnergyMeter>> Opened = openMeter(M);
        if (Opened) {
          C.Meters.push_back(std::move(*Opened));
          break;
        }
        Tried.push_back("  " + M.str() + ": " + toString(Opened.takeError()));
      }
      if (C.Meters.empty()) {
        if (PowerLog.empty())
          Tried.push_back("  power-log: not given (--power-log FILE, from an "
                          "external watt-meter)");
        return createStringError(
            inconvertibleErrorCode(),
            "no energy meter is usable on this machine; tried:\n" +
                join(Tried, "\n") +
                "\n(--meter=none measures time only; --meter=cachegrind "
                "counts cache traffic instead)");
      }
    } else if (Name == "rapl" || Name == "perf" || Name == "nvml" ||
               Name == "power-log") {
      C.Timed = true;
      Expected<std::unique_ptr<EnergyMeter>> Opened = openMeter(Name);
      if (!Opened)
        return createStringError(inconvertibleErrorCode(),
                                 "meter " + Name.str() + " is not usable: " +
                                     toString(Opened.takeError()));
      C.Meters.push_back(std::move(*Opened));
    } else {
      return createStringError(inconvertibleErrorCode(),
                               "--meter: unknown meter '" + Name.str() +
                                   "' (auto, rapl, perf, nvml, power-log, "
                                   "cachegrind, none)");
    }
  }
  return C;
}

/// Checks that Path may be written: not an input, not an existing file
/// without --force.
Error checkOutput(StringRef Path, ArrayRef<std::string> Ins) {
  if (Path.empty() || Path == "-" || !sys::fs::exists(Path))
    return Error::success();
  for (const std::string &In : Ins) {
    bool Same = false;
    if (!sys::fs::equivalent(Path, In, Same) && Same)
      return createStringError(inconvertibleErrorCode(),
                               "output file '" + Path.str() +
                                   "' is an input ('" + In + "')");
  }
  if (!Force)
    return createStringError(inconvertibleErrorCode(),
                             "output file '" + Path.str() +
                                 "' exists; use --force to replace it");
  return Error::success();
}

Error writeOutput(StringRef Path, function_ref<void(raw_ostream &)> Render) {
  if (Path.empty() || Path == "-") {
    Render(outs());
    return Error::success();
  }
  if (Error E = writeToOutput(Path, [&](raw_ostream &OS) {
        Render(OS);
        return Error::success();
      }))
    return createStringError(inconvertibleErrorCode(),
                             "cannot write '" + Path.str() +
                                 "': " + toString(std::move(E)));
  return Error::success();
}

std::string selfPath(const char *Argv0) {
  static int Anchor;
  return sys::fs::getMainExecutable(Argv0, &Anchor);
}

/// The hidden mode valgrind runs: load the model into the engine (which
/// runs one inference), then run N more. Prints nothing on success.
int cachegrindChild(StringRef Model) {
  AnalysisOptions AO = commandLineAnalysis();
  if (Error E = parseModelOptions(AO, Dims, InputShapes))
    return fail(toString(std::move(E)));
  DiagnosticList Diags;
  Expected<Graph> G = importModel(Model, AO.Import, Diags);
  if (!G)
    return fail(toString(G.takeError()));
  Expected<std::vector<InputSpec>> In = resolvedInputs(*G);
  if (!In)
    return fail(toString(In.takeError()));
  EngineOptions EO;
  EO.Threads = 1;
  EO.Seed = Seed;
  Expected<std::unique_ptr<Engine>> E = openOpenCVEngine(Model, *G, *In, EO);
  if (!E)
    return fail(toString(E.takeError()));
  if (Error Err = (*E)->run(CachegrindChild))
    return fail(toString(std::move(Err)));
  return 0;
}

Expected<TrafficComparison> cacheTraffic(const char *Argv0, StringRef Model,
                                         const Target &T,
                                         const PredictionSummary &P) {
  std::string VG = Valgrind;
  if (VG.empty()) {
    ErrorOr<std::string> Found = sys::findProgramByName("valgrind");
    if (!Found)
      return createStringError(inconvertibleErrorCode(),
                               "cachegrind: valgrind is not on PATH (install "
                               "the valgrind package, or give --valgrind=PATH)");
    VG = *Found;
  }
  size_t NL = T.levels().size();
  unsigned LastCache = NL >= 2 ? NL - 2 : 0;
  auto Geometry = [&](StringRef Spec, unsigned Level,
                      StringRef Opt) -> Expected<CacheGeometry> {
    Expected<CacheGeometry> G = Spec.empty() ? levelGeometry(T, Level)
                                             : parseCacheSpec(Spec);
    if (!G)
      return createStringError(inconvertibleErrorCode(),
                               "cachegrind: " + toString(G.takeError()) +
                                   (Spec.empty() ? "; give --" + Opt.str() +
                                                       "=SIZE,ASSOC,LINE"
                                                 : std::string()));
    Expected<CacheGeometry> C = cachegrindCompatible(*G);
    if (!C)
      return createStringError(inconvertibleErrorCode(),
                               "cachegrind: --" + Opt.str() + " " + G->spec() +
                                   ": " + toString(C.takeError()));
    return C;
  };
  Expected<CacheGeometry> D1 = Geometry(D1Spec, 0, "D1");
  if (!D1)
    return D1.takeError();
  Expected<CacheGeometry> LL = Geometry(LLSpec, LastCache, "LL");
  if (!LL)
    return LL.takeError();

  TrafficComparison TC;
  TC.I1 = TC.D1 = *D1;
  TC.LL = *LL;
  TC.Inferences = std::max(1u, unsigned(CachegrindInferences));
  TC.FirstLevel = T.levels().front().Name;
  TC.MainLevel = T.levels().back().Name;
  for (size_t L = 1; L < NL; ++L)
    TC.PredictedBeyondFirst += P.Features.LevelBytes[L];
  TC.PredictedMain = P.Features.LevelBytes.back();
  TC.PredictedMainRead = P.Features.LevelReadBytes.back();
  TC.PredictedMainWrite = P.Features.LevelWriteBytes.back();

  auto Command = [&](unsigned N) {
    std::vector<std::string> C = {selfPath(Argv0),
                                  "--cachegrind-child=" + std::to_string(N),
                                  Model.str(), "--seed=" + std::to_string(Seed)};
    for (const std::string &D : Dims)
      C.push_back("--dim=" + D);
    for (const std::string &I : InputShapes)
      C.push_back("--input=" + I);
    return C;
  };
  Expected<CachegrindCounts> Fewer =
      runCachegrind(VG, Command(1), TC.I1, TC.D1, TC.LL);
  if (!Fewer)
    return Fewer.takeError();
  Expected<CachegrindCounts> More =
      runCachegrind(VG, Command(1 + TC.Inferences), TC.I1, TC.D1, TC.LL);
  if (!More)
    return More.takeError();
  TC.Measured =
      perInferenceTraffic(*Fewer, *More, TC.Inferences, TC.D1.Line, TC.LL.Line);
  return TC;
}

Expected<const Target *> chooseTarget(const char *Argv0, bool Required) {
  if (!TargetFile.empty()) {
    Expected<std::vector<const Target *>> Loaded =
        loadTargetFile(TargetFile, targetSchemaDirs(Argv0));
    if (!Loaded)
      return Loaded.takeError();
    if (TargetName.empty()) {
      if (Loaded->size() != 1)
        return createStringError(inconvertibleErrorCode(),
                                 "'" + TargetFile + "' defines " +
                                     std::to_string(Loaded->size()) +
                                     " targets; pick one with --target");
      TargetName = Loaded->front()->name().str();
    }
  }
  if (TargetName.empty()) {
    if (!Required)
      return nullptr;
    return createStringError(
        inconvertibleErrorCode(),
        "no target: name the hardware this machine is with --target=NAME "
        "(--target=help lists them), so that the prediction is for it");
  }
  return findTarget(TargetName);
}

MeasureOptions measureOptions(ProgressLine &PL, bool ExecMode) {
  MeasureOptions MO;
  MO.Warmup = Warmup.getNumOccurrences() ? unsigned(Warmup)
                                         : (ExecMode ? 1u : 3u);
  MO.Iterations = Iterations;
  MO.Repetitions = std::max(1u, unsigned(Repetitions));
  MO.MinWindowSeconds = MinWindow;
  MO.IdleSeconds = IdleSeconds;
  if (IdlePower.getNumOccurrences())
    MO.IdlePowerW = IdlePower;
  MO.PollSeconds = PollInterval;
  MO.Progress = [&PL](StringRef Ph, unsigned D, unsigned T) {
    PL.show(Ph, D, T);
  };
  return MO;
}

void addParameters(RunReport &R) {
  R.Parameters["target"] = TargetName;
  if (!TargetFile.empty())
    R.Parameters["target_file"] = TargetFile;
  R.Parameters["memory_model"] =
      MemModel == MemoryModel::LRU ? "lru" : "butter-e";
  R.Parameters["unknown_ops"] =
      UnknownOps == UnknownOpPolicy::Error ? "error" : "warn";
  R.Parameters["dims"] = join(Dims.begin(), Dims.end(), ",");
  R.Parameters["inputs"] = join(InputShapes.begin(), InputShapes.end(), ";");
  R.Parameters["meter"] =
      MeterNames.empty() ? "auto" : join(MeterNames.begin(), MeterNames.end(), ",");
  R.Parameters["exec"] = Exec;
  R.Parameters["inferences"] = Exec.empty() ? "" : std::to_string(Inferences);
  R.Parameters["iterations"] = std::to_string(Iterations);
  R.Parameters["repetitions"] = std::to_string(Repetitions);
  R.Parameters["idle_seconds"] = formatv("{0}", double(IdleSeconds)).str();
  R.Parameters["threads"] = std::to_string(Threads);
  R.Parameters["seed"] = std::to_string(Seed);
  if (!PowerLog.empty())
    R.Parameters["power_log"] = PowerLog;
}

/// Measures one model (or the --exec command): the runner's main job.
/// Fills R; returns the exit code.
int runOne(const char *Argv0, StringRef Model, const Target *T, RunReport &R) {
  R.ToolVersion = ONNX_ENERGY_VERSION;
  R.ModelPath = Model.str();
  R.TargetName = T ? T->name().str() : "";
  addParameters(R);

  Expected<MeterChoice> MC = chooseMeters();
  if (!MC)
    return fail(toString(MC.takeError()));
  bool ExecMode = !Exec.empty();
  if (ExecMode && Inferences == 0)
    return fail("--exec needs --inferences=N: how many inferences one run of "
                "the command performs");
  if (MC->Cachegrind && Model.empty())
    return fail("--meter=cachegrind runs the model in the runner's engine; "
                "give the model");

  std::optional<Prediction> P;
  if (!Model.empty()) {
    AnalysisOptions AO = commandLineAnalysis();
    if (Error E = parseModelOptions(AO, Dims, InputShapes))
      return fail(toString(std::move(E)));
    Expected<Prediction> Pred = predict(Model, AO, *T);
    if (!Pred)
      return fail(toString(Pred.takeError()));
    P = std::move(*Pred);
    R.Pred = summarizePrediction(*P);
    for (const Diagnostic &D : P->Diags.all())
      if (D.Sev != Severity::Note)
        R.Notes.push_back("prediction: " +
                          (D.Node.empty() ? "" : "node '" + D.Node + "': ") +
                          D.Message);
  }

  if (MC->Timed) {
    std::unique_ptr<Engine> Eng;
    std::unique_ptr<Workload> W;
    if (ExecMode) {
      W = commandWorkload(Exec, Inferences);
    } else {
      Expected<std::vector<InputSpec>> In = resolvedInputs(P->G);
      if (!In)
        return fail(toString(In.takeError()));
      EngineOptions EO;
      EO.Threads = Threads;
      EO.Seed = Seed;
      Expected<std::unique_ptr<Engine>> E =
          openOpenCVEngine(Model, P->G, *In, EO);
      if (!E)
        return fail(toString(E.takeError()));
      Eng = std::move(*E);
      W = engineWorkload(*Eng);
    }
    std::vector<EnergyMeter *> Ms;
    for (auto &M : MC->Meters)
      Ms.push_back(M.get());
    ProgressLine PL;
    Expected<Measurement> M = measure(*W, Ms, measureOptions(PL, ExecMode));
    PL.clear();
    if (!M)
      return fail(toString(M.takeError()));
    R.Meas = std::move(*M);
  }
  if (MC->Cachegrind) {
    if (!Exec.empty())
      R.Notes.push_back("cachegrind ran the model in the runner's engine, not "
                        "the --exec command");
    Expected<TrafficComparison> TC = cacheTraffic(Argv0, Model, *T, *R.Pred);
    if (!TC)
      return fail(toString(TC.takeError()));
    R.Traffic = std::move(*TC);
  }
  return 0;
}

int runCalibration(const char *Argv0) {
  Expected<const Target *> TOr = chooseTarget(Argv0, /*Required=*/true);
  if (!TOr)
    return fail(toString(TOr.takeError()));
  const Target &T = **TOr;
  if (Inputs.empty())
    return fail("--calibrate needs models or reports (.json) to fit to");
  if (OutputFile.empty() || OutputFile == "-")
    return fail("--calibrate writes a target file: give it with -o FILE.td");
  std::vector<std::string> Ins(Inputs.begin(), Inputs.end());
  if (!TargetFile.empty())
    Ins.push_back(TargetFile);
  if (Error E = checkOutput(OutputFile, Ins))
    return fail(toString(std::move(E)));
  Expected<FitSpec> Spec = parseFitSpec(Fit, T);
  if (!Spec)
    return fail(toString(Spec.takeError()));

  std::vector<CalibrationPoint> Points;
  for (const std::string &In : Inputs) {
    AnalysisOptions AO = commandLineAnalysis();
    CalibrationPoint CP;
    std::string Model = In;
    if (StringRef(In).ends_with(".json")) {
      Expected<RecordedRun> RR = readRunJSON(In);
      if (!RR)
        return fail(toString(RR.takeError()));
      Model = RR->ModelPath;
      SmallVector<StringRef, 4> Ds, Is;
      StringRef(RR->Parameters["dims"]).split(Ds, ',', -1, false);
      StringRef(RR->Parameters["inputs"]).split(Is, ';', -1, false);
      std::vector<std::string> DV(Ds.begin(), Ds.end()),
          IV(Is.begin(), Is.end());
      if (Error E = parseModelOptions(AO, DV, IV))
        return fail(In + ": " + toString(std::move(E)));
      if (RR->Parameters["memory_model"] == "butter-e")
        AO.Memory = MemoryModel::ButterE;
      CP.MeasuredJ = RR->EnergyAboveIdleJ;
      CP.Label = Model + (DV.empty() ? "" : " [" + join(DV, ",") + "]");
    } else {
      RunReport R;
      if (int RC = runOne(Argv0, In, &T, R))
        return RC;
      if (!R.Meas || !R.Meas->HasEnergy)
        return fail(In + ": calibration needs an energy meter (not "
                         "--meter=none or cachegrind alone)");
      if (R.Meas->IdleSource == Measurement::IdleNone)
        return fail(In + ": calibration fits the energy above idle: give an "
                         "idle baseline (--idle-seconds > 0 or --idle-power)");
      CP.MeasuredJ = R.Meas->JoulesAboveIdle.Median;
      CP.Label = In;
      if (Error E = parseModelOptions(AO, Dims, InputShapes))
        return fail(toString(std::move(E)));
    }
    Expected<Prediction> P = predict(Model, AO, T);
    if (!P)
      return fail(toString(P.takeError()));
    CP.F = P->Features;
    Points.push_back(std::move(CP));
  }

  Expected<CalibrationResult> CR = calibrate(Points, T, *Spec);
  if (!CR)
    return fail(toString(CR.takeError()));
  std::string Name =
      FittedName.empty() ? T.name().str() + "-fitted" : std::string(FittedName);
  if (Error E = writeOutput(OutputFile, [&](raw_ostream &OS) {
        writeTargetOverride(*CR, T, Name, Points, OS);
      }))
    return fail(toString(std::move(E)));

  // The fit on standard output.
  raw_ostream &OS = outs();
  if (JSON) {
    json::OStream J(OS, 1);
    J.object([&] {
      J.attributeObject("tool", [&] {
        J.attribute("name", "onnx-energy-run");
        J.attribute("version", ONNX_ENERGY_VERSION);
      });
      J.attribute("target", T.name());
      J.attribute("fitted_target", Name);
      J.attribute("target_file", OutputFile);
      J.attribute("method", "non-negative least squares (Lawson-Hanson) on "
                            "relative residuals");
      J.attributeArray("coefficients", [&] {
        for (const Coefficient &C : CR->Coefs)
          J.object([&] {
            J.attribute("name", C.Name);
            J.attribute("unit", C.Unit);
            J.attribute("fitted", C.Fitted);
            J.attribute("before", C.Before);
            J.attribute("after", C.After);
          });
      });
      J.attribute("r2", CR->R2);
      J.attribute("mape_percent", CR->MAPE);
      J.attribute("mape_before_percent", CR->MAPEBefore);
      if (CR->HasLOO)
        J.attribute("loo_mape_percent", CR->LOOMAPE);
      else
        J.attribute("loo_mape_percent", nullptr);
      J.attributeArray("models", [&] {
        for (size_t I = 0; I < Points.size(); ++I)
          J.object([&] {
            J.attribute("model", Points[I].Label);
            J.attribute("measured_J", CR->Measured[I]);
            J.attribute("predicted_before_J", CR->PredictedBefore[I]);
            J.attribute("predicted_J", CR->Predicted[I]);
            if (CR->HasLOO)
              J.attribute("loo_predicted_J", CR->LOOPredicted[I]);
          });
      });
      J.attributeArray("notes", [&] {
        for (const std::string &N : CR->Notes)
          J.value(N);
      });
    });
    OS << "\n";
    return 0;
  }
  OS << "calibration of " << T.name() << " on " << Points.size()
     << " model(s) (non-negative least squares on relative residuals)\n";
  for (const Coefficient &C : CR->Coefs)
    OS << formatv("  {0,-26} {1,-12} -> {2,-12} {3}\n", C.Name,
                  formatSI(C.Before, C.Unit.c_str()),
                  formatSI(C.After, C.Unit.c_str()),
                  C.Fitted ? "fitted" : "kept");
  OS << formatv("fit: R^2 {0:f4}, MAPE {1:f2} % (before: {2:f2} %)", CR->R2,
                CR->MAPE, CR->MAPEBefore);
  if (CR->HasLOO)
    OS << formatv(", leave-one-out MAPE {0:f2} %", CR->LOOMAPE);
  OS << "\n";
  for (size_t I = 0; I < Points.size(); ++I)
    OS << formatv("  {0}: measured {1}, predicted {2} (before {3})\n",
                  Points[I].Label, formatSI(CR->Measured[I], "J"),
                  formatSI(CR->Predicted[I], "J"),
                  formatSI(CR->PredictedBefore[I], "J"));
  for (const std::string &N : CR->Notes)
    OS << "note: " << N << "\n";
  OS << "wrote target '" << Name << "' to " << OutputFile
     << " (onnx-energy --target-file=" << OutputFile << ")\n";
  return 0;
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(
      {&ModelCat, &TargetCat, &RunCat, &MeterCat, &OutputCat, &CalibCat});
  cl::SetVersionPrinter(printVersion);
  cl::ParseCommandLineOptions(
      argc, argv,
      "onnx-energy-run: run a model under an energy meter and compare with "
      "the prediction\n\n"
      "  Executes the model with OpenCV's DNN module on random inputs of the "
      "shapes the\n  analyzer resolves (or meters a command with --exec), "
      "measures time and energy\n  per inference with an idle baseline "
      "subtracted, and prints them beside\n  onnx-energy's prediction for "
      "the same target. --calibrate fits the target's\n  energy "
      "coefficients to such measurements and writes a target file.\n\n"
      "  onnx-energy-run model.onnx --target=xeon-gold-6154\n"
      "  onnx-energy-run model.onnx --target=xeon-gold-6154 "
      "--meter=cachegrind\n"
      "  onnx-energy-run --calibrate --target=xeon-gold-6154 a.json b.json "
      "c.json -o fitted.td\n\n"
      "  Exit status: 0 report produced, 2 usage or input error (no usable "
      "meter,\n  a model the engine cannot run, ...).\n");

  if (CachegrindChild) {
    if (Inputs.size() != 1)
      return fail("--cachegrind-child takes one model");
    return cachegrindChild(Inputs.front());
  }
  if (TargetName == "help") {
    if (!TargetFile.empty())
      if (Expected<std::vector<const Target *>> L =
              loadTargetFile(TargetFile, targetSchemaDirs(argv[0]));
          !L)
        return fail(toString(L.takeError()));
    printTargetList(outs());
    return 0;
  }
  if (Calibrate)
    return runCalibration(argv[0]);

  if (Inputs.size() > 1)
    return fail("one model at a time (several are for --calibrate)");
  std::string Model = Inputs.empty() ? "" : Inputs.front();
  if (Model.empty() && Exec.empty())
    return fail("no model given (usage: onnx-energy-run model.onnx "
                "--target=NAME; --help for more)");
  Expected<const Target *> T = chooseTarget(argv[0], !Model.empty());
  if (!T)
    return fail(toString(T.takeError()));
  std::vector<std::string> Ins;
  if (!Model.empty())
    Ins.push_back(Model);
  if (!PowerLog.empty())
    Ins.push_back(PowerLog);
  if (!TargetFile.empty())
    Ins.push_back(TargetFile);
  if (Error E = checkOutput(OutputFile, Ins))
    return fail(toString(std::move(E)));

  RunReport R;
  if (int RC = runOne(argv[0], Model, *T, R))
    return RC;
  bool WriteJSON = JSON || StringRef(OutputFile).ends_with(".json");
  if (Error E = writeOutput(OutputFile, [&](raw_ostream &OS) {
        if (WriteJSON)
          renderRunJSON(R, OS);
        else
          renderRunText(R, OS);
      }))
    return fail(toString(std::move(E)));
  return 0;
}
