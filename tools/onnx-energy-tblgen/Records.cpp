//===- Records.cpp - Typed views of the schema records --------------------===//
//
// Field readers and the read() functions of the schema structs. Every field
// name of ops/OpSchema.td appears in this file and nowhere else in the
// backend; those of targets/TargetSchema.td are in lib/TargetDesc.
//
//===----------------------------------------------------------------------===//

#include "Records.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/TableGen/Error.h"
#include <limits>

using namespace llvm;

namespace onnx_energy::tblgen {

std::vector<const Record *> defsInOrder(const RecordKeeper &RK,
                                        StringRef ClassName) {
  std::vector<const Record *> Defs;
  for (const Record *R : RK.getAllDerivedDefinitionsIfDefined(ClassName))
    Defs.push_back(R);
  llvm::sort(Defs, LessRecordByID());
  return Defs;
}

void fatalWithNote(const Record *Rec, const Twine &Msg, const Record *Prev,
                   const Twine &Note) {
  PrintError(Rec->getLoc(), Msg);
  PrintFatalNote(Prev->getLoc(), Note);
}

std::string recordLocation(const Record *Rec) {
  ArrayRef<SMLoc> Locs = Rec->getLoc();
  if (Locs.empty())
    return "";
  unsigned Buf = SrcMgr.FindBufferContainingLoc(Locs.front());
  if (!Buf)
    return "";
  StringRef File = sys::path::filename(
      SrcMgr.getMemoryBuffer(Buf)->getBufferIdentifier());
  return (File + ":" + Twine(SrcMgr.FindLineNumber(Locs.front(), Buf))).str();
}

namespace {
/// Reads the fields of one record. Errors are reported at `At`: the record
/// itself, or for an inline anonymous record (a Count in a list, a MemLevel
/// of a target) the named record that holds it, since an anonymous record's
/// location is its class's. `What` prefixes every message.
class FieldReader {
public:
  FieldReader(const Record *R, const Record *At, std::string What)
      : R(R), At(At), What(std::move(What)) {}
  FieldReader(const Record *R, StringRef Class)
      : R(R), At(R), What(describeRecord(R, Class)) {}

  [[noreturn]] void fail(const Twine &Msg) const {
    PrintFatalError(At->getLoc(), What + ": " + Msg);
  }

  void requireSet(StringRef Field) const {
    if (R->isValueUnset(Field))
      fail("missing required field '" + Field + "'");
  }

  StringRef str(StringRef Field) const {
    requireSet(Field);
    return R->getValueAsString(Field);
  }
  /// "" when left `?`.
  StringRef optStr(StringRef Field) const {
    return R->isValueUnset(Field) ? StringRef() : R->getValueAsString(Field);
  }
  int64_t integer(StringRef Field, int64_t Min,
                  int64_t Max = std::numeric_limits<int>::max()) const {
    requireSet(Field);
    int64_t V = R->getValueAsInt(Field);
    if (V < Min || V > Max)
      fail("field '" + Field + "' is " + Twine(V) + ", must be in [" +
           Twine(Min) + ", " + Twine(Max) + "]");
    return V;
  }
  bool bit(StringRef Field) const {
    requireSet(Field);
    return R->getValueAsBit(Field);
  }
  const Record *def(StringRef Field) const {
    requireSet(Field);
    return R->getValueAsDef(Field);
  }
  /// nullptr when left `?`.
  const Record *optDef(StringRef Field) const {
    return R->isValueUnset(Field) ? nullptr : R->getValueAsDef(Field);
  }
  std::vector<const Record *> defs(StringRef Field) const {
    requireSet(Field);
    std::vector<const Record *> V;
    for (const Record *D : R->getValueAsListOfDefs(Field))
      V.push_back(D);
    return V;
  }
  std::vector<StringRef> strs(StringRef Field) const {
    requireSet(Field);
    return R->getValueAsListOfStrings(Field);
  }

  const Record *record() const { return R; }
  const Record *at() const { return At; }
  const std::string &what() const { return What; }

