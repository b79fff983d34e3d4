//===- lib/Views/ViewSupport.h - Helpers shared by the views ------*- C++ -*-===//
//
// Small formatting helpers the HTML, CSV, DOT and Netron renderers share;
// private to lib/Views.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LIB_VIEWS_VIEWSUPPORT_H
#define ONNX_ENERGY_LIB_VIEWS_VIEWSUPPORT_H

#include "onnx-energy/Views/Report.h"
#include <string>

namespace onnx_energy {
namespace views {

/// "Conv" or "com.microsoft::FusedConv".
std::string opName(const ReportNode &N);

/// The shortest decimal form that reads back as the same double (what a
/// spreadsheet or a JSON parser needs to reproduce the value exactly).
std::string exactNumber(double V);

/// "12.3%", or "-" when Whole is 0.
std::string percent(double Part, double Whole);

/// S cut to at most Max bytes on a UTF-8 character boundary, with "~" as the
/// last character when it was cut (as in the text view).
std::string truncateUTF8(const std::string &S, size_t Max);

/// "1,234,567".
std::string groupDigits(int64_t V);

/// Bytes a node read plus wrote at level L (0 when the node has no traffic).
double levelBytes(const ReportNode &N, size_t L);

} // namespace views
} // namespace onnx_energy

#endif
