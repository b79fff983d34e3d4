//===- ops/Tensor.td - Lowering rules: data movement ----------------------===//
//
// Ops that do no arithmetic: every rule here has no Counts, which states
// that explicitly (OpSchema.td). They differ only in memory traffic:
//  - View-like ops (Reshape, Flatten, Squeeze, Unsqueeze, Identity) change
//    metadata only: real runtimes alias the output to the input buffer, so
//    they read and write nothing. Shape reads only metadata.
//  - Constant is folded into an initializer by runtimes when the session is
//    created; like a weight it costs nothing per inference (its consumers
//    pay for reading it).
//  - Ops that build a new tensor write it: Transpose and Concat read every
//    input byte and write the output; Gather and Slice read only the
//    elements they copy (out_bytes; index and start/end inputs are small
//    metadata) and write them; ConstantOfShape writes its output and reads
//    only the shape (metadata).
// Opset versions of these ops changed types and where parameters come from
// (attributes or inputs), never the cost, so each has one rule.
//
//===----------------------------------------------------------------------===//

// Metadata-only: no arithmetic, no traffic.
class ViewRule<string opType, int since, string doc>
    : Lowering<"", opType, since, DataShape> {
  let Reads = "0";
  let Writes = "0";
  let Doc = doc;
  // The gradient is the output gradient viewed in the input's shape.
  let GradCounts = [];
  let GradReads = "0";
  let GradWrites = "0";
  let GradDoc = "the output gradient aliased in the input's shape";
}

def : ViewRule<"Reshape", 1, "metadata only: the output aliases the input">;
def : ViewRule<"Flatten", 1, "metadata only: the output aliases the input">;
def : ViewRule<"Squeeze", 1, "metadata only: the output aliases the input">;
def : ViewRule<"Unsqueeze", 1,
               "metadata only: the output aliases the input">;
def : ViewRule<"Identity", 1,
               "metadata only: the output aliases the input">;
def : ViewRule<"Shape", 1, "metadata only: reads the input's shape, not "
                           "its data">;
def : ViewRule<"Constant", 1, "folded into an initializer when the session "
                              "is created: no per-inference cost (readers "
                              "of the value pay for reading it)">;

def : Lowering<"", "ConstantOfShape", 9, DataShape> {
  let Reads = "0";
  let Doc = "writes the filled output; the shape input is metadata";
}

def : Lowering<"", "Transpose", 1, DataShape> {
  let Doc = "a permuted copy: reads the input, writes the output";
  let GradCounts = [];
  let GradReads = "out_bytes";
  let GradDoc = "the inverse permutation of dy: a copy";
}

def : Lowering<"", "Concat", 1, DataShape> {
  let Doc = "a copy of every input into the output";
  let GradCounts = [];
  let GradReads = "out_bytes";
  let GradDoc = "dy split into the inputs' gradients: a copy";
}

def : Lowering<"", "Gather", 1, DataShape> {
  let Reads = "out_bytes";
  let Doc = "copies the selected slices: reads and writes out_bytes (the "
            "indices are not counted)";
}

def : Lowering<"", "Slice", 1, DataShape> {
  let Reads = "out_bytes";
  let Doc = "copies the selected elements: reads and writes out_bytes "
            "(starts/ends/axes/steps are metadata)";
}

//===----------------------------------------------------------------------===//
// More data movement (no Counts: no arithmetic), and ops whose only
// arithmetic is an index compare or a reduction into the output
//===----------------------------------------------------------------------===//

// Copies: read every input byte, write every output byte.
class CopyRule<string opType, int since, string doc>
    : Lowering<"", opType, since, DataShape> {
  let Doc = doc;
}
def : CopyRule<"Split", 1, "a copy of the input into the outputs">;
def : CopyRule<"Tile", 1, "the input read once, the repeated output "
                          "written">;
def : CopyRule<"Expand", 8, "the input read once, the broadcast output "
                            "written">;
def : CopyRule<"Pad", 1, "the input copied into the output, the padding "
                         "written (constant, reflect and edge modes alike)">;
def : CopyRule<"DepthToSpace", 1, "a permuted copy">;
def : CopyRule<"SpaceToDepth", 1, "a permuted copy">;
def : CopyRule<"ReverseSequence", 10, "a permuted copy">;
def : CopyRule<"Compress", 9, "the selected slices copied (the condition "
                              "is read)">;
def : CopyRule<"MaxUnpool", 9, "the output zero-filled and the input "
                               "scattered into it">;
def : Lowering<"", "SplitToSequence", 11, SeqTensorShape> {
  let Reads = "tensor_b";
  let Writes = "tensor_b";
  let Doc = "a copy of the input into the sequence's tensors: reads and "
            "writes the input's bytes";
}
def : Lowering<"", "ConcatFromSequence", 11, SeqTensorShape> {
  let Reads = "tensor_b";
  let Writes = "tensor_b";
  let Doc = "a copy of the sequence's tensors into the output: reads and "
            "writes the output's bytes";
}

def : Lowering<"", "GatherElements", 11, DataShape> {
  let Reads = "out_bytes";
  let Doc = "copies the selected elements: reads and writes out_bytes (the "
            "indices are not counted)";
}
def : Lowering<"", "GatherND", 11, DataShape> {
  let Reads = "out_bytes";
  let Doc = "copies the selected slices: reads and writes out_bytes (the "
            "indices are not counted)";
}
def : Lowering<"", "EyeLike", 9, DataShape> {
  let Reads = "0";
  let Doc = "writes the identity-patterned output; the input is only its "
            "shape";
}
def : ViewRule<"Size", 1, "metadata only: the element count of the input's "
                          "shape">;
