//===- lib/Study/Sweep.cpp - Grid runs, CSV and SVG plots -----------------===//
#include "onnx-energy/Study/Sweep.h"
#include "onnx-energy/Energy/Estimate.h"
#include "onnx-energy/NetGen/ModelWriter.h"
#include "onnx-energy/Import/Import.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Target/Target.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

using namespace llvm;

namespace onnx_energy {

namespace {

Error bad(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

/// One network of the grid at one batch: analyzed once, estimated on every
/// target.
struct Job {
  SweepPoint Proto; // network fields filled
  NetworkSpec Spec;
  size_t FirstIndex; // of its points in the result, one per target
};

std::string widthString(ArrayRef<uint64_t> W) {
  std::string S;
  for (uint64_t X : W) {
    if (!S.empty())
      S += '-';
    S += std::to_string(X);
  }
  return S;
}

Expected<std::vector<Job>> enumerate(const SweepGrid &G) {
  std::vector<Job> Jobs;
  struct Net {
    std::string Family;
    unsigned Depth;
    uint64_t TargetParams;
    std::vector<uint64_t> Widths;
    std::vector<bool> Residual;
  };
  std::vector<Net> Nets;
  if (!G.Shapes.empty()) {
    for (NetShape S : G.Shapes)
      for (unsigned D : G.Depths)
        for (uint64_t P : G.Params) {
          Expected<SizedNetwork> N =
              sizeNetwork(S, G.Inputs, G.Outputs, D, P);
          if (!N)
            return N.takeError();
          Nets.push_back({netShapeName(S).str(), D, P, N->Widths,
                          residualLayers(S, N->Widths)});
        }
  } else {
    for (const auto &W : G.Widths) {
      std::vector<uint64_t> Ws = W;
      Ws.push_back(G.Outputs);
      Nets.push_back({"ffn", unsigned(Ws.size()), 0, Ws, {}});
    }
  }
  size_t Index = 0;
  for (const Net &N : Nets)
    for (Activation A : G.Activations)
      for (bool BN : G.BatchNorm)
        for (ElemType T : G.DTypes)
          for (int64_t B : G.Batches) {
            Job J;
            J.Spec.Name = N.Family;
            J.Spec.Inputs = G.Inputs;
            J.Spec.Widths = N.Widths;
            J.Spec.Residual = N.Residual;
            J.Spec.Hidden = A;
            J.Spec.Output = G.Outputs > 1 ? Activation::Softmax
                                          : Activation::Sigmoid;
            J.Spec.BatchNorm = BN;
            J.Spec.Batch = B;
            J.Spec.DType = T;
            SweepPoint &P = J.Proto;
            P.Family = N.Family;
            P.Depth = N.Depth;
            P.TargetParams = N.TargetParams;
            P.Params = denseParameters(G.Inputs, N.Widths);
            P.Widths = N.Widths;
            P.Act = A;
            P.BatchNorm = BN;
            P.DType = T;
            P.Batch = B;
            J.FirstIndex = Index;
            Index += G.Targets.size();
            Jobs.push_back(std::move(J));
          }
  return Jobs;
}

void runJob(const Job &J, const SweepGrid &G, MutableArrayRef<SweepPoint> Out) {
  for (size_t I = 0; I < G.Targets.size(); ++I) {
    Out[I] = J.Proto;
    Out[I].Target = G.Targets[I]->name().str();
  }
  auto FailAll = [&](const std::string &Msg) {
    for (SweepPoint &P : Out)
      P.Error = Msg;
  };
  Expected<std::string> Bytes =
      serializeNetwork(J.Spec, /*Seed=*/1, /*WithWeights=*/false);
  if (!Bytes)
    return FailAll(toString(Bytes.takeError()));
  std::string Name = J.Proto.Family + "-" + widthString(J.Proto.Widths) +
                     ".onnx";
  DiagnosticList Diags;
  Expected<Graph> Gr =
      importModelFromBuffer(MemoryBufferRef(*Bytes, Name), Name,
                            ImportOptions(), Diags, ModelFormat::Binary);
  if (!Gr)
    return FailAll(toString(Gr.takeError()));
  LowerOptions LO;
  LO.Train = G.Train;
  LoweredGraph L = lowerGraph(*Gr, LO, Diags);
  for (size_t I = 0; I < G.Targets.size(); ++I) {
    Estimate E = estimateEnergy(*Gr, L, *G.Targets[I], Diags, G.Memory);
    SweepPoint &P = Out[I];
    if (L.Train.Enabled) {
      P.Train = true;
      P.Optimizer = L.Train.Optimizer->Name;
      P.StepsPerEpoch = L.stepsPerEpoch();
      P.FwdTOs = L.Fwd.TOs;
      P.BwdTOs = L.Bwd.TOs;
      P.UpdateTOs = L.Update.TOs;
      P.WorkingSet = E.Train.replicated() + E.Train.Activations;
      P.StepLevel = G.Targets[I]->levels()[E.Train.StepLevel].Name;
      P.DataLevel = G.Targets[I]->levels()[E.Train.DataLevel].Name;
      P.WeightCopies = 2 + L.Train.Optimizer->StateTensors;
    }
    P.Nodes = unsigned(Gr->Nodes.size());
    P.Costed = L.NumCosted;
    P.TOs = L.TOs;
    P.MACs = L.MACs;
    P.FLOPs = L.FLOPs;
    P.EnergyJ = E.totalJ();
    P.ComputeJ = E.ComputeJ;
    P.MemoryJ = E.MemoryJ;
    P.StaticJ = E.StaticJ;
    P.Seconds = E.Seconds;
    ArrayRef<MemLevelRow> Levels = G.Targets[I]->levels();
    for (size_t K = 0; K < E.Levels.size() && K < Levels.size(); ++K)
      P.LevelJ.push_back({Levels[K].Name, E.Levels[K].Joules});
  }
}

} // namespace

size_t sweepSize(const SweepGrid &G) {
  size_t Nets = G.Shapes.empty()
                    ? G.Widths.size()
                    : G.Shapes.size() * G.Depths.size() * G.Params.size();
  return Nets * G.Activations.size() * G.BatchNorm.size() * G.DTypes.size() *
         G.Batches.size() * G.Targets.size();
}

Expected<std::vector<SweepPoint>> runSweep(const SweepGrid &G,
                                           const SweepOptions &Opts) {
  if (G.Targets.empty())
    return bad("the sweep has no target");
  if (G.Shapes.empty() && G.Widths.empty())
    return bad("the sweep has no network (give shapes or widths)");
  if (!G.Shapes.empty() && (G.Params.empty() || G.Depths.empty()))
    return bad("a sweep over shapes needs parameter counts and depths");
  if (G.Activations.empty() || G.BatchNorm.empty() || G.DTypes.empty() ||
      G.Batches.empty())
    return bad("every dimension of the grid needs at least one value");
  for (int64_t B : G.Batches)
    if (B <= 0)
      return bad("batch " + Twine(B) + ": a batch must be at least 1");
  Expected<std::vector<Job>> Jobs = enumerate(G);
  if (!Jobs)
    return Jobs.takeError();
  std::vector<SweepPoint> Points(sweepSize(G));
  std::mutex M;
  size_t Done = 0;
  auto Finish = [&](size_t N) {
    std::lock_guard<std::mutex> Lock(M);
    Done += N;
    if (Opts.Progress)
      Opts.Progress(Done, Points.size());
  };
  ThreadPoolStrategy S = hardware_concurrency(Opts.Threads);
  if (S.compute_thread_count() <= 1 || Jobs->size() <= 1) {
    for (const Job &J : *Jobs) {
      runJob(J, G, MutableArrayRef(Points).slice(J.FirstIndex,
                                                 G.Targets.size()));
      Finish(G.Targets.size());
    }
    return Points;
  }
  DefaultThreadPool Pool(S);
  for (const Job &J : *Jobs)
    Pool.async([&, JP = &J] {
      runJob(*JP, G, MutableArrayRef(Points).slice(JP->FirstIndex,
                                                   G.Targets.size()));
      Finish(G.Targets.size());
    });
  Pool.wait();
  return Points;
}

//===----------------------------------------------------------------------===//
// CSV
//===----------------------------------------------------------------------===//

namespace {

std::string csvField(StringRef S) {
  if (S.find_first_of(",\"\n") == StringRef::npos)
    return S.str();
  std::string R = "\"";
  for (char C : S)
    R += C == '"' ? std::string("\"\"") : std::string(1, C);
  return R + "\"";
}

std::string num(double V) {
  std::string S;
  raw_string_ostream(S) << format("%.6g", V);
  return S;
}

} // namespace

void writeSweepCSV(ArrayRef<SweepPoint> Points, raw_ostream &OS) {
  // Train mode: energy_J is one step's; the training columns follow.
  bool Train = llvm::any_of(Points, [](const SweepPoint &P) { return P.Train; });
  OS << "family,depth,target_params,params,widths,activation,batch_norm,"
        "dtype,batch,target,nodes,costed,tos,macs,flops,energy_J,"
        "energy_per_datum_J,compute_J,memory_J,static_J,seconds,level_J,"
        "error";
  if (Train)
    OS << ",optimizer,steps_per_epoch,forward_tos,backward_tos,update_tos,"
          "energy_per_epoch_J,working_set_bytes,step_level,dataset_level";
  OS << "\n";
  for (const SweepPoint &P : Points) {
    std::string Levels;
    for (const auto &[Name, J] : P.LevelJ)
      Levels += (Levels.empty() ? "" : ";") + Name + "=" + num(J);
    OS << csvField(P.Family) << ',' << P.Depth << ',' << P.TargetParams << ','
       << P.Params << ',' << widthString(P.Widths) << ','
       << activationName(P.Act) << ',' << (P.BatchNorm ? 1 : 0) << ','
       << elemTypeName(P.DType) << ',' << P.Batch << ',' << csvField(P.Target)
       << ',' << P.Nodes << ',' << P.Costed << ',' << P.TOs << ',' << P.MACs
       << ',' << P.FLOPs << ',' << num(P.EnergyJ) << ','
       << num(P.energyPerDatum()) << ',' << num(P.ComputeJ) << ','
       << num(P.MemoryJ) << ',' << num(P.StaticJ) << ',' << num(P.Seconds)
       << ',' << csvField(Levels) << ',' << csvField(P.Error);
    if (Train)
      OS << ',' << P.Optimizer << ',' << P.StepsPerEpoch << ',' << P.FwdTOs
         << ',' << P.BwdTOs << ',' << P.UpdateTOs << ','
         << num(P.energyPerEpoch()) << ',' << num(P.WorkingSet) << ','
         << csvField(P.StepLevel) << ',' << csvField(P.DataLevel);
    OS << '\n';
  }
}

//===----------------------------------------------------------------------===//
// SVG
//===----------------------------------------------------------------------===//

namespace {

const char *const Palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                               "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                               "#bcbd22", "#17becf"};

std::string xmlEscape(StringRef S) {
  std::string R;
  for (char C : S) {
    switch (C) {
    case '<':
      R += "&lt;";
      break;
    case '>':
      R += "&gt;";
      break;
    case '&':
      R += "&amp;";
      break;
    case '"':
      R += "&quot;";
      break;
    default:
      R += C;
    }
  }
  return R;
}

std::string bytesLabel(double B) {
  const char *Units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  unsigned U = 0;
  while (B >= 1024 && U + 1 < std::size(Units)) {
    B /= 1024;
    ++U;
  }
  std::string S;
  raw_string_ostream(S) << format(B < 10 ? "%.3g %s" : "%.0f %s", B, Units[U]);
  return S;
}

std::string powLabel(int E) {
  return "1e" + std::to_string(E);
}

/// A log-log plot area: data ranges rounded out to decades.
struct LogAxes {
  double X0, Y0, W, H;     // pixel box
  int XLo, XHi, YLo, YHi;  // decades
  double px(double V) const {
    return X0 + (std::log10(V) - XLo) / double(XHi - XLo) * W;
  }
  double py(double V) const {
    return Y0 + H - (std::log10(V) - YLo) / double(YHi - YLo) * H;
  }
  static void range(double Lo, double Hi, int &DLo, int &DHi) {
    DLo = int(std::floor(std::log10(Lo)));
    DHi = int(std::ceil(std::log10(Hi)));
    if (DHi <= DLo)
      DHi = DLo + 1;
  }
  void draw(raw_ostream &OS, StringRef XLabel, StringRef YLabel,
            StringRef Title) const {
    OS << format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                 "fill=\"none\" stroke=\"#333\"/>\n",
                 X0, Y0, W, H);
    for (int E = XLo; E <= XHi; ++E) {
      double X = X0 + double(E - XLo) / double(XHi - XLo) * W;
      OS << format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                   "stroke=\"#ddd\"/>\n",
                   X, Y0, X, Y0 + H)
         << format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                   "text-anchor=\"middle\">",
                   X, Y0 + H + 14)
         << powLabel(E) << "</text>\n";
    }
    for (int E = YLo; E <= YHi; ++E) {
      double Y = Y0 + H - double(E - YLo) / double(YHi - YLo) * H;
      OS << format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                   "stroke=\"#ddd\"/>\n",
                   X0, Y, X0 + W, Y)
         << format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                   "text-anchor=\"end\">",
                   X0 - 4, Y + 4)
         << powLabel(E) << "</text>\n";
    }
    OS << format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
                 "text-anchor=\"middle\">",
                 X0 + W / 2, Y0 + H + 32)
       << xmlEscape(XLabel) << "</text>\n"
       << format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
                 "text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">",
                 X0 - 48, Y0 + H / 2, X0 - 48, Y0 + H / 2)
       << xmlEscape(YLabel) << "</text>\n"
       << format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" "
                 "font-weight=\"bold\">",
                 X0, Y0 - 8)
       << xmlEscape(Title) << "</text>\n";
  }
};

