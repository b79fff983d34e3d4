//===- Import/WireStrip.cpp - Drop tensor payloads from a ModelProto ------===//
//
// A hand-written walk over the protobuf wire format (tag, wire type, length)
// that descends only into the messages where tensors live and copies every
// other field verbatim. Nested messages that are descended into get a new
// length prefix, because their size shrinks when payloads are dropped. The
// walk never goes back, so a file can be read through a small window.
//
//===----------------------------------------------------------------------===//
#include "WireStrip.h"
#include "llvm/Support/FormatVariadic.h"
#include <algorithm>
#include <cstring>
#include <memory>

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

/// The bytes walked: all of a buffer in memory, or a file read with pread
/// through a window of fixed size. Offsets count from the model's first byte.
/// The window [Begin, Lim) holds the bytes [BeginPos, BeginPos + (Lim -
/// Begin)) and Cur is the next byte to walk.
class Source {
public:
  explicit Source(ArrayRef<uint8_t> Bytes)
      : Begin(Bytes.data()), Cur(Begin), Lim(Begin + Bytes.size()),
        Size(Bytes.size()) {}
  Source(sys::fs::file_t FD, uint64_t Size, size_t Window)
      : FD(FD), Window(std::max<size_t>(Window, 64)), Size(Size) {
    Buf.reset(new uint8_t[this->Window]);
    Begin = Cur = Lim = Buf.get();
  }

  uint64_t size() const { return Size; }
  uint64_t pos() const { return BeginPos + uint64_t(Cur - Begin); }
  const uint8_t *data() const { return Cur; }
  size_t buffered() const { return size_t(Lim - Cur); }
  uint64_t bytesRead() const { return BytesRead; }

  /// Makes the next min(N, size() - pos()) bytes buffered; N <= the window.
  bool fill(size_t N) {
    N = size_t(std::min<uint64_t>(N, Size - pos()));
    if (buffered() >= N)
      return true;
    // Only a file gets here: a buffer in memory is buffered whole.
    size_t Kept = buffered();
    std::memmove(Buf.get(), Cur, Kept);
    BeginPos = pos();
    Begin = Cur = Buf.get();
    Lim = Cur + Kept;
    while (buffered() < N) {
      uint64_t End = BeginPos + uint64_t(Lim - Begin);
      size_t Want = size_t(std::min<uint64_t>(Window - Kept, Size - End));
      size_t Got;
      if (!read(Buf.get() + Kept, Want, End, Got))
        return false;
      Kept += Got;
      Lim += Got;
    }
    return true;
  }

  /// Moves past the next N bytes (N <= size() - pos()) without reading them.
  void skip(uint64_t N) {
    if (N <= buffered()) {
      Cur += N;
      return;
    }
    BeginPos = pos() + N;
    Begin = Cur = Lim = Buf.get();
  }

  /// Appends the next N bytes (N <= size() - pos()) to Out.
  bool append(std::string &Out, uint64_t N) {
    size_t Now = size_t(std::min<uint64_t>(N, buffered()));
    Out.append(reinterpret_cast<const char *>(Cur), Now);
    Cur += Now;
    N -= Now;
    if (!N)
      return true;
    if (N <= Window) {
      if (!fill(size_t(N)))
        return false;
      Out.append(reinterpret_cast<const char *>(Cur), size_t(N));
      Cur += N;
      return true;
    }
    // A long field goes from the file straight into Out.
    uint64_t At = pos();
    size_t Old = Out.size();
    Out.resize(Old + N);
    for (uint64_t Done = 0; Done < N;) {
      size_t Got;
      if (!read(reinterpret_cast<uint8_t *>(&Out[Old + Done]),
                size_t(N - Done), At + Done, Got))
        return false;
      Done += Got;
    }
    BeginPos = At + N;
    Begin = Cur = Lim = Buf.get();
    return true;
  }

