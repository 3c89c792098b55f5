"""The services benchmarks/load_bench.py runs, each on loopback and a free port, stopped when
the run ends: a private PostgreSQL cluster and a private Redis (so the fault run can stop and
restart them without touching anyone else's), gunicorn with deploy/gunicorn.conf.py, and the
front door (nginx from deploy/ through scripts/frontdoor.sh)."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            sys.exit(f"load.sh: {what} did not come up within {seconds} s")
        time.sleep(0.2)


def answers(url, host="localhost"):
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # loopback only
            response.read()
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def run(command, env=None, what=None, timeout=1800):
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        output = result.stdout[-2000:] + result.stderr[-3000:]
        sys.exit(f"load.sh: {what or command[0]} failed:\n{output}")
    return result.stdout


class PrivatePostgres:
    """A throwaway PostgreSQL cluster (Debian's binaries, run as the postgres user when we are
    root, since PostgreSQL refuses to run as root)."""

    def __init__(self):
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        if not versions:
            sys.exit("load.sh: PostgreSQL's server binaries are missing (scripts/services.sh)")
        self.bin = versions[-1].parent
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="kb-load-pg-"))
        self.data, self.log = self.root / "data", self.root / "postgres.log"
        self.as_owner = []
        if os.getuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/kompetansebroen"

    def _ctl(self, *args):
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        run(
            [*self.as_owner, str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log)]
            + ["-o", options, "-w", *args],
            what=f"pg_ctl {args[0]}",
        )

    def start(self):
        run(
            [*self.as_owner, str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres"]
            + ["--auth=trust", "-E", "UTF8", "--no-sync"],
            what="initdb",
        )
        self._ctl("start")
        run(
            [*self.as_owner, str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port)]
            + ["-U", "postgres", "kompetansebroen"],
            what="createdb",
        )

    def restart(self):
        self._ctl("restart", "-m", "fast")

    def stop(self):
        with contextlib.suppress(SystemExit):
            self._ctl("stop", "-m", "immediate")
        shutil.rmtree(self.root, ignore_errors=True)


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        binary = shutil.which("redis-server") or sys.exit("load.sh: redis-server is missing")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def up():
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return True
            return False

        wait_until(up, "redis-server")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


@contextlib.contextmanager
def gunicorn(env, log_path, port, config, max_requests):
    """gunicorn with deploy/gunicorn.conf.py; ``config`` (workers, class, threads) or None."""
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_MAX_REQUESTS": str(max_requests),
        "GUNICORN_LOG_LEVEL": "warning",
    }
    if config is not None:
        workers, worker_class, threads = config
        env.update(
            GUNICORN_WORKERS=str(workers),
            GUNICORN_WORKER_CLASS=worker_class,
            GUNICORN_THREADS=str(threads),
        )
    executable = Path(sys.executable).with_name("gunicorn")
    command = [str(executable), "-c", str(REPO / "deploy" / "gunicorn.conf.py")]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [*command, "kompetansebroen.wsgi"], cwd=REPO, env=env, stdout=log, stderr=log
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: process.poll() is None and answers(url + "/"), "gunicorn", 120)
        yield process, url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def front_door(directory, port, purge_port, upstream, env):
    """nginx from deploy/ on ``port`` in front of ``upstream``; yields its URL."""
    door_env = {
        **env,
        "FRONTDOOR_LISTEN": f"127.0.0.1:{port}",
        "FRONTDOOR_PURGE_LISTEN": f"127.0.0.1:{purge_port}",
        "FRONTDOOR_UPSTREAM": upstream,
        "FRONTDOOR_ACCESS_LOG": "off",
    }
    frontdoor = str(REPO / "scripts" / "frontdoor.sh")
    run([frontdoor, "start", str(directory)], env=door_env, what="frontdoor.sh start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run([frontdoor, "stop", str(directory)], env=door_env, capture_output=True)


def worker_memory(master_pid):
    """{worker pid: resident memory in MiB} of a gunicorn master's workers."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    memory = {}
    for pid in children.read_text().split() if children.exists() else []:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    memory[int(pid)] = int(line.split()[1]) / 1024
    return memory
