//===- Graph/Graph.h - The analyzer's own model graph -------------*- C++ -*-===//
//
// Import turns an ONNX ModelProto into this graph; every later stage works on
// it, never on protobuf classes, so the analysis does not change when the file
// format does. The graph holds shapes and element types, never weight data:
// memory grows with the number of nodes, not with the size of the model.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_GRAPH_GRAPH_H
#define ONNX_ENERGY_GRAPH_GRAPH_H

#include "onnx-energy/Support/Qty.h"
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onnx_energy {

/// TensorProto.DataType values (onnx.proto, IR 8). Kept numerically equal so
/// that conversion from the file is a cast.
enum class ElemType : int {
  Undefined = 0, Float = 1, UInt8 = 2, Int8 = 3, UInt16 = 4, Int16 = 5,
  Int32 = 6, Int64 = 7, String = 8, Bool = 9, Float16 = 10, Double = 11,
  UInt32 = 12, UInt64 = 13, Complex64 = 14, Complex128 = 15, BFloat16 = 16,
  Float8E4M3FN = 17, Float8E4M3FNUZ = 18, Float8E5M2 = 19, Float8E5M2FNUZ = 20,
  UInt4 = 21, Int4 = 22,
};

/// Short name ("f32", "i64", ...) and byte size (0 for string/undefined;
/// 4-bit types report 1 and are sized by elemBits()).
const char *elemTypeName(ElemType T);
unsigned elemBits(ElemType T);

/// One dimension: a known value, or a symbol (dim_param) or nothing.
struct Dim {
  int64_t Value = -1;  ///< >= 0 when known
  std::string Symbol;  ///< dim_param, when the file gave one
  bool known() const { return Value >= 0; }
};

/// A tensor value: graph input, initializer, or node output.
struct Value {
  std::string Name;
  ElemType Type = ElemType::Undefined;
  bool HasShape = false;      ///< rank known
  std::vector<Dim> Shape;
  bool IsInitializer = false; ///< weight (data never loaded)
  bool IsGraphInput = false;
  bool IsGraphOutput = false;
  bool IsExternal = false;    ///< initializer stored in an external file
  /// In a subgraph: a value of an enclosing graph used by name (its type and
  /// shape are copied from there; Producer stays -1).
  bool IsOuterRef = false;
  int Producer = -1;          ///< node index, -1 for inputs/initializers
  /// Small constant integer data (shapes, axes) kept for the binders; empty
  /// when the value is not such a constant.
  std::optional<std::vector<int64_t>> IntData;
  /// A sequence graph input's number of elements when --input-data gave its
  /// value, else -1.
  int64_t SequenceLength = -1;

  /// Number of elements, invalid if any dim is unknown or it overflows.
  Qty numElements() const;
  /// Size in bytes, invalid if unknown.
  Qty byteSize() const;
  bool fullyKnown() const;
  /// "1x3x224x224", with '?' or the symbol for unknown dims; "scalar" for
  /// rank 0, "unknown" when the rank is unknown.
  std::string shapeString() const;
};

/// A node attribute. Tensor-valued attributes keep only type and shape (and
/// small integer data); graph-valued ones (If branches, Loop and Scan bodies)
/// keep their names in S / Ss and index the converted graphs in the owning
/// Graph's Subgraphs.
struct Attribute {
  enum Kind { Undefined, Float, Int, String, Tensor, Graph, Floats, Ints,
              Strings, Tensors, Graphs, Other };
  Kind K = Undefined;
  float F = 0;
  int64_t I = 0;
  std::string S;
  std::vector<float> Fs;
  std::vector<int64_t> Is;
  std::vector<std::string> Ss;
  ElemType TensorType = ElemType::Undefined;
  std::vector<int64_t> TensorDims;
  /// Graph / Graphs: indices into the owning Graph::Subgraphs, one per graph.
  std::vector<int> Subgraphs;
};

constexpr int NoValue = -1; ///< an omitted optional input

struct Node {
  std::string Name;           ///< unique: Import names unnamed nodes
  bool NameWasGenerated = false;
  std::string OpType;
  std::string Domain;         ///< "" for ai.onnx ("ai.onnx" is folded to "")
  int OpsetVersion = 0;       ///< opset of Domain imported by the model
  std::vector<int> Inputs;    ///< value indices, NoValue for omitted ones
  std::vector<int> Outputs;
  std::map<std::string, Attribute> Attributes;

  const Attribute *attr(const std::string &N) const {
    auto It = Attributes.find(N);
    return It == Attributes.end() ? nullptr : &It->second;
  }
  int64_t intAttr(const std::string &N, int64_t Default) const;
  float floatAttr(const std::string &N, float Default) const;
  std::vector<int64_t> intsAttr(const std::string &N) const;
  std::string stringAttr(const std::string &N, const std::string &D) const;
};

struct Graph {
  std::string Path;           ///< file it came from
  int64_t IRVersion = 0;
  std::string ProducerName, ProducerVersion;
  std::map<std::string, int64_t> Opsets; ///< domain ("" = ai.onnx) -> version
  std::vector<Value> Values;
  std::vector<Node> Nodes;    ///< topologically sorted
  std::vector<int> Inputs, Outputs; ///< value indices (inputs exclude initializers)
  uint64_t FileBytes = 0;
  uint64_t WeightBytes = 0;   ///< sum of initializer sizes (not read)
  /// The subgraphs (If branches, Loop/Scan bodies) of this graph's nodes,
  /// converted recursively; a node's Graph/Graphs attribute indexes them. A
  /// subgraph has its own Values/Nodes/Inputs/Outputs (Inputs are the body's
  /// formal inputs); values of enclosing graphs it reads are Values marked
  /// IsOuterRef. Name is the GraphProto's name; the model header fields are
  /// copied from the main graph.
  std::vector<Graph> Subgraphs;
  std::string Name;

  /// The subgraph attribute A of a node of this graph refers to (first one
  /// for Graphs), or nullptr.
  const Graph *subgraph(const Attribute *A) const {
    return A && !A->Subgraphs.empty() && A->Subgraphs[0] >= 0 &&
                   size_t(A->Subgraphs[0]) < Subgraphs.size()
               ? &Subgraphs[A->Subgraphs[0]]
               : nullptr;
  }

  const Value &value(int I) const { return Values[I]; }
  /// Index of the value named N, or -1.
  int findValue(const std::string &N) const;
};

/// One unique name per node, and which of them were made up.
struct NodeNames {
  std::vector<std::string> Names;
  std::vector<bool> Generated;
};

/// The node naming scheme of Import (which names Node::Name this way; the
/// NodeNamesTest unit test holds the two together), the views, and anything
/// that writes names back into a model, such as an annotated copy, so that
/// Netron finds them (docs/Reports.md, "Node names"). Names[I]
/// and OpTypes[I] are the NodeProto's name and op_type, in file order. A node
/// keeps its name when it is not empty and no earlier node has it; otherwise
/// its base is "<op_type>_<I>" (unnamed) or its own name (repeated), and it
/// gets the first of base, base_1, base_2, ... that no node of the list is
/// named and no earlier node was given.
NodeNames uniqueNodeNames(const std::vector<std::string> &Names,
                          const std::vector<std::string> &OpTypes);

/// The names the views print for G's nodes, parallel to G.Nodes: the names
/// Import gave them (already unique), or, for a graph built another way,
/// uniqueNodeNames() applied to its nodes in their order.
std::vector<std::string> nodeDisplayNames(const Graph &G);

} // namespace onnx_energy

#endif
