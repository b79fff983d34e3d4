//===- Graph/Graph.cpp - The analyzer's own model graph -------------------===//
//
// Element types, sizes and shape helpers of the graph every stage works on.
// Sizes are computed in checked arithmetic (Qty): a shape whose element count
// or byte size overflows 64 bits gives an invalid quantity, never a wrapped
// number.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Graph/Graph.h"

namespace onnx_energy {

const char *elemTypeName(ElemType T) {
  switch (T) {
  case ElemType::Undefined: return "undefined";
  case ElemType::Float: return "f32";
  case ElemType::UInt8: return "u8";
  case ElemType::Int8: return "i8";
  case ElemType::UInt16: return "u16";
  case ElemType::Int16: return "i16";
  case ElemType::Int32: return "i32";
  case ElemType::Int64: return "i64";
  case ElemType::String: return "string";
  case ElemType::Bool: return "bool";
  case ElemType::Float16: return "f16";
  case ElemType::Double: return "f64";
  case ElemType::UInt32: return "u32";
  case ElemType::UInt64: return "u64";
  case ElemType::Complex64: return "c64";
  case ElemType::Complex128: return "c128";
  case ElemType::BFloat16: return "bf16";
  case ElemType::Float8E4M3FN: return "f8e4m3fn";
  case ElemType::Float8E4M3FNUZ: return "f8e4m3fnuz";
  case ElemType::Float8E5M2: return "f8e5m2";
  case ElemType::Float8E5M2FNUZ: return "f8e5m2fnuz";
  case ElemType::UInt4: return "u4";
  case ElemType::Int4: return "i4";
  }
  return "unknown";
}

unsigned elemBits(ElemType T) {
  switch (T) {
  case ElemType::Undefined:
  case ElemType::String:
    return 0;
  case ElemType::UInt4:
  case ElemType::Int4:
    return 4;
  case ElemType::UInt8:
  case ElemType::Int8:
  case ElemType::Bool:
  case ElemType::Float8E4M3FN:
  case ElemType::Float8E4M3FNUZ:
  case ElemType::Float8E5M2:
  case ElemType::Float8E5M2FNUZ:
    return 8;
  case ElemType::UInt16:
  case ElemType::Int16:
  case ElemType::Float16:
  case ElemType::BFloat16:
    return 16;
  case ElemType::Int32:
  case ElemType::UInt32:
  case ElemType::Float:
    return 32;
  case ElemType::Int64:
  case ElemType::UInt64:
  case ElemType::Double:
  case ElemType::Complex64:
    return 64;
  case ElemType::Complex128:
    return 128;
  }
  return 0;
}

Qty Value::numElements() const {
  if (!HasShape)
    return Qty::invalid();
  Qty N = 1;
  for (const Dim &D : Shape) {
    if (!D.known())
      return Qty::invalid();
    N *= Qty(D.Value);
  }
  return N;
}

Qty Value::byteSize() const {
  unsigned Bits = elemBits(Type);
  if (Bits == 0)
    return Qty::invalid();
  // Sub-byte types are packed: round the bit count up to whole bytes. Whole
  // bytes are counted directly, so that the bit count cannot overflow first.
  if (Bits % 8 == 0)
    return numElements() * Qty(Bits / 8);
  if (8 % Bits == 0)
    return qcdiv(numElements(), Qty(8 / Bits));
  return qcdiv(numElements() * Qty(Bits), Qty(8));
}

bool Value::fullyKnown() const {
  if (!HasShape)
    return false;
  for (const Dim &D : Shape)
    if (!D.known())
      return false;
  return true;
}

std::string Value::shapeString() const {
  if (!HasShape)
    return "unknown";
  if (Shape.empty())
    return "scalar";
  std::string S;
  for (size_t I = 0; I < Shape.size(); ++I) {
    if (I)
      S += 'x';
    const Dim &D = Shape[I];
    if (D.known())
      S += std::to_string(D.Value);
    else if (!D.Symbol.empty())
      S += D.Symbol;
    else
      S += '?';
  }
  return S;
}

int64_t Node::intAttr(const std::string &N, int64_t Default) const {
  const Attribute *A = attr(N);
  if (!A || A->K != Attribute::Int)
    return Default;
  return A->I;
}

float Node::floatAttr(const std::string &N, float Default) const {
  const Attribute *A = attr(N);
  if (!A)
    return Default;
  if (A->K == Attribute::Float)
    return A->F;
  // Some exporters write integral float attributes (alpha=1) as ints.
  if (A->K == Attribute::Int)
    return float(A->I);
  return Default;
}

std::vector<int64_t> Node::intsAttr(const std::string &N) const {
  const Attribute *A = attr(N);
  if (!A)
    return {};
  if (A->K == Attribute::Ints)
    return A->Is;
  if (A->K == Attribute::Int)
    return {A->I};
  return {};
}

std::string Node::stringAttr(const std::string &N,
                             const std::string &D) const {
  const Attribute *A = attr(N);
  if (!A || A->K != Attribute::String)
    return D;
  return A->S;
}

int Graph::findValue(const std::string &N) const {
  for (size_t I = 0; I < Values.size(); ++I)
    if (Values[I].Name == N)
      return int(I);
  return -1;
}

} // namespace onnx_energy
