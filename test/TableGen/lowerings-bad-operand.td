// Count.On names the operand whose element type prices the primitive; it
// must match ^(in|out)[0-9]+$, anything else is an error at the Lowering.
// RUN: not %tblgen -gen-lowerings -I %ops -DWORD %s 2>&1 | FileCheck %s --check-prefix=WORD
// RUN: not %tblgen -gen-lowerings -I %ops -DNO_INDEX %s 2>&1 | FileCheck %s --check-prefix=NO-INDEX
// RUN: not %tblgen -gen-lowerings -I %ops -DSUFFIX %s 2>&1 | FileCheck %s --check-prefix=SUFFIX
// RUN: %tblgen -gen-lowerings -I %ops %s | FileCheck %s --check-prefix=GOOD

include "OpSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def Add : Primitive<"add"> {
  let Description = "adder";
  let FloatCircuit = "m * 28";
  let Source = "test";
}
def E : ShapeBinder<"Elementwise", []>;

// WORD:     [[@LINE+4]]:1: error: Lowering Add (since 7): Counts[0].On 'input0' does not name an operand (in<N> or out<N>)
// NO-INDEX: [[@LINE+3]]:1: error: Lowering Add (since 7): Counts[0].On 'out' does not name an operand (in<N> or out<N>)
// SUFFIX:   [[@LINE+2]]:1: error: Lowering Add (since 7): Counts[0].On 'in1x' does not name an operand (in<N> or out<N>)
// GOOD: {.Primitive = 0 /* add */, .OnOutput = true, .OperandIndex = 2,
def : Lowering<"", "Add", 7, E> {
#ifdef WORD
  let Counts = [Count<Add, "out", "input0">];
#else
#ifdef NO_INDEX
  let Counts = [Count<Add, "out", "out">];
#else
#ifdef SUFFIX
  let Counts = [Count<Add, "out", "in1x">];
#else
  let Counts = [Count<Add, "out", "out2">];
#endif
#endif
#endif
}
