//===- lib/Views/ViewSupport.cpp - Helpers shared by the views ------------===//
#include "ViewSupport.h"
#include <fmt/format.h>

namespace onnx_energy {
namespace views {

std::string opName(const ReportNode &N) {
  return N.Domain.empty() ? N.OpType : N.Domain + "::" + N.OpType;
}

std::string exactNumber(double V) { return fmt::format("{}", V); }

std::string percent(double Part, double Whole) {
  return Whole > 0 ? fmt::format("{:.1f}%", 100.0 * Part / Whole) : "-";
}

std::string truncateUTF8(const std::string &S, size_t Max) {
  if (S.size() <= Max || Max == 0)
    return S;
  size_t Cut = Max - 1;
  // Back off over continuation bytes (10xxxxxx) to a character's first byte.
  while (Cut > 0 && (static_cast<unsigned char>(S[Cut]) & 0xC0) == 0x80)
    --Cut;
  return S.substr(0, Cut) + "~";
}

std::string groupDigits(int64_t V) {
  std::string D = std::to_string(V);
  size_t Start = D[0] == '-' ? 1 : 0;
  for (size_t I = D.size(); I > Start + 3; I -= 3)
    D.insert(I - 3, ",");
  return D;
}

double levelBytes(const ReportNode &N, size_t L) {
  double B = 0;
  if (L < N.E.ReadBytes.size())
    B += N.E.ReadBytes[L];
  if (L < N.E.WriteBytes.size())
    B += N.E.WriteBytes[L];
  return B;
}

} // namespace views
} // namespace onnx_energy
