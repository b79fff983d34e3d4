//===- tools/onnx-energy-sweep - Scaling studies over network grids -------===//
//
//   onnx-energy-sweep --shapes=rectangle --depths=3 --params=2^8..2^22
//       --inputs=784 --outputs=10 --batches=256
//       --targets=xeon-gold-6154,v100 -o sweep.csv --svg=energy.svg
//
// Exit status: 0 written, 2 usage or input error. docs/Scaling.md.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Config.h"
#include "onnx-energy/Study/Sweep.h"
#include "onnx-energy/Target/Target.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace onnx_energy;

namespace {

cl::OptionCategory Cat("onnx-energy-sweep options");

cl::opt<std::string> Shapes("shapes",
                            cl::desc("BUTTER shapes, comma-separated "
                                     "(rectangle, trapezoid, exponential, "
                                     "wide_first_2x/4x/8x/16x, "
                                     "rectangle_residual)"),
                            cl::value_desc("s1,s2"), cl::cat(Cat));
cl::opt<std::string> Params("params",
                            cl::desc("Parameter counts for --shapes: a list "
                                     "(1000,1e5) and/or ranges of powers "
                                     "(2^5..2^24, 2^5..2^24:2)"),
                            cl::value_desc("list"), cl::cat(Cat));
cl::opt<std::string> Depths("depths",
                            cl::desc("Depths for --shapes (dense layers "
                                     "including the output layer)"),
                            cl::init("3"), cl::value_desc("d1,d2"),
                            cl::cat(Cat));
cl::opt<std::string> WidthsList(
    "widths",
    cl::desc("Explicit hidden widths instead of --shapes: families "
             "separated by ';', widths by ',' (\"64;128,64\")"),
    cl::value_desc("w,w;w"), cl::cat(Cat));
cl::opt<uint64_t> Inputs("inputs", cl::desc("Input features (required)"),
                         cl::init(0), cl::cat(Cat));
cl::opt<uint64_t> Outputs("outputs", cl::desc("Outputs (required)"),
                          cl::init(0), cl::cat(Cat));
cl::opt<std::string> Batches("batches", cl::desc("Batch sizes (default 1)"),
                             cl::init("1"), cl::cat(Cat));
cl::opt<std::string> Targets("targets",
                             cl::desc("Targets, comma-separated "
                                      "(onnx-energy --target=help)"),
                             cl::init("a100"), cl::cat(Cat));
cl::opt<std::string> Activations("activations",
                                 cl::desc("Hidden activations: relu, "
                                          "sigmoid, tanh, none"),
                                 cl::init("relu"), cl::cat(Cat));
cl::opt<std::string> BatchNorm("batch-norm",
                               cl::desc("Batch normalisation: off "
                                        "(default), on, both"),
                               cl::init("off"), cl::cat(Cat));
cl::opt<std::string> DTypes("dtypes",
                            cl::desc("Element types: f32, f16, bf16, f64"),
                            cl::init("f32"), cl::cat(Cat));
cl::opt<MemoryModel> MemModel(
    "memory-model", cl::desc("Memory model of the analysis"),
    cl::values(clEnumValN(MemoryModel::LRU, "lru",
                          "Tensors resident across nodes (default)"),
               clEnumValN(MemoryModel::ButterE, "butter-e",
                          "BUTTER-E working-set placement per node")),
    cl::init(MemoryModel::LRU), cl::cat(Cat));
// Training (docs/Training.md); checked by makeTrainOptions.
cl::opt<std::string> Mode("mode",
                          cl::desc("infer (default) or train: each point is "
                                   "one training step"),
                          cl::init("infer"), cl::cat(Cat));
cl::opt<std::string> Optimizer("optimizer",
                               cl::desc("Train: sgd (default), momentum, adam"),
                               cl::init("sgd"), cl::cat(Cat));
cl::opt<long long> DatasetSize("dataset-size",
                               cl::desc("Train: data per epoch (default: one "
                                        "batch)"),
                               cl::init(0), cl::cat(Cat));
cl::opt<long long> Epochs("epochs", cl::desc("Train: epochs (default 1)"),
                          cl::init(1), cl::cat(Cat));
cl::opt<std::string> OutputFile("o", cl::desc("CSV output (required; - for "
                                              "stdout)"),
                                cl::value_desc("file.csv"), cl::cat(Cat));
cl::opt<std::string> SVGFile("svg",
                             cl::desc("Energy per datum against parameters, "
                                      "with cache boundaries"),
                             cl::value_desc("file.svg"), cl::cat(Cat));
cl::opt<std::string> TOsSVGFile("tos-svg",
                                cl::desc("TOs against FLOPs per network"),
                                cl::value_desc("file.svg"), cl::cat(Cat));
cl::opt<bool> Force("force", cl::desc("Replace existing output files"),
                    cl::cat(Cat));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Threads (default: all hardware threads)"),
                       cl::init(0), cl::cat(Cat));
