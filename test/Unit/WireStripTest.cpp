//===- test/Unit/WireStripTest.cpp - Weights dropped on the wire ----------===//
//
// The wire-format stripper of the Import stage (lib/Import/WireStrip.h) read
// from a file through windows of several sizes must give exactly what it
// gives on the same bytes in memory, with the same errors at the same byte
// offsets, and must not read the payloads it skips.
//
//===----------------------------------------------------------------------===//
#include "../../lib/Import/WireStrip.h"
#include "onnx/onnx_pb.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <gtest/gtest.h>
#include <fstream>

using namespace onnx_energy::detail;
using llvm::SmallString;

namespace {

struct Result {
  std::string Out;
  std::string Error; ///< empty on success
  bool IOError = false;
  StripStats Stats;
};

Result fromMemory(llvm::StringRef Bytes) {
  Result R;
  if (llvm::Error E = stripTensorPayloads(llvm::arrayRefFromStringRef(Bytes),
                                          R.Out, R.Stats))
    R.Error = llvm::toString(std::move(E));
  return R;
}

Result fromFile(const std::string &Path, size_t Window,
                uint64_t ClaimedSize = UINT64_MAX) {
  Result R;
  auto FD = llvm::sys::fs::openNativeFileForRead(Path);
  if (!FD) {
    R.Error = llvm::toString(FD.takeError());
    return R;
  }
  uint64_t Size = 0;
  llvm::sys::fs::file_size(Path, Size);
  if (ClaimedSize != UINT64_MAX)
    Size = ClaimedSize;
  if (llvm::Error E = stripTensorPayloadsFromFile(*FD, Size, R.Out, R.Stats,
                                                  DefaultKeepPayloadBytes,
                                                  Window)) {
    llvm::handleAllErrors(std::move(E), [&](const llvm::ErrorInfoBase &EI) {
      R.IOError = EI.convertToErrorCode() != llvm::inconvertibleErrorCode();
      R.Error = EI.message();
    });
  }
  llvm::sys::fs::closeFile(*FD);
  return R;
}

class WireStripTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("oe-wirestrip-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(llvm::StringRef Name, llvm::StringRef Bytes) const {
    SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    std::ofstream OS(std::string(P), std::ios::binary);
    OS.write(Bytes.data(), Bytes.size());
    return std::string(P);
  }

  /// Checks that every window gives what memory gives on Bytes.
  void expectSameAsMemory(llvm::StringRef Name, llvm::StringRef Bytes) {
    std::string P = write(Name, Bytes);
    Result Mem = fromMemory(Bytes);
    for (size_t Window : {size_t(64), size_t(100), size_t(4096),
                          DefaultReadWindowBytes}) {
      SCOPED_TRACE(Name.str() + " through a window of " +
                   std::to_string(Window));
      Result File = fromFile(P, Window);
      EXPECT_EQ(File.Error, Mem.Error);
      EXPECT_FALSE(File.IOError);
      EXPECT_TRUE(File.Out == Mem.Out);
      EXPECT_EQ(File.Stats.TensorsStripped, Mem.Stats.TensorsStripped);
      EXPECT_EQ(File.Stats.BytesSkipped, Mem.Stats.BytesSkipped);
      EXPECT_LE(File.Stats.BytesRead, uint64_t(Bytes.size()));
    }
  }

  SmallString<128> Dir;
};

/// A model with a node, a small and a large initializer (raw_data and
/// float_data), a Constant node holding a large tensor, and a subgraph.
onnx::ModelProto sampleModel(int64_t BigElements) {
  onnx::ModelProto M;
  M.set_ir_version(8);
  M.add_opset_import()->set_version(13);
  M.set_doc_string(std::string(300, 'd')); // a long field copied verbatim
  onnx::GraphProto *G = M.mutable_graph();
  G->set_name("g");
  onnx::NodeProto *N = G->add_node();
  N->set_op_type("Reshape");
  N->add_input("x");
  N->add_input("shape");
  N->add_output("y");
  onnx::TensorProto *Shape = G->add_initializer();
  Shape->set_name("shape");
  Shape->set_data_type(onnx::TensorProto::INT64);
  Shape->add_dims(2);
  Shape->add_int64_data(1);
  Shape->add_int64_data(-1);
  onnx::TensorProto *W = G->add_initializer();
  W->set_name("W");
  W->set_data_type(onnx::TensorProto::FLOAT);
  W->add_dims(BigElements);
  W->set_raw_data(std::string(size_t(BigElements) * 4, '\x3f'));
  onnx::TensorProto *F = G->add_initializer();
  F->set_name("F");
  F->set_data_type(onnx::TensorProto::FLOAT);
  F->add_dims(BigElements);
  for (int64_t I = 0; I < BigElements; ++I)
    F->add_float_data(float(I));
  onnx::NodeProto *C = G->add_node();
  C->set_op_type("Constant");
  C->add_output("c");
  onnx::AttributeProto *A = C->add_attribute();
  A->set_name("value");
  A->set_type(onnx::AttributeProto::TENSOR);
  *A->mutable_t() = *W;
  A->mutable_t()->set_name("c");
  onnx::NodeProto *If = G->add_node();
  If->set_op_type("If");
  If->add_input("cond");
  If->add_output("z");
  onnx::AttributeProto *Then = If->add_attribute();
  Then->set_name("then_branch");
  Then->set_type(onnx::AttributeProto::GRAPH);
  onnx::GraphProto *Sub = Then->mutable_g();
  Sub->set_name("then");
  *Sub->add_initializer() = *W;
  return M;
}

