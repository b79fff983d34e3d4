//===- lib/Views/HTMLView.cpp - The self-contained HTML report ------------===//
//
// One HTML file that needs nothing else to be read: styles, charts (inline
// SVG) and the script are in the page, and a Content-Security-Policy forbids
// it to load anything. Everything is rendered here, so the page reads the
// same with scripts disabled (CI servers often serve artifacts that way);
// the script only adds sorting to the tables and marks the page as ready.
// Every string that comes from the model or the target is HTML-escaped.
//
// Sections: summary, energy breakdown (compute / each memory level / static),
// top ops by energy, memory levels, cache view, per-op table, primitives,
// diagnostics. docs/Reports.md describes them.
//
//===----------------------------------------------------------------------===//
#include "ViewSupport.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Views/Report.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <fmt/format.h>

namespace onnx_energy {

namespace {
using views::exactNumber;
using views::percent;

/// Escapes text for HTML element content and quoted attribute values.
std::string esc(const std::string &S) {
  std::string R;
  R.reserve(S.size());
  for (char C : S) {
    switch (C) {
    case '&':
      R += "&amp;";
      break;
    case '<':
      R += "&lt;";
      break;
    case '>':
      R += "&gt;";
      break;
    case '"':
      R += "&quot;";
      break;
    case '\'':
      R += "&#39;";
      break;
    default:
      R += C;
    }
  }
  return R;
}

// Colours of the breakdown: compute, static, and one per memory level.
const char *ComputeColour = "#4e79a7";
const char *MemoryColour = "#f28e2b";
const char *StaticColour = "#9d9d9d";
// Memory as a whole is orange in the top-ops chart; levels avoid orange.
const char *LevelColours[] = {"#59a14f", "#edc948", "#e15759", "#b07aa1",
                              "#76b7b2", "#ff9da7", "#9c755f"};
const char *levelColour(size_t L) {
  return LevelColours[L % (sizeof(LevelColours) / sizeof(LevelColours[0]))];
}

const char *Style = R"css(
:root{--fg:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--bg:#fff;--alt:#f6f7f9;--hi:#fff4e0}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1280px;padding:0 20px 40px}
h1{font-size:22px;margin:20px 0 2px;word-break:break-all}
h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
p.sub{color:var(--muted);margin:0 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;margin:14px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .v{font-size:19px;font-weight:600;font-variant-numeric:tabular-nums}
.card .s{color:var(--muted);font-size:12px}
table{border-collapse:collapse;margin:6px 0;font-variant-numeric:tabular-nums}
th,td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}
tbody tr:nth-child(even){background:var(--alt)}
table.kv th{font-weight:500;color:var(--muted);white-space:nowrap}
table.sortable th{cursor:pointer;user-select:none;white-space:nowrap}
table.sortable th[aria-sort=ascending]::after{content:" \25B2"}
table.sortable th[aria-sort=descending]::after{content:" \25BC"}
tr.uncosted td{color:var(--muted);font-style:italic}
tr.spills td.spill{background:var(--hi);font-weight:600}
td.name{min-width:10em;max-width:24em;overflow-wrap:anywhere}
.wrap{overflow-x:auto}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.mini{display:inline-flex;width:120px;height:10px;background:var(--alt);border:1px solid var(--line);vertical-align:middle}
.mini span{display:block;height:100%}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:var(--fg)}
.diag-error{color:#b00020}.diag-warning{color:#8a5a00}
footer{margin-top:30px;color:var(--muted);font-size:12px}
)css";

// Sorts a table.sortable by a column when its header is clicked (numbers by
// the cells' data-v, text otherwise; rows without a value last), and by
// "#sort=<table id>:<column key>[:asc|:desc]" in the address. Marks <body>
// with data-ready once it has run.
const char *Script = R"js(
(function () {
  'use strict';
  function value(row, i) {
    var td = row.cells[i];
    if (!td) return '';
    var v = td.getAttribute('data-v');
    if (v === null) return td.textContent;
    return v === '' ? null : Number(v);
  }
  function sortBy(table, i, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (r, k) { return [value(r, i), k, r]; });
    keyed.sort(function (a, b) {
      var x = a[0], y = b[0];
      if (x === null || y === null) {
        if (x === y) return a[1] - b[1];
        return x === null ? 1 : -1;
      }
      var c = typeof x === 'number' && typeof y === 'number' ? x - y
            : String(x).localeCompare(String(y));
      if (descending) c = -c;
      return c !== 0 ? c : a[1] - b[1];
    });
    keyed.forEach(function (e) { body.appendChild(e[2]); });
    var ths = table.tHead.rows[0].cells;
    for (var k = 0; k < ths.length; ++k) ths[k].removeAttribute('aria-sort');
    ths[i].setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.tabIndex = 0;
      var go = function () {
        var numeric = th.classList.contains('n');
        var current = th.getAttribute('aria-sort');
        var descending = current ? current === 'ascending' : numeric;
        sortBy(table, i, descending);
      };
      th.addEventListener('click', go);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); }
      });
    });
  });
  var m = /^#sort=([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)(?::(asc|desc))?$/
              .exec(window.location.hash);
  if (m) {
    var table = document.getElementById(m[1]);
    if (table && table.tHead) {
      var ths = table.tHead.rows[0].cells;
      for (var k = 0; k < ths.length; ++k)
        if (ths[k].getAttribute('data-key') === m[2])
          sortBy(table, k, m[3] ? m[3] === 'desc' : ths[k].classList.contains('n'));
    }
  }
  document.body.setAttribute('data-ready', '1');
})();
)js";

