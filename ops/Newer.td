//===- ops/Newer.td - operators and opset versions newer than ONNX 1.12 (opset 18+)
//
// ai.onnx operators that the ONNX library the importer links (1.12, opsets
// up to 17) does not know, and the opset 18+ versions of operators whose
// inputs changed (axes of the Reduce ops became an input, Split got
// num_outputs, Resize and Pad got axes). ONNX 1.12's shape inference skips
// these nodes; lib/Import/ShapeFallbacks.cpp gives their outputs shapes.
// Semantics from the ONNX operator documentation (onnx/docs/Operators.md,
// Changelog.md). Only `since` >= 18 versions live here: the older versions
// of the same ops are in Reduce.td, Tensor.td, NN.td and Math.td.
// Conventions as in NN.td and Contrib.td (dot product K mul + K-1 add,
// subtraction is an add, reductions n-1 ops, x/sqrt(v) is sqrt + div).
//
//===----------------------------------------------------------------------===//

def GroupNormShape : ShapeBinder<"GroupNorm", ["stats", "per_stat"]> {
  let Doc = "X is [N, C, D1..Dn]: stats = N*num_groups statistics (mean/"
            "variance pairs), each over per_stat = (C/num_groups)*D1*..*Dn "
            "elements. Fails unless num_groups divides C.";
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

// GroupNormalization: LayerNormalization's counts (NN.td) with a row per
// (n, group): mean (per_stat-1 add, 1 div), centre (out add), variance (out
// mul, per_stat-1 add, 1 div), 1/sqrt(var + eps) (1 add, 1 sqrt, 1 div),
// times inv std and scale (2 out mul), + bias (out add).
class GroupNormRule<int since, string doc>
    : Lowering<"", "GroupNormalization", since, GroupNormShape> {
  let Counts = [Count<Add, "2*stats*max(per_stat-1, 0)">,
                Count<Add, "out">,
                Count<Add, "stats">,
                Count<Mul, "3*out">,
                Count<Div, "3*stats">,
                Count<Sqrt, "stats">,
                Count<Add, "out">];
  let Doc = doc # " Per (n, group) statistic over per_stat elements: mean "
            "(per_stat-1 add, 1 div), x - mean (1 add per element), "
            "variance (1 mul per element, per_stat-1 add, 1 div), 1/sqrt(var "
            "+ eps) (1 add, 1 sqrt, 1 div), times inv std and scale (2 mul "
            "per element), + bias (1 add per element). Counted at X's type; "
            "stash_type is not modelled.";
}
def : GroupNormRule<18, "GroupNormalization-18: scale and bias per group.">;
def : GroupNormRule<21, "GroupNormalization-21: scale and bias per channel "
                        "(same counts).">;

def : Lowering<"", "RMSNormalization", 23, LayerNormShape> {
  let Counts = [Count<Mul, "3*out">,
                Count<Add, "rows*max(cols-1, 0)">,
                Count<Add, "rows">,
                Count<Div, "2*rows">,
                Count<Sqrt, "rows">];
  let Doc = "RMSNormalization-23 over dims [axis, rank) (axis default -1), "
            "per row of cols elements: cols mul (squares), cols-1 add + 1 "
            "div (mean), 1 add (epsilon), 1 sqrt, 1 div (1/rms), 2 cols mul "
            "(by 1/rms and scale). stash_type is not modelled.";
}

//===----------------------------------------------------------------------===//
// Activations, attention, rotary embedding
//===----------------------------------------------------------------------===//

def : GeluRule<"", "Gelu", 20,
               "Gelu-20: approximate = none (default) is the exact GELU, "
               "approximate = tanh the tanh approximation.">;

def : AttentionRule<"", "Attention", 23> {
  let OpDoc = "Attention-23: Q [B, S, q_num_heads*hd] or [B, q_num_heads, "
              "S, hd]; K/V [B, L, kv_num_heads*hd] or 4-D (grouped heads "
              "share K/V); past_key [B, kv_heads, P, hd] makes T = P + L; "
              "attn_mask (input 3) is an add per score (a boolean mask a "
              "select, counted as an add); is_causal masking is not "
              "subtracted; softcap as set; no input projection.";
}

def : RotaryRule<"", 23,
                 "RotaryEmbedding-23: X [B, S, H] (num_heads attribute) or "
                 "[B, N, S, hd], cos/sin caches, optional position_ids.">;

//===----------------------------------------------------------------------===//
// Reductions with axes as an input (opset 18)
//===----------------------------------------------------------------------===//

// The reduced axes come from the constant axes input (or all axes, or none
// with noop_with_empty_axes) and are reflected in the resolved shapes; the
// binder reads in/out only, so the counts are those of Reduce.td.
class Reduce18Rule<string opType, int since, list<Count> counts, string doc>
    : Lowering<"", opType, since, ReduceShape> {
  let Counts = counts;
  let Doc = opType # "-" # since # " (axes is input 1): " # doc;
}
def : Reduce18Rule<"ReduceMean", 18, [Count<Add, "out*max(reduced-1, 0)">,
                                      Count<Div, "out">],
                   "reduced-1 add and one div per output element">;
def : Reduce18Rule<"ReduceMax", 18, [Count<MinMax, "out*max(reduced-1, 0)">],
                   "reduced-1 max per output element">;
def : Reduce18Rule<"ReduceMax", 20, [Count<MinMax, "out*max(reduced-1, 0)">],
                   "reduced-1 max per output element (bool inputs added)">;
def : Reduce18Rule<"ReduceMin", 18, [Count<MinMax, "out*max(reduced-1, 0)">],
                   "reduced-1 min per output element">;
def : Reduce18Rule<"ReduceMin", 20, [Count<MinMax, "out*max(reduced-1, 0)">],
                   "reduced-1 min per output element (bool inputs added)">;
def : Reduce18Rule<"ReduceProd", 18, [Count<Mul, "out*max(reduced-1, 0)">],
                   "reduced-1 mul per output element">;
def : Reduce18Rule<"ReduceL1", 18, [Count<Abs, "out*reduced">,
                                    Count<Add, "out*max(reduced-1, 0)">],
                   "an abs per input element, reduced-1 add per output">;
def : Reduce18Rule<"ReduceL2", 18, [Count<Mul, "out*reduced">,
                                    Count<Add, "out*max(reduced-1, 0)">,
                                    Count<Sqrt, "out">],
                   "a square (mul) per input element, reduced-1 add and one "
                   "sqrt per output">;
def : Reduce18Rule<"ReduceSumSquare", 18,
                   [Count<Mul, "out*reduced">,
                    Count<Add, "out*max(reduced-1, 0)">],
                   "a square (mul) per input element, reduced-1 add per "
                   "output">;
def : Reduce18Rule<"ReduceLogSum", 18, [Count<Add, "out*max(reduced-1, 0)">,
                                        Count<Log, "out">],
                   "reduced-1 add and one log per output">;
def : Reduce18Rule<"ReduceLogSumExp", 18,
                   [Count<Exp, "out*reduced">,
                    Count<Add, "out*max(reduced-1, 0)">,
                    Count<Log, "out">],
                   "an exp per input element, reduced-1 add and one log per "
                   "output (the max-subtraction of a stable kernel is not "
                   "counted)">;

//===----------------------------------------------------------------------===//
// Data movement with new inputs (opsets 18, 19)
//===----------------------------------------------------------------------===//

def : Lowering<"", "Split", 18, DataShape> {
  let Doc = "Split-18 (num_outputs attribute): a copy of the input into the "
            "outputs, no arithmetic";
}

class Pad18Rule<int since> : Lowering<"", "Pad", since, DataShape> {
  let Doc = "Pad-" # since # " (axes input): the input copied into the "
            "output, the padding written; no arithmetic";
}
def : Pad18Rule<18>;
def : Pad18Rule<19>;

// Resize 18 (axes, keep_aspect_ratio_policy) and 19 (half_pixel_symmetric):
// the counts of Tensor.td's Resize rule.
class Resize18Rule<int since> : Lowering<"", "Resize", since, ResizeShape> {
  let Counts = [Count<Add, "2*lerps">, Count<Mul, "lerps">,
                Count<Mul, "cubic_taps">,
                Count<Add, "max(cubic_taps - out, 0)">];
  let Doc = "Resize-" # since # ": nearest is a copy; linear (bilinear, "
            "trilinear): per output element 2^r - 1 lerps over the r resized "
            "dims, each 2 add + 1 mul; cubic: 4^r mul and 4^r - 1 add per "
            "output element. Coordinate and weight computations per axis "
            "are not counted.";
}
def : Resize18Rule<18>;
def : Resize18Rule<19>;
