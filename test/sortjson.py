#!/usr/bin/env python3
"""Canonicalise JSON (sorted keys, one key per line) so FileCheck can match it.

Usage: sortjson.py [FILE]   (reads stdin without FILE)
"""
import json
import sys

data = json.load(open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin)
json.dump(data, sys.stdout, sort_keys=True, indent=1)
sys.stdout.write("\n")
