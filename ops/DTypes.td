//===- ops/DTypes.td - ONNX element types and their circuit widths --------===//
//
// One record per ONNX tensor element type the primitive catalog is evaluated
// at. OnnxType is the TensorProto.DataType number; Name matches the short
// names the graph uses (lib/Graph/Graph.cpp: elemTypeName). Each record gives
// the widths its circuits are built for:
//   n = Bits      storage width
//   e = ExpBits   exponent field (floats)
//   m = MantBits  significand incl. the hidden bit (floats), value width (ints)
//   p = PolyDegree
//
// PolyDegree (floats only; 0 for integers and bool) is the smallest degree d
// such that the Taylor remainder of exp on the reduced range |r| <= ln2/2 is
// below 2^-m:  (ln2/2)^(d+1) / (d+1)! < 2^-m.  Values (python3, see
// docs/TransistorOperations.md "PolyDegree"):
//   m = 53 -> 13,  24 -> 7,  11 -> 4,  8 -> 3,  4 -> 1,  3 -> 1.
//
// TensorProto.DataType numbers 1..16 are in the onnx.proto this project
// builds against (ONNX 1.12, /usr/include/onnx/onnx.proto); 17..20 (FLOAT8*)
// were added in ONNX 1.14 (IR version 9) and 21/22 (UINT4/INT4) in ONNX 1.16
// (IR version 10, onnx/onnx PR #5811).
//
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// IEEE 754 binary formats
//===----------------------------------------------------------------------===//

// FloatType<name, onnxType, bits, expBits, mantBits (incl. hidden), p>
def F32 : FloatType<"f32", 1, 32, 8, 24, 7> {
  let Source = "IEEE Std 754-2008 binary32 (w = 8, p = 24); "
               "onnx.proto TensorProto.FLOAT = 1";
}
def F16 : FloatType<"f16", 10, 16, 5, 11, 4> {
  let Source = "IEEE Std 754-2008 binary16 (w = 5, p = 11); "
               "onnx.proto TensorProto.FLOAT16 = 10";
}
def F64 : FloatType<"f64", 11, 64, 11, 53, 13> {
  let Source = "IEEE Std 754-2008 binary64 (w = 11, p = 53); "
               "onnx.proto TensorProto.DOUBLE = 11";
}

//===----------------------------------------------------------------------===//
// bfloat16
//===----------------------------------------------------------------------===//

def BF16 : FloatType<"bf16", 16, 16, 8, 8, 3> {
  let Source = "Intel, BFLOAT16 - Hardware Numerics Definition, rev. 1.0 "
               "(2018), doc. 338302-001US: 1 sign, 8 exponent, 7 stored "
               "significand bits; onnx.proto TensorProto.BFLOAT16 = 16 "
               "(same layout stated there)";
}

//===----------------------------------------------------------------------===//
// 8-bit floats (ONNX >= 1.14, IR version 9)
//===----------------------------------------------------------------------===//

// E4M3: 4 exponent bits, 3 stored significand bits (m = 4).
def F8E4M3FN : FloatType<"f8e4m3fn", 17, 8, 4, 4, 1> {
  let Source = "OCP 8-bit Floating Point Specification (OFP8) rev. 1.0 "
               "(2023), E4M3; Micikevicius et al., FP8 Formats for Deep "
               "Learning, arXiv 2209.05433; onnx.proto (ONNX >= 1.14) "
               "TensorProto.FLOAT8E4M3FN = 17, "
               "https://onnx.ai/onnx/technical/float8.html";
}
def F8E4M3FNUZ : FloatType<"f8e4m3fnuz", 18, 8, 4, 4, 1> {
  let Source = "Noune et al., 8-bit Numerical Formats for Deep Neural "
               "Networks, arXiv 2206.02915 (no negative zero, no inf); "
               "onnx.proto (ONNX >= 1.14) TensorProto.FLOAT8E4M3FNUZ = 18, "
               "https://onnx.ai/onnx/technical/float8.html";
}
// E5M2: 5 exponent bits, 2 stored significand bits (m = 3).
def F8E5M2 : FloatType<"f8e5m2", 19, 8, 5, 3, 1> {
  let Source = "OCP 8-bit Floating Point Specification (OFP8) rev. 1.0 "
               "(2023), E5M2; Micikevicius et al., arXiv 2209.05433; "
               "onnx.proto (ONNX >= 1.14) TensorProto.FLOAT8E5M2 = 19, "
               "https://onnx.ai/onnx/technical/float8.html";
}
def F8E5M2FNUZ : FloatType<"f8e5m2fnuz", 20, 8, 5, 3, 1> {
  let Source = "Noune et al., arXiv 2206.02915; onnx.proto (ONNX >= 1.14) "
               "TensorProto.FLOAT8E5M2FNUZ = 20, "
               "https://onnx.ai/onnx/technical/float8.html";
}

//===----------------------------------------------------------------------===//
// Integers (two's complement when signed)
//===----------------------------------------------------------------------===//

let Source = "onnx.proto TensorProto.DataType (INT8 = 3, INT16 = 5, "
             "INT32 = 6, INT64 = 7, UINT8 = 2, UINT16 = 4, UINT32 = 12, "
             "UINT64 = 13); width from the C type named there" in {
  def I8  : IntType<"i8",  3,  8,  1>;
  def I16 : IntType<"i16", 5,  16, 1>;
  def I32 : IntType<"i32", 6,  32, 1>;
  def I64 : IntType<"i64", 7,  64, 1>;
  def U8  : IntType<"u8",  2,  8,  0>;
  def U16 : IntType<"u16", 4,  16, 0>;
  def U32 : IntType<"u32", 12, 32, 0>;
  def U64 : IntType<"u64", 13, 64, 0>;
}

// 4-bit integers (ONNX >= 1.16, IR version 10); stored two to a byte, so the
// storage width per element is 4 bits.
def I4 : IntType<"i4", 22, 4, 1> {
  let Source = "onnx.proto (ONNX >= 1.16, IR version 10) TensorProto.INT4 = "
               "22, signed [-8, 7], packed two per byte; "
               "https://onnx.ai/onnx/technical/int4.html";
}
def U4 : IntType<"u4", 21, 4, 0> {
  let Source = "onnx.proto (ONNX >= 1.16, IR version 10) TensorProto.UINT4 "
               "= 21, [0, 15], packed two per byte; "
               "https://onnx.ai/onnx/technical/int4.html";
}

//===----------------------------------------------------------------------===//
// Boolean
//===----------------------------------------------------------------------===//

// Stored one byte per element (n = 8), but the logic works on one bit, so the
// value width m is 1. Bool circuits are written in cells directly.
def Bool : DType<"bool", 9, 8> {
  let MantBits = 1;
  let IsBool = 1;
  let Source = "onnx.proto TensorProto.BOOL = 9; raw_data stores one byte "
               "per element";
}
