//===- ops/Reduce.td - Lowering rules: reductions -------------------------===//
//
// A reduction of n elements to one costs n-1 operations; a mean adds one
// division per output. Which axes are reduced (attribute before opset 18,
// input from 18, keepdims, noop_with_empty_axes) is already reflected in the
// resolved input and output shapes, so one rule covers every opset.
//
//===----------------------------------------------------------------------===//

def : Lowering<"", "ReduceMean", 1, ReduceShape> {
  let Counts = [Count<Add, "out*max(reduced-1, 0)">,
                Count<Div, "out">];
  let Doc = "per output element, reduced-1 adds over the reduced = in/out "
            "input elements and one div";
}
