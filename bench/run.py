"""The performance benchmark: one line per figure, ``name: value unit (target: ...)``.

    python bench/run.py            # the default run (a few minutes on 2 cores)
    python bench/run.py --quick    # smaller numbers, for a quick look
    python bench/run.py --only filter startup

Each figure is measured against a baseline in the same run where one applies: this machine is
noisy, so ratios mean more than absolute times.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import filtering, idle, ingest, keypress, memory, startup, table  # noqa: E402


def line(name: str, value: float, unit: str, target: str, detail: str = "") -> None:
    extra = f"  [{detail}]" if detail else ""
    print(f"{name}: {value:.3g} {unit} (target: {target}){extra}", flush=True)


FIGURES = ("ingest", "table", "keypress", "filter", "bytes", "startup", "idle")


def measure(name: str, scale: int, quick: bool) -> None:
    """Measure one figure in this process and print its lines."""
    if name == "ingest":
        n = 50_000 // scale
        r = asyncio.run(ingest.measure(n))
        line(
            "ingest_ratio",
            r["ratio"],
            "x",
            ">= 0.9",
            f"{n:,} actions: bare python-socketio {r['bare_s']:.2f} s, app {r['app_s']:.2f} s; "
            f"same transport as the app {r['same_transport_s']:.2f} s, "
            f"ratio {r['same_transport_ratio']:.2f}",
        )
    elif name == "table":
        n = 100_000 // scale
        r = table.measure(n)
        line(
            "table_speedup",
            r["speedup"],
            "x",
            ">= 100",
            f"{n:,} rows: DataTable {r['stock_s']:.2f} s, ours {r['ours_s']:.3f} s",
        )
    elif name == "keypress":
        keys = 300 // scale * (2 if quick else 1)  # the 99th percentile of 300: the 4th worst
        r = asyncio.run(keypress.measure(keys=keys))
        line(
            "keypress_p99_ms",
            r["p99_ms"],
            "ms",
            "<= 50",
            f"{keys} keys, median {r['median_ms']:.0f} ms while 5,000 actions/s stream; "
            f"{r['held']:,} held",
        )
    elif name == "filter":
        n = 1_000_000 // scale
        r = filtering.measure(n)
        for query, figures in r.items():
            line(
                f"filter_first_screen_ms[{query}]",
                figures["first_ms"],
                "ms",
                "<= 50",
                f"{n:,} held, {filtering.QUERIES[query]!r}, {figures['matches']:,} matches",
            )
            line(f"filter_full_ms[{query}]", figures["full_ms"], "ms", "<= 500")
    elif name == "bytes":
        n = 1_000_000 // scale
        r = memory.measure(n)
        line(
            "bytes_per_action",
            r["ratio"],
            "x JSON",
            "<= 2",
            f"{r['bytes_per_action']:.0f} bytes held per action, JSON {r['json_bytes']:.0f} bytes, "
            f"{n:,} actions",
        )
    elif name == "startup":
        r = startup.measure()
        line(
            "startup_ms",
            r["app_ms"],
            "ms",
            f"<= 2x import textual.app ({r['baseline_ms']:.0f} ms)",
            f"ratio {r['ratio']:.2f}",
        )
    elif name == "idle":
        rows = 100_000 // scale
        r = asyncio.run(idle.measure(rows=rows))
        detail = f"{rows:,} rows held, nothing arriving, 10 s"
        line("idle_cpu_pct", r["cpu_pct"], "%", "<= 1", detail)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller numbers, for a quick look")
    parser.add_argument(
        "--only",
        nargs="*",
        choices=FIGURES,
        metavar="FIGURE",
        help=f"run only these figures ({', '.join(FIGURES)})",
    )
    parser.add_argument(
        "--here",
        action="store_true",
        help="measure in this process (by default each figure runs in a fresh one, so that "
        "memory, garbage and threads left by one figure do not skew the next)",
    )
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    started = time.perf_counter()
    for name in args.only or FIGURES:
        if args.here:
            measure(name, scale, args.quick)
            continue
        command = [sys.executable, __file__, "--here", "--only", name]
        if args.quick:
            command.append("--quick")
        if subprocess.run(command).returncode != 0:
            print(f"{name}: failed (see above)", flush=True)
    if not args.here:
        print(f"(benchmark ran {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
