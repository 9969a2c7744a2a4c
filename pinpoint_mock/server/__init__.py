"""The standalone HTTP server: any SDK pointed at it with an endpoint URL gets the mock.

Modules, each importing only those below it: ``handle`` (the ``pinpoint_server`` fixture's
handle) -> ``app`` (the HTTP front) -> ``inspection`` (the ``/_aws/pinpoint/`` API) -> ``ui``
(the inbox page) -> ``answers`` (what the routes share); ``signature`` verifies SigV4.
"""

from ..limits import DEFAULT_PORT
from .app import PinpointServer
from .handle import ServerHandle

__all__ = ["DEFAULT_PORT", "PinpointServer", "ServerHandle"]
