// Errors in gradient rules and optimizers, at the record: a gradient
// expression naming an unknown quantity (the message lists the dx flags),
// the dx flags outside gradient fields, NoGradInputs out of range, an
// optimizer expression naming anything but n, a duplicate optimizer name.
// RUN: not %tblgen -gen-lowerings -I %ops -DGRAD %s 2>&1 | FileCheck %s
// RUN: not %tblgen -gen-lowerings -I %ops -DFWD %s 2>&1 | FileCheck %s --check-prefix=FWD
// RUN: not %tblgen -gen-lowerings -I %ops -DMASK %s 2>&1 | FileCheck %s --check-prefix=MASK
// RUN: not %tblgen -gen-lowerings -I %ops -DOPT %s 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: not %tblgen -gen-lowerings -I %ops -DDUP %s 2>&1 | FileCheck %s --check-prefix=DUP

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def Mul : Primitive<"mul"> {
  let Description = "multiplier";
  let FloatCircuit = "m * m * 28";
  let Source = "test";
}
def MatMulShape : ShapeBinder<"MatMulShape", ["M", "N", "K"]>;

// CHECK: [[@LINE+3]]:1: error: Lowering MatMul (since 1): GradCounts[0].Expr 'dx3*M*N*K': unknown quantity 'dx3' at column 1; binder MatMulShape provides in_bytes, out_bytes, in, out, M, N, K, and gradient rules dx0, dx1, dx2
// FWD: [[@LINE+2]]:1: error: Lowering MatMul (since 1): MACs 'dx0*M*N*K': unknown quantity 'dx0' at column 1; binder MatMulShape provides in_bytes, out_bytes, in, out, M, N, K{{$}}
// MASK: [[@LINE+1]]:1: error: Lowering MatMul (since 1): NoGradInputs holds 32, must be in [0, 31]
def : Lowering<"", "MatMul", 1, MatMulShape> {
#ifdef GRAD
  let GradCounts = [Count<Mul, "dx3*M*N*K">];
#endif
#ifdef FWD
  let MACs = "dx0*M*N*K";
#endif
#ifdef MASK
  let NoGradInputs = [1, 32];
#endif
}

#ifdef OPT
// OPT: [[@LINE+1]]:1: error: Optimizer 'sgd': Counts[0].Expr 'M*n': unknown quantity 'M'; optimizer expressions name n
def : Optimizer<"sgd"> {
  let Counts = [Count<Mul, "M*n">];
  let Source = "test";
}
#endif

#ifdef DUP
def : Optimizer<"sgd"> { let Source = "test"; }
// DUP: [[@LINE+2]]:1: error: Optimizer 'sgd': duplicate Optimizer Name
// DUP: [[@LINE-2]]:1: note: first defined here
def : Optimizer<"sgd"> { let Source = "test"; }
#endif
