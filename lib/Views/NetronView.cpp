//===- lib/Views/NetronView.cpp - A Netron attachment with the estimate ---===//
//
// Netron (https://netron.app) accepts a JSON "attachment" dropped on an open
// model: {"signature": "netron:attachment", "metadata": [{"kind": "node",
// "target": <node name>, "name": <key>, "value": <value>}, ...]} and shows
// the entries in the node's sidebar. It matches a node by its name up to the
// first line break, so targets are cut there too. Names are the ones every
// view uses (Graph.h, uniqueNodeNames): a node the file leaves unnamed has a
// generated name that Netron finds only in a copy of the model that carries
// it (such as the one `annotate` writes); the count of such nodes goes on
// the model. The totals are metadata of the model (kind "model", target "").
// Keys and units follow the JSON report (docs/Reports.md).
//
//===----------------------------------------------------------------------===//
#include "ViewSupport.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <fmt/format.h>

namespace onnx_energy {

void renderNetronJSON(const Report &R, llvm::raw_ostream &OS) {
  // One entry per line: large models give long files that stay easy to grep
  // and diff.
  double Total = R.totalJ();
  OS << "{\"signature\": \"netron:attachment\",\n \"metadata\": [";
  bool First = true;
  auto Entry = [&](const char *Kind, const std::string &Target,
                   const std::string &Name, llvm::json::Value V) {
    OS << (First ? "\n  " : ",\n  ");
    First = false;
    llvm::json::OStream J(OS);
    J.object([&] {
      J.attribute("kind", Kind);
      J.attribute("target", Target);
      J.attribute("name", Name);
      J.attribute("value", std::move(V));
    });
  };
  auto Model = [&](const std::string &Name, llvm::json::Value V) {
    Entry("model", "", Name, std::move(V));
  };
  unsigned Unnamed = 0;
  for (const ReportNode &N : R.Nodes)
    Unnamed += N.NameGenerated;
  Model("onnx-energy", fmt::format("{} estimate on {}", R.ToolVersion,
                                   R.TargetName));
  Model("energy", fmt::format("{} = compute {} + memory {} + static {}",
                              formatSI(Total, "J"),
                              formatSI(R.ComputeJ, "J"),
                              formatSI(R.MemoryJ, "J"),
                              formatSI(R.StaticJ, "J")));
  Model("energy_J", Total);
  Model("compute_J", R.ComputeJ);
  Model("memory_J", R.MemoryJ);
  Model("static_J", R.StaticJ);
  Model("seconds", R.Seconds);
  Model("tos", R.TOs);
  Model("macs", R.MACs);
  Model("flops", R.FLOPs);
  Model("coverage",
        fmt::format("{}/{} nodes costed", R.NumCosted, R.NumNodes));
  if (Unnamed)
    Model("unnamed_nodes",
          fmt::format("{} node(s) have no name, or a repeated one, in "
                      "the file; their entries carry generated names "
                      "(docs/Reports.md)",
                      Unnamed));

  for (const ReportNode &N : R.Nodes) {
    std::string Target = N.Name.substr(0, N.Name.find('\n'));
    auto Field = [&](const std::string &Name, llvm::json::Value V) {
      Entry("node", Target, Name, std::move(V));
    };
    if (N.Status != NodeCost::Costed) {
      Field("status", statusName(N.Status));
      Field("problem", N.Problem);
      continue;
    }
    Field("energy", fmt::format("{} ({} of the model)",
                                formatSI(N.E.totalJ(), "J"),
                                views::percent(N.E.totalJ(), Total)));
    Field("energy_J", N.E.totalJ());
    Field("compute_J", N.E.ComputeJ);
    Field("memory_J", N.E.MemoryJ);
    Field("static_J", N.E.StaticJ);
    Field("share", N.Share);
    Field("tos", N.TOs);
    Field("macs", N.MACs);
    Field("flops", N.FLOPs);
    Field("seconds", N.E.seconds());
    Field("bound", N.E.computeBound() ? "compute" : "memory");
    Field("level", N.Level);
    Field("working_set_bytes", N.E.WorkingSet);
    if (N.E.SpillsFrom >= 0 && size_t(N.E.SpillsFrom) < R.Levels.size())
      Field("spills_from", R.Levels[N.E.SpillsFrom].Name);
    for (size_t L = 0; L < R.Levels.size(); ++L) {
      Field(R.Levels[L].Name + "_read_bytes",
            L < N.E.ReadBytes.size() ? N.E.ReadBytes[L] : 0.0);
      Field(R.Levels[L].Name + "_write_bytes",
            L < N.E.WriteBytes.size() ? N.E.WriteBytes[L] : 0.0);
    }
    if (!N.ControlFlow.empty())
      Field("control_flow", N.ControlFlow);
  }
  OS << "\n ]\n}\n";
}

} // namespace onnx_energy
