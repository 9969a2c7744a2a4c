"""SMS encoding facts: GSM-7 vs UCS-2, message length and segment count.

A message is sent as GSM-7 when every character is in the GSM 03.38 basic set or its extension
table (extension characters take two septets); otherwise the whole message goes out as UCS-2,
counted in UTF-16 code units. A single message carries 160 GSM-7 or 70 UCS-2 units; split
messages carry 153 or 67 per part. AWS End User Messaging sends at most 1,530 GSM-7 or 630
UCS-2 characters per message ("SMS character limits",
https://docs.aws.amazon.com/sms-voice/latest/userguide/sms-limitations-character.html); the
service model still allows 1,600, and older Pinpoint docs said 1,600 (a mock option restores
it: ``sms_max_gsm7``).

Any text can be analysed: a lone surrogate (``"\ud800"``, which no request body can carry, see
:mod:`pinpoint_mock.contract.parsing`) counts as one UTF-16 unit, as a JavaScript string would.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("^{}\\[~]|€\f")

MAX_GSM7_CHARS = 1530
MAX_UCS2_CHARS = 630

Encoding = Literal["GSM-7", "UCS-2"]


@dataclass(frozen=True)
class SmsInfo:
    encoding: Encoding
    units: int
    """Septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2."""
    characters: int
    segments: int

    @property
    def too_long(self) -> bool:
        return self.exceeds(MAX_GSM7_CHARS)

    def exceeds(self, gsm7_limit: int) -> bool:
        """Longer than one message may be: ``gsm7_limit`` GSM-7 or 630 UCS-2 characters."""
        return self.characters > (gsm7_limit if self.encoding == "GSM-7" else MAX_UCS2_CHARS)

    @property
    def limit(self) -> int:
        return MAX_GSM7_CHARS if self.encoding == "GSM-7" else MAX_UCS2_CHARS


def analyse(text: str) -> SmsInfo:
    """Encoding, length and segment count of an SMS body."""
    extension = 0
    for char in text:
        if char in GSM_BASIC:
            continue
        if char in GSM_EXTENSION:
            extension += 1
            continue
        units = len(text.encode("utf-16-le", "surrogatepass")) // 2  # a lone surrogate: 1 unit
        return SmsInfo("UCS-2", units, len(text), _segments(units, 70, 67))
    units = len(text) + extension
    return SmsInfo("GSM-7", units, len(text), _segments(units, 160, 153))


def _segments(units: int, single: int, part: int) -> int:
    if units <= single:
        return 1
    return -(-units // part)
