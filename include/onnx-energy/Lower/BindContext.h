//===- Lower/BindContext.h - What a shape binder sees -------------*- C++ -*-===//
//
// A shape binder (declared by a ShapeBinder record in ops/*.td, defined as
// `bind<Name>` in lib/Lower/Binders.cpp) computes the named shape quantities
// of one node, e.g. batch, M, N, K for MatMul. It reads the node through this
// context and reports a problem with fail(), which names the node; a binder
// never returns a made-up value for a shape it cannot resolve.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_LOWER_BINDCONTEXT_H
#define ONNX_ENERGY_LOWER_BINDCONTEXT_H

#include "onnx-energy/Graph/Graph.h"
#include "onnx-energy/Support/Qty.h"
#include <string>

namespace onnx_energy {

class BindContext {
public:
  BindContext(const Graph &G, const Node &N) : G(G), N(N) {}

  const Graph &graph() const { return G; }
  const Node &node() const { return N; }

  unsigned numInputs() const { return N.Inputs.size(); }
  unsigned numOutputs() const { return N.Outputs.size(); }
  /// Input I, or nullptr if absent/omitted.
  const Value *input(unsigned I) const {
    return I < N.Inputs.size() && N.Inputs[I] >= 0 ? &G.Values[N.Inputs[I]]
                                                   : nullptr;
  }
  const Value *output(unsigned I) const {
    return I < N.Outputs.size() && N.Outputs[I] >= 0
               ? &G.Values[N.Outputs[I]]
               : nullptr;
  }

  /// The fully known shape of input/output I. On failure records why (which
  /// value, which dim) and returns false.
  bool inputShape(unsigned I, std::vector<int64_t> &Shape);
  bool outputShape(unsigned I, std::vector<int64_t> &Shape);

  /// Records a failure naming the node; always returns false so binders can
  /// `return Ctx.fail("...")`.
  bool fail(const std::string &Message);
  const std::string &failure() const { return Failure; }
  bool failed() const { return !Failure.empty(); }

private:
  bool shapeOf(const Value *V, const char *What, unsigned I,
               std::vector<int64_t> &Shape);
  const Graph &G;
  const Node &N;
  std::string Failure;
};

/// Product of Shape[Begin, End) as a checked quantity.
Qty product(const std::vector<int64_t> &Shape, size_t Begin = 0,
            size_t End = size_t(-1));

} // namespace onnx_energy

#endif
