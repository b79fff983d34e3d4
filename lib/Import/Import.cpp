//===- Import/Import.cpp - ONNX model to Graph ----------------------------===//
//
// The Import pipeline: read the file into a ModelProto without weights, check
// the header and external data, name and topologically sort the nodes, apply
// --input and --dim, run ONNX shape inference (with weight-less initializers
// turned into typed inputs, so inference sees their shapes but no data),
// fold shape computations ONNX's data propagation cannot evaluate
// (ShapeFolding.cpp) and infer again, and build the Graph. Values whose
// shape stays unknown get a diagnostic each.
//
//===----------------------------------------------------------------------===//
#include "ImportInternal.h"
#include "onnx-energy/Import/Import.h"
#include "onnx-energy/Import/ShapeFallbacks.h"
#include "onnx/defs/schema.h"
#include "onnx/shape_inference/implementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Endian.h"
#include <algorithm>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <queue>
#include <unordered_map>
#include <unordered_set>

using namespace llvm;
using namespace onnx_energy::detail;

namespace onnx_energy {
namespace {

/// Integer constants up to this many elements are kept in Value::IntData.
constexpr int64_t MaxIntDataElements = 1024;

std::string foldDomain(const std::string &D) {
  return D == "ai.onnx" ? std::string() : D;
}

ElemType toElemType(int64_t T) {
  return T >= 0 && T <= int64_t(ElemType::Int4) ? ElemType(T)
                                                : ElemType::Undefined;
}

std::string quoted(StringRef S) { return "'" + S.str() + "'"; }

/// True if T carries its data in the ModelProto we hold (not stripped, not
/// external).
bool hasInlineData(const onnx::TensorProto &T) {
  return !T.raw_data().empty() || T.float_data_size() || T.int32_data_size() ||
         T.string_data_size() || T.int64_data_size() ||
         T.double_data_size() || T.uint64_data_size();
}

/// Number of elements of T's dims; invalid for negative dims or overflow.
Qty tensorElements(const google::protobuf::RepeatedField<int64_t> &Dims) {
  Qty N = 1;
  for (int64_t D : Dims) {
    if (D < 0)
      return Qty::invalid();
    N *= Qty(D);
  }
  return N;
}

/// Small int32/int64 data of T, if T holds all of it inline.
std::optional<std::vector<int64_t>> tensorInts(const onnx::TensorProto &T) {
  Qty N = tensorElements(T.dims());
  if (!N.valid() || N.value() > MaxIntDataElements || isExternal(T))
    return std::nullopt;
  size_t Count = size_t(N.value());
  std::vector<int64_t> R;
  if (T.data_type() == onnx::TensorProto::INT64) {
    if (T.has_raw_data()) {
      if (T.raw_data().size() != Count * 8)
        return std::nullopt;
      R.resize(Count);
      for (size_t I = 0; I < Count; ++I)
        R[I] = int64_t(support::endian::read64le(T.raw_data().data() + 8 * I));
    } else {
      if (size_t(T.int64_data_size()) != Count)
        return std::nullopt;
      R.assign(T.int64_data().begin(), T.int64_data().end());
    }
    return R;
  }
  if (T.data_type() == onnx::TensorProto::BOOL) {
    // Conditions of If and Loop: kept as 0/1.
    if (T.has_raw_data()) {
      if (T.raw_data().size() != Count)
        return std::nullopt;
      for (size_t I = 0; I < Count; ++I)
        R.push_back(T.raw_data()[I] != 0);
    } else {
      if (size_t(T.int32_data_size()) != Count)
        return std::nullopt;
      for (int32_t V : T.int32_data())
        R.push_back(V != 0);
    }
    return R;
  }
  if (T.data_type() == onnx::TensorProto::INT32) {
    if (T.has_raw_data()) {
      if (T.raw_data().size() != Count * 4)
        return std::nullopt;
      R.resize(Count);
      for (size_t I = 0; I < Count; ++I)
        R[I] = int32_t(support::endian::read32le(T.raw_data().data() + 4 * I));
    } else {
      if (size_t(T.int32_data_size()) != Count)
        return std::nullopt;
      R.assign(T.int32_data().begin(), T.int32_data().end());
    }
    return R;
  }
  return std::nullopt;
}

/// Names a subgraph (and the subgraphs in it) uses from enclosing scopes.
void outerRefs(const onnx::GraphProto &G,
               std::unordered_set<std::string> &Out) {
  std::unordered_set<std::string> Local;
  for (const auto &VI : G.input())
    Local.insert(VI.name());
  for (const auto &T : G.initializer())
    Local.insert(T.name());
  for (const auto &S : G.sparse_initializer())
    Local.insert(S.values().name());
  for (const auto &N : G.node())
    for (const auto &O : N.output())
      Local.insert(O);
  for (const auto &N : G.node()) {
    for (const auto &I : N.input())
      if (!I.empty() && !Local.count(I))
        Out.insert(I);
    for (const auto &A : N.attribute()) {
      std::unordered_set<std::string> Sub;
      if (A.has_g())
        outerRefs(A.g(), Sub);
      for (const auto &SG : A.graphs())
        outerRefs(SG, Sub);
      for (const auto &S : Sub)
        if (!Local.count(S))
          Out.insert(S);
    }
  }
}

/// Replaces dim_param Symbol by Value in a type; returns how many dims.
unsigned replaceDimParam(onnx::TypeProto &T, const std::string &Symbol,
                         int64_t Value) {
  onnx::TensorShapeProto *Shape = nullptr;
  if (T.has_tensor_type() && T.tensor_type().has_shape())
    Shape = T.mutable_tensor_type()->mutable_shape();
  else if (T.has_sparse_tensor_type() && T.sparse_tensor_type().has_shape())
    Shape = T.mutable_sparse_tensor_type()->mutable_shape();
  if (!Shape)
    return 0;
  unsigned N = 0;
  for (auto &D : *Shape->mutable_dim())
    if (D.has_dim_param() && D.dim_param() == Symbol) {
      D.set_dim_value(Value);
      ++N;
    }
  return N;
}

unsigned replaceDimParam(onnx::GraphProto &G, const std::string &Symbol,
                         int64_t Value) {
  unsigned N = 0;
  for (auto *List : {G.mutable_input(), G.mutable_output(),
                     G.mutable_value_info()})
    for (auto &VI : *List)
      if (VI.has_type())
        N += replaceDimParam(*VI.mutable_type(), Symbol, Value);
  for (auto &Node : *G.mutable_node())
    for (auto &A : *Node.mutable_attribute()) {
      if (A.has_g())
        N += replaceDimParam(*A.mutable_g(), Symbol, Value);
      for (auto &SG : *A.mutable_graphs())
        N += replaceDimParam(SG, Symbol, Value);
    }
  return N;
}

/// How much a type says: 0 nothing, 1 element type, 2 rank, 3+ known dims.
int typeInfo(const onnx::TypeProto &T) {
  const onnx::TensorShapeProto *S = nullptr;
  int Score = 0;
  if (T.has_tensor_type()) {
    Score = T.tensor_type().elem_type() != 0;
    if (T.tensor_type().has_shape())
      S = &T.tensor_type().shape();
  } else if (T.has_sparse_tensor_type()) {
    Score = T.sparse_tensor_type().elem_type() != 0;
    if (T.sparse_tensor_type().has_shape())
      S = &T.sparse_tensor_type().shape();
  } else if (T.value_case() != onnx::TypeProto::VALUE_NOT_SET) {
    return 1;
  }
  if (!S)
    return Score;
  Score += 2;
  for (const auto &D : S->dim())
    Score += D.has_dim_value() && D.dim_value() >= 0;
  return Score;
}

void setType(Value &V, const onnx::TypeProto &T) {
  const onnx::TensorShapeProto *S = nullptr;
  if (T.has_tensor_type()) {
    V.Type = toElemType(T.tensor_type().elem_type());
    if (T.tensor_type().has_shape())
      S = &T.tensor_type().shape();
  } else if (T.has_sparse_tensor_type()) {
    V.Type = toElemType(T.sparse_tensor_type().elem_type());
    if (T.sparse_tensor_type().has_shape())
      S = &T.sparse_tensor_type().shape();
  }
  if (!S)
    return;
  V.HasShape = true;
  V.Shape.clear();
  for (const auto &D : S->dim()) {
    Dim X;
    if (D.has_dim_value() && D.dim_value() >= 0)
      X.Value = D.dim_value();
    else if (D.has_dim_param())
      X.Symbol = D.dim_param();
    V.Shape.push_back(std::move(X));
  }
}

/// The first negative dim_value of a declared tensor type, if any (ONNX
/// dims are 0 or more; a model with -1 means "unknown" with dim_param or no
/// value, never with a negative number).
std::optional<int64_t> negativeDim(const onnx::TypeProto &T) {
  const onnx::TensorShapeProto *S = nullptr;
  if (T.has_tensor_type() && T.tensor_type().has_shape())
    S = &T.tensor_type().shape();
  else if (T.has_sparse_tensor_type() && T.sparse_tensor_type().has_shape())
    S = &T.sparse_tensor_type().shape();
  if (S)
    for (const auto &D : S->dim())
      if (D.has_dim_value() && D.dim_value() < 0)
        return D.dim_value();
  return std::nullopt;
}

const char *typeKindName(const onnx::TypeProto &T) {
  switch (T.value_case()) {
  case onnx::TypeProto::kSequenceType:
    return "a sequence";
  case onnx::TypeProto::kMapType:
    return "a map";
  case onnx::TypeProto::kOptionalType:
    return "an optional";
  default:
    return "of another type";
  }
}

Attribute toAttribute(const onnx::AttributeProto &A) {
  Attribute R;
  auto Type = A.type();
  // Old exporters leave `type` unset; tell the kind by the field present.
  if (Type == onnx::AttributeProto::UNDEFINED) {
    if (A.has_f())
      Type = onnx::AttributeProto::FLOAT;
    else if (A.has_i())
      Type = onnx::AttributeProto::INT;
    else if (A.has_s())
      Type = onnx::AttributeProto::STRING;
    else if (A.has_t())
      Type = onnx::AttributeProto::TENSOR;
    else if (A.has_g())
      Type = onnx::AttributeProto::GRAPH;
    else if (A.has_sparse_tensor())
      Type = onnx::AttributeProto::SPARSE_TENSOR;
    else if (A.floats_size())
      Type = onnx::AttributeProto::FLOATS;
    else if (A.ints_size())
      Type = onnx::AttributeProto::INTS;
    else if (A.strings_size())
      Type = onnx::AttributeProto::STRINGS;
    else if (A.tensors_size())
      Type = onnx::AttributeProto::TENSORS;
    else if (A.graphs_size())
      Type = onnx::AttributeProto::GRAPHS;
  }
  switch (Type) {
  case onnx::AttributeProto::FLOAT:
    R.K = Attribute::Float;
    R.F = A.f();
    break;
  case onnx::AttributeProto::INT:
    R.K = Attribute::Int;
    R.I = A.i();
    break;
  case onnx::AttributeProto::STRING:
    R.K = Attribute::String;
    R.S = A.s();
    break;
  case onnx::AttributeProto::TENSOR:
    R.K = Attribute::Tensor;
    R.TensorType = toElemType(A.t().data_type());
    R.TensorDims.assign(A.t().dims().begin(), A.t().dims().end());
    if (auto Ints = tensorInts(A.t()))
      R.Is = std::move(*Ints);
    break;
  case onnx::AttributeProto::SPARSE_TENSOR:
    R.K = Attribute::Tensor;
    R.TensorType = toElemType(A.sparse_tensor().values().data_type());
    R.TensorDims.assign(A.sparse_tensor().dims().begin(),
                        A.sparse_tensor().dims().end());
    break;
  case onnx::AttributeProto::GRAPH:
    R.K = Attribute::Graph;
    R.S = A.g().name();
    break;
  case onnx::AttributeProto::FLOATS:
    R.K = Attribute::Floats;
    R.Fs.assign(A.floats().begin(), A.floats().end());
    break;
  case onnx::AttributeProto::INTS:
    R.K = Attribute::Ints;
    R.Is.assign(A.ints().begin(), A.ints().end());
    break;
  case onnx::AttributeProto::STRINGS:
    R.K = Attribute::Strings;
    R.Ss.assign(A.strings().begin(), A.strings().end());
    break;
  case onnx::AttributeProto::TENSORS:
    R.K = Attribute::Tensors;
    break;
  case onnx::AttributeProto::GRAPHS:
    R.K = Attribute::Graphs;
    for (const auto &G : A.graphs())
      R.Ss.push_back(G.name());
    break;
  case onnx::AttributeProto::UNDEFINED:
    R.K = Attribute::Undefined;
    break;
  default:
    R.K = Attribute::Other;
    break;
  }
  return R;
}

/// An initializer as recorded before shape inference sees the model.
struct InitInfo {
  std::string Name;
  ElemType Type = ElemType::Undefined;
  std::vector<int64_t> Dims;
  bool External = false;
  std::optional<std::vector<int64_t>> Ints;
};

class Importer {
public:
  Importer(StringRef Path, const ImportOptions &Opts, DiagnosticList &Diags,
           onnx::ModelProto &M)
      : Path(Path), Opts(Opts), Diags(Diags), M(M), HasGraph(M.has_graph()),
        GP(*M.mutable_graph()) {}