def : ViewRule<"Optional", 15, "metadata only: wraps a value">;
def : ViewRule<"OptionalGetElement", 15, "metadata only: unwraps a value">;
def : ViewRule<"OptionalHasElement", 15, "metadata only: a presence flag">;
def : ViewRule<"SequenceEmpty", 11, "metadata only: an empty sequence">;
def : ViewRule<"SequenceLength", 11, "metadata only: the sequence length">;
def : ViewRule<"SequenceConstruct", 11, "metadata only: the sequence refers "
                                        "to its tensors">;
def : ViewRule<"SequenceAt", 11, "metadata only: refers to one tensor of "
                                 "the sequence">;
def : ViewRule<"SequenceInsert", 11, "metadata only: the sequence refers to "
                                     "the tensor">;
def : ViewRule<"SequenceErase", 11, "metadata only: the sequence drops a "
                                    "reference">;

def : Lowering<"", "CastLike", 15, CastShape> {
  let Counts = [Count<Cvt, "numeric*out", "out0">];
  let Reads = "in_b";
  let Writes = "out_b";
  let Doc = "one conversion per element, at the target type (output 0), as "
            "Cast (to or from string: not counted, strings move as 32-byte "
            "objects)";
}

// Scatter*: the updates are copied into a copy of the data; with a
// reduction (opset 16+) each update element is combined with the element it
// lands on by one add, mul or min/max.
class ScatterRule<string opType, int since>
    : Lowering<"", opType, since, ScatterShape> {
  let Counts = [Count<Add, "reduce_add*updates">,
                Count<Mul, "reduce_mul*updates">,
                Count<MinMax, "reduce_minmax*updates">];
  let Doc = "a copy of data with updates written into it; reduction add, "
            "mul, min or max: one add, mul or min/max per update element";
}
def : ScatterRule<"Scatter", 9>;
def : ScatterRule<"ScatterElements", 11>;
def : ScatterRule<"ScatterND", 11>;

// Resize/Upsample: nearest is a copy; linear interpolates each output
// element from 2^r neighbours (r resized dims) by 2^r - 1 one-dimensional
// lerps a + t*(b - a) = 2 add + 1 mul; cubic weights 4^r taps (4^r mul,
// 4^r - 1 add). Coordinate transforms and weights are per output index
// along one axis and are not counted.
class ResizeRule<string opType, int since>
    : Lowering<"", opType, since, ResizeShape> {
  let Counts = [Count<Add, "2*lerps">, Count<Mul, "lerps">,
                Count<Mul, "cubic_taps">,
                Count<Add, "max(cubic_taps - out, 0)">];
  let Doc = "nearest: a copy. linear (bilinear, trilinear): per output "
            "element 2^r - 1 lerps over the r resized dims, each 2 add + 1 "
            "mul. cubic: 4^r mul and 4^r - 1 add per output element. The "
            "per-axis coordinate and weight computations are not counted.";
}
def : ResizeRule<"Resize", 10>;
def : ResizeRule<"Upsample", 1>;

def : Lowering<"", "NonZero", 9, ElementwiseShape> {
  let Counts = [Count<Cmp, "in">];
  let Doc = "x != 0: one cmp per input element; writing the indices is "
            "data movement";
}
def : Lowering<"", "Range", 11, ElementwiseShape> {
  let Counts = [Count<Add, "max(out-1, 0)">];
  let Doc = "start + i*delta by accumulation: one add per output element "
            "after the first, at start's type";
}
def : Lowering<"", "OneHot", 9, ElementwiseShape> {
  let Counts = [Count<Cmp, "out">, Count<Select, "out", "in2">];
  let Doc = "per output element, index == position (cmp at the indices' "
            "type) and a select of the on or off value (at values' type)";
}
def : Lowering<"", "Trilu", 14, ElementwiseShape> {
  let Counts = [Count<Cmp, "out">, Count<Select, "out">];
  let Doc = "per element, a compare of the diagonal offset j - i with k and "
            "a select of x or 0 (both counted at X's type)";
}

// Unique: ONNX Runtime's CPU kernel (tensor/unique.cc) inserts the input's
// elements (or, with an axis, its slices along the axis) into an ordered
// map, sorted or not (unsorted output is reordered by first occurrence
// afterwards): a comparison sort of the `slices` entries, ceil(log2(slices))
// comparisons each, where comparing two slices compares up to slice_len
// elements (lexicographic). The optional counts output is one increment per
// input slice. The outputs' sizes depend on the data: each is written at
// its largest (Y as large as X, each present index output one int64 per
// input slice).
def UniqueShape : ShapeBinder<"Unique", ["slices", "slice_len", "numeric",
                                         "counts", "index_outs", "in_b"]> {
  let Doc = "without axis: slices = the elements of X, slice_len = 1; with "
            "axis: slices = X's dim at the axis, slice_len = the product of "
            "the others. numeric: 0 for a string X (string comparisons are "
            "not counted, ops/Text.td). counts: 1 if output 3 (counts) is "
            "present. index_outs: how many of outputs 1-3 are present. "
            "in_b: X's bytes, strings as 32-byte objects (ops/Text.td).";
}

def : Lowering<"", "Unique", 11, UniqueShape> {
  let Counts = [Count<Cmp, "numeric*slices*clog2(slices)*slice_len">,
                Count<Add, "counts*slices", "out3">];
  let Reads = "in_b";
  let Writes = "in_b + index_outs*slices*8";
  let Doc = "a comparison sort of the elements (or axis slices): "
            "slices*ceil(log2 slices) comparisons of up to slice_len element "
            "cmp each (an upper bound for slices that differ early; not "
            "counted for strings); counts: 1 add per input slice. Writes "
            "the outputs at their largest: Y as X, 8 bytes per input slice "
            "per present index output.";
}
