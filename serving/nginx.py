"""Several ``streamlit run`` processes behind nginx, with sticky sessions: the standard way to serve a
class that outgrows one process.

Streamlit keeps each session's state in the process that holds its websocket, and serves a
session's media (the download buttons' files) from that process's memory. So every request of
one browser must reach one process. nginx's open-source ``hash ... consistent`` on a cookie does it:
the first response sets a ``stroute`` cookie to a random id, and every later request (the page's
scripts, its websocket, a reconnect, a download) carries it and lands on the same process.
(``ip_hash`` is the simpler choice where learners come from distinct addresses; behind one school
NAT they all share one.)
"""

from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
import shutil
import subprocess
import tempfile
import urllib.request

from serving import free_port, start_streamlit, stop, wait_healthy

TEMPLATE = """\
# nginx in front of {n} streamlit processes; sessions stick to one process by a cookie.
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}

http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;

    # The session's route: its cookie, or for a first request a fresh random id.
    map $cookie_stroute $route {{
        ""      $request_id;
        default $cookie_stroute;
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}

    upstream streamlit {{
        hash $route consistent;
{servers}
    }}

    server {{
        listen {listen};

        # Streamlit's own scripts, styles and fonts (a new session fetches about 140), straight from its package,
        # not from a process busy with the learners' scripts. Their names carry a hash of their content: cached
        # for good.
        location /static/ {{
            alias {static}/;
            types {{                                       # the kinds of files it holds (scripts: by their type)
                application/javascript js;
                text/css css;
                font/woff2 woff2;
                image/png png;
                image/gif gif;
                image/svg+xml svg;
            }}
            add_header Cache-Control "public, max-age=31536000, immutable";
            gzip on;
            gzip_types application/javascript text/css image/svg+xml;
        }}

        location / {{
            proxy_pass http://streamlit;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;        # the websocket
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_read_timeout 1d;                         # a learner may sit on a page for an hour
            proxy_buffering off;
            add_header Set-Cookie "stroute=$route; Path=/; HttpOnly; SameSite=Lax" always;
            add_header X-Upstream $upstream_addr always;   # which process answered: for the tests
        }}
    }}
}}
"""


#: The folder Streamlit serves under /static/: the page's scripts, styles and fonts, from the installed package.
STATIC = Path(find_spec("streamlit").origin).parent / "static" / "static"


def config(backends, listen, prefix, static=STATIC):
    """nginx.conf text: ``listen`` (host:port) in front of ``backends`` (host:port each)."""
    servers = "\n".join(f"        server {backend};" for backend in backends)
    return TEMPLATE.format(n=len(backends), prefix=prefix, servers=servers, listen=listen, static=static)


def nginx():
    path = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(path).exists():
        raise RuntimeError("no nginx: apt-get install -y nginx (Debian's package)")
    return path


@contextmanager
def class_server(processes=2, port=None, folder=None):
    """``processes`` streamlit servers and nginx in front on 127.0.0.1:port; yields (url, pids of the servers)."""
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory(prefix="streamlit-static-") as shared:
        prefix = Path(folder or tmp)
        prefix.mkdir(parents=True, exist_ok=True)
        servers = [start_streamlit(prefix / f"streamlit-{k}.log") for k in range(processes)]
        proxy = None
        try:
            for k, (process, url) in enumerate(servers):
                wait_healthy(url, process, prefix / f"streamlit-{k}.log")
            listen = f"127.0.0.1:{port or free_port()}"
            # nginx's workers drop to an unprivileged user, who may not read the package (under /root, say), nor
            # enter ``prefix``: they serve a copy in a folder of their own
            static = Path(shared) / "static"
            shutil.copytree(STATIC, static)
            Path(shared).chmod(0o755)
            backends = [url.removeprefix("http://") for _, url in servers]
            (prefix / "nginx.conf").write_text(config(backends, listen, prefix, static))
            with open(prefix / "nginx.out", "w") as out:
                proxy = subprocess.Popen([nginx(), "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                                         stdout=out, stderr=subprocess.STDOUT)
            wait_healthy(f"http://{listen}", proxy, prefix / "nginx.out")
            yield f"http://{listen}", [process.pid for process, _ in servers]
        finally:
            if proxy is not None:
                stop(proxy)
            for process, _ in servers:
                stop(process)


def upstream_of(url, cookie=None):
    """(the process that answered, the route cookie it set) for one GET of ``url``."""
    request = urllib.request.Request(url, headers={"Cookie": f"stroute={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        route = response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
        return response.headers["X-Upstream"], route
