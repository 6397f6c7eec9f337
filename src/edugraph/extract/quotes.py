"""Where the «…» quotes of a text open and close, found once: `mentions.inside_quotes` and `inside_quoted_name` for
many positions of one text, each by bisection instead of a search back to the text's start."""

from __future__ import annotations

import bisect
import re

from edugraph.extract.mentions import QUOTED_NAME


class Quotes:
    """The positions of «» in one text.

    >>> quotes = Quotes("Центр «Точка роста» открыт. «" + "слово " * 20)
    >>> quotes.inside(7), quotes.inside(2), quotes.inside_name(7), quotes.inside_name(40)
    (True, False, True, False)
    """

    def __init__(self, text: str):
        self.length = len(text)
        self.opens = [m.start() for m in re.finditer("«", text)]
        self.closes = [m.start() for m in re.finditer("»", text)]

    @staticmethod
    def _last_before(positions: list[int], pos: int) -> int:
        index = bisect.bisect_left(positions, pos)
        return positions[index - 1] if index else -1

    def inside(self, pos: int) -> bool:
        """True when `pos` lies inside «…» (as `mentions.inside_quotes`)."""
        return self._last_before(self.opens, pos) > self._last_before(self.closes, pos)

    def inside_name(self, pos: int) -> bool:
        """True when `pos` lies inside a quoted name, not quoted speech (as `mentions.inside_quoted_name`)."""
        if not self.inside(pos):
            return False
        index = bisect.bisect_left(self.closes, pos)
        end = self.closes[index] if index < len(self.closes) else self.length
        return end - self._last_before(self.opens, pos) <= QUOTED_NAME
