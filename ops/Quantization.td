//===- ops/Quantization.td - Lowering rules: quantized ops ----------------===//
//
// Integer arithmetic is counted at the integer type it happens at, never as
// float:
//  - products of quantized operands at the operand's type (input 0, the
//    8-bit multiplier); accumulation at the 32-bit output of MatMulInteger
//    and ConvInteger (output 0). QLinear* ops have no 32-bit operand, so
//    their accumulation is counted at input 0's width (an under-estimate of
//    a 32-bit accumulator).
//  - zero points: subtracted once per element of the operand they belong
//    to (add at that operand's type), when present.
//  - requantization (QLinear*, QuantizeLinear): per output a scale mul at
//    the float scale's type, a round (cvt at the output type), the output
//    zero point (add) and saturation to the type's range (2 min/max).
//
//===----------------------------------------------------------------------===//

def : Lowering<"", "QuantizeLinear", 10, ZeroPointShape> {
  let Counts = [Count<Div, "out">,
                Count<Cvt, "out", "out0">,
                Count<Add, "zp*out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let Doc = "saturate(round(x / y_scale) + y_zero_point): div at x's type, "
            "cvt (round), add (zero point, when present) and 2 min/max "
            "(saturate) at the quantized output type";
}

def : Lowering<"", "DequantizeLinear", 10, ZeroPointShape> {
  let Counts = [Count<Add, "zp*out">,
                Count<Cvt, "out", "out0">,
                Count<Mul, "out", "out0">];
  let Doc = "(x - x_zero_point) * x_scale: add at the integer type (when "
            "the zero point is present), cvt to the output type and a mul "
            "there";
}

def : Lowering<"", "DynamicQuantizeLinear", 11, ElementwiseShape> {
  let Counts = [Count<MinMax, "2*max(in-1, 0)">,
                Count<Add, "1">, Count<Div, "2">,
                Count<Cvt, "1", "out2">,
                Count<Div, "out">,
                Count<Cvt, "out", "out0">,
                Count<Add, "out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let Doc = "min and max over x (2*(in-1) min/max), the scale (max - min) "
            "/ 255 and zero point round(-min/scale) (1 add, 2 div, 1 cvt), "
            "then QuantizeLinear per element: div at x's type, cvt, add and "
            "2 min/max at the uint8 output type";
}

def : Lowering<"", "MatMulInteger", 10, MatMulIntegerShape> {
  let Counts = [Count<Add, "a_zp*a_elems">,
                Count<Add, "b_zp*b_elems", "in1">,
                Count<Mul, "batch*M*N*K">,
                Count<Add, "batch*M*N*max(K-1, 0)", "out0">];
  let MACs = "batch*M*N*K";
  let Doc = "MatMul's dot products: K mul at A's integer type and K-1 add "
            "at the int32 output type per output element; zero points "
            "subtracted once per element of A and B (add at their types) "
            "when present";
}

def : Lowering<"", "ConvInteger", 10, ConvIntegerShape> {
  let Counts = [Count<Add, "x_zp*in">,
                Count<Add, "w_zp*w_elems", "in1">,
                Count<Mul, "N*M*out_spatial*(C/group)*kernel">,
                Count<Add, "N*M*out_spatial*max((C/group)*kernel-1, 0)",
                      "out0">];
  let MACs = "N*M*out_spatial*(C/group)*kernel";
  let Doc = "Conv's dot products: mul at X's integer type, accumulation "
            "add at the int32 output type; zero points subtracted once per "
            "element of X and W when present";
}

def : Lowering<"", "QLinearMatMul", 10, MatMulIntegerShape> {
  let Counts = [Count<Add, "a_elems">,
                Count<Add, "b_elems", "in3">,
                Count<Mul, "batch*M*N*K">,
                Count<Add, "batch*M*N*max(K-1, 0)">,
                Count<Mul, "out", "in1">,
                Count<Cvt, "out", "out0">,
                Count<Add, "out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let MACs = "batch*M*N*K";
  let Doc = "zero points subtracted per element of A and B; K mul and K-1 "
            "add per output at A's integer type (the node has no 32-bit "
            "operand: an under-estimate of the accumulator); requantization "
            "per output: scale mul (float), round (cvt), + y_zero_point "
            "(add), saturate (2 min/max) at the output type";
}

def : Lowering<"", "QLinearConv", 10, ConvIntegerShape> {
  let Counts = [Count<Add, "in">,
                Count<Add, "w_elems", "in3">,
                Count<Mul, "N*M*out_spatial*(C/group)*kernel">,
                Count<Add, "N*M*out_spatial*max((C/group)*kernel-1, 0)">,
                Count<Add, "bias*out">,
                Count<Mul, "out", "in1">,
                Count<Cvt, "out", "out0">,
                Count<Add, "out", "out0">,
                Count<MinMax, "2*out", "out0">];
  let MACs = "N*M*out_spatial*(C/group)*kernel";
  let Doc = "zero points subtracted per element of X and W; Conv's dot "
            "products (mul and add at X's integer type; no 32-bit operand "
            "but the optional bias, so an under-estimate of the "
            "accumulator), + B per output when present (at X's type); "
            "requantization per output as QLinearMatMul";
}
