"""Behaviour switches of a mock: every modelled assumption a test may want to change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Options:
    """Behaviour switches; each modelled assumption that a test may want to change is here."""

    validate: bool = True
    """Check every request against the contract (400 BadRequestException on errors)."""
    strict_applications: bool = False
    """Answer 404 NotFoundException for an application id no endpoint or create_app made."""
    skip_inactive: bool = True
    """INACTIVE endpoints are left out of Result (else they get PERMANENT_FAILURE)."""
    simulator: bool = True
    """Simulator addresses (``+throttled@``, ``+9995550101``…) decide outcomes."""
    multi_value: str = "first"
    """How a multi-element Substitutions list renders: ``first`` or ``join``."""
    sms_max_gsm7: int = 1530
    """The longest GSM-7 SMS body, in characters: 1,530 in the current End User Messaging docs
    ("SMS character limits"); 1,600 in the service model and older Pinpoint docs. Longer
    bodies are a per-endpoint PERMANENT_FAILURE "Invalid Message"."""
    default_application_id: str = "611e3e3cdd47474c9c1399a505665b91"
    end_of_support: bool = False
    """Answer the operations AWS retired with Pinpoint's end of support (2026-10-30) as the
    retired service does (403 ForbiddenException); the continuing ones keep working."""