  Expected<Graph> run(uint64_t FileBytes) {
    G.Path = Path.str();
    G.FileBytes = FileBytes;
    if (Error E = checkHeader())
      return E;
    if (Error E = expandFunctions())
      return E;
    if (Error E = checkExternalData(M, Path))
      return E;
    if (Error E = sortNodes())
      return E;
    if (Error E = loadInputValues())
      return E;
    if (Error E = applyOptions())
      return E;
    declareLoopCarriedShapes();
    if (Error E = prepareInitializers())
      return E;
    if (Error E = checkRequiredAttributes(GP, "", 0))
      return E;
    if (Error E = checkConvRanks())
      return E;
    if (Opts.ShapeInference)
      inferShapes();
    if (Error E = build())
      return E;
    // Our own shape rules for what ONNX 1.12's inference cannot type
    // (contrib ops, opset 18+ ops): docs in Import/ShapeFallbacks.h.
    if (Opts.ShapeInference)
      applyShapeFallbacks(G, Diags);
    if (Error E = checkSizes(G, ""))
      return E;
    diagnoseUnknownDims();
    return G;
  }

private:
  Error error(const Twine &Message) { return fileError(Path, Message); }

  void warn(const std::string &Code, const std::string &Message,
            const Node *N = nullptr) {
    Diagnostic D;
    D.Sev = Severity::Warning;
    D.File = Path.str();
    if (N) {
      D.Node = N->Name;
      D.OpType = N->OpType;
    }
    D.Code = Code;
    D.Message = Message;
    Diags.add(std::move(D));
  }

  std::string nodeRef(int I) const {
    return "node '" + NodeNames[I] + "' (" + GP.node(I).op_type() + ")";
  }

  Error checkHeader() {
    if (!M.has_ir_version())
      return error("not a valid ONNX model (no IR version)");
    if (M.ir_version() < 3)
      return error("IR version " + Twine(M.ir_version()) +
                   " is not supported (IR versions 3 and later are)");
    G.IRVersion = M.ir_version();
    G.ProducerName = M.producer_name();
    G.ProducerVersion = M.producer_version();
    if (M.opset_import_size() == 0)
      return error("not a valid ONNX model (it imports no opset: "
                   "opset_import is empty)");
    for (auto &O : *M.mutable_opset_import()) {
      std::string D = foldDomain(O.domain());
      O.set_domain(D);
      auto [It, New] = G.Opsets.emplace(D, O.version());
      if (!New && It->second != O.version())
        return error("opset of domain '" + (D.empty() ? "ai.onnx" : D) +
                     "' is imported twice, as " + Twine(It->second) +
                     " and " + Twine(O.version()));
    }
    if (!HasGraph)
      return error("not a valid ONNX model (it has no graph)");
    for (auto &N : *GP.mutable_node())
      N.set_domain(foldDomain(N.domain()));
    for (const auto &T : GP.initializer())
      for (int64_t D : T.dims())
        if (D < 0)
          return error("initializer '" + T.name() + "' has a negative dim (" +
                       Twine(D) + ")");
    if (Error E = checkDeclaredDims(GP, ""))
      return E;
    return Error::success();
  }

  /// Graph inputs, outputs and value_info of \p GP may not declare a
  /// negative dim. \p Where prefixes the message for a subgraph.
  Error checkDeclaredDims(const onnx::GraphProto &GP, const std::string &Where) {
    struct Kind {
      const google::protobuf::RepeatedPtrField<onnx::ValueInfoProto> &List;
      const char *Name;
    };
    for (const Kind &K : {Kind{GP.input(), "graph input"},
                          Kind{GP.output(), "graph output"},
                          Kind{GP.value_info(), "value_info entry"}})
      for (const auto &VI : K.List)
        if (std::optional<int64_t> D = negativeDim(VI.type()))
          return error(Where + K.Name + " '" + VI.name() +
                       "' has a negative dim (" + Twine(*D) + ")");
    return Error::success();
  }

  /// Every value whose shape is known must have an element count and a
  /// size in bytes that fit in 64 bits (int64, as ONNX's dims): a larger
  /// tensor cannot exist, and the energy model's arithmetic would overflow.
  Error checkSizes(const Graph &Gr, const std::string &Where) {
    for (const Value &V : Gr.Values) {
      if (!V.fullyKnown())
        continue;
      const char *What = nullptr;
      if (!V.numElements().valid())
        What = "element count";
      else if (elemBits(V.Type) != 0 && !V.byteSize().valid())
        What = "size in bytes";
      if (!What)
        continue;
      std::string Role =
          V.IsGraphInput    ? "graph input"
          : V.IsInitializer ? "initializer"
          : V.Producer >= 0 ? "node '" + Gr.Nodes[size_t(V.Producer)].Name +
                                  "' (" + Gr.Nodes[size_t(V.Producer)].OpType +
                                  "): output"
                            : "value";
      return error(Where + Role + " '" + V.Name + "' has shape " +
                   elemTypeName(V.Type) + "[" + V.shapeString() +
                   "], whose " + What + " overflows 64 bits");
    }
    for (const Node &N : Gr.Nodes)
      for (const auto &[AttrName, A] : N.Attributes)
        for (int SI : A.Subgraphs)
          if (SI >= 0 && size_t(SI) < Gr.Subgraphs.size())
            if (Error E = checkSizes(Gr.Subgraphs[size_t(SI)],
                                     Where + "subgraph '" + AttrName +
                                         "' of node '" + N.Name + "': "))
              return E;
    return Error::success();
  }

