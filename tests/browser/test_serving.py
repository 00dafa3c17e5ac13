"""Two streamlit processes behind nginx (serving.nginx): sessions spread over both, each sticks to one,
and a whole session (websocket reruns, a download from the process's memory) works through the proxy."""

import gzip
import os
import re
import shutil
import subprocess
import urllib.request

import pytest
from playwright.sync_api import expect

from serving.nginx import STATIC, class_server, config, upstream_of
from tests.browser.conftest import open_page
from tests.browser.test_app import focus_slider, metric_value


@pytest.fixture(scope="module")
def behind_nginx(tmp_path_factory):
    if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
        if os.environ.get("CI") == "true":
            pytest.fail("no nginx; under CI=true .ci/run installs Debian's nginx")
        pytest.skip("no nginx (apt-get install -y nginx)")
    with class_server(2, folder=tmp_path_factory.mktemp("nginx")) as (url, pids):
        yield url


def test_the_config_is_valid_nginx(tmp_path):
    if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
        pytest.skip("no nginx")
    (tmp_path / "nginx.conf").write_text(config(["127.0.0.1:8501", "127.0.0.1:8502"], "127.0.0.1:8500", tmp_path))
    checked = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_new_sessions_spread_and_each_sticks_to_one_process(behind_nginx):
    first = [upstream_of(f"{behind_nginx}/") for _ in range(16)]
    assert len({upstream for upstream, _ in first}) == 2  # all on one: 2 chances in 65,536
    for upstream, route in first[:4]:
        assert {upstream_of(f"{behind_nginx}/_stcore/health", route)[0] for _ in range(5)} == {upstream}


def test_streamlits_own_files_come_from_nginx_compressed_and_cached_for_good(behind_nginx):
    """The page's scripts are sent by nginx, not by a process (no X-Upstream), compressed, with the bytes the
    package holds; their hashed names let a browser keep them."""
    index = urllib.request.urlopen(f"{behind_nginx}/", timeout=10).read().decode()
    script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', index).group(1)
    request = urllib.request.Request(f"{behind_nginx}/{script}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["X-Upstream"] is None
        assert "immutable" in response.headers["Cache-Control"]
        assert response.headers["Content-Type"] == "application/javascript"  # a module script runs only so
        assert response.headers["Content-Encoding"] == "gzip"
        sent = response.read()
    original = (STATIC.parent / script).read_bytes()
    assert gzip.decompress(sent) == original and len(sent) < len(original) / 2


def test_a_whole_session_through_nginx(behind_nginx, page):
    open_page(page, behind_nginx)
    focus_slider(page, "z, the unit's input")
    page.keyboard.press("End")  # a rerun over the proxied websocket
    expect(metric_value(page, "a = σ(z)")).to_have_text("0.997527")
    with page.expect_download() as download:  # served from the memory of the session's own process
        page.get_by_role("button", name="LaTeX").click()
    assert "\\begin{aligned}" in open(download.value.path()).read()
