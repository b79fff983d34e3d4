//===- test/Unit/ImportTest.cpp - The Import stage ------------------------===//
//
// Models are written by the tests themselves (ONNX text, or ModelProtos
// built here) into a temporary folder, then imported. Covers ordering and
// structural errors, the text syntax, --dim and --input, diagnostics,
// external data checks, weight stripping, and the memory bound on a model
// with hundreds of MB of inline weights.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Import/Import.h"
#include "onnx/onnx_pb.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace onnx_energy;
using llvm::SmallString;

namespace {

//===-- Helpers ---------------------------------------------------------===//

class ImportTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("oe-import-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) const {
    SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }

  std::string write(llvm::StringRef Name, llvm::StringRef Bytes) const {
    std::string P = path(Name);
    std::ofstream OS(P, std::ios::binary);
    OS.write(Bytes.data(), Bytes.size());
    return P;
  }

  std::string write(llvm::StringRef Name, const onnx::ModelProto &M) const {
    return write(Name, M.SerializeAsString());
  }

  /// Imports and expects success; the diagnostics are kept in Diags.
  Graph import(const std::string &P, const ImportOptions &Opts = {}) {
    Diags = DiagnosticList();
    auto G = importModel(P, Opts, Diags);
    if (!G) {
      ADD_FAILURE() << "import failed: " << llvm::toString(G.takeError());
      return Graph();
    }
    return std::move(*G);
  }

  /// Imports and expects failure; returns the message.
  std::string importError(const std::string &P,
                          const ImportOptions &Opts = {}) {
    Diags = DiagnosticList();
    auto G = importModel(P, Opts, Diags);
    if (G) {
      ADD_FAILURE() << "import of " << P << " succeeded";
      return "";
    }
    return llvm::toString(G.takeError());
  }

  static std::vector<std::string> nodeNames(const Graph &G) {
    std::vector<std::string> R;
    for (const Node &N : G.Nodes)
      R.push_back(N.Name);
    return R;
  }

  static const Value &val(const Graph &G, const std::string &Name) {
    int I = G.findValue(Name);
    EXPECT_GE(I, 0) << Name;
    static Value None;
    return I < 0 ? None : G.Values[I];
  }

  SmallString<128> Dir;
  DiagnosticList Diags;
};

/// A ModelProto with IR 8 and ai.onnx opset 13.
onnx::ModelProto makeModel(int Opset = 13) {
  onnx::ModelProto M;
  M.set_ir_version(8);
  M.set_producer_name("import-test");
  auto *O = M.add_opset_import();
  O->set_domain("");
  O->set_version(Opset);
  M.mutable_graph()->set_name("g");
  return M;
}

/// Dims as strings: digits are values, anything else a dim_param.
void setType(onnx::ValueInfoProto *VI, const std::string &Name, int Elem,
             const std::vector<std::string> &Dims) {
  VI->set_name(Name);
  auto *TT = VI->mutable_type()->mutable_tensor_type();
  TT->set_elem_type(Elem);
  auto *S = TT->mutable_shape();
  for (const std::string &D : Dims) {
    auto *X = S->add_dim();
    if (!D.empty() && std::isdigit(D[0]))
      X->set_dim_value(std::stoll(D));
    else
      X->set_dim_param(D);
  }
}

void addInput(onnx::ModelProto &M, const std::string &Name,
              const std::vector<std::string> &Dims,
              int Elem = onnx::TensorProto::FLOAT) {
  setType(M.mutable_graph()->add_input(), Name, Elem, Dims);
}

void addOutput(onnx::ModelProto &M, const std::string &Name,
               const std::vector<std::string> &Dims = {},
               int Elem = onnx::TensorProto::FLOAT) {
  auto *VI = M.mutable_graph()->add_output();
  if (Dims.empty())
    VI->set_name(Name);
  else
    setType(VI, Name, Elem, Dims);
}

onnx::NodeProto *addNode(onnx::ModelProto &M, const std::string &Op,
                         const std::vector<std::string> &Ins,
                         const std::vector<std::string> &Outs,
                         const std::string &Name = "") {
  auto *N = M.mutable_graph()->add_node();
  N->set_op_type(Op);
  N->set_name(Name);
  for (const auto &I : Ins)
    N->add_input(I);
  for (const auto &O : Outs)
    N->add_output(O);
  return N;
}

onnx::TensorProto *addFloatInit(onnx::ModelProto &M, const std::string &Name,
                                const std::vector<int64_t> &Dims,
                                bool WithData = true) {
  auto *T = M.mutable_graph()->add_initializer();
  T->set_name(Name);
  T->set_data_type(onnx::TensorProto::FLOAT);
  int64_t N = 1;
  for (int64_t D : Dims) {
    T->add_dims(D);
    N *= D;
  }
  if (WithData)
    T->mutable_raw_data()->assign(size_t(N) * 4, '\x01');
  return T;
}

void setExternal(onnx::TensorProto *T, const std::string &Location,
                 const std::string &Offset = "", const std::string &Length = "") {
  T->clear_raw_data();
  T->set_data_location(onnx::TensorProto::EXTERNAL);
  auto Add = [&](const char *K, const std::string &V) {
    auto *E = T->add_external_data();
    E->set_key(K);
    E->set_value(V);
  };
  Add("location", Location);
  if (!Offset.empty())
    Add("offset", Offset);
  if (!Length.empty())
    Add("length", Length);
}

unsigned countCode(const DiagnosticList &D, const std::string &Code) {
  unsigned N = 0;
  for (const Diagnostic &X : D.all())
    N += X.Code == Code;
  return N;
}

const char *TextHeader = "<\n  ir_version: 8,\n  opset_import: [\"\" : 13]\n>\n";

//===-- Ordering and structure -----------------------------------------===//

