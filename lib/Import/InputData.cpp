//===- Import/InputData.cpp - Recorded values of graph inputs --------------===//
//
// `--input-data [NAME=]FILE.pb` and `--input-data-dir DIR`: the value of a
// graph input, read from a serialized TensorProto (a SequenceProto for a
// sequence input), the format ONNX's test data sets store inputs in
// (test_data_set_0/input_0.pb, ...). Some costs depend on input values, not
// only on shapes: a Loop's trip count, a CumSum axis, a window length
// computed into a Range, the number of pieces a SplitToSequence makes. A
// value makes the input's shape known (as --input would), and a small
// integer, bool or float tensor (at most FoldLimits::MaxElements elements)
// or a sequence's length becomes known to shape folding and to the
// lowering rules. Nothing else of the data is kept.
//
//===----------------------------------------------------------------------===//
#include "ImportInternal.h"
#include "onnx/onnx-data.pb.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace llvm;

namespace onnx_energy {

Error parseInputDataOption(StringRef S, ImportOptions &Opts) {
  if (S.trim().empty())
    return createStringError(inconvertibleErrorCode(),
                             "invalid --input-data '': expected FILE.pb or "
                             "NAME=FILE.pb");
  // NAME=FILE unless the whole text names an existing file (a path may
  // contain '=').
  size_t Eq = S.find('=');
  if (Eq != StringRef::npos && !sys::fs::exists(S)) {
    StringRef Name = S.take_front(Eq).trim(), File = S.drop_front(Eq + 1);
    if (Name.empty() || File.empty())
      return createStringError(inconvertibleErrorCode(),
                               "invalid --input-data '%s': expected FILE.pb "
                               "or NAME=FILE.pb",
                               S.str().c_str());
    Opts.InputData.emplace_back(Name.str(), File.str());
    return Error::success();
  }
  Opts.InputData.emplace_back(std::string(), S.str());
  return Error::success();
}

namespace detail {
namespace {

/// No input file is parsed when larger: an input value is an image or a
/// batch of tokens, not a model.
constexpr uint64_t MaxInputFileBytes = uint64_t(1) << 30;

Expected<std::unique_ptr<MemoryBuffer>> readInputFile(StringRef File) {
  uint64_t Size = 0;
  if (std::error_code EC = sys::fs::file_size(File, Size))
    return createStringError(inconvertibleErrorCode(),
                             "%s: cannot read the input data file: %s",
                             File.str().c_str(), EC.message().c_str());
  if (Size > MaxInputFileBytes)
    return createStringError(inconvertibleErrorCode(),
                             "%s: the input data file is %llu bytes, more "
                             "than the %llu accepted",
                             File.str().c_str(), (unsigned long long)Size,
                             (unsigned long long)MaxInputFileBytes);
  auto Buf = MemoryBuffer::getFile(File, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf)
    return createStringError(inconvertibleErrorCode(),
                             "%s: cannot read the input data file: %s",
                             File.str().c_str(),
                             Buf.getError().message().c_str());
  return std::move(*Buf);
}

/// One file to read and the graph input it is for (empty: the name stored
/// in the file).
struct Request {
  std::string Name;
  std::string File;
  int Position = -1; ///< from --input-data-dir: input_<Position>.pb
};

class Loader {
public:
  Loader(const ImportOptions &Opts, const onnx::GraphProto &G,
         const std::unordered_set<std::string> &WeightNames, StringRef Model)
      : Opts(Opts), Model(Model) {
    for (const auto &VI : G.input())
      if (!WeightNames.count(VI.name()))
        Inputs.push_back(&VI);
  }

