"""The listed institutions (data/gazetteers/institutions.yaml) a text names, as organisation mentions: the names NER
and the rules missed («МГИМО», «Рособрнадзора», "Russian Railways")."""

from __future__ import annotations

from collections.abc import Callable

from edugraph import gazetteer
from edugraph.extract.mentions import Mention


def institution_mentions(text: str, lang: str, taken: set[int],
                         keep: Callable[[int, int], bool] | None = None) -> list[Mention]:
    """Mentions of the listed institutions in a text of language `lang` (`gazetteer.find_institutions`) that overlap
    no position in `taken` and that `keep(start, end)` accepts, in text order; `taken` gains their positions.

    >>> taken = set(range(0, 4))
    >>> [m.value for m in institution_mentions("МГУ и МГИМО, Рособрнадзор", "ru", taken)]
    ['МГИМО', 'Рособрнадзор']
    """
    found = []
    for start, end in gazetteer.find_institutions(text, lang):
        if taken.isdisjoint(range(start, end)) and (keep is None or keep(start, end)):
            found.append(Mention(start, end, text[start:end]))
            taken.update(range(start, end))
    return found
