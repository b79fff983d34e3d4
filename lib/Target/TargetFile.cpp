//===- lib/Target/TargetFile.cpp - Targets loaded from a user's file ------===//
//
// --target-file: the user's file is parsed by TableGen at run time against
// TargetSchema.td and its Target records go through the reader that
// onnx-energy-tblgen -gen-targets uses for the built-in targets
// (lib/TargetDesc), with the op catalog compiled into the analyzer standing
// in for the records of ops/*.td.
//
//===----------------------------------------------------------------------===//
#include "Registry.h"
#include "onnx-energy/Ops/Catalog.h"
#include "onnx-energy/Target/Target.h"
#include "onnx-energy/Target/TargetDesc.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/TableGen/Error.h"
#include "llvm/TableGen/Parser.h"
#include "llvm/TableGen/Record.h"
#include <cstdlib>
#include <unistd.h>

#ifndef ONNX_ENERGY_SOURCE_TARGETS_DIR
#error "ONNX_ENERGY_SOURCE_TARGETS_DIR is set by lib/CMakeLists.txt"
#endif

using namespace llvm;

namespace onnx_energy {

namespace {
/// The generated op catalog (Ops/Catalog.h) as the target reader sees it.
class CompiledCatalog final : public TargetCatalog {
public:
  std::optional<unsigned> findDType(StringRef Name) const override {
    return onnx_energy::findDType(Name);
  }
  std::optional<unsigned> findPrimitive(StringRef Name) const override {
    return onnx_energy::findPrimitive(Name);
  }
  int64_t transistors(unsigned P, unsigned D) const override {
    return transistorOps(P, D);
  }
};

/// The targets a file's target may derive from and must not rename: the
/// built-in ones and those loaded before.
class KnownTargets final : public TargetResolver {
public:
  const TargetDesc *find(StringRef Name) const override {
    if (const TargetDesc *D = detail::findBuiltinDesc(Name))
      return D;
    return detail::findLoadedDesc(Name);
  }
};

Error makeError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

/// TableGen ends the process with exit(1) on the few errors it cannot
/// recover from (llvm::PrintFatalError; e.g. `def 32 ...`: "Record name '32'
/// is not a string!", found by fuzz/TargetFileFuzzer.cpp). While a target
/// file is parsed and read, an exit handler runs FatalHandler instead, whose
/// default gives the exit code of an input error.
std::string ParsingPath; ///< the file being parsed, or "" outside
void (*FatalHandler)(const std::string &Path) = nullptr;

void defaultFatalHandler(const std::string &Path) {
  errs() << "error: invalid target file '" << Path
         << "' (TableGen stopped at the error above)\n";
  errs().flush();
  _exit(2);
}

void onExit() {
  if (ParsingPath.empty())
    return;
  std::string Path = ParsingPath;
  ParsingPath.clear();
  (FatalHandler ? FatalHandler : defaultFatalHandler)(Path);
}

/// Sets ParsingPath for the lifetime of the object.
class ParsingScope {
public:
  explicit ParsingScope(const std::string &Path) {
    static const bool Registered = [] { return std::atexit(onExit) == 0; }();
    (void)Registered;
    ParsingPath = Path;
  }
  ~ParsingScope() { ParsingPath.clear(); }
};
} // namespace

void setTargetFileFatalHandler(void (*Fn)(const std::string &Path)) {
  FatalHandler = Fn;
}

std::vector<std::string> targetSchemaDirs(const char *Argv0) {
  std::vector<std::string> Dirs;
  // Any function of the executable identifies it (this library is linked
  // in statically).
  std::string Exe = sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&targetSchemaDirs));
  if (!Exe.empty()) {
    SmallString<256> Dir(sys::path::parent_path(Exe));
    sys::path::append(Dir, "..", "share", "onnx-energy", "targets");
    sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    Dirs.push_back(std::string(Dir));
  }
  Dirs.push_back(ONNX_ENERGY_SOURCE_TARGETS_DIR);
  return Dirs;
}

Expected<std::vector<const Target *>>
loadTargetFile(StringRef Path, ArrayRef<std::string> SchemaDirs) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return makeError("cannot read target file '" + Path +
                     "': " + Buf.getError().message());
  return loadTargetBuffer(std::move(*Buf), SchemaDirs);
}

Expected<std::vector<const Target *>>
loadTargetBuffer(std::unique_ptr<MemoryBuffer> Buf,
                 ArrayRef<std::string> SchemaDirs) {
  // The identifier outlives the buffer, which moves into the source manager.
  const std::string Path = Buf->getBufferIdentifier().str();
  std::string SchemaDir;
  for (const std::string &Dir : SchemaDirs) {
    SmallString<256> Schema(Dir);
    sys::path::append(Schema, "TargetSchema.td");
    if (sys::fs::exists(Schema)) {
      SchemaDir = Dir;
      break;
    }
  }
  if (SchemaDir.empty())
    return makeError("cannot find TargetSchema.td for target file '" + Path +
                     "' (looked in " + join(SchemaDirs, ", ") + ")");
  // Includes resolve against the file's own directory, then the schema's.
  std::string FileDir = sys::path::parent_path(Path).str();
  SourceMgr SM;
  SM.AddNewSourceBuffer(std::move(Buf), SMLoc());
  SM.setIncludeDirs({FileDir.empty() ? std::string(".") : FileDir, SchemaDir});
  RecordKeeper RK;
  ParsingScope Scope(Path);
  bool ParseFailed = TableGenParseFile(SM, RK);
  // TableGenParseFile hands the buffers back and empties TableGen's global
  // source manager; the reader reports through that one (as in the
  // backend), so the buffers go back there for the rest of the run.
  SrcMgr = SourceMgr();
  SrcMgr.setIncludeDirs(SM.getIncludeDirs());
  SrcMgr.takeSourceBuffersFrom(SM);
  if (ParseFailed) {
    // No Target class by then: most likely the schema was not included.
    if (!RK.getClass("Target"))
      PrintNote("a target file starts with: include \"TargetSchema.td\"");
    return makeError("invalid target file '" + Path +
                     "' (see the error above)");
  }

  CompiledCatalog Cat;
  KnownTargets Known;
  ReadTargetsOptions Opts;
  Opts.External = &Known;
  Opts.FullPaths = true;
  std::vector<TargetDesc> Descs;
  if (!readTargets(RK, Cat, Descs, Opts))
    return makeError("invalid target file '" + Path +
                     "' (see the error above)");
  if (Descs.empty())
    return makeError("target file '" + Path +
                     "' defines no target (no record of class Target)");
  return detail::addFileTargets(std::move(Descs));
}

} // namespace onnx_energy
