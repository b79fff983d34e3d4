//===- Support/Format.h - Human-readable numbers ------------------*- C++ -*-===//
#ifndef ONNX_ENERGY_SUPPORT_FORMAT_H
#define ONNX_ENERGY_SUPPORT_FORMAT_H

#include <string>

namespace onnx_energy {

/// "12.3 mJ", "4.56 uJ": four significant digits and an SI prefix.
std::string formatSI(double V, const char *Unit);

} // namespace onnx_energy

#endif
