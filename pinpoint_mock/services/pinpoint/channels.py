"""The channel operations: Get/Update/Delete for SMS, EMAIL, VOICE, APNS (and its sandbox and
VoIP variants), GCM, BAIDU and ADM, and GetChannels; with the ``Enabled`` flag sends respect.

The service's rules as modelled: a channel never configured answers GetXChannel with 404
NotFoundException; UpdateXChannel creates or updates it (``Version`` counts the updates;
``Enabled`` left out keeps its value, true on creation); secrets (certificates, keys, client
secrets) are never answered back, only ``HasCredential``/``HasTokenKey``; DeleteXChannel answers
the channel as it was.

Modelled assumptions: a channel no test configured delivers (the fake's permissive default, so
sends work without set-up); a channel disabled by ``Enabled: false`` or deleted makes every
delivery on it a PERMANENT_FAILURE with :data:`DISABLED_CODE` and :data:`DISABLED_MESSAGE`
(recorded with the rule ``derived:channel-disabled``).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from ...directory import now_iso
from ...errors import ServiceError
from ...request import Request
from ...script import Decision
from ...wire import Route, json_response
from ..base import Answered, Core, Operation
from .body import read_body

DISABLED_CODE = 400
DISABLED_MESSAGE = "Channel is disabled"
DISABLED = Decision(
    "PERMANENT_FAILURE", DISABLED_CODE, DISABLED_MESSAGE, "derived:channel-disabled"
)

#: Platform -> (the operations' infix, the path segment); the endpoint channel types of the
#: same name are served by it.
PLATFORMS: dict[str, tuple[str, str]] = {
    "SMS": ("Sms", "sms"),
    "EMAIL": ("Email", "email"),
    "VOICE": ("Voice", "voice"),
    "APNS": ("Apns", "apns"),
    "APNS_SANDBOX": ("ApnsSandbox", "apns_sandbox"),
    "APNS_VOIP": ("ApnsVoip", "apns_voip"),
    "APNS_VOIP_SANDBOX": ("ApnsVoipSandbox", "apns_voip_sandbox"),
    "GCM": ("Gcm", "gcm"),
    "BAIDU": ("Baidu", "baidu"),
    "ADM": ("Adm", "adm"),
}
_APNS = ("APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX")
#: Request members answered back as they were given, per platform.
_ECHOED: dict[str, tuple[str, ...]] = {
    "SMS": ("SenderId", "ShortCode"),
    "EMAIL": (
        "ConfigurationSet", "FromAddress", "Identity", "RoleArn", "OrchestrationSendingRoleArn",
    ),
    **dict.fromkeys(_APNS, ("DefaultAuthenticationMethod",)),
    "GCM": ("DefaultAuthenticationMethod",),
}  # fmt: skip
#: Request members that are credentials (never answered back).
_SECRETS = (
    "Certificate", "PrivateKey", "TokenKey", "ApiKey", "SecretKey", "ClientSecret", "ServiceJson",
)  # fmt: skip
#: Fixed throughput figures the service answers (its defaults for a new account).
_RATES: dict[str, dict[str, int]] = {
    "SMS": {"PromotionalMessagesPerSecond": 20, "TransactionalMessagesPerSecond": 20},
    "EMAIL": {"MessagesPerSecond": 1},
}


class Channels:
    """Each application's configured channels. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._channels: dict[tuple[str, str], dict[str, Any]] = {}
        self._off: set[tuple[str, str]] = set()

    def get(self, application_id: str, platform: str) -> dict[str, Any] | None:
        return self._channels.get((application_id, platform))

    def update(self, application_id: str, platform: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """Create or update a channel from its request; returns its state."""
        with self._lock:
            key = (application_id, platform)
            old = self._channels.get(key)
            stamp = now_iso()
            state: dict[str, Any] = (
                dict(old) if old else {"CreationDate": stamp, "Version": 0, "Enabled": True}
            )
            state.update({k: body[k] for k in _ECHOED.get(platform, ()) if k in body})
            if "Enabled" in body:
                state["Enabled"] = bool(body["Enabled"])
            if any(body.get(k) for k in _SECRETS):
                state["HasCredential"] = True
            if body.get("TokenKey"):
                state["HasTokenKey"] = True
            if body.get("ServiceJson"):
                state["HasFcmServiceCredentials"] = True
            if platform in ("GCM", "BAIDU") and body.get("ApiKey"):
                state["Credential"] = body["ApiKey"]
            state["LastModifiedDate"] = stamp
            state["Version"] += 1
            self._channels[key] = state
            self._set_off(key, not state["Enabled"])
            return state

    def delete(self, application_id: str, platform: str) -> dict[str, Any] | None:
        with self._lock:
            key = (application_id, platform)
            state = self._channels.pop(key, None)
            if state is not None:
                self._set_off(key, True)
            return state

    def _set_off(self, key: tuple[str, str], off: bool) -> None:
        if off:
            self._off.add(key)
        else:
            self._off.discard(key)

    def configured(self, application_id: str) -> dict[str, dict[str, Any]]:
        return {p: s for (app, p), s in self._channels.items() if app == application_id}

    def decision(self, application_id: str, channel: str) -> Decision | None:
        """What a delivery on ``channel`` in the application gets from its channel's state:
        :data:`DISABLED` when disabled or deleted, else None (one lookup per channel of a
        send, not per delivery)."""
        if not self._off:
            return None
        return DISABLED if (application_id, channel) in self._off else None

    def clear(self) -> None:
        with self._lock:
            self._channels.clear()
            self._off.clear()


def channel_response(
    application_id: str, platform: str, state: Mapping[str, Any]
) -> dict[str, Any]:
    """A channel's state as its XChannelResponse."""
    out: dict[str, Any] = {
        "ApplicationId": application_id,
        "CreationDate": state["CreationDate"],
        "Enabled": state["Enabled"],
        "HasCredential": state.get("HasCredential", False),
        "Id": PLATFORMS[platform][1],
        "IsArchived": False,
        "LastModifiedDate": state["LastModifiedDate"],
        "Platform": platform,
        "Version": state["Version"],
    }
    out.update(_RATES.get(platform, {}))
    for key in ("HasTokenKey", "HasFcmServiceCredentials"):
        if key in state or (key == "HasTokenKey" and platform in _APNS):
            out[key] = state.get(key, False)
    for key in (*_ECHOED.get(platform, ()), "Credential"):
        if key in state:
            out[key] = state[key]
    if platform == "BAIDU":
        out.setdefault("Credential", "")
    return out


def _known(core: Core, route: Route, request: Request) -> str:
    application_id = route.params["application_id"]
    core.check_application(application_id, request)
    return application_id


def _operations(platform: str) -> dict[str, Operation]:
    infix = PLATFORMS[platform][0]
    update_name = f"Update{infix}Channel"

    def get(
        core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered:
        application_id = _known(core, route, request)
        state = core.store(Channels).get(application_id, platform)
        if state is None:
            raise ServiceError("NotFoundException", "Resource not found")
        return Answered(
            json_response(200, channel_response(application_id, platform, state), request_id)
        )

    def update(
        core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered:
        body, warnings = read_body(request, update_name, validate=core.options.validate)
        application_id = _known(core, route, request)
        state = core.store(Channels).update(application_id, platform, body)
        response = channel_response(application_id, platform, state)
        return Answered(json_response(200, response, request_id), None, warnings)

    def delete(
        core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered:
        application_id = _known(core, route, request)
        state = core.store(Channels).delete(application_id, platform)
        if state is None:
            raise ServiceError("NotFoundException", "Resource not found")
        return Answered(
            json_response(200, channel_response(application_id, platform, state), request_id)
        )

    return {
        f"Get{infix}Channel": get,
        update_name: update,
        f"Delete{infix}Channel": delete,
    }


def get_channels(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    application_id = _known(core, route, request)
    channels: dict[str, Any] = {}
    for platform, state in core.store(Channels).configured(application_id).items():
        full = channel_response(application_id, platform, state)
        channels[platform] = {
            k: full[k]
            for k in (
                "ApplicationId", "CreationDate", "Enabled", "HasCredential", "Id",
                "IsArchived", "LastModifiedDate", "Version",
            )
        }  # fmt: skip
    # The service always lists the in-app channel, enabled, never configured.
    channels["IN_APP"] = {"Enabled": True, "IsArchived": False, "Version": 0}
    return Answered(json_response(200, {"Channels": channels}, request_id))


#: Every channel operation by name.
OPERATIONS: dict[str, Operation] = {
    name: operation for platform in PLATFORMS for name, operation in _operations(platform).items()
}
OPERATIONS["GetChannels"] = get_channels

#: (method, path pattern after the application, operation) of every channel operation.
ROUTES: tuple[tuple[str, str, str], ...] = (
    *(
        (method, f"/channels/{segment}", f"{verb}{infix}Channel")
        for infix, segment in PLATFORMS.values()
        for method, verb in (("GET", "Get"), ("PUT", "Update"), ("DELETE", "Delete"))
    ),
    ("GET", "/channels", "GetChannels"),
)
