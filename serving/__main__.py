"""python -m serving [--processes 2] [--port 8500] [--folder DIR]: serve a class on loopback.

Starts the streamlit processes and nginx in front (see serving.nginx), prints the address and the
processes' ids (for ``python -m benchmarks.load --url ... --pids ...``), and runs until Ctrl-C.
"""

import argparse
import time

from serving.nginx import class_server

parser = argparse.ArgumentParser(prog="python -m serving", description=__doc__.splitlines()[0])
parser.add_argument("--processes", type=int, default=2)
parser.add_argument("--port", type=int, default=8500)
parser.add_argument("--folder", help="where nginx.conf and the logs go (default: a temporary folder)")
args = parser.parse_args()
with class_server(args.processes, args.port, args.folder) as (url, pids):
    print(f"serving on {url} with {args.processes} streamlit processes: --pids {','.join(map(str, pids))}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
