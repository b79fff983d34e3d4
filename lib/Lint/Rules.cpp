//===- lib/Lint/Rules.cpp - The lint rules --------------------------------===//
//
// Each rule reads the estimate (Report, Graph, LoweredGraph, Target) and adds
// findings; none re-estimates anything. The rationales are in Config.cpp's
// rule table and docs/CI.md.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Lint/Lint.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Support/Format.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <fmt/format.h>

using namespace llvm;

namespace onnx_energy {
namespace lint {

namespace {

std::string pct(double F) { return fmt::format("{:.1f}%", 100.0 * F); }

class Linter {
public:
  Linter(const Graph &G, const Target &T, const Report &R, const Config &C)
      : G(G), T(T), R(R), C(C), ByIndex(G.Nodes.size(), nullptr) {
    for (const ReportNode &N : R.Nodes)
      if (N.Index < ByIndex.size())
        ByIndex[N.Index] = &N;
  }

  Expected<std::vector<Finding>> run() {
    if (on("energy-budget"))
      energyBudget();
    if (on("cache-spill"))
      if (Error E = cacheSpill())
        return E;
    if (on("wide-first-layer"))
      wideFirstLayer();
    if (on("unfolded-batchnorm"))
      unfoldedBatchNorm();
    if (on("nonlinear-dominant"))
      nonlinearDominant();
    if (on("narrower-dtype"))
      narrowerDType();
    if (on("regression"))
      if (Error E = regression())
        return E;
    return std::move(Out);
  }

private:
  bool on(StringRef Id) const {
    auto It = C.Rules.find(Id.str());
    return It == C.Rules.end() || It->second.Enabled;
  }

  void add(StringRef Rule, const ReportNode *N, std::string Message) {
    Finding F;
    F.Rule = Rule.str();
    auto It = C.Rules.find(F.Rule);
    F.Lev = It != C.Rules.end() ? It->second.Lev : findRule(Rule)->DefaultLevel;
    if (N) {
      F.Node = N->Name;
      F.OpType = N->Domain.empty() ? N->OpType : N->Domain + "::" + N->OpType;
    }
    F.Message = std::move(Message);
    Out.push_back(std::move(F));
  }

  void energyBudget() {
    if (C.BudgetJ && R.totalJ() > *C.BudgetJ)
      add("energy-budget", nullptr,
          fmt::format("estimated energy {} per inference on {} exceeds the "
                      "budget of {} by {}",
                      formatSI(R.totalJ(), "J"), R.TargetName,
                      formatSI(*C.BudgetJ, "J"),
                      pct(R.totalJ() / *C.BudgetJ - 1)));
    if (C.BudgetSeconds && R.Seconds > *C.BudgetSeconds)
      add("energy-budget", nullptr,
          fmt::format("estimated latency {} per inference on {} exceeds the "
                      "budget of {} by {}",
                      formatSI(R.Seconds, "s"), R.TargetName,
                      formatSI(*C.BudgetSeconds, "s"),
                      pct(R.Seconds / *C.BudgetSeconds - 1)));
  }

