"""The stylesheet of every preview: ``report.css`` (shipped beside this module) followed by the
rules made from the colours of the delivery statuses and of the test outcomes."""

from __future__ import annotations

from importlib.resources import files

from .markup import status_class

#: Background colour of each delivery status (text on it is white).
STATUS_COLOURS: dict[str, str] = {
    "SUCCESSFUL": "#1a7f37",
    "THROTTLED": "#bc4c00",
    "TEMPORARY_FAILURE": "#9a6700",
    "PERMANENT_FAILURE": "#cf222e",
    "UNKNOWN_FAILURE": "#8250df",
    "OPT_OUT": "#57606a",
    "DUPLICATE": "#0969da",
    "TIMEOUT": "#6e7781",
}
#: The colour of any other status (``report.css`` uses it for a pill without a status rule).
OTHER_COLOUR = "#6e7781"

#: Outcome of a test in the report: colour of its marker.
OUTCOME_COLOURS: dict[str, str] = {
    "passed": "#1a7f37",
    "failed": "#cf222e",
    "error": "#cf222e",
    "skipped": "#9a6700",
    "xfailed": "#9a6700",
    "xpassed": "#bc4c00",
}


def _stylesheet() -> str:
    static = files("pinpoint_mock.preview").joinpath("report.css").read_text(encoding="utf-8")
    status = "".join(
        f".pill.{status_class(s)}{{background:{c}}}.card.{status_class(s)}{{border-left-color:{c}}}"
        for s, c in STATUS_COLOURS.items()
    )
    outcome = "".join(f".outcome-{o}{{--outcome:{c}}}" for o, c in OUTCOME_COLOURS.items())
    return "\n" + static + status + outcome


#: The stylesheet of every preview (the report and the inbox page inline it).
STYLE = _stylesheet()