std::string seriesKey(const SweepPoint &P) {
  std::string K = P.Family + " d=" + std::to_string(P.Depth) + " " +
                  activationName(P.Act).str();
  if (P.BatchNorm)
    K += "+bn";
  K += std::string(" ") + elemTypeName(P.DType) + " b=" +
       std::to_string(P.Batch);
  return K;
}

void svgHeader(raw_ostream &OS, double W, double H) {
  OS << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
               "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
               "font-family=\"sans-serif\">\n",
               W, H, W, H)
     << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
}

void legend(raw_ostream &OS, double X, double Y,
            ArrayRef<std::pair<std::string, std::string>> Entries,
            bool Hollow = false) {
  for (size_t I = 0; I < Entries.size(); ++I) {
    double YY = Y + 16 * double(I);
    OS << format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" "
                 "stroke=\"%s\"/>\n",
                 X, YY - 4, Hollow ? "white" : Entries[I].second.c_str(),
                 Entries[I].second.c_str())
       << format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">", X + 10, YY)
       << xmlEscape(Entries[I].first) << "</text>\n";
  }
}

} // namespace

void writeEnergySVG(ArrayRef<SweepPoint> Points, ArrayRef<const Target *> Targets,
                    raw_ostream &OS) {
  const double PanelW = 640, PanelH = 320, Left = 80, Top = 40, LegendW = 260,
               Gap = 80;
  double Width = Left + PanelW + LegendW + 20;
  double Height = Top + double(Targets.size()) * (PanelH + Gap);
  svgHeader(OS, Width, Height);
  for (size_t TI = 0; TI < Targets.size(); ++TI) {
    const Target &T = *Targets[TI];
    std::vector<const SweepPoint *> Ps;
    for (const SweepPoint &P : Points)
      if (P.Target == T.name() && P.Error.empty() && P.EnergyJ > 0 &&
          P.Params > 0)
        Ps.push_back(&P);
    LogAxes A;
    A.X0 = Left;
    A.Y0 = Top + double(TI) * (PanelH + Gap);
    A.W = PanelW;
    A.H = PanelH;
    std::string Title =
        (!Ps.empty() && Ps.front()->Train ? "Training energy per datum on "
                                          : "Energy per datum on ") +
        T.name().str();
    if (Ps.empty()) {
      A.XLo = 0, A.XHi = 1, A.YLo = 0, A.YHi = 1;
      A.draw(OS, "parameters", "J per datum", Title + " (no data)");
      continue;
    }
    double XMin = 1e300, XMax = 0, YMin = 1e300, YMax = 0;
    for (const SweepPoint *P : Ps) {
      XMin = std::min(XMin, double(P->Params));
      XMax = std::max(XMax, double(P->Params));
      YMin = std::min(YMin, P->energyPerDatum());
      YMax = std::max(YMax, P->energyPerDatum());
    }
    // Cache boundaries: the parameter count whose weights (at the type of
    // the sweep's first point) fill each level (all its instances), main
    // memory excluded. Boundaries within a factor 100 of the data widen the
    // axis so that they show.
    // In training the weights come with their gradients and optimizer
    // state (WeightCopies), so a level fills at a smaller network.
    double Bytes = std::max(1u, elemBits(Ps.front()->DType) / 8) *
                   double(Ps.front()->WeightCopies);
    ArrayRef<MemLevelRow> Levels = T.levels();
    std::vector<std::pair<size_t, double>> Bounds;
    for (size_t L = 0; L + 1 < Levels.size(); ++L) {
      double P = T.levelCapacity(unsigned(L)) / Bytes;
      if (P > 0 && P >= XMin / 100 && P <= XMax * 100) {
        Bounds.push_back({L, P});
        XMin = std::min(XMin, P);
        XMax = std::max(XMax, P);
      }
    }
    LogAxes::range(XMin, XMax, A.XLo, A.XHi);
    LogAxes::range(YMin, YMax, A.YLo, A.YHi);
    A.draw(OS, "trainable parameters", "energy per datum (J)", Title);
    for (auto [L, P] : Bounds) {
      double X = A.px(P);
      OS << format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                   "stroke=\"#555\" stroke-dasharray=\"5,4\"/>\n",
                   X, A.Y0, X, A.Y0 + A.H)
         << format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                   "fill=\"#555\" text-anchor=\"end\" "
                   "transform=\"rotate(-90 %.1f %.1f)\">",
                   X - 3, A.Y0 + 4, X - 3, A.Y0 + 4)
         << xmlEscape(Levels[L].Name) << " "
         << bytesLabel(T.levelCapacity(unsigned(L))) << "</text>\n";
    }

    // One polyline per configuration, in order of first appearance.
    std::vector<std::string> Keys;
    std::map<std::string, std::vector<const SweepPoint *>> Series;
    for (const SweepPoint *P : Ps) {
      std::string K = seriesKey(*P);
      if (!Series.count(K))
        Keys.push_back(K);
      Series[K].push_back(P);
    }
    std::vector<std::pair<std::string, std::string>> Entries;
    for (size_t K = 0; K < Keys.size(); ++K) {
      std::string Color = Palette[K % std::size(Palette)];
      auto &S = Series[Keys[K]];
      llvm::stable_sort(S, [](const SweepPoint *A, const SweepPoint *B) {
        return A->Params < B->Params;
      });
      OS << "<polyline fill=\"none\" stroke=\"" << Color
         << "\" stroke-width=\"1.5\" points=\"";
      for (const SweepPoint *P : S)
        OS << format("%.1f,%.1f ", A.px(double(P->Params)),
                     A.py(P->energyPerDatum()));
      OS << "\"/>\n";
      for (const SweepPoint *P : S)
        OS << format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\">"
                     "<title>",
                     A.px(double(P->Params)), A.py(P->energyPerDatum()),
                     Color.c_str())
           << xmlEscape(Keys[K]) << ": " << P->Params << " parameters, "
           << format("%.4g", P->energyPerDatum()) << " J per datum"
           << "</title></circle>\n";
      if (Entries.size() < 16)
        Entries.push_back({Keys[K], Color});
    }
    legend(OS, Left + PanelW + 20, A.Y0 + 10, Entries);
  }
  OS << "</svg>\n";
}

