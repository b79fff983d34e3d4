//===- ops/NN.td - Lowering rules: activations, normalization, pooling ----===//
//
// Conventions shared with the other rule files:
//  - A reduction over n elements costs n-1 operations (max(n-1, 0) for
//    possibly empty ones); a mean is that sum plus one division.
//  - Subtraction is an add (the adder does both); negation that folds into
//    an operand's sign bit costs nothing.
//  - Per-channel or per-row work (a statistic, a reciprocal) is counted once
//    where it happens, not once per element.
//  - x / sqrt(v) is a sqrt and a div, never an rsqrt, so that a division
//    stays visible as a division wherever the model does one.
//  - Counts are on input 0's element type unless stated.
//
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

def : Lowering<"", "Relu", 1, ElementwiseShape> {
  let Counts = [Count<MinMax, "out">];
  let Doc = "max(x, 0): one max per element (a max unit, not compare + "
            "select)";
}

def : Lowering<"", "LeakyRelu", 1, ElementwiseShape> {
  let Counts = [Count<Cmp, "out">, Count<Mul, "out">, Count<Select, "out">];
  let Doc = "x < 0 ? alpha*x : x: one compare, one mul, one select per "
            "element (the mul is done for every element, as vector code "
            "does)";
}

def : Lowering<"", "Sigmoid", 1, ElementwiseShape> {
  let Counts = [Count<Exp, "out">, Count<Add, "out">, Count<Div, "out">];
  let Doc = "1 / (1 + exp(-x)): one exp, one add, one div per element; the "
            "negation folds into the exp's argument";
}

//===----------------------------------------------------------------------===//
// Softmax family
//===----------------------------------------------------------------------===//

// Softmax: per row of cols elements, m = max (cols-1 max), x - m (cols add),
// exp (cols), sum (cols-1 add), division by the sum (cols div).
class SoftmaxRule<int since, ShapeBinder binder>
    : Lowering<"", "Softmax", since, binder> {
  let Counts = [Count<MinMax, "rows*max(cols-1, 0)">,
                Count<Add, "out">,
                Count<Exp, "out">,
                Count<Add, "rows*max(cols-1, 0)">,
                Count<Div, "out">];
  let Doc = "numerically stable softmax, per row: max (cols-1 max), "
            "subtract it (cols add), exp (cols), sum (cols-1 add), divide "
            "by the sum (cols div; a division per element, not a reciprocal "
            "and a multiply)";
}
// Opsets 1 and 11: coerced to 2-D at axis (default 1).
def : SoftmaxRule<1, SoftmaxFlatShape>;
// Opset 13: along axis (default -1).
def : SoftmaxRule<13, SoftmaxAxisShape>;

// LogSoftmax: x - m - log(sum(exp(x - m))).
class LogSoftmaxRule<int since, ShapeBinder binder>
    : Lowering<"", "LogSoftmax", since, binder> {
  let Counts = [Count<MinMax, "rows*max(cols-1, 0)">,
                Count<Add, "out">,
                Count<Exp, "out">,
                Count<Add, "rows*max(cols-1, 0)">,
                Count<Log, "rows">,
                Count<Add, "out">];
  let Doc = "per row: max (cols-1 max), subtract it (cols add), exp (cols), "
            "sum (cols-1 add), one log of the sum, subtract it (cols add); "
            "no division";
}
def : LogSoftmaxRule<1, SoftmaxFlatShape>;
def : LogSoftmaxRule<13, SoftmaxAxisShape>;

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

// BatchNormalization. Y = (X - mean) / sqrt(var + eps) * scale + B, computed
// as implementations do: per statistic (channel) a = scale / sqrt(var + eps)
// and b = B - mean * a, then per element Y = X * a + b.
//   per statistic: add (var + eps), sqrt, div (scale / sqrt), mul (mean*a),
//                  add (B - mean*a)
//   per element:   mul, add
// Training mode (batch statistics, population variance as the schema says):
//   mean: per_stat-1 adds and one div per statistic
//   var:  per element a subtract (add) and a square (mul); per statistic
//         per_stat-1 adds and one div
//   each running statistic written (updates): r*momentum + s*(1-momentum)
//         is 2 mul + 1 add per statistic (1-momentum is a constant)
class BatchNormRule<int since, ShapeBinder binder>
    : Lowering<"", "BatchNormalization", since, binder> {
  let Counts = [// Fold the statistics into a per-channel scale and shift.
                Count<Add, "2*stats">,
                Count<Sqrt, "stats">,
                Count<Div, "stats">,
                Count<Mul, "stats">,
                // Scale and shift every element.
                Count<Mul, "out">,
                Count<Add, "out">,
                // Training: batch mean and variance.
                Count<Add, "train*2*stats*max(per_stat-1, 0)">,
                Count<Div, "train*2*stats">,
                Count<Add, "train*out">,
                Count<Mul, "train*out">,
                // Training: running statistics.
                Count<Mul, "updates*2*stats">,
                Count<Add, "updates*stats">];
  let Doc = "inference: per statistic (channel) 2 add + 1 sqrt + 1 div + 1 "
            "mul to fold mean, var, scale, B into y = x*a + b (no rsqrt: the "
            "division is counted as a division), then 1 mul + 1 add per "
            "element. Training adds the batch mean and population variance "
            "over per_stat = N*D1*..*Dn elements per channel (2*(per_stat-1) "
            "add + 2 div per channel, 1 add + 1 mul per element) and 2 mul + "
            "1 add per channel per running statistic written.";
}
// Opsets 1-13: mode from the outputs (and is_test); spatial attribute.
def : BatchNormRule<1, BatchNormLegacyShape>;
// Opset 14: training_mode attribute.
def : BatchNormRule<14, BatchNormShape>;