/// A numeric cell: the shown text and the exact value to sort by.
std::string numCell(const std::string &Shown, double V) {
  return fmt::format("<td class=\"n\" data-v=\"{}\">{}</td>", exactNumber(V),
                     esc(Shown));
}
std::string intCell(int64_t V) {
  return fmt::format("<td class=\"n\" data-v=\"{}\">{}</td>", V,
                     views::groupDigits(V));
}
const char *EmptyNum = "<td class=\"n\" data-v=\"\"></td>";

std::string opsetString(const std::map<std::string, int64_t> &Opsets) {
  std::string S;
  for (const auto &KV : Opsets)
    S += fmt::format("{}{} {}", S.empty() ? "" : ", ",
                     KV.first.empty() ? "ai.onnx" : KV.first, KV.second);
  return S;
}

void card(llvm::raw_ostream &OS, const char *Id, const char *Key,
          const std::string &Value, const std::string &Sub) {
  OS << fmt::format("<div class=\"card\" id=\"{}\"><div class=\"k\">{}</div>"
                    "<div class=\"v\">{}</div><div class=\"s\">{}</div></div>\n",
                    Id, Key, esc(Value), esc(Sub));
}

void kvRow(llvm::raw_ostream &OS, const char *Key, const std::string &Value) {
  OS << "<tr><th>" << Key << "</th><td>" << esc(Value) << "</td></tr>\n";
}

void summary(const Report &R, llvm::raw_ostream &OS) {
  double Total = R.totalJ();
  OS << "<section id=\"summary\"><div class=\"cards\">\n";
  card(OS, "total-energy", "Energy", formatSI(Total, "J"),
       "compute + memory + static");
  card(OS, "compute-energy", "Compute", formatSI(R.ComputeJ, "J"),
       percent(R.ComputeJ, Total) + " of the energy");
  card(OS, "memory-energy", "Memory", formatSI(R.MemoryJ, "J"),
       percent(R.MemoryJ, Total) + " of the energy");
  card(OS, "static-energy", "Static", formatSI(R.StaticJ, "J"),
       percent(R.StaticJ, Total) + " of the energy");
  card(OS, "time", "Time", formatSI(R.Seconds, "s"),
       "roofline, sum over nodes");
  card(OS, "tos", "TOs", formatSI(double(R.TOs), ""),
       views::groupDigits(R.TOs) + " transistor operations");
  card(OS, "macs", "MACs", formatSI(double(R.MACs), ""),
       views::groupDigits(R.MACs) + "; FLOPs " +
           views::groupDigits(R.FLOPs));
  card(OS, "coverage", "Coverage",
       fmt::format("{}/{} nodes", R.NumCosted, R.NumNodes),
       R.NumNodes ? percent(R.NumCosted, R.NumNodes) + " costed"
                  : std::string("empty graph"));
  OS << "</div>\n";

  OS << "<div class=\"wrap\"><table class=\"kv\" id=\"model-info\"><tbody>\n";
  kvRow(OS, "Model", R.ModelPath);
  kvRow(OS, "Format", fmt::format("IR {}, opsets {}", R.IRVersion,
                                  opsetString(R.Opsets)));
  if (!R.Producer.empty())
    kvRow(OS, "Producer", R.Producer);
  kvRow(OS, "Graph",
        fmt::format("{} nodes; file {}; weights {} (never read)", R.NumNodes,
                    formatSI(double(R.FileBytes), "B"),
                    formatSI(double(R.WeightBytes), "B")));
  if (!R.Uncosted.empty()) {
    std::string S;
    for (const auto &KV : R.Uncosted)
      S += fmt::format("{}{} x{}", S.empty() ? "" : ", ", KV.first, KV.second);
    kvRow(OS, "Not costed", S);
  }
  kvRow(OS, "Target", R.TargetName + ": " + R.TargetDescription);
  kvRow(OS, "Energy per TO",
        formatSI(R.EnergyPerTO, "J") + " (" + R.EnergyPerTOOrigin + ")");
  kvRow(OS, "Static power", formatSI(R.StaticPower, "W"));
  kvRow(OS, "Target source", R.TargetSource);
  std::string Params;
  for (const auto &KV : R.Opts.Parameters)
    if (!KV.second.empty())
      Params += (Params.empty() ? "" : "; ") + KV.first + "=" + KV.second;
  kvRow(OS, "Parameters", Params);
  OS << "</tbody></table></div></section>\n";
}

