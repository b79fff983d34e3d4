//===- lib/Views/JSONView.cpp - The machine-readable report ---------------===//
//
// Schema (stable keys, units in the key names): tool, model, target,
// parameters, coverage, totals, levels, primitives, nodes, diagnostics.
// docs/CommandGuide/onnx-energy.md documents every key.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <cmath>
#include <fmt/format.h>

namespace onnx_energy {

namespace {
/// Attributes written without building a json::Value for each: strings are
/// not copied, and finite doubles are printed by fmt with the "%.17g" that
/// llvm::json uses, the same text (compared on 15 million doubles) in a
/// third of the time of snprintf. With a million nodes, snprintf and the
/// string copies were half of the tool's run time.
class Attr {
public:
  explicit Attr(llvm::json::OStream &J) : J(J) {}
  void operator()(llvm::StringRef Key, double V) const {
    if (!std::isfinite(V))
      return J.attribute(Key, V);
    char Buf[40];
    auto R = fmt::format_to_n(Buf, sizeof(Buf), "{:.17g}", V);
    J.attributeBegin(Key);
    J.rawValue(llvm::StringRef(Buf, std::min(R.size, sizeof(Buf))));
    J.attributeEnd();
  }
  void operator()(llvm::StringRef Key, const std::string &V) const {
    J.attribute(Key, llvm::StringRef(V));
  }
  template <typename T> void operator()(llvm::StringRef Key, const T &V) const {
    J.attribute(Key, V);
  }

private:
  llvm::json::OStream &J;
};

const char *statusName(NodeCost::Status S) {
  switch (S) {
  case NodeCost::Costed:
    return "costed";
  case NodeCost::NoRule:
    return "no-rule";
  case NodeCost::Unresolved:
    return "unresolved";
  }
  return "?";
}

void primitiveObject(llvm::json::OStream &J, const PrimitiveUse &U) {
  Attr A(J);
  J.object([&] {
    A("primitive", primitives()[U.Primitive].Name);
    A("dtype", dtypes()[U.DType].Name);
    A("count", U.Count);
    A("tos", U.TOs);
  });
}
} // namespace

void renderJSON(const Report &R, llvm::raw_ostream &OS) {
  llvm::json::OStream J(OS, 1);
  Attr A(J);
  J.object([&] {
    J.attributeObject("tool", [&] {
      A("name", "onnx-energy");
      A("version", R.ToolVersion);
    });
    J.attributeObject("model", [&] {
      A("path", R.ModelPath);
      A("ir_version", R.IRVersion);
      A("producer", R.Producer);
      J.attributeObject("opsets", [&] {
        for (const auto &KV : R.Opsets)
          A(KV.first.empty() ? "ai.onnx" : KV.first, KV.second);
      });
      A("nodes", int64_t(R.NumNodes));
      A("file_bytes", int64_t(R.FileBytes));
      A("weight_bytes", int64_t(R.WeightBytes));
    });
    J.attributeObject("target", [&] {
      A("name", R.TargetName);
      A("description", R.TargetDescription);
      A("source", R.TargetSource);
      A("energy_per_to_J", R.EnergyPerTO);
      A("energy_per_to_origin", R.EnergyPerTOOrigin);
      A("static_power_W", R.StaticPower);
    });
    J.attributeObject("parameters", [&] {
      for (const auto &KV : R.Opts.Parameters)
        A(KV.first, KV.second);
    });
    J.attributeObject("coverage", [&] {
      A("nodes", int64_t(R.NumNodes));
      A("costed", int64_t(R.NumCosted));
      A("fraction",
                  R.NumNodes ? double(R.NumCosted) / R.NumNodes : 1.0);
      J.attributeObject("not_costed", [&] {
        for (const auto &KV : R.Uncosted)
          A(KV.first, int64_t(KV.second));
      });
    });
    J.attributeObject("totals", [&] {
      A("tos", R.TOs);
      A("macs", R.MACs);
      A("flops", R.FLOPs);
      A("energy_J", R.totalJ());
      A("compute_J", R.ComputeJ);
      A("memory_J", R.MemoryJ);
      A("static_J", R.StaticJ);
      A("seconds", R.Seconds);
    });
    J.attributeArray("levels", [&] {
      for (const ReportLevel &L : R.Levels)
        J.object([&] {
          A("name", L.Name);
          A("capacity_bytes", L.Capacity);
          A("nodes", int64_t(L.Totals.Nodes));
          A("read_bytes", L.Totals.ReadBytes);
          A("write_bytes", L.Totals.WriteBytes);
          A("energy_J", L.Totals.Joules);
        });
    });
    J.attributeArray("primitives", [&] {
      for (const PrimitiveUse &U : R.Prims)
        primitiveObject(J, U);
    });
    J.attributeArray("nodes", [&] {
      for (const ReportNode &N : R.Nodes)
        J.object([&] {
          A("index", int64_t(N.Index));
          A("name", N.Name);
          A("op", N.OpType);
          A("domain", N.Domain);
          A("status", statusName(N.Status));
          if (N.Status != NodeCost::Costed) {
            A("problem", N.Problem);
            return;
          }
          A("rule", N.Rule);
          J.attributeArray("primitives", [&] {
            for (const PrimitiveUse &U : N.Prims)
              primitiveObject(J, U);
          });
          A("tos", N.TOs);
          A("macs", N.MACs);
          A("flops", N.FLOPs);
          A("read_bytes", N.ReadBytes);
          A("write_bytes", N.WriteBytes);
          A("energy_J", N.E.totalJ());
          A("compute_J", N.E.ComputeJ);
          A("memory_J", N.E.MemoryJ);
          A("static_J", N.E.StaticJ);
          A("seconds", N.E.seconds());
          A("share", N.Share);
          A("level", N.Level);
          A("bound", N.E.computeBound() ? "compute" : "memory");
          if (N.E.PeakUnit)
            A("peak_unit", N.E.PeakUnit);
          // The cache view: bytes per level and where the working set spills.
          A("working_set_bytes", N.E.WorkingSet);
          A("tiling_extra_bytes", N.E.TilingExtra);
          A("spills_from",
                      N.E.SpillsFrom >= 0 ? R.Levels[N.E.SpillsFrom].Name
                                          : std::string());
          J.attributeArray("traffic", [&] {
            for (size_t L = 0; L < N.E.ReadBytes.size(); ++L)
              J.object([&] {
                A("level", R.Levels[L].Name);
                A("read_bytes", N.E.ReadBytes[L]);
                A("write_bytes", N.E.WriteBytes[L]);
              });
          });
          if (!N.Branch.empty())
            A("branch", N.Branch);
          if (N.Trips >= 0)
            A("trips", N.Trips);
          if (!N.ControlFlow.empty())
            A("control_flow", N.ControlFlow);
        });
    });
    J.attributeArray("diagnostics", [&] {
      for (const Diagnostic &D : R.Diags)
        J.object([&] {
          A("severity", severityName(D.Sev));
          A("code", D.Code);
          A("node", D.Node);
          A("op", D.OpType);
          A("message", D.Message);
        });
    });
  });
  OS << "\n";
}

} // namespace onnx_energy
