//===- lib/Annotate/Annotate.cpp - A copy of the model with its estimate --===//
//
// Reads the whole ModelProto (inline weights included: they belong to the
// copy; external files are not opened), names the unnamed nodes, writes the
// summary into each node's doc_string and the figures into the model's
// metadata_props, rewrites external locations for the output's folder and
// serializes the result atomically. See Annotate/Annotate.h.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Annotate/Annotate.h"
#include "onnx-energy/Import/Import.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx/onnx_pb.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <climits>
#include <fmt/format.h>
#include <algorithm>
#include <functional>
#include <optional>

using namespace llvm;

namespace onnx_energy {

namespace {

std::string percentOf(double Part, double Whole) {
  return Whole > 0 ? fmt::format("{:.1f}%", 100.0 * Part / Whole) : "-";
}

/// The node's figures as one JSON object (units in the key names, as in the
/// JSON report).
std::string nodeJSON(const Report &R, const ReportNode &N) {
  json::Object O;
  O["op"] = N.Domain.empty() ? N.OpType : N.Domain + "::" + N.OpType;
  O["status"] = statusName(N.Status);
  if (N.Status != NodeCost::Costed) {
    O["problem"] = N.Problem;
  } else {
    O["energy_J"] = N.E.totalJ();
    O["compute_J"] = N.E.ComputeJ;
    O["memory_J"] = N.E.MemoryJ;
    O["static_J"] = N.E.StaticJ;
    O["share"] = N.Share;
    O["tos"] = N.TOs;
    O["macs"] = N.MACs;
    O["flops"] = N.FLOPs;
    O["seconds"] = N.E.seconds();
    O["bound"] = N.E.computeBound() ? "compute" : "memory";
    O["level"] = N.Level;
    O["working_set_bytes"] = N.E.WorkingSet;
    if (N.E.SpillsFrom >= 0 && size_t(N.E.SpillsFrom) < R.Levels.size())
      O["spills_from"] = R.Levels[N.E.SpillsFrom].Name;
    json::Object Bytes;
    for (size_t L = 0; L < R.Levels.size(); ++L) {
      double Rd = L < N.E.ReadBytes.size() ? N.E.ReadBytes[L] : 0.0;
      double Wr = L < N.E.WriteBytes.size() ? N.E.WriteBytes[L] : 0.0;
      Bytes[R.Levels[L].Name] = json::Object{{"read", Rd}, {"write", Wr}};
    }
    O["bytes"] = std::move(Bytes);
  }
  if (!N.ControlFlow.empty())
    O["control_flow"] = N.ControlFlow;
  std::string S;
  raw_string_ostream OS(S);
  OS << json::Value(std::move(O));
  return S;
}

/// Drops the lines annotate wrote before, keeps the rest.
std::string withoutOurLine(const std::string &Doc) {
  std::string Out;
  StringRef Rest = Doc;
  while (!Rest.empty()) {
    auto [Line, Tail] = Rest.split('\n');
    if (!Line.starts_with(AnnotationDocPrefix))
      Out += (Out.empty() ? "" : "\n") + Line.str();
    Rest = Tail;
  }
  return Out;
}

using TensorVisit = std::function<Error(onnx::TensorProto &)>;

Error forEachTensor(onnx::GraphProto &G, const TensorVisit &Fn);

Error forEachTensor(onnx::NodeProto &N, const TensorVisit &Fn) {
  for (onnx::AttributeProto &A : *N.mutable_attribute()) {
    if (A.has_t())
      if (Error E = Fn(*A.mutable_t()))
        return E;
    for (onnx::TensorProto &T : *A.mutable_tensors())
      if (Error E = Fn(T))
        return E;
    if (A.has_sparse_tensor()) {
      if (Error E = Fn(*A.mutable_sparse_tensor()->mutable_values()))
        return E;
      if (Error E = Fn(*A.mutable_sparse_tensor()->mutable_indices()))
        return E;
    }
    for (onnx::SparseTensorProto &S : *A.mutable_sparse_tensors()) {
      if (Error E = Fn(*S.mutable_values()))
        return E;
      if (Error E = Fn(*S.mutable_indices()))
        return E;
    }
    if (A.has_g())
      if (Error E = forEachTensor(*A.mutable_g(), Fn))
        return E;
    for (onnx::GraphProto &Sub : *A.mutable_graphs())
      if (Error E = forEachTensor(Sub, Fn))
        return E;
  }
  return Error::success();
}

Error forEachTensor(onnx::GraphProto &G, const TensorVisit &Fn) {
  for (onnx::TensorProto &T : *G.mutable_initializer())
    if (Error E = Fn(T))
      return E;
  for (onnx::SparseTensorProto &S : *G.mutable_sparse_initializer()) {
    if (Error E = Fn(*S.mutable_values()))
      return E;
    if (Error E = Fn(*S.mutable_indices()))
      return E;
  }
  for (onnx::NodeProto &N : *G.mutable_node())
    if (Error E = forEachTensor(N, Fn))
      return E;
  return Error::success();
}

/// The real path of Path's folder ("." when it has none).
Expected<SmallString<256>> realFolder(StringRef Path) {
  SmallString<256> Dir(sys::path::parent_path(Path));
  if (Dir.empty())
    Dir = ".";
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(Dir, Real))
    return fileError(Dir, "cannot resolve the folder: " + EC.message());
  return Real;
}

/// Rewrites every external location of M, relative to the input's folder,
/// to the same file relative to the output's folder.
Error relocateExternalData(onnx::ModelProto &M, StringRef InPath,
                           StringRef OutPath) {
  Expected<SmallString<256>> InDir = realFolder(InPath);
  if (!InDir)
    return InDir.takeError();
  Expected<SmallString<256>> OutDir = realFolder(OutPath);
  if (!OutDir)
    return OutDir.takeError();
  if (*InDir == *OutDir)
    return Error::success();
  TensorVisit Fn = [&](onnx::TensorProto &T) -> Error {
    if (!T.has_data_location() ||
        T.data_location() != onnx::TensorProto::EXTERNAL)
      return Error::success();
    for (onnx::StringStringEntryProto &KV : *T.mutable_external_data()) {
      if (KV.key() != "location")
        continue;
      // Import has checked that the location stays inside the input's
      // folder; its real path says where it is.
      SmallString<256> Full(*InDir), Real;
      sys::path::append(Full, KV.value());
      if (std::error_code EC = sys::fs::real_path(Full, Real))
        return fileError(InPath, "cannot resolve the external data file '" +
                                     KV.value() + "': " + EC.message());
      StringRef Rel = Real.str();
      if (!Rel.consume_front(OutDir->str()) || !Rel.consume_front("/"))
        return fileError(
            OutPath,
            "tensor '" + T.name() + "' keeps its data in '" + Real.str() +
                "', outside the output's folder; an ONNX model may only refer "
                "to external data in its own folder, and annotate does not "
                "copy weights: write the annotated model into '" +
                InDir->str() + "' (or a folder that holds the data file)");
      KV.set_value(Rel.str());
    }
    return Error::success();
  };
  if (Error E = forEachTensor(*M.mutable_graph(), Fn))
    return E;
  for (onnx::FunctionProto &F : *M.mutable_functions())
    for (onnx::NodeProto &N : *F.mutable_node())
      if (Error E = forEachTensor(N, Fn))
        return E;
  return Error::success();
}

/// A call of a model-local function: Import expanded it into nodes named
/// "<call>/<body node>" (nested calls nest the prefix), so the call's
/// figures are the sums of theirs; its bound compares the summed compute and
/// memory times. Nothing when no node has the prefix.
std::optional<ReportNode> functionCall(const Report &R,
                                       const onnx::NodeProto &NP,
                                       const std::string &Name) {
  ReportNode A;
  A.Name = Name;
  A.OpType = NP.op_type();
  A.Domain = NP.domain();
  A.Status = NodeCost::Costed;
  A.E.Costed = true;
  A.E.ReadBytes.assign(R.Levels.size(), 0.0);
  A.E.WriteBytes.assign(R.Levels.size(), 0.0);
  unsigned Count = 0;
  std::string Prefix = Name + "/";
  for (const ReportNode &N : R.Nodes) {
    if (!StringRef(N.Name).starts_with(Prefix))
      continue;
    ++Count;
    if (N.Status != NodeCost::Costed) {
      A.Status = N.Status;
      A.Problem = "node '" + N.Name + "' of the function: " + N.Problem;
      continue;
    }
    A.TOs += N.TOs;
    A.MACs += N.MACs;
    A.FLOPs += N.FLOPs;
    A.Share += N.Share;
    A.E.ComputeJ += N.E.ComputeJ;
    A.E.MemoryJ += N.E.MemoryJ;
    A.E.StaticJ += N.E.StaticJ;
    A.E.ComputeSeconds += N.E.ComputeSeconds;
    A.E.MemorySeconds += N.E.MemorySeconds;
    A.E.WorkingSet = std::max(A.E.WorkingSet, N.E.WorkingSet);
    A.E.SpillsFrom = std::max(A.E.SpillsFrom, N.E.SpillsFrom);
    for (size_t L = 0; L < R.Levels.size(); ++L) {
      A.E.ReadBytes[L] += L < N.E.ReadBytes.size() ? N.E.ReadBytes[L] : 0.0;
      A.E.WriteBytes[L] += L < N.E.WriteBytes.size() ? N.E.WriteBytes[L] : 0.0;
    }
  }
  if (!Count)
    return std::nullopt;
  A.ControlFlow = fmt::format("function call expanded into {} node(s)", Count);
  return A;
}

void setMeta(onnx::ModelProto &M, const std::string &Key,
             const std::string &Value) {
  onnx::StringStringEntryProto *KV = M.add_metadata_props();
  KV->set_key(AnnotationKeyPrefix + Key);
  KV->set_value(Value);
}

std::string number(double V) { return fmt::format("{:.17g}", V); }

} // namespace

