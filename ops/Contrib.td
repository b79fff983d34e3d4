//===- ops/Contrib.td - com.microsoft operators that ONNX Runtime's exports use
//
// Rules for the fused and quantized operators of ONNX Runtime's contrib
// domain (com.microsoft, opset 1), as its transformer optimizer and
// quantization tools emit them. The semantics (inputs, attributes, shapes)
// are those of ONNX Runtime's docs/ContribOperators.md (microsoft/
// onnxruntime, generated from the registered contrib schemas); each rule's
// Doc names what it counts. Conventions, shared with the ai.onnx rules:
//  - A dot product of length K is K mul + (K-1) add (Linear.td); MACs count
//    K per dot product.
//  - Subtraction is an add; a reduction over n elements costs n-1 ops; a
//    mean is the sum and one div; x/sqrt(v) is a sqrt and a div (NN.td).
//  - Work per row, channel or statistic is counted once where it happens;
//    constants derived from attributes (1/sqrt(2), a scale ratio that
//    needs no tensor) are free, a ratio of scale tensors costs its div once.
//  - Integer arithmetic is counted at the integer type (Quantization.td):
//    zero points are subtracted at the quantized operand's type, products
//    and sums of quantized values at that type (there is no 32-bit operand,
//    so this under-estimates a 32-bit accumulator), dequantization is a cvt
//    and a scale mul at the float scale's type, requantization a scale mul
//    (float), a round (cvt), + zero point (add, when present) and a
//    saturation (2 min/max) at the output type.
//  - Counts are on input 0's type unless the Count names another operand.
//
// The binders declared here are defined in lib/Lower/ContribBinders.cpp;
// several reuse a binder of lib/Lower/Binders.cpp for the leading
// quantities they share with it.
//
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// Binders
//===----------------------------------------------------------------------===//

def AttentionShape : ShapeBinder<"Attention",
    ["batch", "heads", "S", "T", "hd", "vhd", "mask", "softcap",
     "proj_rows", "proj_k", "proj_n", "proj_bias", "bias_elems", "rot"]> {
  let Doc = "scaled dot-product attention of batch x heads query rows. S: "
            "query sequence length; T: key/value sequence length attended "
            "to (past + new, or the present_key buffer length for "
            "GroupQueryAttention); hd: query/key head size; vhd: value head "
            "size. mask: 1 if an additive mask or bias is applied to every "
            "score (mask_index/key_padding_mask/attention_bias/attn_mask "
            "present); softcap: 1 if the softcap attribute is non-zero. "
            "proj_rows x proj_k x proj_n: the fused input projection of "
            "com.microsoft.Attention (input [B, S, proj_k] times weights "
            "[proj_k, proj_n]; 0 for the other ops), proj_bias: its bias "
            "present. bias_elems: elements of query, key and value that "
            "MultiHeadAttention's bias input is added to (0 otherwise). rot: "
            "query and key elements rotated by a fused rotary embedding "
            "(do_rotary), 0 otherwise.";
}

def SkipLayerNormShape : ShapeBinder<"SkipLayerNorm",
                                     ["rows", "cols", "beta", "bias"]> {
  let Doc = "normalized over the last dim (hidden size): cols = its size, "
            "rows = the product of the others. beta: 1 if input beta "
            "(input 3 of SkipLayerNormalization) is present, always 0 for "
            "SkipSimplifiedLayerNormalization. bias: 1 if the bias input "
            "(input 4, or input 3 of the simplified op) is present.";
}

def EmbedLayerNormShape : ShapeBinder<"EmbedLayerNorm",
                                      ["rows", "cols", "segment",
                                       "mask_rows", "mask_cols"]> {
  let Doc = "input_ids [B, S], word_embedding [V, H]: rows = B*S, cols = "
            "H. segment: 1 if segment_ids and segment_embedding are both "
            "present. mask_rows/mask_cols: B and S when the mask input "
            "(input 7) is present, else 0.";
}

def GeluShape : ShapeBinder<"Gelu", ["erf_form", "tanh_form", "bias"]> {
  let Doc = "erf_form: 1 for the exact 0.5x(1+erf(x/sqrt 2)) (com.microsoft "
            "Gelu and BiasGelu; ai.onnx Gelu with approximate = none); "
            "tanh_form: 1 for the tanh approximation (FastGelu; ai.onnx "
            "Gelu with approximate = tanh). bias: 1 if a bias input is "
            "added first (BiasGelu; FastGelu's optional input 1).";
}

