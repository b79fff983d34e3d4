//===- Ops/Catalog.h - The primitive catalog and lowering rules ---*- C++ -*-===//
//
// Read-only access to the primitive tables that onnx-energy-tblgen generated
// from ops/*.td: element types and primitives with their transistor-operation
// cost per element type. The lowering rules are in Lower/Rules.h.
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

std::optional<unsigned> findDType(llvm::StringRef Name);
std::optional<unsigned> dtypeOf(ElemType T);
std::optional<unsigned> findPrimitive(llvm::StringRef Name);

/// Transistor operations of one primitive at one element type; -1 where the
/// primitive has no circuit for that class of types.
int64_t transistorOps(unsigned Primitive, unsigned DType);

} // namespace onnx_energy

#endif