TEST_F(ImportTest, TopologicalSortOfOutOfOrderGraph) {
  onnx::ModelProto M = makeModel();
  addInput(M, "a", {"2", "3"});
  addNode(M, "Relu", {"c"}, {"d"}, "third");
  addNode(M, "Relu", {"b"}, {"c"}, "second");
  addNode(M, "Relu", {"a"}, {"b"}, "first");
  addNode(M, "Neg", {"a"}, {"e"}, "independent");
  addOutput(M, "d");
  addOutput(M, "e");
  Graph G = import(write("ooo.onnx", M));
  // Earliest ready node in file order first: 'independent' is ready at once
  // but comes after 'first' in the file.
  EXPECT_EQ(nodeNames(G), (std::vector<std::string>{"first", "second",
                                                      "third", "independent"}));
  for (size_t I = 0; I < G.Nodes.size(); ++I)
    for (int In : G.Nodes[I].Inputs) {
      if (G.Values[In].Producer >= 0) {
        EXPECT_LT(G.Values[In].Producer, int(I));
      }
    }
  EXPECT_EQ(val(G, "d").shapeString(), "2x3");
  EXPECT_EQ(val(G, "d").Producer, 2);
}

TEST_F(ImportTest, SortedGraphKeepsFileOrder) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"4"});
  addNode(M, "Neg", {"x"}, {"p"}, "n0");
  addNode(M, "Relu", {"x"}, {"q"}, "n1");
  addNode(M, "Add", {"q", "p"}, {"r"}, "n2");
  addNode(M, "Abs", {"x"}, {"s"}, "n3");
  addOutput(M, "r");
  addOutput(M, "s");
  Graph G = import(write("inorder.onnx", M));
  EXPECT_EQ(nodeNames(G), (std::vector<std::string>{"n0", "n1", "n2", "n3"}));
}

TEST_F(ImportTest, SubgraphUsesOrderTheGraph) {
  std::string Text = std::string(TextHeader) + R"(
agraph (bool cond, float[2] X) => (float[2] Y)
{
  Y = If(cond) <
    then_branch = g1 () => (float[2] Z1) { Z1 = Identity(V) },
    else_branch = g2 () => (float[2] Z2) { Z2 = Neg(V) }
  >
  V = Relu(X)
}
)";
  Graph G = import(write("if.onnxtxt", Text));
  ASSERT_EQ(G.Nodes.size(), 2u);
  EXPECT_EQ(G.Nodes[0].OpType, "Relu");
  EXPECT_EQ(G.Nodes[1].OpType, "If");
  const Attribute *A = G.Nodes[1].attr("then_branch");
  ASSERT_NE(A, nullptr);
  EXPECT_EQ(A->K, Attribute::Graph);
  EXPECT_EQ(val(G, "Y").shapeString(), "2");
}

TEST_F(ImportTest, CycleIsAnErrorNamingItsNodes) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"2"});
  addNode(M, "Relu", {"x"}, {"a"}, "entry");
  addNode(M, "Add", {"a", "c"}, {"b"}, "loop_add");
  addNode(M, "Relu", {"b"}, {"c"}, "loop_relu");
  addNode(M, "Relu", {"c"}, {"y"}, "after");
  addOutput(M, "y");
  std::string E = importError(write("cycle.onnx", M));
  EXPECT_NE(E.find("cycle.onnx: "), std::string::npos) << E;
  EXPECT_NE(E.find("cycle"), std::string::npos) << E;
  EXPECT_NE(E.find("'loop_add' -> 'loop_relu' -> 'loop_add'"),
            std::string::npos)
      << E;
  EXPECT_EQ(E.find("entry"), std::string::npos) << E;
}

TEST_F(ImportTest, SelfLoopIsACycle) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"2"});
  addNode(M, "Add", {"x", "y"}, {"y"}, "self");
  addOutput(M, "y");
  std::string E = importError(write("self.onnx", M));
  EXPECT_NE(E.find("'self' -> 'self'"), std::string::npos) << E;
}

TEST_F(ImportTest, DanglingInputIsAnError) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"2"});
  addNode(M, "Add", {"x", "ghost"}, {"y"}, "adder");
  addOutput(M, "y");
  std::string E = importError(write("dangling.onnx", M));
  EXPECT_NE(E.find("node 'adder' (Add)"), std::string::npos) << E;
  EXPECT_NE(E.find("'ghost'"), std::string::npos) << E;
}

TEST_F(ImportTest, DanglingGraphOutputIsAnError) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"2"});
  addNode(M, "Relu", {"x"}, {"y"});
  addOutput(M, "nowhere");
  std::string E = importError(write("dangling-out.onnx", M));
  EXPECT_NE(E.find("graph output 'nowhere'"), std::string::npos) << E;
}

TEST_F(ImportTest, DuplicateOutputIsAnError) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"2"});
  addNode(M, "Relu", {"x"}, {"y"}, "one");
  addNode(M, "Neg", {"x"}, {"y"}, "two");
  addOutput(M, "y");
  std::string E = importError(write("dup.onnx", M));
  EXPECT_NE(E.find("'y' is produced twice"), std::string::npos) << E;
  EXPECT_NE(E.find("'one'"), std::string::npos) << E;
  EXPECT_NE(E.find("'two'"), std::string::npos) << E;

  onnx::ModelProto M2 = makeModel();
  addInput(M2, "x", {"2"});
  addNode(M2, "Relu", {"x"}, {"x"}, "shadow");
  addOutput(M2, "x");
  E = importError(write("dup2.onnx", M2));
  EXPECT_NE(E.find("already a graph input"), std::string::npos) << E;
}

