"""Runs Apache Otava 0.8.0's change-point detection for Vahti's differential test and benchmark.

Reads one JSON document from stdin and writes one to stdout.

Cases mode, for the differential test (test/algorithms/differential.test.ts):
    in:  {"cases": [{"series": [1, 2, null, ...], "window_len": 50, "max_pvalue": 0.001,
                     "min_magnitude": 0.0}, ...]}
    out: {"results": [[{"index": 3, "pvalue": ..., "magnitude": ..., "forward_change_percent": ...,
                        "mean_before": ..., "mean_after": ..., "stddev_before": ...,
                        "stddev_after": ...}, ...], ...]}

Bench mode, for bench/detect.bench.ts:
    in:  {"bench": {"series": [...], "window_len": 50, "max_pvalue": 0.001, "min_magnitude": 0.0,
                    "repeat": 3}}
    out: {"bench": {"best_seconds": ..., "seconds": [...], "indices": [...]}}
    Only compute_change_points is timed (time.perf_counter), never the JSON work.

Floats are written as Python's repr (shortest round-trip form); NaN and the infinities, which
JSON has no numbers for, are written as the strings "NaN", "Infinity" and "-Infinity".
Missing values (null) are filled with otava.analysis.fill_missing, as Otava's own Series does
before it calls compute_change_points. The series is passed as a Python list of floats:
given a numpy array, Otava 0.8.0's ChangePointDetector ignores the window bounds.
"""

import json
import math
import sys
import time

from otava.analysis import compute_change_points, fill_missing


def encode_float(x):
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def prepare_series(raw):
    series = [None if v is None else float(v) for v in raw]
    if any(v is None for v in series):
        fill_missing(series)
    return series


def detect(series, params):
    change_points, _weak = compute_change_points(
        series,
        window_len=int(params["window_len"]),
        max_pvalue=float(params["max_pvalue"]),
        min_magnitude=float(params["min_magnitude"]),
    )
    return change_points


def to_json(cp):
    s = cp.stats
    return {
        "index": int(cp.index),
        "pvalue": encode_float(s.pvalue),
        "magnitude": encode_float(s.change_magnitude()),
        "forward_change_percent": encode_float(s.forward_change_percent()),
        "mean_before": encode_float(s.mean_before()),
        "mean_after": encode_float(s.mean_after()),
        "stddev_before": encode_float(s.stddev_before()),
        "stddev_after": encode_float(s.stddev_after()),
    }


def run_cases(cases):
    return {"results": [[to_json(cp) for cp in detect(prepare_series(c["series"]), c)] for c in cases]}


def run_bench(spec):
    series = prepare_series(spec["series"])
    repeat = max(1, int(spec.get("repeat", 1)))
    seconds = []
    change_points = []
    for _ in range(repeat):
        started = time.perf_counter()
        change_points = detect(series, spec)
        seconds.append(time.perf_counter() - started)
    return {"bench": {"best_seconds": min(seconds), "seconds": seconds,
                      "indices": [int(cp.index) for cp in change_points]}}


def main():
    request = json.load(sys.stdin)
    if "cases" in request:
        response = run_cases(request["cases"])
    elif "bench" in request:
        response = run_bench(request["bench"])
    else:
        raise SystemExit('otava_reference.py: expected a JSON object with "cases" or "bench"')
    json.dump(response, sys.stdout, allow_nan=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
