//===- ops/Binders.td - Shape binders of the lowering rules ---------------===//
//
// The named shape quantities that the lowering rules (Linear.td, NN.td,
// Elementwise.td, Math.td, Logical.td, Tensor.td, Reduce.td,
// Quantization.td, RNN.td) are written over. Each record here
// is computed for a node by `bind<Name>` in lib/Lower/Binders.cpp, after the
// caller has filled the common quantities in_bytes, out_bytes, in, out
// (OpSchema.td). Binders read shapes that import and shape inference
// resolved; a dim that is still unknown, a missing attribute without a
// default, or inconsistent shapes make the binder fail with a message, which
// the driver reports naming the node. A binder never assumes a 1.
//
// Flags (quantities that are 0 or 1) let one rule cover an op's modes without
// conditionals in the expression language: `train*out` is out in training
// mode and 0 in inference; a count that evaluates to 0 is left out.
//
// Binders are few and general; several ops share one.
//
//===----------------------------------------------------------------------===//

// Elementwise ops: the common `out` (elements of output 0, i.e. after
// numpy broadcasting) is all their rules need.
def ElementwiseShape : ShapeBinder<"Elementwise", []> {
  let Doc = "no quantities beyond the common ones; out is the number of "
            "elements of output 0 (the broadcast result)";
}

// Binary elementwise ops (Add, Sub, Mul, Div): the backward pass sums the
// output gradient over the dims an input was broadcast along, which needs
// each input's size.
def BroadcastShape : ShapeBinder<"Broadcast", ["in1"]> {
  let Doc = "in1: elements of input 1 (0 if absent); in (input 0) and out "
            "(the broadcast result) are the common quantities";
}

// Data movement ops: nothing beyond the byte sizes.
def DataShape : ShapeBinder<"Data", []> {
  let Doc = "no quantities beyond the common ones (in_bytes, out_bytes)";
}

// Ops with a variable number of inputs (Sum).
def VariadicShape : ShapeBinder<"Variadic", ["k"]> {
  let Doc = "k: number of inputs present";
}

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

def MatMulShape : ShapeBinder<"MatMul", ["batch", "M", "N", "K"]> {
  let Doc = "numpy.matmul semantics. A is [..., M, K], B is [..., K, N]; a "
            "1-D A is [K] (M = 1), a 1-D B is [K] (N = 1). batch: product "
            "of the broadcast batch dims of A and B (1 if there are none). "
            "Fails if the K dims differ or the batch dims do not broadcast.";
}

def GemmShape : ShapeBinder<"Gemm", ["M", "N", "K", "alpha_scale",
                                     "beta_scale", "bias"]> {
  let Doc = "Y[M,N] = alpha * A'[M,K] * B'[K,N] + beta * C, with A' = A or "
            "A^T (transA) and B' = B or B^T (transB). bias: 1 if C is "
            "present and beta != 0. alpha_scale: 1 if alpha != 1. "
            "beta_scale: 1 if bias and beta != 1.";
}

def ConvShape : ShapeBinder<"Conv", ["N", "C", "M", "group", "kernel",
                                     "out_spatial", "bias"]> {
  let Doc = "X is [N, C, D1..Dn], W is [M, C/group, k1..kn], Y is "
            "[N, M, O1..On] (n = 1, 2, 3, ...). kernel: k1*..*kn from W's "
            "shape; out_spatial: O1*..*On from Y's shape (so strides, pads, "
            "dilations and auto_pad are accounted for by shape inference). "
            "bias: 1 if input B is present. Fails unless C == W[1]*group.";
}

//===----------------------------------------------------------------------===//
// Neural-network ops
//===----------------------------------------------------------------------===//

def PoolShape : ShapeBinder<"Pool", ["N", "C", "out_spatial", "window",
                                     "valid", "windows"]> {
  let Doc = "X is [N, C, D1..Dn], Y is [N, C, O1..On]. window: product of "
            "kernel_shape (of D1..Dn for Global* pools); out_spatial: "
            "O1*..*On. valid: number of (output, window tap) pairs whose "
            "input position lies inside X, summed over all N*C*out_spatial "
            "outputs, from pads/auto_pad, strides and dilations (= out*window "
            "when there is no padding): padded positions hold no data and "
            "cost no arithmetic. windows: outputs with at least one tap "
            "inside X (= out unless a ceil_mode window lies wholly in the "
            "padding).";
}

