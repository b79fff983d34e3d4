//===- Records.h - Typed views of the schema records ------------*- C++ -*-===//
//
// One struct per class of ops/OpSchema.td, read from an llvm::Record in one
// place so that the emitters never spell a field name (the records of
// targets/TargetSchema.td are read by lib/TargetDesc, which the analyzer
// shares for --target-file). Reading checks what the schema alone implies
// (required fields set, integers in range) and fails at the record's
// location; the checks that need other records (names, references,
// duplicates) belong to the emitters.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_TBLGEN_RECORDS_H
#define ONNX_ENERGY_TBLGEN_RECORDS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/TableGen/Record.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onnx_energy::tblgen {

/// All definitions of \p ClassName in declaration order (getAllDerivedDefinitions
/// sorts by name, which would reorder the tables). Empty if the class is not
/// defined.
std::vector<const llvm::Record *> defsInOrder(const llvm::RecordKeeper &RK,
                                              llvm::StringRef ClassName);

/// Reports an error at \p Rec, a note at \p Prev ("first defined here" etc.)
/// and exits.
[[noreturn]] void fatalWithNote(const llvm::Record *Rec, const llvm::Twine &Msg,
                                const llvm::Record *Prev,
                                const llvm::Twine &Note);

/// "file.td:12" for the record's (first) location.
std::string recordLocation(const llvm::Record *Rec);

//===----------------------------------------------------------------------===//
// ops/OpSchema.td
//===----------------------------------------------------------------------===//

struct DTypeDef {
  const llvm::Record *Def;
  llvm::StringRef Name;
  int OnnxType;
  unsigned Bits, ExpBits, MantBits, PolyDegree;
  bool IsFloat, IsSigned, IsBool;
  llvm::StringRef Source;
  static DTypeDef read(const llvm::Record *R);
};

struct CellDef {
  const llvm::Record *Def;
  llvm::StringRef Name;
  int64_t Transistors;
  llvm::StringRef Source;
  static CellDef read(const llvm::Record *R);
};

/// Which circuit of a primitive applies to a DType.
enum CircuitKind : unsigned { FloatCircuit, IntCircuit, BoolCircuit };
constexpr unsigned NumCircuitKinds = 3;
/// "FloatCircuit", "IntCircuit", "BoolCircuit": the field names.
llvm::StringRef circuitFieldName(CircuitKind K);

struct PrimitiveDef {
  const llvm::Record *Def;
  llvm::StringRef Name, Description;
  llvm::StringRef Circuit[NumCircuitKinds]; ///< indexed by CircuitKind
  unsigned Flops;
  llvm::StringRef Source;
  static PrimitiveDef read(const llvm::Record *R);
};

struct ShapeBinderDef {
  const llvm::Record *Def;
  llvm::StringRef Name;
  std::vector<llvm::StringRef> Quantities; ///< the binder's own, not the common
  llvm::StringRef Doc;
  static ShapeBinderDef read(const llvm::Record *R);
};

struct CountDef {
  const llvm::Record *Prim; ///< a Primitive record
  llvm::StringRef Expr, On;
};

struct LoweringDef {
  const llvm::Record *Def;
  llvm::StringRef Domain, OpType;
  int64_t Since;
  const llvm::Record *Binder; ///< a ShapeBinder record
  std::vector<CountDef> Counts;
  llvm::StringRef MACs, Reads, Writes, Doc;
  /// Training: false when GradCounts is left `?` (no gradient rule).
  bool HasGrad = false;
  std::vector<CountDef> GradCounts;
  llvm::StringRef GradMACs, GradReads, GradWrites, GradDoc;
  std::vector<int64_t> NoGradInputs;
  static LoweringDef read(const llvm::Record *R);
  /// "Lowering Gemm (since 11)", with the domain when not ai.onnx.
  std::string describe() const;
};

struct OptimizerDef {
  const llvm::Record *Def;
  llvm::StringRef Name;
  std::vector<CountDef> Counts;
  int64_t StateTensors;
  llvm::StringRef Doc, Source;
  static OptimizerDef read(const llvm::Record *R);
};

} // namespace onnx_energy::tblgen

#endif
