//===- Ops/Catalog.h - The primitive catalog and lowering rules ---*- C++ -*-===//
//
// Read-only access to the tables that onnx-energy-tblgen generated from
// ops/*.td: element types, primitives with their transistor-operation cost
// per element type, shape binders, and lowering rules keyed by
// (domain, op_type, since-version).
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_OPS_CATALOG_H
#define ONNX_ENERGY_OPS_CATALOG_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Ops/TableTypes.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace onnx_energy {

llvm::ArrayRef<DTypeRow> dtypes();
llvm::ArrayRef<PrimitiveRow> primitives();
llvm::ArrayRef<BinderRow> binders();
/// Sorted by (Domain, OpType, Since).
llvm::ArrayRef<LoweringRow> loweringRules();

std::optional<unsigned> findDType(llvm::StringRef Name);
std::optional<unsigned> dtypeOf(ElemType T);
std::optional<unsigned> findPrimitive(llvm::StringRef Name);

/// Transistor operations of one primitive at one element type; -1 where the
/// primitive has no circuit for that class of types.
int64_t transistorOps(unsigned Primitive, unsigned DType);

/// The rule for an op at the model's opset version of its domain: the one with
/// the greatest Since <= OpsetVersion. nullptr if there is none.
const LoweringRow *findLowering(llvm::StringRef Domain, llvm::StringRef OpType,
                                int OpsetVersion);

} // namespace onnx_energy

#endif
