#!/usr/bin/env python3
"""Run a command and succeed only if it exits with the given status.

Usage: expect_exit.py STATUS COMMAND [ARGS...]
(`not` accepts any non-zero status; the exit codes are part of the interface.)
"""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL).returncode
if got != want:
    print(f"expected exit status {want}, got {got}: {' '.join(sys.argv[2:])}")
    sys.exit(1)