  /// Names every node uniquely, checks that every value is defined once and
  /// used only where defined, and sorts the nodes topologically (Kahn's
  /// algorithm, taking the earliest ready node in file order, so a file
  /// already in order keeps its order).
  Error sortNodes() {
    int NumNodes = GP.node_size();
    NodeNames.resize(NumNodes);
    NameGenerated.assign(NumNodes, false);
    std::unordered_set<std::string> Taken;
    for (int I = 0; I < NumNodes; ++I)
      if (!GP.node(I).name().empty())
        Taken.insert(GP.node(I).name());
    std::unordered_set<std::string> Seen;
    for (int I = 0; I < NumNodes; ++I) {
      const std::string &Name = GP.node(I).name();
      if (!Name.empty() && Seen.insert(Name).second) {
        NodeNames[I] = Name;
        continue;
      }
      // Unnamed, or a second node of the same name.
      std::string Base =
          Name.empty() ? GP.node(I).op_type() + "_" + std::to_string(I) : Name;
      std::string Candidate = Base;
      for (unsigned K = 1; Taken.count(Candidate); ++K)
        Candidate = Base + "_" + std::to_string(K);
      Taken.insert(Candidate);
      Seen.insert(Candidate);
      NodeNames[I] = Candidate;
      NameGenerated[I] = true;
    }

    std::unordered_set<std::string> Defined;
    for (const auto &VI : GP.input())
      if (!Defined.insert(VI.name()).second)
        return error("graph input '" + VI.name() + "' is declared twice");
    std::unordered_set<std::string> Inits;
    for (const auto &T : GP.initializer())
      if (!Inits.insert(T.name()).second)
        return error("initializer '" + T.name() + "' is declared twice");
    for (const auto &S : GP.sparse_initializer())
      if (!Inits.insert(S.values().name()).second)
        return error("initializer '" + S.values().name() +
                     "' is declared twice");
    Defined.insert(Inits.begin(), Inits.end());

    std::unordered_map<std::string, int> Producer;
    for (int I = 0; I < NumNodes; ++I)
      for (const auto &O : GP.node(I).output()) {
        if (O.empty())
          continue;
        auto [It, New] = Producer.emplace(O, I);
        if (!New && It->second == I)
          return error(nodeRef(I) + " produces '" + O + "' twice");
        if (!New)
          return error("value '" + O + "' is produced twice, by " +
                       nodeRef(It->second) + " and by " + nodeRef(I));
        if (Defined.count(O))
          return error(nodeRef(I) + " produces '" + O +
                       "', which is already a graph input or initializer");
      }

    std::vector<std::vector<int>> Succ(NumNodes), Pred(NumNodes);
    std::vector<int> InDegree(NumNodes, 0);
    auto Use = [&](int I, const std::string &V, bool Implicit) -> Error {
      auto It = Producer.find(V);
      if (It != Producer.end()) {
        Succ[It->second].push_back(I);
        Pred[I].push_back(It->second);
        ++InDegree[I];
        return Error::success();
      }
      if (Defined.count(V))
        return Error::success();
      return error(nodeRef(I) + (Implicit ? " uses (in a subgraph) " : " uses ") +
                   "value '" + V +
                   "', which is neither a graph input, an initializer nor "
                   "the output of a node");
    };
    for (int I = 0; I < NumNodes; ++I) {
      const auto &N = GP.node(I);
      for (const auto &In : N.input())
        if (!In.empty())
          if (Error E = Use(I, In, false))
            return E;
      std::unordered_set<std::string> Refs;
      for (const auto &A : N.attribute()) {
        if (A.has_g())
          outerRefs(A.g(), Refs);
        for (const auto &SG : A.graphs())
          outerRefs(SG, Refs);
      }
      std::vector<std::string> Sorted(Refs.begin(), Refs.end());
      std::sort(Sorted.begin(), Sorted.end());
      for (const auto &R : Sorted)
        if (Error E = Use(I, R, true))
          return E;
    }
    std::unordered_set<std::string> Outputs;
    for (const auto &O : GP.output())
      if (!Outputs.insert(O.name()).second)
        return error("graph output '" + O.name() + "' is listed twice");
    for (const auto &O : GP.output())
      if (!Producer.count(O.name()) && !Defined.count(O.name()))
        return error("graph output '" + O.name() +
                     "' is neither a graph input, an initializer nor the "
                     "output of a node");

    std::priority_queue<int, std::vector<int>, std::greater<int>> Ready;
    for (int I = 0; I < NumNodes; ++I)
      if (InDegree[I] == 0)
        Ready.push(I);
    std::vector<int> Order;
    Order.reserve(NumNodes);
    while (!Ready.empty()) {
      int I = Ready.top();
      Ready.pop();
      Order.push_back(I);
      for (int S : Succ[I])
        if (--InDegree[S] == 0)
          Ready.push(S);
    }
    if (int(Order.size()) != NumNodes)
      return cycleError(InDegree, Pred);

    bool InOrder = true;
    for (int I = 0; I < NumNodes; ++I)
      InOrder &= Order[I] == I;
    if (!InOrder) {
      std::vector<onnx::NodeProto> Nodes(NumNodes);
      std::vector<std::string> Names(NumNodes);
      std::vector<bool> Generated(NumNodes);
      for (int I = 0; I < NumNodes; ++I) {
        Nodes[I].Swap(GP.mutable_node(Order[I]));
        Names[I] = std::move(NodeNames[Order[I]]);
        Generated[I] = NameGenerated[Order[I]];
      }
      for (int I = 0; I < NumNodes; ++I)
        GP.mutable_node(I)->Swap(&Nodes[I]);
      NodeNames = std::move(Names);
      NameGenerated = std::move(Generated);
    }
    return Error::success();
  }

  /// Every node left after Kahn's algorithm has an unsorted predecessor;
  /// walking predecessors from one of them must come back round: a cycle.
  Error cycleError(const std::vector<int> &InDegree,
                   const std::vector<std::vector<int>> &Pred) {
    int Start = 0;
    while (InDegree[Start] == 0)
      ++Start;
    std::unordered_map<int, size_t> PosInPath;
    std::vector<int> Path;
    int Cur = Start;
    while (!PosInPath.count(Cur)) {
      PosInPath[Cur] = Path.size();
      Path.push_back(Cur);
      int Next = -1;
      for (int P : Pred[Cur])
        if (InDegree[P] != 0) {
          Next = P;
          break;
        }
      assert(Next >= 0 && "unsorted node without unsorted predecessor");
      if (Next < 0)
        break;
      Cur = Next;
    }
    std::vector<int> Cycle(Path.begin() + PosInPath[Cur], Path.end());
    std::reverse(Cycle.begin(), Cycle.end()); // predecessors -> data flow
    // Start at the node that comes first in the file.
    std::rotate(Cycle.begin(), std::min_element(Cycle.begin(), Cycle.end()),
                Cycle.end());
    std::string S;
    for (int I : Cycle)
      S += quoted(NodeNames[I]) + " -> ";
    S += quoted(NodeNames[Cycle.front()]);
    return error("the graph has a cycle: " + S);
  }

  /// --input-data and --input-data-dir (Import/InputData.cpp): the values
  /// pin their inputs' shapes (after --input, which must agree) and are
  /// seeded into shape folding.
  Error loadInputValues() {
    std::unordered_set<std::string> Weights;
    for (const auto &T : GP.initializer())
      Weights.insert(T.name());
    for (const auto &S : GP.sparse_initializer())
      Weights.insert(S.values().name());
    Expected<std::vector<InputValue>> Loaded =
        loadInputData(Opts, GP, Weights, Path);
    if (!Loaded)
      return Loaded.takeError();
    InputValues = std::move(*Loaded);
    for (InputValue &V : InputValues) {
      if (!V.Warning.empty())
        warn("input-data", V.Warning);
      if (V.Kind == InputValue::Sequence)
        Folder.seedSequenceLength(V.Name, V.SequenceLength);
      if (V.Kind != InputValue::Tensor)
        continue;
      auto It = Opts.InputShapes.find(V.Name);
      if (It != Opts.InputShapes.end() && It->second != V.Dims)
        return error("--input " + V.Name + "=... and the value in '" +
                     V.File + "' give the input different shapes");
      if (V.Value)
        Folder.seed(V.Name, *V.Value);
    }
    return Error::success();
  }

  /// ONNX's Loop inference gives a loop-carried body input only its
  /// element type (its shape may change between iterations), so whatever
  /// the body computes from it stays unshaped. A body costs the same in
  /// every iteration in our model (Lower multiplies it by the trip count),
  /// so its loop-carried inputs that declare no shape are declared with the
  /// shape of their initial value when the file gives that (graph inputs,
  /// initializers, value_info), and the iteration number and condition as
  /// the scalars they are (docs/Design.md, "Control flow").
  void declareLoopCarriedShapes() {
    std::unordered_map<std::string, onnx::TypeProto> Known;
    for (const auto *List : {&GP.input(), &GP.value_info()})
      for (const auto &VI : *List)
        if (VI.type().has_tensor_type() && VI.type().tensor_type().has_shape())
          Known.emplace(VI.name(), VI.type());
    for (const auto &T : GP.initializer()) {
      onnx::TypeProto TP;
      auto *TT = TP.mutable_tensor_type();
      TT->set_elem_type(T.data_type());
      auto *S = TT->mutable_shape();
      for (int64_t D : T.dims())
        S->add_dim()->set_dim_value(D);
      Known.emplace(T.name(), std::move(TP));
    }
    auto Scalar = [](int32_t Type) {
      onnx::TypeProto TP;
      TP.mutable_tensor_type()->set_elem_type(Type);
      TP.mutable_tensor_type()->mutable_shape();
      return TP;
    };
    for (auto &NP : *GP.mutable_node()) {
      if (!NP.domain().empty() || NP.op_type() != "Loop")
        continue;
      for (auto &A : *NP.mutable_attribute()) {
        if (A.name() != "body" || !A.has_g())
          continue;
        auto &Ins = *A.mutable_g()->mutable_input();
        for (int K = 0; K < Ins.size(); ++K) {
          onnx::ValueInfoProto &VI = Ins[K];
          if (VI.type().has_tensor_type() &&
              VI.type().tensor_type().has_shape())
            continue;
          onnx::TypeProto TP;
          if (K == 0)
            TP = Scalar(onnx::TensorProto::INT64);
          else if (K == 1)
            TP = Scalar(onnx::TensorProto::BOOL);
          else if (K < NP.input_size() && Known.count(NP.input(K)))
            TP = Known.at(NP.input(K));
          else
            continue;
          int32_t Declared = VI.type().has_tensor_type()
                                 ? VI.type().tensor_type().elem_type()
                                 : 0;
          if (VI.has_type() && !VI.type().has_tensor_type())
            continue; // a sequence or optional: left as it is
          if (Declared != 0 && Declared != TP.tensor_type().elem_type())
            continue;
          *VI.mutable_type() = std::move(TP);
        }
      }
    }
  }