TEST_F(ImportTest, UnnamedNodesGetUniqueNames) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"2"});
  addNode(M, "Relu", {"x"}, {"a"});              // Relu_0, taken below
  addNode(M, "Relu", {"a"}, {"b"}, "Relu_0");    // explicit
  addNode(M, "Neg", {"b"}, {"c"});               // Neg_2
  addNode(M, "Neg", {"c"}, {"d"}, "dup");
  addNode(M, "Neg", {"d"}, {"e"}, "dup");        // second 'dup'
  addOutput(M, "e");
  Graph G = import(write("names.onnx", M));
  EXPECT_EQ(nodeNames(G), (std::vector<std::string>{"Relu_0_1", "Relu_0",
                                                      "Neg_2", "dup",
                                                      "dup_1"}));
  EXPECT_TRUE(G.Nodes[0].NameWasGenerated);
  EXPECT_FALSE(G.Nodes[1].NameWasGenerated);
  EXPECT_TRUE(G.Nodes[2].NameWasGenerated);
  EXPECT_FALSE(G.Nodes[3].NameWasGenerated);
  EXPECT_TRUE(G.Nodes[4].NameWasGenerated);
}

TEST_F(ImportTest, GraphFields) {
  onnx::ModelProto M = makeModel(13);
  auto *O = M.add_opset_import();
  O->set_domain("com.example");
  O->set_version(2);
  M.mutable_opset_import(0)->set_domain("ai.onnx"); // folds to ""
  addInput(M, "x", {"1", "4"});
  addFloatInit(M, "w", {4, 3});
  auto *N = addNode(M, "MatMul", {"x", "w"}, {"y"}, "mm");
  N->set_domain("ai.onnx");
  addNode(M, "Custom", {"y"}, {"z"}, "custom")->set_domain("com.example");
  auto *C = addNode(M, "Clip", {"y", "", ""}, {"c"}, "clip");
  (void)C;
  addOutput(M, "z");
  addOutput(M, "c");
  std::string P = write("fields.onnx", M);
  Graph G = import(P);
  EXPECT_EQ(G.Path, P);
  EXPECT_EQ(G.IRVersion, 8);
  EXPECT_EQ(G.ProducerName, "import-test");
  EXPECT_EQ(G.Opsets.at(""), 13);
  EXPECT_EQ(G.Opsets.at("com.example"), 2);
  EXPECT_EQ(G.Opsets.count("ai.onnx"), 0u);
  ASSERT_EQ(G.Nodes.size(), 3u);
  EXPECT_EQ(G.Nodes[0].Domain, "");
  EXPECT_EQ(G.Nodes[0].OpsetVersion, 13);
  EXPECT_EQ(G.Nodes[1].Domain, "com.example");
  EXPECT_EQ(G.Nodes[1].OpsetVersion, 2);
  EXPECT_EQ(G.Nodes[2].Inputs[1], NoValue);
  EXPECT_EQ(G.Nodes[2].Inputs[2], NoValue);
  ASSERT_EQ(G.Inputs.size(), 1u);
  EXPECT_EQ(G.Values[G.Inputs[0]].Name, "x");
  EXPECT_TRUE(G.Values[G.Inputs[0]].IsGraphInput);
  EXPECT_EQ(G.Outputs.size(), 2u);
  EXPECT_TRUE(val(G, "z").IsGraphOutput);
  const Value &W = val(G, "w");
  EXPECT_TRUE(W.IsInitializer);
  EXPECT_FALSE(W.IsGraphInput);
  EXPECT_EQ(W.Producer, -1);
  EXPECT_EQ(G.WeightBytes, 48u);
  EXPECT_EQ(G.FileBytes, M.SerializeAsString().size());
  EXPECT_EQ(val(G, "y").shapeString(), "1x3");
  EXPECT_EQ(val(G, "y").Type, ElemType::Float);
  EXPECT_EQ(val(G, "y").Producer, 0);
}

TEST_F(ImportTest, InitializersListedAsInputsInIR3) {
  onnx::ModelProto M = makeModel(8);
  M.set_ir_version(3);
  addInput(M, "x", {"1", "4"});
  addInput(M, "w", {"4", "3"});
  addFloatInit(M, "w", {4, 3});
  addNode(M, "MatMul", {"x", "w"}, {"y"});
  addOutput(M, "y");
  Graph G = import(write("ir3.onnx", M));
  ASSERT_EQ(G.Inputs.size(), 1u); // w is a weight, not an input
  EXPECT_TRUE(val(G, "w").IsInitializer);
  EXPECT_EQ(val(G, "y").shapeString(), "1x3");
}

//===-- Header checks and malformed files ------------------------------===//

TEST_F(ImportTest, OldIRAndMissingOpsetAreErrors) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"2"});
  addNode(M, "Relu", {"x"}, {"y"});
  addOutput(M, "y");
  M.set_ir_version(2);
  std::string E = importError(write("ir2.onnx", M));
  EXPECT_NE(E.find("IR version 2 is not supported"), std::string::npos) << E;
  M.set_ir_version(3);
  M.clear_opset_import();
  E = importError(write("noopset.onnx", M));
  EXPECT_NE(E.find("imports no opset"), std::string::npos) << E;
  onnx::ModelProto NoGraph = makeModel();
  NoGraph.clear_graph();
  E = importError(write("nograph.onnx", NoGraph));
  EXPECT_NE(E.find("nograph.onnx: not a valid ONNX model (it has no graph)"),
            std::string::npos)
      << E;
  E = importError(write("noheader.onnxtxt",
                        "g (float[2] X) => (float[2] Y) { Y = Relu(X) }\n"));
  EXPECT_NE(E.find("noheader.onnxtxt: not a valid ONNX model (no IR version)"),
            std::string::npos)
      << E;
}

