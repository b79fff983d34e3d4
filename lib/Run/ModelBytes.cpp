//===- lib/Run/ModelBytes.cpp - A model's bytes for the engine ------------===//
//
// OpenCV reads binary ONNX. A model written in ONNX's text syntax is parsed
// here with onnx::OnnxParser (full-line // comments blanked first, as the
// importer does) and serialized, weights included. This is the runner's one
// use of ONNX's protobuf classes.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Run/Engine.h"
#include "onnx-energy/Support/Diagnostics.h"
#include "onnx/defs/parser.h"
#include "onnx/onnx_pb.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <exception>

using namespace llvm;

namespace onnx_energy {

static bool isTextModel(StringRef Path) {
  StringRef Ext = sys::path::extension(Path);
  return Ext.equals_insensitive(".onnxtxt") ||
         Ext.equals_insensitive(".onnxtext") || Ext.equals_insensitive(".txt");
}

Expected<std::string> modelBytes(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> B =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!B)
    return fileError(Path, B.getError().message());
  if (!isTextModel(Path))
    return (*B)->getBuffer().str();
  std::string Text;
  for (StringRef Rest = (*B)->getBuffer(); !Rest.empty();) {
    auto [Line, Tail] = Rest.split('\n');
    if (!Line.ltrim(" \t\r").starts_with("//"))
      Text += Line;
    Text += '\n';
    Rest = Tail;
  }
  onnx::ModelProto M;
  try {
    onnx::OnnxParser Parser(Text.c_str());
    onnx::Common::Status St = Parser.Parse(M);
    if (!St.IsOK())
      return fileError(Path, St.ErrorMessage());
  } catch (const std::exception &E) {
    return fileError(Path, E.what());
  }
  std::string Out;
  if (!M.SerializeToString(&Out))
    return fileError(Path, "cannot serialize the model");
  return Out;
}

} // namespace onnx_energy
