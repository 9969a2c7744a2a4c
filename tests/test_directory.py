from __future__ import annotations

import pytest

from pinpoint_mock.directory import Directory
from pinpoint_mock.errors import ServiceError
from pinpoint_mock.limits import MAX_ENDPOINTS_PER_USER
from pinpoint_mock.models import Endpoint

APP = "app"


def endpoint(
    endpoint_id: str, channel: str = "SMS", user: str | None = "u1", **kw: object
) -> Endpoint:
    return Endpoint(APP, endpoint_id, channel, f"addr-{endpoint_id}", user, **kw)  # type: ignore[arg-type]


def test_user_endpoints_in_registration_order() -> None:
    d = Directory()
    d.put(endpoint("b"))
    d.put(endpoint("a", "EMAIL"))
    assert [e.endpoint_id for e in d.for_user(APP, "u1")] == ["b", "a"]
    assert d.for_user(APP, "nobody") == []
    assert d.for_user("other-app", "u1") == []


def test_dates_are_set_like_the_service() -> None:
    stored = Directory().put(endpoint("a"))
    assert stored.effective_date.endswith("Z")
    assert len(stored.effective_date) == len("2019-01-28T23:55:11.534Z")


def test_sixteenth_non_push_endpoint_is_refused() -> None:
    d = Directory()
    for i in range(MAX_ENDPOINTS_PER_USER):
        d.put(endpoint(f"e{i}"))
    with pytest.raises(ServiceError) as info:
        d.put(endpoint("e16", "EMAIL"))
    assert info.value.code == "BadRequestException"
    assert "Exceeded maximum endpoint per user count 15" in info.value.message
    assert len(d.for_user(APP, "u1")) == 15


def test_sixteenth_push_endpoint_retires_the_oldest_push_endpoint() -> None:
    d = Directory()
    d.put(endpoint("push-old", "APNS", effective_date="2020-01-01T00:00:00.000Z"))
    d.put(endpoint("push-new", "GCM", effective_date="2021-01-01T00:00:00.000Z"))
    for i in range(13):
        d.put(endpoint(f"sms{i}"))
    d.put(endpoint("push-16", "GCM"))
    ids = [e.endpoint_id for e in d.for_user(APP, "u1")]
    assert "push-old" not in ids
    assert "push-16" in ids
    retired = d.get(APP, "push-old")
    assert retired is not None
    assert (retired.status, retired.user_id) == ("INACTIVE", None)


def test_updating_an_endpoint_keeps_its_creation_date_and_moves_users() -> None:
    d = Directory()
    first = d.put(endpoint("a", creation_date="2020-01-01T00:00:00.000Z"))
    second = d.put(endpoint("a", user="u2"))
    assert second.creation_date == first.creation_date
    assert d.for_user(APP, "u1") == []
    assert [e.endpoint_id for e in d.for_user(APP, "u2")] == ["a"]


def test_same_address_makes_the_older_endpoint_inactive_on_request() -> None:
    d = Directory()
    d.put(Endpoint(APP, "old", "SMS", "+1", "u1"))
    d.put(Endpoint(APP, "new", "SMS", "+1", "u2"), deactivate_same_address=True)
    old = d.get(APP, "old")
    assert old is not None
    assert old.status == "INACTIVE"


def test_user_attributes_are_synced_across_the_users_endpoints() -> None:
    d = Directory()
    d.put(endpoint("a"))
    d.put(endpoint("b", user_attributes={"FirstName": ["Ana"]}))
    first = d.get(APP, "a")
    assert first is not None
    assert first.user_attributes == {"FirstName": ["Ana"]}


def test_delete_and_delete_user() -> None:
    d = Directory()
    d.put(endpoint("a"))
    d.put(endpoint("b"))
    removed = d.delete(APP, "a")
    assert removed is not None
    assert [e.endpoint_id for e in d.for_user(APP, "u1")] == ["b"]
    assert [e.endpoint_id for e in d.delete_user(APP, "u1")] == ["b"]
    assert d.endpoints(APP) == []
    assert d.delete(APP, "zzz") is None