TEST_F(ImportTest, MalformedFilesAreClearErrors) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"2"});
  addFloatInit(M, "w", {64, 64});
  addNode(M, "Add", {"x", "w"}, {"y"});
  addOutput(M, "y");
  std::string Bytes = M.SerializeAsString();
  for (size_t Cut : {size_t(1), size_t(7), Bytes.size() / 2,
                     Bytes.size() - 1}) {
    std::string P = write("cut.onnx", llvm::StringRef(Bytes).take_front(Cut));
    std::string E = importError(P);
    EXPECT_NE(E.find("cut.onnx: not a valid ONNX model ("), std::string::npos)
        << "cut at " << Cut << ": " << E;
  }
  std::string E = importError(write("empty.onnx", ""));
  EXPECT_NE(E.find("empty.onnx: not a valid ONNX model (empty file)"),
            std::string::npos)
      << E;
  E = importError(write("junk.onnx", std::string("\x0f\xff\xff\xff\x00junk", 9)));
  EXPECT_NE(E.find("not a valid ONNX model"), std::string::npos) << E;
  E = importError(path("missing.onnx"));
  EXPECT_NE(E.find("missing.onnx: cannot read the file"), std::string::npos)
      << E;
  // Bit flips never crash.
  for (size_t I = 0; I < Bytes.size(); I += 7) {
    std::string Flipped = Bytes;
    Flipped[I] ^= 0x5a;
    DiagnosticList D;
    auto G = importModelFromBuffer(
        llvm::MemoryBufferRef(Flipped, "flip.onnx"), "flip.onnx", {}, D,
        ModelFormat::Binary);
    if (!G)
      llvm::consumeError(G.takeError());
  }
}

//===-- Text syntax -----------------------------------------------------===//

TEST_F(ImportTest, TextWithSlashComments) {
  std::string Text = "// RUN: %onnx-energy --print-graph %s | FileCheck %s\n"
                     "  // CHECK: node: MatMul\n" +
                     std::string(TextHeader) + R"(
// a comment inside the model
agraph (float[2, 3] X, float[3, 4] W) => (float[2, 4] Y)
{
  // and between nodes
  Y = MatMul(X, W)
}
)";
  Graph G = import(write("comments.onnxtxt", Text));
  ASSERT_EQ(G.Nodes.size(), 1u);
  EXPECT_EQ(G.Nodes[0].OpType, "MatMul");
  EXPECT_EQ(G.Nodes[0].Name, "MatMul_0");
  EXPECT_TRUE(G.Nodes[0].NameWasGenerated);
  EXPECT_EQ(val(G, "Y").shapeString(), "2x4");
  EXPECT_EQ(G.FileBytes, Text.size());
}

TEST_F(ImportTest, TextFormatByExtensionAndSniffing) {
  std::string Text = std::string(TextHeader) +
                     "g (float[2] X) => (float[2] Y) { Y = Relu(X) }\n";
  for (const char *Name : {"m.onnxtext", "m.txt", "m.model"})
    EXPECT_EQ(import(write(Name, Text)).Nodes.size(), 1u) << Name;
}

TEST_F(ImportTest, TextParseErrorHasFileLineColumn) {
  std::string Text = "// RUN: not %onnx-energy %s\n" + std::string(TextHeader) +
                     "agraph (float[2] X) => (float[2] Y)\n"
                     "{\n"
                     "  Y = Relu(X\n"
                     "}\n";
  std::string P = write("bad.onnxtxt", Text);
  std::string E = importError(P);
  // Line 9 is the '}' where ')' was expected (comment lines count).
  EXPECT_NE(E.find(P + ":9:1: parse error"), std::string::npos) << E;
  EXPECT_NE(E.find("parse error"), std::string::npos) << E;
  EXPECT_NE(E.find("Expected character ) not found"), std::string::npos) << E;

  E = importError(write("junk.onnxtxt", "this is not a model"));
  EXPECT_NE(E.find("junk.onnxtxt:"), std::string::npos) << E;
  E = importError(write("trailing.onnxtxt",
                        std::string(TextHeader) +
                            "g (float[2] X) => (float[2] Y) { Y = Relu(X) }\n"
                            "garbage ! here\n"));
  EXPECT_NE(E.find("trailing.onnxtxt:"), std::string::npos) << E;
  E = importError(write("bignum.onnxtxt",
                        std::string(TextHeader) +
                            "g (float[99999999999999999999999] X) => (float[2] "
                            "Y) { Y = Relu(X) }\n"));
  EXPECT_NE(E.find("bignum.onnxtxt:"), std::string::npos) << E;
}

//===-- --dim, --input and diagnostics ---------------------------------===//

const char *SymbolicModel = R"(
agraph (float[N, 3] X, float[3, 4] W) => (float[N, 4] Y)
{
  T = MatMul(X, W)
  Y = Relu(T)
}
)";

TEST_F(ImportTest, DimOptionAppliesBeforeInference) {
  std::string P = write("dim.onnxtxt", std::string(TextHeader) + SymbolicModel);
  ImportOptions Opts;
  ASSERT_FALSE(bool(parseDimOption("N=8", Opts)));
  Graph G = import(P, Opts);
  EXPECT_EQ(val(G, "X").shapeString(), "8x3");
  EXPECT_EQ(val(G, "T").shapeString(), "8x4");
  EXPECT_EQ(val(G, "Y").shapeString(), "8x4");
  EXPECT_TRUE(val(G, "T").fullyKnown());
  EXPECT_TRUE(Diags.empty());
}

TEST_F(ImportTest, UnusedDimIsAWarning) {
  std::string P = write("dim2.onnxtxt", std::string(TextHeader) + SymbolicModel);
  ImportOptions Opts;
  ASSERT_FALSE(bool(parseDimOption("N=2", Opts)));
  ASSERT_FALSE(bool(parseDimOption("batch=4", Opts)));
  Graph G = import(P, Opts);
  ASSERT_EQ(countCode(Diags, "unused-dim"), 1u);
  for (const Diagnostic &D : Diags.all())
    if (D.Code == "unused-dim") {
      EXPECT_EQ(D.Sev, Severity::Warning);
      EXPECT_NE(D.Message.find("batch"), std::string::npos);
      EXPECT_TRUE(D.Node.empty());
    }
}

