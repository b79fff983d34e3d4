//===- Expr.h - Integer expressions of the .td schemas ----------*- C++ -*-===//
//
// The small expression language of ops/OpSchema.td (circuit costs, lowering
// counts, bytes read and written). An expression is parsed once into a tree;
// the primitive backend then evaluates it at build time with checked 64-bit
// arithmetic, and the lowering backend prints it as C++ over Qty so that it
// is evaluated per node at run time. Both follow Qty's semantics (floor
// division, qcdiv, qclog2), so a value never depends on where it was computed.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_TBLGEN_EXPR_H
#define ONNX_ENERGY_TBLGEN_EXPR_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace onnx_energy::tblgen {

/// One node of a parsed expression.
struct Expr {
  enum KindTy { Int, Ident, Call, Add, Sub, Mul, Div };
  KindTy Kind = Int;
  int64_t Value = 0;       ///< Int
  std::string Name;        ///< Ident, Call (function name)
  unsigned Column = 1;     ///< 1-based column of the token in the text
  std::vector<Expr> Ops;   ///< Call arguments, binary operands
};

/// True for the functions the grammar knows: clog2, min, max, cdiv.
bool isExprFunction(llvm::StringRef Name);

/// True if \p S is an identifier of the expression language (and of C++):
/// [A-Za-z_][A-Za-z0-9_]*.
bool isIdentifier(llvm::StringRef S);

/// Parses \p Text. The error says what was expected and found, with the
/// 1-based column: "syntax error at column 4: expected ')', found end of
/// expression".
llvm::Expected<Expr> parseExpr(llvm::StringRef Text);

/// Calls \p Fn on every identifier (not function names), in source order.
void forEachIdent(const Expr &E, llvm::function_ref<void(const Expr &)> Fn);

/// Looks up the value of an identifier during evaluation.
using IdentValueFn = llvm::function_ref<llvm::Expected<int64_t>(const Expr &)>;

/// Evaluates \p E with checked 64-bit arithmetic. Overflow, division by zero
/// and clog2 of a value < 1 are errors naming the column.
llvm::Expected<int64_t> evaluate(const Expr &E, IdentValueFn Lookup);

/// Prints \p E as a C++ expression of type Qty. \p Ref prints an identifier;
/// integers become Qty(<n>), functions qclog2/qmin/qmax/qcdiv. The tree is
/// kept as written (a-(b-c) keeps its parentheses; a+(b+c) too, since with
/// overflow checks addition is not associative).
std::string toCpp(const Expr &E,
                  llvm::function_ref<std::string(llvm::StringRef)> Ref);

} // namespace onnx_energy::tblgen

#endif
