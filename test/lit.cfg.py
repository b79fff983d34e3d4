# lit configuration for onnx-energy. One behaviour per test file; inputs are
# ONNX text models (.onnxtxt) or TableGen files (.td) with RUN/CHECK lines in
# '//' comments.
import os
import lit.formats

config.name = "onnx-energy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".onnxtxt", ".td", ".test"]
config.excludes = ["Inputs", "Unit", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
# Deterministic output: no colours, no terminal-dependent widths.
config.environment["TERM"] = "dumb"

config.substitutions.append(("%onnx-energy", os.path.join(config.tools_dir, "onnx-energy")))
config.substitutions.append(("%tblgen", os.path.join(config.tools_dir, "onnx-energy-tblgen")))
config.substitutions.append(("%ops", os.path.join(config.src_root, "ops")))
config.substitutions.append(("%targets", os.path.join(config.src_root, "targets")))
config.substitutions.append(("%testdata", "/usr/share/libonnx-testdata/data"))
config.substitutions.append(("%models", os.path.join(config.shared_dir, "models")))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%sortjson", config.python + " " +
                             os.path.join(config.src_root, "test", "sortjson.py")))

if os.path.isdir(os.path.join(config.shared_dir, "models")):
    config.available_features.add("shared-models")
if os.path.isdir("/usr/share/libonnx-testdata/data"):
    config.available_features.add("onnx-testdata")
config.substitutions.append(("%expect-exit", config.python + " " +
                             os.path.join(config.src_root, "test", "expect_exit.py")))

# torchvision (python3-torchvision, for test/Models) in Debian's python3. The
# probe looks the modules up without importing them: importing torch takes
# seconds, find_spec tens of milliseconds.
import subprocess
if os.path.exists("/usr/bin/python3") and subprocess.run(
        ["/usr/bin/python3", "-c",
         "import importlib.util as u, sys; "
         "sys.exit(not (u.find_spec('torch') and u.find_spec('torchvision')))"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("torchvision")

# Headless Chromium (Debian `chromium`) loads the HTML report in
# test/Views; Graphviz's `dot` (Debian `graphviz`) parses the DOT output.
import shutil
if shutil.which("chromium", path=config.environment["PATH"]):
    config.available_features.add("chromium")
if shutil.which("dot", path=config.environment["PATH"]):
    config.available_features.add("graphviz")

# The tools are built with ASan and UBSan (scripts/check-sanitizers): valgrind
# cannot run them.
if getattr(config, "sanitized", False):
    config.available_features.add("sanitizers")

# valgrind (cachegrind, callgrind) and a C++ compiler, for the cross-check of
# the memory model against valgrind's cache simulation (test/Memory/cachegrind).
import shutil
if shutil.which("valgrind") and shutil.which(os.environ.get("CXX", "c++")):
    config.available_features.add("valgrind")

# Debian's python3-onnx (the ONNX checker, external-data models) for
# test/Annotate and test/Lint. Found without importing it, like torchvision.
if os.path.exists("/usr/bin/python3") and subprocess.run(
        ["/usr/bin/python3", "-c",
         "import importlib.util as u, sys; sys.exit(not u.find_spec('onnx'))"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("python-onnx")
