#!/usr/bin/env python3
"""Writes the malformed models of test/Malformed, so that no binary is
committed. A few dozen lines of protobuf wire encoding stand in for the onnx
package (which the plain python3 of the tests may lack).

Usage: mkmodel.py CASE OUT [ARGS...]

  valid OUT                   X f32[2,3] @ W f32[3,4] (inline weights) -> Y
  flip OUT IN OFFSET MASK     IN with byte OFFSET xor-ed with MASK
  dims OUT D1,D2,...          graph input X of these dims, Y = Relu(X)
  init-dims OUT D1,D2,...     initializer W of these dims (no data), Y = Relu(W)
  external OUT LOC [OFF LEN]  W f32[3,4] with its data in LOC
  dup-graph-output OUT        the graph lists output Y twice
  dup-node-output OUT         two nodes produce Y
  cycle OUT                   A = Add(X, B), B = Neg(A), Y = Relu(A)
  dangling OUT                Y = Add(X, ghost)
  nested-if OUT.onnx DEPTH    DEPTH If nodes, each in the then branch of the
                              one above (binary)
  nested-if OUT.onnxtxt DEPTH the same in ONNX's text syntax
"""
import struct
import sys

FLOAT, INT64, BOOL = 1, 7, 9


def varint(n):
    n &= (1 << 64) - 1  # negative int64 values: ten bytes, two's complement
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field_varint(num, n):
    return varint(num << 3) + varint(n)


def field_bytes(num, data):
    if isinstance(data, str):
        data = data.encode()
    return varint((num << 3) | 2) + varint(len(data)) + data


def tensor_type(elem, dims):
    tensor = field_varint(1, elem)
    if dims is not None:  # None: no shape at all
        shape = b"".join(field_bytes(1, field_varint(1, d)) for d in dims)
        tensor += field_bytes(2, shape)
    return field_bytes(1, tensor)  # TypeProto.tensor_type


def value_info(name, elem, dims):
    return field_bytes(1, name) + field_bytes(2, tensor_type(elem, dims))


def node(op, inputs, outputs, name="", attrs=b""):
    out = b"".join(field_bytes(1, i) for i in inputs)
    out += b"".join(field_bytes(2, o) for o in outputs)
    if name:
        out += field_bytes(3, name)
    return out + field_bytes(4, op) + attrs


def tensor(name, elem, dims, raw=None, external=None):
    out = b"".join(field_varint(1, d) for d in dims)
    out += field_varint(2, elem) + field_bytes(8, name)
    if raw is not None:
        out += field_bytes(9, raw)
    if external is not None:
        for key, value in external:
            out += field_bytes(13, field_bytes(1, key) + field_bytes(2, value))
        out += field_varint(14, 1)  # data_location = EXTERNAL
    return out


def graph(nodes, inputs, outputs, inits=(), name="g"):
    out = b"".join(field_bytes(1, n) for n in nodes)
    out += field_bytes(2, name)
    out += b"".join(field_bytes(5, t) for t in inits)
    out += b"".join(field_bytes(11, v) for v in inputs)
    out += b"".join(field_bytes(12, v) for v in outputs)
    return out


def model(g, opset=13):
    opset_id = field_bytes(1, "") + field_varint(2, opset)
    return (field_varint(1, 8) + field_bytes(2, "mkmodel.py") +
            field_bytes(8, opset_id) + field_bytes(7, g))


def matmul(w):
    return model(graph([node("MatMul", ["X", "W"], ["Y"], "mm")],
                       [value_info("X", FLOAT, [2, 3])],
                       [value_info("Y", FLOAT, [2, 4])], [w]))


def weights():
    return struct.pack("<12f", *range(12))