cl::opt<bool> Quiet("quiet", cl::desc("No progress on stderr"), cl::cat(Cat));

int fail(const Twine &Msg) {
  WithColor::error(errs(), "onnx-energy-sweep") << Msg << "\n";
  return 2;
}

template <typename T, typename F>
Error parseEach(StringRef List, const char *Opt, std::vector<T> &Out, F Parse) {
  SmallVector<StringRef, 8> Items;
  List.split(Items, ',', -1, false);
  if (Items.empty())
    return createStringError(inconvertibleErrorCode(),
                             Twine("--") + Opt + " is empty");
  Out.clear();
  for (StringRef I : Items) {
    Expected<T> V = Parse(I.trim());
    if (!V)
      return createStringError(inconvertibleErrorCode(),
                               Twine("--") + Opt + ": " +
                                   toString(V.takeError()));
    Out.push_back(*V);
  }
  return Error::success();
}

Error writeFile(StringRef Path, function_ref<void(raw_ostream &)> Body) {
  return writeToOutput(Path, [&](raw_ostream &OS) {
    Body(OS);
    return Error::success();
  });
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Cat);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "onnx-energy-sweep " << ONNX_ENERGY_VERSION << "\n";
  });
  cl::ParseCommandLineOptions(
      argc, argv,
      "onnx-energy-sweep: analyzes a grid of generated networks (BUTTER "
      "shapes or explicit widths) x batches x targets x activations x "
      "batch norm x dtypes, and writes a CSV and SVG plots\n\n"
      "  onnx-energy-sweep --shapes=rectangle --depths=3 "
      "--params=2^8..2^22 --inputs=784 --outputs=10 --batches=256 "
      "--targets=xeon-gold-6154,v100 -o sweep.csv --svg=energy.svg\n\n"
      "Exit status: 0 written, 2 usage or input error.\n");

  if (Inputs == 0 || Outputs == 0)
    return fail("--inputs and --outputs are required and must be at least 1");
  if (Shapes.empty() == WidthsList.empty())
    return fail("give either --shapes (with --params and --depths) or "
                "--widths");
  if (OutputFile.empty())
    return fail("no output file (-o sweep.csv)");

  SweepGrid G;
  G.Inputs = Inputs;
  G.Outputs = Outputs;
  Expected<TrainOptions> Train =
      makeTrainOptions(Mode, Optimizer, DatasetSize, Epochs);
  if (!Train)
    return fail(toString(Train.takeError()));
  G.Train = *Train;
  // A training step is placed by BUTTER-E's working sets.
  G.Memory = Train->Enabled && !MemModel.getNumOccurrences()
                 ? MemoryModel::ButterE
                 : MemModel.getValue();
  auto Fail = [](Error E) { return fail(toString(std::move(E))); };
  if (!Shapes.empty()) {
    if (Params.empty())
      return fail("--shapes needs --params (e.g. 2^5..2^20)");
    if (Error E = parseEach<NetShape>(Shapes, "shapes", G.Shapes,
                                      parseNetShape))
      return Fail(std::move(E));
    Expected<std::vector<uint64_t>> P = parseCountList(Params);
    if (!P)
      return fail("--params: " + toString(P.takeError()));
    G.Params = *P;
    if (Error E = parseEach<unsigned>(
            Depths, "depths", G.Depths, [](StringRef S) -> Expected<unsigned> {
              unsigned D;
              if (S.getAsInteger(10, D) || D == 0 || D > 1000)
                return createStringError(inconvertibleErrorCode(),
                                         "'" + S + "' is not a depth in "
                                                   "[1, 1000]");
              return D;
            }))
      return Fail(std::move(E));
  } else {
    SmallVector<StringRef, 8> Families;
    StringRef(WidthsList).split(Families, ';', -1, false);
    for (StringRef F : Families) {
      std::vector<uint64_t> W;
      if (Error E = parseEach<uint64_t>(
              F, "widths", W, [](StringRef S) -> Expected<uint64_t> {
                uint64_t V;
                if (S.getAsInteger(10, V) || V == 0)
                  return createStringError(inconvertibleErrorCode(),
                                           "'" + S + "' is not a width");
                return V;
              }))
        return Fail(std::move(E));
      G.Widths.push_back(W);
    }
  }
  Expected<std::vector<uint64_t>> BL = parseCountList(Batches);
  if (!BL)
    return fail("--batches: " + toString(BL.takeError()));
  G.Batches.clear();
  for (uint64_t V : *BL) {
    if (V > (uint64_t(1) << 31))
      return fail("--batches: " + Twine(V) + " is too large");
    G.Batches.push_back(int64_t(V));
  }
  std::vector<std::string> TargetNames;
  if (Error E = parseEach<std::string>(
          Targets, "targets", TargetNames,
          [](StringRef S) -> Expected<std::string> { return S.str(); }))
    return Fail(std::move(E));
  for (const std::string &N : TargetNames) {
    Expected<const Target *> T = findTarget(N);
    if (!T)
      return fail("--targets: " + toString(T.takeError()));
    G.Targets.push_back(*T);
  }
  if (Error E = parseEach<Activation>(Activations, "activations",
                                      G.Activations, parseActivation))
    return Fail(std::move(E));
  for (Activation A : G.Activations)
    if (A == Activation::Softmax)
      return fail("--activations: softmax is the output activation");
  if (BatchNorm == "off")
    G.BatchNorm = {false};
  else if (BatchNorm == "on")
    G.BatchNorm = {true};
  else if (BatchNorm == "both")
    G.BatchNorm = {false, true};
  else
    return fail("--batch-norm='" + BatchNorm + "': use off, on or both");
  if (Error E = parseEach<ElemType>(
          DTypes, "dtypes", G.DTypes, [](StringRef S) -> Expected<ElemType> {
            for (ElemType T : {ElemType::Float, ElemType::Float16,
                               ElemType::BFloat16, ElemType::Double})
              if (S == elemTypeName(T))
                return T;
            return createStringError(inconvertibleErrorCode(),
                                     "'" + S + "': use f32, f16, bf16 or "
                                               "f64");
          }))
    return Fail(std::move(E));

  // Refuse to replace anything before doing any work, and to write one
  // file twice (the second would silently replace the first).
  std::vector<const std::string *> Outs;
  for (const std::string *F : {&OutputFile.getValue(), &SVGFile.getValue(),
                               &TOsSVGFile.getValue()}) {
    if (F->empty() || *F == "-")
      continue;
    for (const std::string *Prev : Outs) {
      bool Same = false;
      if (*Prev == *F ||
          (!sys::fs::equivalent(*Prev, *F, Same) && Same))
        return fail("output file '" + *F + "' is given twice");
    }
    Outs.push_back(F);
    if (sys::fs::exists(*F) && !Force)
      return fail("output file '" + *F + "' exists; use --force to replace it");
  }

  size_t Total = sweepSize(G);
  if (Total > 1000000)
    return fail("the grid has " + Twine(Total) +
                " points; split it (at most 1000000)");
  SweepOptions SO;
  SO.Threads = Jobs;
  bool TTY = sys::Process::StandardErrIsDisplayed();
  if (!Quiet)
    SO.Progress = [&, Last = size_t(0)](size_t Done, size_t All) mutable {
      // A terminal gets a live counter; a log gets a line per 10%.
      if (TTY) {
        errs() << "\ronnx-energy-sweep: " << Done << "/" << All << " points";
        if (Done == All)
          errs() << "\n";
      } else if (Done * 10 / All != Last * 10 / All || Done == All) {
        errs() << "onnx-energy-sweep: " << Done << "/" << All << " points\n";
      }
      Last = Done;
    };
  Expected<std::vector<SweepPoint>> Points = runSweep(G, SO);
  if (!Points)
    return Fail(Points.takeError());
  unsigned Failed = 0;
  for (const SweepPoint &P : *Points)
    if (!P.Error.empty())
      ++Failed;

  if (OutputFile == "-")
    writeSweepCSV(*Points, outs());
  else if (Error E = writeFile(OutputFile, [&](raw_ostream &OS) {
             writeSweepCSV(*Points, OS);
           }))
    return fail("cannot write '" + OutputFile + "': " + toString(std::move(E)));
  if (!SVGFile.empty())
    if (Error E = writeFile(SVGFile, [&](raw_ostream &OS) {
          writeEnergySVG(*Points, G.Targets, OS);
        }))
      return fail("cannot write '" + SVGFile + "': " + toString(std::move(E)));
  if (!TOsSVGFile.empty())
    if (Error E = writeFile(TOsSVGFile, [&](raw_ostream &OS) {
          writeTOsSVG(*Points, OS);
        }))
      return fail("cannot write '" + TOsSVGFile + "': " +
                  toString(std::move(E)));
  raw_ostream &Msg = OutputFile == "-" ? errs() : outs();
  Msg << "onnx-energy-sweep: " << Points->size() << " points written to "
      << (OutputFile == "-" ? StringRef("stdout") : StringRef(OutputFile));
  if (Failed)
    Msg << " (" << Failed << " could not be analyzed: see the error column)";
  Msg << "\n";
  return Failed ? 2 : 0;
}
