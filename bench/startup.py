"""Benchmark start-up: `indicator-lint check` of one example file, each run a fresh process, beside
yamllint of the same tables as YAML.

    python bench/startup.py [FILE] [--runs N] [--importtime]

The file (default: examples/000_…txt) is converted with ``indicator-lint convert FILE --to yaml``
for yamllint. The two commands, and ``python -c pass`` as the floor every Python program pays, run
in turn N times (default 15; timings on a shared machine swing, so they are interleaved and the
median and the fastest both printed). Prints figures and the issue-24 targets' ratios; nothing is
asserted. ``--importtime`` also prints the modules whose import costs most (``python -X
importtime``). The linter runs as users run it: the ``indicator-lint`` script on the PATH (else
``python -m linter``), byte-compiled first, as ``pip install`` leaves it, and run once before
the timing: "cold" is a new process with the user's cache folder filled (the rule files' data and
the compiled patterns, ``docs/configuration.md``), as every run after the first finds it;
``INDICATOR_LINT_CACHE_DIR=`` (empty) times it without the cache.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "examples" / "000_8b9eba17efc00524.txt"
TARGET_SECONDS, TARGET_RATIO = 0.2, 2.0


def linter_command() -> list[str]:
    exe = shutil.which("indicator-lint")
    return [exe] if exe else [sys.executable, "-m", "linter"]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def import_costs(file: Path, top: int = 15) -> list[tuple[int, str]]:
    """(cumulative µs, module) of the slowest imports of ``check FILE``."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "linter", "check", str(file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stderr
    rows = [
        (int(m.group(1)), m.group(2).strip())
        for m in re.finditer(r"import time:\s+\d+ \|\s+(\d+) \|(.*)", err)
    ]
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "linter")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    lint = linter_command()
    with tempfile.TemporaryDirectory() as folder:
        yaml_file = Path(folder) / (args.file.stem + ".yaml")
        converted = subprocess.run(
            [*lint, "convert", str(args.file), "--to", "yaml"], capture_output=True, check=True
        )
        yaml_file.write_bytes(converted.stdout)
        commands = {
            "indicator-lint check": [*lint, "check", str(args.file)],
            "yamllint (YAML)": ["yamllint", str(yaml_file)] if shutil.which("yamllint") else None,
            "python -c pass": [sys.executable, "-c", "pass"],
        }
        commands = {label: command for label, command in commands.items() if command}
        for command in commands.values():
            timed(command)  # the OS file cache warm, as for any command run twice
        times: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, command in commands.items():
                times[label].append(timed(command))

    print(f"{args.file.name}, {args.runs} runs each, interleaved ({' '.join(lint)})")
    for label, values in times.items():
        print(f"  {label:<22} median {statistics.median(values):.3f} s   fastest {min(values):.3f} s")
    check = times["indicator-lint check"]
    print(
        f"check, cold: median {statistics.median(check):.3f} s = {statistics.median(check) / TARGET_SECONDS:.2f}× "
        f"the target of ≤ {TARGET_SECONDS} s"
    )
    if "yamllint (YAML)" in times:
        yamllint = times["yamllint (YAML)"]
        print(
            f"check / yamllint: median {statistics.median(check) / statistics.median(yamllint):.2f}×, fastest "
            f"{min(check) / min(yamllint):.2f}×   (target ≤ {TARGET_RATIO}×)"
        )
    else:
        print("yamllint not installed: no ratio (pip install yamllint)")
    if args.importtime:
        print("\nslowest imports of check (cumulative, python -X importtime):")
        for micros, module in import_costs(args.file):
            print(f"  {micros / 1000:6.1f} ms  {module}")


if __name__ == "__main__":
    main()