  Expected<std::vector<InputValue>> run() {
    std::vector<Request> Reqs;
    if (!Opts.InputDataDir.empty())
      if (Error E = listDir(Reqs))
        return E;
    for (const auto &[Name, File] : Opts.InputData)
      Reqs.push_back({Name, File, -1});
    std::vector<InputValue> Out;
    for (const Request &R : Reqs) {
      Expected<InputValue> V = load(R);
      if (!V)
        return V.takeError();
      // A later value for the same input (--input-data after the
      // directory) replaces the earlier one.
      auto It = std::find_if(Out.begin(), Out.end(), [&](const InputValue &X) {
        return X.Name == V->Name;
      });
      if (It != Out.end())
        *It = std::move(*V);
      else
        Out.push_back(std::move(*V));
    }
    return Out;
  }

private:
  const ImportOptions &Opts;
  StringRef Model;
  std::vector<const onnx::ValueInfoProto *> Inputs;

  Error fail(const Twine &Msg) const {
    return createStringError(inconvertibleErrorCode(), Msg.str());
  }

  std::string inputList() const {
    std::string S;
    for (const auto *VI : Inputs)
      S += (S.empty() ? "'" : ", '") + VI->name() + "'";
    return S.empty() ? std::string("(none)") : S;
  }

  Error listDir(std::vector<Request> &Reqs) const {
    StringRef Dir = Opts.InputDataDir;
    if (!sys::fs::is_directory(Dir))
      return fail("--input-data-dir '" + Dir + "' is not a directory");
    for (int K = 0;; ++K) {
      SmallString<256> P(Dir);
      sys::path::append(P, "input_" + Twine(K) + ".pb");
      if (!sys::fs::exists(P)) {
        if (K == 0 && !Inputs.empty())
          return fail("--input-data-dir '" + Dir +
                      "' holds no input_0.pb (ONNX test data sets name "
                      "their inputs input_0.pb, input_1.pb, ...)");
        return Error::success();
      }
      if (size_t(K) >= Inputs.size())
        return fail(Twine(P) + ": the model '" + Model + "' has only " +
                    Twine(Inputs.size()) + " graph input(s): " + inputList());
      Reqs.push_back({std::string(), std::string(P), K});
    }
  }

  const onnx::ValueInfoProto *findInput(StringRef Name) const {
    for (const auto *VI : Inputs)
      if (VI->name() == Name)
        return VI;
    return nullptr;
  }