  /// The failure of the last read, if any.
  Error takeError() {
    if (!IOFailed)
      return Error::success();
    IOFailed = false;
    return createStringError(IOCode, IOMessage);
  }
  bool failed() const { return IOFailed; }

private:
  /// Reads some of the Want bytes at Offset into Dst (Got > 0 on success).
  bool read(uint8_t *Dst, size_t Want, uint64_t Offset, size_t &Got) {
    Expected<size_t> N = sys::fs::readNativeFileSlice(
        FD, MutableArrayRef<char>(reinterpret_cast<char *>(Dst), Want), Offset);
    if (!N) {
      IOCode = errorToErrorCode(N.takeError());
      IOMessage = formatv("cannot read the file at byte {0}: {1}", Offset,
                          IOCode.message())
                      .str();
      IOFailed = true;
      return false;
    }
    if (*N == 0) {
      IOCode = std::make_error_code(std::errc::io_error);
      IOMessage = formatv("the file ended at byte {0}, before the {1} bytes "
                          "it had when opened (changed while reading?)",
                          Offset, Size)
                      .str();
      IOFailed = true;
      return false;
    }
    Got = *N;
    BytesRead += Got;
    return true;
  }

  sys::fs::file_t FD = sys::fs::kInvalidFile;
  std::unique_ptr<uint8_t[]> Buf;
  size_t Window = 0;
  const uint8_t *Begin = nullptr, *Cur = nullptr, *Lim = nullptr;
  uint64_t BeginPos = 0;
  uint64_t Size = 0;
  uint64_t BytesRead = 0;
  bool IOFailed = false;
  std::error_code IOCode;
  std::string IOMessage;
};

class Stripper {
public:
  Stripper(Source &Src, std::string &Out, StripStats &Stats, uint64_t Keep)
      : Src(Src), Out(Out), Stats(Stats), Keep(Keep) {}

  Error run() {
    bool Ok = message(Msg::Model, Src.size(), 0);
    Stats.BytesRead += Src.bytesRead();
    if (Src.failed())
      return Src.takeError();
    if (!Ok)
      return createStringError(inconvertibleErrorCode(), Err);
    // Protobuf parses at most 2 GiB; the graph without weights must fit.
    if (Out.size() > size_t(INT32_MAX))
      return createStringError(inconvertibleErrorCode(),
                               "graph structure larger than 2 GiB");
    return Error::success();
  }

private:
  /// One field header: its number and wire type, the bytes of its tag and
  /// of its whole head (tag, and the varint value or the length), and the
  /// bytes after the head.
  struct Field {
    uint64_t Start = 0; ///< offset of the tag
    uint64_t Number = 0;
    uint64_t BodyLen = 0;
    unsigned Wire = 0;
    unsigned TagLen = 0;
    unsigned HeadLen = 0;
  };

  bool fail(uint64_t At, const char *What) {
    if (Err.empty())
      Err = formatv("{0} at byte {1}", What, At).str();
    return false;
  }

  /// Reads a varint from [P, Lim); At is the offset of P for errors.
  bool varint(const uint8_t *&P, const uint8_t *Lim, uint64_t At,
              uint64_t &V) {
    V = 0;
    for (unsigned Shift = 0; Shift < 70; Shift += 7) {
      if (P >= Lim)
        return fail(At, "truncated varint");
      uint8_t B = *P++;
      V |= uint64_t(B & 0x7f) << Shift;
      if (!(B & 0x80))
        return true;
    }
    return fail(At, "varint longer than 10 bytes");
  }

  /// Reads the head of the field at the current position (< End), leaving
  /// the position where it was; the head stays buffered.
  bool header(uint64_t End, Field &F) {
    F.Start = Src.pos();
    // A head is at most 20 bytes: a tag and a varint of 10 each.
    if (!Src.fill(20))
      return false;
    const uint8_t *Head = Src.data(), *P = Head;
    const uint8_t *Lim =
        Head + size_t(std::min<uint64_t>(Src.buffered(), End - F.Start));
    uint64_t Tag;
    if (!varint(P, Lim, F.Start, Tag))
      return false;
    F.Number = Tag >> 3;
    F.Wire = Tag & 7;
    if (F.Number == 0 || F.Number > 536870911)
      return fail(F.Start, "invalid field number");
    F.TagLen = unsigned(P - Head);
    switch (F.Wire) {
    case Varint: {
      uint64_t Ignored;
      if (!varint(P, Lim, F.Start + (P - Head), Ignored))
        return false;
      F.BodyLen = 0;
      break;
    }
    case Fixed64:
      F.BodyLen = 8;
      break;
    case Fixed32:
      F.BodyLen = 4;
      break;
    case LengthDelimited:
      if (!varint(P, Lim, F.Start + (P - Head), F.BodyLen))
        return false;
      break;
    default:
      return fail(F.Start, "invalid wire type");
    }
    F.HeadLen = unsigned(P - Head);
    if (F.BodyLen > End - (F.Start + F.HeadLen))
      return fail(F.Start, "truncated field");
    return true;
  }