TEST_F(ImportTest, InputOptionPinsShape) {
  std::string P = write("input.onnxtxt", std::string(TextHeader) + SymbolicModel);
  ImportOptions Opts;
  ASSERT_FALSE(bool(parseInputOption("X=5x3", Opts)));
  Graph G = import(P, Opts);
  EXPECT_EQ(val(G, "X").shapeString(), "5x3");
  EXPECT_EQ(val(G, "Y").shapeString(), "5x4");
  EXPECT_TRUE(Diags.empty());

  ImportOptions Bad;
  ASSERT_FALSE(bool(parseInputOption("Z=1x3", Bad)));
  std::string E = importError(P, Bad);
  EXPECT_NE(E.find("--input 'Z' names no graph input"), std::string::npos) << E;
  EXPECT_NE(E.find("'X', 'W'"), std::string::npos) << E;
}

TEST_F(ImportTest, UnknownDimGetsOneDiagnosticPerValue) {
  std::string P = write("unk.onnxtxt", std::string(TextHeader) + SymbolicModel);
  Graph G = import(P);
  EXPECT_EQ(val(G, "T").shapeString(), "Nx4");
  EXPECT_FALSE(val(G, "T").numElements().valid()); // never a silent 1 or 0
  ASSERT_EQ(countCode(Diags, "unknown-dim"), 3u); // X, T, Y
  std::map<std::string, const Diagnostic *> ByValue;
  for (const Diagnostic &D : Diags.all()) {
    EXPECT_EQ(D.Sev, Severity::Warning);
    EXPECT_EQ(D.File, P);
    for (const char *V : {"'X'", "'T'", "'Y'"})
      if (D.Message.find(V) != std::string::npos)
        ByValue[V] = &D;
  }
  ASSERT_EQ(ByValue.size(), 3u);
  // A graph input names the node that consumes it; others their producer.
  EXPECT_EQ(ByValue["'X'"]->Node, "MatMul_0");
  EXPECT_EQ(ByValue["'T'"]->Node, "MatMul_0");
  EXPECT_EQ(ByValue["'T'"]->OpType, "MatMul");
  EXPECT_EQ(ByValue["'Y'"]->Node, "Relu_1");
  EXPECT_NE(ByValue["'T'"]->Message.find("'N'"), std::string::npos);
  EXPECT_NE(ByValue["'T'"]->Message.find("--dim N="), std::string::npos);
}

TEST_F(ImportTest, UnknownShapeOfCustomOp) {
  onnx::ModelProto M = makeModel();
  auto *O = M.add_opset_import();
  O->set_domain("com.example");
  O->set_version(1);
  addInput(M, "x", {"2"});
  addNode(M, "Mystery", {"x"}, {"y"}, "m")->set_domain("com.example");
  addOutput(M, "y");
  Graph G = import(write("custom.onnx", M));
  EXPECT_FALSE(val(G, "y").HasShape);
  ASSERT_EQ(Diags.all().size(), 1u);
  EXPECT_EQ(Diags.all()[0].Node, "m");
  EXPECT_EQ(Diags.all()[0].Code, "unknown-dim");
}

TEST_F(ImportTest, NewerOpsetOpsAreNotInferredWrongly) {
  // ReduceMax-18 takes axes as an input; ONNX 1.12 knows only ReduceMax-13
  // (axes attribute) and would reduce every axis.
  std::string Text = R"(<
  ir_version: 8,
  opset_import: ["" : 18]
>
g (float[2, 3] X, int64[1] axes) => (float[2, 1] Y)
{
  Y = ReduceMax(X, axes)
  Z = Relu(X)
}
)";
  Graph G = import(write("op18.onnxtxt", Text));
  EXPECT_EQ(val(G, "Z").shapeString(), "2x3");
  // Either inferred right (a newer ONNX) or as the file declares it.
  EXPECT_EQ(val(G, "Y").shapeString(), "2x1");
}

TEST_F(ImportTest, OptionParsing) {
  ImportOptions O;
  EXPECT_FALSE(bool(parseDimOption("batch=8", O)));
  EXPECT_EQ(O.Dims.at("batch"), 8);
  EXPECT_FALSE(bool(parseDimOption("a=b=3", O))); // name up to the last '='
  EXPECT_EQ(O.Dims.at("a=b"), 3);
  EXPECT_FALSE(bool(parseInputOption("input:0=1x3x224x224", O)));
  EXPECT_EQ(O.InputShapes.at("input:0"),
            (std::vector<int64_t>{1, 3, 224, 224}));
  EXPECT_FALSE(bool(parseInputOption("y=2,5", O)));
  EXPECT_EQ(O.InputShapes.at("y"), (std::vector<int64_t>{2, 5}));
  for (const char *Bad : {"batch", "=3", "batch=", "batch=-1", "batch=x",
                          "batch=99999999999999999999", "batch=1.5"}) {
    llvm::Error E = parseDimOption(Bad, O);
    ASSERT_TRUE(bool(E)) << Bad;
    std::string M = llvm::toString(std::move(E));
    EXPECT_NE(M.find("--dim"), std::string::npos) << M;
  }
  for (const char *Bad : {"x", "=1x2", "x=", "x=1x", "x=1xax3", "x=-1"}) {
    llvm::Error E = parseInputOption(Bad, O);
    ASSERT_TRUE(bool(E)) << Bad;
    std::string M = llvm::toString(std::move(E));
    EXPECT_NE(M.find("--input"), std::string::npos) << M;
  }
}

//===-- Weights: stripping and small constants -------------------------===//

