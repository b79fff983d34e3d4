//===- Views/Report.h - One data set, many renderings -------------*- C++ -*-===//
//
// collectReport() computes everything a view shows once; the text and JSON
// renderers only format it, so they cannot disagree. Every machine-readable
// rendering embeds the tool version, the target with its sources, and the
// parameters that produced it.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_VIEWS_REPORT_H
#define ONNX_ENERGY_VIEWS_REPORT_H

#include "onnx-energy/Energy/Estimate.h"
#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Lower/Lower.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx-energy/Support/Format.h"
#include "onnx-energy/Target/Target.h"
#include <map>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace onnx_energy {

enum class SortOrder { Energy, Graph, TOs };

struct ReportOptions {
  SortOrder Sort = SortOrder::Energy;
  unsigned Top = 0; ///< per-op rows in the text view; 0 = all
  /// The parameters that produced the report (option name -> value), embedded
  /// verbatim in machine-readable output.
  std::map<std::string, std::string> Parameters;
};

struct ReportNode {
  unsigned Index = 0; ///< position in topological order
  std::string Name, OpType, Domain;
  bool NameGenerated = false; ///< the file gave no (unique) name; Graph.h
  NodeCost::Status Status = NodeCost::NoRule;
  std::string Problem;
  std::string Rule; ///< rule location, e.g. "Linear.td:12"
  std::vector<PrimitiveUse> Prims;
  int64_t TOs = 0, MACs = 0, FLOPs = 0, ReadBytes = 0, WriteBytes = 0;
  NodeEstimate E;
  double Share = 0; ///< of total energy
  std::string Level;
  /// Control flow (NodeCost): If's branch costed, Loop/Scan iterations
  /// (-1: not such a node), and how they were chosen.
  std::string Branch;
  int64_t Trips = -1;
  std::string ControlFlow;
};

struct ReportLevel {
  std::string Name;
  double Capacity = 0;
  LevelTotals Totals;
};

/// --mode=train: the figures of one training step and what they add up to
/// over an epoch and a run (docs/Training.md). The report's totals are one
/// step's.
struct TrainSummary {
  bool Enabled = false;
  std::string Optimizer;
  int64_t Batch = 0;         ///< data per step (0: unknown)
  int64_t DatasetSize = 0;   ///< data per epoch as given (0: one batch)
  int64_t Epochs = 1;
  int64_t StepsPerEpoch = 1; ///< ceil(dataset / batch)
  int64_t Params = 0;        ///< trainable parameters (elements)
  PhaseCost Fwd, Bwd, Update;
  double StepJ = 0, EpochJ = 0, RunJ = 0;
  double DatumJ = 0;         ///< StepJ / Batch (BUTTER-E's E_datum)
  double StepSeconds = 0, EpochSeconds = 0, RunSeconds = 0;
  TrainingPlacement Placement;
  std::string StepLevel, DataLevel; ///< level names of the placement
};

struct Report {
  std::string ToolVersion;
  // Model
  std::string ModelPath, Producer;
  int64_t IRVersion = 0;
  std::map<std::string, int64_t> Opsets;
  uint64_t FileBytes = 0, WeightBytes = 0;
  unsigned NumNodes = 0, NumCosted = 0;
  std::map<std::string, unsigned> Uncosted; ///< op type -> nodes not costed
  // Target
  std::string TargetName, TargetDescription, TargetSource, EnergyPerTOOrigin;
  double EnergyPerTO = 0, StaticPower = 0;
  // Totals
  int64_t TOs = 0, MACs = 0, FLOPs = 0;
  double ComputeJ = 0, MemoryJ = 0, StaticJ = 0, Seconds = 0;
  double totalJ() const { return ComputeJ + MemoryJ + StaticJ; }
  std::vector<ReportLevel> Levels;
  std::vector<PrimitiveUse> Prims; ///< sorted by TOs, descending
  std::vector<ReportNode> Nodes;   ///< in the requested order
  std::vector<Diagnostic> Diags;
  ReportOptions Opts;
  TrainSummary Train;
};

Report collectReport(const Graph &G, const LoweredGraph &L, const Estimate &E,
                     const Target &T, const DiagnosticList &Diags,
                     const ReportOptions &Opts);

void renderText(const Report &R, llvm::raw_ostream &OS);
void renderJSON(const Report &R, llvm::raw_ostream &OS);
/// A self-contained HTML page (inline CSS, SVG and script; nothing fetched):
/// summary, energy breakdown, top ops, per-op table, cache view.
void renderHTML(const Report &R, llvm::raw_ostream &OS);
/// One CSV row per node (RFC 4180, CRLF line ends) after a header row.
void renderCSV(const Report &R, llvm::raw_ostream &OS);
/// Graphviz DOT: G's nodes filled by energy on a sequential colour scale,
/// edges are the tensors between them. R must have been collected from G.
void renderDOT(const Report &R, const Graph &G, llvm::raw_ostream &OS);
/// Netron's attachment format ("netron:attachment"): per-node metadata
/// matched by node name, and the totals on the model.
void renderNetronJSON(const Report &R, llvm::raw_ostream &OS);

/// Debugging view: one line per node and primitive, in graph order.
void printLowering(const Graph &G, const LoweredGraph &L, llvm::raw_ostream &OS);

} // namespace onnx_energy

#endif
