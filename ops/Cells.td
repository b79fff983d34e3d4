//===- ops/Cells.td - Static CMOS cells the circuits are built of --------===//
//
// The unit cells of the primitive circuits (ops/Primitives.td), with their
// transistor counts in fully complementary static CMOS. A circuit expression
// names a cell by its Name and gets its transistor count. Only cells some
// circuit uses are listed. Registers (flip-flops) are deliberately absent:
// the TO model counts the arithmetic of each step, not the state that holds
// it between steps (docs/TransistorOperations.md, "Limitations").
//
// Reference: N. Weste, D. Harris, CMOS VLSI Design: A Circuits and Systems
// Perspective, 4th ed., Addison-Wesley 2011 (below: "W&H").
//
//===----------------------------------------------------------------------===//

def INV : Cell<"INV", 2> {
  let Source = "W&H ch. 1 (CMOS logic): one nMOS + one pMOS";
}

def NAND2 : Cell<"NAND2", 4> {
  let Source = "W&H ch. 1 (CMOS logic): two series nMOS + two parallel pMOS";
}

def AND2 : Cell<"AND2", 6> {
  let Source = "W&H ch. 1: NAND2 (4) + INV (2); a static CMOS stage "
               "inverts, so AND takes two stages";
}

def OR2 : Cell<"OR2", 6> {
  let Source = "W&H ch. 1: NOR2 (4) + INV (2)";
}

def XOR2 : Cell<"XOR2", 12> {
  let Source = "W&H ch. 9 (static CMOS XOR): complementary compound gate "
               "Y = !(A.B + !A.!B), 8 transistors, plus two INV for the "
               "complemented inputs (4) = 12";
}

def MUX2 : Cell<"MUX2", 12> {
  let Source = "W&H ch. 1 (multiplexers): static CMOS 2:1 multiplexer as "
               "AOI22 (8) + output INV (2) + INV for the complemented "
               "select (2) = 12 (not the 4-transistor transmission-gate "
               "mux, which does not restore levels)";
}

def HA : Cell<"HA", 18> {
  let Source = "half adder = XOR2 (12, sum) + AND2 (6, carry)";
}

def FA : Cell<"FA", 28> {
  let Source = "W&H sec. 11.2.1: mirror full adder, 24 transistors + 2 "
               "output INV (sum, carry) = 28; REFERENCE.md (Transistor "
               "Operations)";
}