def RotaryShape : ShapeBinder<"Rotary", ["rot"]> {
  let Doc = "rot: elements of input 0 that are rotated: all of them, or "
            "out*rotary_embedding_dim/head_size when rotary_embedding_dim "
            "is set (head_size from a 4-D input's last dim, or hidden / "
            "num_heads for a 3-D input).";
}

def FusedConvShape : ShapeBinder<"FusedConv",
    ["N", "C", "M", "group", "kernel", "out_spatial", "bias",
     "relu", "tanh", "sigmoid", "leaky", "clip", "hardsigmoid", "z"]> {
  let Doc = "the Conv quantities (see ConvShape), then one flag for the "
            "activation attribute (Relu, Tanh, Sigmoid, LeakyRelu, Clip, "
            "HardSigmoid; all 0 when absent); z: 1 if input Z (input 3, "
            "added to the result) is present. Fails for another activation.";
}

def FusedMatMulShape : ShapeBinder<"FusedMatMul",
                                   ["batch", "M", "N", "K", "alpha_scale"]> {
  let Doc = "the MatMul quantities of alpha * A' x B', A' = A or A^T on its "
            "last two dims (transA), likewise B' (transB); alpha_scale: 1 if "
            "alpha != 1. Fails for transBatchA/transBatchB = 1 (not "
            "modelled).";
}

def MatMulNBitsShape : ShapeBinder<"MatMulNBits",
                                   ["rows", "N", "K", "bias"]> {
  let Doc = "A is [..., K] (rows = product of its leading dims), the "
            "quantized B is N x K by the attributes N and K (checked against "
            "A's last dim); bias: 1 if input bias (input 5) is present.";
}

def DynQuantMatMulShape : ShapeBinder<"DynQuantMatMul",
    ["batch", "M", "N", "K", "a_elems", "b_elems", "b_zp", "bias"]> {
  let Doc = "MatMul quantities of A (float) and B (8-bit); a_elems, "
            "b_elems: their element counts; b_zp: 1 if b_zero_point (input "
            "3) is present; bias: 1 if bias (input 4) is present.";
}

def QLinearShape : ShapeBinder<"QLinear", ["a_zp", "b_zp", "y_zp"]> {
  let Doc = "zero points present: a_zp = input 2; b_zp = input 5 "
            "(QLinearAdd, QLinearMul; 0 for unary ops); y_zp = the output "
            "zero point, input 7 (binary ops) or input 4 (unary ops)";
}

def QLinearSoftmaxShape : ShapeBinder<"QLinearSoftmax",
                                      ["rows", "cols", "a_zp", "y_zp"]> {
  let Doc = "rows/cols as Softmax of the opset given by the opset attribute "
            "(< 13: coerced to 2-D at axis, default 1; >= 13: along axis, "
            "default -1); a_zp/y_zp: inputs 2/4 present";
}

def QLinearPoolShape : ShapeBinder<"QLinearPool",
    ["N", "C", "out_spatial", "window", "valid", "windows", "a_zp",
     "y_zp"]> {
  let Doc = "the Pool quantities (see PoolShape) of X [N, C, D1..Dn] "
            "(channels_last = 0 only; fails otherwise); a_zp/y_zp: inputs "
            "2/4 present";
}

//===----------------------------------------------------------------------===//
// Attention
//===----------------------------------------------------------------------===//

