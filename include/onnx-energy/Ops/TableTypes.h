//===- Ops/TableTypes.h - Row types of the generated tables -------*- C++ -*-===//
//
// onnx-energy-tblgen turns ops/*.td and targets/*.td into constant tables of
// the row types declared here (build/include/onnx-energy/Gen/*.inc). Only
// lib/Ops/Catalog.cpp and lib/Target/Targets.cpp include the generated files;
// everything else goes through Ops/Catalog.h and Target/Target.h.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_OPS_TABLETYPES_H
#define ONNX_ENERGY_OPS_TABLETYPES_H

#include "onnx-energy/Support/Qty.h"
#include <cstdint>

namespace onnx_energy {

struct Node;
class BindContext;

/// One element type (from DType records), in declaration order.
struct DTypeRow {
  const char *Name;     ///< "f32"
  int OnnxType;         ///< TensorProto.DataType
  unsigned Bits, ExpBits, MantBits, PolyDegree;
  bool IsFloat, IsSigned, IsBool;
  const char *Source;
};

/// One primitive (from Primitive records), in declaration order.
struct PrimitiveRow {
  const char *Name;         ///< "mul"
  const char *Description;
  unsigned Flops;
  const char *FloatCircuit; ///< expression text, "" if not applicable
  const char *IntCircuit;
  const char *BoolCircuit;
  const char *Source;
};

/// TransistorTable[Primitive][DType]: TOs of one primitive at one DType, or
/// -1 where the primitive has no circuit for that class of types.
using TransistorCount = int64_t;

/// Rule expressions are compiled to C++ functions over the binder's
/// quantities (common ones first: in_bytes, out_bytes, in, out).
using QtyFn = Qty (*)(const Qty *Q);

/// A binder fills Q[0 .. NumQuantities) for one node; it returns false and
/// reports through the context when it cannot.
using BinderFn = bool (*)(BindContext &Ctx, Qty *Q);

struct BinderRow {
  const char *Name;
  BinderFn Bind;
  const char *const *Quantities; ///< names, common ones first
  unsigned NumQuantities;
  const char *Doc;
};

struct CountRow {
  unsigned Primitive;    ///< index into the primitive table
  bool OnOutput;         ///< operand is an output (else an input)
  unsigned OperandIndex; ///< which input/output gives the element type
  QtyFn Expr;
  const char *ExprText;
};

struct LoweringRow {
  const char *Domain; ///< "" for ai.onnx
  const char *OpType;
  int Since;
  unsigned Binder;    ///< index into the binder table
  const CountRow *Counts;
  unsigned NumCounts;
  QtyFn MACs, Reads, Writes;
  const char *MACsText, *ReadsText, *WritesText;
  const char *Doc;
  const char *Location; ///< "ops/Linear.td:12", for diagnostics
};

/// The backward rule of a LoweringRow (the row of the same index), used in
/// training mode (docs/Training.md). Its expressions see the binder's
/// quantities and then NumGradFlags flags dx0, dx1, ...: 1 if that input
/// needs a gradient.
struct GradientRow {
  bool HasGrad; ///< false: the op has no gradient rule
  const CountRow *Counts;
  unsigned NumCounts;
  QtyFn MACs, Reads, Writes; ///< nullptr when !HasGrad
  const char *MACsText, *ReadsText, *WritesText;
  uint32_t NoGradInputs; ///< bit i: input i is never differentiated
  const char *Doc;
};

/// One optimizer's update of one parameter tensor per step; Counts'
/// expressions see Q[0] = n, the tensor's elements.
struct OptimizerRow {
  const char *Name; ///< "adam"
  const CountRow *Counts;
  unsigned NumCounts;
  unsigned StateTensors; ///< tensors of the parameter's shape kept across steps
  const char *Doc, *Source;
  const char *Location;
};

/// A quantity from a target file, converted to SI units (bytes, Hz, B/s,
/// FLOP/s, W, J, J/B; a plain number for counts such as Associativity).
/// Specified == false means the field was left `?`: unspecified, not zero.
struct TargetQty {
  double Value;
  bool Specified;
  const char *Text; ///< as written, e.g. "40 MiB"; "" when unspecified
};

struct ThroughputRow {
  const char *DType;
  TargetQty Rate;
  const char *UnitKind;
  bool MatrixOnly; ///< runs only matrix multiply-accumulate (tensor cores, AMX)
  const char *Source;
};

/// How a cache level relates to the levels before it; Unspecified when the
/// target file leaves Inclusion `?`.
enum class CacheInclusion : uint8_t {
  Unspecified,
  Inclusive,
  Exclusive,
  NonInclusive
};

struct MemLevelRow {
  const char *Name;
  TargetQty Size;    ///< one instance
  unsigned Instances;
  bool PerUnit;
  TargetQty LineSize;      ///< bytes
  TargetQty Associativity; ///< ways (a plain number)
  CacheInclusion Inclusion;
  TargetQty Bandwidth;     ///< aggregate of all instances, reads and writes
  TargetQty ReadBandwidth, WriteBandwidth; ///< when distinct, else unspecified
  TargetQty ReadEnergy, WriteEnergy;
  const char *Source;
};

struct TargetRow {
  const char *Name;
  const char *const *Aliases;
  unsigned NumAliases;
  const char *Vendor, *Description, *Kind;
  unsigned Units;
  const char *UnitName;
  unsigned Sockets;
  TargetQty Clock;
  const char *ProcessNode;
  const ThroughputRow *Peak;
  unsigned NumPeak;
  const MemLevelRow *Levels; ///< caches, then main memory (the last level)
  unsigned NumLevels;
  // Compute energy: ComputeRef (HasComputeRef) or EnergyPerTO.
  bool HasComputeRef;
  const char *RefPrimitive, *RefDType;
  TargetQty RefEnergy;
  const char *RefSource;
  TargetQty TechScale;
  const char *TechScaleSource;
  TargetQty EnergyPerTO;
  TargetQty StaticPower, TDP;
  const char *Source;
  const char *Base;     ///< name of the target it was derived from, or ""
  const char *Location; ///< the defining record, e.g. "NVIDIA.td:137"
};

} // namespace onnx_energy

#endif
