//===- Import/PrintGraph.cpp - A FileCheck-friendly dump of a Graph -------===//
//
// `onnx-energy --print-graph` prints the imported graph with this: one line
// per item, each starting with a fixed keyword ("opset:", "input:",
// "node:", ...), nodes in the order the later stages see them (topological),
// every value with its element type and shape. The format is stable so lit
// tests can check it line by line.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Import/Import.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace onnx_energy {
namespace {

/// Integer lists longer than this are cut, with the total count printed.
constexpr size_t MaxPrintedInts = 32;

void printInts(raw_ostream &OS, const std::vector<int64_t> &Is) {
  OS << '[';
  for (size_t I = 0; I < Is.size() && I < MaxPrintedInts; ++I)
    OS << (I ? "," : "") << Is[I];
  if (Is.size() > MaxPrintedInts)
    OS << ",... (" << Is.size() << " in all)";
  OS << ']';
}

void printType(raw_ostream &OS, const Value &V) {
  OS << elemTypeName(V.Type) << '[' << V.shapeString() << ']';
}

void printValue(raw_ostream &OS, const Graph &G, int I) {
  if (I < 0) {
    OS << "<none>";
    return;
  }
  const Value &V = G.value(I);
  OS << V.Name << ' ';
  printType(OS, V);
}

void printData(raw_ostream &OS, const Value &V) {
  if (!V.IntData)
    return;
  OS << " data=";
  printInts(OS, *V.IntData);
}

void printAttr(raw_ostream &OS, const Attribute &A) {
  switch (A.K) {
  case Attribute::Float:
    OS << format("%g", A.F);
    break;
  case Attribute::Int:
    OS << A.I;
    break;
  case Attribute::String:
    OS << '"' << A.S << '"';
    break;
  case Attribute::Floats:
    OS << '[';
    for (size_t I = 0; I < A.Fs.size(); ++I)
      OS << (I ? "," : "") << format("%g", A.Fs[I]);
    OS << ']';
    break;
  case Attribute::Ints:
    printInts(OS, A.Is);
    break;
  case Attribute::Strings:
    OS << '[';
    for (size_t I = 0; I < A.Ss.size(); ++I)
      OS << (I ? "," : "") << '"' << A.Ss[I] << '"';
    OS << ']';
    break;
  case Attribute::Tensor: {
    OS << "tensor " << elemTypeName(A.TensorType) << '[';
    if (A.TensorDims.empty())
      OS << "scalar";
    for (size_t I = 0; I < A.TensorDims.size(); ++I)
      OS << (I ? "x" : "") << A.TensorDims[I];
    OS << ']';
    if (!A.Is.empty()) {
      OS << " data=";
      printInts(OS, A.Is);
    }
    break;
  }
  case Attribute::Tensors:
    OS << "tensors";
    break;
  case Attribute::Graph:
    OS << "graph '" << A.S << "'";
    break;
  case Attribute::Graphs:
    OS << "graphs [";
    for (size_t I = 0; I < A.Ss.size(); ++I)
      OS << (I ? "," : "") << '\'' << A.Ss[I] << '\'';
    OS << ']';
    break;
  case Attribute::Undefined:
    OS << "<undefined>";
    break;
  case Attribute::Other:
    OS << "<other>";
    break;
  }
}

/// Nodes of G, each followed by its subgraphs (indented two more spaces:
/// "subgraph:", its inputs, the outer values it reads, nodes, outputs).
void printNodes(const Graph &G, raw_ostream &OS, const std::string &Ind) {
  for (const Node &N : G.Nodes) {
    OS << Ind << "node: " << N.Name << ' ' << N.OpType << ' '
       << (N.Domain.empty() ? "ai.onnx" : N.Domain.c_str()) << '/'
       << N.OpsetVersion;
    if (N.NameWasGenerated)
      OS << " (generated name)";
    OS << "\n";
    for (const auto &[Name, A] : N.Attributes) {
      OS << Ind << "  attr: " << Name << '=';
      printAttr(OS, A);
      OS << "\n";
    }
    for (int I : N.Inputs) {
      OS << Ind << "  in: ";
      printValue(OS, G, I);
      OS << "\n";
    }
    for (int I : N.Outputs) {
      OS << Ind << "  out: ";
      printValue(OS, G, I);
      if (I >= 0)
        printData(OS, G.value(I));
      OS << "\n";
    }
    for (const auto &[Name, A] : N.Attributes)
      for (int SI : A.Subgraphs) {
        if (SI < 0 || size_t(SI) >= G.Subgraphs.size())
          continue;
        const Graph &S = G.Subgraphs[SI];
        std::string In = Ind + "    ";
        OS << Ind << "  subgraph: " << Name << " '" << S.Name << "' nodes="
           << S.Nodes.size() << "\n";
        for (int I : S.Inputs) {
          OS << In << "input: ";
          printValue(OS, S, I);
          OS << "\n";
        }
        for (size_t I = 0; I < S.Values.size(); ++I)
          if (S.Values[I].IsOuterRef) {
            OS << In << "outer: ";
            printValue(OS, S, int(I));
            printData(OS, S.Values[I]);
            OS << "\n";
          }
        printNodes(S, OS, In);
        for (int I : S.Outputs) {
          OS << In << "output: ";
          printValue(OS, S, I);
          OS << "\n";
        }
      }
  }
}

} // namespace

void printGraph(const Graph &G, raw_ostream &OS) {
  OS << "model: ir_version=" << G.IRVersion << " producer='" << G.ProducerName
     << "' producer_version='" << G.ProducerVersion
     << "' nodes=" << G.Nodes.size() << " values=" << G.Values.size()
     << " weight_bytes=" << G.WeightBytes << "\n";
  for (const auto &[Domain, Version] : G.Opsets)
    OS << "opset: " << (Domain.empty() ? "ai.onnx" : Domain.c_str()) << '='
       << Version << "\n";
  for (int I : G.Inputs) {
    OS << "input: ";
    printValue(OS, G, I);
    OS << "\n";
  }
  for (size_t I = 0; I < G.Values.size(); ++I) {
    const Value &V = G.Values[I];
    if (!V.IsInitializer)
      continue;
    OS << "initializer: ";
    printValue(OS, G, int(I));
    Qty B = V.byteSize();
    OS << " bytes=";
    if (B.valid())
      OS << B.value();
    else
      OS << '?';
    OS << (V.IsExternal ? " external" : " inline");
    printData(OS, V);
    OS << "\n";
  }
  printNodes(G, OS, "");
  for (int I : G.Outputs) {
    OS << "output: ";
    printValue(OS, G, I);
    OS << "\n";
  }
}

} // namespace onnx_energy