// Shared counts of the attention family, in the order an unfused graph does
// them: input projection (com.microsoft.Attention only), bias on Q/K/V
// (MultiHeadAttention), rotary embedding (do_rotary), the scores Q K^T (a
// dot product of hd per score), the scale (a mul per score), the mask or
// attention bias (an add per score), the softcap (softcap * tanh(s /
// softcap): div, tanh, mul per score), the softmax over the T scores of a
// row (as NN.td's Softmax) and the weighted sum of the values (a dot
// product of T per output element).
class AttentionRule<string domain, string opType, int since>
    : Lowering<domain, opType, since, AttentionShape> {
  let Counts = [
      Count<Mul, "proj_rows*proj_n*proj_k">,
      Count<Add, "proj_rows*proj_n*max(proj_k-1, 0)">,
      Count<Add, "proj_bias*proj_rows*proj_n">,
      Count<Add, "bias_elems">,
      Count<Mul, "2*rot">,
      Count<Add, "rot">,
      Count<Mul, "batch*heads*S*T*hd">,
      Count<Add, "batch*heads*S*T*max(hd-1, 0)">,
      Count<Mul, "batch*heads*S*T">,
      Count<Add, "mask*batch*heads*S*T">,
      Count<Div, "softcap*batch*heads*S*T">,
      Count<Tanh, "softcap*batch*heads*S*T">,
      Count<Mul, "softcap*batch*heads*S*T">,
      Count<MinMax, "batch*heads*S*max(T-1, 0)">,
      Count<Add, "batch*heads*S*T">,
      Count<Exp, "batch*heads*S*T">,
      Count<Add, "batch*heads*S*max(T-1, 0)">,
      Count<Div, "batch*heads*S*T">,
      Count<Mul, "batch*heads*S*T*vhd">,
      Count<Add, "batch*heads*S*vhd*max(T-1, 0)">];
  let MACs = "proj_rows*proj_n*proj_k + batch*heads*S*T*(hd + vhd)";
  string OpDoc = "";
  let Doc = OpDoc # " Counts: projection (proj_rows*proj_n*proj_k mul, "
            "proj_k-1 add per projected element, + bias add), Q/K/V bias "
            "(bias_elems add), rotary (2 mul + 1 add per rotated element), "
            "scores (T dot products of hd per query row: hd mul, hd-1 add), "
            "scale (1 mul per score), mask/attention bias (1 add per score "
            "when present), softcap (div, tanh, mul per score when set), "
            "softmax over T per row (T-1 max, T add, T exp, T-1 add, T "
            "div), weighted sum of V (T mul, T-1 add per output element). "
            "Causal/unidirectional masking is not subtracted: the full "
            "S x T scores are counted (an upper bound; runtimes may skip "
            "the masked triangle). KV-cache concatenation is data movement.";
}

def : AttentionRule<"com.microsoft", "Attention", 1> {
  let OpDoc = "com.microsoft.Attention (ContribOperators.md): input [B, S, "
              "Hin] x merged weights [Hin, H + H + Hv] (+ bias), num_heads "
              "heads of hd = H/num_heads (qkv_hidden_sizes when K and V "
              "differ), past [2, B, heads, P, hd] makes T = P + S, output "
              "[B, S, Hv].";
}

def : AttentionRule<"com.microsoft", "MultiHeadAttention", 1> {
  let OpDoc = "com.microsoft.MultiHeadAttention (ContribOperators.md): "
              "query [B, S, H] (or packed [B, S, N, 3, hd] with no key), key "
              "[B, L, H] or [B, N, L, hd], value likewise, optional bias "
              "[H + H + Hv] added to Q/K/V, past_key [B, N, P, hd] makes T = "
              "P + L; output [B, S, Hv].";
}

def : AttentionRule<"com.microsoft", "GroupQueryAttention", 1> {
  let OpDoc = "com.microsoft.GroupQueryAttention (ContribOperators.md): "
              "query [B, S, H] (or packed Q/K/V [B, S, (N + 2 kvN) hd] with "
              "no key) with num_heads query heads sharing kv_num_heads K/V "
              "heads; T is present_key's sequence dim (the KV buffer, an "
              "upper bound when past and present share a max-length "
              "buffer), else past + S; do_rotary rotates Q and K.";
}

//===----------------------------------------------------------------------===//
// Layer normalization family
//===----------------------------------------------------------------------===//

// LayerNormalization's counts (NN.td) after input + skip (+ bias):
//   skip add (out), bias add (bias*out), mean (cols-1 add, 1 div), centre
//   (out add), variance (out mul, cols-1 add, 1 div), 1/sqrt(var + eps)
//   (1 add, 1 sqrt, 1 div), times inv std and gamma (2 out mul), + beta.
def : Lowering<"com.microsoft", "SkipLayerNormalization", 1,
               SkipLayerNormShape> {
  let Counts = [Count<Add, "out">,
                Count<Add, "bias*out">,
                Count<Add, "2*rows*max(cols-1, 0)">,
                Count<Add, "out">,
                Count<Add, "rows">,
                Count<Mul, "3*out">,
                Count<Div, "3*rows">,
                Count<Sqrt, "rows">,
                Count<Add, "beta*out">];
  let Doc = "com.microsoft.SkipLayerNormalization (ContribOperators.md): "
            "LayerNormalization over the hidden dim of input + skip (+ "
            "bias): 1 add per element for skip, 1 more with bias, then "
            "LayerNormalization's counts (NN.td) with beta as B. The "
            "optional input_skip_bias_sum output is the sum already "
            "computed (written, not recomputed).";
}