  /// Appends the field whose head was just read to To, verbatim.
  bool copyField(const Field &F, std::string &To) {
    To.append(reinterpret_cast<const char *>(Src.data()), F.HeadLen);
    Src.skip(F.HeadLen);
    return Src.append(To, F.BodyLen);
  }

  bool message(Msg K, uint64_t End, unsigned Depth) {
    if (Depth > MaxMessageDepth)
      return fail(Src.pos(), "messages nested too deeply");
    if (K == Msg::Tensor)
      return tensor(End);
    while (Src.pos() < End) {
      Field F;
      if (!header(End, F))
        return false;
      Msg Child = F.Wire == LengthDelimited ? childKind(K, F.Number)
                                            : Msg::None;
      if (Child == Msg::None) {
        if (!copyField(F, Out))
          return false;
        continue;
      }
      // The tag again, then the child with a length patched in afterwards.
      Out.append(reinterpret_cast<const char *>(Src.data()), F.TagLen);
      Src.skip(F.HeadLen);
      size_t LenPos = Out.size();
      Out.append(MaxLenBytes, '\0');
      if (!message(Child, Src.pos() + F.BodyLen, Depth + 1))
        return false;
      if (!patchLength(LenPos))
        return fail(F.Start, "nested message too large");
    }
    return true;
  }

  /// A tensor keeps its payload when that is small, else loses it. Once the
  /// payload seen exceeds Keep, the rest of it is jumped over unread.
  bool tensor(uint64_t End) {
    All.clear();  // every field, while the tensor may still be kept whole
    Rest.clear(); // the fields that are not payload
    uint64_t Payload = 0;
    bool Strip = false;
    while (Src.pos() < End) {
      Field F;
      if (!header(End, F))
        return false;
      if (isPayloadField(F.Number)) {
        Payload += F.HeadLen + F.BodyLen;
        if (!Strip && Payload > Keep) {
          Strip = true;
          All.clear();
        }
        if (Strip)
          Src.skip(F.HeadLen + F.BodyLen);
        else if (!copyField(F, All))
          return false;
        continue;
      }
      size_t From = Rest.size();
      if (!copyField(F, Rest))
        return false;
      if (!Strip)
        All.append(Rest, From, std::string::npos);
    }
    if (!Strip) {
      Out += All;
      return true;
    }
    ++Stats.TensorsStripped;
    Stats.BytesSkipped += Payload;
    Out += Rest;
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

  Source &Src;
  std::string &Out;
  StripStats &Stats;
  uint64_t Keep;
  std::string Err;
  std::string All, Rest; // tensor() scratch, reused
};

} // namespace

Error stripTensorPayloads(ArrayRef<uint8_t> In, std::string &Out,
                          StripStats &Stats, uint64_t KeepPayloadBytes) {
  Out.clear();
  Source Src(In);
  return Stripper(Src, Out, Stats, KeepPayloadBytes).run();
}

Error stripTensorPayloadsFromFile(sys::fs::file_t FD, uint64_t FileSize,
                                  std::string &Out, StripStats &Stats,
                                  uint64_t KeepPayloadBytes,
                                  size_t WindowBytes) {
  Out.clear();
  Source Src(FD, FileSize, WindowBytes);
  return Stripper(Src, Out, Stats, KeepPayloadBytes).run();
}

} // namespace detail
} // namespace onnx_energy
