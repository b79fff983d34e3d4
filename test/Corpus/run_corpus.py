#!/usr/bin/env python3
"""Run onnx-energy over a set of models and summarise.

Usage: run_corpus.py ANALYZER [--min-coverage F] [--limit N] [--stride K]
                     [--test-data] [--known-below FILE]
                     DIR_OR_GLOB... [-- EXTRA ANALYZER ARGS]

--known-below FILE lists, one per line ('#' comments), the models (paths
relative to the corpus folder given) known to stay below --min-coverage,
each with its reason. Such a model is not counted below coverage; one that
reaches the coverage is reported "FIXED" and fails the run, so the list
only shrinks.

With --test-data, a model that has a test_data_set_0 folder beside it (as
ONNX's backend test models do) is analyzed with
--input-data-dir=<that folder>: the recorded input values that some costs
depend on (loop trip counts, axes, window lengths, sequence lengths).

For every model: the analyzer must exit 0 and print valid JSON whose coverage
fraction is at least --min-coverage. Prints one line per failure and a final
line "analyzed N models, F failures, M below coverage" that lit tests check.
"""
import glob
import json
import os
import subprocess
import sys


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        i = args.index("--")
        args, extra = args[:i], args[i + 1:]
    analyzer = args.pop(0)
    min_cov, limit, stride, test_data = 0.0, 0, 1, False
    known = set()
    paths = []
    while args:
        a = args.pop(0)
        if a == "--min-coverage":
            min_cov = float(args.pop(0))
        elif a == "--limit":
            limit = int(args.pop(0))
        elif a == "--stride":
            stride = int(args.pop(0))
        elif a == "--test-data":
            test_data = True
        elif a == "--known-below":
            with open(args.pop(0)) as f:
                known = {l.split("#")[0].strip() for l in f} - {""}
        else:
            paths.append(a)
    models = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                models += [os.path.join(root, f) for f in files
                           if f.endswith(".onnx")]
        else:
            models += glob.glob(p)
    models = sorted(models)[::stride]
    if limit:
        models = models[:limit]
    failures = below = fixed = 0
    for m in models:
        rel = next((os.path.relpath(m, p) for p in paths
                    if os.path.isdir(p) and m.startswith(p)), m)
        data = []
        data_dir = os.path.join(os.path.dirname(m), "test_data_set_0")
        if test_data and os.path.isdir(data_dir):
            data = ["--input-data-dir=" + data_dir]
        r = subprocess.run([analyzer, m, "--json"] + data + extra,
                           capture_output=True, text=True)
        if r.returncode != 0:
            failures += 1
            print(f"FAIL {m}: exit {r.returncode}: {r.stderr.strip()[:300]}")
            continue
        try:
            rep = json.loads(r.stdout)
        except ValueError as e:
            failures += 1
            print(f"FAIL {m}: invalid JSON: {e}")
            continue
        cov = rep["coverage"]["fraction"]
        if rel in known:
            if cov >= min_cov:
                fixed += 1
                print(f"FIXED {m}: coverage {cov:.3f}; remove it from the "
                      f"known-below list")
            continue
        if cov < min_cov:
            below += 1
            print(f"LOW {m}: coverage {cov:.3f}: {rep['coverage']['not_costed']}")
    print(f"analyzed {len(models)} models, {failures} failures, "
          f"{below} below coverage" +
          (f", {len(known)} known below, {fixed} fixed" if known else ""))
    return 1 if failures or below or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
