//===- Catalog.cpp - The primitive catalog, validated ---------------------===//
//
// Collects DTypes, cells and primitives, checks their names and circuits and
// evaluates the transistor table. Cells and primitives share one namespace
// (both are identifiers in circuit expressions), next to the reserved DType
// parameters n, e, m, p and the function names.
//
//===----------------------------------------------------------------------===//

#include "Catalog.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/TableGen/Error.h"
#include <functional>

using namespace llvm;

namespace onnx_energy::tblgen {

static bool isDTypeParameter(StringRef Name) {
  return Name == "n" || Name == "e" || Name == "m" || Name == "p";
}

Catalog::Catalog(const RecordKeeper &RK) {
  collect(RK);
  checkCircuits();
  checkReferences();
  evaluateAll();
}

CircuitKind Catalog::circuitFor(const DTypeDef &D) {
  return D.IsFloat ? FloatCircuit : D.IsBool ? BoolCircuit : IntCircuit;
}

std::optional<unsigned> Catalog::findDType(StringRef Name) const {
  auto It = DTypeByName.find(Name);
  return It == DTypeByName.end() ? std::nullopt
                                 : std::optional<unsigned>(It->second);
}

std::optional<unsigned> Catalog::findPrimitive(StringRef Name) const {
  auto It = PrimitiveByName.find(Name);
  return It == PrimitiveByName.end() ? std::nullopt
                                     : std::optional<unsigned>(It->second);
}

std::optional<unsigned> Catalog::findPrimitive(const Record *Def) const {
  auto It = PrimitiveByDef.find(Def);
  return It == PrimitiveByDef.end() ? std::nullopt
                                    : std::optional<unsigned>(It->second);
}

//===----------------------------------------------------------------------===//
// Collection and name checks
//===----------------------------------------------------------------------===//

void Catalog::collect(const RecordKeeper &RK) {
  DenseMap<int, unsigned> ByOnnxType;
  for (const Record *R : defsInOrder(RK, "DType")) {
    DTypeDef D = DTypeDef::read(R);
    std::string What = "DType '" + D.Name.str() + "'";
    if (D.Name.empty())
      PrintFatalError(R->getLoc(), What + ": Name is empty");
    auto [It, New] = DTypeByName.try_emplace(D.Name, DTypes.size());
    if (!New)
      fatalWithNote(R, What + ": duplicate DType Name '" + D.Name + "'",
                    DTypes[It->second].Def, "first defined here");
    auto [OIt, ONew] = ByOnnxType.try_emplace(D.OnnxType, DTypes.size());
    if (!ONew)
      fatalWithNote(R,
                    What + ": duplicate OnnxType " + Twine(D.OnnxType) +
                        ", already the type of DType '" +
                        DTypes[OIt->second].Name + "'",
                    DTypes[OIt->second].Def, "first defined here");
    DTypes.push_back(D);
  }

  // Cells and primitives: one namespace of expression identifiers.
  StringMap<std::pair<const Record *, StringRef>> Idents;
  auto CheckName = [&](const Record *R, StringRef Class, StringRef Name) {
    std::string What = (Class + " '" + Name + "'").str();
    if (!isIdentifier(Name))
      PrintFatalError(R->getLoc(),
                      What + ": Name '" + Name +
                          "' is not an identifier ([A-Za-z_][A-Za-z0-9_]*)");
    if (isDTypeParameter(Name))
      PrintFatalError(R->getLoc(),
                      What + ": Name '" + Name +
                          "' clashes with a DType parameter (n, e, m, p are "
                          "reserved in circuit expressions)");
    if (isExprFunction(Name))
      PrintFatalError(R->getLoc(), What + ": Name '" + Name +
                                       "' clashes with the function of that "
                                       "name in circuit expressions");
    auto [It, New] = Idents.try_emplace(Name, R, Class);
    if (!New)
      fatalWithNote(R,
                    What + ": duplicate Name '" + Name + "', already used by " +
                        It->second.second + " '" + Name + "'",
                    It->second.first, "first defined here");
  };
  for (const Record *R : defsInOrder(RK, "Cell")) {
    CellDef C = CellDef::read(R);
    CheckName(R, "Cell", C.Name);
    Cells.push_back(C);
  }
  for (const Record *R : defsInOrder(RK, "Primitive")) {
    PrimitiveDef P = PrimitiveDef::read(R);
    CheckName(R, "Primitive", P.Name);
    PrimitiveByName[P.Name] = Primitives.size();
    PrimitiveByDef[R] = Primitives.size();
    Primitives.push_back(P);
  }
}

void Catalog::checkCircuits() {
  StringMap<int64_t> CellValue;
  for (const CellDef &C : Cells)
    CellValue[C.Name] = C.Transistors;
  Parsed.resize(Primitives.size());
  for (auto [PI, P] : llvm::enumerate(Primitives)) {
    for (unsigned K = 0; K < NumCircuitKinds; ++K) {
      StringRef Text = P.Circuit[K];
      if (Text.empty())
        continue; // not applicable to this class of types
      auto Fail = [&](const Twine &Msg) {
        PrintFatalError(P.Def->getLoc(), "Primitive '" + P.Name + "': " +
                                             circuitFieldName(CircuitKind(K)) +
                                             " '" + Text + "': " + Msg);
      };
      Expected<Expr> E = parseExpr(Text);
      if (!E)
        Fail(toString(E.takeError()));
      forEachIdent(*E, [&](const Expr &Id) {
        if (!isDTypeParameter(Id.Name) && !CellValue.count(Id.Name) &&
            !PrimitiveByName.count(Id.Name))
          Fail("unknown identifier '" + Id.Name + "' at column " +
               Twine(Id.Column) +
               " (expected n, e, m, p, a Cell or a Primitive name)");
      });
      Parsed[PI][K] = std::move(*E);
    }
  }
}

static StringRef typeClassName(CircuitKind K) {
  static const char *const Names[] = {"float types", "integer types",
                                      "bool types"};
  return Names[K];
}

// References between primitives are checked per circuit kind, independent of
// which DTypes exist: a DType of a class always uses that class's circuits.
void Catalog::checkReferences() {
  for (unsigned K = 0; K < NumCircuitKinds; ++K) {
    StringRef Field = circuitFieldName(CircuitKind(K));
    auto Refs = [&](unsigned P) {
      SmallVector<std::pair<unsigned, const Expr *>, 4> Out;
      if (Parsed[P][K])
        forEachIdent(*Parsed[P][K], [&](const Expr &Id) {
          auto It = PrimitiveByName.find(Id.Name);
          if (It != PrimitiveByName.end())
            Out.push_back({It->second, &Id});
        });
      return Out;
    };
    auto Fail = [&](unsigned P, const Twine &Msg) {
      PrintFatalError(Primitives[P].Def->getLoc(),
                      "Primitive '" + Primitives[P].Name + "': " + Field +
                          " '" + Primitives[P].Circuit[K] + "': " + Msg);
    };
    // A reference to a primitive without a circuit of this kind.
    for (unsigned P = 0; P < Primitives.size(); ++P)
      for (auto [Q, Id] : Refs(P))
        if (!Parsed[Q][K])
          Fail(P, "refers to primitive '" + Primitives[Q].Name +
                      "' at column " + Twine(Id->Column) + ", which has no " +
                      Field + " (not applicable to " +
                      typeClassName(CircuitKind(K)) + ")");
    // Cycles: depth-first, in declaration order.
    std::vector<uint8_t> State(Primitives.size(), 0); // 0 new, 1 open, 2 done
    std::vector<unsigned> Stack;
    std::function<void(unsigned)> Visit = [&](unsigned P) {
      State[P] = 1;
      Stack.push_back(P);
      for (auto [Q, Id] : Refs(P)) {
        if (State[Q] == 1) {
          std::string Cycle;
          for (auto It = llvm::find(Stack, Q); It != Stack.end(); ++It)
            Cycle += (Primitives[*It].Name + " -> ").str();
          Fail(P, "circular reference " + Cycle + Primitives[Q].Name);
        }
        if (State[Q] == 0)
          Visit(Q);
      }
      Stack.pop_back();
      State[P] = 2;
    };
    for (unsigned P = 0; P < Primitives.size(); ++P)
      if (State[P] == 0)
        Visit(P);
  }
}

//===----------------------------------------------------------------------===//
// Transistor table
//===----------------------------------------------------------------------===//

namespace {
enum : uint8_t { NotVisited, InProgress, Done };
} // namespace

void Catalog::evaluateAll() {
  Transistors.assign(Primitives.size(),
                     std::vector<int64_t>(DTypes.size(), -1));
  std::vector<std::vector<uint8_t>> State(
      Primitives.size(), std::vector<uint8_t>(DTypes.size(), NotVisited));
  for (unsigned P = 0; P < Primitives.size(); ++P)
    for (unsigned D = 0; D < DTypes.size(); ++D)
      evaluate(P, D, State);
}

int64_t Catalog::evaluate(unsigned P, unsigned D,
                          std::vector<std::vector<uint8_t>> &State) {
  if (State[P][D] == Done)
    return Transistors[P][D];
  const PrimitiveDef &Prim = Primitives[P];
  const DTypeDef &DT = DTypes[D];
  CircuitKind K = circuitFor(DT);
  const std::optional<Expr> &E = Parsed[P][K];
  if (!E) {
    State[P][D] = Done;
    return Transistors[P][D] = -1;
  }

  std::string What = ("Primitive '" + Prim.Name + "': " + circuitFieldName(K) +
                      " '" + Prim.Circuit[K] + "' at " + DT.Name)
                         .str();
  State[P][D] = InProgress;
  Expected<int64_t> V = tblgen::evaluate(*E, [&](const Expr &Id)
                                                  -> Expected<int64_t> {
    StringRef N = Id.Name;
    if (N == "n")
      return DT.Bits;
    if (N == "e")
      return DT.ExpBits;
    if (N == "m")
      return DT.MantBits;
    if (N == "p")
      return DT.PolyDegree;
    for (const CellDef &C : Cells)
      if (C.Name == N)
        return C.Transistors;
    // checkReferences() ruled out cycles and references to "" circuits.
    unsigned Q = PrimitiveByName.lookup(N);
    assert(State[Q][D] != InProgress && "cycle not caught by checkReferences");
    int64_t QV = evaluate(Q, D, State);
    assert(QV >= 0 && "reference to n/a not caught by checkReferences");
    return QV;
  });
  if (!V)
    PrintFatalError(Prim.Def->getLoc(), What + ": " + toString(V.takeError()));
  if (*V < 0)
    PrintFatalError(Prim.Def->getLoc(),
                    What + " evaluates to " + Twine(*V) +
                        "; a transistor count cannot be negative");
  State[P][D] = Done;
  return Transistors[P][D] = *V;
}

} // namespace onnx_energy::tblgen