  /// --batch=N (ImportOptions::Batch).
  void applyBatch(const std::unordered_set<std::string> &Weights) {
    int64_t N = *Opts.Batch;
    bool Refixed = false;
    auto Batched = [&](const onnx::ValueInfoProto &VI) {
      return !Weights.count(VI.name()) && !Opts.InputShapes.count(VI.name()) &&
             VI.type().has_tensor_type() &&
             VI.type().tensor_type().has_shape() &&
             VI.type().tensor_type().shape().dim_size() > 0;
    };
    // The batch dim is dim 0 of the first input; other inputs share it only
    // if their dim 0 is the same symbol or number (models that take their
    // weights as graph inputs keep those).
    const onnx::TensorShapeProto_Dimension *First = nullptr;
    for (const auto &VI : GP.input())
      if (Batched(VI)) {
        First = &VI.type().tensor_type().shape().dim(0);
        break;
      }
    if (!First)
      return;
    const onnx::TensorShapeProto_Dimension Ref = *First;
    auto SameAsFirst = [&](const onnx::TensorShapeProto_Dimension &D) {
      if (Ref.has_dim_param() && !Ref.dim_param().empty())
        return D.has_dim_param() && D.dim_param() == Ref.dim_param();
      if (Ref.has_dim_value())
        return D.has_dim_value() && D.dim_value() == Ref.dim_value();
      return !D.has_dim_value() && !D.has_dim_param();
    };
    for (auto &VI : *GP.mutable_input()) {
      if (!Batched(VI) || !SameAsFirst(VI.type().tensor_type().shape().dim(0)))
        continue;
      auto *D = VI.mutable_type()->mutable_tensor_type()->mutable_shape()
                    ->mutable_dim(0);
      if (D->has_dim_param() && !D->dim_param().empty()) {
        std::string Symbol = D->dim_param(); // replaced below
        replaceDimParam(GP, Symbol, N);
      } else if (!D->has_dim_value() || D->dim_value() != N) {
        D->set_dim_value(N);
        Refixed = true;
      }
    }
    // A fixed batch dim changed: the shapes the file records for
    // intermediate values and outputs are stale; shape inference redoes them.
    if (Refixed) {
      GP.clear_value_info();
      for (auto &VI : *GP.mutable_output())
        if (VI.type().has_tensor_type())
          VI.mutable_type()->mutable_tensor_type()->clear_shape();
    }
  }

  Error applyOptions() {
    std::unordered_set<std::string> Weights;
    for (const auto &T : GP.initializer())
      Weights.insert(T.name());
    for (const auto &S : GP.sparse_initializer())
      Weights.insert(S.values().name());
    // A sequence input's element shape: the dims all its elements share,
    // where the model leaves them open.
    for (const InputValue &V : InputValues)
      if (V.Kind == InputValue::Sequence && V.ElementRankKnown)
        for (auto &VI : *GP.mutable_input()) {
          if (VI.name() != V.Name || !VI.type().has_sequence_type() ||
              !VI.type().sequence_type().elem_type().has_tensor_type())
            continue;
          auto *TT = VI.mutable_type()
                         ->mutable_sequence_type()
                         ->mutable_elem_type()
                         ->mutable_tensor_type();
          if (TT->has_shape() &&
              TT->shape().dim_size() != int(V.ElementDims.size()))
            continue;
          if (!TT->has_shape())
            for (size_t K = 0; K < V.ElementDims.size(); ++K)
              TT->mutable_shape()->add_dim();
          for (size_t K = 0; K < V.ElementDims.size(); ++K) {
            auto *D = TT->mutable_shape()->mutable_dim(int(K));
            if (!D->has_dim_value() && V.ElementDims[K] >= 0)
              D->set_dim_value(V.ElementDims[K]);
          }
        }
    for (const InputValue &V : InputValues)
      if (V.Kind == InputValue::Tensor)
        for (auto &VI : *GP.mutable_input())
          if (VI.name() == V.Name) {
            auto *S = VI.mutable_type()->mutable_tensor_type()->mutable_shape();
            S->clear_dim();
            for (int64_t D : V.Dims)
              S->add_dim()->set_dim_value(D);
          }
    for (const auto &[Name, Shape] : Opts.InputShapes) {
      onnx::ValueInfoProto *Found = nullptr;
      std::string Known;
      for (auto &VI : *GP.mutable_input()) {
        if (Weights.count(VI.name()))
          continue;
        if (VI.name() == Name)
          Found = &VI;
        Known += (Known.empty() ? "" : ", ") + quoted(VI.name());
      }
      if (!Found)
        return error("--input " + quoted(Name) +
                     " names no graph input; the inputs are: " +
                     (Known.empty() ? std::string("(none)") : Known));
      auto *TT = Found->mutable_type()->mutable_tensor_type();
      auto *S = TT->mutable_shape();
      S->clear_dim();
      for (int64_t D : Shape)
        S->add_dim()->set_dim_value(D);
    }
    if (Opts.Batch)
      applyBatch(Weights);
    for (const auto &[Symbol, Value] : Opts.Dims)
      if (replaceDimParam(GP, Symbol, Value) == 0)
        warn("unused-dim", "--dim " + Symbol + "=" + std::to_string(Value) +
                               " names no symbolic dim of the model");
    return Error::success();
  }

  /// Records every initializer; those whose data is not in memory (stripped
  /// or external) become typed graph inputs for shape inference, so that it
  /// sees their shapes and never looks for their data.
  Error prepareInitializers() {
    std::unordered_set<std::string> InputNames;
    for (const auto &VI : GP.input())
      InputNames.insert(VI.name());
    auto AddInput = [&](const std::string &Name, int32_t Type,
                        const std::vector<int64_t> &Dims) {
      if (!InputNames.insert(Name).second)
        return;
      auto *VI = GP.add_input();
      VI->set_name(Name);
      auto *TT = VI->mutable_type()->mutable_tensor_type();
      TT->set_elem_type(Type);
      auto *S = TT->mutable_shape();
      for (int64_t D : Dims)
        S->add_dim()->set_dim_value(D);
    };

    google::protobuf::RepeatedPtrField<onnx::TensorProto> Kept;
    for (auto &T : *GP.mutable_initializer()) {
      InitInfo I;
      I.Name = T.name();
      I.Type = toElemType(T.data_type());
      I.Dims.assign(T.dims().begin(), T.dims().end());
      I.External = isExternal(T);
      I.Ints = tensorInts(T);
      InitNames.insert(I.Name);
      Qty N = tensorElements(T.dims());
      bool DataInMemory =
          !I.External && (hasInlineData(T) || (N.valid() && N.value() == 0));
      if (DataInMemory) {
        Kept.Add()->Swap(&T);
      } else {
        AddInput(I.Name, T.data_type(), I.Dims);
      }
      Inits.push_back(std::move(I));
    }
    GP.mutable_initializer()->Swap(&Kept);

    for (const auto &S : GP.sparse_initializer()) {
      InitInfo I;
      I.Name = S.values().name();
      I.Type = toElemType(S.values().data_type());
      I.Dims.assign(S.dims().begin(), S.dims().end());
      for (int64_t D : I.Dims)
        if (D < 0)
          return error("sparse initializer '" + I.Name +
                       "' has a negative dim (" + Twine(D) + ")");
      I.External = isExternal(S.values());
      InitNames.insert(I.Name);
      AddInput(I.Name, S.values().data_type(), I.Dims);
      Inits.push_back(std::move(I));
    }
    GP.clear_sparse_initializer();
    return Error::success();
  }

  /// Every node of an op ONNX knows carries the attributes its schema
  /// requires. ONNX 1.12's inference functions dereference some of them
  /// unchecked (Scan's num_scan_inputs: a crash, found by fuzzing), and the
  /// lowering needs them too. \p Where names the enclosing subgraph.
  Error checkRequiredAttributes(const onnx::GraphProto &Gr,
                                const std::string &Where, int Depth) {
    if (Depth > MaxNesting)
      return Error::success(); // convertSubgraph reports the nesting
    for (int I = 0; I < Gr.node_size(); ++I) {
      const onnx::NodeProto &N = Gr.node(I);
      std::string Domain = foldDomain(N.domain());
      auto Opset = G.Opsets.find(Domain);
      const onnx::OpSchema *Schema =
          Opset == G.Opsets.end()
              ? nullptr
              : onnx::OpSchemaRegistry::Schema(N.op_type(),
                                               int(Opset->second), Domain);
      std::string Ref = Where.empty()
                            ? nodeRef(I)
                            : "node " +
                                  (N.name().empty() ? std::string("#") +
                                                          std::to_string(I)
                                                    : "'" + N.name() + "'") +
                                  " (" + N.op_type() + ") of " + Where;
      if (Schema)
        for (const auto &[Name, Attr] : Schema->attributes()) {
          if (!Attr.required)
            continue;
          bool Present = false;
          for (const auto &A : N.attribute())
            Present |= A.name() == Name;
          if (!Present)
            return error(Ref + " lacks the attribute '" + Name +
                         "', which " + N.op_type() + " requires");
        }
      std::string Node = Where.empty() ? NodeNames[I] : N.name();
      for (const auto &A : N.attribute()) {
        std::string Sub = "subgraph '" + A.name() + "' of node '" + Node +
                          "'" + (Where.empty() ? "" : " in " + Where);
        if (A.has_g())
          if (Error E = checkRequiredAttributes(A.g(), Sub, Depth + 1))
            return E;
        for (const auto &SG : A.graphs())
          if (Error E = checkRequiredAttributes(SG, Sub, Depth + 1))
            return E;
      }
    }
    return Error::success();
  }

