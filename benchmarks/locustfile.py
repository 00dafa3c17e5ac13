"""Locust's users as learners: each opens a lesson over Streamlit's websocket (benchmarks.stclient, no
browser), then moves its controls with a pause to read between moves, until Locust stops it.

    locust -f benchmarks/locustfile.py --headless -u 30 -r 10 -t 60s --host http://127.0.0.1:8501

``python -m benchmarks.capacity`` runs this at 10, 30, 60 and 100 learners against one process and two
behind nginx. Each page open and each move is one Locust request, timed from the ``BackMsg`` sent to the
server's ``script_finished``, named ``open`` or ``move`` (so Locust's percentiles are per kind). An
exception on the page, a closed socket or a run that never finishes is a failure; its message names the page.
"""

import itertools
import os
import time

from locust import User, between, task

from benchmarks.stclient import Learner as Session
from lessons import PAGES

PATHS = [page.url_path for page in PAGES]
#: Each learner takes the next page in turn, so every level spreads its learners over every lesson.
NEXT = itertools.count()
#: Seconds a learner reads between two moves (LOCUST_THINK="low,high" to change).
THINK = tuple(float(s) for s in os.environ.get("LOCUST_THINK", "2,6").split(","))


class Learner(User):
    wait_time = between(*THINK)

    def on_start(self):
        self.path, self.k = PATHS[next(NEXT) % len(PATHS)], 0
        self.session = self._timed("open", self._open)

    def _open(self):
        session = Session(self.host)
        session.open(self.path)
        return session

    def _timed(self, kind, action):
        """Run ``action`` as one Locust request of ``kind`` on this learner's page; its result, or None."""
        start, result, error = time.perf_counter(), None, None
        try:
            result = action()
        except Exception as failure:  # a failure is reported to Locust with its message, never raised
            error = failure
        self.environment.events.request.fire(
            request_type="websocket", name=kind, response_time=(time.perf_counter() - start) * 1000,
            response_length=0, exception=error, context={})
        return None if error else result

    @task
    def move(self):
        if self.session is None:  # the page never opened: try again as a new session
            self.on_start()
            return
        self.k += 1
        self._timed("move", lambda: self.session.move(self.k))

    def on_stop(self):
        if self.session is not None:
            self.session.close()
