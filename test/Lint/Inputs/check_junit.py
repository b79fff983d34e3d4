#!/usr/bin/env python3
"""Parses a JUnit XML report with Python's xml.etree and prints, per test
case, its name and whether it failed (with the failure's type) or passed
(with the number of lines in system-out), then the suite's counts.

Usage: check_junit.py FILE
"""
import sys
import xml.etree.ElementTree as ET


def main(path):
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites"
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        for c in cases:
            f = c.find("failure")
            out = c.find("system-out")
            if f is not None:
                print(f"case {c.get('name')} failed {f.get('type')}: "
                      f"{f.text.strip().splitlines()[0]}")
            else:
                n = len(out.text.strip().splitlines()) if out is not None else 0
                print(f"case {c.get('name')} passed ({n} warnings)")
        print(f"suite tests={suite.get('tests')} failures={suite.get('failures')}"
              f" counted={len(cases)}")


if __name__ == "__main__":
    main(sys.argv[1])
