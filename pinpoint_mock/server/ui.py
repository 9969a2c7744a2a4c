"""The inbox page of the standalone server: ``GET /_aws/pinpoint/ui``.

GET ui                              a static HTML page (inline CSS and script) with filters
GET ui/messages?userId=&channel=&status=&applicationId=&endpointId=&address=&limit=
                                    the newest deliveries as HTML cards (``preview.py``), newest
                                    first; ``X-Pinpoint-Count`` holds how many matched

The page polls ``ui/messages`` every second with the filters of its form controls (empty ones
are ignored), so there is one renderer, in Python, for the report and the inbox. Filters given
in the page's own URL query (``ui?channel=SMS``) preset the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import preview
from ..errors import PinpointMockError
from ..models import CHANNELS, DELIVERY_STATUSES, LEGACY_STATUSES

if TYPE_CHECKING:
    from .app import PinpointServer

Answer = tuple[int, dict[str, str], bytes]

#: How often the page asks for new messages (milliseconds).
POLL_MS = 1000
#: How many cards ``ui/messages`` returns unless ``limit`` says otherwise.
DEFAULT_LIMIT = 200

_HTML = "text/html; charset=utf-8"
#: The inbox runs its own inline script and talks only to this server.
_PAGE_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; font-src data:; frame-src 'self'"
)


def _html(status: int, text: str, **headers: str) -> Answer:
    return status, {"Content-Type": _HTML, "Cache-Control": "no-store", **headers}, text.encode()


def page(server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes) -> Answer:
    if method not in ("GET", "HEAD"):
        return _html(405, f"{preview.escape(method)} not allowed on ui; use GET")
    return _html(200, inbox_page(), **{"Content-Security-Policy": _PAGE_CSP})


def messages(
    server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes
) -> Answer:
    if method not in ("GET", "HEAD"):
        return _html(405, f"{preview.escape(method)} not allowed on ui/messages; use GET")
    from .inspection import _filtered

    query = {k: v for k, v in query.items() if v and v[-1] != ""}
    limit_text = query.pop("limit", [str(DEFAULT_LIMIT)])[-1]
    try:
        limit = int(limit_text)
    except ValueError:
        raise PinpointMockError(f"limit must be an integer, not {limit_text!r}") from None
    if limit < 1:
        raise PinpointMockError("limit must be at least 1")
    found = _filtered(server, query)
    shown = [s.to_dict() for s in found[-limit:]]
    html = preview.render_messages(
        shown, newest_first=True, empty="No messages yet (matching these filters)."
    )
    if len(found) > limit:
        html = f'<p class="meta">Showing the newest {limit} of {len(found)} messages.</p>' + html
    return _html(200, html, **{"X-Pinpoint-Count": str(len(found))})


def _options(values: tuple[str, ...], everything: str) -> str:
    return f'<option value="">{everything}</option>' + "".join(
        f'<option value="{preview.escape(v)}">{preview.escape(v)}</option>' for v in values
    )


def inbox_page(poll_ms: int = POLL_MS) -> str:
    """The inbox page: filters, a live status line and the cards, filled in by the script."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>pinpoint-mock inbox</title><style>{preview.STYLE}</style></head><body>"
        '<header class="page-head"><h1>pinpoint-mock inbox</h1>'
        '<div class="meta">every delivery the server recorded, newest first</div></header>'
        '<form class="filters" id="filters" autocomplete="off">'
        '<label>user<input name="userId" placeholder="any user id" size="16"></label>'
        f'<label>channel<select name="channel">{_options(CHANNELS, "any channel")}</select>'
        "</label>"
        '<label>status<select name="status">'
        f"{_options(DELIVERY_STATUSES + LEGACY_STATUSES, 'any status')}</select></label>"
        '<label>application<input name="applicationId" placeholder="any application" size="20">'
        "</label>"
        '<button type="button" id="clear" title="DELETE /_aws/pinpoint/messages">'
        "clear messages</button>"
        '<span class="live" id="live" role="status">connecting…</span></form>'
        '<main class="inbox" id="messages" aria-live="polite">'
        '<p class="empty">Loading…</p><noscript>The inbox needs JavaScript; '
        "GET /_aws/pinpoint/messages returns the same data as JSON.</noscript></main>"
        f"<script>{_SCRIPT.replace('__POLL_MS__', str(int(poll_ms)))}</script></body></html>"
    )


_SCRIPT = """
(function () {
  "use strict";
  var BASE = "/_aws/pinpoint/";
  var form = document.getElementById("filters");
  var list = document.getElementById("messages");
  var live = document.getElementById("live");
  var params = new URLSearchParams(window.location.search);
  var controls = Array.prototype.filter.call(form.elements, function (el) { return el.name; });
  controls.forEach(function (el) { if (params.has(el.name)) { el.value = params.get(el.name); } });
  var last = null, seq = 0, timer = null;

  function query() {
    var q = new URLSearchParams();
    controls.forEach(function (el) { if (el.value) { q.set(el.name, el.value); } });
    return q;
  }
  function show(text, ok) {
    live.textContent = text;
    live.className = "live " + (ok ? "ok" : "error");
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(poll, __POLL_MS__); }
  function poll() {
    var mine = ++seq;
    fetch(BASE + "ui/messages?" + query().toString(), { cache: "no-store" })
      .then(function (response) {
        return response.text().then(function (text) {
          if (mine !== seq) { return; }
          if (!response.ok) { show("error: " + text, false); return; }
          if (text !== last) { list.innerHTML = text; last = text; }
          var count = response.headers.get("X-Pinpoint-Count") || "0";
          show("live: " + count + " message" + (count === "1" ? "" : "s") + ", updated " +
               new Date().toLocaleTimeString(), true);
        });
      })
      .catch(function () { if (mine === seq) { show("server unreachable, retrying…", false); } })
      .then(schedule);
  }
  function changed() {
    var q = query().toString();
    window.history.replaceState(null, "", q ? "?" + q : window.location.pathname);
    last = null;
    poll();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
  document.getElementById("clear").addEventListener("click", function () {
    fetch(BASE + "messages", { method: "DELETE" }).then(changed, changed);
  });
  poll();
})();
"""

#: The routes this module adds to the inspection API.
UI_ROUTES = {"ui": page, "ui/messages": messages}
