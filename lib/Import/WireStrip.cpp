//===- Import/WireStrip.cpp - Drop tensor payloads from a ModelProto ------===//
//
// A hand-written walk over the protobuf wire format (tag, wire type, length)
// that descends only into the messages where tensors live and copies every
// other field verbatim. Nested messages that are descended into get a new
// length prefix, because their size shrinks when payloads are dropped.
//
//===----------------------------------------------------------------------===//
#include "WireStrip.h"
#include "llvm/Support/FormatVariadic.h"
#include <cstring>

using namespace llvm;

namespace onnx_energy {
namespace detail {
namespace {

// Field numbers from onnx.proto (IR 9).
enum class Msg {
  None,
  Model,
  Graph,
  Node,
  Attribute,
  Tensor,
  SparseTensor,
  Function,
  TrainingInfo
};

enum WireType { Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5 };

/// The message kind of field F inside a message of kind K, where tensors may
/// be found below it; Msg::None for fields copied as they are.
Msg childKind(Msg K, uint64_t F) {
  switch (K) {
  case Msg::Model:
    if (F == 7) // graph
      return Msg::Graph;
    if (F == 25) // functions
      return Msg::Function;
    if (F == 20) // training_info
      return Msg::TrainingInfo;
    return Msg::None;
  case Msg::TrainingInfo:
    return F == 1 || F == 2 ? Msg::Graph : Msg::None; // initialization, algorithm
  case Msg::Graph:
    if (F == 1) // node
      return Msg::Node;
    if (F == 5) // initializer
      return Msg::Tensor;
    if (F == 15) // sparse_initializer
      return Msg::SparseTensor;
    return Msg::None;
  case Msg::Node:
    return F == 5 ? Msg::Attribute : Msg::None; // attribute
  case Msg::Attribute:
    if (F == 5 || F == 10) // t, tensors
      return Msg::Tensor;
    if (F == 6 || F == 11) // g, graphs
      return Msg::Graph;
    if (F == 22 || F == 23) // sparse_tensor, sparse_tensors
      return Msg::SparseTensor;
    return Msg::None;
  case Msg::Function:
    return F == 7 ? Msg::Node : Msg::None; // node
  case Msg::SparseTensor:
    return F == 1 || F == 2 ? Msg::Tensor : Msg::None; // values, indices
  case Msg::None:
  case Msg::Tensor:
    return Msg::None;
  }
  return Msg::None;
}

/// TensorProto fields that hold the tensor's data.
bool isPayloadField(uint64_t F) {
  switch (F) {
  case 4:  // float_data
  case 5:  // int32_data
  case 6:  // string_data
  case 7:  // int64_data
  case 9:  // raw_data
  case 10: // double_data
  case 11: // uint64_data
    return true;
  default:
    return false;
  }
}

class Stripper {
public:
  Stripper(ArrayRef<uint8_t> In, std::string &Out, StripStats &Stats,
           uint64_t Keep)
      : Base(In.data()), Out(Out), Stats(Stats), Keep(Keep) {}

  Error run(ArrayRef<uint8_t> In) {
    if (!message(Msg::Model, In.data(), In.data() + In.size(), 0))
      return createStringError(inconvertibleErrorCode(), Err);
    // Protobuf parses at most 2 GiB; the graph without weights must fit.
    if (Out.size() > size_t(INT32_MAX))
      return createStringError(inconvertibleErrorCode(),
                               "graph structure larger than 2 GiB");
    return Error::success();
  }

private:
  /// One field header: where it starts, its number and wire type, and for
  /// the length-delimited wire type where its contents are.
  struct Field {
    const uint8_t *Start = nullptr;
    const uint8_t *Body = nullptr; ///< after tag (and length)
    const uint8_t *End = nullptr;  ///< after the whole field
    uint64_t Number = 0;
    unsigned Wire = 0;
  };

  bool fail(const uint8_t *At, const char *What) {
    if (Err.empty())
      Err = formatv("{0} at byte {1}", What, uint64_t(At - Base)).str();
    return false;
  }

  bool varint(const uint8_t *&P, const uint8_t *End, uint64_t &V) {
    const uint8_t *Start = P;
    V = 0;
    for (unsigned Shift = 0; Shift < 70; Shift += 7) {
      if (P >= End)
        return fail(Start, "truncated varint");
      uint8_t B = *P++;
      V |= uint64_t(B & 0x7f) << Shift;
      if (!(B & 0x80))
        return true;
    }
    return fail(Start, "varint longer than 10 bytes");
  }

