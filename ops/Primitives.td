//===- ops/Primitives.td - The primitive arithmetic circuits --------------===//
//
// Every op lowers to counts of these primitives (ops/Linear.td, NN.td, ...).
// A primitive's cost in transistor operations (TOs) at an element type is
// the value of its circuit expression for that class of type (float, int,
// bool), with n, e, m, p the type's widths (ops/DTypes.td), cell names
// standing for their transistor counts (ops/Cells.td) and primitive names
// for that primitive's cost at the same type. An empty circuit means the
// primitive does not exist for that class; the table holds -1 there and a
// lowering that needs it is an error, never a zero.
//
// Conventions (derivations and tables in docs/TransistorOperations.md):
//  - A combinational circuit costs one TO per transistor per operation; an
//    iterative circuit costs its step circuit times the number of steps.
//    Registers and clocking are not counted.
//  - Adders are ripple-carry (n FA), multipliers are arrays, shifters are
//    logarithmic barrel shifters (width x clog2(width) MUX2).
//  - Float significands carry 3 extra bits (guard, round, sticky) through
//    addition: w = m + 3. Rounding is round-to-nearest-even: an m-bit
//    incrementer (m HA) and its decision (2 OR2 + AND2).
//  - Flops: the weight in a conventional FLOP count. fma = 2; every
//    arithmetic or comparison primitive = 1; select, cvt and and = 0 (data
//    movement or logic, not floating-point arithmetic).
//
// The record names and Name strings are referenced by the lowering rules:
// do not rename.
//
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// Addition and multiplication
//===----------------------------------------------------------------------===//

def Add : Primitive<"add"> {
  let Description = "add or subtract: ripple-carry adder (int); exponent "
                    "compare, align, add, normalise, round (float)";
  // Float, w = m+3: exponent difference (e FA); swap significands and pick
  // the larger exponent ((2m+e) MUX2); alignment shifter (w clog2(w) MUX2)
  // with sticky OR (w OR2); conditional inversion of the aligned operand and
  // of a negative result (2w XOR2); significand adder (w FA); leading-zero
  // counter (w OR2 + cdiv(w,2) MUX2); normalisation shifter (w clog2(w)
  // MUX2); rounding (m HA + 2 OR2 + AND2); exponent adjust (e FA); sign of
  // the effective operation (XOR2).
  let FloatCircuit = "2*e*FA + (m+3)*(FA + 2*OR2 + 2*XOR2 "
                     "+ 2*clog2(m+3)*MUX2) + (2*m + e + cdiv(m+3,2))*MUX2 "
                     "+ m*HA + 2*OR2 + AND2 + XOR2";
  // Int: n-bit ripple-carry adder; subtraction's operand inversion is
  // folded into the same count.
  let IntCircuit = "n*FA";
  let Flops = 1;
  let Source = "ripple-carry adder 28n (REFERENCE.md); single-path FP adder: "
               "Muller et al., Handbook of Floating-Point Arithmetic, 2nd "
               "ed. (2018), ch. on hardware FP arithmetic; leading-zero "
               "counter: Oklobdzija, IEEE TVLSI 2(1), 1994; derivation in "
               "docs/TransistorOperations.md#add";
}

def Mul : Primitive<"mul"> {
  let Description = "multiply: n x n array multiplier (int); m x m "
                    "significand array, exponent add, normalise, round "
                    "(float)";
  // Float: significand array multiplier (m^2 AND2 + m(m-2) FA + m HA);
  // exponent add and bias subtraction (2e FA); one-bit normalisation shift
  // (m MUX2); sticky OR of the low half (m OR2); rounding (m HA + 2 OR2 +
  // AND2); exponent increment (e HA); sign (XOR2).
  let FloatCircuit = "m*m*AND2 + m*(m-2)*FA + m*HA + 2*e*FA "
                     "+ m*(MUX2 + OR2 + HA) + 2*OR2 + AND2 + e*HA + XOR2";
  // Int: n x n array multiplier: n^2 partial-product AND2, n(n-2) FA and
  // n HA in the reduction rows.
  let IntCircuit = "n*n*AND2 + n*(n-2)*FA + n*HA";
  let Flops = 1;
  let Source = "array multiplier n^2 AND + n(n-2) FA + n HA (REFERENCE.md; "
               "Weste & Harris, CMOS VLSI Design, 4th ed., sec. 11.9); FP "
               "multiplier: Muller et al., Handbook of Floating-Point "
               "Arithmetic, 2nd ed.; docs/TransistorOperations.md#mul";
}

