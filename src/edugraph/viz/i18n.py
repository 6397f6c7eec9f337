"""Every string the pages show, in Russian and English: interface text, class names, edge phrases, fact names.

A page carries both languages and switches between them without a reload; `both` builds the
{"ru": ..., "en": ...} pairs the templates and the page script use.
"""

from __future__ import annotations

LANGS = ("ru", "en")


def both(ru: str, en: str) -> dict[str, str]:
    """A string in both languages.

    >>> both("узлов", "nodes")["en"]
    'nodes'
    """
    return {"ru": ru, "en": en}


TEXT = {key: both(ru, en) for key, (ru, en) in {
    "search": ("Поиск", "Search"), "search_hint": ("имя по-русски или по-английски", "name in Russian or English"),
    "physics": ("Физика", "Physics"), "classes": ("Узлы", "Nodes"), "edge_kinds": ("Связи", "Links"),
    "size": ("Размер узла", "Node size"), "communities": ("Сообщества", "Communities"),
    "nodes": ("узлов", "nodes"), "edges": ("связей", "edges"), "index": ("Обзор", "Overview"),
    "found": ("найдено", "found"), "type": ("Тип", "Type"), "articles": ("Источники", "Sources"),
    "posts": ("Должности", "Posts"), "partners": ("Чаще всего вместе с", "Most often with"),
    "evidence": ("Из текста", "From the text"),
    "language": ("Язык", "Language"), "singletons": ("и ещё {n} узлов без сообщества", "and {n} nodes on their own"),
    "central_labels": ("Подписи крупных узлов видны сразу, остальные — при увеличении.",
                       "Labels of the central nodes show at once, the others when you zoom in."),
    "yes": ("да", "yes"), "no": ("нет", "no"),
}.items()}

CATEGORY_NAMES = {
    "Initiative": both("инициатива", "initiative"), "Organisation": both("организация", "organisation"),
    "Person": both("человек", "person"), "Event": both("мероприятие", "event"), "Place": both("место", "place"),
    "Topic": both("тема", "topic"),
}

# property -> (ru phrase, en phrase, reversed): how an edge reads; reversed edges are drawn target -> source
EDGE_PHRASES = {
    "heads": ("руководит", "heads", False), "worksFor": ("работает в", "works for", False),
    "memberOf": ("член", "member of", False), "founder": ("учредитель", "founded by", False),
    "subOrganisationOf": ("входит в", "is part of", False),
    "partOf": ("входит в", "is part of", False), "partOfInitiative": ("входит в", "is part of", False),
    "plannedForInitiative": ("планируется в", "planned for", False),
    "locatedIn": ("находится в", "is located in", False), "takesPlaceIn": ("прошло в", "took place in", False),
    "venue": ("на базе", "hosted by", False), "organisedBy": ("организатор", "organised by", False),
    "supportedBy": ("при поддержке", "supported by", False),
    "hasParticipant": ("участвовал(а) в", "took part in", True),
    "subEventOf": ("входит в", "is part of", False), "concernsInitiative": ("касается", "concerns", False),
    "topic": ("на тему", "on the topic", False),
    "viaEvent": ("через мероприятие", "through an event", False),
    "inArticlesAbout": ("в статьях о", "in articles about", False),
    "viaArticle": ("упомянуто вместе в статье", "mentioned together in an article", False),
}

IMPLIED = {"heads": "worksFor"}  # a drawn edge with the first relation does not repeat the second

MONTHS = both("янв фев мар апр май июн июл авг сен окт ноя дек", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")


def edge_phrase(key: str, terms: dict[str, tuple[str, str]]) -> tuple[dict[str, str], bool]:
    """How an edge of property `key` reads in both languages, and whether it is drawn reversed;
    properties without a phrase use their ontology label.

    >>> edge_phrase("heads", {})
    ({'ru': 'руководит', 'en': 'heads'}, False)
    >>> edge_phrase("meets", {"meets": ("встречается с", "meets")})
    ({'ru': 'встречается с', 'en': 'meets'}, False)
    """
    if key in EDGE_PHRASES:
        ru, en, reverse = EDGE_PHRASES[key]
        return both(ru, en), reverse
    ru, en = terms.get(key, (key, key))
    return both(ru, en), False


def fact_value(value: str, lang: str) -> str:
    """A literal as a person reads it (booleans in words).

    >>> fact_value("true", "ru"), fact_value("2023-10-30", "en")
    ('да', '2023-10-30')
    """
    words = {"true": TEXT["yes"][lang], "false": TEXT["no"][lang]}
    return words.get(value, value)
