"""Recording: what the fake was sent and how it answered.

- :mod:`.records`: :class:`Call` (one per HTTP call) and :class:`SentMessage` (one per delivery);
- :mod:`.deliveries`: a send call's deliveries as flat rows until first read;
- :mod:`.log`: the :class:`CallLog` and its live :class:`Records` views; :class:`Made` for
  deliveries recorded at once.
"""

from __future__ import annotations

from .deliveries import Deliveries
from .log import CallLog, Kept, Made, Records
from .records import Call, PushFields, SentMessage

__all__ = ["Call", "CallLog", "Deliveries", "Kept", "Made", "PushFields", "Records", "SentMessage"]
