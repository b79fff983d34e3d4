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
  let GradCounts = [Count<Cmp, "out">, Count<Select, "out">];
  let GradDoc = "dx = x > 0 ? dy : 0: one compare and one select per "
                "element (reads the saved x and dy)";
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
  let GradCounts = [Count<Add, "out">, Count<Mul, "2*out">];
  let GradReads = "2*out_bytes";
  let GradDoc = "dx = dy*y*(1 - y) from the saved output y: 1 add (the "
                "subtraction) + 2 mul per element";
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
  // The Jacobian-vector product of softmax, dx = y*(dy - sum(dy*y)) per
  // row. When the loss is cross-entropy on this output, autograd still
  // runs this product on dL/dy = -t/y; the fused form y - t is what
  // frameworks use for a softmax they do not export (logits + a fused loss).
  let GradCounts = [Count<Mul, "2*out">,
                    Count<Add, "rows*max(cols-1, 0)">,
                    Count<Add, "out">];
  let GradReads = "2*out_bytes";
  let GradDoc = "dx = y*(dy - sum(dy*y)) per row from the saved output y: "
                "dy*y (cols mul), the sum (cols-1 add), the subtraction "
                "(cols add), times y (cols mul)";
}
// Opsets 1 and 11: coerced to 2-D at axis (default 1).
def : SoftmaxRule<1, SoftmaxFlatShape>;
// Opset 13: along axis (default -1).
def : SoftmaxRule<13, SoftmaxAxisShape>;

