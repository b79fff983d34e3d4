//===- Expr.cpp - Integer expressions of the .td schemas ------------------===//
//
// Recursive-descent parser for the grammar in ops/OpSchema.td, a checked
// evaluator and a printer to C++. Errors are returned, not printed: the
// caller knows which record and field the text came from.
//
//===----------------------------------------------------------------------===//

#include "Expr.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace onnx_energy::tblgen {

static Error makeError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

bool isExprFunction(StringRef Name) {
  return Name == "clog2" || Name == "min" || Name == "max" || Name == "cdiv";
}

static unsigned functionArity(StringRef Name) { return Name == "clog2" ? 1 : 2; }

bool isIdentifier(StringRef S) {
  if (S.empty() || !(isAlpha(S[0]) || S[0] == '_'))
    return false;
  return llvm::all_of(S, [](char C) { return isAlnum(C) || C == '_'; });
}

//===----------------------------------------------------------------------===//
// Parser
//===----------------------------------------------------------------------===//

namespace {
struct Token {
  enum KindTy { End, Int, Ident, Punct } Kind;
  StringRef Text;
  unsigned Column;
};

class Parser {
public:
  explicit Parser(StringRef Text) : Text(Text) {}

  Expected<Expr> parse() {
    if (Error E = lex())
      return E;
    Expected<Expr> Root = parseSum();
    if (!Root)
      return Root.takeError();
    if (Tok.Kind != Token::End)
      return expected("an operator");
    return Root;
  }

private:
  StringRef Text;
  size_t Pos = 0;
  Token Tok{Token::End, "", 1};

  Error lex() {
    while (Pos < Text.size() && isSpace(Text[Pos]))
      ++Pos;
    size_t Start = Pos;
    unsigned Col = Start + 1;
    if (Pos == Text.size()) {
      Tok = {Token::End, "", Col};
      return Error::success();
    }
    char C = Text[Pos];
    if (isDigit(C)) {
      while (Pos < Text.size() && isDigit(Text[Pos]))
        ++Pos;
      Tok = {Token::Int, Text.slice(Start, Pos), Col};
    } else if (isAlpha(C) || C == '_') {
      while (Pos < Text.size() && (isAlnum(Text[Pos]) || Text[Pos] == '_'))
        ++Pos;
      Tok = {Token::Ident, Text.slice(Start, Pos), Col};
    } else if (StringRef("+-*/(),").contains(C)) {
      ++Pos;
      Tok = {Token::Punct, Text.slice(Start, Pos), Col};
    } else {
      return makeError("syntax error at column " + Twine(Col) +
                       ": unexpected character '" + Text.substr(Start, 1) +
                       "'");
    }
    return Error::success();
  }

  bool isPunct(char C) const {
    return Tok.Kind == Token::Punct && Tok.Text[0] == C;
  }

  Error expected(const Twine &What) const {
    std::string Found = Tok.Kind == Token::End
                            ? std::string("end of expression")
                            : ("'" + Tok.Text + "'").str();
    return makeError("syntax error at column " + Twine(Tok.Column) +
                     ": expected " + What + ", found " + Found);
  }

  // expr := term (('+'|'-') term)*
  Expected<Expr> parseSum() {
    Expected<Expr> LHS = parseProduct();
    if (!LHS)
      return LHS;
    while (isPunct('+') || isPunct('-')) {
      Expr Node;
      Node.Kind = isPunct('+') ? Expr::Add : Expr::Sub;
      Node.Column = Tok.Column;
      if (Error E = lex())
        return E;
      Expected<Expr> RHS = parseProduct();
      if (!RHS)
        return RHS;
      Node.Ops.push_back(std::move(*LHS));
      Node.Ops.push_back(std::move(*RHS));
      *LHS = std::move(Node);
    }
    return LHS;
  }

  // term := factor (('*'|'/') factor)*
  Expected<Expr> parseProduct() {
    Expected<Expr> LHS = parseFactor();
    if (!LHS)
      return LHS;
    while (isPunct('*') || isPunct('/')) {
      Expr Node;
      Node.Kind = isPunct('*') ? Expr::Mul : Expr::Div;
      Node.Column = Tok.Column;
      if (Error E = lex())
        return E;
      Expected<Expr> RHS = parseFactor();
      if (!RHS)
        return RHS;
      Node.Ops.push_back(std::move(*LHS));
      Node.Ops.push_back(std::move(*RHS));
      *LHS = std::move(Node);
    }
    return LHS;
  }

