#!/usr/bin/env python3
"""Speed and memory of onnx-energy against the baseline a user would write.

Usage: /usr/bin/python3 test/perf/bench.py [--build build] [--workdir DIR]
           [--runs 5] [--skip-export] [--scaling 1000,10000,100000,1000000]
           [--sweep-runs 3] [--only NAME ...]

Exports (once, into --workdir, default build/perf-models) torchvision
ResNet-50, MobileNetV2, VGG-16 (inline and external weights), ViT-B/16 and a
BERT-base-sized encoder (12 layers, d_model 768, 12 heads, FFN 3072,
sequence 128) with Debian's python3-torchvision, adds the models of
../shared/models, and prints per model: file size (weights included), our
wall time and peak RSS (`onnx-energy MODEL --json -o /dev/null`), the same
for the baseline (python3-onnx: onnx.load + shape_inference.infer_shapes +
counting Conv/Gemm/MatMul MACs, test/perf/baseline_count.py), and their
ratios, all measured in this run (median of --runs). For the largest inline
model also `cat file > /dev/null` and our time against it. Then the growth
of our cost with the graph: generated chains of MatMul -> Add -> Relu blocks
of 10^3 .. 10^6 nodes. Last, onnx-energy-sweep on one grid with -j 1 and
-j 2 (the per-point analyses run on LLVM's thread pool).

Peak RSS is the child's ru_maxrss from wait4 (what /usr/bin/time reports).
It is only the child's own while this script is smaller: Python starts the
child with vfork, and at exec Linux records the hiwater RSS of the memory
it leaves, this process's, as the child's maxrss (a Python process that had
imported onnx reported 100 MB for a 14 MB child). measure() refuses a
figure that does not exceed this process's own peak.
CPU is the child's user + system time from the same wait4: on a shared
machine it varies less than wall time, so both are printed.
Numbers go to docs/Performance.md with the command that printed them.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PY = "/usr/bin/python3"


def measure(cmd, runs, stdin=None, check_rss=True):
    """Medians over runs of cmd: wall seconds, CPU seconds (user + system)
    and peak RSS (KiB; checked unless check_rss is false)."""
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        start = time.monotonic()
        with open(os.devnull, "wb") as null:
            p = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE,
                                 stdin=stdin, close_fds=True)
            err = p.stderr.read().decode(errors="replace")
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            p.stderr.close()
        walls.append(time.monotonic() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss.append(usage.ru_maxrss)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: "
                               f"{err[-500:]}")
    own = own_peak_kib()
    if check_rss and min(rss) <= own:
        raise RuntimeError(f"{' '.join(cmd)}: peak RSS {min(rss)} KiB is not "
                           f"above this script's own {own} KiB, so it may be "
                           "this script's (see the docstring)")
    return (statistics.median(walls), statistics.median(cpus),
            statistics.median(rss))


def own_peak_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def export(workdir, only):
    os.makedirs(workdir, exist_ok=True)
    tv = [m for m in ["resnet50", "mobilenet_v2", "vgg16", "vit_b_16"]
          if not only or m in only or (m == "vgg16" and "vgg16_ext" in only)]
    missing = [m for m in tv
               if not os.path.exists(os.path.join(workdir, m + ".onnx"))]
    if missing:
        print(f"bench: exporting {', '.join(missing)} (once)", flush=True)
        subprocess.run([PY, os.path.join(ROOT, "test/Models/export_torchvision.py"),
                        workdir, "--models", *missing], check=True)
    ext = os.path.join(workdir, "vgg16_ext", "vgg16_ext.onnx")
    if (not only or "vgg16_ext" in only) and not os.path.exists(ext):
        print("bench: writing vgg16 with external weights", flush=True)
        subprocess.run([PY, "-c", (
            "import onnx, sys, os\n"
            "m = onnx.load(sys.argv[1])\n"
            "os.makedirs(os.path.dirname(sys.argv[2]), exist_ok=True)\n"
            "onnx.save_model(m, sys.argv[2], save_as_external_data=True,"
            " all_tensors_to_one_file=True, location='vgg16_ext.data')\n"),
            os.path.join(workdir, "vgg16.onnx"), ext], check=True)
    bert = os.path.join(workdir, "bert_base_encoder.onnx")
    if (not only or "bert_base_encoder" in only) and not os.path.exists(bert):
        print("bench: exporting a BERT-base-sized encoder", flush=True)
        subprocess.run([PY, "-c", (
            "import torch, sys, warnings\n"
            "warnings.filterwarnings('ignore')\n"
            "torch.manual_seed(0)\n"
            "layer = torch.nn.TransformerEncoderLayer(768, 12, 3072,"
            " batch_first=True)\n"
            "enc = torch.nn.TransformerEncoder(layer, 12,"
            " enable_nested_tensor=False).eval()\n"
            # The 12 layers are copies of one; distinct weights keep the
            # exporter from storing them once (a 28 MB file, not 340 MB).
            "for p in enc.parameters():\n"
            "    torch.nn.init.normal_(p, std=0.02)\n"
            "x = torch.randn(1, 128, 768)\n"
            "torch.onnx.export(enc, x, sys.argv[1], opset_version=13,"
            " do_constant_folding=True, input_names=['x'],"
            " output_names=['y'])\n"), bert], check=True)
    models = [(n, os.path.join(workdir, n + ".onnx")) for n in
              ["resnet50", "mobilenet_v2", "vgg16", "vit_b_16",
               "bert_base_encoder"]]
    models.insert(3, ("vgg16_ext", ext))
    return [(n, p) for n, p in models
            if os.path.exists(p) and (not only or n in only)]


def file_size(path):
    size = os.path.getsize(path)
    data = os.path.join(os.path.dirname(path), "vgg16_ext.data")
    if path.endswith("vgg16_ext.onnx") and os.path.exists(data):
        size += os.path.getsize(data)
    return size


def chain_model(path, nodes):
    """A chain of MatMul -> Add -> Relu blocks sharing one weight and bias."""
    subprocess.run([PY, "-c", (
        "import sys, onnx\n"
        "from onnx import helper, TensorProto\n"
        "n = int(sys.argv[2]); blocks = n // 3\n"
        "nodes = []\n"
        "prev = 'x'\n"
        "mk = helper.make_node\n"
        "for i in range(blocks):\n"
        "    a, b, c = f'm{i}', f'a{i}', f'r{i}'\n"
        "    nodes.append(mk('MatMul', [prev, 'W'], [a], name=a))\n"
        "    nodes.append(mk('Add', [a, 'B'], [b], name=b))\n"
        "    nodes.append(mk('Relu', [b], [c], name=c))\n"
        "    prev = c\n"
        "W = helper.make_tensor('W', TensorProto.FLOAT, [64, 64], [0.0] * 4096)\n"
        "B = helper.make_tensor('B', TensorProto.FLOAT, [64], [0.0] * 64)\n"
        "g = helper.make_graph(nodes, 'chain',"
        " [helper.make_tensor_value_info('x', TensorProto.FLOAT, [1, 64])],"
        " [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [1, 64])],"
        " [W, B])\n"
        "m = helper.make_model(g, opset_imports=[helper.make_opsetid('', 13)])\n"
        "onnx.save(m, sys.argv[1])\n"), path, str(nodes)], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-export", action="store_true")
    ap.add_argument("--scaling", default="1000,10000,100000,1000000")
    ap.add_argument("--sweep-runs", type=int, default=3,
                    help="runs of the -j1/-j2 sweep timing (0: skip)")
    ap.add_argument("--only", nargs="*", default=[])
    args = ap.parse_args()
    tool = os.path.join(args.build, "bin", "onnx-energy")
    workdir = args.workdir or os.path.join(args.build, "perf-models")
    baseline = os.path.join(HERE, "baseline_count.py")

    models = [] if args.skip_export else export(workdir, args.only)
    shared = os.path.join(ROOT, "..", "shared", "models")
    if os.path.isdir(shared) and not args.only:
        for f in sorted(os.listdir(shared)):
            if f.endswith(".onnx"):
                models.append((f[:-5], os.path.join(shared, f)))

    print(f"\nModels (median of {args.runs} runs; RSS = peak resident set;"
          f" speedup = baseline / ours)")
    hdr = (f"{'model':<26} {'size MB':>8} {'ours s':>7} {'cpu s':>7} "
           f"{'ours MB':>8} {'base s':>7} {'cpu s':>7} {'base MB':>8} "
           f"{'wall x':>7} {'cpu x':>7} {'mem x':>7} {'RSS/size':>8}")
    print(hdr)
    print("-" * len(hdr))
    largest = None
    for name, path in models:
        size = file_size(path)
        ours = measure([tool, path, "--target=a100", "--json", "-o",
                        os.devnull, "--force"], args.runs)
        runs = args.runs if size < 200e6 else max(1, min(args.runs, 3))
        base = measure([PY, baseline, path], runs)
        print(f"{name:<26} {size / 1e6:>8.1f} {ours[0]:>7.3f} {ours[1]:>7.3f} "
              f"{ours[2] / 1024:>8.1f} {base[0]:>7.3f} {base[1]:>7.3f} "
              f"{base[2] / 1024:>8.1f} {base[0] / ours[0]:>6.1f}x "
              f"{base[1] / max(ours[1], 1e-3):>6.1f}x "
              f"{base[2] / ours[2]:>6.1f}x "
              f"{ours[2] * 1024 / size * 100:>7.2f}%", flush=True)
        if not path.endswith("_ext.onnx") and (
                largest is None or size > largest[2]):
            largest = (name, path, size, ours)

    if largest:
        name, path, size, ours = largest
        # Warm cache: the analyses above have read the file's graph; cat
        # reads it all once before the timed runs.
        with open(path, "rb") as f, open(os.devnull, "wb") as null:
            subprocess.run(["cat"], stdin=f, stdout=null, check=True)
        cat = measure(["cat", path], args.runs, check_rss=False)
        again = measure([tool, path, "--target=a100", "--json", "-o",
                         os.devnull, "--force"], args.runs)
        print(f"\nLargest inline model {name} ({size / 1e6:.1f} MB), warm "
              f"cache, median of {args.runs}:\n"
              f"  cat FILE > /dev/null: {cat[0]:.3f} s wall, {cat[1]:.3f} s "
              f"cpu\n"
              f"  onnx-energy:          {again[0]:.3f} s wall, {again[1]:.3f} s"
              f" cpu; wall {again[0] / cat[0]:.2f}x cat's\n"
              f"  peak RSS {again[2] / 1024:.1f} MB = "
              f"{again[2] * 1024 / size * 100:.2f}% of the file")

    sizes = [int(s) for s in args.scaling.split(",") if s]
    if sizes:
        print("\nGrowth with the graph (MatMul -> Add -> Relu chains; "
              "x10: cpu time against the row above)")
        hdr = (f"{'nodes':>9} {'file MB':>8} {'wall s':>8} {'cpu s':>8} "
               f"{'RSS MB':>8} {'cpu us/node':>11} {'x10':>6}")
        print(hdr)
        print("-" * len(hdr))
        prev = None
        for n in sizes:
            path = os.path.join(workdir, f"chain_{n}.onnx")
            if not os.path.exists(path):
                os.makedirs(workdir, exist_ok=True)
                chain_model(path, n)
            runs = args.runs if n <= 100000 else max(1, min(args.runs, 3))
            wall, cpu, rss = measure([tool, path, "--target=a100", "--json",
                                      "-o", os.devnull, "--force"], runs)
            nodes = n // 3 * 3
            growth = f"{cpu / prev:>5.1f}x" if prev else f"{'':>6}"
            prev = cpu
            print(f"{nodes:>9} {os.path.getsize(path) / 1e6:>8.1f} "
                  f"{wall:>8.3f} {cpu:>8.3f} {rss / 1024:>8.1f} "
                  f"{cpu / nodes * 1e6:>11.2f} {growth}", flush=True)

    if args.sweep_runs:
        sweep = os.path.join(args.build, "bin", "onnx-energy-sweep")
        grid = ["--shapes=rectangle,trapezoid,exponential,wide_first_2x",
                "--depths=2,4,8,16", "--params=2^10..2^20:1", "--inputs=64",
                "--outputs=10", "--batches=1,8,32", "--activations=relu,tanh",
                "--dtypes=f32,f16", "--targets=a100,unit,unit3", "--quiet",
                "--force", "-o", os.devnull]
        print(f"\nonnx-energy-sweep, one grid, median of {args.sweep_runs}:"
              f" {' '.join(grid[:-4])}")
        one = measure([sweep, *grid, "-j", "1"], args.sweep_runs)
        two = measure([sweep, *grid, "-j", "2"], args.sweep_runs)
        print(f"  -j 1: {one[0]:.3f} s wall, {one[1]:.3f} s cpu\n"
              f"  -j 2: {two[0]:.3f} s wall, {two[1]:.3f} s cpu\n"
              f"  speedup (wall) {one[0] / two[0]:.2f}x on "
              f"{os.cpu_count()} cores")

if __name__ == "__main__":
    sys.exit(main())
