//===- lib/Lower/Rules.cpp - Access to the generated lowering tables ------===//
//
// Includes the generated lowering tables; they refer to the binders of
// Binders.cpp, so they live in the same library.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Lower/Rules.h"
#include "onnx-energy/Lower/BindContext.h"
#include <algorithm>
#include <iterator>
#include <tuple>

namespace onnx_energy {

#define GET_BINDER_DECL
#include "onnx-energy/Gen/Lowerings.inc"
#undef GET_BINDER_DECL

namespace {
#define GET_LOWERING_TABLES
#include "onnx-energy/Gen/Lowerings.inc"
#undef GET_LOWERING_TABLES
#define GET_GRADIENT_TABLES
#include "onnx-energy/Gen/Lowerings.inc"
#undef GET_GRADIENT_TABLES
static_assert(std::size(GradientTable) == std::size(LoweringTable),
              "the gradient table is parallel to the lowering table");
} // namespace

llvm::ArrayRef<BinderRow> binders() { return BinderTable; }
llvm::ArrayRef<LoweringRow> loweringRules() { return LoweringTable; }

const LoweringRow *findLowering(llvm::StringRef Domain, llvm::StringRef OpType,
                                int OpsetVersion) {
  auto Key = [](const LoweringRow &R) {
    return std::make_tuple(llvm::StringRef(R.Domain), llvm::StringRef(R.OpType));
  };
  auto Want = std::make_tuple(Domain, OpType);
  auto It = std::lower_bound(
      std::begin(LoweringTable), std::end(LoweringTable), Want,
      [&](const LoweringRow &R, const auto &W) { return Key(R) < W; });
  const LoweringRow *Best = nullptr;
  for (; It != std::end(LoweringTable) && Key(*It) == Want; ++It)
    if (It->Since <= OpsetVersion)
      Best = &*It;
  return Best;
}

const GradientRow &gradientOf(const LoweringRow &Rule) {
  return GradientTable[&Rule - std::begin(LoweringTable)];
}

unsigned numGradFlags() { return NumGradFlags; }

llvm::ArrayRef<OptimizerRow> optimizers() { return OptimizerTable; }

const OptimizerRow *findOptimizer(llvm::StringRef Name) {
  for (const OptimizerRow &O : OptimizerTable)
    if (Name == O.Name)
      return &O;
  return nullptr;
}

} // namespace onnx_energy
