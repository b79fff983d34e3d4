//===- test/Unit/TransistorTableTest.cpp - The generated TO table ---------===//
//
// Checks the transistor table that onnx-energy-tblgen evaluates from
// ops/Primitives.td at build time: values worked out by hand from the
// circuit formulas, the orderings the circuits imply, which primitives are
// not applicable to which types, and the PolyDegree derivation of
// ops/DTypes.td. The tables are included the way lib/Ops/Catalog.cpp does.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Ops/TableTypes.h"
#include <gtest/gtest.h>
#include <cmath>
#include <cstring>
#include <iterator>
#include <string>

namespace onnx_energy {
namespace {

enum PrimId : unsigned {
#define GET_PRIMITIVE_ENUM
#include "onnx-energy/Gen/Primitives.inc"
};

#define GET_PRIMITIVE_TABLES
#include "onnx-energy/Gen/Primitives.inc"

// Cell transistor counts (ops/Cells.td), for the hand computations.
constexpr int64_t INV = 2, NAND2 = 4, AND2 = 6, OR2 = 6, XOR2 = 12,
                  MUX2 = 12, HA = 18, FA = 28;

unsigned dtype(const char *Name) {
  for (unsigned I = 0; I < NumDTypes; ++I)
    if (std::strcmp(DTypeTable[I].Name, Name) == 0)
      return I;
  ADD_FAILURE() << "no DType " << Name;
  return 0;
}

int64_t tos(PrimId P, const char *DType) {
  return TransistorTable[P][dtype(DType)];
}

constexpr PrimId FloatOnly[] = {Prim_sqrt, Prim_rsqrt, Prim_exp,
                                Prim_log,  Prim_tanh,  Prim_erf};
constexpr PrimId NotForBool[] = {Prim_add,  Prim_mul,  Prim_fma,  Prim_div,
                                 Prim_sqrt, Prim_rsqrt, Prim_exp, Prim_log,
                                 Prim_tanh, Prim_erf,  Prim_minmax,
                                 Prim_abs};

TEST(TransistorTable, HandCheckedIntegerCircuits) {
  // add: n-bit ripple carry, n FA.
  EXPECT_EQ(tos(Prim_add, "i32"), 32 * 28);
  EXPECT_EQ(tos(Prim_add, "i8"), 8 * FA);
  // mul: n x n array = n^2 AND2 + n(n-2) FA + n HA; at n = 8:
  // 64*6 + 8*6*28 + 8*18 = 384 + 1344 + 144 = 1872.
  EXPECT_EQ(tos(Prim_mul, "i8"), 64 * 6 + 8 * 6 * 28 + 8 * 18);
  EXPECT_EQ(tos(Prim_mul, "i8"), 1872);
  // fma: mul + 2n-bit accumulate = 1872 + 16*28.
  EXPECT_EQ(tos(Prim_fma, "i8"), 1872 + 16 * FA);
  // abs: n XOR2 + n HA.
  EXPECT_EQ(tos(Prim_abs, "i32"), 32 * (XOR2 + HA));
  // div, non-restoring: n^2 (FA + XOR2) + n FA + 3 abs; at n = 8:
  // 64*40 + 8*28 + 3*8*30 = 2560 + 224 + 720 = 3504.
  EXPECT_EQ(tos(Prim_div, "i8"), 3504);
  // cmp: n (FA + INV) + XOR2; minmax: cmp + n MUX2; select: n MUX2.
  EXPECT_EQ(tos(Prim_cmp, "i32"), 32 * (FA + INV) + XOR2);
  EXPECT_EQ(tos(Prim_minmax, "i32"), tos(Prim_cmp, "i32") + 32 * MUX2);
  EXPECT_EQ(tos(Prim_select, "i32"), 32 * MUX2);
  EXPECT_EQ(tos(Prim_and, "i32"), 32 * AND2);
}

TEST(TransistorTable, HandCheckedFloatCircuits) {
  // mul at f32 (m = 24, e = 8): array 24^2 AND2 + 24*22 FA + 24 HA, exponent
  // 2e FA, normalise/sticky/round m (MUX2 + OR2 + HA) + 2 OR2 + AND2,
  // exponent increment e HA, sign XOR2:
  // 3456 + 14784 + 432 + 448 + 864 + 18 + 144 + 12 = 20158.
  EXPECT_EQ(tos(Prim_mul, "f32"), 20158);
  // add at f32, w = m+3 = 27, clog2(27) = 5:
  // 2e FA 448 + w (FA + 2 OR2 + 2 XOR2 + 10 MUX2) 27*184 = 4968
  // + (2m + e + 14) MUX2 70*12 = 840 + m HA 432 + 2 OR2 + AND2 18 + XOR2 12
  // = 6718.
  EXPECT_EQ(tos(Prim_add, "f32"), 6718);
  // abs/neg on a float flips the sign bit only.
  EXPECT_EQ(tos(Prim_abs, "f32"), XOR2);
  EXPECT_EQ(tos(Prim_select, "f16"), 16 * MUX2);
  // Composite circuits equal their formulas over the table's own entries.
  // rsqrt(f32): 32 FA seed + clog2(cdiv(24,4)) = 3 Newton steps.
  EXPECT_EQ(tos(Prim_rsqrt, "f32"),
            32 * FA + 3 * (3 * tos(Prim_mul, "f32") + tos(Prim_add, "f32")));
  // rsqrt at 8-bit floats: the 4-bit seed is already m bits, no step.
  EXPECT_EQ(tos(Prim_rsqrt, "f8e4m3fn"), 8 * FA);
  // exp(f32): (p+3) fma + add + e FA with p = 7.
  EXPECT_EQ(tos(Prim_exp, "f32"),
            10 * tos(Prim_fma, "f32") + tos(Prim_add, "f32") + 8 * FA);
  // tanh = e HA + exp + 2 add + div.
  EXPECT_EQ(tos(Prim_tanh, "f32"), 8 * HA + tos(Prim_exp, "f32") +
                                       2 * tos(Prim_add, "f32") +
                                       tos(Prim_div, "f32"));
  EXPECT_EQ(tos(Prim_minmax, "f32"), tos(Prim_cmp, "f32") + 32 * MUX2);
}

TEST(TransistorTable, ExpensiveFloatPrimitivesCostMoreThanMul) {
  int64_t Mul = tos(Prim_mul, "f32");
  for (PrimId P : {Prim_div, Prim_sqrt, Prim_rsqrt, Prim_exp, Prim_log,
                   Prim_tanh, Prim_erf, Prim_fma})
    EXPECT_GT(TransistorTable[P][dtype("f32")], Mul)
        << PrimitiveTable[P].Name;
  EXPECT_LT(tos(Prim_add, "f32"), Mul);
  EXPECT_LT(tos(Prim_exp, "f32"), tos(Prim_tanh, "f32"));
}

TEST(TransistorTable, WiderFloatsCostMore) {
  unsigned F16 = dtype("f16"), F32 = dtype("f32"), F64 = dtype("f64");
  for (unsigned P = 0; P < NumPrimitives; ++P) {
    if (!*PrimitiveTable[P].FloatCircuit)
      continue;
    const int64_t *Row = TransistorTable[P];
    if (P == Prim_abs) { // one sign-bit cell at any width
      EXPECT_EQ(Row[F16], Row[F32]);
      EXPECT_EQ(Row[F32], Row[F64]);
      continue;
    }
    EXPECT_LT(Row[F16], Row[F32]) << PrimitiveTable[P].Name;
    EXPECT_LT(Row[F32], Row[F64]) << PrimitiveTable[P].Name;
  }
}

TEST(TransistorTable, EveryPrimitiveButAndHasAnF32Cost) {
  for (unsigned P = 0; P < NumPrimitives; ++P) {
    int64_t V = TransistorTable[P][dtype("f32")];
    if (P == Prim_and) // no bitwise ops on float tensors
      EXPECT_EQ(V, -1);
    else
      EXPECT_GT(V, 0) << PrimitiveTable[P].Name;
  }
}

TEST(TransistorTable, NotApplicableIsMinusOneNeverZero) {
  for (PrimId P : NotForBool)
    EXPECT_EQ(tos(P, "bool"), -1) << PrimitiveTable[P].Name;
  for (PrimId P : {Prim_cmp, Prim_select, Prim_cvt, Prim_and})
    EXPECT_GT(tos(P, "bool"), 0) << PrimitiveTable[P].Name;
  for (unsigned D = 0; D < NumDTypes; ++D) {
    if (DTypeTable[D].IsFloat || DTypeTable[D].IsBool)
      continue;
    for (PrimId P : FloatOnly)
      EXPECT_EQ(TransistorTable[P][D], -1)
          << PrimitiveTable[P].Name << " at " << DTypeTable[D].Name;
  }
  for (unsigned P = 0; P < NumPrimitives; ++P)
    for (unsigned D = 0; D < NumDTypes; ++D)
      EXPECT_TRUE(TransistorTable[P][D] == -1 || TransistorTable[P][D] > 0)
          << PrimitiveTable[P].Name << " at " << DTypeTable[D].Name;
}

TEST(TransistorTable, SignednessDoesNotChangeCost) {
  const std::pair<const char *, const char *> Pairs[] = {
      {"i8", "u8"}, {"i16", "u16"}, {"i32", "u32"}, {"i64", "u64"},
      {"i4", "u4"}};
  for (auto [S, U] : Pairs)
    for (unsigned P = 0; P < NumPrimitives; ++P)
      EXPECT_EQ(TransistorTable[P][dtype(S)], TransistorTable[P][dtype(U)])
          << PrimitiveTable[P].Name << " " << S;
}

TEST(TransistorTable, Flops) {
  for (unsigned P = 0; P < NumPrimitives; ++P) {
    unsigned Expected = P == Prim_fma ? 2
                        : (P == Prim_select || P == Prim_cvt || P == Prim_and)
                            ? 0
                            : 1;
    EXPECT_EQ(PrimitiveTable[P].Flops, Expected) << PrimitiveTable[P].Name;
  }
}

TEST(DTypeTable, OnnxNumbersAndWidths) {
  struct {
    const char *Name;
    int Onnx;
    unsigned N, E, M;
  } Want[] = {{"f32", 1, 32, 8, 24},         {"f16", 10, 16, 5, 11},
              {"bf16", 16, 16, 8, 8},        {"f64", 11, 64, 11, 53},
              {"f8e4m3fn", 17, 8, 4, 4},     {"f8e4m3fnuz", 18, 8, 4, 4},
              {"f8e5m2", 19, 8, 5, 3},       {"f8e5m2fnuz", 20, 8, 5, 3},
              {"u8", 2, 8, 0, 8},            {"i8", 3, 8, 0, 8},
              {"u16", 4, 16, 0, 16},         {"i16", 5, 16, 0, 16},
              {"i32", 6, 32, 0, 32},         {"i64", 7, 64, 0, 64},
              {"u32", 12, 32, 0, 32},        {"u64", 13, 64, 0, 64},
              {"u4", 21, 4, 0, 4},           {"i4", 22, 4, 0, 4},
              {"bool", 9, 8, 0, 1}};
  EXPECT_EQ(NumDTypes, std::size(Want));
  for (const auto &W : Want) {
    const DTypeRow &D = DTypeTable[dtype(W.Name)];
    EXPECT_EQ(D.OnnxType, W.Onnx) << W.Name;
    EXPECT_EQ(D.Bits, W.N) << W.Name;
    EXPECT_EQ(D.ExpBits, W.E) << W.Name;
    EXPECT_EQ(D.MantBits, W.M) << W.Name;
    EXPECT_EQ(D.IsFloat, W.E != 0) << W.Name;
    EXPECT_EQ(D.IsBool, std::string(W.Name) == "bool") << W.Name;
    EXPECT_TRUE(D.Source && *D.Source) << W.Name;
  }
}

// PolyDegree: the smallest d with (ln2/2)^(d+1)/(d+1)! < 2^-m.
TEST(DTypeTable, PolyDegreeFollowsFromSignificandWidth) {
  const double H = std::log(2.0) / 2;
  for (unsigned I = 0; I < NumDTypes; ++I) {
    const DTypeRow &D = DTypeTable[I];
    if (!D.IsFloat) {
      EXPECT_EQ(D.PolyDegree, 0u) << D.Name;
      continue;
    }
    unsigned Deg = 0;
    double Rem = H; // (ln2/2)^(Deg+1)/(Deg+1)!
    while (!(Rem < std::ldexp(1.0, -int(D.MantBits)))) {
      ++Deg;
      Rem *= H / (Deg + 1);
    }
    EXPECT_EQ(D.PolyDegree, Deg) << D.Name;
  }
  EXPECT_EQ(DTypeTable[dtype("f32")].PolyDegree, 7u);
  EXPECT_EQ(DTypeTable[dtype("f64")].PolyDegree, 13u);
}

} // namespace
} // namespace onnx_energy