/// One horizontal bar split into compute, each memory level and static.
void breakdown(const Report &R, llvm::raw_ostream &OS) {
  struct Part {
    std::string Name;
    double J;
    const char *Colour;
  };
  std::vector<Part> Parts = {{"compute", R.ComputeJ, ComputeColour}};
  for (size_t L = 0; L < R.Levels.size(); ++L)
    Parts.push_back({"memory: " + R.Levels[L].Name, R.Levels[L].Totals.Joules,
                     levelColour(L)});
  Parts.push_back({"static", R.StaticJ, StaticColour});
  double Total = 0;
  for (const Part &P : Parts)
    Total += P.J;

  OS << "<section id=\"breakdown\"><h2>Where the energy goes</h2>\n";
  const double W = 1000;
  OS << "<svg id=\"breakdown-bar\" viewBox=\"0 0 1000 34\" width=\"100%\" "
        "role=\"img\" aria-label=\"energy breakdown\">\n";
  double X = 0;
  for (const Part &P : Parts) {
    if (Total <= 0 || P.J <= 0)
      continue;
    double PW = W * P.J / Total;
    OS << fmt::format("<rect x=\"{:.2f}\" y=\"2\" width=\"{:.2f}\" "
                      "height=\"30\" fill=\"{}\"><title>{}: {} ({})</title>"
                      "</rect>\n",
                      X, PW, P.Colour, esc(P.Name), formatSI(P.J, "J"),
                      percent(P.J, Total));
    X += PW;
  }
  OS << "</svg>\n<table id=\"breakdown-table\"><thead><tr><th>part</th>"
        "<th class=\"n\">energy</th><th class=\"n\">share</th></tr></thead>"
        "<tbody>\n";
  for (const Part &P : Parts)
    OS << fmt::format("<tr><td><span class=\"sw\" style=\"background:{}\">"
                      "</span>{}</td>{}<td class=\"n\">{}</td></tr>\n",
                      P.Colour, esc(P.Name), numCell(formatSI(P.J, "J"), P.J),
                      percent(P.J, Total));
  OS << "</tbody></table></section>\n";
}

