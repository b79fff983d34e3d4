//===- Import/ModelReader.cpp - Bytes to a weight-less ModelProto ---------===//
//
// Turns the bytes of a model file into a ModelProto without its weights.
// Binary models go through the wire-format stripper and then protobuf; text
// models (ONNX's textual syntax) through onnx::OnnxParser. A binary model
// file is read through a small window, its weights jumped over unread, so
// the cost is that of the graph. Every failure, including exceptions thrown
// inside ONNX, comes back as an llvm::Error that names the file.
//
//===----------------------------------------------------------------------===//
#include "ImportInternal.h"
#include "onnx/defs/parser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <climits>
#include <exception>

using namespace llvm;

namespace onnx_energy {
namespace detail {

ModelFormat detectFormat(StringRef Path, StringRef Bytes) {
  StringRef Ext = sys::path::extension(Path);
  if (Ext.equals_insensitive(".onnx") || Ext.equals_insensitive(".pb"))
    return ModelFormat::Binary;
  if (Ext.equals_insensitive(".onnxtxt") ||
      Ext.equals_insensitive(".onnxtext") || Ext.equals_insensitive(".txt"))
    return ModelFormat::Text;
  // A binary ModelProto is full of tags and lengths below 0x20; text is not.
  StringRef Head = Bytes.take_front(4096);
  if (Head.empty())
    return ModelFormat::Binary;
  for (char C : Head) {
    unsigned char U = C;
    if (U < 0x20 && U != '\n' && U != '\r' && U != '\t' && U != '\f' &&
        U != '\v')
      return ModelFormat::Binary;
    if (U == 0x7f)
      return ModelFormat::Binary;
  }
  return ModelFormat::Text;
}

namespace {

/// Full-line '//' comments (lit's RUN and CHECK lines) become empty lines,
/// so the parser's line numbers are the file's.
std::string blankSlashComments(StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    bool HasNewline = Line.size() < Text.size();
    if (!Line.ltrim(" \t\r").starts_with("//"))
      Out += Line;
    if (HasNewline)
      Out += '\n';
    Text = Rest;
  }
  return Out;
}

/// ONNX reports "[ParseError at position (line: L column: C)]\nError
/// context: ...\nMessage". Rewrite it as "Path:L:C: Message (near '...')".
std::string formatParseError(StringRef Path, StringRef Msg) {
  unsigned Line = 0, Col = 0;
  size_t LP = Msg.find("(line: ");
  if (LP != StringRef::npos) {
    StringRef R = Msg.drop_front(LP + 7);
    R.consumeInteger(10, Line);
    R = R.ltrim();
    if (R.consume_front("column: "))
      R.consumeInteger(10, Col);
  }
  StringRef Context, Text = Msg;
  size_t CP = Msg.find("Error context: ");
  if (CP != StringRef::npos) {
    StringRef After = Msg.drop_front(CP + 15);
    auto [Ctx, Rest] = After.split('\n');
    Context = Ctx.trim();
    Text = Rest.trim();
  }
  std::string S = Path.str();
  if (Line) {
    S += ':';
    S += std::to_string(Line);
    S += ':';
    S += std::to_string(Col);
  }
  S += ": parse error: ";
  S += Text.empty() ? StringRef("invalid ONNX text") : Text;
  if (!Context.empty()) {
    // The context is a line of the input, which may be binary junk.
    std::string Printable;
    for (char C : Context.take_front(80))
      Printable += isPrint(C) ? C : '?';
    S += " (near '";
    S += Printable;
    S += "')";
  }
  return S;
}

Error readText(MemoryBufferRef Buffer, StringRef Path, onnx::ModelProto &M) {
  std::string Text = blankSlashComments(Buffer.getBuffer());
  if (Error E = checkTextNesting(Text, Path))
    return E;
  onnx::OnnxParser Parser(Text.c_str());
  try {
    onnx::Common::Status St = Parser.Parse(M);
    if (!St.IsOK())
      return createStringError(inconvertibleErrorCode(),
                               formatParseError(Path, St.ErrorMessage()));
    if (!Parser.EndOfInput())
      return createStringError(
          inconvertibleErrorCode(),
          formatParseError(Path, "[ParseError at position " +
                                     Parser.GetCurrentPos() +
                                     "]\nError context: " +
                                     Parser.GetErrorContext() +
                                     "\nunexpected text after the graph"));
  } catch (const std::exception &E) {
    // std::stoll and friends throw on numbers out of range.
    return createStringError(
        inconvertibleErrorCode(),
        formatParseError(Path, "[ParseError at position " +
                                   Parser.GetCurrentPos() +
                                   "]\nError context: " +
                                   Parser.GetErrorContext() + "\n" +
                                   "invalid literal (" + E.what() + ")"));
  }
  return Error::success();
}

Error parseStripped(const std::string &Stripped, StringRef Path,
                    onnx::ModelProto &M) {
  if (!M.ParseFromArray(Stripped.data(), int(Stripped.size())))
    return fileError(Path,
                     "not a valid ONNX model (protobuf could not parse it)");
  return Error::success();
}

Error readBinary(MemoryBufferRef Buffer, StringRef Path, onnx::ModelProto &M,
                 StripStats &Stats) {
  auto Bytes = arrayRefFromStringRef(Buffer.getBuffer());
  if (Bytes.empty())
    return fileError(Path, "not a valid ONNX model (empty file)");
  std::string Stripped;
  if (Error E = stripTensorPayloads(Bytes, Stripped, Stats))
    return fileError(Path, "not a valid ONNX model (" + toString(std::move(E)) +
                               ")");
  return parseStripped(Stripped, Path, M);
}

/// Closes a native file handle on every path out.
struct FileCloser {
  sys::fs::file_t FD;
  ~FileCloser() { sys::fs::closeFile(FD); }
};

} // namespace

Error readModelProto(MemoryBufferRef Buffer, StringRef Path, ModelFormat Format,
                     onnx::ModelProto &M, StripStats &Stats) {
  if (Format == ModelFormat::Auto)
    Format = detectFormat(Path, Buffer.getBuffer());
  try {
    if (Format == ModelFormat::Text)
      return readText(Buffer, Path, M);
    return readBinary(Buffer, Path, M, Stats);
  } catch (const std::exception &E) {
    return fileError(Path, Twine("not a valid ONNX model (") + E.what() + ")");
  } catch (...) {
    return fileError(Path, "not a valid ONNX model (unknown exception)");
  }
}

Error readModelFile(StringRef Path, onnx::ModelProto &M, StripStats &Stats,
                    uint64_t &FileBytes) {
  auto CannotRead = [&](std::error_code EC) {
    return fileError(Path, "cannot read the file: " + EC.message());
  };
  Expected<sys::fs::file_t> FDOr = sys::fs::openNativeFileForRead(Path);
  if (!FDOr)
    return CannotRead(errorToErrorCode(FDOr.takeError()));
  FileCloser Closer{*FDOr};
  sys::fs::file_status St;
  if (std::error_code EC = sys::fs::status(*FDOr, St))
    return CannotRead(EC);

  // Pipes, devices and the like have no size to walk by: read them whole.
  if (St.type() != sys::fs::file_type::regular_file) {
    auto Buf = MemoryBuffer::getOpenFile(*FDOr, Path, /*FileSize=*/-1,
                                         /*RequiresNullTerminator=*/false);
    if (!Buf)
      return CannotRead(Buf.getError());
    FileBytes = (*Buf)->getBufferSize();
    return readModelProto((*Buf)->getMemBufferRef(), Path, ModelFormat::Auto,
                          M, Stats);
  }
  FileBytes = St.getSize();

  // Binary or text: by the name, else by the first bytes.
  char Head[4096];
  size_t HeadLen = 0;
  while (HeadLen < std::min<uint64_t>(sizeof(Head), FileBytes)) {
    Expected<size_t> N = sys::fs::readNativeFileSlice(
        *FDOr,
        MutableArrayRef<char>(Head + HeadLen,
                              size_t(std::min<uint64_t>(sizeof(Head),
                                                        FileBytes)) -
                                  HeadLen),
        HeadLen);
    if (!N)
      return CannotRead(errorToErrorCode(N.takeError()));
    if (*N == 0)
      break;
    HeadLen += *N;
  }
  if (detectFormat(Path, StringRef(Head, HeadLen)) == ModelFormat::Text) {
    // Text models hold their weights as text; the parser needs them whole.
    auto Buf = MemoryBuffer::getOpenFile(*FDOr, Path, FileBytes,
                                         /*RequiresNullTerminator=*/false);
    if (!Buf)
      return CannotRead(Buf.getError());
    return readModelProto((*Buf)->getMemBufferRef(), Path, ModelFormat::Text,
                          M, Stats);
  }
  if (FileBytes == 0)
    return fileError(Path, "not a valid ONNX model (empty file)");

  std::string Stripped;
  Error E = stripTensorPayloadsFromFile(*FDOr, FileBytes, Stripped, Stats);
  if (E) {
    std::string Msg;
    bool IO = false;
    handleAllErrors(std::move(E), [&](const ErrorInfoBase &EI) {
      IO = EI.convertToErrorCode() != inconvertibleErrorCode();
      Msg = EI.message();
    });
    if (IO)
      return fileError(Path, Msg);
    return fileError(Path, "not a valid ONNX model (" + Msg + ")");
  }
  try {
    return parseStripped(Stripped, Path, M);
  } catch (const std::exception &Ex) {
    return fileError(Path,
                     Twine("not a valid ONNX model (") + Ex.what() + ")");
  }
}

} // namespace detail

Error readModelProtoForCopy(StringRef Path, onnx::ModelProto &M) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buf)
    return fileError(Path, "cannot read: " + Buf.getError().message());
  MemoryBufferRef Ref = (*Buf)->getMemBufferRef();
  try {
    if (detail::detectFormat(Path, Ref.getBuffer()) == ModelFormat::Text)
      return detail::readText(Ref, Path, M);
    if (Ref.getBufferSize() == 0)
      return fileError(Path, "not a valid ONNX model (empty file)");
    // protobuf holds at most 2 GiB in one message; larger models keep their
    // weights in external data, which is not part of the message.
    if (Ref.getBufferSize() > size_t(INT_MAX))
      return fileError(Path, "is larger than 2 GiB, more than one "
                                     "protobuf message may hold");
    if (!M.ParseFromArray(Ref.getBufferStart(), int(Ref.getBufferSize())))
      return fileError(
          Path, "not a valid ONNX model (protobuf could not parse it)");
  } catch (const std::exception &E) {
    return fileError(Path, Twine("not a valid ONNX model (") +
                                       E.what() + ")");
  }
  return Error::success();
}

} // namespace onnx_energy
