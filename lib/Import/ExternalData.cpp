//===- Import/ExternalData.cpp - Check, never read, external weights ------===//
//
// Tensors with data_location EXTERNAL name a file (relative to the model's
// folder), an offset and a length. The analyzer needs only their shapes, so
// the data is never read; the reference is still checked, because a model
// whose weights are missing or truncated is broken and a location that leads
// out of the model's folder is refused (a model must not make a tool look at
// arbitrary files).
//
//===----------------------------------------------------------------------===//
#include "ImportInternal.h"
#include "onnx-energy/Graph/Graph.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <functional>
#include <map>

using namespace llvm;

namespace onnx_energy {
namespace detail {

bool isExternal(const onnx::TensorProto &T) {
  return T.has_data_location() &&
         T.data_location() == onnx::TensorProto::EXTERNAL;
}

namespace {

using TensorFn =
    std::function<Error(const onnx::TensorProto &, const std::string &Kind)>;

Error forEachTensor(const onnx::GraphProto &G, const TensorFn &Fn);

Error forEachTensor(const onnx::NodeProto &N, const TensorFn &Fn) {
  for (const onnx::AttributeProto &A : N.attribute()) {
    std::string Kind = "attribute '" + A.name() + "' of node '" + N.name() +
                       "' (" + N.op_type() + ")";
    if (A.has_t())
      if (Error E = Fn(A.t(), Kind))
        return E;
    for (const onnx::TensorProto &T : A.tensors())
      if (Error E = Fn(T, Kind))
        return E;
    if (A.has_sparse_tensor()) {
      if (Error E = Fn(A.sparse_tensor().values(), Kind))
        return E;
      if (Error E = Fn(A.sparse_tensor().indices(), Kind))
        return E;
    }
    for (const onnx::SparseTensorProto &S : A.sparse_tensors()) {
      if (Error E = Fn(S.values(), Kind))
        return E;
      if (Error E = Fn(S.indices(), Kind))
        return E;
    }
    if (A.has_g())
      if (Error E = forEachTensor(A.g(), Fn))
        return E;
    for (const onnx::GraphProto &Sub : A.graphs())
      if (Error E = forEachTensor(Sub, Fn))
        return E;
  }
  return Error::success();
}

Error forEachTensor(const onnx::GraphProto &G, const TensorFn &Fn) {
  for (const onnx::TensorProto &T : G.initializer())
    if (Error E = Fn(T, "initializer"))
      return E;
  for (const onnx::SparseTensorProto &S : G.sparse_initializer()) {
    if (Error E = Fn(S.values(), "sparse initializer"))
      return E;
    if (Error E = Fn(S.indices(), "sparse initializer"))
      return E;
  }
  for (const onnx::NodeProto &N : G.node())
    if (Error E = forEachTensor(N, Fn))
      return E;
  return Error::success();
}

/// Data size implied by dims and type; invalid if it cannot be known.
Qty impliedBytes(const onnx::TensorProto &T) {
  unsigned Bits = elemBits(ElemType(T.data_type()));
  if (Bits == 0)
    return Qty::invalid();
  Qty N = 1;
  for (int64_t D : T.dims()) {
    if (D < 0)
      return Qty::invalid();
    N *= Qty(D);
  }
  if (Bits % 8 == 0)
    return N * Qty(Bits / 8);
  return qcdiv(N * Qty(Bits), Qty(8));
}

class Checker {
public:
  explicit Checker(StringRef ModelPath) : ModelPath(ModelPath) {
    Dir = sys::path::parent_path(ModelPath);
    if (Dir.empty())
      Dir = ".";
  }