// RMS normalization: per row, squares (cols mul), their sum (cols-1 add)
// and mean (1 div), + eps (1 add), sqrt, 1/sqrt (1 div), times inv rms and
// gamma (2 cols mul). No centring, no beta.
def : Lowering<"com.microsoft", "SkipSimplifiedLayerNormalization", 1,
               SkipLayerNormShape> {
  let Counts = [Count<Add, "out">,
                Count<Add, "bias*out">,
                Count<Mul, "3*out">,
                Count<Add, "rows*max(cols-1, 0)">,
                Count<Add, "rows">,
                Count<Div, "2*rows">,
                Count<Sqrt, "rows">];
  let Doc = "com.microsoft.SkipSimplifiedLayerNormalization "
            "(ContribOperators.md): RMS normalization of input + skip (+ "
            "bias): 1 add per element for skip, 1 more with bias, then per "
            "row of cols (hidden) elements cols mul (squares), cols-1 add + "
            "1 div (mean), 1 add (eps), 1 sqrt, 1 div (1/rms), 2 cols mul "
            "(by 1/rms and gamma)";
}

class SimplifiedLayerNormRule<string domain>
    : Lowering<domain, "SimplifiedLayerNormalization", 1, LayerNormShape> {
  let Counts = [Count<Mul, "3*out">,
                Count<Add, "rows*max(cols-1, 0)">,
                Count<Add, "rows">,
                Count<Div, "2*rows">,
                Count<Sqrt, "rows">];
  let Doc = "RMS normalization over dims [axis, rank) (axis default -1), "
            "per row of cols elements: cols mul (squares), cols-1 add + 1 "
            "div (mean), 1 add (eps), 1 sqrt, 1 div (1/rms, the optional "
            "inv_std_var output), 2 cols mul (by 1/rms and scale). ONNX "
            "Runtime registers this op in the ai.onnx domain (opset 1; it is "
            "not an ONNX operator, so no ai.onnx schema clashes), exporters "
            "sometimes write it under com.microsoft: both are ruled.";
}
def : SimplifiedLayerNormRule<"com.microsoft">;
def : SimplifiedLayerNormRule<"">;

// EmbedLayerNormalization: gathers (data movement), the sum of the word,
// position (and segment) embeddings, LayerNormalization, and the mask_index
// output (the count of ones per mask row).
def : Lowering<"com.microsoft", "EmbedLayerNormalization", 1,
               EmbedLayerNormShape> {
  let Counts = [Count<Add, "rows*cols", "out0">,
                Count<Add, "segment*rows*cols", "out0">,
                Count<Add, "2*rows*max(cols-1, 0)", "out0">,
                Count<Add, "rows*cols", "out0">,
                Count<Add, "rows", "out0">,
                Count<Mul, "3*rows*cols", "out0">,
                Count<Div, "3*rows", "out0">,
                Count<Sqrt, "rows", "out0">,
                Count<Add, "rows*cols", "out0">,
                Count<Add, "mask_rows*max(mask_cols-1, 0)", "in7">];
  let Doc = "com.microsoft.EmbedLayerNormalization (ContribOperators.md): "
            "input_ids [B, S] gather word and position embeddings [., H] "
            "(data movement), summed (1 add per element of [B, S, H], 1 "
            "more with segment embeddings), then LayerNormalization with "
            "beta (NN.td's counts, rows = B*S, cols = H), all at the "
            "output's float type (input 0 is int32). mask_index: with a "
            "mask [B, S], S-1 add per row at the mask's type. The optional "
            "embedding_sum output is the sum already computed.";
}

//===----------------------------------------------------------------------===//
// Activations and elementwise fusions
//===----------------------------------------------------------------------===//

