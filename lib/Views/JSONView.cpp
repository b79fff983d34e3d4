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
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace onnx_energy {

namespace {
/// llvm::json::OStream, with attributes written without building a
/// json::Value for each: strings are not copied, and finite doubles are
/// printed by fmt with the "%.17g" that llvm::json uses, the same text
/// (compared on 15 million doubles) in fewer instructions. With 10^4 nodes
/// and more, snprintf alone was over a quarter of the run time
/// (docs/Performance.md).
class JSONWriter {
public:
  JSONWriter(llvm::raw_ostream &OS, unsigned Indent) : J(OS, Indent) {}
  void object(llvm::function_ref<void()> Body) { J.object(Body); }
  void attributeObject(llvm::StringRef Key, llvm::function_ref<void()> Body) {
    J.attributeObject(Key, Body);
  }
  void attributeArray(llvm::StringRef Key, llvm::function_ref<void()> Body) {
    J.attributeArray(Key, Body);
  }
  void attribute(llvm::StringRef Key, double V) {
    if (!std::isfinite(V))
      return J.attribute(Key, V);
    char Buf[40];
    auto R = fmt::format_to_n(Buf, sizeof(Buf), "{:.17g}", V);
    J.attributeBegin(Key);
    J.rawValue(llvm::StringRef(Buf, std::min(R.size, sizeof(Buf))));
    J.attributeEnd();
  }
  void attribute(llvm::StringRef Key, const std::string &V) {
    J.attribute(Key, llvm::StringRef(V));
  }
  template <typename T> void attribute(llvm::StringRef Key, const T &V) {
    J.attribute(Key, V);
  }

private:
  llvm::json::OStream J;
};

void primitiveObject(JSONWriter &J, const PrimitiveUse &U) {
  J.object([&] {
    J.attribute("primitive", primitives()[U.Primitive].Name);
    J.attribute("dtype", dtypes()[U.DType].Name);
    J.attribute("count", U.Count);
    J.attribute("tos", U.TOs);
  });
}
} // namespace

void renderJSON(const Report &R, llvm::raw_ostream &OS) {
  JSONWriter J(OS, 1);
  J.object([&] {
    J.attributeObject("tool", [&] {
      J.attribute("name", "onnx-energy");
      J.attribute("version", R.ToolVersion);
    });
    J.attributeObject("model", [&] {
      J.attribute("path", R.ModelPath);
      J.attribute("ir_version", R.IRVersion);
      J.attribute("producer", R.Producer);
      J.attributeObject("opsets", [&] {
        for (const auto &KV : R.Opsets)
          J.attribute(KV.first.empty() ? "ai.onnx" : KV.first, KV.second);
      });
      J.attribute("nodes", int64_t(R.NumNodes));
      J.attribute("file_bytes", int64_t(R.FileBytes));
      J.attribute("weight_bytes", int64_t(R.WeightBytes));
    });
    J.attributeObject("target", [&] {
      J.attribute("name", R.TargetName);
      J.attribute("description", R.TargetDescription);
      J.attribute("source", R.TargetSource);
      J.attribute("energy_per_to_J", R.EnergyPerTO);
      J.attribute("energy_per_to_origin", R.EnergyPerTOOrigin);
      J.attribute("static_power_W", R.StaticPower);
    });
    J.attributeObject("parameters", [&] {
      for (const auto &KV : R.Opts.Parameters)
        J.attribute(KV.first, KV.second);
    });
    J.attributeObject("coverage", [&] {
      J.attribute("nodes", int64_t(R.NumNodes));
      J.attribute("costed", int64_t(R.NumCosted));
      J.attribute("fraction",
                  R.NumNodes ? double(R.NumCosted) / R.NumNodes : 1.0);
      J.attributeObject("not_costed", [&] {
        for (const auto &KV : R.Uncosted)
          J.attribute(KV.first, int64_t(KV.second));
      });
    });
    J.attributeObject("totals", [&] {
      J.attribute("tos", R.TOs);
      J.attribute("macs", R.MACs);
      J.attribute("flops", R.FLOPs);
      J.attribute("energy_J", R.totalJ());
      J.attribute("compute_J", R.ComputeJ);
      J.attribute("memory_J", R.MemoryJ);
      J.attribute("static_J", R.StaticJ);
      J.attribute("seconds", R.Seconds);
    });
    if (R.Train.Enabled) {
      const TrainSummary &S = R.Train;
      auto Phase = [&](const char *Name, const PhaseCost &P) {
        J.attributeObject(Name, [&] {
          J.attribute("tos", P.TOs);
          J.attribute("macs", P.MACs);
          J.attribute("flops", P.FLOPs);
          J.attribute("read_bytes", P.ReadBytes);
          J.attribute("write_bytes", P.WriteBytes);
        });
      };
      J.attributeObject("training", [&] {
        J.attribute("optimizer", S.Optimizer);
        J.attribute("parameters", S.Params);
        J.attribute("batch", S.Batch);
        J.attribute("dataset_size", S.DatasetSize);
        J.attribute("epochs", S.Epochs);
        J.attribute("steps_per_epoch", S.StepsPerEpoch);
        Phase("forward", S.Fwd);
        Phase("backward", S.Bwd);
        Phase("update", S.Update);
        J.attribute("energy_per_step_J", S.StepJ);
        J.attribute("energy_per_epoch_J", S.EpochJ);
        J.attribute("energy_per_run_J", S.RunJ);
        J.attribute("energy_per_datum_J", S.DatumJ);
        J.attribute("seconds_per_step", S.StepSeconds);
        J.attribute("seconds_per_epoch", S.EpochSeconds);
        J.attribute("seconds_per_run", S.RunSeconds);
        J.attributeObject("working_set", [&] {
          const TrainingPlacement &P = S.Placement;
          J.attribute("weights_bytes", P.Weights);
          J.attribute("gradients_bytes", P.Gradients);
          J.attribute("optimizer_state_bytes", P.State);
          J.attribute("activations_bytes", P.Activations);
          J.attribute("dataset_bytes", P.DataSet);
          J.attribute("step_level", S.StepLevel);
          J.attribute("dataset_level", S.DataLevel);
        });
      });
    }
    J.attributeArray("levels", [&] {
      for (const ReportLevel &L : R.Levels)
        J.object([&] {
          J.attribute("name", L.Name);
          J.attribute("capacity_bytes", L.Capacity);
          J.attribute("nodes", int64_t(L.Totals.Nodes));
          J.attribute("read_bytes", L.Totals.ReadBytes);
          J.attribute("write_bytes", L.Totals.WriteBytes);
          J.attribute("energy_J", L.Totals.Joules);
        });
    });
    J.attributeArray("primitives", [&] {
      for (const PrimitiveUse &U : R.Prims)
        primitiveObject(J, U);
    });
    J.attributeArray("nodes", [&] {
      for (const ReportNode &N : R.Nodes)
        J.object([&] {
          J.attribute("index", int64_t(N.Index));
          J.attribute("name", N.Name);
          J.attribute("op", N.OpType);
          J.attribute("domain", N.Domain);
          J.attribute("status", statusName(N.Status));
          if (N.Status != NodeCost::Costed) {
            J.attribute("problem", N.Problem);
            return;
          }
          J.attribute("rule", N.Rule);
          J.attributeArray("primitives", [&] {
            for (const PrimitiveUse &U : N.Prims)
              primitiveObject(J, U);
          });
          J.attribute("tos", N.TOs);
          J.attribute("macs", N.MACs);
          J.attribute("flops", N.FLOPs);
          J.attribute("read_bytes", N.ReadBytes);
          J.attribute("write_bytes", N.WriteBytes);
          J.attribute("energy_J", N.E.totalJ());
          J.attribute("compute_J", N.E.ComputeJ);
          J.attribute("memory_J", N.E.MemoryJ);
          J.attribute("static_J", N.E.StaticJ);
          J.attribute("seconds", N.E.seconds());
          J.attribute("share", N.Share);
          J.attribute("level", N.Level);
          J.attribute("bound", N.E.computeBound() ? "compute" : "memory");
          if (N.E.PeakUnit)
            J.attribute("peak_unit", N.E.PeakUnit);
          // The cache view: bytes per level and where the working set spills.
          J.attribute("working_set_bytes", N.E.WorkingSet);
          J.attribute("tiling_extra_bytes", N.E.TilingExtra);
          J.attribute("spills_from",
                      N.E.SpillsFrom >= 0 ? R.Levels[N.E.SpillsFrom].Name
                                          : std::string());
          J.attributeArray("traffic", [&] {
            for (size_t L = 0; L < N.E.ReadBytes.size(); ++L)
              J.object([&] {
                J.attribute("level", R.Levels[L].Name);
                J.attribute("read_bytes", N.E.ReadBytes[L]);
                J.attribute("write_bytes", N.E.WriteBytes[L]);
              });
          });
          if (!N.Branch.empty())
            J.attribute("branch", N.Branch);
          if (N.Trips >= 0)
            J.attribute("trips", N.Trips);
          if (!N.ControlFlow.empty())
            J.attribute("control_flow", N.ControlFlow);
        });
    });
    J.attributeArray("diagnostics", [&] {
      for (const Diagnostic &D : R.Diags)
        J.object([&] {
          J.attribute("severity", severityName(D.Sev));
          J.attribute("code", D.Code);
          J.attribute("node", D.Node);
          J.attribute("op", D.OpType);
          J.attribute("message", D.Message);
        });
    });
  });
  OS << "\n";
}

} // namespace onnx_energy
