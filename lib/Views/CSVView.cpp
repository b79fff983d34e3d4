//===- lib/Views/CSVView.cpp - The per-node report for spreadsheets -------===//
//
// One header row, then one row per node in the report's order (--sort).
// RFC 4180: fields separated by commas, records ended by CRLF, a field that
// holds a comma, a double quote, CR or LF is enclosed in double quotes with
// its quotes doubled. Numbers are written in the shortest form that reads
// back as the same double, so sums agree with the JSON report's totals.
// Columns are documented in docs/Reports.md.
//
//===----------------------------------------------------------------------===//
#include "ViewSupport.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/Support/raw_ostream.h"
#include <fmt/format.h>

namespace onnx_energy {

namespace {
std::string csvField(const std::string &S) {
  if (S.find_first_of(",\"\r\n") == std::string::npos)
    return S;
  std::string Q = "\"";
  for (char C : S) {
    if (C == '"')
      Q += '"';
    Q += C;
  }
  return Q + "\"";
}

void writeRecord(const std::vector<std::string> &Fields, llvm::raw_ostream &OS) {
  for (size_t I = 0; I < Fields.size(); ++I) {
    if (I)
      OS << ',';
    OS << csvField(Fields[I]);
  }
  OS << "\r\n";
}
} // namespace

void renderCSV(const Report &R, llvm::raw_ostream &OS) {
  using views::exactNumber;
  std::vector<std::string> Header = {
      "index",      "name",      "op",        "domain",    "status",
      "tos",        "macs",      "flops",     "energy_J",  "compute_J",
      "memory_J",   "static_J",  "seconds",   "share",     "level",
      "bound",      "working_set_bytes",      "spills_from",
      "tiling_extra_bytes"};
  for (const ReportLevel &L : R.Levels) {
    Header.push_back(L.Name + "_read_bytes");
    Header.push_back(L.Name + "_write_bytes");
  }
  Header.push_back("problem");
  writeRecord(Header, OS);

  for (const ReportNode &N : R.Nodes) {
    std::vector<std::string> F = {std::to_string(N.Index), N.Name, N.OpType,
                                  N.Domain, statusName(N.Status)};
    bool Costed = N.Status == NodeCost::Costed;
    if (Costed) {
      F.insert(F.end(),
               {std::to_string(N.TOs), std::to_string(N.MACs),
                std::to_string(N.FLOPs), exactNumber(N.E.totalJ()),
                exactNumber(N.E.ComputeJ), exactNumber(N.E.MemoryJ),
                exactNumber(N.E.StaticJ), exactNumber(N.E.seconds()),
                exactNumber(N.Share), N.Level,
                N.E.computeBound() ? "compute" : "memory",
                exactNumber(N.E.WorkingSet),
                N.E.SpillsFrom >= 0 && size_t(N.E.SpillsFrom) < R.Levels.size()
                    ? R.Levels[N.E.SpillsFrom].Name
                    : std::string(),
                exactNumber(N.E.TilingExtra)});
      for (size_t L = 0; L < R.Levels.size(); ++L) {
        F.push_back(exactNumber(L < N.E.ReadBytes.size() ? N.E.ReadBytes[L] : 0));
        F.push_back(
            exactNumber(L < N.E.WriteBytes.size() ? N.E.WriteBytes[L] : 0));
      }
    } else {
      // An uncosted node has no figures: empty cells, not zeros.
      F.resize(F.size() + 14 + 2 * R.Levels.size());
    }
    F.push_back(Costed ? std::string() : N.Problem);
    writeRecord(F, OS);
  }
}

} // namespace onnx_energy