// LayerNormalization (opset 17): per row of cols elements,
//   mean:       cols-1 add, 1 div
//   centre:     cols add (x - mean)
//   variance:   cols mul (square), cols-1 add, 1 div
//   inv std:    1 add (+ eps), 1 sqrt, 1 div (1/sqrt; the InvStdDev output)
//   normalize:  cols mul (by inv std), cols mul (by Scale)
//   bias:       cols add when B is present
def : Lowering<"", "LayerNormalization", 17, LayerNormShape> {
  let Counts = [Count<Add, "2*rows*max(cols-1, 0)">,
                Count<Add, "out">,
                Count<Add, "rows">,
                Count<Mul, "3*out">,
                Count<Div, "3*rows">,
                Count<Sqrt, "rows">,
                Count<Add, "bias*out">];
  let Doc = "per row (the dims from axis on): mean (cols-1 add, 1 div), "
            "x - mean (cols add), variance (cols mul, cols-1 add, 1 div), "
            "1/sqrt(var + eps) (1 add, 1 sqrt, 1 div), times inv std and "
            "Scale (2 cols mul), + B (cols add, if present). Counted at "
            "X's type; stash_type (f32 statistics for f16 input) is not "
            "modelled.";
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

def : Lowering<"", "MaxPool", 1, PoolShape> {
  let Counts = [Count<MinMax, "valid - windows">];
  let Doc = "per output, a max over the window's taps that lie inside the "
            "input, taps-1 max (window-1 when there is no padding; valid - "
            "windows in all). The optional Indices output (opset 8+) tracks "
            "the arg-max alongside and is not counted separately.";
}

def : Lowering<"", "AveragePool", 1, PoolShape> {
  let Counts = [Count<Add, "valid - windows">, Count<Div, "out">];
  let Doc = "per output, the sum of the window's elements inside the input "
            "(window-1 add when there is no padding; padded zeros are not "
            "added) and one div, whatever the divisor (count_include_pad)";
}

def : Lowering<"", "GlobalAveragePool", 1, PoolShape> {
  let Counts = [Count<Add, "valid - windows">, Count<Div, "out">];
  let Doc = "per (n, c), the sum of D1*..*Dn elements (window-1 add) and one "
            "div";
}

//===----------------------------------------------------------------------===//
// Dropout
//===----------------------------------------------------------------------===//

// In training, output = data * mask / (1 - ratio): per element a compare of
// a random number against ratio (the mask), a mul by the scale and a select
// of 0 or the scaled value. Random number generation has no primitive and is
// not counted. In inference Dropout is the identity and runtimes alias the
// output to the input: no arithmetic, no traffic.
class DropoutRule<int since, ShapeBinder binder>
    : Lowering<"", "Dropout", since, binder> {
  let Counts = [Count<Cmp, "train*out">,
                Count<Mul, "train*out">,
                Count<Select, "train*out">];
  let Reads = "train*in_bytes";
  let Writes = "train*out_bytes";
  let Doc = "training: per element 1 compare (mask), 1 mul (scale "
            "1/(1-ratio)), 1 select, reading the input and writing output "
            "and mask; random number generation is not counted. Inference "
            "(or ratio = 0): the identity, aliased by runtimes, no counts and "
            "no traffic.";
}
// Opsets 1 and 6: is_test attribute (default 0: training).
def : DropoutRule<1, DropoutIsTestShape>;
// Opsets 7 and 10 have no mode in the graph; runtimes treat it as inference.
def : Lowering<"", "Dropout", 7, DataShape> {
  let Reads = "0";
  let Writes = "0";
  let Doc = "opsets 7-11 carry no mode; treated as inference, the identity "
            "(runtimes alias the output; an optional mask output is not "
            "counted)";
}
// Opset 12: training_mode input (absent or constant false: inference; a
// value known only at run time counts as training).
def : DropoutRule<12, DropoutTrainingInputShape>;