def FMA : Primitive<"fma"> {
  let Description = "fused multiply-add a*b+c with one rounding: multiplier "
                    "array + (3m+2)-bit aligned adder (float); multiplier + "
                    "2n-bit accumulate (int)";
  // Float, W = 3m+2 (the addend is aligned over the whole product range):
  // significand array (as in mul); exponents: product exponent and bias
  // (2e FA), shift amount (e FA), final adjust (e FA); addend alignment
  // shifter (W clog2(W) MUX2) with sticky (W OR2); conditional inversion
  // and result complement (2W XOR2); W-bit adder (W FA); leading-zero
  // counter (W OR2 + cdiv(W,2) MUX2); normalisation shifter (W clog2(W)
  // MUX2); rounding (m HA + 2 OR2 + AND2); sign (XOR2).
  let FloatCircuit = "m*m*AND2 + m*(m-2)*FA + m*HA + 4*e*FA "
                     "+ (3*m+2)*(FA + 2*OR2 + 2*XOR2 "
                     "+ 2*clog2(3*m+2)*MUX2) + cdiv(3*m+2,2)*MUX2 "
                     "+ m*HA + 2*OR2 + AND2 + XOR2";
  // Int: the n x n product is 2n bits wide; accumulating it is a 2n-bit
  // addition.
  let IntCircuit = "mul + 2*add";
  let Flops = 2;
  let Source = "FMA with 3m+2-bit alignment: Montoye, Hokenek, Runyon, IBM "
               "J. Res. Dev. 34(1), 1990; docs/TransistorOperations.md#fma";
}

//===----------------------------------------------------------------------===//
// Division and roots
//===----------------------------------------------------------------------===//

def Div : Primitive<"div"> {
  let Description = "divide: radix-2 SRT digit recurrence, m+2 steps of an "
                    "(m+2)-bit carry-save add/sub (float); non-restoring, n "
                    "steps of an n-bit add/sub (int)";
  // Float, radix-2 SRT with the partial remainder in carry-save form; one
  // quotient bit per step, m+2 steps (m bits, guard, round). Step: divisor
  // multiple -d/0/+d ((m+2) XOR2 + (m+2) AND2), 3:2 carry-save row ((m+2)
  // FA), quotient-digit selection on a 4-bit estimate of the remainder
  // (4 FA + 3 NAND2). Around the loop: exponent subtract and bias (2e FA);
  // remainder sign/zero for the sticky bit ((m+2) FA + (m+2) OR2); quotient
  // conversion from signed digits ((m+2) FA); one-bit normalisation (m
  // MUX2); rounding (m HA + 2 OR2 + AND2); exponent adjust (e HA); sign.
  let FloatCircuit = "(m+2)*((m+2)*(XOR2 + AND2 + FA) + 4*FA + 3*NAND2) "
                     "+ 2*e*FA + (m+2)*(2*FA + OR2) + m*(MUX2 + HA) "
                     "+ 2*OR2 + AND2 + e*HA + XOR2";
  // Int, non-restoring: n steps, each an n-bit add/sub whose operation the
  // previous remainder's sign picks (n FA + n XOR2); final remainder
  // correction (n FA); signs: operands and quotient made positive/negative
  // by three conditional negations (3 abs).
  let IntCircuit = "n*n*(FA + XOR2) + n*FA + 3*abs";
  let Flops = 1;
  let Source = "SRT radix-2 division with carry-save remainder: Ercegovac & "
               "Lang, Digital Arithmetic (2004), ch. 5; Oberman & Flynn, "
               "IEEE TC 46(8), 1997; non-restoring integer division: "
               "Parhami, Computer Arithmetic, 2nd ed. (2010), ch. 13; "
               "docs/TransistorOperations.md#div";
}

def Sqrt : Primitive<"sqrt"> {
  let Description = "square root: radix-2 SRT digit recurrence, m+2 steps "
                    "of an (m+2)-bit carry-save add/sub with on-the-fly root "
                    "conversion (float only)";
  // Float: as the divider's step, plus on-the-fly conversion of the root
  // (two (m+2)-bit registers Q, Q-1 updated through 2(m+2) MUX2), since each
  // step subtracts a term formed from the partial root. Around the loop:
  // exponent halving and bias (e FA); odd-exponent pre-shift (m MUX2);
  // remainder sign/zero for the sticky bit ((m+2) FA + (m+2) OR2); rounding
  // (m HA + 2 OR2 + AND2).
  let FloatCircuit = "(m+2)*((m+2)*(XOR2 + AND2 + FA + 2*MUX2) + 4*FA "
                     "+ 3*NAND2) + e*FA + m*MUX2 + (m+2)*(FA + OR2) "
                     "+ m*HA + 2*OR2 + AND2";
  // ONNX Sqrt is defined for float types only.
  let Flops = 1;
  let Source = "SRT radix-2 square root with on-the-fly conversion: "
               "Ercegovac & Lang, Digital Arithmetic (2004), ch. 6; "
               "docs/TransistorOperations.md#sqrt";
}

