"""The inbox routes of the inspection API (``/_aws/pinpoint/ui``), over HTTP without a browser."""

from __future__ import annotations

import urllib.error
import urllib.request
from importlib.resources import files

import pytest

from pinpoint_mock import preview
from pinpoint_mock.server import PinpointServer, ui
from tests.html_helpers import parse


def get(server: PinpointServer, path: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    headers = {} if method == "GET" else {"Content-Type": "application/json"}
    request = urllib.request.Request(server.url + path, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read().decode()


def send(server: PinpointServer, users: dict[str, dict[str, object]], body: str) -> None:
    import boto3

    boto3.client("pinpoint", region_name="us-east-1", endpoint_url=server.url).send_users_messages(
        ApplicationId=server.mock.application_id,
        SendUsersMessageRequest={
            "MessageConfiguration": {"SMSMessage": {"Body": body}},
            "Users": users,
        },
    )


def test_page_is_html_with_filters_and_a_script(server: PinpointServer) -> None:
    status, headers, html = get(server, "/_aws/pinpoint/ui")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    page = parse(html)
    names = [t.attrs.get("name") for t in page.tags if t.name in ("input", "select")]
    assert names == ["userId", "channel", "status", "applicationId"]
    assert len(page.find("script")) == 1
    assert get(server, "/_aws/pinpoint/ui/")[0] == 200
    assert get(server, "/_aws/pinpoint/ui", "POST")[0] == 405


def test_messages_fragment_newest_first_filtered_and_limited(server: PinpointServer) -> None:
    for user in ("u1", "u2"):
        server.mock.add_endpoint(user_id=user, channel="SMS", address=f"+1206555012{user[-1]}")
    send(server, {"u1": {}, "u2": {}}, "<first> & send")
    send(server, {"u1": {}}, "second send")

    status, headers, html = get(server, "/_aws/pinpoint/ui/messages")
    assert status == 200
    assert headers["X-Pinpoint-Count"] == "3"
    assert html.index("second send") < html.index("&lt;first&gt; &amp; send")
    assert "<first>" not in html

    _, headers, html = get(server, "/_aws/pinpoint/ui/messages?userId=u2&channel=&status=")
    assert headers["X-Pinpoint-Count"] == "1"  # empty form fields are ignored
    assert [t.attrs["data-user"] for t in parse(html).find("article", "card")] == ["u2"]

    _, headers, html = get(server, "/_aws/pinpoint/ui/messages?limit=1")
    assert headers["X-Pinpoint-Count"] == "3"
    assert "Showing the newest 1 of 3 messages." in parse(html).text
    assert len(parse(html).find("article", "card")) == 1

    _, headers, html = get(server, "/_aws/pinpoint/ui/messages?status=OPT_OUT")
    assert headers["X-Pinpoint-Count"] == "0"
    assert "No messages yet" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [("limit=x", "limit must be an integer"), ("limit=0", "at least 1"), ("bogus=1", "bogus")],
)
def test_bad_queries_get_a_400(server: PinpointServer, query: str, message: str) -> None:
    status, _, body = get(server, f"/_aws/pinpoint/ui/messages?{query}")
    assert status == 400
    assert message in body


def test_inspection_routes_list_the_ui(server: PinpointServer) -> None:
    status, _, body = get(server, "/_aws/pinpoint/nope")
    assert status == 404
    assert "ui, ui/messages" in body


def test_the_page_inlines_the_shipped_script_and_the_preview_style() -> None:
    shipped = files("pinpoint_mock.server").joinpath("inbox.js").read_text(encoding="utf-8")
    assert "__POLL_MS__" in shipped
    html = ui.inbox_page(poll_ms=250)
    assert shipped.replace("__POLL_MS__", "250") in html
    assert "setTimeout(poll, 250)" in html
    assert "__POLL_MS__" not in html
    assert f"<style>{preview.STYLE}</style>" in html