// GELU, exact: 0.5 * x * (1 + erf(x * (1/sqrt 2))): 1 mul (x/sqrt 2), 1
// erf, 1 add (1 + .), 2 mul (0.5*x, times). Tanh approximation: inner =
// x * (a + b*x*x) (3 mul, 1 add), tanh, 1 + t (1 add), 0.5*x*(.) (2 mul).
class GeluRule<string domain, string opType, int since, string doc>
    : Lowering<domain, opType, since, GeluShape> {
  let Counts = [Count<Add, "bias*out">,
                Count<Mul, "3*erf_form*out">,
                Count<Erf, "erf_form*out">,
                Count<Add, "erf_form*out">,
                Count<Mul, "5*tanh_form*out">,
                Count<Tanh, "tanh_form*out">,
                Count<Add, "2*tanh_form*out">];
  let Doc = doc # " Exact GELU 0.5x(1 + erf(x/sqrt 2)): 3 mul, 1 erf, 1 "
            "add per element. Tanh approximation 0.5x(1 + tanh(x(a + "
            "b x^2))): 5 mul, 2 add, 1 tanh per element. A bias adds 1 add "
            "per element first.";
  // Backward from the saved input x (Hendrycks and Gimpel 2016, arXiv
  // 1606.08415: GELU(x) = x*Phi(x), so dGELU/dx = Phi(x) + x*phi(x)):
  //   exact: x/sqrt 2 (mul), erf, 1 + . (add), 0.5*(.) (mul): Phi;
  //          x*x, -x^2/2, *1/sqrt(2 pi) (3 mul), exp: phi; x*phi (mul),
  //          Phi + x*phi (add), times dy (mul): 7 mul, 2 add, 1 erf, 1 exp
  //   tanh:  u = x(a + b x^2) (3 mul, 1 add), t = tanh(u), 0.5(1 + t)
  //          (1 add, 1 mul), 1 - t^2 (1 mul, 1 add), u' = a + 3b x^2
  //          (1 mul, 1 add; x^2 reused), 0.5x*(1 - t^2)*u' (3 mul), the sum
  //          (1 add), times dy (1 mul): 10 mul, 5 add, 1 tanh
  let GradCounts = [Count<Mul, "7*erf_form*out">,
                    Count<Add, "2*erf_form*out">,
                    Count<Erf, "erf_form*out">,
                    Count<Exp, "erf_form*out">,
                    Count<Mul, "10*tanh_form*out">,
                    Count<Add, "5*tanh_form*out">,
                    Count<Tanh, "tanh_form*out">];
  let GradDoc = "dy*(Phi(x) + x*phi(x)) recomputed from x: exact 7 mul, 2 "
                "add, 1 erf, 1 exp per element; tanh approximation 10 mul, "
                "5 add, 1 tanh. A bias's gradient (dy summed over the rows) "
                "is not counted.";
}
def : GeluRule<"com.microsoft", "Gelu", 1,
               "com.microsoft.Gelu (ContribOperators.md): exact GELU.">;
def : GeluRule<"com.microsoft", "BiasGelu", 1,
               "com.microsoft.BiasGelu (ContribOperators.md): Gelu(A + B), "
               "B a bias of A's last dim.">;
def : GeluRule<"com.microsoft", "FastGelu", 1,
               "com.microsoft.FastGelu (ContribOperators.md): the tanh "
               "approximation of GELU of X (+ the optional bias input).">;

def : Lowering<"com.microsoft", "QuickGelu", 1, ElementwiseShape> {
  let Counts = [Count<Mul, "2*out">, Count<Exp, "out">, Count<Add, "out">,
                Count<Div, "out">];
  let Doc = "com.microsoft.QuickGelu (ContribOperators.md): x * sigmoid("
            "alpha*x): alpha*x (1 mul), sigmoid (1 exp, 1 add, 1 div as "
            "NN.td's Sigmoid), times x (1 mul) per element";
}

def : Lowering<"com.microsoft", "BiasAdd", 1, ElementwiseShape> {
  let Counts = [Count<Add, "2*out">];
  let Doc = "com.microsoft.BiasAdd (ContribOperators.md): X [N, S, C] + "
            "bias [C] + skip [N, S, C]: 2 add per element";
}

class RotaryRule<string domain, int since, string doc>
    : Lowering<domain, "RotaryEmbedding", since, RotaryShape> {
  let Counts = [Count<Mul, "2*rot">, Count<Add, "rot">];
  let Doc = doc # " Each rotated pair (x1, x2) becomes (x1 cos - x2 sin, "
            "x1 sin + x2 cos): 4 mul + 2 add per pair, i.e. 2 mul + 1 add "
            "per rotated element; the cos/sin caches are gathered by "
            "position (data movement); elements beyond rotary_embedding_dim "
            "are copied.";
}
def : RotaryRule<"com.microsoft", 1,
                 "com.microsoft.RotaryEmbedding (ContribOperators.md): "
                 "input [B, S, H] or [B, N, S, hd], cos/sin caches [max "
                 "position, rotary dim / 2].">;

//===----------------------------------------------------------------------===//
// Fused linear algebra
//===----------------------------------------------------------------------===//

