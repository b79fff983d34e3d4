//===- lib/Ops/Catalog.cpp - Access to the generated op tables ------------===//
//
// The only file that includes the generated Primitives.inc and the lowering
// tables (besides the binders, which need the quantity enums).
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Ops/Catalog.h"
#include <algorithm>
#include <tuple>

namespace onnx_energy {

#define GET_BINDER_DECL
#include "onnx-energy/Gen/Lowerings.inc"
#undef GET_BINDER_DECL

namespace {
#define GET_PRIMITIVE_TABLES
#include "onnx-energy/Gen/Primitives.inc"
#undef GET_PRIMITIVE_TABLES
#define GET_LOWERING_TABLES
#include "onnx-energy/Gen/Lowerings.inc"
#undef GET_LOWERING_TABLES
} // namespace

llvm::ArrayRef<DTypeRow> dtypes() { return DTypeTable; }
llvm::ArrayRef<PrimitiveRow> primitives() { return PrimitiveTable; }
llvm::ArrayRef<BinderRow> binders() { return BinderTable; }
llvm::ArrayRef<LoweringRow> loweringRules() { return LoweringTable; }

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

const LoweringRow *findLowering(llvm::StringRef Domain, llvm::StringRef OpType,
                                int OpsetVersion) {
  auto Key = [](const LoweringRow &R) {
    return std::make_tuple(llvm::StringRef(R.Domain), llvm::StringRef(R.OpType));
  };
  auto Want = std::make_tuple(Domain, OpType);
  const LoweringRow *Best = nullptr;
  auto It = std::lower_bound(
      std::begin(LoweringTable), std::end(LoweringTable), Want,
      [&](const LoweringRow &R, const auto &W) { return Key(R) < W; });
  for (; It != std::end(LoweringTable) && Key(*It) == Want; ++It)
    if (It->Since <= OpsetVersion)
      Best = &*It;
  return Best;
}

} // namespace onnx_energy