/// The costliest nodes as bars split into compute, memory and static.
void topOps(const Report &R, llvm::raw_ostream &OS) {
  const size_t MaxBars = 20;
  std::vector<const ReportNode *> Top;
  for (const ReportNode &N : R.Nodes)
    if (N.Status == NodeCost::Costed && N.E.totalJ() > 0)
      Top.push_back(&N);
  std::stable_sort(Top.begin(), Top.end(),
                   [](const ReportNode *A, const ReportNode *B) {
                     return A->E.totalJ() > B->E.totalJ();
                   });
  if (Top.size() > MaxBars)
    Top.resize(MaxBars);
  OS << fmt::format("<section id=\"top-ops\"><h2>Top {} ops by energy</h2>\n",
                    Top.size());
  if (Top.empty()) {
    OS << "<p>No node has a cost.</p></section>\n";
    return;
  }
  OS << fmt::format("<p class=\"sub\"><span class=\"sw\" style=\"background:"
                    "{}\"></span>compute <span class=\"sw\" style=\"background:"
                    "{}\"></span>memory <span class=\"sw\" style=\"background:"
                    "{}\"></span>static</p>\n",
                    ComputeColour, MemoryColour, StaticColour);
  const double LabelW = 300, BarW = 560, RowH = 22;
  double Max = Top.front()->E.totalJ();
  double Total = R.totalJ();
  OS << fmt::format("<svg id=\"top-ops-chart\" viewBox=\"0 0 1000 {:.0f}\" "
                    "width=\"100%\" role=\"img\" aria-label=\"top ops by "
                    "energy\">\n",
                    RowH * Top.size() + 4);
  for (size_t I = 0; I < Top.size(); ++I) {
    const ReportNode &N = *Top[I];
    double Y = RowH * I + 2;
    std::string Label =
        views::truncateUTF8(N.Name, 34) + " (" + views::opName(N) + ")";
    OS << fmt::format("<g><title>{} ({}): {} = compute {} + memory {} + "
                      "static {}</title>\n",
                      esc(N.Name), esc(views::opName(N)),
                      formatSI(N.E.totalJ(), "J"), formatSI(N.E.ComputeJ, "J"),
                      formatSI(N.E.MemoryJ, "J"), formatSI(N.E.StaticJ, "J"));
    OS << fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\">"
                      "{}</text>\n",
                      LabelW - 8, Y + 14, esc(views::truncateUTF8(Label, 52)));
    double X = LabelW;
    for (auto [J, Colour] : {std::pair{N.E.ComputeJ, ComputeColour},
                             std::pair{N.E.MemoryJ, MemoryColour},
                             std::pair{N.E.StaticJ, StaticColour}}) {
      if (J <= 0)
        continue;
      double PW = BarW * J / Max;
      OS << fmt::format("<rect x=\"{:.2f}\" y=\"{:.1f}\" width=\"{:.2f}\" "
                        "height=\"{:.0f}\" fill=\"{}\"></rect>\n",
                        X, Y, PW, RowH - 6, Colour);
      X += PW;
    }
    OS << fmt::format("<text x=\"{:.2f}\" y=\"{:.1f}\">{} ({})</text></g>\n",
                      X + 6, Y + 14, formatSI(N.E.totalJ(), "J"),
                      percent(N.E.totalJ(), Total));
  }
  OS << "</svg></section>\n";
}

void levels(const Report &R, llvm::raw_ostream &OS) {
  OS << "<section id=\"levels\"><h2>Memory levels</h2>\n"
        "<table id=\"levels-table\"><thead><tr><th>level</th>"
        "<th class=\"n\">capacity</th><th class=\"n\">nodes served</th>"
        "<th class=\"n\">read</th><th class=\"n\">written</th>"
        "<th class=\"n\">energy</th><th class=\"n\">share</th></tr></thead>"
        "<tbody>\n";
  for (size_t L = 0; L < R.Levels.size(); ++L) {
    const ReportLevel &V = R.Levels[L];
    OS << fmt::format(
        "<tr><td><span class=\"sw\" style=\"background:{}\"></span>{}</td>"
        "{}{}{}{}{}<td class=\"n\">{}</td></tr>\n",
        levelColour(L), esc(V.Name), numCell(formatSI(V.Capacity, "B"), V.Capacity),
        intCell(V.Totals.Nodes),
        numCell(formatSI(V.Totals.ReadBytes, "B"), V.Totals.ReadBytes),
        numCell(formatSI(V.Totals.WriteBytes, "B"), V.Totals.WriteBytes),
        numCell(formatSI(V.Totals.Joules, "J"), V.Totals.Joules),
        percent(V.Totals.Joules, R.totalJ()));
  }
  OS << "</tbody></table></section>\n";
}

