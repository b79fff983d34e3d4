//===- Import/ShapeFallbacks.h - Our own shape rules after ONNX's -*- C++ -*-===//
//
// ONNX 1.12's shape inference does not know the operators newer than opset
// 17 (Gelu-20, GroupNormalization-18, RMSNormalization-23, Attention-23,
// RotaryEmbedding-23), skips the opset 18+ versions whose shape rules
// changed (Reduce* with axes as an input, Split with num_outputs, Resize and
// Pad with axes), and has no rules at all for ONNX Runtime's com.microsoft
// operators. This pass, run on the analyzer's Graph after ONNX inference,
// computes the output shapes and element types of those nodes from their
// inputs and attributes, in topological order, and repeats until nothing
// changes. It never guesses: when a needed constant (axes, split sizes,
// scales, pads) is not known at analysis time the output stays unknown and
// the importer's unknown-dim diagnostics report it. Inputs' inconsistencies
// found on the way are reported as warnings (code "shape-fallback").
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_IMPORT_SHAPEFALLBACKS_H
#define ONNX_ENERGY_IMPORT_SHAPEFALLBACKS_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Support/Diagnostics.h"

namespace onnx_energy {

/// Fills the unknown output shapes (and element types) of the nodes this
/// pass has rules for; returns the number of values it changed. Values
/// whose shape is already fully known are never changed; partially known
/// ones only get their unknown dims filled.
unsigned applyShapeFallbacks(Graph &G, DiagnosticList &Diags);

} // namespace onnx_energy

#endif