  /// Reads the field at P (P < End) and advances P past it.
  bool field(const uint8_t *&P, const uint8_t *End, Field &F) {
    F.Start = P;
    uint64_t Tag;
    if (!varint(P, End, Tag))
      return false;
    F.Number = Tag >> 3;
    F.Wire = Tag & 7;
    if (F.Number == 0 || F.Number > 536870911)
      return fail(F.Start, "invalid field number");
    switch (F.Wire) {
    case Varint: {
      uint64_t Ignored;
      if (!varint(P, End, Ignored))
        return false;
      F.Body = F.Start;
      break;
    }
    case Fixed64:
      if (End - P < 8)
        return fail(F.Start, "truncated field");
      F.Body = P;
      P += 8;
      break;
    case Fixed32:
      if (End - P < 4)
        return fail(F.Start, "truncated field");
      F.Body = P;
      P += 4;
      break;
    case LengthDelimited: {
      uint64_t Len;
      if (!varint(P, End, Len))
        return false;
      if (Len > uint64_t(End - P))
        return fail(F.Start, "truncated field");
      F.Body = P;
      P += Len;
      break;
    }
    default:
      return fail(F.Start, "invalid wire type");
    }
    F.End = P;
    return true;
  }

  void copy(const uint8_t *B, const uint8_t *E) {
    Out.append(reinterpret_cast<const char *>(B), E - B);
  }

  bool message(Msg K, const uint8_t *P, const uint8_t *End, unsigned Depth) {
    if (Depth > MaxMessageDepth)
      return fail(P, "messages nested too deeply");
    if (K == Msg::Tensor)
      return tensor(P, End);
    while (P < End) {
      Field F;
      if (!field(P, End, F))
        return false;
      Msg Child = F.Wire == LengthDelimited ? childKind(K, F.Number)
                                            : Msg::None;
      if (Child == Msg::None) {
        copy(F.Start, F.End);
        continue;
      }
      // Tag again, then the child with a length patched in afterwards.
      const uint8_t *TagEnd = F.Start;
      uint64_t Ignored;
      varint(TagEnd, F.End, Ignored);
      copy(F.Start, TagEnd);
      size_t LenPos = Out.size();
      Out.append(MaxLenBytes, '\0');
      if (!message(Child, F.Body, F.End, Depth + 1))
        return false;
      if (!patchLength(LenPos))
        return fail(F.Start, "nested message too large");
    }
    return true;
  }

  /// A tensor keeps its payload when that is small, else loses it.
  bool tensor(const uint8_t *Begin, const uint8_t *End) {
    uint64_t Payload = 0;
    for (const uint8_t *P = Begin; P < End;) {
      Field F;
      if (!field(P, End, F))
        return false;
      if (isPayloadField(F.Number))
        Payload += F.End - F.Start;
    }
    if (Payload <= Keep) {
      copy(Begin, End);
      return true;
    }
    ++Stats.TensorsStripped;
    Stats.BytesSkipped += Payload;
    for (const uint8_t *P = Begin; P < End;) {
      Field F;
      field(P, End, F); // validated above
      if (!isPayloadField(F.Number))
        copy(F.Start, F.End);
    }
    return true;
  }

  /// The length of a nested message fits in 5 varint bytes (< 2^35); write
  /// it minimally and close the gap left by the placeholder.
  static constexpr size_t MaxLenBytes = 5;
  bool patchLength(size_t LenPos) {
    uint64_t Len = Out.size() - LenPos - MaxLenBytes;
    if (Len >> (7 * MaxLenBytes))
      return false;
    uint8_t Buf[10];
    size_t N = 0;
    do {
      uint8_t B = Len & 0x7f;
      Len >>= 7;
      Buf[N++] = B | (Len ? 0x80 : 0);
    } while (Len);
    std::memcpy(&Out[LenPos], Buf, N);
    if (N < MaxLenBytes)
      Out.erase(LenPos + N, MaxLenBytes - N);
    return true;
  }

  const uint8_t *Base;
  std::string &Out;
  StripStats &Stats;
  uint64_t Keep;
  std::string Err;
};

} // namespace

Error stripTensorPayloads(ArrayRef<uint8_t> In, std::string &Out,
                          StripStats &Stats, uint64_t KeepPayloadBytes) {
  Out.clear();
  Stripper S(In, Out, Stats, KeepPayloadBytes);
  return S.run(In);
}

} // namespace detail
} // namespace onnx_energy
