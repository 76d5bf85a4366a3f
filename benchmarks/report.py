#!/usr/bin/env python3
"""Turns JMH JSON result files (run.sh writes them) into the Markdown tables of RESULTS.md.

Every row shows its ratio to the plain-Java baseline (BaselineBenchmark) at the same history
size, thread count and mode: how many times the baseline's time per decision it takes
(throughput rows: from ops/s; sample rows: from the medians).
Usage: report.py results/<run>/*.json
"""
import json
import sys


def rows(files):
    for name in files:
        with open(name) as f:
            try:
                results = json.load(f)
            except json.JSONDecodeError:
                # a run that failed or is still running
                print(f"skipped {name}: no JMH results", file=sys.stderr)
                continue
            for r in results:
                yield r


def key(r):
    p = r.get("params", {})
    packs = p.get("packs", p.get("pack", "-")) + (" on " + p["ledger"] if "ledger" in p else "")
    return (r["benchmark"].rsplit(".", 2)[-2], packs, int(p.get("history", 0)), r["threads"], r["mode"])


def per_decision_us(r):
    m = r["primaryMetric"]
    if r["mode"] == "thrpt":
        # ops/s over all threads -> microseconds of one thread per decision
        return r["threads"] * 1e6 / m["score"]
    # sample mode: the median, which a descheduled outlier cannot move
    unit = m["scoreUnit"].split("/")[0]
    return m["scorePercentiles"]["50.0"] * {"ns": 1e-3, "us": 1, "ms": 1e3, "s": 1e6}[unit]


def main(files):
    results = list(rows(files))
    baseline = {}
    for r in results:
        b, packs, history, threads, mode = key(r)
        if b == "BaselineBenchmark":
            baseline[(history, threads, mode)] = per_decision_us(r)
    print("| benchmark | packs | history | threads | mode | score | p50 µs | p99 µs | p99.9 µs | B/decision | × baseline |")
    print("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in sorted(results, key=key):
        b, packs, history, threads, mode = key(r)
        m = r["primaryMetric"]
        pct = m.get("scorePercentiles", {})
        if mode == "thrpt":
            score = f'{m["score"]:,.0f} ops/s'
            p50 = p99 = p999 = ""
        else:
            score = f'{m["score"]:.2f} {m["scoreUnit"]}'
            p50, p99, p999 = (f'{pct.get(q, 0):.1f}' for q in ("50.0", "99.0", "99.9"))
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        alloc = f"{alloc:,.0f}" if alloc is not None else ""
        base = baseline.get((history, threads, mode))
        ratio = f"{per_decision_us(r) / base:.1f}×" if base else "–"
        print(f"| {b} | {packs} | {history} | {threads} | {mode} | {score} | {p50} | {p99} | {p999} | {alloc} | {ratio} |")


if __name__ == "__main__":
    main(sys.argv[1:])
