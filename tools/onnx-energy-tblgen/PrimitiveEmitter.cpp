//===- PrimitiveEmitter.cpp - -gen-primitives -----------------------------===//
//
// Emits the primitive catalog of ops/*.td: an enum of primitives, the DType
// and primitive tables, and the transistor table that Catalog evaluated at
// build time, so that no circuit expression is evaluated at run time.
//
//   GET_PRIMITIVE_ENUM    Prim_<Name> = <index>,   (inside the user's enum)
//   GET_PRIMITIVE_TABLES  NumPrimitives, NumDTypes, DTypeTable[],
//                         PrimitiveTable[], TransistorTable[P][D]
//
//===----------------------------------------------------------------------===//

#include "Backends.h"
#include "Catalog.h"
#include "llvm/TableGen/Error.h"
#include "llvm/TableGen/TableGenBackend.h"

using namespace llvm;

namespace onnx_energy::tblgen {

static const char *boolStr(bool B) { return B ? "true" : "false"; }

void emitPrimitives(const RecordKeeper &RK, raw_ostream &OS) {
  Catalog Cat(RK);
  if (Cat.DTypes.empty())
    PrintFatalError("no DType records: nothing to emit");
  if (Cat.Primitives.empty())
    PrintFatalError("no Primitive records: nothing to emit");

  emitSourceFileHeader("Primitive catalog: element types, primitives and "
                       "their transistor counts",
                       OS, RK);

  OS << "#ifdef GET_PRIMITIVE_ENUM\n#undef GET_PRIMITIVE_ENUM\n";
  for (auto [I, P] : llvm::enumerate(Cat.Primitives))
    OS << "Prim_" << P.Name << " = " << I << ",\n";
  OS << "#endif // GET_PRIMITIVE_ENUM\n\n";

  OS << "#ifdef GET_PRIMITIVE_TABLES\n#undef GET_PRIMITIVE_TABLES\n";
  OS << "constexpr unsigned NumPrimitives = " << Cat.Primitives.size()
     << ";\n";
  OS << "constexpr unsigned NumDTypes = " << Cat.DTypes.size() << ";\n\n";

  OS << "static const DTypeRow DTypeTable[] = {\n";
  for (const DTypeDef &D : Cat.DTypes)
    OS << "  {.Name = " << cString(D.Name) << ", .OnnxType = " << D.OnnxType
       << ", .Bits = " << D.Bits << ", .ExpBits = " << D.ExpBits
       << ", .MantBits = " << D.MantBits << ", .PolyDegree = " << D.PolyDegree
       << ", .IsFloat = " << boolStr(D.IsFloat)
       << ", .IsSigned = " << boolStr(D.IsSigned)
       << ", .IsBool = " << boolStr(D.IsBool)
       << ", .Source = " << cString(D.Source) << "},\n";
  OS << "};\n\n";

  OS << "static const PrimitiveRow PrimitiveTable[] = {\n";
  for (const PrimitiveDef &P : Cat.Primitives)
    OS << "  {.Name = " << cString(P.Name)
       << ", .Description = " << cString(P.Description)
       << ", .Flops = " << P.Flops
       << ", .FloatCircuit = " << cString(P.Circuit[FloatCircuit])
       << ", .IntCircuit = " << cString(P.Circuit[IntCircuit])
       << ", .BoolCircuit = " << cString(P.Circuit[BoolCircuit])
       << ", .Source = " << cString(P.Source) << "},\n";
  OS << "};\n\n";

  OS << "// TOs per primitive (rows) and DType (columns); -1: no circuit.\n";
  OS << "// Columns:";
  for (const DTypeDef &D : Cat.DTypes)
    OS << ' ' << oneLine(D.Name);
  OS << "\nstatic const TransistorCount "
        "TransistorTable[NumPrimitives][NumDTypes] = {\n";
  for (auto [I, P] : llvm::enumerate(Cat.Primitives)) {
    OS << "  {";
    ListSeparator Sep(", ");
    for (int64_t V : Cat.Transistors[I])
      OS << Sep << V;
    OS << "}, // " << P.Name << "\n";
  }
  OS << "};\n";
  OS << "#endif // GET_PRIMITIVE_TABLES\n";
}

} // namespace onnx_energy::tblgen