// Softmax and LogSoftmax before opset 13: the input is coerced to 2-D at
// `axis` (default 1) and normalized over the second dimension.
def SoftmaxFlatShape : ShapeBinder<"SoftmaxFlat", ["rows", "cols"]> {
  let Doc = "opset < 13: input coerced to 2-D at axis (default 1): cols = "
            "product of dims [axis, rank), rows = product of dims [0, axis)";
}

// Softmax and LogSoftmax from opset 13: normalized along one axis.
def SoftmaxAxisShape : ShapeBinder<"SoftmaxAxis", ["rows", "cols"]> {
  let Doc = "opset >= 13: normalized along axis (default -1): cols = "
            "dim[axis], rows = product of the other dims";
}

def LayerNormShape : ShapeBinder<"LayerNorm", ["rows", "cols", "bias"]> {
  let Doc = "normalized over dims [axis, rank) (axis default -1): cols = "
            "their product, rows = product of dims [0, axis). bias: 1 if "
            "input B is present.";
}

// BatchNormalization statistics. `stats` statistics (mean/variance pairs)
// are each taken over `per_stat` elements: per channel over N*D1*..*Dn
// (spatial mode), or per (channel, position) over N (opset < 9 with
// spatial = 0).
defvar BatchNormQuantities = ["N", "C", "spatial", "stats", "per_stat",
                              "train", "updates"];

def BatchNormLegacyShape : ShapeBinder<"BatchNormLegacy",
                                       BatchNormQuantities> {
  let Doc = "opset < 14. X is [N, C, D1..Dn] (n >= 0); spatial = D1*..*Dn. "
            "train: 1 if any of the outputs mean, var, saved_mean, saved_var "
            "is present (the schema's 'Output case #1: training mode'), "
            "unless is_test = 1. updates: how many running statistics "
            "(outputs mean, var) are written, 0 in inference. The spatial "
            "attribute (opset < 9, default 1) = 0 gives stats = C*spatial "
            "and per_stat = N; otherwise stats = C, per_stat = N*spatial.";
}

def BatchNormShape : ShapeBinder<"BatchNorm", BatchNormQuantities> {
  let Doc = "opset >= 14. X is [N, C, D1..Dn]; spatial = D1*..*Dn; "
            "stats = C; per_stat = N*spatial. train: the training_mode "
            "attribute (default 0). updates: how many of the outputs "
            "running_mean, running_var are present, 0 in inference.";
}

// Dropout before opset 7: the is_test attribute selects the mode.
def DropoutIsTestShape : ShapeBinder<"DropoutIsTest", ["train"]> {
  let Doc = "opset < 7. train: 1 if is_test = 0 (the schema's default) and "
            "ratio != 0";
}

// Dropout from opset 12: the optional training_mode input selects the mode.
def DropoutTrainingInputShape : ShapeBinder<"DropoutTrainingInput",
                                            ["train"]> {
  let Doc = "opset >= 12. train: 0 if input training_mode is absent or a "
            "constant false, or if ratio is a constant 0; 1 otherwise. A "
            "training_mode known only at run time counts as training: the "
            "input exists to switch training on, and it is the costlier "
            "mode.";
}

//===----------------------------------------------------------------------===//
// Elementwise math with data-dependent cost
//===----------------------------------------------------------------------===//