  Error check(const onnx::TensorProto &T, const std::string &Kind) {
    if (!isExternal(T))
      return Error::success();
    std::string Location;
    std::optional<uint64_t> Offset, Length;
    for (const onnx::StringStringEntryProto &KV : T.external_data()) {
      if (KV.key() == "location") {
        Location = KV.value();
      } else if (KV.key() == "offset" || KV.key() == "length") {
        uint64_t V;
        if (!to_integer(StringRef(KV.value()), V, 10))
          return bad(T, Kind, Location,
                     "has an invalid " + KV.key() + " '" + KV.value() + "'");
        (KV.key() == "offset" ? Offset : Length) = V;
      }
    }
    if (Location.empty())
      return bad(T, Kind, Location, "gives no location for its external data");
    Expected<uint64_t> Size = fileSize(T, Kind, Location);
    if (!Size)
      return Size.takeError();
    Qty Implied = impliedBytes(T);
    if (Length && Implied.valid() && uint64_t(Implied.value()) > *Length)
      return bad(T, Kind, Location,
                 "has external length " + std::to_string(*Length) +
                     " but its shape needs " +
                     std::to_string(Implied.value()) + " bytes");
    if (!Length && !Implied.valid())
      return bad(T, Kind, Location,
                 "has neither a length nor a shape that gives its size");
    uint64_t Need = Length ? *Length : uint64_t(Implied.value());
    uint64_t Off = Offset.value_or(0);
    if (Off > *Size || Need > *Size - Off) {
      // Off + Need may not fit in 64 bits: then the range is not printed.
      uint64_t End;
      std::string Range =
          __builtin_add_overflow(Off, Need, &End)
              ? std::to_string(Need) + " bytes at offset " +
                    std::to_string(Off)
              : "bytes " + std::to_string(Off) + ".." + std::to_string(End);
      return bad(T, Kind, Location,
                 "needs " + Range + " but the file has only " +
                     std::to_string(*Size) + " bytes");
    }
    return Error::success();
  }

private:
  Error bad(const onnx::TensorProto &T, const std::string &Kind,
            StringRef Location, const Twine &What) {
    std::string Where = Location.empty() ? std::string()
                                         : " (file '" + Location.str() + "')";
    return fileError(ModelPath, Kind + " '" + T.name() + "'" + Where + " " +
                                    What);
  }

  /// Resolves Location inside Dir, refusing any way out of it, and returns
  /// the file's size (cached: many tensors share one file).
  Expected<uint64_t> fileSize(const onnx::TensorProto &T,
                              const std::string &Kind, StringRef Location) {
    auto It = Sizes.find(Location.str());
    if (It != Sizes.end())
      return It->second;
    if (Location.starts_with("/") || Location.starts_with("\\") ||
        (Location.size() >= 2 && isAlpha(Location[0]) && Location[1] == ':') ||
        sys::path::is_absolute(Location))
      return bad(T, Kind, Location,
                 "refers to an absolute path; external data must lie in the "
                 "model's folder");
    // Lexically: '..' may not climb above the model's folder.
    int Depth = 0;
    SmallVector<StringRef, 8> Parts;
    Location.split(Parts, '/');
    for (StringRef Part : Parts)
      for (StringRef Sub : split(Part, '\\')) {
        if (Sub.empty() || Sub == ".")
          continue;
        Depth += Sub == ".." ? -1 : 1;
        if (Depth < 0)
          return bad(T, Kind, Location,
                     "refers to a path outside the model's folder");
      }
    SmallString<256> Full(Dir);
    sys::path::append(Full, Location);
    sys::fs::file_status St;
    if (sys::fs::status(Full, St) || !sys::fs::exists(St))
      return bad(T, Kind, Location,
                 "refers to a file that does not exist: " + Full.str());
    if (!sys::fs::is_regular_file(St))
      return bad(T, Kind, Location,
                 "refers to something that is not a regular file: " +
                     Full.str());
    // Symbolic links may not lead out of the folder either.
    SmallString<256> RealDir, RealFile;
    if (sys::fs::real_path(Dir, RealDir) || sys::fs::real_path(Full, RealFile))
      return bad(T, Kind, Location, "cannot be resolved: " + Full.str());
    StringRef RF = RealFile;
    if (!RF.starts_with(RealDir) ||
        (RealDir.str() != "/" && !RF.drop_front(RealDir.size())
                                      .starts_with("/")))
      return bad(T, Kind, Location,
                 "leads out of the model's folder through a symbolic link (to " +
                     RealFile.str() + ")");
    Sizes[Location.str()] = St.getSize();
    return St.getSize();
  }

  StringRef ModelPath;
  SmallString<256> Dir;
  std::map<std::string, uint64_t> Sizes;
};

} // namespace

Error checkExternalData(const onnx::ModelProto &M, StringRef Path) {
  Checker C(Path);
  TensorFn Fn = [&](const onnx::TensorProto &T, const std::string &Kind) {
    return C.check(T, Kind);
  };
  if (Error E = forEachTensor(M.graph(), Fn))
    return E;
  for (const onnx::FunctionProto &F : M.functions())
    for (const onnx::NodeProto &N : F.node())
      if (Error E = forEachTensor(N, Fn))
        return E;
  return Error::success();
}

} // namespace detail
} // namespace onnx_energy
