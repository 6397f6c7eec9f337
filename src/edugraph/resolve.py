"""Entity resolution: one deterministic IRI per real-world entity, across articles and languages.

- people: surname + first initial («Вера Князева» = «Князева В.В.»; Russian names are
  transliterated, so «Сергей Кожевников» = "Sergey Kozhevnikov");
- organisations: `organisation_key` (type + number + place, or main words), so
  «ГБОУ СОШ № 608 … Кировского района» = «ГБОУ СОШ №608 Кировского района»;
- places, initiatives, roles and topics: the gazetteer id, whatever the case form or language;
- events: name + start date; posts: person + organisation + role.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from . import gazetteer
from .extract.names import organisation_key
from .namespaces import ID

PATRONYMIC = re.compile(r"(вич|вна|чна|ична|оглы|кызы)$", re.I)
INITIALS = re.compile(r"^([A-ZА-ЯЁ]\.\s*){1,2}$")
MAX_SLUG = 80


def short_slug(text: str) -> str:
    return gazetteer.slug(text)[:MAX_SLUG].strip("-") or "x"


def split_person(name: str) -> tuple[str, str]:
    """(surname, first initial) of a personal name in any usual Russian or English order."""
    tokens = [t for t in re.split(r"\s+", name.replace(".", ". ").strip()) if t]
    initials = [t for t in tokens if INITIALS.match(t)]
    words = [t for t in tokens if not INITIALS.match(t)]
    if initials and words:  # «Ступак Ю.В.», «Ю.В. Ступак»
        return words[0], initials[0][0]
    if len(words) >= 3 and PATRONYMIC.search(words[2]):  # Иванов Иван Иванович
        return words[0], words[1][0]
    if len(words) >= 3 and PATRONYMIC.search(words[1]):  # Иван Иванович Иванов
        return words[2], words[0][0]
    if len(words) >= 2:  # Вера Князева, Sergey Kozhevnikov
        return words[-1], words[0][0]
    return (words or tokens or ["unknown"])[0], ""


def person_key(name: str) -> str:
    surname, initial = split_person(name)
    return "-".join(part for part in (gazetteer.slug(surname), gazetteer.slug(initial)) if part)


def person_iri(name: str) -> URIRef:
    return ID[f"person/{person_key(name)}"]


def org_iri(name: str) -> URIRef:
    return ID[f"org/{short_slug(organisation_key(name))}"]


def place_iri(place_id: str) -> URIRef:
    return ID[f"place/{place_id}"]


def unknown_place_iri(name: str) -> URIRef:
    return ID[f"place/{short_slug(name)}"]


def initiative_iri(initiative_id: str) -> URIRef:
    return ID[f"initiative/{initiative_id}"]


def initiative_iri_for(name: str) -> URIRef:
    record = gazetteer.find_initiative(name)
    return initiative_iri(record["id"] if record else short_slug(name))


def role_iri(role_id: str) -> URIRef:
    return ID[f"role/{role_id}"]


def topic_iri(topic_id: str) -> URIRef:
    return ID[f"topic/{topic_id}"]


def event_iri(name: str, date: str | None) -> URIRef:
    return ID[f"event/{short_slug(name)}" + (f"-{date}" if date else "")]


def post_iri(person: str, org: str | None, role_id: str) -> URIRef:
    org_part = short_slug(organisation_key(org)) if org else "unknown"
    return ID[f"post/{person_key(person)}--{org_part}--{role_id}"]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]