def RSqrt : Primitive<"rsqrt"> {
  let Description = "reciprocal square root: integer-subtraction seed "
                    "(>= 4 bits) + Newton-Raphson, clog2(cdiv(m,4)) steps of "
                    "3 mul + 1 add (float only)";
  // Seed y0 = K - (bits(x) >> 1): one n-bit subtraction on the bit pattern
  // (n FA), relative error <= 3.42%, i.e. >= 4 correct bits. Each step
  // y' = y*(1.5 - (0.5x)*y*y) = 3 mul + 1 add (0.5x is an exponent
  // decrement) roughly doubles the correct bits, so reaching m bits takes
  // clog2(cdiv(m,4)) steps: f32 3, f64 4, f16 2, bf16 1, 8-bit floats 0.
  // A seed table instead would cost 2^t words, which the expression
  // language cannot state per type; see the docs.
  let FloatCircuit = "n*FA + clog2(cdiv(m,4))*(3*mul + add)";
  let Flops = 1;
  let Source = "seed: Lomont, Fast Inverse Square Root (2003), max relative "
               "error 3.42%; Moroz et al., arXiv 1603.04483; Newton-Raphson "
               "iteration: Muller, Elementary Functions, 3rd ed. (2016); "
               "docs/TransistorOperations.md#rsqrt";
}

//===----------------------------------------------------------------------===//
// Transcendental functions (float only)
//===----------------------------------------------------------------------===//

def Exp : Primitive<"exp"> {
  let Description = "exp: Cody-Waite range reduction to |r| <= ln2/2, "
                    "degree-p polynomial by Horner, exponent insertion";
  // k = round(x*log2e) by the shifter-constant trick: t = x*log2e + C (fma),
  // k = t - C (add); r = x - k*ln2_hi - k*ln2_lo (2 fma); exp(r) by Horner,
  // degree p (p fma); 2^k * exp(r): k added into the exponent field (e FA).
  let FloatCircuit = "(p+3)*fma + add + e*FA";
  let Flops = 1;
  let Source = "Cody & Waite, Software Manual for the Elementary Functions "
               "(1980); Muller, Elementary Functions, 3rd ed. (2016); "
               "p = PolyDegree, docs/TransistorOperations.md#polydegree";
}

def Log : Primitive<"log"> {
  let Description = "log: x = 2^k*M with M in [sqrt2/2, sqrt2), "
                    "log M = 2 atanh(s), s = (M-1)/(M+1), odd series of "
                    "cdiv(m,5) terms";
  // Range: compare M with sqrt2 and halve it if above (cmp; the halving is
  // an exponent change); f = M - 1, 2 + f (2 add); s = f/(2+f) (div);
  // z = s*s (mul); P(z) = 1 + z/3 + ... + z^(q-1)/(2q-1) by Horner (q-1
  // fma); 2s*P (mul); k to float (cvt); k*ln2_hi + ..., k*ln2_lo (2 fma).
  // |s| <= 3-2*sqrt2, so each term gains log2(1/s^2) = 5.09 bits and
  // q = cdiv(m,5) terms reach m bits.
  let FloatCircuit = "cmp + 2*add + div + 2*mul + (cdiv(m,5)+1)*fma + cvt";
  let Flops = 1;
  let Source = "Cody & Waite, Software Manual for the Elementary Functions "
               "(1980), ch. on log; Muller, Elementary Functions, 3rd ed. "
               "(2016); docs/TransistorOperations.md#log";
}

def Tanh : Primitive<"tanh"> {
  let Description = "tanh(x) = 1 - 2/(exp(2x) + 1)";
  // 2x is an exponent increment (e HA); exp; exp(2x) + 1 and 1 - q (2 add);
  // 2/(...) (div; the 2 is an exponent increment folded into it).
  let FloatCircuit = "e*HA + exp + 2*add + div";
  let Flops = 1;
  let Source = "identity tanh x = 1 - 2/(e^(2x)+1); "
               "docs/TransistorOperations.md#tanh";
}

def Erf : Primitive<"erf"> {
  let Description = "erf: branch-free rational form "
                    "1 - t*P(t)*exp(-x^2), t = 1/(1 + a|x|), P of degree 2p";
  // |x| (abs); u = 1 + a|x| (fma); t = 1/u (div); t*P(t), P of degree 2p by
  // Horner (2p fma + mul); -x^2 (mul); exp(-x^2) (exp); 1 - t*P*exp (fma);
  // copy the sign of x (abs).
  let FloatCircuit = "2*abs + div + 2*mul + (2*p+2)*fma + exp";
  let Flops = 1;
  let Source = "form of Abramowitz & Stegun (1964) 7.1.26 (degree 5 gives "
               "1.5e-7), degree raised to 2p for m-bit accuracy; "
               "docs/TransistorOperations.md#erf";
}

//===----------------------------------------------------------------------===//
// Comparison and selection
//===----------------------------------------------------------------------===//

