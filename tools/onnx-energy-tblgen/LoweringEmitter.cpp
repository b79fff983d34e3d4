//===- LoweringEmitter.cpp - -gen-lowerings -------------------------------===//
//
// Emits the shape binders and lowering rules of ops/*.td. Every rule
// expression is checked against its binder's quantities and compiled to a
// small C++ function over Qty, so a rule costs a node without parsing
// anything at run time and an unknown quantity is a build error.
//
//   GET_BINDER_DECL      namespace binder { struct <Name> { enum : unsigned
//                        { in_bytes, out_bytes, in, out, ..., NumQuantities
//                        }; }; }  and  bool bind<Name>(BindContext &, Qty *);
//   GET_LOWERING_TABLES  BinderTable[], NumBinders, lexpr_<k>() functions,
//                        LoweringTable[] sorted by (Domain, OpType, Since),
//                        NumLoweringRows; needs GET_BINDER_DECL before it
//   GET_GRADIENT_TABLES  GradientTable[], parallel to LoweringTable (the
//                        backward rules, docs/Training.md), OptimizerTable[]
//                        and NumOptimizers; needs GET_LOWERING_TABLES before
//
//===----------------------------------------------------------------------===//

#include "Backends.h"
#include "Catalog.h"
#include "Expr.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/TableGen/Error.h"
#include "llvm/TableGen/TableGenBackend.h"

using namespace llvm;

namespace onnx_energy::tblgen {

/// Quantities every binder provides, in this order, before its own.
static const char *const CommonQuantities[] = {"in_bytes", "out_bytes", "in",
                                               "out"};
/// Flags gradient expressions may name besides the binder's quantities, at
/// Q[NumQuantities + i] (OpSchema.td: GradCounts).
static const char *const GradQuantities[] = {"dx0", "dx1", "dx2"};
/// The quantities of optimizer expressions.
static const char *const OptimizerQuantities[] = {"n"};

static bool isCppKeyword(StringRef S) {
  static const StringSet<> Keywords = {
      "alignas",   "alignof",     "and",          "and_eq",    "asm",
      "auto",      "bitand",      "bitor",        "bool",      "break",
      "case",      "catch",       "char",         "char8_t",   "char16_t",
      "char32_t",  "class",       "compl",        "concept",   "const",
      "consteval", "constexpr",   "constinit",    "const_cast", "continue",
      "co_await",  "co_return",   "co_yield",     "decltype",  "default",
      "delete",    "do",          "double",       "dynamic_cast", "else",
      "enum",      "explicit",    "export",       "extern",    "false",
      "float",     "for",         "friend",       "goto",      "if",
      "inline",    "int",         "long",         "mutable",   "namespace",
      "new",       "noexcept",    "not",          "not_eq",    "nullptr",
      "operator",  "or",          "or_eq",        "private",   "protected",
      "public",    "register",    "reinterpret_cast", "requires", "return",
      "short",     "signed",      "sizeof",       "static",    "static_assert",
      "static_cast", "struct",    "switch",       "template",  "this",
      "thread_local", "throw",    "true",         "try",       "typedef",
      "typeid",    "typename",    "union",        "unsigned",  "using",
      "virtual",   "void",        "volatile",     "wchar_t",   "while",
      "xor",       "xor_eq"};
  return Keywords.contains(S);
}

/// A name that becomes a C++ identifier in the generated code.
static bool isCppName(StringRef S) {
  return isIdentifier(S) && !isCppKeyword(S) && !S.starts_with("__") &&
         !(S.size() > 1 && S[0] == '_' && isUpper(S[1]));
}

namespace {
struct Binder {
  ShapeBinderDef Def;
  std::vector<std::string> Quantities; ///< common ones first
  StringMap<unsigned> Index;
};

struct CompiledCount {
  unsigned Primitive;
  bool OnOutput;
  unsigned Operand;
  unsigned Fn;
  StringRef Text;
};

struct Rule {
  LoweringDef L;
  unsigned Binder;
  std::vector<CompiledCount> Counts;
  unsigned MACs, Reads, Writes;
  std::vector<CompiledCount> GradCounts;
  unsigned GradMACs = 0, GradReads = 0, GradWrites = 0; ///< when L.HasGrad
  uint32_t NoGradMask = 0;
};

struct Optimizer {
  OptimizerDef O;
  std::vector<CompiledCount> Counts;
};

/// One generated function: the C++ of an expression over one binder.
struct Function {
  unsigned Binder;
  std::string Text; ///< the first expression text that produced it
  std::string Body;
};

class LoweringEmitter {
public:
  LoweringEmitter(const RecordKeeper &RK) : RK(RK), Cat(RK) {}
  void run(raw_ostream &OS);

private:
  const RecordKeeper &RK;
  Catalog Cat;
  std::vector<Binder> Binders;
  DenseMap<const Record *, unsigned> BinderByDef;
  std::vector<Rule> Rules;
  std::vector<Function> Functions;
  StringMap<unsigned> FunctionByKey;
  std::vector<Optimizer> Optimizers;
  std::vector<std::string> OptFunctions; ///< bodies of oexpr_<k>
  StringMap<unsigned> OptFunctionByBody;