// LogSoftmax: x - m - log(sum(exp(x - m))).
class LogSoftmaxRule<int since, ShapeBinder binder>
    : Lowering<"", "LogSoftmax", since, binder> {
  let GradCounts = [Count<Add, "rows*max(cols-1, 0)">, Count<Exp, "out">,
                    Count<Mul, "out">, Count<Add, "out">];
  let GradReads = "2*out_bytes";
  let GradDoc = "dx = dy - exp(y)*sum(dy) per row from the saved output y: "
                "the sum (cols-1 add), exp (cols), mul (cols), subtract (cols "
                "add)";
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
//
// Backward (training-mode batch statistics; Ioffe & Szegedy 2015, arXiv
// 1502.03167, section 3, the chain rule through mean and variance), with
// m = per_stat, xh = (x - mean)*r, r = 1/sqrt(var + eps):
//   per statistic: r (1 add, 1 sqrt, 1 div), dbeta = sum(dy) (m-1 add),
//                  dgamma = sum(dy*xh) (m-1 add), k = gamma*r/m (1 mul,
//                  1 div)
//   per element:   xh recomputed (1 add, 1 mul), dy*xh (1 mul); with dx0:
//                  dx = k*(m*dy - dbeta - xh*dgamma) (3 mul, 2 add)
// A graph exported for inference (train = 0) has a forward without batch
// statistics; training computes them, so their cost (the forward rule's
// train terms) is added here for (1 - train).
class BatchNormRule<int since, ShapeBinder binder>
    : Lowering<"", "BatchNormalization", since, binder> {
  let GradCounts = [Count<Add, "stats">, Count<Sqrt, "stats">,
                    Count<Div, "2*stats">, Count<Mul, "stats">,
                    Count<Add, "2*stats*max(per_stat-1, 0)">,
                    Count<Add, "out">, Count<Mul, "2*out">,
                    Count<Mul, "dx0*3*out">, Count<Add, "dx0*2*out">,
                    // Batch statistics missing from an inference forward.
                    Count<Add, "(1-train)*2*stats*max(per_stat-1, 0)">,
                    Count<Div, "(1-train)*2*stats">,
                    Count<Add, "(1-train)*out">,
                    Count<Mul, "(1-train)*out">];
  let NoGradInputs = [3, 4];
  let GradDoc = "per statistic: 1/sqrt(var+eps) (add, sqrt, div), the sums "
                "dbeta and dgamma (2*(per_stat-1) add), gamma*r/m (mul, "
                "div); per element: x-hat (add, mul), dy*x-hat (mul), dx "
                "(3 mul, 2 add); plus the batch statistics when the graph's "
                "forward is in inference mode. Running mean and variance "
                "(inputs 3, 4) are not trained.";
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
// Backward (Ba et al. 2016, arXiv 1607.06450; the same chain rule as
// BatchNormalization over a row of n = cols), with the saved mean and r:
//   per element: xh (1 add, 1 mul), dgamma terms dy*xh (1 mul), g = dy*gamma
//                (1 mul), g*xh (1 mul), dx = r/n*(n*g - sum g - xh*sum(g*xh))
//                (3 mul, 2 add)
//   per row:     sum g, sum g*xh (2*(cols-1) add), r/n (1 div)
//   per column:  dgamma, dbeta sums over rows ((rows-1) add each)
def : Lowering<"", "LayerNormalization", 17, LayerNormShape> {
  let GradCounts = [Count<Add, "out">, Count<Mul, "3*out">,
                    Count<Mul, "dx0*3*out">, Count<Add, "dx0*2*out">,
                    Count<Add, "2*rows*max(cols-1, 0)">, Count<Div, "rows">,
                    Count<Add, "dx1*cols*max(rows-1, 0)">,
                    Count<Add, "dx2*bias*cols*max(rows-1, 0)">];
  let GradDoc = "per element: x-hat (add, mul), dy*x-hat, dy*gamma, "
                "g*x-hat (3 mul), dx (3 mul, 2 add); per row: two sums "
                "(2*(cols-1) add), r/cols (div); dgamma and dbeta summed "
                "over rows ((rows-1)*cols add each)";
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
  let GradCounts = [Count<Add, "out">];
  let GradDoc = "each output's gradient is added into the input position "
                "of its maximum (saved indices, PyTorch's max_pool "
                "backward): one add per output into the zeroed dx";
  let Doc = "per output, a max over the window's taps that lie inside the "
            "input, taps-1 max (window-1 when there is no padding; valid - "
            "windows in all). The optional Indices output (opset 8+) tracks "
            "the arg-max alongside and is not counted separately.";
}

def : Lowering<"", "AveragePool", 1, PoolShape> {
  let Counts = [Count<Add, "valid - windows">, Count<Div, "out">];
  let GradCounts = [Count<Div, "out">, Count<Add, "max(valid - in, 0)">];
  let GradReads = "out_bytes";
  let GradDoc = "dy/count per output (one div), spread over its taps; taps "
                "that land on an input position already written (overlapping "
                "windows) add: valid - in add at least 0";
  let Doc = "per output, the sum of the window's elements inside the input "
            "(window-1 add when there is no padding; padded zeros are not "
            "added) and one div, whatever the divisor (count_include_pad)";
}

def : Lowering<"", "GlobalAveragePool", 1, PoolShape> {
  let Counts = [Count<Add, "valid - windows">, Count<Div, "out">];
  let GradCounts = [Count<Div, "out">];
  let GradReads = "out_bytes";
  let GradDoc = "dy/count per (n, c), broadcast over the spatial dims (a "
                "copy)";
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
//
// Backward: dx = dy * mask * scale with the saved mask, 1 mul + 1 select per
// element. A training step applies dropout whatever mode the graph was
// exported in, so when the forward rule counted the identity (train = 0,
// or opsets 7-11) the mask's compare, mul and select are added here.
// Inputs 1 and 2 (ratio, training_mode) are not trained. Traffic in
// in_bytes (dy and the mask read, dx written), since the optional mask
// output may have no shape.
defvar DropoutGradDoc = "dx = dy*mask*scale (1 mul + 1 select per element); "
    "plus the training forward's mask (1 cmp, 1 mul, 1 select) when the "
    "graph's forward is the identity";
class DropoutRule<int since, ShapeBinder binder>
    : Lowering<"", "Dropout", since, binder> {
  let GradCounts = [Count<Mul, "out">, Count<Select, "out">,
                    Count<Cmp, "(1-train)*out">,
                    Count<Mul, "(1-train)*out">,
                    Count<Select, "(1-train)*out">];
  let GradReads = "2*in_bytes";
  let GradWrites = "in_bytes";
  let NoGradInputs = [1, 2];
  let GradDoc = DropoutGradDoc;
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
  let GradCounts = [Count<Mul, "2*out">, Count<Select, "2*out">,
                    Count<Cmp, "out">];
  let GradReads = "2*in_bytes";
  let GradWrites = "in_bytes";
  let GradDoc = DropoutGradDoc;
}
// Opset 12: training_mode input (absent or constant false: inference; a
// value known only at run time counts as training).
def : DropoutRule<12, DropoutTrainingInputShape>;

//===----------------------------------------------------------------------===//
// More activations-with-rows, normalization and pooling
//===----------------------------------------------------------------------===//

// Hardmax: per row, the arg-max (cols-1 max with the index carried along),
// then a one-hot write (data movement).
class HardmaxRule<int since, ShapeBinder binder>
    : Lowering<"", "Hardmax", since, binder> {
  let Counts = [Count<MinMax, "rows*max(cols-1, 0)">];
  let Doc = "per row, cols-1 max to find the arg-max (the index is carried "
            "along, not counted); the one-hot output is written, no "
            "arithmetic";
}
def : HardmaxRule<1, SoftmaxFlatShape>;
def : HardmaxRule<13, SoftmaxAxisShape>;

// LRN: y = x / (bias + alpha/size * sum of squares over the channel window)
// ^ beta. Each input element is squared once and the window sums use the
// squares: taps - out adds. The power with a real beta is exp(beta*log(.)).
def : Lowering<"", "LRN", 1, LRNShape> {
  let Counts = [Count<Mul, "out">,
                Count<Add, "taps - out">,
                Count<Mul, "out">,
                Count<Add, "out">,
                Count<Log, "out">,
                Count<Mul, "out">,
                Count<Exp, "out">,
                Count<Div, "out">];
  let Doc = "per element: a square (mul), the window sum over the channels "
            "inside X (taps - out add in all), alpha/size scale (mul), + "
            "bias (add), ^beta as exp(beta*log) (log, mul, exp), x / that "
            "(div)";
}

// InstanceNormalization: BatchNormalization's training statistics per
// (n, c) over D1*..*Dn elements, folded into y = x*a + b.
def : Lowering<"", "InstanceNormalization", 1, MomentsShape> {
  let Counts = [Count<Add, "2*stats*max(per_stat-1, 0)">,
                Count<Div, "2*stats">,
                Count<Add, "out">,
                Count<Mul, "out">,
                Count<Add, "2*stats">,
                Count<Sqrt, "stats">,
                Count<Div, "stats">,
                Count<Mul, "stats">,
                Count<Mul, "out">,
                Count<Add, "out">];
  let Doc = "per (n, c) statistic over D1*..*Dn = per_stat elements: mean "
            "(per_stat-1 add, 1 div), population variance (per element x - "
            "mean add and a square mul; per_stat-1 add, 1 div); then, as "
            "BatchNormalization, +eps add, sqrt, scale/sqrt div, mean*a mul, "
            "B - mean*a add per statistic and x*a + b (mul, add) per element";
}

// MeanVarianceNormalization: (x - mean) / sqrt(var) over the axes.
def : Lowering<"", "MeanVarianceNormalization", 9, MomentsShape> {
  let Counts = [Count<Add, "2*stats*max(per_stat-1, 0)">,
                Count<Div, "2*stats">,
                Count<Add, "out">,
                Count<Mul, "out">,
                Count<Add, "stats">,
                Count<Sqrt, "stats">,
                Count<Div, "out">];
  let Doc = "per statistic over the axes (default [0, 2, 3]): mean "
            "(per_stat-1 add, 1 div), x - mean (add per element), variance "
            "(mul per element, per_stat-1 add, 1 div), + epsilon (add), sqrt; "
            "per element a div by the standard deviation";
}

def : Lowering<"", "LpNormalization", 1, LpNormShape> {
  let Counts = [Count<Mul, "l2*out">,
                Count<Abs, "l1*out">,
                Count<Add, "rows*max(cols-1, 0)">,
                Count<Sqrt, "l2*rows">,
                Count<Div, "out">];
  let Doc = "per row along axis: p = 2: squares (mul per element), sum "
            "(cols-1 add), sqrt; p = 1: abs per element and the sum; then a "
            "div per element";
}

def : Lowering<"", "GlobalMaxPool", 1, PoolShape> {
  let Counts = [Count<MinMax, "valid - windows">];
  let Doc = "per (n, c), a max over D1*..*Dn elements (window-1 max)";
}

// LpPool, GlobalLpPool: (sum |x|^p)^(1/p) over the window's taps inside X.
class LpPoolRule<string opType> : Lowering<"", opType, 1, LpPoolShape> {
  let Counts = [Count<Mul, "p2*valid">,
                Count<Add, "valid - windows">,
                Count<Sqrt, "p2*out">,
                Count<Abs, "pgen*valid">,
                Count<Log, "pgen*valid">,
                Count<Mul, "pgen*valid">,
                Count<Exp, "pgen*valid">,
                Count<Log, "pgen*out">,
                Count<Mul, "pgen*out">,
                Count<Exp, "pgen*out">];
  let Doc = "p = 2 (default): a square (mul) per tap inside X, the window "
            "sum (taps-1 add per output), one sqrt per output. Other p: "
            "|x|^p as abs + exp(p*log) per tap and ^(1/p) as exp(log/p) "
            "per output";
}
def : LpPoolRule<"LpPool">;
def : LpPoolRule<"GlobalLpPool">;

//===----------------------------------------------------------------------===//
// Losses
//===----------------------------------------------------------------------===//

// NegativeLogLikelihoodLoss: per row, -input[n, target, d] (a gather; the
// negation folds into the reduction's adds), times its class weight when
// weighted; the reduction sums the rows (and, for mean, divides: by the
// row count, or by the sum of the picked weights when weighted).
def : Lowering<"", "NegativeLogLikelihoodLoss", 12, LossShape> {
  let Counts = [Count<Mul, "weighted*rows">,
                Count<Add, "reduce*max(rows-1, 0)">,
                Count<Add, "weighted*mean*max(rows-1, 0)">,
                Count<Div, "mean">];
  let Doc = "per loss term a gather (data) and, with weights, a mul; "
            "reduction sum/mean: rows-1 add, mean one div (weighted mean: "
            "rows-1 more add for the weight sum). ignore_index changes no "
            "static count.";
}

// SoftmaxCrossEntropyLoss: log-softmax over C for every row (as LogSoftmax,
// all rows*cols log-probabilities, the optional output 1), then the NLL loss.
def : Lowering<"", "SoftmaxCrossEntropyLoss", 12, LossShape> {
  let Counts = [Count<MinMax, "rows*max(cols-1, 0)">,
                Count<Add, "rows*cols">,
                Count<Exp, "rows*cols">,
                Count<Add, "rows*max(cols-1, 0)">,
                Count<Log, "rows">,
                Count<Add, "rows*cols">,
                Count<Mul, "weighted*rows">,
                Count<Add, "reduce*max(rows-1, 0)">,
                Count<Add, "weighted*mean*max(rows-1, 0)">,
                Count<Div, "mean">];
  let Doc = "LogSoftmax over the C classes of every row (max, subtract, "
            "exp, sum, log, subtract: LogSoftmax's counts with rows = N*D1*.."
            "*Dk, cols = C), then NegativeLogLikelihoodLoss's counts";
}