TEST_F(ImportTest, StrippingKeepsSmallIntConstants) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"1", "64"});
  addFloatInit(M, "w", {64, 64}); // 16 KiB: stripped
  auto *Shape = M.mutable_graph()->add_initializer();
  Shape->set_name("shape");
  Shape->set_data_type(onnx::TensorProto::INT64);
  Shape->add_dims(2);
  Shape->add_int64_data(8);
  Shape->add_int64_data(-1);
  auto *Axes = M.mutable_graph()->add_initializer();
  Axes->set_name("axes");
  Axes->set_data_type(onnx::TensorProto::INT32);
  Axes->add_dims(1);
  int32_t Zero = 0;
  Axes->set_raw_data(std::string(reinterpret_cast<char *>(&Zero), 4));
  addNode(M, "MatMul", {"x", "w"}, {"h"});
  addNode(M, "Reshape", {"h", "shape"}, {"r"});
  auto *C = addNode(M, "Constant", {}, {"starts"});
  auto *A = C->add_attribute();
  A->set_name("value");
  A->set_type(onnx::AttributeProto::TENSOR);
  A->mutable_t()->set_data_type(onnx::TensorProto::INT64);
  A->mutable_t()->add_dims(2);
  A->mutable_t()->add_int64_data(0);
  A->mutable_t()->add_int64_data(1);
  auto *C2 = addNode(M, "Constant", {}, {"k"});
  auto *A2 = C2->add_attribute();
  A2->set_name("value_ints");
  A2->set_type(onnx::AttributeProto::INTS);
  A2->add_ints(3);
  A2->add_ints(4);
  addOutput(M, "r");
  addOutput(M, "starts");
  addOutput(M, "k");
  Graph G = import(write("strip.onnx", M));
  const Value &W = val(G, "w");
  EXPECT_TRUE(W.IsInitializer);
  EXPECT_FALSE(W.IsExternal);
  EXPECT_EQ(W.shapeString(), "64x64");
  EXPECT_EQ(W.Type, ElemType::Float);
  EXPECT_FALSE(W.IntData.has_value());
  EXPECT_EQ(G.WeightBytes, 16384u + 16 + 4);
  ASSERT_TRUE(val(G, "shape").IntData.has_value());
  EXPECT_EQ(*val(G, "shape").IntData, (std::vector<int64_t>{8, -1}));
  ASSERT_TRUE(val(G, "axes").IntData.has_value());
  EXPECT_EQ(*val(G, "axes").IntData, (std::vector<int64_t>{0}));
  // Shape inference saw the kept shape data, and W's shape without data.
  EXPECT_EQ(val(G, "h").shapeString(), "1x64");
  EXPECT_EQ(val(G, "r").shapeString(), "8x8");
  ASSERT_TRUE(val(G, "starts").IntData.has_value());
  EXPECT_EQ(*val(G, "starts").IntData, (std::vector<int64_t>{0, 1}));
  ASSERT_TRUE(val(G, "k").IntData.has_value());
  EXPECT_EQ(*val(G, "k").IntData, (std::vector<int64_t>{3, 4}));
  EXPECT_TRUE(Diags.empty());
}

TEST_F(ImportTest, BigConstantNodeIsStripped) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"128", "128"});
  auto *C = addNode(M, "Constant", {}, {"w"});
  auto *A = C->add_attribute();
  A->set_name("value");
  A->set_type(onnx::AttributeProto::TENSOR);
  A->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
  A->mutable_t()->add_dims(128);
  A->mutable_t()->add_dims(128);
  for (int I = 0; I < 128 * 128; ++I)
    A->mutable_t()->add_float_data(1.0f);
  addNode(M, "Add", {"x", "w"}, {"y"});
  addOutput(M, "y");
  Graph G = import(write("bigconst.onnx", M));
  EXPECT_EQ(val(G, "w").shapeString(), "128x128");
  EXPECT_EQ(val(G, "y").shapeString(), "128x128");
  const Attribute *V = G.Nodes[0].attr("value");
  ASSERT_NE(V, nullptr);
  EXPECT_EQ(V->K, Attribute::Tensor);
  EXPECT_EQ(V->TensorDims, (std::vector<int64_t>{128, 128}));
}

//===-- External data ---------------------------------------------------===//

onnx::ModelProto externalModel(const std::string &Location,
                               const std::string &Offset = "",
                               const std::string &Length = "") {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"1", "16"});
  setExternal(addFloatInit(M, "w", {16, 16}, /*WithData=*/false), Location,
              Offset, Length);
  addNode(M, "MatMul", {"x", "w"}, {"y"});
  addOutput(M, "y");
  return M;
}

TEST_F(ImportTest, ExternalDataMissingFile) {
  std::string E = importError(write("ext.onnx", externalModel("w.bin")));
  EXPECT_NE(E.find("ext.onnx: initializer 'w' (file 'w.bin')"),
            std::string::npos)
      << E;
  EXPECT_NE(E.find("does not exist"), std::string::npos) << E;
}

TEST_F(ImportTest, ExternalDataEscapingPaths) {
  write("w.bin", std::string(1024, '\0'));
  for (const char *Loc : {"../w.bin", "sub/../../w.bin", "/etc/passwd",
                          "..\\w.bin"}) {
    std::string E = importError(write("ext.onnx", externalModel(Loc)));
    EXPECT_NE(E.find("initializer 'w'"), std::string::npos) << E;
    EXPECT_TRUE(E.find("outside the model's folder") != std::string::npos ||
                E.find("absolute path") != std::string::npos)
        << Loc << ": " << E;
  }
  // A path that goes down and up again stays inside: fine.
  ASSERT_FALSE(llvm::sys::fs::create_directory(path("sub")));
  Graph G = import(write("ext.onnx", externalModel("sub/../w.bin")));
  EXPECT_TRUE(val(G, "w").IsExternal);
}

TEST_F(ImportTest, ExternalDataSymlinkOutOfFolder) {
  SmallString<128> Outside;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("oe-import-outside", Outside));
  SmallString<256> Target(Outside);
  llvm::sys::path::append(Target, "secret.bin");
  {
    std::ofstream OS(std::string(Target), std::ios::binary);
    OS << std::string(4096, 'x');
  }
  ASSERT_EQ(::symlink(Target.c_str(), path("w.bin").c_str()), 0);
  std::string E = importError(write("ext.onnx", externalModel("w.bin")));
  EXPECT_NE(E.find("symbolic link"), std::string::npos) << E;
  llvm::sys::fs::remove_directories(Outside);
}