  Error cacheSpill() {
    size_t NL = T.levels().size();
    if (NL < 2)
      return Error::success(); // no cache to spill
    int Level = int(NL) - 2;   // the last cache level
    if (!C.SpillLevel.empty()) {
      Level = -1;
      std::string Caches;
      for (size_t I = 0; I + 1 < NL; ++I) {
        Caches += (Caches.empty() ? "" : ", ") + std::string(T.levels()[I].Name);
        if (C.SpillLevel == T.levels()[I].Name)
          Level = int(I);
      }
      if (Level < 0)
        return createStringError(
            inconvertibleErrorCode(),
            "cache-spill.level: target '%s' has no cache level '%s' (its "
            "caches: %s)",
            R.TargetName.c_str(), C.SpillLevel.c_str(), Caches.c_str());
    }
    double Total = R.totalJ();
    for (const ReportNode *N : ByIndex) {
      if (!N || N->Status != NodeCost::Costed || N->E.SpillsFrom < Level)
        continue;
      double Share = Total > 0 ? N->E.totalJ() / Total : 0;
      if (Share < C.SpillMinShare)
        continue;
      const MemLevelRow &Lev = T.levels()[N->E.SpillsFrom];
      const MemLevelRow &Next = T.levels()[N->E.SpillsFrom + 1];
      double NextBytes = 0, AllBytes = 0;
      for (size_t I = 0; I < N->E.ReadBytes.size(); ++I) {
        double B = N->E.ReadBytes[I] +
                   (I < N->E.WriteBytes.size() ? N->E.WriteBytes[I] : 0.0);
        AllBytes += B;
        if (int(I) > N->E.SpillsFrom)
          NextBytes += B;
      }
      add("cache-spill", N,
          fmt::format("working set {} does not fit {} ({}{}); {} of its "
                      "bytes come from {} and beyond; the node is {} of the "
                      "model's energy",
                      formatSI(N->E.WorkingSet, "B"), Lev.Name, Lev.Size.Text,
                      Lev.Instances > 1
                          ? fmt::format(" x {}", Lev.Instances)
                          : std::string(),
                      AllBytes > 0 ? pct(NextBytes / AllBytes) : "-",
                      Next.Name, pct(Share)));
    }
    return Error::success();
  }

  /// A dense or convolution layer with weights: its output width (features
  /// or channels) and the values per sample of its input.
  struct Layer {
    unsigned Index;
    int64_t Width = -1, InputPerSample = -1;
  };

  std::optional<Layer> layerOf(unsigned I) const {
    const Node &N = G.Nodes[I];
    bool Conv = N.OpType == "Conv" || N.OpType == "ConvTranspose";
    bool Dense = N.OpType == "Gemm" || N.OpType == "MatMul";
    if (!N.Domain.empty() || (!Conv && !Dense) || N.Inputs.size() < 2 ||
        N.Outputs.empty())
      return std::nullopt;
    // The weights are not computed by the graph: an initializer, a graph
    // input (text models and some exporters pass weights so) or a Constant.
    // A product of two activations (attention) is not a layer.
    int W = N.Inputs[1];
    if (W < 0)
      return std::nullopt;
    const Value &WV = G.value(W);
    if (!WV.IsInitializer && WV.Producer >= 0 &&
        G.Nodes[WV.Producer].OpType != "Constant")
      return std::nullopt;
    const Value &X = G.value(N.Inputs[0]);
    const Value &Y = G.value(N.Outputs[0]);
    if (!X.fullyKnown() || !Y.fullyKnown() || X.Shape.empty() ||
        Y.Shape.size() < 2)
      return std::nullopt;
    Layer Ly{I};
    Ly.Width = Conv ? Y.Shape[1].Value : Y.Shape.back().Value;
    int64_t Batch = X.Shape[0].Value;
    Qty Elems = X.numElements();
    if (!Elems.valid())
      return std::nullopt;
    // Dense layers on a 1-D input have no batch dimension.
    Ly.InputPerSample = X.Shape.size() >= 2 && Batch > 0
                            ? Elems.value() / Batch
                            : Elems.value();
    return Ly;
  }

  void wideFirstLayer() {
    std::vector<Layer> Layers;
    for (unsigned I = 0; I < G.Nodes.size(); ++I)
      if (std::optional<Layer> Ly = layerOf(I))
        Layers.push_back(*Ly);
    // The first layer, the output layer, and at least one between them.
    if (Layers.size() < 3)
      return;
    const Layer &First = Layers.front();
    int64_t Rest = 0;
    unsigned Widest = Layers[1].Index;
    for (size_t K = 1; K + 1 < Layers.size(); ++K)
      if (Layers[K].Width > Rest) {
        Rest = Layers[K].Width;
        Widest = Layers[K].Index;
      }
    if (Rest <= 0 || First.InputPerSample < C.WideMinInput ||
        double(First.Width) < C.WideRatio * double(Rest))
      return;
    const ReportNode *N = ByIndex[First.Index];
    const ReportNode *W = ByIndex[Widest];
    if (!N)
      return;
    double Total = R.totalJ();
    add("wide-first-layer", N,
        fmt::format("first layer is {} wide on an input of {} values per "
                    "sample, {:.1f}x the widest later layer ({}, {} wide); "
                    "it is {} of the model's energy",
                    First.Width, First.InputPerSample,
                    double(First.Width) / double(Rest),
                    W ? "'" + W->Name + "'" : std::string("?"), Rest,
                    Total > 0 ? pct(N->E.totalJ() / Total) : "-"));
  }

