#!/usr/bin/env python3
"""Run onnx-energy over a set of models and summarise.

Usage: run_corpus.py ANALYZER [--min-coverage F] [--limit N] [--stride K]
                     DIR_OR_GLOB... [-- EXTRA ANALYZER ARGS]

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
    min_cov, limit, stride = 0.0, 0, 1
    paths = []
    while args:
        a = args.pop(0)
        if a == "--min-coverage":
            min_cov = float(args.pop(0))
        elif a == "--limit":
            limit = int(args.pop(0))
        elif a == "--stride":
            stride = int(args.pop(0))
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
    failures = below = 0
    for m in models:
        r = subprocess.run([analyzer, m, "--json"] + extra,
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
        if cov < min_cov:
            below += 1
            print(f"LOW {m}: coverage {cov:.3f}: {rep['coverage']['not_costed']}")
    print(f"analyzed {len(models)} models, {failures} failures, "
          f"{below} below coverage")
    return 1 if failures or below else 0


if __name__ == "__main__":
    sys.exit(main())
