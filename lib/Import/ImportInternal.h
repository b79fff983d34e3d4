//===- Import/ImportInternal.h - Pieces of the Import stage -------*- C++ -*-===//
//
// Internal to lib/Import: the steps importModel() chains (read the file into
// a weight-less ModelProto, check external data) so that each can be written
// and tested on its own. Nothing outside lib/Import includes this.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LIB_IMPORT_IMPORTINTERNAL_H
#define ONNX_ENERGY_LIB_IMPORT_IMPORTINTERNAL_H

#include "WireStrip.h"
#include "onnx-energy/Import/Import.h"
#include "onnx/onnx_pb.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"
#include <string>

namespace onnx_energy {
namespace detail {

/// An error "<Path>: <Message>".
llvm::Error fileError(llvm::StringRef Path, const llvm::Twine &Message);

/// Decides binary or text for Auto by the name, then by the bytes.
ModelFormat detectFormat(llvm::StringRef Path, llvm::StringRef Bytes);

/// Parses Buffer into M: binary through stripTensorPayloads(), text through
/// ONNX's parser after blanking full-line '//' comments (so line numbers in
/// parse errors stay those of the file).
llvm::Error readModelProto(llvm::MemoryBufferRef Buffer, llvm::StringRef Path,
                           ModelFormat Format, onnx::ModelProto &M,
                           StripStats &Stats);

/// Checks every tensor stored outside the model (data_location EXTERNAL):
/// its file exists inside the model's folder (no absolute path, no '..' out
/// of it, no symbolic link leading out) and is long enough. Nothing is read.
llvm::Error checkExternalData(const onnx::ModelProto &M, llvm::StringRef Path);

/// True if T's data lives in an external file.
bool isExternal(const onnx::TensorProto &T);

} // namespace detail
} // namespace onnx_energy

#endif