void writeTOsSVG(ArrayRef<SweepPoint> Points, raw_ostream &OS) {
  // Each network once (TOs and FLOPs do not depend on the target).
  std::vector<const SweepPoint *> Ps;
  std::map<std::string, bool> Seen;
  for (const SweepPoint &P : Points) {
    if (!P.Error.empty() || P.TOs <= 0 || P.FLOPs <= 0)
      continue;
    std::string K = seriesKey(P) + widthString(P.Widths);
    if (Seen.emplace(K, true).second)
      Ps.push_back(&P);
  }
  const double Left = 80, Top = 40, W = 640, H = 400, LegendW = 200;
  svgHeader(OS, Left + W + LegendW + 20, Top + H + 60);
  LogAxes A;
  A.X0 = Left;
  A.Y0 = Top;
  A.W = W;
  A.H = H;
  if (Ps.empty()) {
    A.XLo = 0, A.XHi = 1, A.YLo = 0, A.YHi = 1;
    A.draw(OS, "FLOPs", "TOs", "Transistor operations against FLOPs (no data)");
    OS << "</svg>\n";
    return;
  }
  double XMin = 1e300, XMax = 0, YMin = 1e300, YMax = 0;
  for (const SweepPoint *P : Ps) {
    XMin = std::min(XMin, double(P->FLOPs));
    XMax = std::max(XMax, double(P->FLOPs));
    YMin = std::min(YMin, double(P->TOs));
    YMax = std::max(YMax, double(P->TOs));
  }
  LogAxes::range(XMin, XMax, A.XLo, A.XHi);
  LogAxes::range(YMin, YMax, A.YLo, A.YHi);
  A.draw(OS, "FLOPs per batch", "transistor operations per batch",
         "Transistor operations against FLOPs");
  std::vector<std::string> Acts;
  for (const SweepPoint *P : Ps)
    if (!is_contained(Acts, activationName(P->Act).str()))
      Acts.push_back(activationName(P->Act).str());
  std::vector<std::pair<std::string, std::string>> Entries;
  for (size_t I = 0; I < Acts.size(); ++I)
    Entries.push_back({Acts[I], Palette[I % std::size(Palette)]});
  for (const SweepPoint *P : Ps) {
    size_t C = size_t(find(Acts, activationName(P->Act).str()) - Acts.begin());
    std::string Color = Palette[C % std::size(Palette)];
    OS << format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" "
                 "stroke=\"%s\" stroke-width=\"1.5\"><title>",
                 A.px(double(P->FLOPs)), A.py(double(P->TOs)),
                 P->BatchNorm ? "white" : Color.c_str(), Color.c_str())
       << xmlEscape(seriesKey(*P)) << " " << widthString(P->Widths) << ": "
       << P->FLOPs << " FLOPs, " << P->TOs << " TOs</title></circle>\n";
  }
  legend(OS, Left + W + 20, Top + 10, Entries);
  legend(OS, Left + W + 20, Top + 20 + 16 * double(Entries.size()),
         {{"with batch norm", "#333"}}, /*Hollow=*/true);
  OS << "</svg>\n";
}