def PowShape : ShapeBinder<"Pow", ["muls", "general"]> {
  let Doc = "exponent Y known as a constant non-negative integer e (all "
            "elements equal, from a constant's integer data or a Constant "
            "node's value_int/value_float): general = 0 and muls = the "
            "multiplies of binary exponentiation, floor(log2 e) squarings + "
            "(popcount(e) - 1) products (e = 2: 1, e = 3: 2, e = 0 or 1: 0). "
            "An integer base with any other exponent (there is no integer "
            "exp/log): muls for e = n-1, the largest exponent whose result "
            "fits n bits when |x| >= 2 (i32: 8, i64: 10), a worst case. "
            "Otherwise general = 1, muls = 0 (x^y = exp(y*log x)).";
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

def ReduceShape : ShapeBinder<"Reduce", ["reduced"]> {
  let Doc = "reduced: input elements per output element (in / out; 0 when "
            "the reduced axes are empty). Which axes are reduced needs no "
            "attribute: it follows from the resolved shapes.";
}

//===----------------------------------------------------------------------===//
// Added for the wider operator set (Math.td, Logical.td, Quantization.td,
// RNN.td and the additions to NN.td, Tensor.td, Reduce.td)
//===----------------------------------------------------------------------===//

def LRNShape : ShapeBinder<"LRN", ["taps"]> {
  let Doc = "X is [N, C, D1..Dn]. taps: over all outputs, the number of "
            "channels inside X of each output's window [c - floor((size-1)/2), "
            "c + ceil((size-1)/2)] (= out*size when no window is clipped at "
            "the channel edges). Fails without the size attribute.";
}

def ConvTransposeShape : ShapeBinder<"ConvTranspose",
                                     ["N", "C", "M", "group", "kernel",
                                      "in_spatial", "bias"]> {
  let Doc = "X is [N, C, D1..Dn], W is [C, M/group, k1..kn], Y is [N, M, "
            "O1..On]. kernel: k1*..*kn; in_spatial: D1*..*Dn; M from Y's "
            "shape. bias: 1 if input B is present. Fails unless W[0] == C "
            "and M == W[1]*group.";
}

def ResizeShape : ShapeBinder<"Resize", ["lerps", "cubic_taps"]> {
  let Doc = "from the mode attribute (default nearest) and the dims whose "
            "size changes (r of them): linear: lerps = out*(2^r - 1) "
            "one-dimensional interpolations; cubic: cubic_taps = out*4^r; "
            "nearest (or r = 0): both 0.";
}

def ScatterShape : ShapeBinder<"Scatter", ["updates", "reduce_add",
                                           "reduce_mul", "reduce_minmax"]> {
  let Doc = "updates: elements of the updates input (input 2). reduce_*: "
            "1 for the reduction attribute (opset 16+; default none: all 0).";
}

def TopKShape : ShapeBinder<"TopK", ["rows", "cols", "k"]> {
  let Doc = "along axis (default -1): cols = X's dim, rows = product of the "
            "other dims, k = output 0's dim at the axis.";
}

def CumSumShape : ShapeBinder<"CumSum", ["rows", "cols"]> {
  let Doc = "along the axis given by the constant input 1: cols = that dim, "
            "rows = product of the others. Fails if the axis is not a "
            "constant, unless the input is 1-D (its only axis).";
}

def LpNormShape : ShapeBinder<"LpNorm", ["rows", "cols", "l1", "l2"]> {
  let Doc = "along axis (default -1): cols = that dim, rows = the product "
            "of the others; l1/l2: 1 for p = 1 / p = 2 (default); fails for "
            "any other p.";
}

def MomentsShape : ShapeBinder<"Moments", ["stats", "per_stat"]> {
  let Doc = "statistics (mean/variance pairs) and elements per statistic. "
            "InstanceNormalization: X [N, C, D1..Dn], stats = N*C, per_stat "
            "= D1*..*Dn. MeanVarianceNormalization: over the axes attribute "
            "(default [0, 2, 3]): per_stat = product of those dims, stats = "
            "in / per_stat.";
}

def LpPoolShape : ShapeBinder<"LpPool", ["N", "C", "out_spatial", "window",
                                         "valid", "windows", "p2", "pgen"]> {
  let Doc = "the Pool quantities (see PoolShape) plus the p attribute "
            "(default 2): p2 = 1 when p = 2, pgen = 1 for any other p.";
}

def ZeroPointShape : ShapeBinder<"ZeroPoint", ["zp"]> {
  let Doc = "zp: 1 if input 2 (the zero point of QuantizeLinear / "
            "DequantizeLinear) is present.";
}

def MatMulIntegerShape : ShapeBinder<"MatMulInteger",
                                     ["batch", "M", "N", "K", "a_zp", "b_zp",
                                      "a_elems", "b_elems"]> {
  let Doc = "MatMul quantities (see MatMulShape) of A and B: inputs 0 and 1 "
            "(MatMulInteger) or 0 and 3 (QLinearMatMul). a_zp/b_zp: 1 if the "
            "zero point of A/B is present (inputs 2/3 of MatMulInteger; "
            "always for QLinearMatMul). a_elems/b_elems: elements of A, B.";
}

def ConvIntegerShape : ShapeBinder<"ConvInteger",
                                   ["N", "C", "M", "group", "kernel",
                                    "out_spatial", "bias", "x_zp", "w_zp",
                                    "w_elems"]> {
  let Doc = "Conv quantities (see ConvShape) of X and W: inputs 0 and 1 "
            "(ConvInteger) or 0 and 3 (QLinearConv). bias: QLinearConv's "
            "input 8 present. x_zp/w_zp: the zero points present (inputs 2/3 "
            "of ConvInteger; always for QLinearConv). w_elems: elements of W.";
}

def RNNShape : ShapeBinder<"RNN", ["seq", "batch", "input", "hidden",
                                   "dirs", "bias"]> {
  let Doc = "X is [seq, batch, input] (layout 0) or [batch, seq, input] "
            "(layout 1, opset 14+); W is [dirs, gates*hidden, input]; "
            "hidden from W's dim 1 / gates (1 RNN, 3 GRU, 4 LSTM) and "
            "checked against hidden_size when given. bias: 1 if B (input 3) "
            "is present.";
}

def EinsumShape : ShapeBinder<"Einsum", ["total", "k"]> {
  let Doc = "total: the size of the full index space of the equation, the "
            "product over the distinct subscript letters (and the broadcast "
            "dims an ellipsis stands for) of their sizes, read from the "
            "input shapes; k: the number of inputs. Fails if a letter has "
            "two sizes (neither 1) or an operand's rank does not match its "
            "subscripts.";
}

def LossShape : ShapeBinder<"Loss", ["rows", "cols", "weighted", "reduce",
                                     "mean"]> {
  let Doc = "input 0 is [N, C, D1..Dk]: cols = C, rows = N*D1*..*Dk (one "
            "loss term each). weighted: 1 if the weight input (input 2) is "
            "present. reduce: 1 for reduction sum or mean (default mean), 0 "
            "for none; mean: 1 for mean.";
}

def LinearMLShape : ShapeBinder<"LinearML", ["rows", "feats", "targets"]> {
  let Doc = "ai.onnx.ml linear models. X is [N, C] (rows = N, feats = C) or "
            "[C] (rows = 1); targets = len(coefficients) / C (classes or "
            "regression targets). Fails unless C divides the coefficient "
            "count.";
}

def NormalizerMLShape : ShapeBinder<"NormalizerML", ["rows", "cols", "nmax",
                                                     "nl1", "nl2"]> {
  let Doc = "X is [N, C] (rows = N, cols = C) or [C] (rows = 1); nmax, nl1, "
            "nl2: 1 for the norm attribute MAX, L1, L2.";
}

//===----------------------------------------------------------------------===//
// Strings and sequences (the conventions of Text.td)
//===----------------------------------------------------------------------===//

def CastShape : ShapeBinder<"Cast", ["numeric", "in_b", "out_b"]> {
  let Doc = "numeric: 0 when input 0 or output 0 is a string tensor (a "
            "conversion to or from text), else 1. in_b/out_b: bytes of the "
            "inputs/outputs with string elements counted as 32-byte "
            "std::string objects (ops/Text.td).";
}

def SeqTensorShape : ShapeBinder<"SeqTensor", ["tensor_b"]> {
  let Doc = "tensor_b: bytes of the op's tensor side, input 0 when it is a "
            "tensor (SplitToSequence), else output 0 (ConcatFromSequence): "
            "a sequence has no shape in the graph, but its elements hold "
            "exactly the tensor's data. When ConcatFromSequence's output "
            "shape is unknown and its sequence comes from "
            "SequenceConstruct, the constructed tensors' bytes.";
}
