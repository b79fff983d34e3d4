//===- SupportedOpsEmitter.cpp - -gen-supported-ops-doc -------------------===//
//
// Emits docs/SupportedOps.md from the lowering rules of ops/*.td: per domain
// a Markdown table, one row per rule sorted by op and opset, with the opset
// range the rule covers (its Since up to the next rule's Since - 1), the
// binder, the primitives it counts with their expressions, the MAC and byte
// expressions and the rule's Doc as its limitations; then totals. The file is
// generated (the build target `supported-ops-doc` writes it into the source
// tree, test/TableGen/supported-ops-doc.test keeps it from going stale), so
// the documentation can never disagree with the rules the analyzer compiles.
//
// The records are validated as -gen-lowerings validates them (catalog,
// binders, expressions, duplicate rules), so a doc is never written from
// rules that would not build.
//
//===----------------------------------------------------------------------===//

#include "Backends.h"
#include "Catalog.h"
#include "Expr.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/TableGen/Error.h"
#include <map>

using namespace llvm;

namespace onnx_energy::tblgen {

namespace {
/// Quantities every binder provides (ops/OpSchema.td, ShapeBinder).
const char *const CommonQuantities[] = {"in_bytes", "out_bytes", "in", "out"};

struct DocRule {
  LoweringDef L;
  StringRef BinderName;
  std::vector<StringRef> PrimNames; ///< indexed like L.Counts
};

/// `Text` for a table cell: a Markdown code span. Expressions cannot contain
/// a backtick; '|' would end the cell even inside a span.
std::string code(StringRef Text) {
  std::string Out = "`";
  for (char C : Text)
    Out += C == '|' ? std::string("\\|") : std::string(1, C);
  return Out + "`";
}

/// Prose (a rule's Doc) for a table cell: on one line, with the characters
/// Markdown or HTML would interpret escaped, except inside code spans the
/// author wrote with backticks (kept when they pair up).
std::string prose(StringRef Text) {
  bool SpansPair = Text.count('`') % 2 == 0;
  bool InCode = false;
  std::string Out;
  for (char C : Text) {
    if (C == '\n' || C == '\r' || C == '\t') {
      Out += ' ';
      continue;
    }
    if (C == '`') {
      if (SpansPair)
        InCode = !InCode;
      Out += SpansPair ? "`" : "\\`";
      continue;
    }
    if (C == '|') {
      Out += "\\|";
      continue;
    }
    if (InCode) {
      Out += C;
      continue;
    }
    switch (C) {
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '&':
      Out += "&amp;";
      break;
    case '\\': case '*': case '_': case '[': case ']':
      Out += '\\';
      Out += C;
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

class SupportedOpsEmitter {
public:
  SupportedOpsEmitter(const RecordKeeper &RK) : RK(RK), Cat(RK) {}
  void run(raw_ostream &OS);

private:
  const RecordKeeper &RK;
  Catalog Cat;
  std::vector<DocRule> Rules;

  void collect();
  void checkExpr(const DocRule &R, const ShapeBinderDef &B, const Twine &Field,
                 StringRef Text) const;
  void emitTraining(raw_ostream &OS) const;
  void emitDomain(raw_ostream &OS, StringRef Domain,
                  ArrayRef<const DocRule *> Rows) const;
};
} // namespace

static StringRef domainName(StringRef Domain) {
  return Domain.empty() ? "ai.onnx" : Domain;
}

void SupportedOpsEmitter::checkExpr(const DocRule &R, const ShapeBinderDef &B,
                                    const Twine &Field, StringRef Text) const {
  auto Fail = [&](const Twine &Msg) {
    PrintFatalError(R.L.Def->getLoc(), R.L.describe() + ": " + Field + " '" +
                                           Text + "': " + Msg);
  };
  Expected<Expr> E = parseExpr(Text);
  if (!E)
    Fail(toString(E.takeError()));
  forEachIdent(*E, [&](const Expr &Id) {
    if (!llvm::is_contained(CommonQuantities, Id.Name) &&
        !llvm::is_contained(B.Quantities, Id.Name))
      Fail("unknown quantity '" + Id.Name + "' at column " + Twine(Id.Column) +
           "; binder " + B.Name + " provides in_bytes, out_bytes, in, out" +
           (B.Quantities.empty() ? "" : ", ") + llvm::join(B.Quantities, ", "));
  });
}

void SupportedOpsEmitter::collect() {
  DenseMap<const Record *, ShapeBinderDef> Binders;
  for (const Record *R : defsInOrder(RK, "ShapeBinder"))
    Binders.try_emplace(R, ShapeBinderDef::read(R));

  for (const Record *Def : defsInOrder(RK, "Lowering")) {
    DocRule R{LoweringDef::read(Def), {}, {}};
    auto BIt = Binders.find(R.L.Binder);
    if (BIt == Binders.end())
      PrintFatalError(Def->getLoc(), R.L.describe() + ": Binder '" +
                                         R.L.Binder->getName() +
                                         "' is not a ShapeBinder");
    const ShapeBinderDef &B = BIt->second;
    R.BinderName = B.Name;
    for (auto [I, C] : llvm::enumerate(R.L.Counts)) {
      std::string Field = "Counts[" + std::to_string(I) + "]";
      std::optional<unsigned> P = Cat.findPrimitive(C.Prim);
      if (!P)
        PrintFatalError(Def->getLoc(), R.L.describe() + ": " + Field +
                                           ".Prim '" + C.Prim->getName() +
                                           "' is not a Primitive");
      R.PrimNames.push_back(Cat.Primitives[*P].Name);
      checkExpr(R, B, Field + ".Expr", C.Expr);
    }
    checkExpr(R, B, "MACs", R.L.MACs);
    checkExpr(R, B, "Reads", R.L.Reads);
    checkExpr(R, B, "Writes", R.L.Writes);
    Rules.push_back(std::move(R));
  }
  if (Rules.empty())
    PrintFatalError("no Lowering records: nothing to document");

  // Domain, then op case-insensitively (as a reader looks an op up), then
  // bytewise, then opset. Stable: of two rules with one key the later one is
  // the duplicate.
  llvm::stable_sort(Rules, [](const DocRule &A, const DocRule &B) {
    if (A.L.Domain != B.L.Domain)
      return A.L.Domain < B.L.Domain;
    if (int C = A.L.OpType.compare_insensitive(B.L.OpType))
      return C < 0;
    if (A.L.OpType != B.L.OpType)
      return A.L.OpType < B.L.OpType;
    return A.L.Since < B.L.Since;
  });
  for (size_t I = 1; I < Rules.size(); ++I) {
    const LoweringDef &A = Rules[I - 1].L, &B = Rules[I].L;
    if (A.Domain == B.Domain && A.OpType == B.OpType && A.Since == B.Since)
      fatalWithNote(B.Def, "duplicate rule: " + B.describe() +
                               " is already defined",
                    A.Def, "previous rule is here");
  }
}

void SupportedOpsEmitter::emitDomain(raw_ostream &OS, StringRef Domain,
                                     ArrayRef<const DocRule *> Rows) const {
  OS << "## " << domainName(Domain) << "\n\n";
  OS << "| Op | Domain | Opsets | Binder | Primitives | MACs "
        "| Bytes read / written | Limitations |\n";
  OS << "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (size_t I = 0; I < Rows.size(); ++I) {
    const DocRule &R = *Rows[I];
    const DocRule *Next = I + 1 < Rows.size() ? Rows[I + 1] : nullptr;
    bool Last = !Next || Next->L.OpType != R.L.OpType;
    std::string Range = std::to_string(R.L.Since);
    if (Last)
      Range += "+";
    else if (Next->L.Since - 1 != R.L.Since)
      Range += "-" + std::to_string(Next->L.Since - 1);

    OS << "| **" << prose(R.L.OpType) << "** | " << domainName(Domain)
       << " | " << Range << " | " << R.BinderName << " | ";
    if (R.L.Counts.empty())
      OS << "none (no arithmetic)";
    for (auto [K, C] : llvm::enumerate(R.L.Counts)) {
      if (K)
        OS << "<br>";
      OS << code(R.PrimNames[K]) << ": " << code(C.Expr);
      if (C.On != "in0")
        OS << " on " << C.On;
    }
    OS << " | " << code(R.L.MACs) << " | " << code(R.L.Reads) << " / "
       << code(R.L.Writes) << " | " << prose(R.L.Doc) << " |\n";
  }
  OS << "\n";
}

void SupportedOpsEmitter::run(raw_ostream &OS) {
  collect();

  // Rules by domain, ai.onnx ("") first since it sorts first.
  std::map<StringRef, std::vector<const DocRule *>> ByDomain;
  for (const DocRule &R : Rules)
    ByDomain[R.L.Domain].push_back(&R);
  auto countOps = [](ArrayRef<const DocRule *> Rows) {
    StringSet<> Ops;
    for (const DocRule *R : Rows)
      Ops.insert(R->L.OpType);
    return Ops.size();
  };
  size_t TotalOps = 0, NoArith = 0;
  for (auto &[D, Rows] : ByDomain)
    TotalOps += countOps(Rows);
  for (const DocRule &R : Rules)
    NoArith += R.L.Counts.empty();

  OS << "<!-- Generated by onnx-energy-tblgen -gen-supported-ops-doc from "
        "ops/*.td. Do not edit. -->\n"
        "<!-- Refresh: ninja -C build supported-ops-doc -->\n\n"
        "# Supported ONNX operators\n\n"
        "Generated by onnx-energy-tblgen -gen-supported-ops-doc from "
        "ops/*.td. Do not edit.\n"
        "To change a row, change its rule in ops/*.td and run "
        "`ninja -C build supported-ops-doc`.\n\n"
        "One row per lowering rule, keyed by (domain, op, opset range): a "
        "rule applies from its opset version up to the version before the "
        "next rule for the same op (`13+`: from 13 on). Expressions name the "
        "quantities of the rule's binder (ops/Binders.td) and the common "
        "quantities `in_bytes`, `out_bytes`, `in` and `out` (bytes of all "
        "inputs, of all outputs, elements of input 0, of output 0). Each "
        "primitive is costed at the element type of input 0 unless the row "
        "names another operand (`on out0`). A rule without primitives is an explicit "
        "statement that the op does no arithmetic (data movement only). An "
        "op or opset not listed has no rule: the analyzer reports such a "
        "node as not costed instead of counting it as zero.\n\n";

  OS << "**Totals:** " << TotalOps << " ops, " << Rules.size()
     << " rules (" << NoArith << " without arithmetic) in "
     << ByDomain.size() << " domain" << (ByDomain.size() == 1 ? "" : "s")
     << ".\n\n";
  OS << "| Domain | Ops | Rules |\n| --- | --- | --- |\n";
  for (auto &[D, Rows] : ByDomain)
    OS << "| " << domainName(D) << " | " << countOps(Rows) << " | "
       << Rows.size() << " |\n";
  OS << "\n";

  for (auto &[D, Rows] : ByDomain)
    emitDomain(OS, D, Rows);
  emitTraining(OS);
}

/// The primitive's name for a table cell; a count naming no primitive was
/// reported by -gen-lowerings, which builds first.
static std::string countsCell(const Catalog &Cat, ArrayRef<CountDef> Counts) {
  if (Counts.empty())
    return "none (no arithmetic)";
  std::string S;
  for (auto [K, C] : llvm::enumerate(Counts)) {
    std::optional<unsigned> P = Cat.findPrimitive(C.Prim);
    if (K)
      S += "<br>";
    S += code(P ? Cat.Primitives[*P].Name : C.Prim->getName()) + ": " +
         code(C.Expr);
  }
  return S;
}

/// --mode=train: the backward rules and the optimizers, after the forward
/// tables; nothing when the records declare neither.
void SupportedOpsEmitter::emitTraining(raw_ostream &OS) const {
  std::vector<const DocRule *> Grads;
  for (const DocRule &R : Rules)
    if (R.L.HasGrad)
      Grads.push_back(&R);
  std::vector<OptimizerDef> Opts;
  for (const Record *Def : defsInOrder(RK, "Optimizer"))
    Opts.push_back(OptimizerDef::read(Def));
  if (Grads.empty() && Opts.empty())
    return;
  OS << "## Training (--mode=train)\n\n"
        "The backward pass of the rules that have one (docs/Training.md). "
        "`dx0`, `dx1`, `dx2` are 1 when input 0, 1, 2 needs a gradient. An "
        "op not listed here has no gradient rule: in train mode a node "
        "that needs one is reported as not costed.\n\n";
  OS << "| Op | Domain | Since | Backward primitives | MACs "
        "| Bytes read / written | Not trained | Derivation |\n";
  OS << "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const DocRule *R : Grads) {
    std::string NoGrad;
    for (int64_t I : R->L.NoGradInputs)
      NoGrad += (NoGrad.empty() ? "input " : ", ") + std::to_string(I);
    OS << "| **" << prose(R->L.OpType) << "** | " << domainName(R->L.Domain)
       << " | " << R->L.Since << " | " << countsCell(Cat, R->L.GradCounts)
       << " | " << code(R->L.GradMACs) << " | " << code(R->L.GradReads)
       << " / " << code(R->L.GradWrites) << " | " << NoGrad << " | "
       << prose(R->L.GradDoc) << " |\n";
  }
  OS << "\n";
  if (Opts.empty())
    return;
  OS << "### Optimizers\n\n"
        "The update of one parameter tensor of n elements per step "
        "(`--optimizer`).\n\n";
  OS << "| Optimizer | State tensors | Primitives | Update | Source |\n";
  OS << "| --- | --- | --- | --- | --- |\n";
  for (const OptimizerDef &O : Opts)
    OS << "| **" << prose(O.Name) << "** | " << O.StateTensors << " | "
       << countsCell(Cat, O.Counts) << " | " << prose(O.Doc) << " | "
       << prose(O.Source) << " |\n";
  OS << "\n";
}

void emitSupportedOpsDoc(const RecordKeeper &RK, raw_ostream &OS) {
  SupportedOpsEmitter(RK).run(OS);
}

} // namespace onnx_energy::tblgen