/// Which level serves each node, its working set against the cache levels
/// and the bytes each level moved for it.
void cacheView(const Report &R, llvm::raw_ostream &OS) {
  unsigned Spilling = 0;
  for (const ReportNode &N : R.Nodes)
    if (N.Status == NodeCost::Costed && N.E.SpillsFrom >= 0)
      ++Spilling;
  OS << fmt::format(
      "<section id=\"cache\"><h2>Cache view</h2>\n<p class=\"sub\">"
      "{} of {} costed nodes have a working set larger than a cache level "
      "(highlighted). <i>served by</i> is the level that moved most of a "
      "node's bytes; the bar splits the bytes read and written by level."
      "</p>\n<div class=\"wrap\"><table class=\"sortable\" id=\"cache-table\">"
      "<thead><tr><th class=\"n\" data-key=\"index\">#</th>"
      "<th data-key=\"name\">node</th><th data-key=\"op\">op</th>"
      "<th class=\"n\" data-key=\"working_set\">working set</th>"
      "<th data-key=\"level\">served by</th>"
      "<th data-key=\"spills_from\">exceeds</th>"
      "<th class=\"n\" data-key=\"tiling_extra\">tiling re-reads</th>",
      Spilling, R.NumCosted);
  for (const ReportLevel &L : R.Levels)
    OS << "<th class=\"n\">" << esc(L.Name) << "</th>";
  OS << "<th>bytes by level</th></tr></thead><tbody>\n";
  for (const ReportNode &N : R.Nodes) {
    if (N.Status != NodeCost::Costed)
      continue;
    bool Spills = N.E.SpillsFrom >= 0 && size_t(N.E.SpillsFrom) < R.Levels.size();
    OS << (Spills ? "<tr class=\"spills\">" : "<tr>") << intCell(N.Index)
       << "<td class=\"name\">" << esc(N.Name) << "</td><td>"
       << esc(views::opName(N)) << "</td>"
       << numCell(formatSI(N.E.WorkingSet, "B"), N.E.WorkingSet) << "<td>"
       << esc(N.Level) << "</td><td class=\"spill\">"
       << (Spills ? esc(R.Levels[N.E.SpillsFrom].Name) : std::string())
       << "</td>"
       << numCell(N.E.TilingExtra > 0 ? formatSI(N.E.TilingExtra, "B") : "",
                  N.E.TilingExtra);
    double Sum = 0;
    for (size_t L = 0; L < R.Levels.size(); ++L) {
      double B = views::levelBytes(N, L);
      Sum += B;
      OS << numCell(formatSI(B, "B"), B);
    }
    OS << "<td><span class=\"mini\">";
    for (size_t L = 0; L < R.Levels.size() && Sum > 0; ++L) {
      double B = views::levelBytes(N, L);
      if (B > 0)
        OS << fmt::format("<span style=\"width:{:.2f}%;background:{}\" "
                          "title=\"{}: {}\"></span>",
                          100 * B / Sum, levelColour(L), esc(R.Levels[L].Name),
                          formatSI(B, "B"));
    }
    OS << "</span></td></tr>\n";
  }
  OS << "</tbody></table></div></section>\n";
}

void perOp(const Report &R, llvm::raw_ostream &OS) {
  const char *Order = R.Opts.Sort == SortOrder::Graph ? "graph order"
                      : R.Opts.Sort == SortOrder::TOs ? "most TOs first"
                                                      : "most energy first";
  OS << fmt::format(
      "<section id=\"per-op\"><h2>Per op</h2>\n<p class=\"sub\">{} nodes, "
      "{}; click a column to sort.</p>\n<div class=\"wrap\">"
      "<table class=\"sortable\" id=\"ops\"><thead><tr>"
      "<th class=\"n\" data-key=\"index\">#</th>"
      "<th data-key=\"name\">node</th><th data-key=\"op\">op</th>"
      "<th class=\"n\" data-key=\"tos\">TOs</th>"
      "<th class=\"n\" data-key=\"macs\">MACs</th>"
      "<th class=\"n\" data-key=\"flops\">FLOPs</th>"
      "<th class=\"n\" data-key=\"energy\">energy</th>"
      "<th class=\"n\" data-key=\"compute\">compute</th>"
      "<th class=\"n\" data-key=\"memory\">memory</th>"
      "<th class=\"n\" data-key=\"static\">static</th>"
      "<th class=\"n\" data-key=\"share\">share</th>"
      "<th class=\"n\" data-key=\"time\">time</th>"
      "<th data-key=\"level\">level</th><th data-key=\"bound\">bound</th>"
      "<th data-key=\"note\">note</th></tr></thead><tbody>\n",
      R.Nodes.size(), Order);
  for (const ReportNode &N : R.Nodes) {
    bool Costed = N.Status == NodeCost::Costed;
    OS << (Costed ? "<tr>" : "<tr class=\"uncosted\">") << intCell(N.Index)
       << "<td class=\"name\">" << esc(N.Name) << "</td><td>"
       << esc(views::opName(N)) << "</td>";
    if (!Costed) {
      for (int I = 0; I < 9; ++I)
        OS << EmptyNum;
      OS << "<td></td><td></td><td>not costed ("
         << statusName(N.Status) << "): " << esc(N.Problem)
         << "</td></tr>\n";
      continue;
    }
    OS << intCell(N.TOs) << intCell(N.MACs) << intCell(N.FLOPs)
       << numCell(formatSI(N.E.totalJ(), "J"), N.E.totalJ())
       << numCell(formatSI(N.E.ComputeJ, "J"), N.E.ComputeJ)
       << numCell(formatSI(N.E.MemoryJ, "J"), N.E.MemoryJ)
       << numCell(formatSI(N.E.StaticJ, "J"), N.E.StaticJ)
       << numCell(fmt::format("{:.1f}%", 100 * N.Share), N.Share)
       << numCell(formatSI(N.E.seconds(), "s"), N.E.seconds()) << "<td>"
       << esc(N.Level) << "</td><td>"
       << (N.E.computeBound() ? "compute" : "memory") << "</td><td>"
       << esc(N.ControlFlow) << "</td></tr>\n";
  }
  OS << "</tbody></table></div></section>\n";
}