  Expected<InputValue> load(const Request &R) const {
    Expected<std::unique_ptr<MemoryBuffer>> Buf = readInputFile(R.File);
    if (!Buf)
      return Buf.takeError();
    StringRef Bytes = (*Buf)->getBuffer();
    // The graph input: named on the command line, else by the name stored
    // in the file when it is one of the inputs, else (from a directory)
    // by position. Its type says how to read the file.
    const onnx::ValueInfoProto *VI = nullptr;
    if (!R.Name.empty()) {
      VI = findInput(R.Name);
      if (!VI)
        return fail("--input-data " + R.Name + "=" + R.File +
                    ": the model '" + Model + "' has no graph input '" +
                    R.Name + "'; its inputs are " + inputList());
    } else {
      onnx::TensorProto Probe;
      if (Probe.ParseFromArray(Bytes.data(), int(Bytes.size())) &&
          !Probe.name().empty())
        VI = findInput(Probe.name());
      if (!VI && R.Position >= 0)
        VI = Inputs[size_t(R.Position)];
      if (!VI)
        return fail(R.File + ": the file names no graph input of '" + Model +
                    "' (" +
                    (Probe.name().empty() ? std::string("it stores no name")
                                          : "it is for '" + Probe.name() + "'") +
                    "); say which with --input-data NAME=" + R.File +
                    "; the inputs are " + inputList());
    }
    InputValue V;
    V.Name = VI->name();
    V.File = R.File;
    const onnx::TypeProto &T = VI->type();
    if (T.has_sequence_type()) {
      onnx::SequenceProto S;
      if (!S.ParseFromArray(Bytes.data(), int(Bytes.size())))
        return fail(R.File + ": not a serialized ONNX SequenceProto (graph "
                             "input '" + V.Name + "' is a sequence)");
      V.Kind = InputValue::Sequence;
      // The dims all tensor elements agree on (-1 where they differ).
      for (int I = 0; I < S.tensor_values_size(); ++I) {
        const auto &D = S.tensor_values(I).dims();
        if (I == 0) {
          V.ElementDims.assign(D.begin(), D.end());
          V.ElementRankKnown = true;
          continue;
        }
        if (D.size() != int(V.ElementDims.size())) {
          V.ElementRankKnown = false;
          break;
        }
        for (int K = 0; K < D.size(); ++K)
          if (D[K] != V.ElementDims[size_t(K)])
            V.ElementDims[size_t(K)] = -1;
      }
      V.SequenceLength = std::max(
          {S.tensor_values_size(), S.sparse_tensor_values_size(),
           S.sequence_values_size(), S.map_values_size(),
           S.optional_values_size()});
      return V;
    }
    if (!T.has_tensor_type()) {
      // Optional and map inputs: the value says nothing a cost depends on.
      V.Kind = InputValue::Ignored;
      return V;
    }
    onnx::TensorProto TP;
    if (!TP.ParseFromArray(Bytes.data(), int(Bytes.size())))
      return fail(R.File + ": not a serialized ONNX TensorProto");
    if (isExternal(TP))
      return fail(R.File + ": the tensor's data is stored in another file; "
                           "an input data file must hold its data");
    // ONNX's own test data stores bfloat16 inputs as uint16 tensors: a
    // type that differs gives the shape but not the values.
    int32_t Declared = T.tensor_type().elem_type();
    bool TypeAgrees = Declared == 0 || TP.data_type() == Declared;
    if (!TypeAgrees)
      V.Warning = std::string("the tensor in '") + R.File + "' is of type " +
                  elemTypeName(ElemType(TP.data_type())) +
                  " but graph input '" + V.Name + "' is of type " +
                  elemTypeName(ElemType(Declared)) +
                  "; its shape is used, its values are not";
    V.Kind = InputValue::Tensor;
    for (int64_t D : TP.dims()) {
      if (D < 0)
        return fail(R.File + ": the tensor has a negative dim (" + Twine(D) +
                    ")");
      V.Dims.push_back(D);
    }
    if (T.tensor_type().has_shape()) {
      const auto &S = T.tensor_type().shape();
      bool Agrees = S.dim_size() == int(V.Dims.size());
      for (int I = 0; Agrees && I < S.dim_size(); ++I)
        Agrees = !S.dim(I).has_dim_value() ||
                 S.dim(I).dim_value() == V.Dims[size_t(I)];
      // ONNX's own test data has such files (CastLike's 'like'): the
      // model's shape stands.
      if (!Agrees) {
        V.Kind = InputValue::Ignored;
        V.Warning = "the tensor in '" + R.File + "' has shape " +
                    shapeOf(V.Dims) + " but graph input '" + V.Name +
                    "' is " + shapeOf(S) + "; the file is not used";
        return V;
      }
    }
    if (TypeAgrees)
      V.Value = decodeTensor(TP, FoldLimits().MaxElements, /*AllowReal=*/true);
    return V;
  }

  static std::string shapeOf(const std::vector<int64_t> &Dims) {
    if (Dims.empty())
      return "scalar";
    std::string S;
    for (int64_t D : Dims)
      S += (S.empty() ? "" : "x") + std::to_string(D);
    return S;
  }
  static std::string shapeOf(const onnx::TensorShapeProto &S) {
    if (S.dim_size() == 0)
      return "scalar";
    std::string Out;
    for (const auto &D : S.dim())
      Out += (Out.empty() ? "" : "x") +
             (D.has_dim_value() ? std::to_string(D.dim_value())
                                : D.dim_param().empty() ? std::string("?")
                                                        : D.dim_param());
    return Out;
  }
};

} // namespace

Expected<std::vector<InputValue>>
loadInputData(const ImportOptions &Opts, const onnx::GraphProto &G,
              const std::unordered_set<std::string> &WeightNames,
              StringRef ModelPath) {
  if (Opts.InputData.empty() && Opts.InputDataDir.empty())
    return std::vector<InputValue>();
  return Loader(Opts, G, WeightNames, ModelPath).run();
}

} // namespace detail
} // namespace onnx_energy
