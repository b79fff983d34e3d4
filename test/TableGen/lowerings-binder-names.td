// Binder names and quantities become C++ identifiers (binder::<Name>::<q>,
// bind<Name>): a binder Name must be a C++ identifier and unique; quantities
// must be identifiers, unique, and must not shadow the common ones.
// RUN: not %tblgen -gen-lowerings -I %ops -DBAD_NAME %s 2>&1 | FileCheck %s --check-prefix=BAD-NAME
// RUN: not %tblgen -gen-lowerings -I %ops -DKEYWORD %s 2>&1 | FileCheck %s --check-prefix=KEYWORD
// RUN: not %tblgen -gen-lowerings -I %ops -DDUP_BINDER %s 2>&1 | FileCheck %s --check-prefix=DUP-BINDER
// RUN: not %tblgen -gen-lowerings -I %ops -DDUP_QTY %s 2>&1 | FileCheck %s --check-prefix=DUP-QTY
// RUN: not %tblgen -gen-lowerings -I %ops -DSHADOW %s 2>&1 | FileCheck %s --check-prefix=SHADOW
// RUN: not %tblgen -gen-lowerings -I %ops -DBAD_QTY %s 2>&1 | FileCheck %s --check-prefix=BAD-QTY

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
// DUP-BINDER-DAG: [[@LINE+1]]:5: note: first defined here
def Conv : ShapeBinder<"ConvShape", ["N", "C"]>;

#ifdef BAD_NAME
// BAD-NAME: [[@LINE+1]]:5: error: ShapeBinder 'Mat-Mul': Name 'Mat-Mul' is not a valid C++ identifier
def MatMul : ShapeBinder<"Mat-Mul", ["M"]>;
#endif
#ifdef KEYWORD
// KEYWORD: [[@LINE+1]]:5: error: ShapeBinder 'union': Name 'union' is not a valid C++ identifier
def Union : ShapeBinder<"union", []>;
#endif
#ifdef DUP_BINDER
// DUP-BINDER-DAG: [[@LINE+1]]:5: error: ShapeBinder 'ConvShape': duplicate ShapeBinder Name 'ConvShape'
def Conv2 : ShapeBinder<"ConvShape", ["N"]>;
#endif
#ifdef DUP_QTY
// DUP-QTY: [[@LINE+1]]:5: error: ShapeBinder 'GemmShape': duplicate quantity 'M'
def Gemm : ShapeBinder<"GemmShape", ["M", "N", "M"]>;
#endif
#ifdef SHADOW
// SHADOW: [[@LINE+1]]:5: error: ShapeBinder 'PoolShape': quantity 'out' shadows the common quantity of that name (in_bytes, out_bytes, in, out are provided by every binder)
def Pool : ShapeBinder<"PoolShape", ["kernel", "out"]>;
#endif
#ifdef BAD_QTY
// BAD-QTY: [[@LINE+1]]:5: error: ShapeBinder 'SliceShape': quantity 'new' is not usable as a name (an identifier, no C++ keyword, no function name, not NumQuantities)
def Slice : ShapeBinder<"SliceShape", ["new"]>;
#endif

def : Lowering<"", "Conv", 1, Conv>;
