#!/usr/bin/env python3
"""Loads an annotated model with Debian's python3-onnx, runs the ONNX checker
(full check, shape inference included) and prints what a reader of the file
sees: per node its name, op type and doc_string lines; the model's
metadata_props in file order (node entries as sorted JSON); and each external
tensor's location.

Usage: /usr/bin/python3 show.py MODEL.onnx
"""
import json
import sys

import onnx


def main(path):
    model = onnx.load(path, load_external_data=False)
    onnx.checker.check_model(path, full_check=True)
    print("checker: ok")
    for n in model.graph.node:
        print(f"node {n.name} {n.op_type}")
        for line in n.doc_string.split("\n"):
            print(f"  doc {line}")
    for p in model.metadata_props:
        value = p.value
        if p.key.startswith("onnx-energy.node."):
            value = json.dumps(json.loads(value), sort_keys=True)
        print(f"meta {p.key} = {value}")
    for t in model.graph.initializer:
        if t.data_location == onnx.TensorProto.EXTERNAL:
            loc = {e.key: e.value for e in t.external_data}
            print(f"external {t.name} {loc['location']}")


if __name__ == "__main__":
    main(sys.argv[1])
