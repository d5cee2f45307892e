"""Benchmark the value grammar: values per second and the cold start of ``indicator-lint parse``.

    python bench/values.py            # prints figures; not a test, nothing is asserted

1. uncached: every distinct 指标值 of examples/ (read by the real readers), parsed again and
   again with the cache bypassed, single process (target: at least 80,000 values/s);
2. stream: a realistic stream where values repeat (a few values such as 100% and ≥95% make up
   most rows of real tables), through the cached ``parse``;
3. cold start: wall time of ``indicator-lint parse 12次`` in a fresh process.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.readers import iter_input_files, read_path  # noqa: E402
from linter.values import parse  # noqa: E402
from linter.values.parser import parse_value  # noqa: E402

TARGET_UNCACHED = 80_000  # values/s


def distinct_example_values() -> list[str]:
    seen: dict[str, None] = {}
    for path in iter_input_files([ROOT / "examples"]):
        for table in read_path(path).tables:
            for ind in table.indicators:
                for text in (ind.value_text, ind.period_value_text):
                    if text is not None:
                        seen[text] = None
    return list(seen)


def rate(fn, values: list[str], seconds: float = 2.0) -> float:
    fn(values[0])  # build the parser outside the timing
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for v in values:
            fn(v)
        done += len(values)
    return done / (time.perf_counter() - started)


def realistic_stream(values: list[str], n: int = 200_000) -> list[str]:
    # Zipf-like weights: the first values (in document order) repeat most, as 100% does.
    rng = random.Random(7)
    weights = [1 / (i + 1) for i in range(len(values))]
    return rng.choices(values, weights=weights, k=n)


def cold_start(runs: int = 7) -> list[float]:
    exe = shutil.which("indicator-lint")
    cmd = [exe, "parse", "12次"] if exe else [sys.executable, "-m", "linter", "parse", "12次"]
    subprocess.run(cmd, capture_output=True, check=True)  # warm the OS file cache and Lark's cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    values = distinct_example_values()
    print(f"distinct values in examples/: {len(values)}")
    uncached = rate(parse_value, values)
    print(
        f"uncached: {uncached:,.0f} values/s (single process) = {uncached / TARGET_UNCACHED:.2f}× the target of "
        f"≥ {TARGET_UNCACHED:,} (issue 24)"
    )
    stream = realistic_stream(values)
    repeats = 1 - len(set(stream)) / len(stream)
    parse.cache_clear()
    started = time.perf_counter()
    for v in stream:
        parse(v)
    elapsed = time.perf_counter() - started
    print(
        f"stream of {len(stream):,} values ({repeats:.1%} repeats), cached: {len(stream) / elapsed:,.0f} values/s"
    )
    times = cold_start()
    how = "indicator-lint" if shutil.which("indicator-lint") else "python -m linter"
    print(
        f"cold start of `{how} parse 12次`: median {statistics.median(times):.3f} s, min {min(times):.3f} s"
    )


if __name__ == "__main__":
    main()