  /// A convolution's data and weight inputs have the same rank. ONNX 1.12's
  /// shape inference for Conv indexes the data's dims by the weight's
  /// (convPoolShapeInference) and crashed on a rank-3 input with rank-4
  /// weights (found by fuzzing). Checked where the file declares both ranks
  /// (graph inputs, value_info, outputs, initializers); a rank that only
  /// inference would find is not seen here.
  Error checkConvRanks() {
    std::unordered_map<std::string, int> Rank;
    for (const auto *List : {&GP.input(), &GP.value_info(), &GP.output()})
      for (const auto &VI : *List)
        if (VI.type().has_tensor_type() &&
            VI.type().tensor_type().has_shape()) {
          int R = VI.type().tensor_type().shape().dim_size();
          auto [It, New] = Rank.emplace(VI.name(), R);
          // ONNX's inference takes either declaration (also a crash).
          if (!New && It->second != R)
            return error("value '" + VI.name() + "' is declared with rank " +
                         Twine(It->second) + " and with rank " + Twine(R));
        }
    for (const InitInfo &I : Inits)
      Rank[I.Name] = int(I.Dims.size());
    for (int I = 0; I < GP.node_size(); ++I) {
      const onnx::NodeProto &N = GP.node(I);
      if (!N.domain().empty())
        continue;
      // Strides, kernel sizes and dilations of 0 divided by zero in
      // convPoolShapeInference (fuzzing: LpPool with strides [0, 2]).
      static const std::set<std::string> Windowed = {
          "Conv",    "ConvInteger", "ConvTranspose", "QLinearConv",
          "MaxPool", "AveragePool", "LpPool",        "MaxUnpool"};
      if (Windowed.count(N.op_type()))
        for (const auto &A : N.attribute())
          if (A.name() == "strides" || A.name() == "kernel_shape" ||
              A.name() == "dilations")
            for (int64_t V : A.ints())
              if (V < 1)
                return error(nodeRef(I) + ": attribute '" + A.name() +
                             "' has " + Twine(V) + "; each must be 1 or more");
      // Gemm's A and B are matrices; Gemm-6's inference reads dim 1 of a
      // rank-1 B without checking (a crash found by the text fuzzer).
      if (N.op_type() == "Gemm")
        for (int J = 0; J < 2 && J < N.input_size(); ++J)
          if (auto R = Rank.find(N.input(J));
              R != Rank.end() && R->second != 2)
            return error(nodeRef(I) + ": input '" + N.input(J) +
                         "' has rank " + Twine(R->second) +
                         "; Gemm's A and B must have rank 2");
      int W = N.op_type() == "QLinearConv" ? 3
              : N.op_type() == "Conv" || N.op_type() == "ConvInteger" ||
                      N.op_type() == "ConvTranspose"
                  ? 1
                  : -1;
      if (W < 0 || N.input_size() <= W)
        continue;
      auto X = Rank.find(N.input(0)), K = Rank.find(N.input(W));
      if (X != Rank.end() && K != Rank.end() && X->second != K->second)
        return error(nodeRef(I) + ": input '" + N.input(0) + "' has rank " +
                     Twine(X->second) + " but weight '" + N.input(W) +
                     "' has rank " + Twine(K->second) +
                     "; they must be equal");
    }
    return Error::success();
  }

  /// Runs ONNX shape inference on Model in place. Exceptions (inference
  /// errors are thrown even in error_mode 0) are returned in Err, and then
  /// Model may be partly inferred.
  static bool inferInPlace(onnx::ModelProto &Model, bool DataPropagation,
                           std::string &Err) {
    try {
      onnx::shape_inference::InferShapes(
          Model, onnx::OpSchemaRegistry::Instance(),
          onnx::ShapeInferenceOptions(/*check_type=*/false, /*error_mode=*/0,
                                      DataPropagation));
      return true;
    } catch (const std::exception &E) {
      Err = StringRef(E.what()).trim().str();
    } catch (...) {
      Err = "unknown exception";
    }
    return false;
  }

  /// Runs ONNX shape inference on a copy of M; on success M's graph becomes
  /// the inferred one, on failure M stays as it was.
  bool runInference(bool DataPropagation, std::string &Err) {
    onnx::ModelProto Copy = M;
    if (!inferInPlace(Copy, DataPropagation, Err))
      return false;
    // Swap the graphs, not the models: GP must stay M's graph.
    GP.Swap(Copy.mutable_graph());
    return true;
  }

  /// Shape folding (Import/ShapeFolding.h, docs/Design.md): evaluates the
  /// small tensors the graph's shape arithmetic computes from known data,
  /// then runs ONNX's inference again on a scratch copy of the model in
  /// which the folded nodes are Constant nodes carrying their values, and
  /// takes the types it infers back into the real graph, whose nodes stay
  /// what they are. Repeats while a round folds something new and shapes
  /// are still missing, at most MaxFoldRounds times.
  void foldShapeComputations() {
    auto Opset = G.Opsets.find("");
    int Version = Opset == G.Opsets.end() ? 0 : int(Opset->second);
    const std::vector<std::string> Domains = {"", HiddenDomain};
    for (unsigned Round = 0;; ++Round) {
      Folder.sweep(GP, NodeNames, Version, Domains);
      if (!Folder.hasUnpublished() || !shapesIncomplete())
        return;
      if (Round == MaxFoldRounds) {
        warn("shape-fold",
             "shape folding stopped after " + std::to_string(MaxFoldRounds) +
                 " rounds of shape inference; shapes that need more may "
                 "stay unknown");
        return;
      }
      onnx::ModelProto Scratch = M;
      onnx::GraphProto &SG = *Scratch.mutable_graph();
      std::vector<int> Replaced = Folder.publish(SG);
      std::unordered_set<std::string> Typed;
      collectTyped(SG, Typed);
      std::string Err;
      if (!inferInPlace(Scratch, dataPropagationIsSafe(SG, Typed), Err)) {
        warn("shape-fold",
             "ONNX shape inference failed on the graph with the folded shape "
             "computations (" + Err + "); the shapes inferred without them "
             "are kept");
        return;
      }
      // The real nodes go back in place of the Constants.
      for (int I : Replaced)
        SG.mutable_node(I)->Swap(GP.mutable_node(I));
      GP.Swap(&SG);
    }
  }

  /// Names of all values of the model that have a tensor type.
  static void collectTyped(const onnx::GraphProto &G,
                           std::unordered_set<std::string> &Typed) {
    for (const auto *List : {&G.input(), &G.value_info(), &G.output()})
      for (const auto &VI : *List)
        if (VI.type().has_tensor_type())
          Typed.insert(VI.name());
    for (const auto &T : G.initializer())
      Typed.insert(T.name());
    for (const auto &N : G.node())
      for (const auto &A : N.attribute()) {
        if (A.has_g())
          collectTyped(A.g(), Typed);
        for (const auto &SG : A.graphs())
          collectTyped(SG, Typed);
      }
  }

  /// ONNX 1.12's data propagator for Shape and Size dereferences the input's
  /// type without checking it exists (a crash, not an exception): propagate
  /// data only when every such input is typed.
  static bool dataPropagationIsSafe(const onnx::GraphProto &G,
                                    const std::unordered_set<std::string> &Typed) {
    for (const auto &N : G.node()) {
      if (N.domain().empty() && (N.op_type() == "Shape" || N.op_type() == "Size"))
        for (const auto &In : N.input())
          if (!Typed.count(In))
            return false;
      for (const auto &A : N.attribute()) {
        if (A.has_g() && !dataPropagationIsSafe(A.g(), Typed))
          return false;
        for (const auto &SG : A.graphs())
          if (!dataPropagationIsSafe(SG, Typed))
            return false;
      }
    }
    return true;
  }

  /// True if some node output of the main graph lacks a fully known shape.
  bool shapesIncomplete() const {
    std::unordered_set<std::string> Known;
    for (const auto *List : {&GP.input(), &GP.value_info(), &GP.output()})
      for (const auto &VI : *List) {
        if (!VI.type().has_tensor_type() ||
            !VI.type().tensor_type().has_shape())
          continue;
        bool All = true;
        for (const auto &D : VI.type().tensor_type().shape().dim())
          All &= D.has_dim_value();
        if (All)
          Known.insert(VI.name());
      }
    for (const auto &N : GP.node())
      for (const auto &O : N.output())
        if (!O.empty() && !Known.count(O))
          return true;
    return false;
  }

  /// ai.onnx ops whose output shapes follow different rules since the opset
  /// given (ONNX Changelog): axes became an input of the Reduce ops, Split
  /// got num_outputs, Pad and Resize got axes, LpPool and AveragePool got
  /// ceil_mode/dilations. ONNX would infer them by their older definition.
  static int shapeRulesChangedIn(const std::string &Op) {
    static const std::map<std::string, int> Changed = {
        {"ReduceL1", 18},        {"ReduceL2", 18},   {"ReduceLogSum", 18},
        {"ReduceLogSumExp", 18}, {"ReduceMax", 18},  {"ReduceMean", 18},
        {"ReduceMin", 18},       {"ReduceProd", 18}, {"ReduceSumSquare", 18},
        {"Split", 18},           {"Pad", 18},        {"Resize", 18},
        {"LpPool", 18},          {"AveragePool", 19}};
    auto It = Changed.find(Op);
    return It == Changed.end() ? 0 : It->second;
  }

  /// ONNX shape inference: first without data propagation; then, if shapes
  /// are still missing and it is safe, with it (shapes computed through
  /// Shape -> Gather -> Concat -> Reshape chains). Nodes of an opset newer
  /// than the ONNX library knows, whose shape rules changed since, are
  /// hidden from it (their shapes stay unknown rather than wrong). A failure
  /// is a warning: the shapes written in the file are kept.
  void inferShapes() {
    const auto &Ranges = onnx::OpSchemaRegistry::DomainToVersionRange::Instance().Map();
    int KnownOpset = Ranges.count("") ? Ranges.at("").second : 0;
    auto Opset = G.Opsets.find("");
    std::vector<int> Hidden;
    std::set<std::string> HiddenOps;
    if (Opset != G.Opsets.end() && Opset->second > KnownOpset)
      for (int I = 0; I < GP.node_size(); ++I) {
        const auto &N = GP.node(I);
        int Since = shapeRulesChangedIn(N.op_type());
        if (N.domain().empty() && Since > KnownOpset && Since <= Opset->second) {
          Hidden.push_back(I);
          HiddenOps.insert(N.op_type());
          GP.mutable_node(I)->set_domain(HiddenDomain);
        }
      }
    if (!Hidden.empty()) {
      auto *O = M.add_opset_import();
      O->set_domain(HiddenDomain);
      O->set_version(1);
    }

    // ONNX names the dims it cannot resolve "unk__N"; those are not the
    // file's symbols and no --dim can set them, so build() drops them.
    for (const auto *List : {&GP.input(), &GP.value_info(), &GP.output()})
      for (const auto &VI : *List)
        if (VI.type().has_tensor_type())
          for (const auto &D : VI.type().tensor_type().shape().dim())
            if (D.has_dim_param())
              FileSymbols.insert(D.dim_param());
    InferenceRan = true;

    std::string Err;
    bool OK = runInference(false, Err);
    if (OK && shapesIncomplete()) {
      std::unordered_set<std::string> Typed;
      collectTyped(GP, Typed);
      std::string Ignored; // the shapes of the first pass stay
      if (dataPropagationIsSafe(GP, Typed))
        runInference(true, Ignored);
    }
    if (OK)
      foldShapeComputations();

    for (int I : Hidden)
      GP.mutable_node(I)->set_domain("");
    if (!Hidden.empty())
      M.mutable_opset_import()->RemoveLast();
    if (!OK)
      warn("shape-inference",
           "ONNX shape inference failed, shapes are those written in the "
           "file: " + Err);
    if (!Hidden.empty()) {
      std::string Ops;
      for (const auto &Op : HiddenOps)
        Ops += (Ops.empty() ? "" : ", ") + Op;
      warn("shape-inference",
           "the model imports ai.onnx opset " + std::to_string(Opset->second) +
               " but the ONNX library knows opsets up to " +
               std::to_string(KnownOpset) + "; shapes of " +
               std::to_string(Hidden.size()) + " node(s) whose shape rules "
               "changed since (" + Ops + ") are not inferred");
    }
  }