def : Lowering<"com.microsoft", "FusedConv", 1, FusedConvShape> {
  let Counts = [Count<Mul, "N*M*out_spatial*(C/group)*kernel">,
                Count<Add, "N*M*out_spatial*max((C/group)*kernel-1, 0)">,
                Count<Add, "bias*N*M*out_spatial">,
                Count<Add, "z*out">,
                Count<MinMax, "relu*out">,
                Count<Tanh, "tanh*out">,
                Count<Exp, "sigmoid*out">,
                Count<Add, "sigmoid*out">,
                Count<Div, "sigmoid*out">,
                Count<Cmp, "leaky*out">,
                Count<Mul, "leaky*out">,
                Count<Select, "leaky*out">,
                Count<MinMax, "2*clip*out">,
                Count<Mul, "hardsigmoid*out">,
                Count<Add, "hardsigmoid*out">,
                Count<MinMax, "2*hardsigmoid*out">];
  let MACs = "N*M*out_spatial*(C/group)*kernel";
  let Doc = "com.microsoft.FusedConv (ContribOperators.md): Conv's counts "
            "(Linear.td), + Z (input 3) per output when present, then the "
            "activation attribute per output as its ai.onnx rule counts it: "
            "Relu 1 max; Tanh 1 tanh; Sigmoid 1 exp + 1 add + 1 div; "
            "LeakyRelu 1 cmp + 1 mul + 1 select; Clip 2 min/max; "
            "HardSigmoid 1 mul + 1 add + 2 min/max";
}

def : Lowering<"com.microsoft", "FusedMatMul", 1, FusedMatMulShape> {
  let Counts = [Count<Mul, "batch*M*N*K">,
                Count<Add, "batch*M*N*max(K-1, 0)">,
                Count<Mul, "alpha_scale*batch*M*N">];
  let MACs = "batch*M*N*K";
  let Doc = "com.microsoft.FusedMatMul (ContribOperators.md): alpha * "
            "A' x B' with the transposes folded into the product: MatMul's "
            "counts (K mul + K-1 add per output) and 1 mul per output when "
            "alpha != 1. transBatchA/transBatchB are not modelled.";
}

def : Lowering<"com.microsoft", "MatMulNBits", 1, MatMulNBitsShape> {
  let Counts = [// Dequantize every weight element once per run.
                Count<Cvt, "N*K", "out0">,
                Count<Add, "N*K", "out0">,
                Count<Mul, "N*K", "out0">,
                // The float matmul.
                Count<Mul, "rows*N*K">,
                Count<Add, "rows*N*max(K-1, 0)">,
                Count<Add, "bias*rows*N">];
  let MACs = "rows*N*K";
  let Doc = "com.microsoft.MatMulNBits (ContribOperators.md): A [..., K] "
            "times the block-quantized (bits = 4 by default) B, N x K, to "
            "[..., N]. Convention: each weight element is dequantized once "
            "per run (per node execution, not per use in the product): 1 "
            "cvt (unpack to A's float type), 1 add (minus the block's zero "
            "point, 2^(bits-1) when absent), 1 mul (times the block's "
            "scale), at the output's float type, N*K of each; then MatMul's "
            "counts, rows*N*K mul + rows*N*(K-1) add (rows: A's leading "
            "dims), + bias (input 5) per output when present. g_idx "
            "reordering is data movement. Fused kernels that dequantize in "
            "registers per tile repeat the dequantization per use: this "
            "count is their lower bound.";
}

def : Lowering<"com.microsoft", "MatMulInteger16", 1, MatMulShape> {
  let Counts = [Count<Mul, "batch*M*N*K">,
                Count<Add, "batch*M*N*max(K-1, 0)", "out0">];
  let MACs = "batch*M*N*K";
  let Doc = "com.microsoft.MatMulInteger16 (ContribOperators.md): int16 "
            "A x int16 B -> int32, no zero points: K mul at A's 16-bit type "
            "and K-1 add at the int32 output type per output element "
            "(MatMulInteger's convention, Quantization.td)";
}

