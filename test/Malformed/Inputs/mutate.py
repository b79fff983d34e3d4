#!/usr/bin/env python3
"""Runs a tool on truncations and byte flips (x ^ 0xff) of a model, at
every STRIDE-th length or offset, and summarises how each run ended: each run must exit 0 (a flip that still
gives a valid model) or 2 with an error naming the file; anything else (a
crash, a sanitizer report, another status) is printed in full.

Usage: mutate.py truncate|flip STRIDE WORKDIR MODEL TOOL [ARGS...]
"""
import os
import subprocess
import sys

mode, stride = sys.argv[1], int(sys.argv[2])
work, model, tool = sys.argv[3], sys.argv[4], sys.argv[5:]
data = open(model, "rb").read()
path = os.path.join(work, "mutant" + os.path.splitext(model)[1])


def run(mutant):
    with open(path, "wb") as f:
        f.write(mutant)
    p = subprocess.run(tool[:1] + [path] + tool[1:], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=60)
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode == 0:
        return "exit 0"
    if p.returncode == 2 and ("error: " + path + ":") in err:
        return "exit 2"
    print("UNEXPECTED exit %d:\n%s" % (p.returncode, err[-3000:]))
    return "unexpected"


def summary(name, outcomes):
    counts = {}
    for o in outcomes:
        counts[o] = counts.get(o, 0) + 1
    print("%s: %d runs; %s" % (name, len(outcomes), ", ".join(
        "%s %d" % (k, counts[k]) for k in sorted(counts))))


if mode == "truncate":
    summary("truncated", [run(data[:n]) for n in range(0, len(data), stride)])
else:
    flips = []
    for i in range(0, len(data), stride):
        b = bytearray(data)
        b[i] ^= 0xFF
        flips.append(run(bytes(b)))
    summary("flipped", flips)
