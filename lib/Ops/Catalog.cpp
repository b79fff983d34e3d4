//===- lib/Ops/Catalog.cpp - Access to the generated primitive tables -----===//
//
// The only file that includes the generated Primitives.inc tables.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Ops/Catalog.h"

namespace onnx_energy {

namespace {
#define GET_PRIMITIVE_TABLES
#include "onnx-energy/Gen/Primitives.inc"
#undef GET_PRIMITIVE_TABLES
} // namespace

llvm::ArrayRef<DTypeRow> dtypes() { return DTypeTable; }
llvm::ArrayRef<PrimitiveRow> primitives() { return PrimitiveTable; }

std::optional<unsigned> findDType(llvm::StringRef Name) {
  for (unsigned I = 0; I < NumDTypes; ++I)
    if (Name == DTypeTable[I].Name)
      return I;
  return std::nullopt;
}

std::optional<unsigned> dtypeOf(ElemType T) {
  for (unsigned I = 0; I < NumDTypes; ++I)
    if (DTypeTable[I].OnnxType == static_cast<int>(T))
      return I;
  return std::nullopt;
}

std::optional<unsigned> findPrimitive(llvm::StringRef Name) {
  for (unsigned I = 0; I < NumPrimitives; ++I)
    if (Name == PrimitiveTable[I].Name)
      return I;
  return std::nullopt;
}

int64_t transistorOps(unsigned Primitive, unsigned DType) {
  if (Primitive >= NumPrimitives || DType >= NumDTypes)
    return -1;
  return TransistorTable[Primitive][DType];
}

} // namespace onnx_energy