  // factor := INT | IDENT | IDENT '(' expr (',' expr)* ')' | '(' expr ')'
  Expected<Expr> parseFactor() {
    Expr Node;
    Node.Column = Tok.Column;
    if (Tok.Kind == Token::Int) {
      Node.Kind = Expr::Int;
      if (Tok.Text.getAsInteger(10, Node.Value))
        return makeError("integer " + Tok.Text + " at column " +
                         Twine(Tok.Column) + " does not fit in 64 bits");
      if (Error E = lex())
        return E;
      return Node;
    }
    if (Tok.Kind == Token::Ident) {
      Node.Name = Tok.Text.str();
      if (Error E = lex())
        return E;
      if (!isPunct('(')) {
        Node.Kind = Expr::Ident;
        return Node;
      }
      Node.Kind = Expr::Call;
      if (!isExprFunction(Node.Name))
        return makeError("unknown function '" + Node.Name + "' at column " +
                         Twine(Node.Column) +
                         " (functions: clog2, min, max, cdiv)");
      do {
        if (Error E = lex()) // '(' or ','
          return E;
        Expected<Expr> Arg = parseSum();
        if (!Arg)
          return Arg;
        Node.Ops.push_back(std::move(*Arg));
      } while (isPunct(','));
      if (!isPunct(')'))
        return expected("',' or ')'");
      unsigned Arity = functionArity(Node.Name);
      if (Node.Ops.size() != Arity)
        return makeError(Node.Name + " at column " + Twine(Node.Column) +
                         " takes " + Twine(Arity) + " argument" +
                         (Arity == 1 ? "" : "s") + ", got " +
                         Twine(Node.Ops.size()));
      if (Error E = lex())
        return E;
      return Node;
    }
    if (isPunct('(')) {
      if (Error E = lex())
        return E;
      Expected<Expr> Inner = parseSum();
      if (!Inner)
        return Inner;
      if (!isPunct(')'))
        return expected("')'");
      if (Error E = lex())
        return E;
      return Inner;
    }
    return expected("a number, a name or '('");
  }
};
} // namespace

Expected<Expr> parseExpr(StringRef Text) { return Parser(Text).parse(); }

void forEachIdent(const Expr &E, function_ref<void(const Expr &)> Fn) {
  if (E.Kind == Expr::Ident)
    Fn(E);
  for (const Expr &Op : E.Ops)
    forEachIdent(Op, Fn);
}

//===----------------------------------------------------------------------===//
// Evaluation, with the semantics of onnx_energy::Qty
//===----------------------------------------------------------------------===//

static Error overflow(const Expr &E) {
  return makeError("64-bit overflow at column " + Twine(E.Column));
}

// Floor division as Qty's operator/.
static Expected<int64_t> floorDiv(const Expr &E, int64_t A, int64_t B) {
  if (B == 0)
    return makeError("division by zero at column " + Twine(E.Column));
  if (A == INT64_MIN && B == -1)
    return overflow(E);
  int64_t Q = A / B;
  if (A % B != 0 && ((A < 0) != (B < 0)))
    --Q;
  return Q;
}

Expected<int64_t> evaluate(const Expr &E, IdentValueFn Lookup) {
  if (E.Kind == Expr::Int)
    return E.Value;
  if (E.Kind == Expr::Ident)
    return Lookup(E);

  SmallVector<int64_t, 2> V;
  for (const Expr &Op : E.Ops) {
    Expected<int64_t> X = evaluate(Op, Lookup);
    if (!X)
      return X;
    V.push_back(*X);
  }
  int64_t R;
  switch (E.Kind) {
  case Expr::Add:
    if (__builtin_add_overflow(V[0], V[1], &R))
      return overflow(E);
    return R;
  case Expr::Sub:
    if (__builtin_sub_overflow(V[0], V[1], &R))
      return overflow(E);
    return R;
  case Expr::Mul:
    if (__builtin_mul_overflow(V[0], V[1], &R))
      return overflow(E);
    return R;
  case Expr::Div:
    return floorDiv(E, V[0], V[1]);
  case Expr::Call:
    break;
  case Expr::Int:
  case Expr::Ident:
    llvm_unreachable("handled above");
  }

  if (E.Name == "min")
    return std::min(V[0], V[1]);
  if (E.Name == "max")
    return std::max(V[0], V[1]);
  if (E.Name == "cdiv") { // qcdiv: (a + b - 1) / b
    if (__builtin_add_overflow(V[0], V[1], &R) ||
        __builtin_sub_overflow(R, 1, &R))
      return overflow(E);
    return floorDiv(E, R, V[1]);
  }
  assert(E.Name == "clog2" && "parser admits only known functions");
  if (V[0] < 1)
    return makeError("clog2 of " + Twine(V[0]) + " at column " +
                     Twine(E.Column) + " (defined for values >= 1)");
  R = 0;
  while (R < 63 && (int64_t(1) << R) < V[0])
    ++R;
  return R;
}

//===----------------------------------------------------------------------===//
// Printing as C++
//===----------------------------------------------------------------------===//

static int precedence(const Expr &E) {
  switch (E.Kind) {
  case Expr::Add:
  case Expr::Sub:
    return 1;
  case Expr::Mul:
  case Expr::Div:
    return 2;
  default:
    return 3;
  }
}

std::string toCpp(const Expr &E, function_ref<std::string(StringRef)> Ref) {
  switch (E.Kind) {
  case Expr::Int:
    return "Qty(" + std::to_string(E.Value) + ")";
  case Expr::Ident:
    return Ref(E.Name);
  case Expr::Call: {
    std::string S = "q" + E.Name + "(";
    for (size_t I = 0; I < E.Ops.size(); ++I)
      S += (I ? ", " : "") + toCpp(E.Ops[I], Ref);
    return S + ")";
  }
  default:
    break;
  }
  static const char Ops[] = {'+', '-', '*', '/'};
  char Op = Ops[E.Kind - Expr::Add];
  int P = precedence(E);
  std::string L = toCpp(E.Ops[0], Ref), R = toCpp(E.Ops[1], Ref);
  if (precedence(E.Ops[0]) < P)
    L = "(" + L + ")";
  if (precedence(E.Ops[1]) <= P)
    R = "(" + R + ")";
  return L + " " + Op + " " + R;
}

} // namespace onnx_energy::tblgen