  void unfoldedBatchNorm() {
    std::vector<unsigned> Consumers(G.Values.size());
    for (const Node &N : G.Nodes)
      for (int In : N.Inputs)
        if (In >= 0)
          ++Consumers[In];
    for (unsigned I = 0; I < G.Nodes.size(); ++I) {
      const Node &BN = G.Nodes[I];
      if (!BN.Domain.empty() || BN.OpType != "BatchNormalization" ||
          BN.Inputs.empty() || BN.Inputs[0] < 0)
        continue;
      if (BN.intAttr("training_mode", 0) != 0)
        continue; // training: the statistics change, nothing to fold
      const Value &X = G.value(BN.Inputs[0]);
      if (X.Producer < 0 || X.IsGraphOutput || Consumers[BN.Inputs[0]] != 1)
        continue;
      std::optional<Layer> Prod = layerOf(unsigned(X.Producer));
      if (!Prod)
        continue;
      const ReportNode *N = ByIndex[I];
      const ReportNode *P = ByIndex[X.Producer];
      if (!N || !P)
        continue;
      double Total = R.totalJ();
      add("unfolded-batchnorm", N,
          fmt::format("BatchNormalization after {} '{}' is not folded into "
                      "its weights; folding removes this node, {} ({} of "
                      "the model's energy)",
                      G.Nodes[X.Producer].OpType, P->Name,
                      formatSI(N->E.totalJ(), "J"),
                      Total > 0 ? pct(N->E.totalJ() / Total) : "-"));
    }
  }

  void nonlinearDominant() {
    static const char *const NonLinear[] = {"div", "sqrt", "rsqrt", "exp",
                                            "log", "tanh", "erf"};
    StringSet<> Names;
    for (const char *P : NonLinear)
      Names.insert(P);
    double All = 0, Non = 0;
    std::vector<std::pair<double, const ReportNode *>> PerNode;
    for (const ReportNode *N : ByIndex) {
      if (!N || N->Status != NodeCost::Costed)
        continue;
      double NodeNon = 0;
      for (const PrimitiveUse &U : N->Prims) {
        All += double(U.TOs);
        if (Names.contains(primitives()[U.Primitive].Name))
          NodeNon += double(U.TOs);
      }
      Non += NodeNon;
      if (NodeNon > 0)
        PerNode.push_back({NodeNon, N});
    }
    if (All <= 0 || Non / All <= C.NonlinearMaxShare)
      return;
    std::stable_sort(PerNode.begin(), PerNode.end(),
                     [](auto &A, auto &B) { return A.first > B.first; });
    std::string Top;
    for (size_t K = 0; K < PerNode.size() && K < 3; ++K)
      Top += (Top.empty() ? "" : ", ") +
             fmt::format("'{}' ({})", PerNode[K].second->Name,
                         pct(PerNode[K].first / All));
    add("nonlinear-dominant", nullptr,
        fmt::format("non-linear primitives (div, sqrt, rsqrt, exp, log, "
                    "tanh, erf) are {} of the model's TOs (limit {}); most "
                    "in {}",
                    pct(Non / All), pct(C.NonlinearMaxShare), Top));
  }

