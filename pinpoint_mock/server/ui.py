"""The inbox page of the standalone server: ``GET /_aws/pinpoint/ui``.

GET ui                              a static HTML page (inline CSS and script) with filters
GET ui/messages?userId=&channel=&status=&applicationId=&endpointId=&address=&limit=
                                    the newest deliveries as HTML cards (``preview``), newest
                                    first; ``X-Pinpoint-Count`` holds how many matched

The page polls ``ui/messages`` every second with the filters of its form controls (empty ones
are ignored), so there is one renderer, in Python, for the report and the inbox. Filters given
in the page's own URL query (``ui?channel=SMS``) preset the form. The page's script is
``inbox.js``, shipped beside this module.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from .. import preview
from ..errors import PinpointMockError
from ..models import CHANNELS, DELIVERY_STATUSES, LEGACY_STATUSES
from .answers import Answer, Query, Route, html_answer, message_filters

if TYPE_CHECKING:
    from ..mock import PinpointMock

#: How often the page asks for new messages (milliseconds).
POLL_MS = 1000
#: How many cards ``ui/messages`` returns unless ``limit`` says otherwise.
DEFAULT_LIMIT = 200

#: The inbox runs its own inline script and talks only to this server.
_PAGE_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; font-src data:; frame-src 'self'"
)


def page(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    """``GET ui``: the inbox page."""
    if method not in ("GET", "HEAD"):
        return html_answer(405, f"{preview.escape(method)} not allowed on ui; use GET")
    return html_answer(200, inbox_page(), **{"Content-Security-Policy": _PAGE_CSP})


def messages(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    """``GET ui/messages``: the cards of the newest matching deliveries, newest first."""
    if method not in ("GET", "HEAD"):
        return html_answer(405, f"{preview.escape(method)} not allowed on ui/messages; use GET")
    query = {k: v for k, v in query.items() if v and v[-1] != ""}
    limit_text = query.pop("limit", [str(DEFAULT_LIMIT)])[-1]
    try:
        limit = int(limit_text)
    except ValueError:
        raise PinpointMockError(f"limit must be an integer, not {limit_text!r}") from None
    if limit < 1:
        raise PinpointMockError("limit must be at least 1")
    found = mock.sent.filter(**message_filters(query))
    shown = [s.to_dict() for s in found[-limit:]]
    html = preview.render_messages(
        shown, newest_first=True, empty="No messages yet (matching these filters)."
    )
    if len(found) > limit:
        html = f'<p class="meta">Showing the newest {limit} of {len(found)} messages.</p>' + html
    return html_answer(200, html, **{"X-Pinpoint-Count": str(len(found))})


def _options(values: tuple[str, ...], everything: str) -> str:
    return f'<option value="">{everything}</option>' + "".join(
        f'<option value="{preview.escape(v)}">{preview.escape(v)}</option>' for v in values
    )


@lru_cache(maxsize=1)
def inbox_script() -> str:
    """The page's script (``inbox.js``), with ``__POLL_MS__`` still to fill in."""
    return "\n" + files("pinpoint_mock.server").joinpath("inbox.js").read_text(encoding="utf-8")


def inbox_page(poll_ms: int = POLL_MS) -> str:
    """The inbox page: filters, a live status line and the cards, filled in by the script."""
    script = inbox_script().replace("__POLL_MS__", str(int(poll_ms)))
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
        f"<script>{script}</script></body></html>"
    )


#: The routes this module adds to the inspection API.
UI_ROUTES: dict[str, Route] = {"ui": page, "ui/messages": messages}
