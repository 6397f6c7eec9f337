"""Whether an event is still to come: a planned event is reported, not yet held (facts key ``planned``)."""
from __future__ import annotations

import functools
import re

from edugraph import gazetteer


@functools.cache
def _future(lang: str) -> re.Pattern:
    """The future markers of `lang` (data/gazetteers/events.yaml ``future_markers``) as one whole-word regex."""
    markers = gazetteer.load("events")["future_markers"]["ru" if lang == "ru" else "en"]
    return re.compile(r"(?<![\w-])(?:" + "|".join(markers) + r")(?![\w-])", re.I)


def starts_future(text: str, lang: str) -> bool:
    """Whether a text starts with a future marker of `lang` (any of them: «появится центр», «откроют школу», «будет
    открыт», "will open"), as the words at an action's trigger do when the action is still to come.

    >>> starts_future("появится первый центр", "ru"), starts_future("появился первый центр", "ru")
    (True, False)
    """
    return bool(_future(lang).match(text))


def tells_future(sentence: str, lang: str) -> bool:
    """Whether a sentence tells something to come («состоится», «откроют», «к 2022 году», "will").

    >>> tells_future("9 марта в Кванториуме состоится форум.", "ru")
    True
    >>> tells_future("9 марта в Кванториуме состоялся форум.", "ru")
    False
    >>> tells_future("The forum is scheduled for May.", "en")
    True
    """
    return bool(_future(lang).search(sentence))


def after_publication(date: str | None, published: str | None) -> bool:
    """Whether an ISO date, full or partial, is later than the publication date (compared to the shorter precision).

    >>> after_publication("2023-09-01", "2023-03-07")
    True
    >>> after_publication("2023", "2023-03-07")
    False
    >>> after_publication("2023-03-07", None)
    False
    """
    if not date or not published:
        return False
    n = min(len(date), len(published[:10]))
    return date[:n] > published[:n]
