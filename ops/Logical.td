//===- ops/Logical.td - Lowering rules: comparison and logic --------------===//
//
// Comparisons cost one cmp per output element (after broadcasting) at the
// operands' type (input 0). Boolean logic uses the bool circuits that exist
// (cmp, and, select): inversions fold into the gates (a NAND/NOR costs what
// an AND does), so
//   Not x   = (x == false)   one bool cmp
//   And     one and
//   Or      = not(not a and not b): one and
//   Xor     = not(a == b):   one bool cmp
// IsNaN is x != x (one cmp); IsInf compares |x| against infinity and the
// sign (2 cmp). Where is one select per output element, at the type of
// its X input (input 1), not the bool condition.
//
//===----------------------------------------------------------------------===//

def : PerElementRule<"Equal", 1, Cmp, "one cmp per output element">;
def : PerElementRule<"Less", 1, Cmp, "one cmp per output element">;
def : PerElementRule<"Greater", 1, Cmp, "one cmp per output element">;
def : PerElementRule<"LessOrEqual", 12, Cmp, "one cmp per output element">;
def : PerElementRule<"GreaterOrEqual", 12, Cmp,
                     "one cmp per output element">;
def : PerElementRule<"Not", 1, Cmp,
                     "x == false: one bool cmp per element">;
def : PerElementRule<"And", 1, And, "one and per output element">;
def : PerElementRule<"Or", 1, And,
                     "not(not a and not b), inversions folded: one and per "
                     "output element">;
def : PerElementRule<"Xor", 1, Cmp,
                     "not(a == b), inversion folded: one bool cmp per output "
                     "element">;
def : PerElementRule<"IsNaN", 9, Cmp, "x != x: one cmp per element">;
def : PerElementRule2<"IsInf", 10, [Count<Cmp, "2*out">],
                      "compare with +inf and -inf: 2 cmp per element (also "
                      "when detect_positive/negative switch one off)">;

def : Lowering<"", "Where", 9, ElementwiseShape> {
  let Counts = [Count<Select, "out", "in1">];
  let Doc = "one select per output element (broadcast), at X's type "
            "(input 1)";
}
