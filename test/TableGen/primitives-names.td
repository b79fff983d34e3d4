// Names of the catalog: DType names and OnnxTypes are unique; cells and
// primitives share one namespace of expression identifiers that must not
// clash with n, e, m, p or a function name. A duplicate is an error at the
// second definition with a note at the first.
// RUN: not %tblgen -gen-primitives -I %ops -DDUP_DTYPE %s 2>&1 | FileCheck %s --check-prefix=DUP-DTYPE
// RUN: not %tblgen -gen-primitives -I %ops -DDUP_ONNX %s 2>&1 | FileCheck %s --check-prefix=DUP-ONNX
// RUN: not %tblgen -gen-primitives -I %ops -DDUP_IDENT %s 2>&1 | FileCheck %s --check-prefix=DUP-IDENT
// RUN: not %tblgen -gen-primitives -I %ops -DRESERVED %s 2>&1 | FileCheck %s --check-prefix=RESERVED
// RUN: not %tblgen -gen-primitives -I %ops -DFUNCTION %s 2>&1 | FileCheck %s --check-prefix=FUNCTION
// RUN: not %tblgen -gen-primitives -I %ops -DNOT_IDENT %s 2>&1 | FileCheck %s --check-prefix=NOT-IDENT

include "OpSchema.td"

// DUP-DTYPE-DAG: [[@LINE+2]]:5: note: first defined here
// DUP-ONNX-DAG: [[@LINE+1]]:5: note: first defined here
def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
// DUP-IDENT-DAG: [[@LINE+1]]:5: note: first defined here
def FA : Cell<"fa", 28> { let Source = "mirror full adder"; }

#ifdef DUP_DTYPE
// DUP-DTYPE-DAG: [[@LINE+1]]:5: error: DType 'f32': duplicate DType Name 'f32'
def F32Again : FloatType<"f32", 100, 32, 8, 24, 3> { let Source = "copy"; }
#endif
#ifdef DUP_ONNX
// DUP-ONNX-DAG: [[@LINE+1]]:5: error: DType 'float': duplicate OnnxType 1, already the type of DType 'f32'
def Float : FloatType<"float", 1, 32, 8, 24, 3> { let Source = "copy"; }
#endif
#ifdef DUP_IDENT
// DUP-IDENT-DAG: [[@LINE+1]]:5: error: Primitive 'fa': duplicate Name 'fa', already used by Cell 'fa'
def FAdd : Primitive<"fa"> {
  let Description = "adder";
  let FloatCircuit = "m * 28";
  let Source = "test";
}
#endif
#ifdef RESERVED
// RESERVED: [[@LINE+1]]:5: error: Cell 'm': Name 'm' clashes with a DType parameter (n, e, m, p are reserved in circuit expressions)
def M : Cell<"m", 4> { let Source = "test"; }
#endif
#ifdef FUNCTION
// FUNCTION: [[@LINE+1]]:5: error: Primitive 'max': Name 'max' clashes with the function of that name in circuit expressions
def Max : Primitive<"max"> {
  let Description = "maximum";
  let FloatCircuit = "n * fa";
  let Source = "test";
}
#endif
#ifdef NOT_IDENT
// NOT-IDENT: [[@LINE+1]]:5: error: Primitive 'f-add': Name 'f-add' is not an identifier ([A-Za-z_][A-Za-z0-9_]*)
def FAdd : Primitive<"f-add"> {
  let Description = "adder";
  let FloatCircuit = "n * fa";
  let Source = "test";
}
#endif
