// -gen-supported-ops-doc: rules with a gradient and the optimizers get a
// training section after the forward tables (a file without either, as
// supported-ops-format.td, ends with its forward tables).
// RUN: %tblgen -gen-supported-ops-doc -I %ops %s | FileCheck %s

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def Mul : Primitive<"mul"> {
  let Description = "multiplier";
  let FloatCircuit = "m * m * 28";
  let Source = "test";
}
def Elementwise : ShapeBinder<"Elementwise", []>;
def : Lowering<"", "Twice", 1, Elementwise> {
  let Counts = [Count<Mul, "out">];
  let GradCounts = [Count<Mul, "dx0*out">];
  let NoGradInputs = [1];
  let GradDoc = "dx = 2*dy";
}
def : Lowering<"", "Opaque", 1, Elementwise>;
def : Optimizer<"sgd"> {
  let Counts = [Count<Mul, "n">];
  let Doc = "p - lr*g";
  let Source = "a paper";
}

// CHECK:      ## Training (--mode=train)
// CHECK:      | Op | Domain | Since | Backward primitives | MACs | Bytes read / written | Not trained | Derivation |
// CHECK-NEXT: | --- | --- | --- | --- | --- | --- | --- | --- |
// CHECK-NEXT: | **Twice** | ai.onnx | 1 | `mul`: `dx0*out` | `0` | `in_bytes + out_bytes` / `in_bytes` | input 1 | dx = 2\*dy |
// CHECK-EMPTY:
// CHECK-NEXT: ### Optimizers
// CHECK:      | **sgd** | 0 | `mul`: `n` | p - lr\*g | a paper |
// CHECK-EMPTY:
// CHECK-NOT:  {{.}}
