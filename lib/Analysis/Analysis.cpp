//===- lib/Analysis/Analysis.cpp - The analyzer's pipeline in one call ----===//
#include "onnx-energy/Analysis/Analysis.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace onnx_energy {

Expected<std::vector<InputSpec>> resolvedInputs(const Graph &G) {
  std::vector<InputSpec> Specs;
  for (int VI : G.Inputs) {
    const Value &V = G.value(VI);
    if (V.IsInitializer)
      continue;
    InputSpec S;
    S.Name = V.Name;
    S.Type = V.Type;
    if (!V.HasShape)
      return createStringError(
          inconvertibleErrorCode(),
          "%s: input '%s' has no known rank; give its shape with --input "
          "%s=D0xD1x...",
          G.Path.c_str(), V.Name.c_str(), V.Name.c_str());
    for (size_t D = 0; D < V.Shape.size(); ++D) {
      const Dim &Dm = V.Shape[D];
      if (!Dm.known()) {
        std::string Hint =
            Dm.Symbol.empty()
                ? "--input " + V.Name + "=D0xD1x..."
                : "--dim " + Dm.Symbol + "=N or --input " + V.Name +
                      "=D0xD1x...";
        return createStringError(
            inconvertibleErrorCode(),
            (G.Path + ": input '" + V.Name + "' has an unknown dimension " +
             Twine(D) + (Dm.Symbol.empty() ? "" : " ('" + Dm.Symbol + "')") +
             "; give it a value with " + Hint)
                .str());
      }
      S.Shape.push_back(Dm.Value);
    }
    Specs.push_back(std::move(S));
  }
  return Specs;
}

Expected<Prediction> runPipeline(StringRef Path, const AnalysisOptions &Opts,
                                 const Target &T, PipelineStage Stop) {
  Prediction P;
  P.T = &T;
  Expected<Graph> G = importModel(Path, Opts.Import, P.Diags);
  if (!G)
    return G.takeError();
  P.G = std::move(*G);
  P.NumNodes = P.G.Nodes.size();
  if (Stop == PipelineStage::Import)
    return P;
  P.L = lowerGraph(P.G, Opts.Lower, P.Diags);
  P.NumCosted = P.L.NumCosted;
  if (Stop == PipelineStage::Lower || P.Diags.count(Severity::Error))
    return P;
  P.E = estimateEnergy(P.G, P.L, T, P.Diags, Opts.Memory);
  P.Estimated = true;
  return P;
}

Expected<Prediction> predict(StringRef Path, const AnalysisOptions &Opts,
                             const Target &T) {
  Expected<Prediction> PP = runPipeline(Path, Opts, T);
  if (!PP)
    return PP.takeError();
  Prediction &P = *PP;
  if (unsigned Errors = P.Diags.count(Severity::Error)) {
    std::string S;
    raw_string_ostream OS(S);
    P.Diags.print(OS);
    return createStringError(inconvertibleErrorCode(),
                             "%s%u error(s) in '%s'; no prediction",
                             S.c_str(), Errors, Path.str().c_str());
  }
  EnergyFeatures &F = P.Features;
  for (const NodeCost &C : P.L.Nodes)
    if (C.St == NodeCost::Costed)
      F.TOs += double(C.TOs);
  for (const LevelTotals &LT : P.E.Levels) {
    F.LevelReadBytes.push_back(LT.ReadBytes);
    F.LevelWriteBytes.push_back(LT.WriteBytes);
    F.LevelBytes.push_back(LT.ReadBytes + LT.WriteBytes);
  }
  F.Seconds = P.E.Seconds;
  return PP;
}

} // namespace onnx_energy
