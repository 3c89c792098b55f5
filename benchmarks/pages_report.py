"""Printing the page benchmark's figures (benchmarks/pages_bench.py): a table per checkout and
database, and two checkouts side by side."""

import os
import platform


def print_table(result):
    print(f"\n{result['checkout']}, {result['name']}")
    header = (
        f"{'page':<16} {'path':<44} {'status':>6} {'queries':>7} {'median ms':>9} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'req/s':>7} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for row in result["rows"]:
        path = row["path"] if len(row["path"]) <= 44 else row["path"][:41] + "..."
        print(
            f"{row['label']:<16} {path:<44} {row['status']:>6} {row['queries']:>7} "
            f"{row['median']:>9.1f} {row['p50']:>7.1f} {row['p95']:>7.1f} {row['rps']:>7.1f} "
            f"{row['errors']:>6}"
        )
    print(
        f"migrate {result['migrate']:.1f} s, import of {result['items']} items "
        f"{result['import']:.1f} s"
    )


def print_comparison(this, other):
    """This checkout's figures beside the other's, per page type."""
    print(f"\n{this['name']}: this = {this['checkout']}, before = {other['checkout']}")
    header = (
        f"{'page':<16} {'queries':>15} {'median ms':>20} {'req/s':>20}\n"
        f"{'':<16} {'before':>7} {'this':>7} {'before':>7} {'this':>7} {'×':>4} "
        f"{'before':>7} {'this':>7} {'×':>4}"
    )
    print(header)
    print("-" * 70)
    before = {row["label"]: row for row in other["rows"]}
    for row in this["rows"]:
        old = before.get(row["label"])
        if old is None:
            continue
        faster = old["median"] / row["median"] if row["median"] else 0
        more = row["rps"] / old["rps"] if old["rps"] else 0
        print(
            f"{row['label']:<16} {old['queries']:>7} {row['queries']:>7} {old['median']:>7.1f} "
            f"{row['median']:>7.1f} {faster:>4.1f} {old['rps']:>7.1f} {row['rps']:>7.1f} "
            f"{more:>4.1f}"
        )


def print_report(results, args):
    print()
    print(
        f"Kompetansebroen page benchmark – gunicorn -w {args.workers} (sync) on loopback; "
        f"median of {args.sequential} requests one after another, then {args.requests} from "
        f"{args.clients} clients at once, per page, after warm-up"
    )
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs (load average "
        f"{load_average}; the clients share them), settings "
        "kompetansebroen.settings.production (DEBUG off), database search backend, locmem cache"
    )
    for result in results:
        print_table(result)
    if args.compare:
        by_database = {}
        for result in results:
            by_database.setdefault(result["name"], []).append(result)
        for other, this in (pair for pair in by_database.values() if len(pair) == 2):
            print_comparison(this, other)
