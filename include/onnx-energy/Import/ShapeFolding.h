//===- Import/ShapeFolding.h - Evaluating shape arithmetic --------*- C++ -*-===//
//
// Exporters compute shapes at run time: Shape -> Gather -> Add -> Div -> Mul
// feeding a Slice's ends, ConstantOfShape -> Mul -> Equal -> Where feeding an
// Expand. ONNX 1.12's data propagation follows only some of these ops (it
// has no propagator for Div, Mod, Where, Equal, ConstantOfShape, Range,
// ...), so the shapes downstream stay unknown and the nodes uncosted. The
// importer therefore evaluates such small tensors itself and hands the
// values back to ONNX's shape inference (lib/Import/ShapeFolding.cpp and
// docs/Design.md, "Shape folding").
//
// This header is the evaluator for one node, free of protobuf: given the
// node, its known input values (or, for Shape and Size, its input's dims),
// it computes the output value with the ONNX operator's semantics. Only
// small tensors (FoldLimits::MaxElements) of int64, int32, bool, float and
// double are computed; integer arithmetic is checked, so a 64-bit overflow
// or a division by zero is a reported failure, never undefined behaviour.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_IMPORT_SHAPEFOLDING_H
#define ONNX_ENERGY_IMPORT_SHAPEFOLDING_H

#include "onnx-energy/Graph/Graph.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onnx_energy {

/// A small constant tensor known at analysis time, row-major.
struct FoldedTensor {
  ElemType Type = ElemType::Undefined; ///< Int64, Int32, Bool, Float, Double
  std::vector<int64_t> Dims;
  std::vector<int64_t> Ints; ///< Int64, Int32 and Bool (0/1) elements
  std::vector<double> Reals; ///< Float and Double elements

  bool isReal() const {
    return Type == ElemType::Float || Type == ElemType::Double;
  }
  size_t size() const { return isReal() ? Reals.size() : Ints.size(); }
};

/// True for the element types the evaluator computes with.
bool isFoldableType(ElemType T);

struct FoldLimits {
  /// No input or output with more elements is computed: shape tensors are
  /// short, and this keeps every folded value small.
  int64_t MaxElements = 4096;
};

/// One input of the node to fold.
struct FoldInput {
  bool Present = false;               ///< false for an omitted optional input
  const FoldedTensor *Data = nullptr; ///< its value, when known
  /// Its dims when its rank is known (-1 for an unknown dim). Only Shape
  /// and Size read it, and only when Data is null.
  std::optional<std::vector<int64_t>> Dims;
};

struct FoldResult {
  enum Status {
    NotFoldable, ///< an input is unknown, too large or of another type
    Folded,      ///< Value holds the output
    Failed,      ///< the computation is invalid; Message says why
  };
  Status St = NotFoldable;
  FoldedTensor Value;
  /// For Failed: e.g. "64-bit overflow in Mul: 4611686018427387904 * 4",
  /// "division by zero", "index 5 is out of range for a dim of 3".
  std::string Message;
};

/// True for the ai.onnx operators foldNode() evaluates: Shape, Size,
/// Constant, ConstantOfShape, Identity, Cast, Gather, Concat, Slice,
/// Squeeze, Unsqueeze, Reshape, Expand, Tile, Range, Where, Add, Sub, Mul,
/// Div, Mod, Neg, Abs, Min, Max, Equal, Less, LessOrEqual, Greater,
/// GreaterOrEqual, Not, And, Or, Xor, ReduceSum, ReduceProd, Ceil, Floor,
/// Round, Relu.
bool isFoldableOp(llvm::StringRef OpType);

/// Evaluates the ai.onnx node N (its OpsetVersion picks between the
/// attribute and input forms of axes, starts, shape, ...). ValueAttr is
/// N's decoded 'value' tensor attribute (Constant, ConstantOfShape), or
/// null when it has none or its type is not foldable. Inputs has one entry
/// per input of N. Every present input must have Data, except the first
/// input of Shape and Size, which needs only Dims.
FoldResult foldNode(const Node &N, const FoldedTensor *ValueAttr,
                    llvm::ArrayRef<FoldInput> Inputs,
                    const FoldLimits &Limits = {});

} // namespace onnx_energy

#endif
