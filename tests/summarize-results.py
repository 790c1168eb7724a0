#!/usr/bin/env python3
"""Prints one closing line for a `meson test` run: N passed, N failed.

Counts the cases inside GLib test programs (their TAP lines) and every
other test as one case.
"""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        result = json.loads(line)
        cases = re.findall(r"^(ok|not ok)\b.*?(# SKIP)?$", result.get("stdout") or "", re.M)
        if cases and result["result"] in ("OK", "FAIL"):
            for verdict, skip in cases:
                if skip:
                    skipped += 1
                elif verdict == "ok":
                    passed += 1
                else:
                    failed += 1
        elif result["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result["result"] == "SKIP":
            skipped += 1
        else:
            failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