  int addValue(const std::string &Name) {
    auto [It, New] = ValueIndex.emplace(Name, int(G.Values.size()));
    if (New) {
      Value V;
      V.Name = Name;
      G.Values.push_back(std::move(V));
    }
    return It->second;
  }

  Error build() {
    std::unordered_map<std::string, const onnx::TypeProto *> Types;
    auto Note = [&](const onnx::ValueInfoProto &VI) {
      if (!VI.has_type())
        return;
      auto [It, New] = Types.emplace(VI.name(), &VI.type());
      if (!New && typeInfo(VI.type()) > typeInfo(*It->second))
        It->second = &VI.type();
    };
    for (const auto &VI : GP.input())
      Note(VI);
    for (const auto &VI : GP.value_info())
      Note(VI);
    for (const auto &VI : GP.output())
      Note(VI);

    for (const auto &VI : GP.input()) {
      if (InitNames.count(VI.name()))
        continue;
      int I = addValue(VI.name());
      G.Values[I].IsGraphInput = true;
      G.Inputs.push_back(I);
      for (const InputValue &IV : InputValues)
        if (IV.Name == VI.name()) {
          if (IV.Kind == InputValue::Sequence)
            G.Values[I].SequenceLength = IV.SequenceLength;
          else if (IV.Value && !IV.Value->isReal())
            G.Values[I].IntData = IV.Value->Ints;
        }
    }
    for (InitInfo &Init : Inits) {
      int I = addValue(Init.Name);
      Value &V = G.Values[I];
      V.IsInitializer = true;
      V.IsExternal = Init.External;
      V.Type = Init.Type;
      V.HasShape = true;
      for (int64_t D : Init.Dims) {
        Dim X;
        X.Value = D;
        V.Shape.push_back(X);
      }
      V.IntData = std::move(Init.Ints);
      Qty B = V.byteSize();
      if (B.valid())
        G.WeightBytes += uint64_t(B.value());
    }

    G.Nodes.reserve(GP.node_size());
    for (int NI = 0; NI < GP.node_size(); ++NI) {
      const onnx::NodeProto &NP = GP.node(NI);
      Node N;
      N.Name = NodeNames[NI];
      N.NameWasGenerated = NameGenerated[NI];
      N.OpType = NP.op_type();
      N.Domain = NP.domain();
      auto Opset = G.Opsets.find(N.Domain);
      N.OpsetVersion = Opset == G.Opsets.end() ? 0 : int(Opset->second);
      for (const auto &In : NP.input())
        N.Inputs.push_back(In.empty() ? NoValue : ValueIndex.at(In));
      for (const auto &Out : NP.output()) {
        if (Out.empty()) {
          N.Outputs.push_back(NoValue);
          continue;
        }
        int I = addValue(Out);
        G.Values[I].Producer = NI;
        N.Outputs.push_back(I);
      }
      for (const auto &A : NP.attribute())
        N.Attributes[A.name()] = toAttribute(A);
      if (N.Domain.empty() && N.OpType == "Constant" && !N.Outputs.empty() &&
          N.Outputs[0] >= 0)
        G.Values[N.Outputs[0]].IntData = constantInts(N);
      // Integer values shape folding computed, for our shape fallbacks and
      // the binders.
      for (int O : N.Outputs)
        if (O >= 0 && !G.Values[O].IntData)
          if (const FoldedTensor *T = Folder.value(G.Values[O].Name);
              T && !T->isReal())
            G.Values[O].IntData = T->Ints;
      if (Opset == G.Opsets.end())
        MissingDomains.insert(N.Domain);
      G.Nodes.push_back(std::move(N));
    }
    for (const auto &VI : GP.output()) {
      int I = ValueIndex.at(VI.name());
      G.Values[I].IsGraphOutput = true;
      G.Outputs.push_back(I);
    }
    for (Value &V : G.Values) {
      if (V.IsInitializer)
        continue;
      auto It = Types.find(V.Name);
      if (It == Types.end())
        continue;
      setType(V, *It->second);
      if (InferenceRan)
        for (Dim &D : V.Shape)
          if (!D.Symbol.empty() && !FileSymbols.count(D.Symbol))
            D.Symbol.clear();
      if (typeInfo(*It->second) > 0 && !It->second->has_tensor_type() &&
          !It->second->has_sparse_tensor_type())
        NonTensor[V.Name] = typeKindName(*It->second);
    }
    for (const std::string &D : MissingDomains)
      warn("missing-opset", "nodes of domain '" + D +
                                "' are used but the model imports no opset "
                                "for it");
    // Subgraphs last: they read the (now typed) values of this graph.
    Lookup Outer = [this](const std::string &Name) -> const Value * {
      auto It = ValueIndex.find(Name);
      return It == ValueIndex.end() ? nullptr : &G.Values[It->second];
    };
    for (int NI = 0; NI < GP.node_size(); ++NI)
      if (Error E = convertSubgraphAttrs(GP.node(NI), G, size_t(NI), Outer,
                                         1))
        return E;
    return Error::success();
  }

  //===--------------------------------------------------------------------===//
  // Model-local functions: every call is replaced by the function's body
  // before anything else looks at the graph (sorting, shape inference).
  //===--------------------------------------------------------------------===//

  /// Nesting limit for subgraphs and for function calls inside functions.
  static constexpr int MaxNesting = 64;

  /// ai.onnx nodes whose shape rules changed after the opsets ONNX 1.12
  /// knows are moved to this domain while ONNX's inference runs.
  static constexpr const char *HiddenDomain = "onnx-energy.not-inferred";

  /// Rounds of shape folding, each one more run of ONNX's inference: one
  /// per level of shape arithmetic that reads shapes only a previous round
  /// made known (a chain of layers, each reshaping by the previous one's
  /// computed shape, needs one round per layer).
  static constexpr unsigned MaxFoldRounds = 32;

  static std::string functionKey(const std::string &Domain,
                                 const std::string &Name) {
    return (Domain.empty() ? std::string("ai.onnx") : Domain) + "::" + Name;
  }

  Error expandFunctions() {
    if (M.functions_size() == 0)
      return Error::success();
    for (const auto &F : M.functions()) {
      Functions[functionKey(foldDomain(F.domain()), F.name())] = &F;
      // A domain the body uses but the model does not import: take the
      // function's version.
      for (const auto &O : F.opset_import()) {
        std::string D = foldDomain(O.domain());
        if (G.Opsets.emplace(D, O.version()).second) {
          auto *New = M.add_opset_import();
          New->set_domain(D);
          New->set_version(O.version());
        }
      }
    }
    std::vector<std::string> Stack;
    if (Error E = expandIn(GP, Stack, 0))
      return E;
    // The functions are inlined; shape inference need not look at them.
    M.clear_functions();
    return Error::success();
  }

  /// All names a graph (and its subgraphs) defines or uses.
  static void collectNames(const onnx::GraphProto &G,
                           std::unordered_set<std::string> &Names) {
    for (const auto *List : {&G.input(), &G.value_info(), &G.output()})
      for (const auto &VI : *List)
        Names.insert(VI.name());
    for (const auto &T : G.initializer())
      Names.insert(T.name());
    for (const auto &N : G.node()) {
      Names.insert(N.input().begin(), N.input().end());
      Names.insert(N.output().begin(), N.output().end());
      for (const auto &A : N.attribute()) {
        if (A.has_g())
          collectNames(A.g(), Names);
        for (const auto &SG : A.graphs())
          collectNames(SG, Names);
      }
    }
  }

  Error expandIn(onnx::GraphProto &GraphP, std::vector<std::string> &Stack,
                 int Depth) {
    if (Depth > MaxNesting)
      return error("subgraphs are nested more than " + Twine(MaxNesting) +
                   " deep");
    std::unordered_set<std::string> Taken;
    collectNames(GraphP, Taken);
    google::protobuf::RepeatedPtrField<onnx::NodeProto> Out;
    for (int I = 0; I < GraphP.node_size(); ++I) {
      onnx::NodeProto &N = *GraphP.mutable_node(I);
      std::string Name =
          N.name().empty() ? N.op_type() + "_" + std::to_string(I) : N.name();
      if (Error E = processNode(N, Name, Out, Stack, Taken, Depth))
        return E;
    }
    GraphP.mutable_node()->Swap(&Out);
    return Error::success();
  }

