//===- Import/TextNesting.cpp - Bound the nesting of ONNX text ------------===//
//
// onnx::OnnxParser descends recursively into every subgraph `{ ... }`, type
// `seq(...)` and list `[ ... ]`, with no limit: 10,000 nested If nodes
// overflow the stack. The text is scanned once before it is parsed and
// refused past a depth no real model reaches; the importer's own limit on
// nested subgraphs (64) then gives the usual message for anything between.
//
//===----------------------------------------------------------------------===//
#include "ImportInternal.h"

using namespace llvm;

namespace onnx_energy {
namespace detail {

Error checkTextNesting(StringRef Text, StringRef Path) {
  unsigned Depth = 0, Line = 1, Col = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    ++Col;
    switch (C) {
    case '\n':
      ++Line;
      Col = 0;
      break;
    case '#': // a comment, to the end of the line
      while (I + 1 < Text.size() && Text[I + 1] != '\n')
        ++I;
      break;
    case '"': // a string literal, with backslash escapes
      for (++I; I < Text.size() && Text[I] != '"'; ++I) {
        if (Text[I] == '\\')
          ++I;
        else if (Text[I] == '\n')
          ++Line, Col = 0;
      }
      break;
    case '{':
    case '(':
    case '[':
      if (++Depth > MaxTextNesting)
        return fileError((Path + ":" + Twine(Line) + ":" + Twine(Col)).str(),
                         "brackets are nested more than " +
                             Twine(MaxTextNesting) +
                             " deep (subgraphs, types or lists); the model "
                             "is refused before it is parsed");
      break;
    case '}':
    case ')':
    case ']':
      if (Depth)
        --Depth;
      break;
    default:
      break;
    }
  }
  return Error::success();
}

} // namespace detail
} // namespace onnx_energy
