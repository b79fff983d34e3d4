//===- Lower/Rules.h - The lowering rules and shape binders -------*- C++ -*-===//
//
// Read-only access to the lowering rules that onnx-energy-tblgen generated
// from ops/*.td, keyed by (domain, op_type, since-version), and to the shape
// binders they use (defined in lib/Lower/Binders.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LOWER_RULES_H
#define ONNX_ENERGY_LOWER_RULES_H

#include "onnx-energy/Ops/TableTypes.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace onnx_energy {

llvm::ArrayRef<BinderRow> binders();
/// Sorted by (Domain, OpType, Since).
llvm::ArrayRef<LoweringRow> loweringRules();

/// The rule for an op at the model's opset version of its domain: the one with
/// the greatest Since <= OpsetVersion. nullptr if there is none.
const LoweringRow *findLowering(llvm::StringRef Domain, llvm::StringRef OpType,
                                int OpsetVersion);

/// The backward rule of a lowering rule (docs/Training.md).
const GradientRow &gradientOf(const LoweringRow &Rule);
/// Gradient flags dx0, dx1, ... follow the binder's quantities.
unsigned numGradFlags();

llvm::ArrayRef<OptimizerRow> optimizers();
/// nullptr if there is no optimizer of that name.
const OptimizerRow *findOptimizer(llvm::StringRef Name);

} // namespace onnx_energy

#endif