  /// Expands the functions called in N's subgraphs, then N itself if it
  /// calls a function (CallName names the expanded nodes); appends the
  /// result to Out. N may be moved from.
  Error processNode(onnx::NodeProto &N, const std::string &CallName,
                    google::protobuf::RepeatedPtrField<onnx::NodeProto> &Out,
                    std::vector<std::string> &Stack,
                    std::unordered_set<std::string> &Taken, int Depth) {
    N.set_domain(foldDomain(N.domain()));
    for (auto &A : *N.mutable_attribute()) {
      if (A.has_g())
        if (Error E = expandIn(*A.mutable_g(), Stack, Depth + 1))
          return E;
      for (auto &SG : *A.mutable_graphs())
        if (Error E = expandIn(SG, Stack, Depth + 1))
          return E;
    }
    std::string Key = functionKey(N.domain(), N.op_type());
    auto FIt = Functions.find(Key);
    if (FIt == Functions.end()) {
      Out.Add()->Swap(&N);
      return Error::success();
    }
    const onnx::FunctionProto &F = *FIt->second;
    if (std::find(Stack.begin(), Stack.end(), Key) != Stack.end()) {
      std::string Chain;
      for (auto It = std::find(Stack.begin(), Stack.end(), Key);
           It != Stack.end(); ++It)
        Chain += *It + " -> ";
      return error("model-local function '" + F.name() +
                   "' calls itself (" + Chain + Key + ", via node '" +
                   CallName + "'): recursive functions cannot be expanded");
    }
    if (int(Stack.size()) >= MaxNesting)
      return error("model-local function calls are nested more than " +
                   Twine(MaxNesting) + " deep (at node '" + CallName + "')");

    // Formal -> actual names; everything else the body defines gets a fresh
    // name "<call>/<name>" that nothing in the graph uses.
    std::unordered_map<std::string, std::string> Ren;
    auto Fresh = [&](const std::string &Base) {
      std::string Candidate = CallName + "/" + Base;
      for (unsigned K = 1; Taken.count(Candidate); ++K)
        Candidate = CallName + "/" + Base + "_" + std::to_string(K);
      Taken.insert(Candidate);
      return Candidate;
    };
    for (int I = 0; I < F.input_size(); ++I)
      Ren[F.input(I)] = I < N.input_size() ? N.input(I) : std::string();
    for (int I = 0; I < F.output_size(); ++I)
      Ren[F.output(I)] = I < N.output_size() && !N.output(I).empty()
                             ? N.output(I)
                             : Fresh(F.output(I));
    for (const auto &B : F.node())
      for (const auto &O : B.output())
        if (!O.empty() && !Ren.count(O))
          Ren[O] = Fresh(O);
    std::map<std::string, const onnx::AttributeProto *> CallAttrs;
    for (const auto &A : N.attribute())
      CallAttrs[A.name()] = &A;

    Stack.push_back(Key);
    for (int J = 0; J < F.node_size(); ++J) {
      onnx::NodeProto C = F.node(J);
      std::string Name =
          CallName + "/" +
          (C.name().empty() ? C.op_type() + "_" + std::to_string(J) : C.name());
      C.set_name(Name);
      for (auto &In : *C.mutable_input()) {
        if (In.empty())
          continue;
        auto It = Ren.find(In);
        In = It != Ren.end() ? It->second : CallName + "/" + In;
      }
      for (auto &O : *C.mutable_output())
        if (!O.empty())
          O = Ren.at(O);
      if (Error E = resolveAttrRefs(C, CallAttrs, F))
        return E;
      for (auto &A : *C.mutable_attribute()) {
        if (A.has_g())
          renameOuter(*A.mutable_g(), Ren);
        for (auto &SG : *A.mutable_graphs())
          renameOuter(SG, Ren);
      }
      if (Error E = processNode(C, Name, Out, Stack, Taken, Depth))
        return E;
    }
    Stack.pop_back();
    return Error::success();
  }

  /// Replaces attributes that refer to the caller's (ref_attr_name) by the
  /// call's attribute of that name; drops them when the call has none (the
  /// op's default applies).
  static Error resolveAttrRefs(
      onnx::NodeProto &C,
      const std::map<std::string, const onnx::AttributeProto *> &CallAttrs,
      const onnx::FunctionProto &F) {
    google::protobuf::RepeatedPtrField<onnx::AttributeProto> Kept;
    for (auto &A : *C.mutable_attribute()) {
      if (A.ref_attr_name().empty()) {
        Kept.Add()->Swap(&A);
        continue;
      }
      auto It = CallAttrs.find(A.ref_attr_name());
      if (It == CallAttrs.end())
        continue;
      onnx::AttributeProto R = *It->second;
      R.set_name(A.name());
      Kept.Add()->Swap(&R);
    }
    (void)F;
    C.mutable_attribute()->Swap(&Kept);
    return Error::success();
  }

  /// In a subgraph of an expanded function body, renames the values it
  /// reads from the function's scope.
  static void renameOuter(onnx::GraphProto &SG,
                          const std::unordered_map<std::string, std::string> &Ren) {
    std::unordered_set<std::string> Local;
    for (const auto &VI : SG.input())
      Local.insert(VI.name());
    for (const auto &T : SG.initializer())
      Local.insert(T.name());
    for (const auto &N : SG.node())
      for (const auto &O : N.output())
        Local.insert(O);
    auto Rename = [&](std::string &S) {
      if (S.empty() || Local.count(S))
        return;
      auto It = Ren.find(S);
      if (It != Ren.end())
        S = It->second;
    };
    for (auto &N : *SG.mutable_node()) {
      for (auto &In : *N.mutable_input())
        Rename(In);
      for (auto &A : *N.mutable_attribute()) {
        // Names local here shadow the function's in nested graphs too.
        std::unordered_map<std::string, std::string> Inner;
        for (const auto &KV : Ren)
          if (!Local.count(KV.first))
            Inner.insert(KV);
        if (A.has_g())
          renameOuter(*A.mutable_g(), Inner);
        for (auto &G2 : *A.mutable_graphs())
          renameOuter(G2, Inner);
      }
    }
    for (auto &O : *SG.mutable_output())
      Rename(*O.mutable_name());
  }

  //===--------------------------------------------------------------------===//
  // Subgraphs (If branches, Loop and Scan bodies), converted after the main
  // graph is typed: ONNX shape inference has typed their values too.
  //===--------------------------------------------------------------------===//

  using Lookup = std::function<const Value *(const std::string &)>;

  Error convertSubgraphAttrs(const onnx::NodeProto &NP, Graph &Owner,
                             size_t NodeIndex, const Lookup &Outer,
                             int Depth) {
    for (const auto &A : NP.attribute()) {
      std::vector<const onnx::GraphProto *> Gs;
      if (A.has_g())
        Gs.push_back(&A.g());
      for (const auto &SG : A.graphs())
        Gs.push_back(&SG);
      for (const auto *SG : Gs) {
        Graph Sub;
        if (Error E = convertSubgraph(*SG, Owner.Nodes[NodeIndex].Name,
                                      A.name(), Outer, Depth, Sub))
          return E;
        Owner.Nodes[NodeIndex].Attributes[A.name()].Subgraphs.push_back(
            int(Owner.Subgraphs.size()));
        Owner.Subgraphs.push_back(std::move(Sub));
      }
    }
    return Error::success();
  }

