"""The standalone HTTP server: any SDK pointed at it with an endpoint URL gets the engine."""

from .app import DEFAULT_PORT, PinpointServer, ServerHandle

__all__ = ["DEFAULT_PORT", "PinpointServer", "ServerHandle"]
