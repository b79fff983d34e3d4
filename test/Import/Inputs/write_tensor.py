#!/usr/bin/env python3
"""Writes a serialized ONNX TensorProto or SequenceProto for lit tests,
without the onnx package (only the few protobuf fields needed).

  write_tensor.py OUT.pb [--name N] --int64 DIMS VALUES
  write_tensor.py OUT.pb [--name N] --float DIMS VALUES
  write_tensor.py OUT.pb [--name N] --bool DIMS VALUES     (0 or 1 each)
  write_tensor.py OUT.pb [--name N] --zeros TYPE DIMS      (raw_data zeros)
  write_tensor.py OUT.pb [--name N] --sequence DIMS;DIMS;...  (float tensors)

DIMS is "2x3" ("" for a scalar); VALUES is "1,2,3". TYPE is the
TensorProto.DataType number. Field numbers: onnx.proto (TensorProto: dims 1,
data_type 2, float_data 4, int32_data 5 (also bool), int64_data 7, name 8, raw_data 9; SequenceProto:
name 1, elem_type 2, tensor_values 3).
"""
import struct
import sys


def varint(n):
    n &= (1 << 64) - 1
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def field(num, wire, payload):
    key = varint((num << 3) | wire)
    if wire == 0:
        return key + varint(payload)
    return key + varint(len(payload)) + payload


def dims_of(s):
    return [int(d) for d in s.split("x")] if s else []


def tensor(name, dtype, dims, ints=None, floats=None, raw=None, i32=None):
    out = b"".join(field(1, 0, d) for d in dims)
    out += field(2, 0, dtype)
    if floats is not None:
        out += field(4, 2, b"".join(struct.pack("<f", f) for f in floats))
    if i32 is not None:
        out += field(5, 2, b"".join(varint(i) for i in i32))
    if ints is not None:
        out += field(7, 2, b"".join(varint(i) for i in ints))
    if name:
        out += field(8, 2, name.encode())
    if raw is not None:
        out += field(9, 2, raw)
    return out


def main():
    args = sys.argv[1:]
    out_path = args.pop(0)
    name = ""
    if args[0] == "--name":
        args.pop(0)
        name = args.pop(0)
    kind = args.pop(0)
    if kind == "--int64":
        dims, vals = dims_of(args[0]), [int(v) for v in args[1].split(",")]
        data = tensor(name, 7, dims, ints=vals)
    elif kind == "--float":
        dims, vals = dims_of(args[0]), [float(v) for v in args[1].split(",")]
        data = tensor(name, 1, dims, floats=vals)
    elif kind == "--bool":
        dims, vals = dims_of(args[0]), [int(v) for v in args[1].split(",")]
        data = tensor(name, 9, dims, i32=vals)
    elif kind == "--zeros":
        dtype, dims = int(args[0]), dims_of(args[1])
        n = 1
        for d in dims:
            n *= d
        size = {1: 4, 7: 8, 6: 4, 9: 1, 10: 2, 16: 2, 4: 2}[dtype]
        data = tensor(name, dtype, dims, raw=bytes(n * size))
    elif kind == "--sequence":
        elems = [dims_of(d) for d in args[0].split(";")]
        data = b""
        if name:
            data += field(1, 2, name.encode())
        data += field(2, 0, 1)  # elem_type TENSOR
        for d in elems:
            n = 1
            for x in d:
                n *= x
            data += field(3, 2, tensor("", 1, d, floats=[0.0] * n))
    else:
        sys.exit("unknown kind " + kind)
    with open(out_path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
