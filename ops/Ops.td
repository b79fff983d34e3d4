//===- ops/Ops.td - Everything onnx-energy knows about operators ----------===//
//
// The root file onnx-energy-tblgen reads for -gen-primitives and
// -gen-lowerings: the schema, the element types, the circuit cells, the
// primitive catalog, then the lowering rules grouped by category.
//
//===----------------------------------------------------------------------===//

include "OpSchema.td"
include "DTypes.td"
include "Cells.td"
include "Primitives.td"

include "Binders.td"
include "Linear.td"
include "NN.td"
include "Elementwise.td"
include "Tensor.td"
include "Reduce.td"
include "Math.td"
include "Logical.td"
include "Quantization.td"
include "RNN.td"
include "Contrib.td"
include "Newer.td"
include "ControlFlow.td"
include "Signal.td"
include "Detection.td"
include "Text.td"
include "ML.td"
include "Training.td"
include "Optimizers.td"
