//===- targets/Targets.td - All built-in targets --------------------------===//
//
// The root file onnx-energy-tblgen reads for -gen-targets. The op catalog is
// included so that a target's reference op (ComputeRef) and its throughput
// element types are checked against the primitives and DTypes that exist.
//
//===----------------------------------------------------------------------===//

include "OpSchema.td"
include "DTypes.td"
include "Cells.td"
include "Primitives.td"
include "TargetSchema.td"

include "Common.td"
include "Unit.td"
include "NVIDIA.td"
include "Intel.td"
include "AMD.td"
include "ARM.td"
include "Apple.td"
