// A required field left `?` (Source, Description) is an error at the record
// naming the field.
// RUN: not %tblgen -gen-primitives -I %ops %s 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not %tblgen -gen-primitives -I %ops -DDTYPE %s 2>&1 | FileCheck %s --check-prefix=DTYPE

include "OpSchema.td"

#ifdef DTYPE
// DTYPE: [[@LINE+1]]:5: error: DType 'f32': missing required field 'Source'
def F32 : FloatType<"f32", 1, 32, 8, 24, 3>;
#else
def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
#endif

// ERR: [[@LINE+1]]:5: error: Primitive 'add': missing required field 'Description'
def Add : Primitive<"add"> {
  let FloatCircuit = "m * 28";
  let Source = "test";
}
