//===- lib/Lower/BindContext.cpp - What a shape binder sees ---------------===//
//
// Shape access for the binders of lib/Lower/Binders.cpp. A shape is handed
// out only when every dim is known; otherwise the context records which
// value and which dim are missing, so that the diagnostic the driver prints
// for the node says exactly what to pin with --dim or --input.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Lower/BindContext.h"
#include <fmt/format.h>

namespace onnx_energy {

bool BindContext::inputShape(unsigned I, std::vector<int64_t> &Shape) {
  return shapeOf(input(I), "input", I, Shape);
}

bool BindContext::outputShape(unsigned I, std::vector<int64_t> &Shape) {
  return shapeOf(output(I), "output", I, Shape);
}

bool BindContext::shapeOf(const Value *V, const char *What, unsigned I,
                          std::vector<int64_t> &Shape) {
  Shape.clear();
  if (!V)
    return fail(fmt::format("{} {} is absent", What, I));
  if (!V->HasShape)
    return fail(fmt::format("{} {} '{}' has unknown rank", What, I, V->Name));
  Shape.reserve(V->Shape.size());
  for (size_t D = 0; D < V->Shape.size(); ++D) {
    const Dim &Dm = V->Shape[D];
    if (!Dm.known()) {
      Shape.clear();
      return fail(fmt::format("{} {} '{}' has unknown dim {} ({}) in shape {}",
                              What, I, V->Name, D,
                              Dm.Symbol.empty() ? std::string("?")
                                                : Dm.Symbol,
                              V->shapeString()));
    }
    Shape.push_back(Dm.Value);
  }
  return true;
}

bool BindContext::fail(const std::string &Message) {
  // Keep the first problem: later ones are usually its consequences.
  if (Failure.empty())
    Failure = Message.empty() ? std::string("shape binder failed") : Message;
  return false;
}

Qty product(const std::vector<int64_t> &Shape, size_t Begin, size_t End) {
  if (End > Shape.size())
    End = Shape.size();
  Qty P(1);
  for (size_t I = Begin; I < End; ++I)
    P *= Qty(Shape[I]);
  return P;
}

} // namespace onnx_energy