TEST_F(ImportTest, ExternalDataShortFile) {
  write("w.bin", std::string(1000, '\0')); // 16x16 f32 needs 1024
  std::string E = importError(write("ext.onnx", externalModel("w.bin")));
  EXPECT_NE(E.find("initializer 'w' (file 'w.bin')"), std::string::npos) << E;
  EXPECT_NE(E.find("only 1000 bytes"), std::string::npos) << E;

  write("w.bin", std::string(2048, '\0'));
  E = importError(write("ext.onnx", externalModel("w.bin", "1536")));
  EXPECT_NE(E.find("needs bytes 1536..2560"), std::string::npos) << E;
  E = importError(write("ext.onnx", externalModel("w.bin", "0", "512")));
  EXPECT_NE(E.find("length 512"), std::string::npos) << E;
  E = importError(write("ext.onnx", externalModel("w.bin", "abc")));
  EXPECT_NE(E.find("invalid offset 'abc'"), std::string::npos) << E;
  Graph G = import(write("ext.onnx", externalModel("w.bin", "1024", "1024")));
  EXPECT_TRUE(val(G, "w").IsExternal);
}

TEST_F(ImportTest, ValidExternalDataIsNotRead) {
  // A 4 GiB sparse file: reading it would take seconds and gigabytes.
  std::string Data = path("big.bin");
  int FD = ::open(Data.c_str(), O_CREAT | O_WRONLY, 0644);
  ASSERT_GE(FD, 0);
  ASSERT_EQ(::ftruncate(FD, off_t(4) << 30), 0);
  ::close(FD);
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"1", "32768"});
  setExternal(addFloatInit(M, "w", {32768, 32768}, /*WithData=*/false),
              "big.bin");
  addNode(M, "MatMul", {"x", "w"}, {"y"});
  addOutput(M, "y");
  auto Start = std::chrono::steady_clock::now();
  Graph G = import(write("bigext.onnx", M));
  double Seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Start)
                       .count();
  EXPECT_LT(Seconds, 2.0);
  const Value &W = val(G, "w");
  EXPECT_TRUE(W.IsExternal);
  EXPECT_TRUE(W.IsInitializer);
  EXPECT_EQ(G.WeightBytes, uint64_t(4) << 30);
  EXPECT_EQ(val(G, "y").shapeString(), "1x32768");
  EXPECT_TRUE(Diags.empty());
}

//===-- printGraph ------------------------------------------------------===//

TEST_F(ImportTest, PrintGraphFormat) {
  std::string Text = std::string(TextHeader) + R"(
g (float[1, 4] X, int64[2] shape = {2, 2}) => (float[2, 2] Y)
{
  T = LeakyRelu <alpha = 0.5> (X)
  Y = Reshape(T, shape)
}
)";
  Graph G = import(write("print.onnxtxt", Text));
  std::string S;
  llvm::raw_string_ostream OS(S);
  printGraph(G, OS);
  EXPECT_EQ(OS.str(),
            "model: ir_version=8 producer='' producer_version='' nodes=2 "
            "values=4 weight_bytes=16\n"
            "opset: ai.onnx=13\n"
            "input: X f32[1x4]\n"
            "initializer: shape i64[2] bytes=16 inline data=[2,2]\n"
            "node: LeakyRelu_0 LeakyRelu ai.onnx/13 (generated name)\n"
            "  attr: alpha=0.5\n"
            "  in: X f32[1x4]\n"
            "  out: T f32[1x4]\n"
            "node: Reshape_1 Reshape ai.onnx/13 (generated name)\n"
            "  in: T f32[1x4]\n"
            "  in: shape i64[2]\n"
            "  out: Y f32[2x2]\n"
            "output: Y f32[2x2]\n");
}

//===-- Peak memory with hundreds of MB of inline weights ---------------===//

long readStatusKB(const char *Key) {
  std::ifstream IS("/proc/self/status");
  std::string Line;
  size_t N = std::strlen(Key);
  while (std::getline(IS, Line))
    if (Line.compare(0, N, Key) == 0 && Line.size() > N && Line[N] == ':')
      return std::stol(Line.substr(N + 1));
  return -1;
}

/// Writes a model whose initializer W (Rows x Cols f32) is inline raw_data,
/// streaming the payload so the test itself never holds it in memory.
void writeBigModel(const std::string &P, int64_t Rows, int64_t Cols) {
  onnx::ModelProto M = makeModel();
  addInput(M, "x", {"1", std::to_string(Rows)});
  addNode(M, "MatMul", {"x", "W"}, {"y"}, "mm");
  addOutput(M, "y");
  onnx::GraphProto Graph = M.graph();
  M.clear_graph();
  onnx::TensorProto Head;
  Head.set_name("W");
  Head.set_data_type(onnx::TensorProto::FLOAT);
  Head.add_dims(Rows);
  Head.add_dims(Cols);
  uint64_t Payload = uint64_t(Rows * Cols) * 4;
  using google::protobuf::io::CodedOutputStream;
  auto VarintSize = [](uint64_t V) {
    return size_t(CodedOutputStream::VarintSize64(V));
  };
  uint64_t TensorSize = Head.ByteSizeLong() + 1 + VarintSize(Payload) + Payload;
  uint64_t GraphSize =
      Graph.ByteSizeLong() + 1 + VarintSize(TensorSize) + TensorSize;

  int FD = ::open(P.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0644);
  ASSERT_GE(FD, 0);
  {
    google::protobuf::io::FileOutputStream FOS(FD);
    CodedOutputStream OS(&FOS);
    std::string S = M.SerializeAsString();
    OS.WriteRaw(S.data(), int(S.size()));
    OS.WriteTag((7 << 3) | 2); // ModelProto.graph
    OS.WriteVarint64(GraphSize);
    S = Graph.SerializeAsString();
    OS.WriteRaw(S.data(), int(S.size()));
    OS.WriteTag((5 << 3) | 2); // GraphProto.initializer
    OS.WriteVarint64(TensorSize);
    S = Head.SerializeAsString();
    OS.WriteRaw(S.data(), int(S.size()));
    OS.WriteTag((9 << 3) | 2); // TensorProto.raw_data
    OS.WriteVarint64(Payload);
    std::string Chunk(1 << 20, '\x3f');
    for (uint64_t Left = Payload; Left;) {
      size_t N = size_t(std::min<uint64_t>(Left, Chunk.size()));
      OS.WriteRaw(Chunk.data(), int(N));
      Left -= N;
    }
  }
  ASSERT_EQ(::close(FD), 0);
}

