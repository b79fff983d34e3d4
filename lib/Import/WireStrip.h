//===- Import/WireStrip.h - Drop tensor payloads from a ModelProto -*- C++ -*-===//
//
// Internal to the Import stage. Walks the protobuf wire format of a
// ModelProto and writes a copy in which the payloads of large tensors
// (raw_data, float_data, int32_data, ...) are left out, so that weights are
// never copied into memory. Small tensors keep their data because
// shape-carrying constants (Reshape shapes, Slice starts, axes) need it.
//
// The walk is sequential. From a file it reads through a window of fixed
// size and jumps over the payloads it skips without reading them, so the
// process never holds more of the file than the window: neither the weights
// nor the page cache that holds them count toward its memory (a mapped file
// would, page by page, and the kernel maps pages around each one touched).
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LIB_IMPORT_WIRESTRIP_H
#define ONNX_ENERGY_LIB_IMPORT_WIRESTRIP_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include <cstdint>
#include <string>

namespace onnx_energy {
namespace detail {

struct StripStats {
  uint64_t TensorsStripped = 0; ///< tensors whose payload was left out
  uint64_t BytesSkipped = 0;    ///< payload bytes left out (wire bytes)
  uint64_t BytesRead = 0;       ///< bytes of the file read (file input only)
};

/// Tensors whose payload fields add up to at most this many bytes keep them.
constexpr uint64_t DefaultKeepPayloadBytes = 4096;

/// Protobuf's own default recursion limit; deeper nesting is refused.
constexpr unsigned MaxMessageDepth = 100;

/// The window a file is read through.
constexpr size_t DefaultReadWindowBytes = 64 * 1024;

/// Writes to Out the ModelProto In without the payloads of tensors larger
/// than KeepPayloadBytes. A malformed wire format (truncated field, invalid
/// wire type, nesting deeper than MaxMessageDepth) is an error whose message
/// says what was wrong at which byte offset.
llvm::Error stripTensorPayloads(llvm::ArrayRef<uint8_t> In, std::string &Out,
                                StripStats &Stats,
                                uint64_t KeepPayloadBytes =
                                    DefaultKeepPayloadBytes);

/// The same for the FileSize bytes of the open file FD, read with pread
/// through a window of WindowBytes (at least 64). A malformed wire format is
/// an error as above, with inconvertibleErrorCode(); a failed read, or a file
/// shorter than FileSize, is an error carrying the system's error code.
llvm::Error stripTensorPayloadsFromFile(llvm::sys::fs::file_t FD,
                                        uint64_t FileSize, std::string &Out,
                                        StripStats &Stats,
                                        uint64_t KeepPayloadBytes =
                                            DefaultKeepPayloadBytes,
                                        size_t WindowBytes =
                                            DefaultReadWindowBytes);

} // namespace detail
} // namespace onnx_energy

#endif
