//===- test/Unit/QtyTest.cpp - Checked quantity arithmetic ----------------===//
#include "onnx-energy/Support/Qty.h"
#include <gtest/gtest.h>

using namespace onnx_energy;

TEST(Qty, ArithmeticAndOverflow) {
  EXPECT_EQ((Qty(6) * Qty(7)).value(), 42);
  EXPECT_EQ((Qty(7) / Qty(2)).value(), 3);
  EXPECT_EQ((Qty(-7) / Qty(2)).value(), -4); // floor division
  EXPECT_FALSE((Qty(1) / Qty(0)).valid());
  Qty Big(INT64_MAX / 2 + 1);
  EXPECT_FALSE((Big * Qty(2)).valid());
  EXPECT_FALSE((Big * Qty(2) + Qty(1)).valid()); // invalid stays invalid
  EXPECT_FALSE((Qty(INT64_MAX) + Qty(1)).valid());
}

TEST(Qty, Functions) {
  EXPECT_EQ(qclog2(1).value(), 0);
  EXPECT_EQ(qclog2(24).value(), 5);
  EXPECT_EQ(qclog2(32).value(), 5);
  EXPECT_FALSE(qclog2(0).valid());
  EXPECT_EQ(qcdiv(7, 2).value(), 4);
  EXPECT_EQ(qmin(3, 4).value(), 3);
  EXPECT_EQ(qmax(3, 4).value(), 4);
}