TEST_F(ImportTest, InlineWeightsAreNeverLoaded) {
  // 7500 x 10000 f32 = 300 MB of inline weights.
  const int64_t Rows = 7500, Cols = 10000;
  std::string P = path("big-inline.onnx");
  writeBigModel(P, Rows, Cols);
  uint64_t FileSize = 0;
  ASSERT_FALSE(llvm::sys::fs::file_size(P, FileSize));
  ASSERT_GT(FileSize, uint64_t(300000000));

  // Import in a fresh child so its peak RSS is the import's alone.
  int Pipe[2];
  ASSERT_EQ(::pipe(Pipe), 0);
  pid_t Pid = ::fork();
  ASSERT_GE(Pid, 0);
  if (Pid == 0) {
    ::close(Pipe[0]);
    // Reset the high-water mark to the current RSS (Linux >= 4.0).
    { std::ofstream("/proc/self/clear_refs") << "5"; }
    long Before = readStatusKB("VmHWM");
    DiagnosticList D;
    auto G = importModel(P, ImportOptions(), D);
    long After = readStatusKB("VmHWM");
    long Ok = G && G->WeightBytes == uint64_t(Rows * Cols * 4) &&
              G->Values[G->findValue("y")].shapeString() == "1x10000";
    if (!G)
      llvm::consumeError(G.takeError());
    // Control: touching every page of the mapped file does show in VmHWM,
    // so the figure above would have caught weights being read.
    { std::ofstream("/proc/self/clear_refs") << "5"; }
    long ControlBefore = readStatusKB("VmHWM");
    if (auto Buf = llvm::MemoryBuffer::getFile(P, false, false)) {
      const volatile char *B = (*Buf)->getBufferStart();
      unsigned char Sum = 0;
      for (size_t I = 0; I < (*Buf)->getBufferSize(); I += 4096)
        Sum += B[I];
      (void)Sum;
    }
    long ControlGrowth = readStatusKB("VmHWM") - ControlBefore;
    long Msg[4] = {Ok, Before, After, ControlGrowth};
    (void)!::write(Pipe[1], Msg, sizeof(Msg));
    ::_exit(0);
  }
  ::close(Pipe[1]);
  long Msg[4] = {0, 0, 0, 0};
  ASSERT_EQ(::read(Pipe[0], Msg, sizeof(Msg)), ssize_t(sizeof(Msg)));
  ::close(Pipe[0]);
  int Status = 0;
  ::waitpid(Pid, &Status, 0);
  ASSERT_TRUE(WIFEXITED(Status) && WEXITSTATUS(Status) == 0);
  ASSERT_EQ(Msg[0], 1) << "import of the big model failed in the child";
  long GrowthKB = Msg[2] - Msg[1];
  std::printf("[ memory ] file %.1f MB, peak RSS before %ld KB, after %ld KB, "
              "growth %.2f MB (%.2f%% of the file); control (reading the "
              "file) grows it by %.1f MB\n",
              FileSize / 1e6, Msg[1], Msg[2], GrowthKB / 1e3,
              100.0 * GrowthKB * 1024 / double(FileSize), Msg[3] / 1e3);
  RecordProperty("file_bytes", std::to_string(FileSize));
  RecordProperty("peak_rss_growth_kb", std::to_string(GrowthKB));
  EXPECT_LT(double(GrowthKB) * 1024, 0.10 * double(FileSize));
  EXPECT_GT(double(Msg[3]) * 1024, 0.9 * double(FileSize))
      << "VmHWM does not see mapped file pages; the check above is void";
  llvm::sys::fs::remove(P);
}

//===-- Corpus: every shared model, a sample of ONNX's test data --------===//

std::vector<std::string> corpus() {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator
           It(ONNX_ENERGY_TEST_SHARED_DIR "/models", EC),
       End;
       !EC && It != End; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".onnx"))
      Files.push_back(It->path());
  std::vector<std::string> TestData;
  for (llvm::sys::fs::recursive_directory_iterator
           It("/usr/share/libonnx-testdata/data", EC),
       End;
       !EC && It != End; It.increment(EC))
    if (llvm::sys::path::filename(It->path()) == "model.onnx")
      TestData.push_back(It->path());
  std::sort(TestData.begin(), TestData.end());
  for (size_t I = 0; I < TestData.size(); I += 8)
    Files.push_back(TestData[I]);
  return Files;
}

TEST(ImportCorpusTest, ImportsRealModels) {
  std::vector<std::string> Files = corpus();
  if (Files.empty())
    GTEST_SKIP() << "no models found";
  unsigned Ok = 0;
  for (const std::string &F : Files) {
    DiagnosticList D;
    auto G = importModel(F, ImportOptions(), D);
    if (!G) {
      ADD_FAILURE() << llvm::toString(G.takeError());
      continue;
    }
    ++Ok;
    EXPECT_FALSE(G->Nodes.empty()) << F;
    for (size_t I = 0; I < G->Nodes.size(); ++I)
      for (int In : G->Nodes[I].Inputs) {
        if (In >= 0 && G->Values[In].Producer >= 0) {
          EXPECT_LT(G->Values[In].Producer, int(I)) << F;
        }
      }
  }
  std::printf("[ corpus ] %u of %zu models imported\n", Ok, Files.size());
}

} // namespace
