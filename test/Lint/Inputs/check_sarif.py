#!/usr/bin/env python3
"""Parses a SARIF log with Python's json module and checks what SARIF 2.1.0
requires of it and what code-scanning services read: $schema and version,
runs[].tool.driver with name and rules (id, shortDescription,
defaultConfiguration.level), and per result ruleId (one of the rules),
ruleIndex pointing at it, level, message.text, and locations with the
model's artifactLocation.uri (and a logicalLocation for a node). Prints one
line per result: "RULE LEVEL NODE-or-'-' URI", then "ok".

Usage: check_sarif.py FILE
"""
import json
import sys


def fail(msg):
    print("bad sarif: " + msg)
    sys.exit(1)


def main(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    if log.get("version") != "2.1.0":
        fail("version is not 2.1.0")
    if "sarif-2.1.0" not in log.get("$schema", ""):
        fail("no 2.1.0 $schema")
    runs = log.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        fail("runs is not a list of one run")
    driver = runs[0]["tool"]["driver"]
    if driver.get("name") != "onnx-energy" or not driver.get("version"):
        fail("driver name or version missing")
    rules = driver.get("rules")
    ids = []
    for r in rules:
        for key in ("id", "shortDescription", "fullDescription",
                    "defaultConfiguration"):
            if key not in r:
                fail(f"rule without {key}")
        if r["defaultConfiguration"]["level"] not in ("warning", "error"):
            fail("bad default level")
        ids.append(r["id"])
    print("rules " + " ".join(ids))
    for res in runs[0]["results"]:
        rid = res["ruleId"]
        if rid not in ids or ids[res["ruleIndex"]] != rid:
            fail(f"ruleId/ruleIndex mismatch for {rid}")
        if res["level"] not in ("warning", "error", "note"):
            fail("bad level")
        if not res["message"]["text"]:
            fail("empty message")
        loc = res["locations"][0]
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        node = "-"
        if "logicalLocations" in loc:
            node = loc["logicalLocations"][0]["name"]
        print(f"result {rid} {res['level']} {node} {uri}")
    print("ok")


if __name__ == "__main__":
    main(sys.argv[1])