def : Lowering<"com.microsoft", "DynamicQuantizeMatMul", 1,
               DynQuantMatMulShape> {
  let Counts = [// Dynamic quantization of A (DynamicQuantizeLinear).
                Count<MinMax, "2*max(a_elems-1, 0)">,
                Count<Add, "1">, Count<Div, "2">, Count<Cvt, "1", "in1">,
                Count<Div, "a_elems">,
                Count<Cvt, "a_elems", "in1">,
                Count<Add, "a_elems", "in1">,
                Count<MinMax, "2*a_elems", "in1">,
                // Zero points and the integer product.
                Count<Add, "a_elems", "in1">,
                Count<Add, "b_zp*b_elems", "in1">,
                Count<Mul, "batch*M*N*K", "in1">,
                Count<Add, "batch*M*N*max(K-1, 0)", "in1">,
                // Back to float: a_scale * b_scale per column, per output.
                Count<Mul, "N", "out0">,
                Count<Cvt, "out", "out0">,
                Count<Mul, "out", "out0">,
                Count<Add, "bias*out", "out0">];
  let MACs = "batch*M*N*K";
  let Doc = "com.microsoft.DynamicQuantizeMatMul (ContribOperators.md): "
            "A (float) quantized on the fly as DynamicQuantizeLinear counts "
            "it (min/max over A, scale and zero point, then per element div "
            "at A's type and cvt, + zero point, 2 min/max at the 8-bit "
            "type of B), zero points subtracted per element of A and (when "
            "b_zero_point is present) B, the integer product at B's 8-bit "
            "type (K mul + K-1 add per output: no 32-bit operand, an "
            "under-estimate of the int32 accumulator), then per output a "
            "cvt to float and a mul by a_scale*b_scale (N mul for the "
            "per-column scale products) and + bias when present, at the "
            "float output type";
}

//===----------------------------------------------------------------------===//
// QLinear* (quantized elementwise, concat, pooling, softmax)
//===----------------------------------------------------------------------===//