  /// "Primitive 'fadd'": the class and the Name field, or the record name
  /// when Name is not a plain string.
  static std::string describeRecord(const Record *R, StringRef Class) {
    if (const RecordVal *V = R->getValue("Name"))
      if (auto *S = dyn_cast<StringInit>(V->getValue()))
        return (Class + " '" + S->getValue() + "'").str();
    return (Class + " '" + R->getName() + "'").str();
  }

private:
  const Record *R;
  const Record *At;
  std::string What;
};
} // namespace

//===----------------------------------------------------------------------===//
// ops/OpSchema.td
//===----------------------------------------------------------------------===//

DTypeDef DTypeDef::read(const Record *R) {
  FieldReader F(R, "DType");
  DTypeDef D;
  D.Def = R;
  D.Name = F.str("Name");
  D.OnnxType = F.integer("OnnxType", 0);
  D.Bits = F.integer("Bits", 1, 4096);
  D.ExpBits = F.integer("ExpBits", 0, 4096);
  D.MantBits = F.integer("MantBits", 0, 4096);
  D.PolyDegree = F.integer("PolyDegree", 0, 4096);
  D.IsFloat = F.bit("IsFloat");
  D.IsSigned = F.bit("IsSigned");
  D.IsBool = F.bit("IsBool");
  D.Source = F.str("Source");
  if (D.IsFloat && D.IsBool)
    F.fail("IsFloat and IsBool are both set");
  return D;
}

CellDef CellDef::read(const Record *R) {
  FieldReader F(R, "Cell");
  return {R, F.str("Name"),
          F.integer("Transistors", 0, std::numeric_limits<int64_t>::max()),
          F.str("Source")};
}

StringRef circuitFieldName(CircuitKind K) {
  static const char *const Names[] = {"FloatCircuit", "IntCircuit",
                                      "BoolCircuit"};
  return Names[K];
}

PrimitiveDef PrimitiveDef::read(const Record *R) {
  FieldReader F(R, "Primitive");
  PrimitiveDef P;
  P.Def = R;
  P.Name = F.str("Name");
  P.Description = F.str("Description");
  for (unsigned K = 0; K < NumCircuitKinds; ++K)
    P.Circuit[K] = F.str(circuitFieldName(CircuitKind(K)));
  P.Flops = F.integer("Flops", 0);
  P.Source = F.str("Source");
  return P;
}

ShapeBinderDef ShapeBinderDef::read(const Record *R) {
  FieldReader F(R, "ShapeBinder");
  return {R, F.str("Name"), F.strs("Quantities"), F.str("Doc")};
}

LoweringDef LoweringDef::read(const Record *R) {
  LoweringDef L;
  L.Def = R;
  // The description is needed for messages about the other fields, so the
  // key fields are read with a generic reader first.
  FieldReader Key(R, R, "Lowering");
  L.Domain = Key.str("Domain");
  L.OpType = Key.str("OpType");
  L.Since = Key.integer("Since", std::numeric_limits<int>::min());
  FieldReader F(R, R, L.describe());
  if (L.OpType.empty())
    F.fail("OpType is empty");
  if (L.Since < 1)
    F.fail("Since is " + Twine(L.Since) + ", opset versions start at 1");
  L.Binder = F.def("Binder");
  std::vector<const Record *> Counts = F.defs("Counts");
  for (auto [I, C] : llvm::enumerate(Counts)) {
    FieldReader CF(C, R, L.describe() + ": Counts[" + std::to_string(I) + "]");
    L.Counts.push_back({CF.def("Prim"), CF.str("Expr"), CF.str("On")});
  }
  L.MACs = F.str("MACs");
  L.Reads = F.str("Reads");
  L.Writes = F.str("Writes");
  L.Doc = F.str("Doc");
  L.HasGrad = !R->isValueUnset("GradCounts");
  if (L.HasGrad) {
    for (auto [I, C] : llvm::enumerate(F.defs("GradCounts"))) {
      FieldReader CF(C, R,
                     L.describe() + ": GradCounts[" + std::to_string(I) + "]");
      L.GradCounts.push_back({CF.def("Prim"), CF.str("Expr"), CF.str("On")});
    }
  }
  L.GradMACs = F.str("GradMACs");
  L.GradReads = F.str("GradReads");
  L.GradWrites = F.str("GradWrites");
  L.GradDoc = F.str("GradDoc");
  F.requireSet("NoGradInputs");
  for (const Init *I : R->getValueAsListInit("NoGradInputs")->getValues()) {
    int64_t V = cast<IntInit>(I)->getValue();
    if (V < 0 || V > 31)
      F.fail("NoGradInputs holds " + Twine(V) + ", must be in [0, 31]");
    L.NoGradInputs.push_back(V);
  }
  return L;
}

OptimizerDef OptimizerDef::read(const Record *R) {
  OptimizerDef O;
  O.Def = R;
  FieldReader F(R, "Optimizer");
  O.Name = F.str("Name");
  for (auto [I, C] : llvm::enumerate(F.defs("Counts"))) {
    FieldReader CF(C, R, F.what() + ": Counts[" + std::to_string(I) + "]");
    O.Counts.push_back({CF.def("Prim"), CF.str("Expr"), CF.str("On")});
  }
  O.StateTensors = F.integer("StateTensors", 0, 16);
  O.Doc = F.str("Doc");
  O.Source = F.str("Source");
  return O;
}

std::string LoweringDef::describe() const {
  std::string S = "Lowering ";
  if (!Domain.empty())
    S += (Domain + ".").str();
  S += OpType.empty() ? "<empty OpType>" : OpType.str();
  return S + " (since " + std::to_string(Since) + ")";
}

} // namespace onnx_energy::tblgen
