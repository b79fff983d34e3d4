//===- ops/OpSchema.td - Primitive catalog and lowering rule schema -------===//
//
// The classes that ops/*.td instantiate. onnx-energy-tblgen reads the records
// of these classes, validates them and emits the tables that lib/Lower uses:
//   -gen-primitives  DTypes, cells, primitives and the transistor table
//   -gen-lowerings   shape binders and lowering rules
//
// Expressions. Several fields are integer expressions written as strings:
//   expr := term (('+'|'-') term)*      term := factor (('*'|'/') factor)*
//   factor := INT | IDENT | IDENT '(' expr (',' expr)* ')' | '(' expr ')'
// Functions: clog2(x) (ceil log2, clog2(1) = 0), min(a,b), max(a,b),
// cdiv(a,b) (ceil division). '/' is floor division. Which identifiers an
// expression may name depends on the field (documented there); an unknown
// identifier is a build error at the record's location.
//
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

// One ONNX tensor element type and the widths its circuits are built for.
class DType<string name, int onnxType, int nbits> {
  string Name = name;        // short name in reports: "f32"
  int OnnxType = onnxType;   // TensorProto.DataType enum value
  int Bits = nbits;          // n: storage width in bits
  int ExpBits = 0;           // e: exponent field width (0 for integer and bool)
  int MantBits = nbits;      // m: significand width incl. hidden bit (floats);
                             //    the value width for integers
  bit IsFloat = 0;
  bit IsSigned = 0;
  bit IsBool = 0;
  // p: degree of the polynomial that approximates exp/log/tanh/erf on the
  // reduced range at this precision (derivation in docs/TransistorOperations.md).
  int PolyDegree = 0;
  string Source = ?;         // where the format's widths come from
}

class FloatType<string name, int onnxType, int nbits, int expBits, int mantBits,
                int polyDegree> : DType<name, onnxType, nbits> {
  let ExpBits = expBits;
  let MantBits = mantBits;
  let IsFloat = 1;
  let IsSigned = 1;
  let PolyDegree = polyDegree;
}

class IntType<string name, int onnxType, int nbits, bit signed>
    : DType<name, onnxType, nbits> {
  let IsSigned = signed;
}

//===----------------------------------------------------------------------===//
// Circuit cells
//===----------------------------------------------------------------------===//

// A standard cell with a fixed transistor count, the unit circuits are built of.
class Cell<string name, int transistors> {
  string Name = name;         // identifier usable in circuit expressions
  int Transistors = transistors;
  string Source = ?;
}

//===----------------------------------------------------------------------===//
// Primitives
//===----------------------------------------------------------------------===//

// A primitive arithmetic operation. Its cost in transistor operations (TOs) at
// a given element type is the value of one of the circuit expressions below,
// evaluated with:
//   n, e, m, p      the DType's Bits, ExpBits, MantBits, PolyDegree
//   <cell name>     the Cell's transistor count
//   <primitive>     another primitive's cost at the same DType (no cycles)
// An empty circuit ("") means the primitive does not exist for that class of
// types; a lowering that needs it there is an error at run time, never a zero.
class Primitive<string name> {
  string Name = name;           // identifier in reports and in expressions
  string Description = ?;       // one line: what circuit computes it
  string FloatCircuit = "";     // for DTypes with IsFloat
  string IntCircuit = "";       // for integer DTypes
  string BoolCircuit = "";      // for IsBool DTypes
  int Flops = 1;                // weight in the conventional FLOP count
                                // (fma = 2, data movement = 0)
  string Source = ?;            // derivation / reference
}

//===----------------------------------------------------------------------===//
// Lowering rules
//===----------------------------------------------------------------------===//

// A named set of shape quantities that a C++ binder computes for a node
// (lib/Lower/Binders.cpp defines `bind<Name>`). Every binder also provides the
// common quantities:
//   in_bytes   sum of the byte sizes of all present inputs
//   out_bytes  sum of the byte sizes of all outputs
//   in         element count of input 0
//   out        element count of output 0
class ShapeBinder<string name, list<string> quantities> {
  string Name = name;
  list<string> Quantities = quantities;
  string Doc = "";              // what each quantity means
}

// `Expr` primitives of kind `Prim`, at the element type of operand `On`
// ("in0", "in1", ..., "out0", ...).
class Count<Primitive prim, string expr, string on = "in0"> {
  Primitive Prim = prim;
  string Expr = expr;
  string On = on;
}

// How one op, from opset version `Since` of its domain until the next rule for
// the same (Domain, OpType), lowers to primitives. Expressions name the
// binder's quantities and the common ones. A rule with no Counts is an explicit
// statement that the op does no arithmetic (data movement only).
class Lowering<string domain, string opType, int since, ShapeBinder binder> {
  string Domain = domain;       // "" is ai.onnx
  string OpType = opType;
  int Since = since;
  ShapeBinder Binder = binder;
  list<Count> Counts = [];
  string MACs = "0";            // multiply-accumulates, as conventionally counted
  string Reads = "in_bytes";    // bytes read from memory
  string Writes = "out_bytes";  // bytes written to memory
  string Doc = "";              // limitations, conventions

  // Training (--mode=train, docs/Training.md). The backward pass of the op:
  // the gradients of its inputs from the gradients of its outputs, over the
  // same binder as the forward rule. Besides the binder's quantities, these
  // expressions may name dx0, dx1, dx2: 1 if input 0, 1, 2 needs a gradient
  // (it is a trainable parameter or depends on one), else 0, so that the
  // first layer computes no gradient of the data.
  //   GradCounts left `?`: the op has no gradient rule; train mode reports a
  //   node that needs one and does not cost it. [] states that the backward
  //   pass does no arithmetic (reshape-likes).
  list<Count> GradCounts = ?;
  string GradMACs = "0";        // multiply-accumulates of the backward pass
  // Bytes the backward pass reads (the saved forward tensors and the output
  // gradients, as large as the outputs) and writes (the input gradients).
  string GradReads = "in_bytes + out_bytes";
  string GradWrites = "in_bytes";
  // Inputs that never receive a gradient although they may be floating-point
  // initializers (BatchNormalization's running statistics): they are not
  // trainable parameters and the optimizer does not update them.
  list<int> NoGradInputs = [];
  string GradDoc = "";          // the derivation of the backward counts
}

//===----------------------------------------------------------------------===//
// Optimizers
//===----------------------------------------------------------------------===//

// One optimizer's update of one parameter tensor per training step
// (--optimizer=<Name>). Counts' expressions name n, the elements of the
// tensor; Counts[].On is ignored (the parameter's element type is used).
// Traffic per tensor per step: the parameter, its gradient and the
// StateTensors state tensors are read, the parameter and the state tensors
// written.
class Optimizer<string name> {
  string Name = name;
  list<Count> Counts = [];
  int StateTensors = 0;         // tensors of the parameter's shape kept
                                // between steps (velocity, moments)
  string Doc = "";              // the update, one line
  string Source = ?;            // where the update formulas come from
}
