"""Plain data: the one-step constructor of frozen records."""

from __future__ import annotations

import dataclasses

import pytest

from pinpoint_mock.models import Endpoint, RenderedMessage, frozen


def test_frozen_makes_the_same_record_as_its_init() -> None:
    fields = {f.name: None for f in dataclasses.fields(RenderedMessage)}
    fields.update(channel="SMS", body="hi", substitutions={}, fields={}, unresolved=())
    made = frozen(RenderedMessage, dict(fields))
    assert made == RenderedMessage(**fields)
    assert repr(made) == repr(RenderedMessage(**fields))
    assert dataclasses.asdict(made) == fields
    assert made.has_content
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.body = "changed"  # type: ignore[misc]


def test_frozen_records_work_with_replace() -> None:
    original = Endpoint("app", "e1", "SMS", "+12065550100", "u1")
    made = frozen(
        Endpoint, {f.name: getattr(original, f.name) for f in dataclasses.fields(Endpoint)}
    )
    assert made == original
    assert dataclasses.replace(made, address="+12065550199").address == "+12065550199"


def test_statuses_and_channels_are_literal_types() -> None:
    from typing import get_args

    from pinpoint_mock import Channel, DeliveryStatus
    from pinpoint_mock.models import CHANNELS, DELIVERY_STATUSES

    assert get_args(DeliveryStatus) == DELIVERY_STATUSES
    assert "SUCCESSFUL" in DELIVERY_STATUSES
    assert len(DELIVERY_STATUSES) == 7
    assert get_args(Channel) == CHANNELS
    assert {"SMS", "EMAIL", "PUSH"} <= set(CHANNELS)


def test_the_service_words_are_the_scripts_vocabulary() -> None:
    from pinpoint_mock.models import SERVICE_STATUS_WORDS
    from pinpoint_mock.script.decisions import SERVICE_STATUSES

    assert set(SERVICE_STATUS_WORDS) == set(SERVICE_STATUSES)
