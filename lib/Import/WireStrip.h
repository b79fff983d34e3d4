//===- Import/WireStrip.h - Drop tensor payloads from a ModelProto -*- C++ -*-===//
//
// Internal to the Import stage. Walks the protobuf wire format of a
// ModelProto and writes a copy in which the payloads of large tensors
// (raw_data, float_data, int32_data, ...) are left out, so that weights are
// never copied into memory: the bytes of a skipped payload are jumped over,
// and the pages of a mapped file that hold them are never touched. Small
// tensors keep their data because shape-carrying constants (Reshape shapes,
// Slice starts, axes) need it.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LIB_IMPORT_WIRESTRIP_H
#define ONNX_ENERGY_LIB_IMPORT_WIRESTRIP_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>

namespace onnx_energy {
namespace detail {

struct StripStats {
  uint64_t TensorsStripped = 0; ///< tensors whose payload was left out
  uint64_t BytesSkipped = 0;    ///< payload bytes left out (wire bytes)
};

/// Tensors whose payload fields add up to at most this many bytes keep them.
constexpr uint64_t DefaultKeepPayloadBytes = 4096;

/// Protobuf's own default recursion limit; deeper nesting is refused.
constexpr unsigned MaxMessageDepth = 100;

/// Writes to Out the ModelProto In without the payloads of tensors larger
/// than KeepPayloadBytes. A malformed wire format (truncated field, invalid
/// wire type, nesting deeper than MaxMessageDepth) is an error whose message
/// says what was wrong at which byte offset.
llvm::Error stripTensorPayloads(llvm::ArrayRef<uint8_t> In, std::string &Out,
                                StripStats &Stats,
                                uint64_t KeepPayloadBytes =
                                    DefaultKeepPayloadBytes);

} // namespace detail
} // namespace onnx_energy

#endif
