#!/usr/bin/env python3
"""Compares two DecisionDump files line by line.

Usage: compare-dumps.py before.jsonl after.jsonl [PACK ...]

Ignores ruleSetVersion (it changes whenever rule files do). For reasons of the packs named on the
command line (rewritten on the rule vocabulary, whose messages became templates) it also ignores
message, template, arguments and evidence: verdict, rule ids, packs, citations, authorities, order
and nextPermittedAt must still match. Prints a summary and the first differences; exit 1 if any.
"""
import json
import sys


def normalise(line, packs):
    prefix, _, body = line.partition("{")
    decision = json.loads("{" + body)
    decision.pop("ruleSetVersion", None)
    for key in ("reasons", "advisories"):
        for reason in decision.get(key, []):
            if reason.get("pack") in packs or reason.get("ruleId", "").split("-")[0].lower() in packs:
                for field in ("message", "template", "arguments", "evidence"):
                    reason.pop(field, None)
    return prefix, decision


def main():
    before, after, packs = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    total = differ = messages = 0
    shown = []
    with open(before, encoding="utf-8") as b, open(after, encoding="utf-8") as a:
        for left, right in zip(b, a, strict=True):
            total += 1
            if left != right:
                messages += 1
            if normalise(left, packs) != normalise(right, packs):
                differ += 1
                if len(shown) < 5:
                    shown.append((left.strip(), right.strip()))
    print(f"{total} decision lines compared; {differ} differ in verdict, reasons (ids, order, citations) or"
          f" nextPermittedAt; {messages} differ in any byte (ruleSetVersion, messages of {sorted(packs)})")
    for left, right in shown:
        print("before:", left[:400])
        print("after: ", right[:400])
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
