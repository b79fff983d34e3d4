//===- ops/Elementwise.td - Lowering rules: elementwise math --------------===//
//
// One primitive (or a short fixed sequence) per element of the output, which
// for binary ops is the numpy-broadcast result: `out` elements. Broadcasting
// itself is free (an operand is re-read, not copied). Counts are on input
// 0's element type (the op's T) unless stated. The opset versions of these
// ops changed types and broadcasting rules, never the arithmetic, so each
// has one rule from its first version.
//
//===----------------------------------------------------------------------===//

// One primitive per output element.
class PerElementRule<string opType, int since, Primitive prim, string doc>
    : Lowering<"", opType, since, ElementwiseShape> {
  let Counts = [Count<prim, "out">];
  let Doc = doc;
}

// Binary ops with broadcasting. Backward: an input broadcast from n to out
// elements gets the sum of out/n output gradients per element, out - n adds
// (0 when it was not broadcast), the reduction autograd engines do
// (PyTorch's sum_to_size). Negating a gradient (Sub) flips a sign bit.
class BinaryRule<string opType, Primitive prim, string doc>
    : Lowering<"", opType, 1, BroadcastShape> {
  let Counts = [Count<prim, "out">];
  let Doc = doc;
}
defvar BroadcastReduce = Count<Add, "dx0*max(out-in, 0) + dx1*max(out-in1, 0)">;

def : BinaryRule<"Add", Add, "one add per output element (broadcast)"> {
  let GradCounts = [BroadcastReduce];
  let GradReads = "out_bytes";
  let GradDoc = "d(a+b) = dy for both inputs: no arithmetic but the sums "
                "over broadcast dims (out - n add per input of n elements)";
}
def : BinaryRule<"Sub", Add, "one add (the adder subtracts) per output "
                             "element (broadcast)"> {
  let GradCounts = [BroadcastReduce];
  let GradReads = "out_bytes";
  let GradDoc = "da = dy, db = -dy (a sign flip): the sums over broadcast "
                "dims only";
}
def : BinaryRule<"Mul", Mul, "one mul per output element (broadcast)"> {
  let GradCounts = [Count<Mul, "(dx0 + dx1)*out">, BroadcastReduce];
  let GradDoc = "da = dy*b, db = dy*a: one mul per output element for each "
                "input that needs a gradient, then the broadcast sums";
}
def : BinaryRule<"Div", Div, "one div per output element (broadcast)"> {
  let GradCounts = [Count<Div, "(dx0 + dx1)*out">, Count<Mul, "dx1*out">,
                    BroadcastReduce];
  let GradReads = "in_bytes + 2*out_bytes";
  let GradDoc = "da = dy/b (one div), db = -dy*y/b with the saved output y "
                "(one mul, one div) per output element, then the broadcast "
                "sums";
}

def : PerElementRule<"Tanh", 1, Tanh, "one tanh per element"> {
  let GradCounts = [Count<Mul, "2*out">, Count<Add, "out">];
  let GradReads = "2*out_bytes";
  let GradDoc = "dx = dy*(1 - y*y) from the saved output y: 2 mul + 1 add "
                "(the subtraction) per element";
}
def : PerElementRule<"Sqrt", 1, Sqrt, "one sqrt per element">;
def : PerElementRule<"Exp", 1, Exp, "one exp per element">;
def : PerElementRule<"Erf", 9, Erf, "one erf per element">;

def : Lowering<"", "Clip", 1, ElementwiseShape> {
  let Counts = [Count<MinMax, "2*out">];
  let Doc = "min(max(x, lo), hi): 2 min/max per element. Bounds left out "
            "(attributes before opset 11, inputs from 11) default to the "
            "type's lowest and max values and are still applied, as "
            "runtimes do.";
}

def : Lowering<"", "Pow", 1, PowShape> {
  let Counts = [Count<Mul, "muls*out">,
                Count<Log, "general*out">,
                Count<Mul, "general*out">,
                Count<Exp, "general*out">];
  let Doc = "constant integer exponent e >= 0: binary exponentiation, "
            "floor(log2 e) + popcount(e) - 1 mul per element (x^2: 1 mul). "
            "Integer base, other exponents: the same for e = n-1, the "
            "largest that fits an n-bit result (a worst case; i32: 8 mul). "
            "Otherwise exp(y * log(x)): 1 log, 1 mul, 1 exp per element.";
}

def : Lowering<"", "Sum", 1, VariadicShape> {
  let Counts = [Count<Add, "(k-1)*out">];
  let Doc = "k inputs (broadcast): k-1 adds per output element";
  let GradCounts = [];
  let GradReads = "out_bytes";
  let GradDoc = "dy passed to every input (copies); the sums over the dims "
                "an input was broadcast along are not counted (the Variadic "
                "binder does not give the inputs' sizes)";
}

def : Lowering<"", "Cast", 1, CastShape> {
  let Counts = [Count<Cvt, "numeric*out", "out0">];
  let Reads = "in_b";
  let Writes = "out_b";
  let Doc = "one conversion per element, at the target type (output 0). To "
            "or from string: formatting or parsing per character of text "
            "whose length is known only at run time, not counted; strings "
            "move as 32-byte objects (ops/Text.td).";
}