TEST_F(WireStripTest, FileWindowsMatchMemory) {
  for (int64_t Elements : {int64_t(4), int64_t(1000), int64_t(100000)})
    expectSameAsMemory("sample-" + std::to_string(Elements) + ".onnx",
                       sampleModel(Elements).SerializeAsString());
}

TEST_F(WireStripTest, SharedModelsMatchMemory) {
  std::error_code EC;
  unsigned Seen = 0;
  for (llvm::sys::fs::directory_iterator
           It(ONNX_ENERGY_TEST_SHARED_DIR "/models", EC),
       End;
       It != End && !EC; It.increment(EC)) {
    if (!llvm::StringRef(It->path()).ends_with(".onnx"))
      continue;
    auto Buf = llvm::MemoryBuffer::getFile(It->path());
    ASSERT_TRUE(bool(Buf)) << It->path();
    expectSameAsMemory(llvm::sys::path::filename(It->path()),
                       (*Buf)->getBuffer());
    ++Seen;
  }
  if (!Seen)
    GTEST_SKIP() << "no models in " ONNX_ENERGY_TEST_SHARED_DIR "/models";
}

TEST_F(WireStripTest, TruncatedFilesFailAtTheSameByte) {
  std::string Bytes = sampleModel(1000).SerializeAsString();
  unsigned Failed = 0;
  for (size_t Cut = 1; Cut < Bytes.size(); Cut += 53) {
    llvm::StringRef Head(Bytes.data(), Cut);
    Result Mem = fromMemory(Head);
    Failed += !Mem.Error.empty();
    std::string P = write("cut.onnx", Head);
    Result File = fromFile(P, 64);
    EXPECT_EQ(File.Error, Mem.Error) << "cut at " << Cut;
    EXPECT_TRUE(File.Out == Mem.Out || !Mem.Error.empty()) << "cut at " << Cut;
  }
  // Nearly every cut lands inside a field.
  EXPECT_GT(Failed, Bytes.size() / 53 / 2);
}

TEST_F(WireStripTest, SkippedPayloadsAreNotRead) {
  // 2 x 4 MB of payload (raw_data, float_data) and two more copies of W.
  std::string Bytes = sampleModel(1 << 20).SerializeAsString();
  std::string P = write("big.onnx", Bytes);
  Result File = fromFile(P, DefaultReadWindowBytes);
  ASSERT_EQ(File.Error, "");
  EXPECT_EQ(File.Stats.TensorsStripped, 4u);
  EXPECT_GT(File.Stats.BytesSkipped, uint64_t(16) << 20);
  // At most a window around each of the 4 payloads and the graph itself.
  EXPECT_LT(File.Stats.BytesRead, 6 * DefaultReadWindowBytes);
  EXPECT_LT(File.Stats.BytesRead + File.Stats.BytesSkipped,
            uint64_t(Bytes.size()) + 6 * DefaultReadWindowBytes);
}

TEST_F(WireStripTest, FileShorterThanClaimedIsAReadError) {
  std::string Bytes = sampleModel(1000).SerializeAsString();
  std::string P = write("short.onnx", Bytes);
  Result File = fromFile(P, 64, Bytes.size() + 100);
  EXPECT_TRUE(File.IOError) << File.Error;
  EXPECT_NE(File.Error.find("the file ended at byte"), std::string::npos)
      << File.Error;
}

} // namespace
