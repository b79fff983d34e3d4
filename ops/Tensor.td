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
}

def : Lowering<"", "Concat", 1, DataShape> {
  let Doc = "a copy of every input into the output";
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
