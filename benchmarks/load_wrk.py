"""wrk for benchmarks/load_bench.py: one run against an address (or the mixed traffic of
load_mixed.lua), read back as requests/s, p50/p99, errors and status counts."""

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

HOST = "localhost"
MIXED_SCRIPT = Path(__file__).resolve().with_name("load_mixed.lua")

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, seconds, args, script_env=None, connections=None):
    """requests/s, p50/p99 (ms), errors and status counts of one wrk run."""
    connections = connections or args.connections
    command = ["wrk", f"-t{min(args.threads, connections)}", f"-c{connections}"]
    command += [f"-d{seconds}s", "--latency", "--timeout", "10s", "-H", f"Host: {HOST}"]
    env = dict(os.environ)
    if script_env is not None:
        command += ["-s", str(MIXED_SCRIPT)]
        env.update(script_env, LOAD_CONNECTIONS=str(connections), LOAD_HOST=HOST)
    result = subprocess.run(
        [*command, url], capture_output=True, text=True, env=env, timeout=seconds + 60
    )
    output = result.stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        sys.exit(f"load.sh: wrk failed for {url}:\n{output[-2000:]}{result.stderr[-2000:]}")
    found = {
        "rps": float(rate.group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": 0,
    }
    for name in ("50", "99"):
        match = re.search(rf"^\s+{name}%\s+(\S+)", output, re.MULTILINE)
        found[f"p{name}"] = _milliseconds(match.group(1)) if match else float("nan")
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        found["errors"] += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        found["errors"] += sum(int(value) for value in match.groups())
        found["socket"] = match.group(0)
    if match := re.search(r"statuses (.*)", output):
        found["statuses"] = match.group(1)
    return found


def cache_status(door_url, path):
    """nginx's X-Cache-Status for the second of two requests."""
    for _ in range(2):
        request = urllib.request.Request(door_url + path, headers={"Host": HOST})
        with urllib.request.urlopen(request, timeout=30) as response:  # loopback only
            response.read()
            status = response.headers.get("X-Cache-Status") or "-"
    return status
