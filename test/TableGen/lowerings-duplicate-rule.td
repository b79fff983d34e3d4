// Two rules for one (Domain, OpType, Since) are an error at the one declared
// second, with a note at the first; the same op in another domain or from
// another opset version is not a duplicate.
// RUN: not %tblgen -gen-lowerings -I %ops %s 2>&1 | FileCheck %s --check-prefix=ERR

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def E : ShapeBinder<"Elementwise", []>;

def : Lowering<"", "Relu", 6, E>;
// ERR-DAG: [[@LINE+1]]:1: note: previous rule is here
def : Lowering<"", "Relu", 14, E>;
def : Lowering<"com.example", "Relu", 14, E>;
def : Lowering<"", "Relu", 13, E>;
// ERR-DAG: [[@LINE+1]]:5: error: duplicate rule: Lowering Relu (since 14) is already defined
def ReluAgain : Lowering<"", "Relu", 14, E> {
  let Doc = "copy-pasted";
}
