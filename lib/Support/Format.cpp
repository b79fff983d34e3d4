//===- lib/Support/Format.cpp - Human-readable numbers --------------------===//
#include "onnx-energy/Support/Format.h"
#include <cmath>
#include <fmt/format.h>

namespace onnx_energy {

std::string formatSI(double V, const char *Unit) {
  if (V == 0 || !std::isfinite(V))
    return fmt::format("{} {}", V, Unit);
  static const struct {
    double Scale;
    const char *Prefix;
  } Prefixes[] = {{1e12, "T"}, {1e9, "G"},  {1e6, "M"},  {1e3, "k"},
                  {1, ""},     {1e-3, "m"}, {1e-6, "u"}, {1e-9, "n"},
                  {1e-12, "p"}, {1e-15, "f"}};
  double A = std::fabs(V);
  for (const auto &P : Prefixes)
    if (A >= P.Scale * 0.9995)
      return fmt::format("{:.4g} {}{}", V / P.Scale, P.Prefix, Unit);
  return fmt::format("{:.4g} {}", V, Unit);
}

} // namespace onnx_energy