def Cmp : Primitive<"cmp"> {
  let Description = "compare (any predicate), yields a bool: "
                    "subtractor-based comparator";
  // Float: IEEE values order like sign-magnitude integers: an (n-1)-bit
  // magnitude subtractor ((n-1) (FA + INV)), sign and +-0 fix-up
  // (4 NAND2), NaN detection on both operands (exponent all ones: e AND2,
  // fraction non-zero: (m-1) OR2, each).
  let FloatCircuit = "(n-1)*(FA + INV) + 2*(e*AND2 + (m-1)*OR2) + 4*NAND2";
  // Int: n-bit subtractor (n FA + n INV); signed less-than is the
  // difference's sign XOR overflow (XOR2).
  let IntCircuit = "n*(FA + INV) + XOR2";
  // Bool: equality is XNOR (XOR2 + INV); a < b is !a.b, cheaper.
  let BoolCircuit = "XOR2 + INV";
  let Flops = 1;
  let Source = "subtractor comparator: Parhami, Computer Arithmetic, 2nd ed. "
               "(2010); IEEE Std 754-2008 sec. 5.11 (comparison); "
               "docs/TransistorOperations.md#cmp";
}

def MinMax : Primitive<"minmax"> {
  let Description = "max or min: compare + n-bit 2:1 select";
  let FloatCircuit = "cmp + n*MUX2";
  let IntCircuit = "cmp + n*MUX2";
  // ONNX Max/Min are not defined for bool.
  let Flops = 1;
  let Source = "cmp + select; docs/TransistorOperations.md#minmax";
}

def Select : Primitive<"select"> {
  let Description = "2:1 choice per element (Where, ReLU's select): n MUX2 "
                    "on the value's width";
  let FloatCircuit = "n*MUX2";
  let IntCircuit = "n*MUX2";
  let BoolCircuit = "MUX2";
  let Flops = 0;
  let Source = "one MUX2 per bit; docs/TransistorOperations.md#select";
}

def Abs : Primitive<"abs"> {
  let Description = "abs or neg: sign bit only (float); conditional two's "
                    "complement, n XOR2 + n-bit incrementer (int)";
  // Float: one conditional flip of the sign bit serves abs, neg and
  // copysign.
  let FloatCircuit = "XOR2";
  // Int: invert under the sign (n XOR2), add 1 (n HA incrementer). Unsigned
  // abs is the identity but is charged the same: the table has no
  // signedness variable.
  let IntCircuit = "n*(XOR2 + HA)";
  let Flops = 1;
  let Source = "two's complement negation = invert + increment; IEEE Std "
               "754-2008 sec. 5.5.1 (sign-bit operations); "
               "docs/TransistorOperations.md#abs";
}

def Cvt : Primitive<"cvt"> {
  let Description = "type conversion, costed at the count's element type: "
                    "int<->float converter (shift, abs, leading zeros, "
                    "round, exponent)";
  // One converter of width n serves both directions (int -> float is the
  // larger): make positive (n XOR2 + n HA), leading-zero counter (n OR2 +
  // cdiv(n,2) MUX2), normalise/denormalise shifter (n clog2(n) MUX2),
  // round to m bits (m HA), exponent from the shift count (e FA). For
  // integers m = n and e = 0. Width changes between floats or between
  // integers are charged the same (an upper bound; int<->int is wiring).
  let FloatCircuit = "n*clog2(n)*MUX2 + n*(XOR2 + HA + OR2) "
                     "+ cdiv(n,2)*MUX2 + m*HA + e*FA";
  let IntCircuit = "n*clog2(n)*MUX2 + n*(XOR2 + HA + OR2) "
                   "+ cdiv(n,2)*MUX2 + m*HA + e*FA";
  // Bool: to or from a byte, a zero test over the byte ((n-1) OR2).
  let BoolCircuit = "(n-1)*OR2";
  let Flops = 0;
  let Source = "leading-zero counter: Oklobdzija, IEEE TVLSI 2(1), 1994; "
               "barrel shifter and rounding as in add; "
               "docs/TransistorOperations.md#cvt";
}

//===----------------------------------------------------------------------===//
// Bitwise and boolean logic
//===----------------------------------------------------------------------===//

def And : Primitive<"and"> {
  let Description = "bitwise/boolean and, or, xor: one 2-input gate per bit "
                    "(int, bool)";
  // Charged as AND2 (6) per bit for and, or and xor alike; a static CMOS
  // XOR2 is 12, so xor is under-counted by half. Not defined for floats
  // (ONNX has no bitwise ops on float tensors).
  let IntCircuit = "n*AND2";
  let BoolCircuit = "AND2";
  let Flops = 0;
  let Source = "one AND2/OR2 per bit; docs/TransistorOperations.md#and";
}
