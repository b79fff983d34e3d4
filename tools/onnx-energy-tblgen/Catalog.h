//===- Catalog.h - The primitive catalog, validated -------------*- C++ -*-===//
//
// DTypes, cells and primitives of ops/*.td in declaration order, with their
// names checked and the transistor table evaluated. -gen-primitives emits it,
// -gen-lowerings takes the primitive indices from it, -gen-targets checks a
// target's reference op against it: all three see the same validated data.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_TBLGEN_CATALOG_H
#define ONNX_ENERGY_TBLGEN_CATALOG_H

#include "Expr.h"
#include "Records.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <array>
#include <optional>

namespace onnx_energy::tblgen {

class Catalog {
public:
  /// Collects and validates the catalog and evaluates every transistor count;
  /// any bad record is a fatal error at its location.
  explicit Catalog(const llvm::RecordKeeper &RK);

  std::vector<DTypeDef> DTypes;
  std::vector<CellDef> Cells;
  std::vector<PrimitiveDef> Primitives;

  /// Transistors[P][D]: TOs of primitive P at DType D, -1 where the circuit
  /// for D's class of types is "".
  std::vector<std::vector<int64_t>> Transistors;

  std::optional<unsigned> findDType(llvm::StringRef Name) const;
  std::optional<unsigned> findPrimitive(llvm::StringRef Name) const;
  std::optional<unsigned> findPrimitive(const llvm::Record *Def) const;

  /// The circuit that applies to a DType: float, bool, else integer.
  static CircuitKind circuitFor(const DTypeDef &D);

private:
  llvm::StringMap<unsigned> DTypeByName, PrimitiveByName;
  llvm::DenseMap<const llvm::Record *, unsigned> PrimitiveByDef;
  /// Parsed circuits, indexed like Primitives and by CircuitKind.
  std::vector<std::array<std::optional<Expr>, NumCircuitKinds>> Parsed;

  void collect(const llvm::RecordKeeper &RK);
  void checkCircuits();
  void checkReferences();
  void evaluateAll();
  int64_t evaluate(unsigned P, unsigned D,
                   std::vector<std::vector<uint8_t>> &State);
};

} // namespace onnx_energy::tblgen

#endif