std::string nodeSummary(const Report &R, const ReportNode &N) {
  if (N.Status != NodeCost::Costed)
    return fmt::format("not costed ({}): {}", statusName(N.Status), N.Problem);
  std::string S = fmt::format(
      "{} ({} of the model); {}; {}; {}-bound", formatSI(N.E.totalJ(), "J"),
      percentOf(N.E.totalJ(), R.totalJ()), formatSI(double(N.TOs), "TO"),
      formatSI(double(N.MACs), "MAC"), N.E.computeBound() ? "compute" : "memory");
  std::string Bytes;
  for (size_t L = 0; L < R.Levels.size(); ++L) {
    double B = (L < N.E.ReadBytes.size() ? N.E.ReadBytes[L] : 0.0) +
               (L < N.E.WriteBytes.size() ? N.E.WriteBytes[L] : 0.0);
    if (B > 0)
      Bytes += (Bytes.empty() ? "" : ", ") + R.Levels[L].Name + " " +
               formatSI(B, "B");
  }
  if (!Bytes.empty())
    S += "; bytes " + Bytes;
  if (N.E.SpillsFrom >= 0 && size_t(N.E.SpillsFrom) < R.Levels.size())
    S += "; spills " + R.Levels[N.E.SpillsFrom].Name;
  return S;
}

