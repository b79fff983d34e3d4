// An expression that names a quantity its binder does not provide is an
// error at the Lowering (anonymous defs report the 'def' column), naming the
// field, the quantity and the binder's quantities; Counts, MACs, Reads and
// Writes are all checked.
// RUN: not %tblgen -gen-lowerings -I %ops -DCOUNT %s 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: not %tblgen -gen-lowerings -I %ops -DMACS %s 2>&1 | FileCheck %s --check-prefix=MACS
// RUN: not %tblgen -gen-lowerings -I %ops -DREADS %s 2>&1 | FileCheck %s --check-prefix=READS
// RUN: not %tblgen -gen-lowerings -I %ops -DWRITES %s 2>&1 | FileCheck %s --check-prefix=WRITES

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def Mul : Primitive<"mul"> {
  let Description = "multiplier";
  let FloatCircuit = "m * m * 28";
  let Source = "test";
}
def MatMulShape : ShapeBinder<"MatMulShape", ["M", "N", "K"]>;

// COUNT:  [[@LINE+4]]:1: error: Lowering MatMul (since 1): Counts[1].Expr 'M*N*k': unknown quantity 'k' at column 5; binder MatMulShape provides in_bytes, out_bytes, in, out, M, N, K
// MACS:   [[@LINE+3]]:1: error: Lowering MatMul (since 1): MACs 'batch*M*N*K': unknown quantity 'batch' at column 1; binder MatMulShape provides in_bytes, out_bytes, in, out, M, N, K
// READS:  [[@LINE+2]]:1: error: Lowering MatMul (since 1): Reads 'in_bytes + weights': unknown quantity 'weights' at column 12; binder MatMulShape
// WRITES: [[@LINE+1]]:1: error: Lowering MatMul (since 1): Writes 'out_bytes * B': unknown quantity 'B' at column 13; binder MatMulShape
def : Lowering<"", "MatMul", 1, MatMulShape> {
#ifdef COUNT
  let Counts = [Count<Mul, "M*N*K">, Count<Mul, "M*N*k">];
#endif
#ifdef MACS
  let MACs = "batch*M*N*K";
#endif
#ifdef READS
  let Reads = "in_bytes + weights";
#endif
#ifdef WRITES
  let Writes = "out_bytes * B";
#endif
}
