// The key of a rule must be usable: an empty OpType or a Since below 1 is an
// error at the Lowering; so is an expression that does not parse.
// RUN: not %tblgen -gen-lowerings -I %ops -DEMPTY_OP %s 2>&1 | FileCheck %s --check-prefix=EMPTY-OP
// RUN: not %tblgen -gen-lowerings -I %ops -DSINCE %s 2>&1 | FileCheck %s --check-prefix=SINCE
// RUN: not %tblgen -gen-lowerings -I %ops -DSYNTAX %s 2>&1 | FileCheck %s --check-prefix=SYNTAX

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def E : ShapeBinder<"Elementwise", []>;

#ifdef EMPTY_OP
// EMPTY-OP: [[@LINE+1]]:1: error: Lowering <empty OpType> (since 1): OpType is empty
def : Lowering<"", "", 1, E>;
#endif
#ifdef SINCE
// SINCE: [[@LINE+1]]:5: error: Lowering Relu (since 0): Since is 0, opset versions start at 1
def Relu0 : Lowering<"", "Relu", 0, E>;
#endif
#ifdef SYNTAX
// SYNTAX: [[@LINE+1]]:1: error: Lowering Relu (since 6): MACs 'out *': syntax error at column 6: expected a number, a name or '(', found end of expression
def : Lowering<"", "Relu", 6, E> { let MACs = "out *"; }
#endif