Expected<std::vector<uint64_t>> parseCountList(StringRef S) {
  std::vector<uint64_t> R;
  SmallVector<StringRef, 8> Items;
  S.split(Items, ',', -1, false);
  if (Items.empty())
    return bad("empty list");
  for (StringRef Item : Items) {
    auto [Lo, Rest] = Item.split("..");
    if (Rest.empty()) {
      std::optional<uint64_t> V = parseCount(Item);
      if (!V || *V == 0)
        return bad("'" + Item.trim() + "' is not a positive integer "
                   "(1000, 1e5 or 2^10)");
      R.push_back(*V);
      continue;
    }
    // 2^A..2^B[:K]: powers of the same base, exponent step K.
    auto [Hi, StepS] = Rest.split(':');
    auto [LB, LE] = Lo.trim().split('^');
    auto [HB, HE] = Hi.trim().split('^');
    uint64_t Base, Base2, E0, E1, Step = 1;
    if (LE.empty() || HE.empty() || LB.getAsInteger(10, Base) ||
        HB.getAsInteger(10, Base2) || Base != Base2 || Base < 2 ||
        LE.getAsInteger(10, E0) || HE.getAsInteger(10, E1) || E0 > E1 ||
        E1 > 62 || (!StepS.empty() && (StepS.getAsInteger(10, Step) || !Step)))
      return bad("'" + Item.trim() +
                 "': a range is BASE^A..BASE^B[:STEP], e.g. 2^5..2^24 or "
                 "2^5..2^24:2");
    for (uint64_t E = E0; E <= E1; E += Step) {
      double P = std::pow(double(Base), double(E));
      if (P >= 1.8e19)
        return bad("'" + Item.trim() + "' exceeds 64 bits");
      R.push_back(uint64_t(P));
    }
  }
  return R;
}

} // namespace onnx_energy