def test_unknown_channel_is_refused() -> None:
    with pytest.raises(ServiceError, match="ChannelType 'FAX'"):
        Directory().put(endpoint("a", "FAX"))


def test_endpoint_ids_are_case_insensitive() -> None:
    d = Directory()
    d.put(endpoint("Phone-1"))
    updated = d.put(endpoint("PHONE-1", user="u2"))
    assert updated.endpoint_id == "Phone-1"  # the first spelling stays
    assert d.get(APP, "phone-1") is not None
    assert [e.endpoint_id for e in d.for_user(APP, "u2")] == ["Phone-1"]
    assert d.for_user(APP, "u1") == []
    assert d.delete(APP, "pHoNe-1") is not None
    assert d.endpoints(APP) == []


def test_for_user_can_leave_out_inactive_endpoints() -> None:
    d = Directory()
    d.put(Endpoint(APP, "a", "SMS", "+12065550100", "u1", status="INACTIVE"))
    d.put(Endpoint(APP, "b", "EMAIL", "ana@example.com", "u1"))
    d.put(Endpoint(APP, "c", "SMS", "+12065550101", "u1"))
    assert [e.endpoint_id for e in d.for_user(APP, "u1", active_only=True)] == ["b", "c"]
    assert [e.endpoint_id for e in d.for_user(APP, "u1")] == ["a", "b", "c"]
    assert d.for_user(APP, "nobody", active_only=True) == []


def test_active_endpoints_follow_every_change() -> None:
    d = Directory()
    d.put(Endpoint(APP, "a", "SMS", "+12065550100", "u1"))
    assert [e.endpoint_id for e in d.for_user(APP, "u1", active_only=True)] == ["a"]
    d.put(Endpoint(APP, "b", "SMS", "+12065550100", "u1"), deactivate_same_address=True)
    assert [e.endpoint_id for e in d.for_user(APP, "u1", active_only=True)] == ["b"]
    d.put(Endpoint(APP, "c", "EMAIL", "ana@example.com", "u1"))
    assert [e.endpoint_id for e in d.for_user(APP, "u1", active_only=True)] == ["b", "c"]
    d.delete(APP, "B")
    assert [e.endpoint_id for e in d.for_user(APP, "u1", active_only=True)] == ["c"]
    d.put(Endpoint(APP, "c", "EMAIL", "ana@example.com", "u2"))  # moved to another user
    assert d.for_user(APP, "u1", active_only=True) == []
    d.delete_user(APP, "u2")
    assert d.for_user(APP, "u2", active_only=True) == []
    d.put(Endpoint(APP, "d", "SMS", "+12065550101", "u3"))
    d.clear()
    assert d.for_user(APP, "u3", active_only=True) == []


def test_user_views_are_made_once_and_forgotten_on_every_change() -> None:
    d = Directory()
    made: list[list[str]] = []

    def ids(endpoints: list[Endpoint]) -> tuple[str, ...]:
        made.append([e.endpoint_id for e in endpoints])
        return tuple(e.endpoint_id for e in endpoints)

    d.put(Endpoint(APP, "a", "SMS", "+12065550100", "u1"))
    d.put(Endpoint(APP, "b", "SMS", "+12065550101", "u1", status="INACTIVE"))
    assert d.user_view(APP, "u1", ids) == ("a",)
    assert d.user_view(APP, "u1", ids) == ("a",)
    assert d.user_view(APP, "u1", ids, active_only=False) == ("a", "b")
    assert made == [["a"], ["a", "b"]]  # once per kind of view
    d.put(Endpoint(APP, "c", "EMAIL", "ana@example.com", "u1"))
    assert d.user_view(APP, "u1", ids) == ("a", "c")
    d.delete(APP, "a")
    assert d.user_view(APP, "u1", ids) == ("c",)
    d.delete_user(APP, "u1")
    assert d.user_view(APP, "u1", ids) == ()
    d.put(Endpoint(APP, "d", "SMS", "+12065550102", "u1"))
    assert d.user_view(APP, "u1", ids) == ("d",)
    d.clear()
    assert d.user_view(APP, "u1", ids) == ()
    assert d.user_view(APP, "nobody", ids) == ()