  Error convertSubgraph(const onnx::GraphProto &SG, const std::string &NodeName,
                        const std::string &AttrName, const Lookup &Outer,
                        int Depth, Graph &S) {
    std::string Where =
        "subgraph '" + AttrName + "' of node '" + NodeName + "'";
    if (Depth > MaxNesting)
      return error(Where + " is nested more than " + Twine(MaxNesting) +
                   " graphs deep");
    if (Error E = checkDeclaredDims(SG, Where + ": "))
      return E;
    S.Path = G.Path;
    S.IRVersion = G.IRVersion;
    S.ProducerName = G.ProducerName;
    S.ProducerVersion = G.ProducerVersion;
    S.Opsets = G.Opsets;
    S.Name = SG.name();

    std::unordered_map<std::string, const onnx::TypeProto *> Types;
    for (const auto *List : {&SG.input(), &SG.value_info(), &SG.output()})
      for (const auto &VI : *List) {
        if (!VI.has_type())
          continue;
        auto [It, New] = Types.emplace(VI.name(), &VI.type());
        if (!New && typeInfo(VI.type()) > typeInfo(*It->second))
          It->second = &VI.type();
      }
    std::unordered_map<std::string, int> Index;
    auto Add = [&](const std::string &Name) {
      auto [It, New] = Index.emplace(Name, int(S.Values.size()));
      if (New) {
        Value V;
        V.Name = Name;
        S.Values.push_back(std::move(V));
      }
      return It->second;
    };
    for (const auto &VI : SG.input()) {
      int I = Add(VI.name());
      S.Values[I].IsGraphInput = true;
      S.Inputs.push_back(I);
    }
    auto AddInit = [&](const std::string &Name, int32_t Type,
                       const google::protobuf::RepeatedField<int64_t> &Dims,
                       bool External) {
      int I = Add(Name);
      Value &V = S.Values[I];
      V.IsInitializer = true;
      V.IsExternal = External;
      V.Type = toElemType(Type);
      V.HasShape = true;
      for (int64_t D : Dims) {
        Dim X;
        X.Value = D >= 0 ? D : -1;
        V.Shape.push_back(X);
      }
      return I;
    };
    for (const auto &T : SG.initializer()) {
      int I = AddInit(T.name(), T.data_type(), T.dims(), isExternal(T));
      S.Values[I].IntData = tensorInts(T);
    }
    for (const auto &SI : SG.sparse_initializer())
      AddInit(SI.values().name(), SI.values().data_type(), SI.dims(),
              isExternal(SI.values()));
    auto AddOuter = [&](const std::string &Name) -> bool {
      const Value *O = Outer(Name);
      if (!O)
        return false;
      int I = Add(Name);
      Value &V = S.Values[I];
      V.IsOuterRef = true;
      V.Type = O->Type;
      V.HasShape = O->HasShape;
      V.Shape = O->Shape;
      V.IntData = O->IntData;
      return true;
    };

    int NumNodes = SG.node_size();
    std::unordered_map<std::string, int> Producer;
    for (int I = 0; I < NumNodes; ++I)
      for (const auto &O : SG.node(I).output()) {
        if (O.empty())
          continue;
        if (!Producer.emplace(O, I).second || Index.count(O))
          return error(Where + ": value '" + O + "' is defined twice");
      }
    std::vector<std::vector<int>> Succ(NumNodes);
    std::vector<int> InDegree(NumNodes, 0);
    auto Use = [&](int I, const std::string &V) -> Error {
      auto It = Producer.find(V);
      if (It != Producer.end()) {
        Succ[It->second].push_back(I);
        ++InDegree[I];
        return Error::success();
      }
      if (Index.count(V) || AddOuter(V))
        return Error::success();
      return error(Where + ": node '" +
                   (SG.node(I).name().empty() ? SG.node(I).op_type()
                                              : SG.node(I).name()) +
                   "' uses value '" + V +
                   "', which is defined neither in the subgraph nor in an "
                   "enclosing graph");
    };
    for (int I = 0; I < NumNodes; ++I) {
      const auto &N = SG.node(I);
      for (const auto &In : N.input())
        if (!In.empty())
          if (Error E = Use(I, In))
            return E;
      std::unordered_set<std::string> Refs;
      for (const auto &A : N.attribute()) {
        if (A.has_g())
          outerRefs(A.g(), Refs);
        for (const auto &G2 : A.graphs())
          outerRefs(G2, Refs);
      }
      std::vector<std::string> Sorted(Refs.begin(), Refs.end());
      std::sort(Sorted.begin(), Sorted.end());
      for (const auto &R : Sorted)
        if (Error E = Use(I, R))
          return E;
    }
    std::priority_queue<int, std::vector<int>, std::greater<int>> Ready;
    for (int I = 0; I < NumNodes; ++I)
      if (InDegree[I] == 0)
        Ready.push(I);
    std::vector<int> Order;
    while (!Ready.empty()) {
      int I = Ready.top();
      Ready.pop();
      Order.push_back(I);
      for (int Su : Succ[I])
        if (--InDegree[Su] == 0)
          Ready.push(Su);
    }
    if (int(Order.size()) != NumNodes)
      return error(Where + " has a cycle");

    std::unordered_set<std::string> Taken;
    for (const auto &N : SG.node())
      if (!N.name().empty())
        Taken.insert(N.name());
    std::unordered_set<std::string> Seen;
    for (int K = 0; K < NumNodes; ++K) {
      const onnx::NodeProto &NP = SG.node(Order[K]);
      Node N;
      N.Name = NP.name();
      if (N.Name.empty() || !Seen.insert(N.Name).second) {
        std::string Base = N.Name.empty()
                               ? NP.op_type() + "_" + std::to_string(Order[K])
                               : N.Name;
        std::string Candidate = Base;
        for (unsigned J = 1; Taken.count(Candidate); ++J)
          Candidate = Base + "_" + std::to_string(J);
        Taken.insert(Candidate);
        Seen.insert(Candidate);
        N.Name = Candidate;
        N.NameWasGenerated = true;
      }
      N.OpType = NP.op_type();
      N.Domain = foldDomain(NP.domain());
      auto Opset = S.Opsets.find(N.Domain);
      N.OpsetVersion = Opset == S.Opsets.end() ? 0 : int(Opset->second);
      for (const auto &In : NP.input())
        N.Inputs.push_back(In.empty() ? NoValue : Add(In));
      for (const auto &Out : NP.output()) {
        if (Out.empty()) {
          N.Outputs.push_back(NoValue);
          continue;
        }
        int I = Add(Out);
        S.Values[I].Producer = K;
        N.Outputs.push_back(I);
      }
      for (const auto &A : NP.attribute())
        N.Attributes[A.name()] = toAttribute(A);
      if (N.Domain.empty() && N.OpType == "Constant" && !N.Outputs.empty() &&
          N.Outputs[0] >= 0)
        S.Values[N.Outputs[0]].IntData = constantInts(N);
      S.Nodes.push_back(std::move(N));
    }
    std::unordered_set<std::string> Outputs;
    for (const auto &VI : SG.output()) {
      if (!Outputs.insert(VI.name()).second)
        return error(Where + ": output '" + VI.name() + "' is listed twice");
      if (!Index.count(VI.name()) && !AddOuter(VI.name()))
        return error(Where + ": output '" + VI.name() +
                     "' is defined neither in the subgraph nor in an "
                     "enclosing graph");
      int I = Index.at(VI.name());
      S.Values[I].IsGraphOutput = true;
      S.Outputs.push_back(I);
    }
    for (Value &V : S.Values) {
      if (V.IsInitializer || V.IsOuterRef)
        continue;
      auto It = Types.find(V.Name);
      if (It == Types.end())
        continue;
      setType(V, *It->second);
      if (InferenceRan)
        for (Dim &D : V.Shape)
          if (!D.Symbol.empty() && !FileSymbols.count(D.Symbol))
            D.Symbol.clear();
    }
    Lookup Inner = [&S, &Index, &Outer](const std::string &Name)
        -> const Value * {
      auto It = Index.find(Name);
      return It != Index.end() ? &S.Values[It->second] : Outer(Name);
    };
    for (int K = 0; K < NumNodes; ++K)
      if (Error E = convertSubgraphAttrs(SG.node(Order[K]), S, K, Inner,
                                         Depth + 1))
        return E;
    return Error::success();
  }

  static std::optional<std::vector<int64_t>> constantInts(const Node &N) {
    if (const Attribute *A = N.attr("value_int"); A && A->K == Attribute::Int)
      return std::vector<int64_t>{A->I};
    if (const Attribute *A = N.attr("value_ints"); A && A->K == Attribute::Ints)
      return A->Is;
    if (const Attribute *A = N.attr("value"); A && A->K == Attribute::Tensor &&
                                              (A->TensorType == ElemType::Int64 ||
                                               A->TensorType == ElemType::Int32 ||
                                               A->TensorType == ElemType::Bool)) {
      Qty Count = 1;
      for (int64_t D : A->TensorDims)
        Count *= Qty(D);
      if (Count.valid() && size_t(Count.value()) == A->Is.size())
        return A->Is;
    }
    return std::nullopt;
  }

  /// One warning per value whose shape is not fully known, naming the node
  /// that produces it (or, for graph inputs, the first that consumes it).
  void diagnoseUnknownDims() {
    std::vector<int> FirstUser(G.Values.size(), -1);
    for (size_t NI = 0; NI < G.Nodes.size(); ++NI)
      for (int In : G.Nodes[NI].Inputs)
        if (In >= 0 && FirstUser[In] < 0)
          FirstUser[In] = int(NI);
    for (size_t VI = 0; VI < G.Values.size(); ++VI) {
      const Value &V = G.Values[VI];
      if (V.fullyKnown())
        continue;
      const Node *N = nullptr;
      std::string Role;
      if (V.Producer >= 0) {
        N = &G.Nodes[V.Producer];
        Role = FirstUser[VI] < 0 && !V.IsGraphOutput ? "unused output"
                                                     : "output";
      } else if (FirstUser[VI] >= 0) {
        N = &G.Nodes[FirstUser[VI]];
        Role = V.IsGraphInput ? "graph input" : "input";
      } else {
        Role = V.IsGraphInput ? "graph input" : "value";
      }
      std::string Msg;
      auto NT = NonTensor.find(V.Name);
      if (NT != NonTensor.end()) {
        Msg = Role + " '" + V.Name + "' is " + NT->second +
              ", not a tensor: its size is unknown";
      } else if (!V.HasShape) {
        Msg = Role + " '" + V.Name + "'" +
              (V.Type == ElemType::Undefined
                   ? std::string(" has an unknown type and shape")
                   : std::string(" (") + elemTypeName(V.Type) +
                         ") has an unknown shape");
      } else {
        std::string Dims;
        std::vector<std::string> Symbols;
        unsigned Count = 0;
        for (size_t D = 0; D < V.Shape.size(); ++D) {
          if (V.Shape[D].known())
            continue;
          Dims += (Count++ ? ", " : " ") + std::to_string(D);
          const std::string &Sym = V.Shape[D].Symbol;
          if (Sym.empty())
            continue;
          Dims += " ('" + Sym + "')";
          if (std::find(Symbols.begin(), Symbols.end(), Sym) == Symbols.end())
            Symbols.push_back(Sym);
        }
        Msg = Role + " '" + V.Name + "' has unknown dim" +
              (Count > 1 ? "s" : "") + Dims + " in " + elemTypeName(V.Type) +
              "[" + V.shapeString() + "]";
        if (!Symbols.empty())
          Msg += "; set " + std::string(Symbols.size() > 1 ? "them" : "it") +
                 " with --dim " + Symbols.front() + "=VALUE";
      }
      if (V.IsGraphInput && NT == NonTensor.end())
        Msg += std::string(Msg.find("--dim") == std::string::npos ? "; pin"
                                                                  : " or pin") +
               " the input with --input " + V.Name + "=DIMxDIM...";
      warn("unknown-dim", Msg, N);
    }
  }

  StringRef Path;
  const ImportOptions &Opts;
  DiagnosticList &Diags;
  onnx::ModelProto &M;
  bool HasGraph; // before GP: mutable_graph() creates one
  onnx::GraphProto &GP;
  Graph G;
  std::vector<std::string> NodeNames;
  std::vector<bool> NameGenerated;
  std::vector<InitInfo> Inits;
  std::unordered_set<std::string> InitNames;
  std::unordered_map<std::string, int> ValueIndex;
  std::map<std::string, std::string> NonTensor;
  std::set<std::string> MissingDomains;
  std::unordered_set<std::string> FileSymbols;
  bool InferenceRan = false;
  std::map<std::string, const onnx::FunctionProto *> Functions;
  ShapeFolder Folder{Path, Diags};
  std::vector<InputValue> InputValues;
};

Expected<Graph> importProto(onnx::ModelProto &M, StringRef Path,
                            uint64_t FileBytes, const ImportOptions &Opts,
                            DiagnosticList &Diags) {
  try {
    Importer I(Path, Opts, Diags, M);
    return I.run(FileBytes);
  } catch (const std::exception &E) {
    return fileError(Path, Twine("cannot import the model: ") + E.what());
  } catch (...) {
    return fileError(Path, "cannot import the model: unknown exception");
  }
}

} // namespace

Expected<Graph> importModelFromBuffer(MemoryBufferRef Buffer, StringRef Path,
                                      const ImportOptions &Opts,
                                      DiagnosticList &Diags,
                                      ModelFormat Format) {
  onnx::ModelProto M;
  StripStats Stats;
  if (Error E = readModelProto(Buffer, Path, Format, M, Stats))
    return E;
  return importProto(M, Path, Buffer.getBufferSize(), Opts, Diags);
}

Expected<Graph> importModel(StringRef Path, const ImportOptions &Opts,
                            DiagnosticList &Diags) {
  onnx::ModelProto M;
  uint64_t FileBytes = 0;
  StripStats Stats;
  if (Error E = readModelFile(Path, M, Stats, FileBytes))
    return E;
  return importProto(M, Path, FileBytes, Opts, Diags);
}

Attribute detail::convertAttribute(const onnx::AttributeProto &A) {
  return toAttribute(A);
}

} // namespace onnx_energy
