#!/usr/bin/env python3
"""Writes the binary models of test/Annotate with Debian's python3-onnx.

  make_models.py names OUT.onnx
      Gemm 'fc' -> Relu (unnamed) -> Gemm 'fc' (a repeated name), inline
      weights, the first node with a doc_string of its own.
  make_models.py external DIR
      DIR/model.onnx with both Gemm weights in DIR/weights.bin (ONNX external
      data); prints the size of weights.bin.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def mlp(names):
    rng = np.random.default_rng(0)
    w1 = numpy_helper.from_array(
        rng.standard_normal((256, 512)).astype(np.float32), "w1")
    w2 = numpy_helper.from_array(
        rng.standard_normal((512, 10)).astype(np.float32), "w2")
    fc1 = helper.make_node("Gemm", ["x", "w1"], ["h"], name=names[0],
                           doc_string="first layer")
    act = helper.make_node("Relu", ["h"], ["r"], name=names[1])
    fc2 = helper.make_node("Gemm", ["r", "w2"], ["y"], name=names[2])
    g = helper.make_graph(
        [fc1, act, fc2], "mlp",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4, 256])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4, 10])],
        [w1, w2])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    m.ir_version = 8
    return m


def main(what, out):
    if what == "names":
        onnx.save(mlp(["fc", "", "fc"]), out)
    elif what == "external":
        os.makedirs(out, exist_ok=True)
        m = mlp(["fc1", "relu", "fc2"])
        onnx.save(m, os.path.join(out, "model.onnx"),
                  save_as_external_data=True, all_tensors_to_one_file=True,
                  location="weights.bin", size_threshold=0)
        print(os.path.getsize(os.path.join(out, "weights.bin")))
    else:
        sys.exit(f"unknown model kind {what}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
