"""A classroom's load on one server: N browser sessions at once, each on its own page with its own
inputs, for a bounded time, on loopback only.

    python -m benchmarks.load                      # starts its own server: 10 sessions, 60 s
    python -m benchmarks.load --sessions 20 --seconds 120
    python -m benchmarks.load --processes 2        # two streamlit processes behind nginx
    python -m benchmarks.load --url http://127.0.0.1:8500 --pids 1234,1235   # a server already running

Each session is a fresh Chromium context (its own websocket and session state), opens a page
(sessions take the pages in turn), then moves that page's control again and again until time is up.
Reported: interaction latency p50/p95/max, errors (a failed wait, an exception box, a lost
connection: must be 0), and the server's resident memory (with its worker processes) before, after
each round and after the sessions have gone (it must settle: caches are bounded by max_entries and ttl).
"""

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.browser import CONTROL, exceptions_shown, interact, open_complete
from benchmarks.pages import PAGES
from serving import CHROMIUM_FLAGS, chromium, rss_megabytes, streamlit_process
from serving.nginx import class_server

async def session(browser, url, path, seconds, seed):
    """One learner: open ``path``, then interact for ``seconds``. (open seconds, latencies, errors)"""
    latencies, errors = [], []
    try:
        load, page, runs = await open_complete(browser, f"{url}/{path}")
    except Exception as error:  # a page that never completes is an error, not a crash of the script
        return None, [], [f"{path or '(home)'}: open: {type(error).__name__}: {error}"]
    deadline, k = time.monotonic() + seconds, seed
    while not latencies or time.monotonic() < deadline:  # at least one interaction each
        try:
            latencies.append((await interact(page, runs, k, CONTROL.get(path)))[0])
        except Exception as error:
            app = page.locator('[data-testid="stApp"]')
            state = [await app.get_attribute(f"data-test-{what}-state") for what in ("script", "connection")]
            errors.append(f"{path or '(home)'}: interaction {k}: {type(error).__name__}: {str(error)[:200]} "
                          f"(page script {state[0]}, connection {state[1]})")
            break
        k += 1
    if await exceptions_shown(page):
        errors.append(f"{path or '(home)'}: an exception is shown")
    await page.context.close()
    return load, latencies, errors


async def round_of(browser, url, sessions, seconds, pages):
    """``sessions`` learners at once; sessions take the pages in turn, each with other inputs."""
    jobs = [session(browser, url, pages[n % len(pages)], seconds, seed=n) for n in range(sessions)]
    return await asyncio.gather(*jobs)


def percentile(values, q):
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


async def run(url, pids, sessions, seconds, rounds, pages, settle=0, out=print):
    """Run ``rounds`` rounds of load and report; returns a dict of the figures."""
    from playwright.async_api import async_playwright

    executable = chromium()
    if not executable:
        raise SystemExit("no Chromium: install Debian's chromium, or set CHROMIUM")
    memory = lambda: sum(rss_megabytes(pid) for pid in pids)  # noqa: E731
    report = {"sessions": sessions, "seconds": seconds, "rounds": rounds, "memory_mb": [("at start", memory())]}
    loads, latencies, errors = [], [], []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        for path in pages:  # one visit each first: first visits (SymPy deriving) are measured by benchmarks.pages
            await (await open_complete(browser, f"{url}/{path}"))[1].context.close()
        report["memory_mb"].append(("after one visit to each page", memory()))
        for r in range(rounds):
            results = await round_of(browser, url, sessions, seconds, pages)
            loads += [load for load, _, _ in results if load is not None]
            latencies += [x for _, lat, _ in results for x in lat]
            errors += [e for _, _, err in results for e in err]
            report["memory_mb"].append((f"after round {r + 1}", memory()))
            out(f"round {r + 1}: {sum(len(lat) for _, lat, _ in results)} interactions, "
                f"{sum(len(err) for _, _, err in results)} errors, server {memory():.0f} MB")
        await browser.close()
    for wait in (5, settle):
        if wait:
            await asyncio.sleep(wait if wait == 5 else wait - 5)
            report["memory_mb"].append((f"{wait:.0f} s after the last session", memory()))
    report |= {"interactions": len(latencies), "errors": errors,
               "open_p50": statistics.median(loads) if loads else None,
               "p50": statistics.median(latencies) if latencies else None,
               "p95": percentile(latencies, 95) if latencies else None,
               "max": max(latencies) if latencies else None}
    out(summary(report))
    return report


def summary(report):
    lines = [f"{report['sessions']} sessions at once × {report['rounds']} rounds of {report['seconds']} s: "
             f"{report['interactions']} interactions, {len(report['errors'])} errors"]
    if report["interactions"]:
        lines.append(f"  page open (to complete) p50 {report['open_p50']:.2f} s; interaction p50 "
                     f"{report['p50'] * 1e3:.0f} ms, p95 {report['p95'] * 1e3:.0f} ms, max {report['max'] * 1e3:.0f} ms")
    lines.append("  server memory: " + ", ".join(f"{when} {mb:.0f} MB" for when, mb in report["memory_mb"]))
    lines += [f"  error: {e}" for e in report["errors"][:10]]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server (loopback only); default: start one")
    parser.add_argument("--pids", default="", help="with --url: server process ids whose memory to report")
    parser.add_argument("--processes", type=int, default=0,
                        help="start this many streamlit processes behind nginx (serving.nginx) instead of one")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--settle", type=float, default=130,
                        help="seconds to wait after the last session before the last memory reading "
                             "(Streamlit keeps a closed session 120 s for a reconnect)")
    parser.add_argument("--pages", help="url paths, comma-separated ('home' for the home page); default: all")
    args = parser.parse_args(argv)
    pages = [("" if p == "home" else p) for p in args.pages.split(",")] if args.pages else PAGES
    load = lambda url, pids: asyncio.run(  # noqa: E731
        run(url, pids, args.sessions, args.seconds, args.rounds, pages, args.settle))
    if args.url:
        assert args.url.startswith(("http://127.", "http://localhost")), "load is for loopback only"
        return load(args.url, [int(p) for p in args.pids.split(",") if p])
    if args.processes:
        with class_server(args.processes) as (url, pids):
            return load(url, pids)
    with tempfile.TemporaryDirectory() as tmp, streamlit_process(Path(tmp) / "server.log") as (url, process):
        return load(url, [process.pid])


if __name__ == "__main__":
    main()
