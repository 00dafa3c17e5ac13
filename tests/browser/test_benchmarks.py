"""Smoke runs of the benchmarks and the load script: they run end to end and report their figures.
(The full runs take minutes and are not part of CI.) Timings are never compared with each other or with a
bound here: each is only checked to be a measured, positive number. They need Chromium: each test takes the
``browser`` fixture, so without it they skip like every browser test (and fail under CI=true)."""

import re
from concurrent.futures import ThreadPoolExecutor

from benchmarks import load
from benchmarks.__main__ import main as benchmarks


def in_a_thread(function, *args):
    """Run ``function`` in a thread of its own: the benchmarks use asyncio.run, and the browser tests'
    sync Playwright keeps an event loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function, *args).result()


def test_the_benchmark_report_is_written(browser, tmp_path, capsys):
    report = tmp_path / "REPORT.md"
    in_a_thread(benchmarks, ["--quick", "--report", str(report)])
    text = report.read_text()
    assert "## The math" in text and "## The pages in Chromium" in text
    rows = [line for line in text.splitlines() if line.startswith("| (home)") or line.startswith("| cost-surface")]
    assert len(rows) == 2
    for row in rows:
        session_ms, interaction_ms, server_ms = (float(v.replace(",", "")) for v in re.findall(r"([\d,]+) ms", row))
        assert all(ms > 0 for ms in (session_ms, interaction_ms, server_ms))  # measured; never compared


def test_a_small_load_runs_without_errors(browser, capsys):
    report = in_a_thread(load.main, ["--sessions", "2", "--seconds", "4", "--rounds", "1", "--settle", "0",
                                     "--pages", "home,logistic-regression"])
    assert report["errors"] == [] and report["interactions"] >= 2
    assert all(mb > 50 for _, mb in report["memory_mb"])
    assert "2 sessions at once" in capsys.readouterr().out