void primitivesTable(const Report &R, llvm::raw_ostream &OS) {
  OS << "<section id=\"primitives\"><h2>Primitives</h2>\n<table "
        "class=\"sortable\" id=\"prims\"><thead><tr>"
        "<th data-key=\"primitive\">primitive</th>"
        "<th data-key=\"dtype\">dtype</th>"
        "<th class=\"n\" data-key=\"count\">count</th>"
        "<th class=\"n\" data-key=\"tos\">TOs</th>"
        "<th class=\"n\" data-key=\"share\">TOs share</th></tr></thead><tbody>\n";
  for (const PrimitiveUse &U : R.Prims)
    OS << "<tr><td>" << esc(primitives()[U.Primitive].Name) << "</td><td>"
       << esc(dtypes()[U.DType].Name) << "</td>" << intCell(U.Count)
       << intCell(U.TOs)
       << numCell(percent(double(U.TOs), double(R.TOs)),
                  R.TOs ? double(U.TOs) / double(R.TOs) : 0)
       << "</tr>\n";
  OS << "</tbody></table></section>\n";
}

void diagnostics(const Report &R, llvm::raw_ostream &OS) {
  OS << fmt::format("<section id=\"diagnostics\"><h2>Diagnostics ({})</h2>\n",
                    R.Diags.size());
  if (R.Diags.empty()) {
    OS << "<p>None.</p></section>\n";
    return;
  }
  OS << "<ul>\n";
  for (const Diagnostic &D : R.Diags) {
    std::string Sev = severityName(D.Sev);
    OS << "<li class=\"diag-" << esc(Sev) << "\"><b>" << esc(Sev) << "</b>";
    if (!D.Node.empty())
      OS << " node '" << esc(D.Node) << "'"
         << (D.OpType.empty() ? "" : " (" + esc(D.OpType) + ")");
    OS << ": " << esc(D.Message);
    if (!D.Code.empty())
      OS << " [" << esc(D.Code) << "]";
    OS << "</li>\n";
  }
  OS << "</ul></section>\n";
}
} // namespace

void renderHTML(const Report &R, llvm::raw_ostream &OS) {
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        // Nothing may be fetched: the page is complete as it is.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
        "'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n";
  OS << "<meta name=\"generator\" content=\"onnx-energy " << esc(R.ToolVersion)
     << "\">\n";
  OS << "<title>onnx-energy: " << esc(R.ModelPath) << " on "
     << esc(R.TargetName) << "</title>\n";
  // Installed first so that it also sees a failure of the main script.
  OS << "<script>window.addEventListener('error', function (e) {"
        " document.documentElement.setAttribute('data-script-error',"
        " String(e.message)); });</script>\n";
  OS << "<style>" << Style << "</style>\n</head>\n<body>\n";
  OS << "<header><h1>" << esc(R.ModelPath) << " on " << esc(R.TargetName)
     << "</h1>\n<p class=\"sub\">Estimated by onnx-energy "
     << esc(R.ToolVersion)
     << ": compute (TOs x energy per TO) + memory (bytes x energy of the "
        "level that serves them) + static (power x roofline time).</p>"
        "</header>\n";
  summary(R, OS);
  breakdown(R, OS);
  topOps(R, OS);
  levels(R, OS);
  cacheView(R, OS);
  perOp(R, OS);
  primitivesTable(R, OS);
  diagnostics(R, OS);
  OS << "<footer>onnx-energy " << esc(R.ToolVersion)
     << ". Node names are the model's; unnamed nodes are named "
        "&lt;op&gt;_&lt;index in the file&gt;. "
        "docs/Reports.md describes this page.</footer>\n";
  OS << "<script>" << Script << "</script>\n</body>\n</html>\n";
}

} // namespace onnx_energy
