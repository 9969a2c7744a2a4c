"""The stylesheet: shipped as package data, one colour per delivery status, nothing fetched."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from pinpoint_mock import preview
from pinpoint_mock.models import DELIVERY_STATUSES
from pinpoint_mock.preview import style
from tests.html_helpers import parse
from tests.preview.helpers import delivery


@pytest.mark.parametrize("status", [*DELIVERY_STATUSES, "TIMEOUT"])
def test_cards_are_coloured_by_status(status: str) -> None:
    html = preview.render_message(delivery(delivery_status=status, status_code=400))
    cls = preview.status_class(status)
    (card,) = parse(html).find("article", cls, data_status=status)
    assert cls in parse(html).find("span", "pill")[0].classes
    colour = preview.STATUS_COLOURS[status]
    assert f".card.{cls}{{border-left-color:{colour}}}" in preview.STYLE
    assert f".pill.{cls}{{background:{colour}}}" in preview.STYLE
    assert card.attrs["data-status"] == status


def test_status_colours_are_distinct_for_the_model_statuses() -> None:
    colours = [preview.STATUS_COLOURS[s] for s in DELIVERY_STATUSES]
    assert len(set(colours)) == len(colours)
    assert preview.status_class("<x y>") == "status-x-y"


def test_the_stylesheet_is_the_shipped_css_then_the_colour_rules() -> None:
    shipped = files("pinpoint_mock.preview").joinpath("report.css").read_text(encoding="utf-8")
    assert ".card{" in shipped
    assert preview.STYLE.startswith("\n" + shipped)
    rules = preview.STYLE[len(shipped) + 1 :]
    assert rules.count("border-left-color") == len(style.STATUS_COLOURS)
    assert rules.endswith(".outcome-xpassed{--outcome:#bc4c00}")
    assert f"background:{style.OTHER_COLOUR};" in shipped  # a pill with an unknown status


def test_no_fonts_or_images_are_fetched() -> None:
    assert not re.search(r"url\(", preview.STYLE)
    assert "@import" not in preview.STYLE
