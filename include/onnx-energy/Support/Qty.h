//===- Support/Qty.h - Checked integer quantities -----------------*- C++ -*-===//
//
// A 64-bit signed integer that remembers overflow. Lowering-rule expressions
// (generated from ops/*.td) compute counts and byte sizes in Qty, so a shape
// whose arithmetic would overflow 64 bits is detected and reported instead of
// wrapping into a wrong number. Once invalid, a Qty stays invalid.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_SUPPORT_QTY_H
#define ONNX_ENERGY_SUPPORT_QTY_H

#include <cstdint>

namespace onnx_energy {

class Qty {
public:
  constexpr Qty() = default;
  constexpr Qty(int64_t V) : Val(V) {}
  static constexpr Qty invalid() {
    Qty Q;
    Q.Valid = false;
    return Q;
  }

  constexpr bool valid() const { return Valid; }
  constexpr int64_t value() const { return Val; }

  friend Qty operator+(Qty A, Qty B) {
    int64_t R;
    if (!A.Valid || !B.Valid || __builtin_add_overflow(A.Val, B.Val, &R))
      return invalid();
    return R;
  }
  friend Qty operator-(Qty A, Qty B) {
    int64_t R;
    if (!A.Valid || !B.Valid || __builtin_sub_overflow(A.Val, B.Val, &R))
      return invalid();
    return R;
  }
  friend Qty operator*(Qty A, Qty B) {
    int64_t R;
    if (!A.Valid || !B.Valid || __builtin_mul_overflow(A.Val, B.Val, &R))
      return invalid();
    return R;
  }
  /// Floor division; division by zero is invalid.
  friend Qty operator/(Qty A, Qty B) {
    if (!A.Valid || !B.Valid || B.Val == 0 ||
        (A.Val == INT64_MIN && B.Val == -1))
      return invalid();
    int64_t Q = A.Val / B.Val;
    if ((A.Val % B.Val != 0) && ((A.Val < 0) != (B.Val < 0)))
      --Q;
    return Q;
  }
  Qty &operator+=(Qty B) { return *this = *this + B; }
  Qty &operator*=(Qty B) { return *this = *this * B; }

private:
  int64_t Val = 0;
  bool Valid = true;
};

/// Functions available in rule expressions.
inline Qty qmin(Qty A, Qty B) {
  if (!A.valid() || !B.valid())
    return Qty::invalid();
  return A.value() < B.value() ? A : B;
}
inline Qty qmax(Qty A, Qty B) {
  if (!A.valid() || !B.valid())
    return Qty::invalid();
  return A.value() > B.value() ? A : B;
}
inline Qty qcdiv(Qty A, Qty B) { return (A + B - Qty(1)) / B; }
/// ceil(log2(x)); clog2(1) == 0, invalid for x < 1.
inline Qty qclog2(Qty A) {
  if (!A.valid() || A.value() < 1)
    return Qty::invalid();
  int64_t R = 0;
  while ((int64_t(1) << R) < A.value())
    ++R;
  return R;
}

} // namespace onnx_energy

#endif