def nested_if_binary(depth):
    # Innermost: a graph computing Z from the outer X.
    body = graph([node("Relu", ["X"], ["Z"])], [],
                 [value_info("Z", FLOAT, [2])], name="leaf")
    for level in range(depth):
        leaf = graph([node("Neg", ["X"], ["Z"])], [],
                     [value_info("Z", FLOAT, [2])], name="else%d" % level)
        attrs = (field_bytes(5, field_bytes(1, "then_branch") +
                             field_bytes(6, body) + field_varint(20, 5)) +
                 field_bytes(5, field_bytes(1, "else_branch") +
                             field_bytes(6, leaf) + field_varint(20, 5)))
        body = graph([node("If", ["c"], ["Z"], "if%d" % level, attrs)], [],
                     [value_info("Z", FLOAT, [2])], name="then%d" % level)
    # The top graph's If: Z0 = If(c) with the nested body as then branch.
    leaf = graph([node("Neg", ["X"], ["Z"])], [],
                 [value_info("Z", FLOAT, [2])], name="top_else")
    attrs = (field_bytes(5, field_bytes(1, "then_branch") +
                         field_bytes(6, body) + field_varint(20, 5)) +
             field_bytes(5, field_bytes(1, "else_branch") +
                         field_bytes(6, leaf) + field_varint(20, 5)))
    top = graph([node("If", ["c"], ["Z0"], "top", attrs),
                 node("Identity", ["Z0"], ["Y"])],
                [value_info("c", BOOL, []), value_info("X", FLOAT, [2])],
                [value_info("Y", FLOAT, [2])])
    return model(top)


def nested_if_text(depth):
    lines = ['<ir_version: 8, opset_import: ["" : 13]>',
             "agraph (bool c, float[2] X) => (float[2] Y) {"]
    indent = "  "
    for level in range(depth):
        lines.append("%sZ%d = If(c) <then_branch = t%d () => (float[2] Z%d) {"
                     % (indent, level, level, level + 1))
    lines.append("%sZ%d = Relu(X)" % (indent, depth))
    for level in reversed(range(depth)):
        lines.append("%s}, else_branch = e%d () => (float[2] W%d) "
                     "{ W%d = Neg(X) }>" % (indent, level, level, level))
    lines.append("  Y = Identity(Z0)")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode()


def main(argv):
    case, out = argv[1], argv[2]
    args = argv[3:]
    ints = lambda s: [int(d) for d in s.split(",")] if s else []
    if case == "valid":
        data = matmul(tensor("W", FLOAT, [3, 4], raw=weights()))
    elif case == "flip":
        data = bytearray(open(args[0], "rb").read())
        data[int(args[1])] ^= int(args[2], 0)
        data = bytes(data)
    elif case == "dims":
        data = model(graph([node("Relu", ["X"], ["Y"], "relu")],
                           [value_info("X", FLOAT, ints(args[0]))],
                           [value_info("Y", FLOAT, None)]))
    elif case == "init-dims":
        data = model(graph([node("Relu", ["W"], ["Y"], "relu")], [],
                           [value_info("Y", FLOAT, None)],
                           [tensor("W", FLOAT, ints(args[0]))]))
    elif case == "external":
        ext = [("location", args[0])]
        if len(args) > 1:
            ext += [("offset", args[1]), ("length", args[2])]
        data = matmul(tensor("W", FLOAT, [3, 4], external=ext))
    elif case == "dup-graph-output":
        data = model(graph([node("Relu", ["X"], ["Y"], "relu")],
                           [value_info("X", FLOAT, [2])],
                           [value_info("Y", FLOAT, [2]),
                            value_info("Y", FLOAT, [2])]))
    elif case == "dup-node-output":
        data = model(graph([node("Relu", ["X"], ["Y"], "relu"),
                            node("Neg", ["X"], ["Y"], "neg")],
                           [value_info("X", FLOAT, [2])],
                           [value_info("Y", FLOAT, [2])]))
    elif case == "cycle":
        data = model(graph([node("Add", ["X", "B"], ["A"], "a"),
                            node("Neg", ["A"], ["B"], "b"),
                            node("Relu", ["A"], ["Y"], "y")],
                           [value_info("X", FLOAT, [2])],
                           [value_info("Y", FLOAT, [2])]))
    elif case == "dangling":
        data = model(graph([node("Add", ["X", "ghost"], ["Y"], "add")],
                           [value_info("X", FLOAT, [2])],
                           [value_info("Y", FLOAT, [2])]))
    elif case == "nested-if":
        depth = int(args[0])
        data = (nested_if_text(depth) if out.endswith(".onnxtxt")
                else nested_if_binary(depth))
    else:
        sys.exit("mkmodel.py: unknown case '%s'" % case)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv)
