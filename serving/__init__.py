"""Start the app the way it is served, on loopback: one ``streamlit run`` or several behind nginx,
and find the system Chromium. Shared by the browser tests, the benchmarks and the load script.

``python -m serving --processes 2 --port 8500`` serves a class (see ``serving.nginx``).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]
#: The page is connected and its script has finished running.
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'


def chromium():
    """The system Chromium (``$CHROMIUM`` or /usr/bin/chromium), or None: Playwright cannot download its own here."""
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return path if os.path.exists(path) or shutil.which(path) else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url, process, log, timeout=180):
    """Block until ``url``/_stcore/health answers ok; RuntimeError with the log if the process dies or stalls."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not come up:\n{Path(log).read_text()}")
        time.sleep(0.2)


def start_streamlit(log, port=None, script="app.py", cwd=ROOT):
    """``streamlit run script`` headless on 127.0.0.1:port (a free one by default), in a process that has
    imported the lessons' libraries first (``serving.preloaded``): (process, url)."""
    port = port or free_port()
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "serving" / "preloaded.py"), "run", str(script), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
        )
    return process, f"http://127.0.0.1:{port}"


def stop(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def streamlit_process(log, script="app.py", cwd=ROOT):
    """A healthy ``streamlit run`` on a free loopback port: yields (its URL, its process), stops it after."""
    process, url = start_streamlit(log, script=script, cwd=cwd)
    try:
        wait_healthy(url, process, log)
        yield url, process
    finally:
        stop(process)


@contextmanager
def streamlit_server(log, script="app.py", cwd=ROOT):
    """``streamlit_process``, for callers that need only its URL."""
    with streamlit_process(log, script, cwd) as (url, _process):
        yield url


def rss_megabytes(pid):
    """Resident memory of a process and all its descendants (the checker's workers), in MB (Linux /proc)."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total
