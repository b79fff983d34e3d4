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

// The other reductions: per output element a reduction over reduced = in/out
// elements (reduced-1 operations), plus a per-input-element map (abs,
// square, exp) or a per-output-element finish (sqrt, log) where the op has
// one. The elementwise maps are counted on the in = out*reduced elements.
class ReduceRule<string opType, list<Count> counts, string doc>
    : Lowering<"", opType, 1, ReduceShape> {
  let Counts = counts;
  let Doc = doc;
}
def : ReduceRule<"ReduceMax", [Count<MinMax, "out*max(reduced-1, 0)">],
                 "reduced-1 max per output element">;
def : ReduceRule<"ReduceMin", [Count<MinMax, "out*max(reduced-1, 0)">],
                 "reduced-1 min per output element">;
def : ReduceRule<"ReduceSum", [Count<Add, "out*max(reduced-1, 0)">],
                 "reduced-1 add per output element">;
def : ReduceRule<"ReduceProd", [Count<Mul, "out*max(reduced-1, 0)">],
                 "reduced-1 mul per output element">;
def : ReduceRule<"ReduceL1", [Count<Abs, "out*reduced">,
                              Count<Add, "out*max(reduced-1, 0)">],
                 "an abs per input element, reduced-1 add per output">;
def : ReduceRule<"ReduceL2", [Count<Mul, "out*reduced">,
                              Count<Add, "out*max(reduced-1, 0)">,
                              Count<Sqrt, "out">],
                 "a square (mul) per input element, reduced-1 add and one "
                 "sqrt per output">;
def : ReduceRule<"ReduceSumSquare", [Count<Mul, "out*reduced">,
                                     Count<Add, "out*max(reduced-1, 0)">],
                 "a square (mul) per input element, reduced-1 add per "
                 "output">;
def : ReduceRule<"ReduceLogSum", [Count<Add, "out*max(reduced-1, 0)">,
                                  Count<Log, "out">],
                 "reduced-1 add and one log per output">;
def : ReduceRule<"ReduceLogSumExp", [Count<Exp, "out*reduced">,
                                     Count<Add, "out*max(reduced-1, 0)">,
                                     Count<Log, "out">],
                 "log(sum(exp(x))) as the schema defines it: an exp per "
                 "input element, reduced-1 add and one log per output (the "
                 "max-subtraction of a stable kernel is not counted)">;

// ArgMax/ArgMin: the running extreme (reduced-1 max/min at X's type) and
// the index that follows it (reduced-1 select at the int64 output type).
def : ReduceRule<"ArgMax", [Count<MinMax, "out*max(reduced-1, 0)">,
                            Count<Select, "out*max(reduced-1, 0)", "out0">],
                 "per output, reduced-1 max at X's type and reduced-1 "
                 "select of the index at the output type (int64)">;
def : ReduceRule<"ArgMin", [Count<MinMax, "out*max(reduced-1, 0)">,
                            Count<Select, "out*max(reduced-1, 0)", "out0">],
                 "per output, reduced-1 min at X's type and reduced-1 "
                 "select of the index at the output type (int64)">;

def : Lowering<"", "TopK", 1, TopKShape> {
  let Counts = [Count<Cmp, "rows*cols*(1 + clog2(max(k, 1)))">];
  let Doc = "heap selection per row, a worst case: each of the cols "
            "elements is compared with the heap's root and sifted through "
            "its clog2(k) levels, 1 + clog2(k) cmp per element; moving "
            "values and indices is not counted";
}

def : Lowering<"", "CumSum", 11, CumSumShape> {
  let Counts = [Count<Add, "rows*max(cols-1, 0)">];
  let Doc = "a running sum along the axis: cols-1 add per row (exclusive "
            "and reverse change the order, not the count)";
}