  void collectBinders();
  void collectRules();
  void collectOptimizers();
  void checkDuplicateRules();
  unsigned compile(const Rule &R, const Twine &Field, StringRef Text,
                   bool Grad = false);
  std::vector<CompiledCount> compileCounts(const Record *Def,
                                           const std::string &What,
                                           StringRef Field,
                                           ArrayRef<CountDef> Counts,
                                           function_ref<unsigned(
                                               const Twine &, StringRef)>
                                               Compile);

  void emitDecl(raw_ostream &OS) const;
  void emitTables(raw_ostream &OS) const;
  void emitGradientTables(raw_ostream &OS) const;
  void emitCounts(raw_ostream &OS, const std::string &Name,
                  ArrayRef<CompiledCount> Counts, StringRef FnPrefix) const;
};
} // namespace

//===----------------------------------------------------------------------===//
// Collection and validation
//===----------------------------------------------------------------------===//

void LoweringEmitter::collectBinders() {
  StringMap<const Record *> ByName;
  for (const Record *R : defsInOrder(RK, "ShapeBinder")) {
    Binder B{ShapeBinderDef::read(R), {}, {}};
    std::string What = ("ShapeBinder '" + B.Def.Name + "'").str();
    if (!isCppName(B.Def.Name))
      PrintFatalError(R->getLoc(), What + ": Name '" + B.Def.Name +
                                       "' is not a valid C++ identifier");
    auto [It, New] = ByName.try_emplace(B.Def.Name, R);
    if (!New)
      fatalWithNote(R, What + ": duplicate ShapeBinder Name '" + B.Def.Name +
                           "'",
                    It->second, "first defined here");
    for (const char *C : CommonQuantities) {
      B.Index[C] = B.Quantities.size();
      B.Quantities.push_back(C);
    }
    for (StringRef Q : B.Def.Quantities) {
      if (!isCppName(Q) || isExprFunction(Q) || Q == "NumQuantities")
        PrintFatalError(R->getLoc(), What + ": quantity '" + Q +
                                         "' is not usable as a name (an "
                                         "identifier, no C++ keyword, no "
                                         "function name, not NumQuantities)");
      if (llvm::is_contained(CommonQuantities, Q))
        PrintFatalError(R->getLoc(),
                        What + ": quantity '" + Q +
                            "' shadows the common quantity of that name "
                            "(in_bytes, out_bytes, in, out are provided "
                            "by every binder)");
      if (!B.Index.try_emplace(Q, B.Quantities.size()).second)
        PrintFatalError(R->getLoc(),
                        What + ": duplicate quantity '" + Q + "'");
      B.Quantities.push_back(Q.str());
    }
    BinderByDef[R] = Binders.size();
    Binders.push_back(std::move(B));
  }
}

unsigned LoweringEmitter::compile(const Rule &R, const Twine &Field,
                                  StringRef Text, bool Grad) {
  const Binder &B = Binders[R.Binder];
  auto GradIndex = [&](StringRef Name) -> std::optional<unsigned> {
    if (!Grad)
      return std::nullopt;
    for (auto [I, G] : llvm::enumerate(GradQuantities))
      if (Name == G)
        return unsigned(B.Quantities.size() + I);
    return std::nullopt;
  };
  auto Fail = [&](const Twine &Msg) {
    PrintFatalError(R.L.Def->getLoc(), R.L.describe() + ": " + Field + " '" +
                                           Text + "': " + Msg);
  };
  Expected<Expr> E = parseExpr(Text);
  if (!E)
    Fail(toString(E.takeError()));
  forEachIdent(*E, [&](const Expr &Id) {
    if (!B.Index.count(Id.Name) && !GradIndex(Id.Name))
      Fail("unknown quantity '" + Id.Name + "' at column " + Twine(Id.Column) +
           "; binder " + B.Def.Name + " provides " +
           llvm::join(B.Quantities, ", ") +
           (Grad ? ", and gradient rules dx0, dx1, dx2" : ""));
  });
  std::string Body = toCpp(*E, [&](StringRef Name) {
    if (std::optional<unsigned> G = GradIndex(Name))
      return "Q[" + std::to_string(*G) + "]";
    return "Q[" + std::to_string(B.Index.lookup(Name)) + "]";
  });
  std::string Key = std::to_string(R.Binder) + ":" + Body;
  auto [It, New] = FunctionByKey.try_emplace(Key, Functions.size());
  if (New)
    Functions.push_back({R.Binder, Text.str(), Body});
  return It->second;
}

void LoweringEmitter::collectRules() {
  for (const Record *Def : defsInOrder(RK, "Lowering")) {
    Rule R{LoweringDef::read(Def), 0, {}, 0, 0, 0};
    auto BIt = BinderByDef.find(R.L.Binder);
    if (BIt == BinderByDef.end())
      PrintFatalError(Def->getLoc(), R.L.describe() + ": Binder '" +
                                         R.L.Binder->getName() +
                                         "' is not a ShapeBinder");
    R.Binder = BIt->second;
    R.Counts = compileCounts(
        Def, R.L.describe(), "Counts", R.L.Counts,
        [&](const Twine &Field, StringRef Text) {
          return compile(R, Field, Text);
        });
    R.MACs = compile(R, "MACs", R.L.MACs);
    R.Reads = compile(R, "Reads", R.L.Reads);
    R.Writes = compile(R, "Writes", R.L.Writes);
    // Without a gradient rule the Grad* defaults are never evaluated.
    if (R.L.HasGrad) {
      R.GradCounts = compileCounts(
          Def, R.L.describe(), "GradCounts", R.L.GradCounts,
          [&](const Twine &Field, StringRef Text) {
            return compile(R, Field, Text, /*Grad=*/true);
          });
      R.GradMACs = compile(R, "GradMACs", R.L.GradMACs, true);
      R.GradReads = compile(R, "GradReads", R.L.GradReads, true);
      R.GradWrites = compile(R, "GradWrites", R.L.GradWrites, true);
    }
    for (int64_t I : R.L.NoGradInputs)
      R.NoGradMask |= uint32_t(1) << I;
    Rules.push_back(std::move(R));
  }
}

std::vector<CompiledCount> LoweringEmitter::compileCounts(
    const Record *Def, const std::string &What, StringRef FieldName,
    ArrayRef<CountDef> Counts,
    function_ref<unsigned(const Twine &, StringRef)> Compile) {
  std::vector<CompiledCount> Out;
  for (auto [I, C] : llvm::enumerate(Counts)) {
    std::string Field = (FieldName + "[" + Twine(I) + "]").str();
    CompiledCount CC;
    std::optional<unsigned> P = Cat.findPrimitive(C.Prim);
    if (!P)
      PrintFatalError(Def->getLoc(), What + ": " + Field + ".Prim '" +
                                         C.Prim->getName() +
                                         "' is not a Primitive");
    CC.Primitive = *P;
    StringRef On = C.On;
    CC.OnOutput = On.consume_front("out");
    bool IsIn = !CC.OnOutput && On.consume_front("in");
    if ((!CC.OnOutput && !IsIn) || On.empty() || !llvm::all_of(On, isDigit) ||
        On.getAsInteger(10, CC.Operand))
      PrintFatalError(Def->getLoc(),
                      What + ": " + Field + ".On '" + C.On +
                          "' does not name an operand (in<N> or out<N>)");
    CC.Fn = Compile(Field + ".Expr", C.Expr);
    CC.Text = C.Expr;
    Out.push_back(CC);
  }
  return Out;
}

void LoweringEmitter::collectOptimizers() {
  StringMap<const Record *> ByName;
  for (const Record *Def : defsInOrder(RK, "Optimizer")) {
    Optimizer O{OptimizerDef::read(Def), {}};
    std::string What = ("Optimizer '" + O.O.Name + "'").str();
    auto [It, New] = ByName.try_emplace(O.O.Name, Def);
    if (!New)
      fatalWithNote(Def, What + ": duplicate Optimizer Name", It->second,
                    "first defined here");
    O.Counts = compileCounts(
        Def, What, "Counts", O.O.Counts,
        [&](const Twine &Field, StringRef Text) -> unsigned {
          Expected<Expr> E = parseExpr(Text);
          if (!E)
            PrintFatalError(Def->getLoc(), What + ": " + Field + " '" + Text +
                                               "': " +
                                               toString(E.takeError()));
          forEachIdent(*E, [&](const Expr &Id) {
            if (!llvm::is_contained(OptimizerQuantities, Id.Name))
              PrintFatalError(Def->getLoc(),
                              What + ": " + Field + " '" + Text +
                                  "': unknown quantity '" + Id.Name +
                                  "'; optimizer expressions name n");
          });
          std::string Body = toCpp(*E, [&](StringRef Name) {
            auto It = llvm::find(OptimizerQuantities, Name);
            return "Q[" +
                   std::to_string(It - std::begin(OptimizerQuantities)) + "]";
          });
          auto [FIt, FNew] =
              OptFunctionByBody.try_emplace(Body, OptFunctions.size());
          if (FNew)
            OptFunctions.push_back(Body);
          return FIt->second;
        });
    Optimizers.push_back(std::move(O));
  }
}

static auto ruleKey(const Rule &R) {
  return std::make_tuple(R.L.Domain, R.L.OpType, R.L.Since);
}

void LoweringEmitter::checkDuplicateRules() {
  // Stable: rules with one key stay in declaration order, the later one is
  // the duplicate.
  llvm::stable_sort(Rules, [](const Rule &A, const Rule &B) {
    return ruleKey(A) < ruleKey(B);
  });
  for (size_t I = 1; I < Rules.size(); ++I)
    if (ruleKey(Rules[I - 1]) == ruleKey(Rules[I]))
      fatalWithNote(Rules[I].L.Def,
                    "duplicate rule: " + Rules[I].L.describe() +
                        " is already defined",
                    Rules[I - 1].L.Def, "previous rule is here");
}

void LoweringEmitter::run(raw_ostream &OS) {
  collectBinders();
  collectRules();
  collectOptimizers();
  checkDuplicateRules();
  if (Binders.empty())
    PrintFatalError("no ShapeBinder records: nothing to emit");
  if (Rules.empty())
    PrintFatalError("no Lowering records: nothing to emit");

  emitSourceFileHeader("Lowering rules: shape binders and rule tables", OS,
                       RK);
  emitDecl(OS);
  emitTables(OS);
  emitGradientTables(OS);
}

//===----------------------------------------------------------------------===//
// Emission
//===----------------------------------------------------------------------===//

void LoweringEmitter::emitDecl(raw_ostream &OS) const {
  OS << "#ifdef GET_BINDER_DECL\n#undef GET_BINDER_DECL\n";
  OS << "namespace binder {\n";
  for (const Binder &B : Binders) {
    OS << "// " << recordLocation(B.Def.Def) << "\n";
    OS << "struct " << B.Def.Name << " {\n  enum : unsigned { ";
    for (const std::string &Q : B.Quantities)
      OS << Q << ", ";
    OS << "NumQuantities };\n};\n";
  }
  OS << "} // namespace binder\n\n";
  for (const Binder &B : Binders)
    OS << "bool bind" << B.Def.Name << "(BindContext &Ctx, Qty *Q);\n";
  OS << "#endif // GET_BINDER_DECL\n\n";
}

void LoweringEmitter::emitTables(raw_ostream &OS) const {
  OS << "#ifdef GET_LOWERING_TABLES\n#undef GET_LOWERING_TABLES\n";

  // Binders.
  for (const Binder &B : Binders) {
    OS << "static const char *const BinderQuantities_" << B.Def.Name
       << "[] = {";
    ListSeparator Sep(", ");
    for (const std::string &Q : B.Quantities)
      OS << Sep << cString(Q);
    OS << "};\n";
  }
  // The bind<Name> functions are declared by GET_BINDER_DECL, which must be
  // in scope: a declaration here would declare another function when the
  // tables are included in an anonymous namespace.
  OS << "\nstatic const BinderRow BinderTable[] = {\n";
  for (const Binder &B : Binders)
    OS << "  {.Name = " << cString(B.Def.Name) << ", .Bind = bind"
       << B.Def.Name << ", .Quantities = BinderQuantities_" << B.Def.Name
       << ", .NumQuantities = " << B.Quantities.size()
       << ", .Doc = " << cString(B.Def.Doc) << "},\n";
  OS << "};\nconstexpr unsigned NumBinders = " << Binders.size() << ";\n\n";

  // Expressions: one function per distinct expression of a binder.
  for (auto [K, F] : llvm::enumerate(Functions)) {
    bool UsesQ = StringRef(F.Body).contains("Q[");
    OS << "// " << Binders[F.Binder].Def.Name << ": " << oneLine(F.Text)
       << "\nstatic Qty lexpr_" << K << "(const Qty *" << (UsesQ ? "Q" : "")
       << ") { return " << F.Body << "; }\n";
  }
  OS << "\n";

  // Counts, one array per rule that has any.
  auto CountsName = [](size_t I) { return "LoweringCounts_" + std::to_string(I); };
  for (auto [I, R] : llvm::enumerate(Rules)) {
    if (R.Counts.empty())
      continue;
    OS << "// " << oneLine(R.L.describe()) << ", " << recordLocation(R.L.Def)
       << "\n";
    OS << "static const CountRow " << CountsName(I) << "[] = {\n";
    for (const CompiledCount &C : R.Counts)
      OS << "  {.Primitive = " << C.Primitive << " /* "
         << Cat.Primitives[C.Primitive].Name
         << " */, .OnOutput = " << (C.OnOutput ? "true" : "false")
         << ", .OperandIndex = " << C.Operand << ", .Expr = lexpr_" << C.Fn
         << ", .ExprText = " << cString(C.Text) << "},\n";
    OS << "};\n";
  }
  OS << "\n";

  OS << "// Sorted by (Domain, OpType, Since), strings compared bytewise.\n";
  OS << "static const LoweringRow LoweringTable[] = {\n";
  for (auto [I, R] : llvm::enumerate(Rules)) {
    OS << "  {.Domain = " << cString(R.L.Domain)
       << ", .OpType = " << cString(R.L.OpType) << ", .Since = " << R.L.Since
       << ", .Binder = " << R.Binder << " /* "
       << Binders[R.Binder].Def.Name << " */,\n";
    OS << "   .Counts = "
       << (R.Counts.empty() ? std::string("nullptr") : CountsName(I))
       << ", .NumCounts = " << R.Counts.size() << ",\n";
    OS << "   .MACs = lexpr_" << R.MACs << ", .Reads = lexpr_" << R.Reads
       << ", .Writes = lexpr_" << R.Writes << ",\n";
    OS << "   .MACsText = " << cString(R.L.MACs)
       << ", .ReadsText = " << cString(R.L.Reads)
       << ", .WritesText = " << cString(R.L.Writes) << ",\n";
    OS << "   .Doc = " << cString(R.L.Doc)
       << ", .Location = " << cString(recordLocation(R.L.Def)) << "},\n";
  }
  OS << "};\nconstexpr unsigned NumLoweringRows = " << Rules.size() << ";\n";
  OS << "#endif // GET_LOWERING_TABLES\n";
}

void LoweringEmitter::emitCounts(raw_ostream &OS, const std::string &Name,
                                 ArrayRef<CompiledCount> Counts,
                                 StringRef FnPrefix) const {
  OS << "static const CountRow " << Name << "[] = {\n";
  for (const CompiledCount &C : Counts)
    OS << "  {.Primitive = " << C.Primitive << " /* "
       << Cat.Primitives[C.Primitive].Name
       << " */, .OnOutput = " << (C.OnOutput ? "true" : "false")
       << ", .OperandIndex = " << C.Operand << ", .Expr = " << FnPrefix
       << C.Fn << ", .ExprText = " << cString(C.Text) << "},\n";
  OS << "};\n";
}

void LoweringEmitter::emitGradientTables(raw_ostream &OS) const {
  OS << "\n#ifdef GET_GRADIENT_TABLES\n#undef GET_GRADIENT_TABLES\n";
  OS << "constexpr unsigned NumGradFlags = " << std::size(GradQuantities)
     << ";\n";
  auto CountsName = [](size_t I) {
    return "GradientCounts_" + std::to_string(I);
  };
  for (auto [I, R] : llvm::enumerate(Rules)) {
    if (R.GradCounts.empty())
      continue;
    OS << "// " << oneLine(R.L.describe()) << ", " << recordLocation(R.L.Def)
       << "\n";
    emitCounts(OS, CountsName(I), R.GradCounts, "lexpr_");
  }
  OS << "\n// Parallel to LoweringTable.\n";
  OS << "static const GradientRow GradientTable[] = {\n";
  for (auto [I, R] : llvm::enumerate(Rules)) {
    OS << "  {.HasGrad = " << (R.L.HasGrad ? "true" : "false")
       << ", .Counts = "
       << (R.GradCounts.empty() ? std::string("nullptr") : CountsName(I))
       << ", .NumCounts = " << R.GradCounts.size() << ",\n";
    auto Fn = [&](unsigned F) {
      return R.L.HasGrad ? "lexpr_" + std::to_string(F)
                         : std::string("nullptr");
    };
    OS << "   .MACs = " << Fn(R.GradMACs) << ", .Reads = " << Fn(R.GradReads)
       << ", .Writes = " << Fn(R.GradWrites) << ",\n";
    OS << "   .MACsText = " << cString(R.L.GradMACs)
       << ", .ReadsText = " << cString(R.L.GradReads)
       << ", .WritesText = " << cString(R.L.GradWrites)
       << ", .NoGradInputs = " << R.NoGradMask
       << ", .Doc = " << cString(R.L.GradDoc) << "},\n";
  }
  OS << "};\n\n";

  for (auto [K, Body] : llvm::enumerate(OptFunctions)) {
    bool UsesQ = StringRef(Body).contains("Q[");
    OS << "static Qty oexpr_" << K << "(const Qty *" << (UsesQ ? "Q" : "")
       << ") { return " << Body << "; }\n";
  }
  for (auto [I, O] : llvm::enumerate(Optimizers))
    if (!O.Counts.empty())
      emitCounts(OS, "OptimizerCounts_" + std::to_string(I), O.Counts,
                 "oexpr_");
  OS << "static const OptimizerRow OptimizerTable[] = {\n";
  for (auto [I, O] : llvm::enumerate(Optimizers))
    OS << "  {.Name = " << cString(O.O.Name) << ", .Counts = "
       << (O.Counts.empty() ? std::string("nullptr")
                            : "OptimizerCounts_" + std::to_string(I))
       << ", .NumCounts = " << O.Counts.size()
       << ", .StateTensors = " << O.O.StateTensors
       << ", .Doc = " << cString(O.O.Doc)
       << ", .Source = " << cString(O.O.Source)
       << ", .Location = " << cString(recordLocation(O.O.Def)) << "},\n";
  OS << "};\nconstexpr unsigned NumOptimizers = " << Optimizers.size()
     << ";\n";
  OS << "#endif // GET_GRADIENT_TABLES\n";
}

void emitLowerings(const RecordKeeper &RK, raw_ostream &OS) {
  LoweringEmitter(RK).run(OS);
}

} // namespace onnx_energy::tblgen
