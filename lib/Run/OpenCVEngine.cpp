//===- lib/Run/OpenCVEngine.cpp - Running a model with OpenCV DNN ---------===//
//
// OpenCV's DNN module (Debian libopencv-dnn-dev) imports the ONNX model into
// its own layers and runs them on the CPU. Its errors are exceptions whose
// text names the ONNX node as "Node [OpType@domain]:(onnx_node!name)" (or
// "onnx_node_output_0!output" for a node without a name); they are turned
// into one sentence naming the node as the analyzer names it.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Run/Engine.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/dnn.hpp>
#include <exception>

using namespace llvm;

namespace onnx_energy {

Engine::~Engine() = default;

namespace {
/// OpenCV's "OpenCV(4.6.0) path/file.cpp:92: error: (-215:Assertion failed)
/// COND in function 'F'" as "assertion failed: COND (in F)".
std::string cleanOpenCVMessage(StringRef M) {
  M = M.trim();
  size_t E = M.find(": error: ");
  if (M.starts_with("OpenCV(") && E != StringRef::npos)
    M = M.drop_front(E + 9);
  std::string Kind;
  if (M.starts_with("(")) {
    size_t Close = M.find(") ");
    if (Close != StringRef::npos) {
      StringRef Code = M.slice(1, Close);
      Kind = Code.split(':').second.lower(); // "assertion failed"
      M = M.drop_front(Close + 2);
    }
  }
  std::string Where;
  size_t In = M.rfind(" in function '");
  if (In != StringRef::npos) {
    Where = M.drop_front(In + 14).rtrim("'\n >").str();
    M = M.take_front(In);
  }
  std::string S = Kind.empty() || Kind == "unspecified error"
                      ? M.trim().str()
                      : Kind + ": " + M.trim().str();
  if (!Where.empty())
    S += " (in " + Where + ")";
  return S;
}

/// The graph's node that OpenCV's identifier refers to: "onnx_node!NAME"
/// or "onnx_node_output_0!OUTPUT".
const Node *findNode(const Graph &G, StringRef Id) {
  auto [Kind, Name] = Id.split('!');
  for (const Node &N : G.Nodes) {
    if (Kind == "onnx_node" && N.Name == Name)
      return &N;
    if (Kind.starts_with("onnx_node_output_"))
      for (int O : N.Outputs)
        if (O >= 0 && G.value(O).Name == Name)
          return &N;
  }
  return nullptr;
}
} // namespace

std::string explainOpenCVError(StringRef What, const Graph &G) {
  // "... > Node [Gemm@ai.onnx]:(onnx_node!fc) parse error: OpenCV(...) ..."
  size_t At = What.find("Node [");
  if (At == StringRef::npos)
    return "OpenCV DNN failed: " + cleanOpenCVMessage(What.split('\n').first);
  StringRef Rest = What.drop_front(At + 6);
  StringRef OpAndDomain = Rest.take_until([](char C) { return C == ']'; });
  auto [Op, Domain] = OpAndDomain.split('@');
  Rest = Rest.drop_front(OpAndDomain.size());
  StringRef Id;
  if (Rest.consume_front("]:(")) {
    Id = Rest.take_until([](char C) { return C == ')'; });
    Rest = Rest.drop_front(Id.size()).drop_front();
  }
  StringRef Cause = Rest;
  size_t PE = Cause.find("error: ");
  if (PE != StringRef::npos && Cause.take_front(PE).contains("parse"))
    Cause = Cause.drop_front(PE + 7);
  Cause = Cause.split("\n>").first.split('\n').first;
  const Node *N = findNode(G, Id);
  std::string NodeText =
      N ? "node '" + N->Name + "' (" + N->OpType + ")"
        : "node " + (Id.empty() ? std::string("?") : "'" + Id.str() + "'") +
              " (" + Op.str() + ")";
  std::string Op2 = Op.str();
  if (!Domain.empty() && Domain != "ai.onnx")
    Op2 += " from domain " + Domain.str();
  if (Cause.contains("Can't create layer"))
    return "OpenCV " CV_VERSION " DNN cannot run " + NodeText +
           ": it has no layer for op " + Op2;
  return "OpenCV " CV_VERSION " DNN cannot run " + NodeText +
         ": its ONNX importer rejects the node (" + cleanOpenCVMessage(Cause) +
         ")";
}

namespace {
class OpenCVEngine : public Engine {
public:
  std::string description() const override {
    return formatv("OpenCV {0} DNN, CPU, {1} thread(s)", CV_VERSION,
                   cv::getNumThreads())
        .str();
  }

