"""HTML previews of recorded deliveries and calls, shared by the pytest report and the inbox page.

Pure functions from the ``to_dict()`` JSON of :class:`~pinpoint_mock.recording.SentMessage` and
:class:`~pinpoint_mock.recording.Call` to HTML text: no I/O, every value HTML-escaped.

- :mod:`.markup`: escaping and the small pieces (status classes, field lists);
- :mod:`.style`: the status and outcome colours and the stylesheet (``report.css``);
- :mod:`.cards`: one delivery as a card, per channel (an email's HTML part in a sandboxed frame);
- :mod:`.page`: one call, one test, and the whole self-contained report page.
"""

from __future__ import annotations

from .cards import render_message, render_messages
from .markup import MAX_JSON_CHARS, escape, status_class
from .page import REPORT_CSP, render_call, render_report, render_test, status_counts
from .style import STATUS_COLOURS, STYLE

__all__ = [
    "MAX_JSON_CHARS",
    "REPORT_CSP",
    "STATUS_COLOURS",
    "STYLE",
    "escape",
    "render_call",
    "render_message",
    "render_messages",
    "render_report",
    "render_test",
    "status_class",
    "status_counts",
]