Error annotateModel(StringRef InPath, const Graph &Gr, const Report &R,
                    StringRef OutPath) {
  onnx::ModelProto M;
  if (Error E = readModelProtoForCopy(InPath, M))
    return E;
  onnx::GraphProto &G = *M.mutable_graph();

  // Each node of the file is found in the estimate by the value it
  // produces (names of values are unique in a graph and survive import),
  // and takes the name the reports give it. A call of a model-local
  // function was expanded by Import into "<call>/<node>" nodes; the call
  // gets their sums. A node that produces no named value is found by the
  // naming scheme of Graph.h.
  std::vector<std::string> Names, OpTypes;
  for (const onnx::NodeProto &N : G.node()) {
    Names.push_back(N.name());
    OpTypes.push_back(N.op_type());
  }
  NodeNames Unique = uniqueNodeNames(Names, OpTypes);
  StringMap<const ReportNode *> ByName;
  std::vector<const ReportNode *> ByIndex(Gr.Nodes.size(), nullptr);
  for (const ReportNode &N : R.Nodes) {
    ByName[N.Name] = &N;
    if (N.Index < ByIndex.size())
      ByIndex[N.Index] = &N;
  }
  StringMap<int> ProducerOf; // value name -> node index, for every output
  for (const Value &V : Gr.Values)
    if (V.Producer >= 0 && size_t(V.Producer) < ByIndex.size())
      ProducerOf[V.Name] = V.Producer;
  auto Producer = [&](const onnx::NodeProto &NP) -> const ReportNode * {
    for (const std::string &Out : NP.output()) {
      if (Out.empty())
        continue;
      auto It = ProducerOf.find(Out);
      return It == ProducerOf.end() ? nullptr : ByIndex[It->second];
    }
    return nullptr;
  };

  // Drop what an earlier annotate wrote.
  auto *Props = M.mutable_metadata_props();
  for (int I = Props->size() - 1; I >= 0; --I)
    if (StringRef(Props->Get(I).key()).starts_with(AnnotationKeyPrefix))
      Props->DeleteSubrange(I, 1);

  std::vector<std::pair<std::string, std::string>> NodeEntries;
  for (int I = 0; I < G.node_size(); ++I) {
    onnx::NodeProto &NP = *G.mutable_node(I);
    std::string Name = Unique.Names[I];
    const ReportNode *Found = Producer(NP);
    std::optional<ReportNode> Call;
    if (Found && Found->OpType == NP.op_type() &&
        Found->Domain == (NP.domain() == "ai.onnx" ? "" : NP.domain())) {
      Name = Found->Name;
    } else if (Found && StringRef(Found->Name).contains('/')) {
      Name = StringRef(Found->Name).split('/').first.str();
      Call = functionCall(R, NP, Name);
    } else {
      auto It = ByName.find(Name);
      if (It != ByName.end())
        Found = It->second;
      else
        Call = functionCall(R, NP, Name);
      if (!Found && !Call)
        return fileError(InPath, "node '" + Name + "' (" + NP.op_type() +
                                     ") is not in the estimate; was the "
                                     "report made from another model?");
    }
    if (!Call && !Found)
      return fileError(InPath, "node '" + Name + "' (" + NP.op_type() +
                                   ") is not in the estimate");
    if (NP.name() != Name)
      NP.set_name(Name);
    const ReportNode &RN = Call ? *Call : *Found;
    std::string Rest = withoutOurLine(NP.doc_string());
    NP.set_doc_string(AnnotationDocPrefix + nodeSummary(R, RN) +
                      (Rest.empty() ? "" : "\n" + Rest));
    NodeEntries.emplace_back("node." + Name, nodeJSON(R, RN));
  }

  setMeta(M, "tool", "onnx-energy " + R.ToolVersion);
  setMeta(M, "target", R.TargetName);
  setMeta(M, "energy",
          fmt::format("{} = compute {} + memory {} + static {}",
                      formatSI(R.totalJ(), "J"), formatSI(R.ComputeJ, "J"),
                      formatSI(R.MemoryJ, "J"), formatSI(R.StaticJ, "J")));
  setMeta(M, "energy_J", number(R.totalJ()));
  setMeta(M, "compute_J", number(R.ComputeJ));
  setMeta(M, "memory_J", number(R.MemoryJ));
  setMeta(M, "static_J", number(R.StaticJ));
  setMeta(M, "seconds", number(R.Seconds));
  setMeta(M, "tos", std::to_string(R.TOs));
  setMeta(M, "macs", std::to_string(R.MACs));
  setMeta(M, "flops", std::to_string(R.FLOPs));
  setMeta(M, "coverage",
          fmt::format("{}/{} nodes costed", R.NumCosted, R.NumNodes));
  {
    json::Object P;
    for (const auto &[K, V] : R.Opts.Parameters)
      P[K] = V;
    std::string S;
    raw_string_ostream OS(S);
    OS << json::Value(std::move(P));
    setMeta(M, "parameters", S);
  }
  for (auto &[K, V] : NodeEntries)
    setMeta(M, K, V);

  if (Error E = relocateExternalData(M, InPath, OutPath))
    return E;

  if (M.ByteSizeLong() > size_t(INT_MAX))
    return fileError(OutPath, "the annotated model would be larger than "
                              "2 GiB, more than one protobuf message holds");
  std::string Bytes;
  if (!M.SerializeToString(&Bytes))
    return fileError(OutPath, "protobuf could not serialize the model");
  if (Error E = writeToOutput(OutPath, [&](raw_ostream &OS) {
        OS << Bytes;
        return Error::success();
      }))
    return fileError(OutPath, "cannot write: " + toString(std::move(E)));
  return Error::success();
}

} // namespace onnx_energy
