"""Who may use the control API (``/_aws/pinpoint/``): the checks against DNS rebinding and
cross-site requests, and the checks of values that end up in a response's status line or
headers.

- ``Host`` must name loopback (``localhost``, ``*.localhost``, ``127.0.0.0/8``, ``::1``), the
  address the server is bound to, or a name allowed with ``allowed_hosts`` (``"*"``: any). A
  page that rebinds its own name to 127.0.0.1 still sends its own name, and is refused.
- A write (any method but GET, HEAD and OPTIONS) is refused when it comes from another site:
  an ``Origin`` that is not ``http://<Host>``, or ``Sec-Fetch-Site: cross-site``. A POST, PUT or
  PATCH must say ``Content-Type: application/json``, which a page cannot send to another origin
  without the CORS preflight this server never grants.
- A scripted fault's ``code`` must be an exception name (a letter, then letters, digits or
  ``_.:#``; at most 128) and its ``status`` 400 to 599.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from ..errors import PinpointMockError

_LOOPBACK_NAMES = frozenset(("localhost", "localhost.", "ip6-localhost", "ip6-loopback"))
_WILDCARD_BINDS = frozenset(("", "0.0.0.0", "::"))
_FAULT_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:#]{0,127}$")
_SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
_BODY_METHODS = frozenset(("POST", "PUT", "PATCH"))


def host_name(value: str) -> str | None:
    """The host part of a ``Host`` header (``[::1]:4599`` -> ``::1``), lower-cased; None when
    it is not a host[:port]."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0 or (value[end + 1 :] and not re.fullmatch(r":\d{1,5}", value[end + 1 :])):
            return None
        return value[1:end]
    name, _, port = value.partition(":")
    if port and not port.isdigit():
        return None
    return name or None


def is_loopback(name: str) -> bool:
    """``localhost`` and its subdomains, 127.0.0.0/8 and ::1."""
    if name in _LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class Guard:
    """The checks for one server: its bound address and the extra names it answers to."""

    def __init__(self, bound_host: str, allowed_hosts: Iterable[str] = ()) -> None:
        self.allowed = {name.strip().lower().strip("[]") for name in allowed_hosts}
        bound = bound_host.strip().lower().strip("[]")
        if bound not in _WILDCARD_BINDS:
            self.allowed.add(bound)

    def host_allowed(self, host: str | None) -> bool:
        if "*" in self.allowed:
            return True
        name = host_name(host or "")
        return name is not None and (is_loopback(name) or name in self.allowed)

    def refusal(self, method: str, headers: Mapping[str, str]) -> str | None:
        """Why a control request is refused (403), or None."""
        lower = {k.lower(): v for k, v in headers.items()}
        host = lower.get("host")
        if not self.host_allowed(host):
            return (
                f"Host {host!r} is not this server's: the control API answers loopback names "
                "and the bound address (allow more with --allowed-host)"
            )
        if method.upper() in _SAFE_METHODS:
            return None
        origin = lower.get("origin")
        if origin is not None and not _same_origin(origin, host or ""):
            return f"cross-site request refused: Origin {origin!r} is not this server's"
        if lower.get("sec-fetch-site", "").lower() == "cross-site":
            return "cross-site request refused (Sec-Fetch-Site: cross-site)"
        if method.upper() in _BODY_METHODS:
            media = lower.get("content-type", "").split(";", 1)[0].strip().lower()
            if media != "application/json":
                return (
                    f"{method} needs Content-Type: application/json (got {media or 'none'!r}); "
                    "this keeps web pages from writing here"
                )
        return None


def _same_origin(origin: str, host: str) -> bool:
    parts = urlsplit(origin.strip().lower())
    return parts.scheme == "http" and parts.netloc == host.strip().lower() and not parts.path


def check_fault(code: object, status: object) -> None:
    """A fault's code must be an exception name and its status an HTTP error status."""
    if not isinstance(code, str) or not _FAULT_CODE.match(code):
        raise PinpointMockError(
            f"field 'code' must be an exception name (a letter, then letters, digits or _.:#, "
            f"at most 128), got {code!r}"
        )
    if status is not None and (
        isinstance(status, bool) or not isinstance(status, int) or not 400 <= status <= 599
    ):
        raise PinpointMockError(
            f"field 'status' must be an HTTP error status 400-599, got {status!r}"
        )


__all__ = ["Guard", "check_fault", "host_name", "is_loopback"]
