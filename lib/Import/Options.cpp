//===- Import/Options.cpp - --dim and --input option values ---------------===//
//
// Parsing of the shape options a user gives the importer: `--dim NAME=VALUE`
// for a symbolic dim and `--input NAME=1x3x224x224` for an input's shape.
// The name is everything before the last '=', so input names containing ':'
// or '/' (as TensorFlow exporters write them) need no quoting.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Import/Import.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace onnx_energy {
namespace {

Error optionError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

/// A dim: a non-negative decimal integer that fits in 64 bits.
bool parseDimValue(StringRef S, int64_t &V) {
  S = S.trim();
  if (S.empty() || !all_of(S, isDigit))
    return false;
  return !S.getAsInteger(10, V) && V >= 0;
}

} // namespace

Error parseDimOption(StringRef S, ImportOptions &Opts) {
  size_t Eq = S.rfind('=');
  if (Eq == StringRef::npos)
    return optionError("invalid --dim '" + S +
                       "': expected NAME=VALUE, e.g. --dim batch=8");
  StringRef Name = S.take_front(Eq).trim(), Val = S.drop_front(Eq + 1);
  if (Name.empty())
    return optionError("invalid --dim '" + S + "': the dim name is empty");
  int64_t V;
  if (!parseDimValue(Val, V))
    return optionError("invalid --dim '" + S + "': '" + Val +
                       "' is not a non-negative integer");
  Opts.Dims[Name.str()] = V;
  return Error::success();
}

Error parseInputOption(StringRef S, ImportOptions &Opts) {
  size_t Eq = S.rfind('=');
  if (Eq == StringRef::npos)
    return optionError("invalid --input '" + S +
                       "': expected NAME=SHAPE, e.g. --input "
                       "image=1x3x224x224");
  StringRef Name = S.take_front(Eq).trim(), Shape = S.drop_front(Eq + 1);
  if (Name.empty())
    return optionError("invalid --input '" + S +
                       "': the input name is empty");
  if (Shape.trim().empty())
    return optionError("invalid --input '" + S +
                       "': the shape is empty; write dims separated by 'x', "
                       "e.g. 1x3x224x224");
  SmallVector<StringRef, 8> Parts;
  // 'x' is the documented separator; ',' is accepted as well.
  Shape.split(Parts, Shape.contains(',') ? ',' : 'x');
  std::vector<int64_t> Dims;
  for (StringRef P : Parts) {
    int64_t V;
    if (!parseDimValue(P, V))
      return optionError("invalid --input '" + S + "': dim '" + P +
                         "' is not a non-negative integer");
    Dims.push_back(V);
  }
  Opts.InputShapes[Name.str()] = std::move(Dims);
  return Error::success();
}

} // namespace onnx_energy
