"""Initiatives of an article: the gazetteer's, then programmes and projects named in quotes after their kind.

News names a programme outside the gazetteer the way it names the national projects: a qualified kind word
followed by the quoted name — «Всероссийского образовательного проекта «ТехноАрт Чайковский»», "the school network
project “School of Living in the North”". The qualifier (all-Russian, regional, educational, network …) is what
tells a programme from a pupil's project («проект «Умная теплица» ученика») or a course.
"""

from __future__ import annotations

import re

from edugraph import gazetteer

_RU_QUALIFIER = (r"(?:всероссийск|федеральн|региональн|межрегиональн|национальн|международн|муниципальн"
                 r"|образовательн|просветительск|сетев|пилотн|губернаторск|государственн)\w*")
_RU_KIND = r"(?:проект|программ)\w*"
_EN_QUALIFIER = r"(?:national|federal|regional|all-russian|international|municipal|educational|network|pilot|state)"
_EN_KIND = r"(?:project|programme|program)"
_NAME = r"«(?P<name>[A-ZА-ЯЁ0-9][^«»]{2,70})»"
_NAMED_PROGRAMME = re.compile(
    rf"(?<!\w)(?:{_RU_QUALIFIER}\s+(?:[а-яё]+\s+)?{_RU_KIND}"  # «регионального проекта «X»»
    rf"|{_EN_QUALIFIER}\s+(?:[a-z-]+\s+)?{_EN_KIND})\s+{_NAME}",  # "school network project «X»"
    re.IGNORECASE)


def find_initiatives(text: str) -> list[str]:
    """Initiative names of a cleaned text: gazetteer records (English name) first, then named programmes.

    >>> find_initiatives("стартовал Всероссийский образовательный проект «ТехноАрт Чайковский».")
    ['ТехноАрт Чайковский']
    >>> find_initiatives("проект «Умная теплица» ученика 10 класса")
    []
    """
    spans = gazetteer.initiative_spans(text)
    names = [gazetteer.initiative(i)["en"] for i in dict.fromkeys(ident for _, _, ident in spans)]
    for match in _NAMED_PROGRAMME.finditer(text):
        name = match.group("name").strip()
        known = any(s < match.end() and match.start("name") < e for s, e, _ in spans)  # «проекта «Образование»»
        if not known and not gazetteer.find_initiative(name) and name not in names:
            names.append(name)
    return names
