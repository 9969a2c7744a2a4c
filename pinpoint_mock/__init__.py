"""pinpoint-mock: a contract-tested fake of Amazon Pinpoint SendUsersMessages for test suites.

Names are imported lazily so that importing the package (and the pytest plugin) stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

_EXPORTS = {
    "mock_pinpoint": "pinpoint_mock.mock",
    "PinpointMock": "pinpoint_mock.mock",
    "Endpoint": "pinpoint_mock.models",
    "Channel": "pinpoint_mock.models",
    "DeliveryStatus": "pinpoint_mock.models",
    "SentMessage": "pinpoint_mock.recording",
    "Call": "pinpoint_mock.recording",
    "ServiceError": "pinpoint_mock.errors",
    "UnsupportedOperationError": "pinpoint_mock.errors",
    "validate": "pinpoint_mock.contract",
    "Report": "pinpoint_mock.contract",
    "Violation": "pinpoint_mock.contract",
    "PinpointMockError": "pinpoint_mock.errors",
    "ContractError": "pinpoint_mock.errors",
    "PinpointContractWarning": "pinpoint_mock.errors",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .contract import Report as Report
    from .contract import Violation as Violation
    from .contract import validate as validate
    from .errors import ContractError as ContractError
    from .errors import PinpointContractWarning as PinpointContractWarning
    from .errors import PinpointMockError as PinpointMockError
    from .errors import ServiceError as ServiceError
    from .errors import UnsupportedOperationError as UnsupportedOperationError
    from .mock import PinpointMock as PinpointMock
    from .mock import mock_pinpoint as mock_pinpoint
    from .models import Channel as Channel
    from .models import DeliveryStatus as DeliveryStatus
    from .models import Endpoint as Endpoint
    from .recording import Call as Call
    from .recording import SentMessage as SentMessage


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pinpoint_mock' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