  void narrowerDType() {
    static const char *const Narrower[] = {"f16", "bf16"};
    double Total = R.totalJ();
    for (const ReportNode *N : ByIndex) {
      if (!N || N->Status != NodeCost::Costed || !N->E.PeakDType ||
          StringRef(N->E.PeakDType) != "f32" || !N->E.computeBound() ||
          N->FLOPs <= 0)
        continue;
      double Share = Total > 0 ? N->E.totalJ() / Total : 0;
      if (Share < C.NarrowMinShare)
        continue;
      bool Matrix = N->MACs > 0;
      const ThroughputRow *Now = T.unitFor("f32", Matrix);
      if (!Now || Now->Rate.Value <= 0)
        continue;
      const ThroughputRow *Best = nullptr;
      for (const char *D : Narrower) {
        const ThroughputRow *U = T.unitFor(D, Matrix);
        if (U && (!Best || U->Rate.Value > Best->Rate.Value))
          Best = U;
      }
      if (!Best || Best->Rate.Value < C.NarrowMinSpeedup * Now->Rate.Value)
        continue;
      add("narrower-dtype", N,
          fmt::format("compute-bound at f32 ({} on {}); {} runs {} on {}, "
                      "{:.1f}x faster; the node is {} of the model's energy",
                      Now->Rate.Text, Now->UnitKind, Best->DType,
                      Best->Rate.Text, Best->UnitKind,
                      Best->Rate.Value / Now->Rate.Value, pct(Share)));
    }
  }

  Error regression() {
    if (C.Baseline.empty())
      return Error::success();
    auto Bad = [&](const Twine &Why) {
      return fileError(C.Baseline, Why);
    };
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
        MemoryBuffer::getFile(C.Baseline);
    if (!Buf)
      return Bad("cannot read the baseline: " + Buf.getError().message());
    Expected<json::Value> V = json::parse((*Buf)->getBuffer());
    if (!V)
      return Bad("not JSON: " + toString(V.takeError()));
    const json::Object *Root = V->getAsObject();
    const json::Object *Tool = Root ? Root->getObject("tool") : nullptr;
    const json::Object *Totals = Root ? Root->getObject("totals") : nullptr;
    if (!Tool || Tool->getString("name") != "onnx-energy" || !Totals)
      return Bad("not a report of onnx-energy --json (no tool and totals)");
    const json::Object *Tgt = Root->getObject("target");
    std::optional<StringRef> TName = Tgt ? Tgt->getString("name") : std::nullopt;
    if (TName && *TName != R.TargetName)
      return Bad("the baseline was estimated on target '" + *TName +
                 "', this run on '" + R.TargetName +
                 "'; compare estimates on one target");
    std::optional<double> OldJ = Totals->getNumber("energy_J");
    std::optional<double> OldS = Totals->getNumber("seconds");
    if (!OldJ || !OldS)
      return Bad("the baseline's totals lack energy_J or seconds");
    auto Check = [&](const char *What, double Old, double New,
                     const char *Unit) {
      if (Old <= 0 || New <= Old * (1 + C.MaxIncrease))
        return;
      add("regression", nullptr,
          fmt::format("estimated {} rose from {} to {} (+{}) against the "
                      "baseline {}; at most +{} allowed",
                      What, formatSI(Old, Unit), formatSI(New, Unit),
                      pct(New / Old - 1), C.Baseline, pct(C.MaxIncrease)));
    };
    Check("energy", *OldJ, R.totalJ(), "J");
    Check("latency", *OldS, R.Seconds, "s");
    return Error::success();
  }

  const Graph &G;
  const Target &T;
  const Report &R;
  const Config &C;
  std::vector<const ReportNode *> ByIndex; ///< topological order
  std::vector<Finding> Out;
};

} // namespace

Expected<std::vector<Finding>> runLint(const Graph &G, const Target &T,
                                       const Report &R, const Config &C) {
  return Linter(G, T, R, C).run();
}

bool fails(const std::vector<Finding> &Fs, const Config &C) {
  for (const Finding &F : Fs)
    if (F.Lev == Level::Error || C.Werror)
      return true;
  return false;
}

} // namespace lint
} // namespace onnx_energy
