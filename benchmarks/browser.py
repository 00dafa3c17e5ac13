"""How the benchmarks and the load script see a page in Chromium (Playwright's async API, so that
many sessions can run at once in one browser).

A page is *complete* when the script run it asked for has finished (the server's ``script_finished`` message on the
page's websocket), the page is connected, every Vega chart has its marks, no spinner is left, no element is still a
skeleton (Streamlit draws one while the element's code is fetched from the server: with the server busy, a page can
stand still for more than ``QUIET_MS`` with 25 of them), and for ``QUIET_MS`` the DOM has not changed and the
browser's main thread has run no long task (50 ms or more: the layout, paint and script work that follows a change,
during which a key press waits). Its time is that of the last change to the DOM or the end of the last long task,
whichever is later. (The page's script-state attribute is no signal: a fast rerun goes running -> notRunning within
one render, and widgets are drawn after the run ends.)
"""

import asyncio
import time
from functools import partial

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: Installed in every page before it loads: the time of the last change to the DOM, and of the end of the last
#: long task or long animation frame (the work that follows a change without changing the DOM: layout, paint).
WATCH = """
  window.__lastChange = 0;
  window.__lastBusy = 0;
  new MutationObserver(() => { window.__lastChange = performance.now(); })
    .observe(document, {attributes: true, childList: true, subtree: true, characterData: true});
  const busy = list => { for (const e of list.getEntries())
    window.__lastBusy = Math.max(window.__lastBusy, e.startTime + e.duration); };
  for (const type of ['longtask', 'long-animation-frame'])
    if (PerformanceObserver.supportedEntryTypes.includes(type)) new PerformanceObserver(busy).observe({type, buffered: true});
"""
QUIET_MS = 300
#: The time of the last change or long task (ms since navigation) once the page is drawn and quiet, else false.
DRAWN = """quiet => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning' || app.dataset.testConnectionState !== 'CONNECTED') return false;
  for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) if (!c.querySelector('.marks')) return false;
  if (document.querySelector('[data-testid="stSpinner"], [data-testid="stSkeleton"]')) return false;
  const last = Math.max(window.__lastChange, window.__lastBusy);
  return performance.now() - last > quiet ? last : false;
}"""
#: The control a learner moves most on a page, where the first one is not it (by its label).
CONTROL = {"cost-surface": "iterations"}
ANSWERS = ["a - y", "sigma(z) - y", "a(1-a)", "y - a"]
NOTES = ["$dz = a - y$ and $dw = x dz$", "$\\hat y = \\sigma(w^T x + b)$", "$db = dz$"]
NOT_IN_FORM = ':not([data-testid="stForm"] *)'


class Runs:
    """Counts the script runs the server reports finished on a page's websocket."""

    def __init__(self, page):
        self.finished, self.finished_at = 0, None
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _frame(self, payload):
        if isinstance(payload, bytes):
            message = ForwardMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "script_finished":
                self.finished += 1
                self.finished_at = time.perf_counter()

    async def wait_past(self, count, timeout=120):
        deadline = time.monotonic() + timeout
        while self.finished <= count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no script run finished within {timeout} s")
            await asyncio.sleep(0.005)


async def new_page(browser):
    """A page in a fresh context (a new session, no cache), watched; and its Runs."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(WATCH)
    page = await context.new_page()
    page.set_default_timeout(120_000)
    return page, Runs(page)


async def drawn(page, quiet=QUIET_MS):
    """The time (ms since navigation) of the last change of the page, once it is complete."""
    return await (await page.wait_for_function(DRAWN, arg=quiet, polling=20)).json_value()


async def open_complete(browser, url, quiet=QUIET_MS):
    """Seconds from the start of navigation to the complete page; the page and its Runs."""
    page, runs = await new_page(browser)
    await page.goto(url)
    await runs.wait_past(0)
    return await drawn(page, quiet) / 1e3, page, runs


async def interact(page, runs, k, label=None, quiet=QUIET_MS):
    """Move the page's first control outside a form (slider, else text box, else select box), or the
    slider labelled ``label``, or else submit the page's form; wait for the rerun to be complete.

    The clock starts at the action that reruns the script: a key press on a slider, Enter in a text box or in a
    select box's open list, a click on a button. Typing the text and opening the list come before it, so that every
    page is timed from one action, as the bare page is from its slider's key press.

    Returns (seconds from that action to the last change of the page, seconds from it to the server's word that
    the run finished: the server's share). ``k`` varies the input (direction, text)."""
    main = '[data-testid="stMain"]'
    slider = page.locator(f'{main} input[type="range"]{NOT_IN_FORM}')
    if label:
        slider = page.locator('[data-testid="stSlider"]').filter(has_text=label).locator('input[type="range"]')
    text = page.locator(f'{main} [data-testid="stTextInput"] input{NOT_IN_FORM}')
    note = page.locator(f'{main} [data-testid="stTextArea"] textarea')
    select = page.locator(f'{main} [data-testid="stSelectbox"]{NOT_IN_FORM}')
    submit = page.locator('[data-testid="stFormSubmitButton"] button')
    await slider.or_(text).or_(note).or_(select).or_(submit).first.wait_for()  # drawn, even on a busy machine
    if await slider.count():
        # Left, then back and forth; right where the slider starts at its minimum (left would not move it)
        at_minimum = await slider.first.evaluate("e => Number(e.value) <= Number(e.min)")
        act = partial(slider.first.press, "ArrowRight" if at_minimum or k % 2 else "ArrowLeft")
    elif await text.count():
        await text.first.fill(ANSWERS[k % len(ANSWERS)])
        act = partial(text.first.press, "Enter")
    elif await note.count():  # a note to check: typed, then its page's first button (its form's, if in one)
        await note.first.fill(NOTES[k % len(NOTES)])
        act = page.locator(f'{main} [data-testid="stButton"] button, {main} [data-testid="stFormSubmitButton"] button'
                           ).first.click
    elif await select.count():
        await select.first.get_by_role("combobox").click()
        await page.keyboard.press("ArrowDown")  # opens the list
        await page.get_by_role("option").first.wait_for()
        await page.keyboard.press("ArrowDown")
        act = partial(page.keyboard.press, "Enter")  # the next option
    else:
        act = submit.first.click
    before = runs.finished
    t0 = await page.evaluate("performance.now()")
    start = time.perf_counter()
    await act()
    await runs.wait_past(before)
    return (await drawn(page, quiet) - t0) / 1e3, runs.finished_at - start


async def exceptions_shown(page):
    """How many Streamlit exception boxes the page shows."""
    return await page.locator('[data-testid="stException"]').count()