def : Lowering<"com.microsoft", "QLinearAdd", 1, QLinearShape> {
  let Counts = [Count<Add, "a_zp*out">,
                Count<Add, "b_zp*out", "in3">,
                Count<Cvt, "2*out", "in1">,
                Count<Div, "2", "in1">,
                Count<Mul, "2*out", "in1">,
                Count<Add, "out", "in1">,
                Count<Cvt, "out", "out0">,
                Count<Add, "y_zp*out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let Doc = "com.microsoft.QLinearAdd (ContribOperators.md): C = quantize("
            "(A - A_zp) A_scale + (B - B_zp) B_scale), broadcast: per output "
            "the zero points subtracted at A's and B's integer types (when "
            "present), both operands converted (2 cvt) and scaled by "
            "A_scale/C_scale, B_scale/C_scale (2 mul; the 2 ratios cost 1 "
            "div each once) and summed (1 add) at the scale's float type, "
            "then requantized (cvt, + C_zp when present, 2 min/max) at the "
            "output type";
}

def : Lowering<"com.microsoft", "QLinearMul", 1, QLinearShape> {
  let Counts = [Count<Add, "a_zp*out">,
                Count<Add, "b_zp*out", "in3">,
                Count<Mul, "out">,
                Count<Mul, "1", "in1">,
                Count<Div, "1", "in1">,
                Count<Cvt, "out", "in1">,
                Count<Mul, "out", "in1">,
                Count<Cvt, "out", "out0">,
                Count<Add, "y_zp*out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let Doc = "com.microsoft.QLinearMul (ContribOperators.md): C = quantize("
            "(A - A_zp)(B - B_zp) A_scale B_scale), broadcast: per output "
            "the zero points subtracted (when present) and the product (1 "
            "mul) at the integer types, then cvt and 1 mul by A_scale "
            "B_scale / C_scale (1 mul + 1 div once) at the float type, then "
            "requantized (cvt, + C_zp when present, 2 min/max)";
}

// Unary QLinear ops: dequantize (zero point, cvt, scale mul), the float op,
// requantize (mul by 1/y_scale, one div once; cvt; + y_zp; saturate).
class QLinearUnaryRule<string opType, list<Count> op, string doc>
    : Lowering<"com.microsoft", opType, 1, QLinearShape> {
  let Counts = !listconcat(
      [Count<Add, "a_zp*out">,
       Count<Cvt, "out", "in1">,
       Count<Mul, "out", "in1">],
      op,
      [Count<Div, "1", "in1">,
       Count<Mul, "out", "in1">,
       Count<Cvt, "out", "out0">,
       Count<Add, "y_zp*out", "out0">,
       Count<MinMax, "2*out", "out0">]);
  let Doc = doc # " Per element: dequantize (- X_zp at X's integer type when "
            "present, cvt, mul by X_scale at the scale's float type), the "
            "float function, requantize (mul by 1/Y_scale, its div once; "
            "cvt, + Y_zp when present, 2 min/max at the output type). ONNX "
            "Runtime's CPU kernel evaluates the function once per 8-bit "
            "input value into a lookup table, so for large tensors this is "
            "an upper bound.";
}
def : QLinearUnaryRule<"QLinearSigmoid",
    [Count<Exp, "out", "in1">, Count<Add, "out", "in1">,
     Count<Div, "out", "in1">],
    "com.microsoft.QLinearSigmoid (ContribOperators.md): sigmoid (1 exp, 1 "
    "add, 1 div).">;
def : QLinearUnaryRule<"QLinearLeakyRelu",
    [Count<Cmp, "out", "in1">, Count<Mul, "out", "in1">,
     Count<Select, "out", "in1">],
    "com.microsoft.QLinearLeakyRelu (ContribOperators.md): leaky relu (1 "
    "cmp, 1 mul, 1 select).">;

def : Lowering<"com.microsoft", "QLinearConcat", 1, VariadicShape> {
  let Counts = [Count<Div, "(k-2)/3">,
                Count<Add, "out", "in1">,
                Count<Cvt, "out">,
                Count<Mul, "out">,
                Count<Cvt, "out", "out0">,
                Count<Add, "out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let Doc = "com.microsoft.QLinearConcat (ContribOperators.md): inputs "
            "Y_scale, Y_zero_point, then (X, X_scale, X_zp) per tensor. "
            "Every output element is requantized from its input's "
            "quantization to Y's: - X_zp (add at the integer type), cvt and "
            "mul by X_scale/Y_scale (at the float scale's type; one div per "
            "input tensor), cvt, + Y_zp, 2 min/max at the output type. An "
            "input whose scale and zero point equal Y's is a plain copy at "
            "run time; their values are not known here, so this is an upper "
            "bound.";
}

def : Lowering<"com.microsoft", "QLinearGlobalAveragePool", 1, ReduceShape> {
  let Counts = [Count<Add, "out*max(reduced-1, 0)">,
                Count<Add, "out">,
                Count<Mul, "1", "in1">, Count<Div, "1", "in1">,
                Count<Cvt, "out", "in1">,
                Count<Mul, "out", "in1">,
                Count<Cvt, "out", "out0">,
                Count<Add, "out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let Doc = "com.microsoft.QLinearGlobalAveragePool (ContribOperators.md), "
            "NCHW or channels_last: per output the sum of its reduced = "
            "in/out inputs (reduced-1 add at X's integer type; an "
            "under-estimate of the int32 accumulator), minus window*X_zp (1 "
            "add), cvt and 1 mul by X_scale/(Y_scale*window) (1 mul + 1 div "
            "once) at the scale's float type, requantized (cvt, + Y_zp, 2 "
            "min/max)";
}

def : Lowering<"com.microsoft", "QLinearAveragePool", 1, QLinearPoolShape> {
  let Counts = [Count<Add, "valid - windows">,
                Count<Add, "a_zp*out">,
                Count<Div, "1", "in1">,
                Count<Cvt, "out", "in1">,
                Count<Mul, "out", "in1">,
                Count<Div, "out", "in1">,
                Count<Cvt, "out", "out0">,
                Count<Add, "y_zp*out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let Doc = "com.microsoft.QLinearAveragePool (ContribOperators.md), "
            "channels_last = 0: AveragePool's counts (NN.td: the taps inside "
            "X summed, taps-1 add per output at X's integer type) and per "
            "output: minus taps*X_zp (1 add, when present), cvt, mul by "
            "X_scale/Y_scale (1 div once) and the division by the divisor "
            "(1 div) at the scale's float type, requantized (cvt, + Y_zp "
            "when present, 2 min/max)";
}

def : Lowering<"com.microsoft", "QLinearSoftmax", 1, QLinearSoftmaxShape> {
  let Counts = [Count<Add, "a_zp*out">,
                Count<Cvt, "out", "in1">,
                Count<Mul, "out", "in1">,
                Count<MinMax, "rows*max(cols-1, 0)", "in1">,
                Count<Add, "out", "in1">,
                Count<Exp, "out", "in1">,
                Count<Add, "rows*max(cols-1, 0)", "in1">,
                Count<Div, "out", "in1">,
                Count<Div, "1", "in1">,
                Count<Mul, "out", "in1">,
                Count<Cvt, "out", "out0">,
                Count<Add, "y_zp*out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let Doc = "com.microsoft.QLinearSoftmax (ContribOperators.md): "
            "dequantize (- x_zp when present at X's integer type, cvt, mul "
            "by X_scale), NN.td's Softmax over rows x cols at the scale's "
            "float type (cols-1 max, cols add, cols exp, cols-1 add, cols "
            "div per row), requantize (mul by 1/y_scale, its div once; cvt, "
            "+ y_zp when present, 2 min/max). The opset attribute selects "
            "Softmax-1/11 (2-D coercion at axis) or Softmax-13 (one axis). "
            "ONNX Runtime's CPU kernel tabulates exp per 8-bit value: an "
            "upper bound there.";
}