  Error run(unsigned N) override {
    try {
      for (unsigned I = 0; I < N; ++I) {
        for (size_t K = 0; K < Inputs.size(); ++K)
          Net.setInput(Blobs[K], Inputs[K]);
        Net.forward(Outs, OutNames);
      }
    } catch (const cv::Exception &E) {
      return createStringError(inconvertibleErrorCode(),
                               explainOpenCVError(E.what(), *G));
    } catch (const std::exception &E) {
      return createStringError(inconvertibleErrorCode(),
                               "OpenCV DNN failed while running: %s", E.what());
    }
    return Error::success();
  }

  cv::dnn::Net Net;
  std::vector<std::string> Inputs;
  std::vector<cv::Mat> Blobs, Outs;
  std::vector<cv::String> OutNames;
  const Graph *G = nullptr;
};
} // namespace

Expected<std::unique_ptr<Engine>>
openOpenCVEngine(StringRef Path, const Graph &G, ArrayRef<InputSpec> Inputs,
                 const EngineOptions &Opts) {
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
  for (int VI = 0; VI < int(G.Values.size()); ++VI)
    if (G.Values[VI].IsExternal)
      return createStringError(
          inconvertibleErrorCode(),
          "%s: initializer '%s' is stored in an external file, which OpenCV "
          "DNN %s does not read",
          Path.str().c_str(), G.Values[VI].Name.c_str(),
          static_cast<const char *>(CV_VERSION));
  Expected<std::string> Bytes = modelBytes(Path);
  if (!Bytes)
    return Bytes.takeError();
  auto E = std::make_unique<OpenCVEngine>();
  E->G = &G;
  if (Opts.Threads)
    cv::setNumThreads(int(Opts.Threads));
  try {
    E->Net = cv::dnn::readNetFromONNX(Bytes->data(), Bytes->size());
    E->Net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    E->Net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    E->OutNames = E->Net.getUnconnectedOutLayersNames();
    cv::RNG Rng(Opts.Seed);
    for (const InputSpec &In : Inputs) {
      std::vector<int> Dims;
      for (int64_t D : In.Shape) {
        if (D > INT32_MAX)
          return createStringError(inconvertibleErrorCode(),
                                   "%s: input '%s' has a dimension too large "
                                   "for OpenCV",
                                   Path.str().c_str(), In.Name.c_str());
        Dims.push_back(int(D));
      }
      if (Dims.empty())
        Dims.push_back(1);
      cv::Mat Blob(int(Dims.size()), Dims.data(), CV_32F);
      bool Float = In.Type == ElemType::Float || In.Type == ElemType::Double ||
                   In.Type == ElemType::Float16 ||
                   In.Type == ElemType::BFloat16;
      if (Float)
        Rng.fill(Blob, cv::RNG::UNIFORM, 0.0, 1.0);
      else
        Blob.setTo(0);
      E->Inputs.push_back(In.Name);
      E->Blobs.push_back(Blob);
    }
  } catch (const cv::Exception &Ex) {
    return fileError(Path, explainOpenCVError(Ex.what(), G));
  } catch (const std::exception &Ex) {
    return fileError(Path,
                     Twine("OpenCV DNN cannot load the model: ") + Ex.what());
  }
  // One inference now: errors that only show when layers are set up for
  // the input shapes are found before anything is metered.
  if (Error Err = E->run(1))
    return fileError(Path, toString(std::move(Err)));
  return std::unique_ptr<Engine>(std::move(E));
}

} // namespace onnx_energy
