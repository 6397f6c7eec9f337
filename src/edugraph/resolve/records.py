"""Typed records of resolved entities: what mapping turns into triples.

Every record carries its identity (`key`, hence `iri`), its canonical labels and the article's wording;
nothing downstream looks an entity up by name again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import ClassVar

from rdflib import URIRef

from ..articles import Article
from ..namespaces import ID
from .evidence import Evidence


@dataclass(frozen=True)
class Labels:
    """Canonical labels: Russian in the nominative standard form, English a reader recognises."""

    ru: str | None = None
    en: str | None = None

    def items(self) -> list[tuple[str, str]]:
        """(language, text) of the labels that exist."""
        return [(lang, text) for lang, text in (("ru", self.ru), ("en", self.en)) if text]


@dataclass(frozen=True)
class Record:
    """An entity with its identity key; `scheme` names its kind of resource in IRIs (`egr:<scheme>/<key>`)."""

    scheme: ClassVar[str]
    key: str

    @property
    def iri(self) -> URIRef:
        return ID[f"{self.scheme}/{self.key}"]


@dataclass(frozen=True)
class PlaceRecord(Record):
    """A place: a gazetteer id, or (`known` False) a slug of a name the gazetteer lacks, then `within` the federal
    subject (a gazetteer id) the article's other places give, if one."""

    scheme: ClassVar[str] = "place"
    wording: str
    known: bool
    labels: Labels
    within: str | None = None


@dataclass(frozen=True)
class InitiativeRecord(Record):
    """An initiative: a gazetteer id, or (`known` False) a slug of a programme the gazetteer lacks, with its labels."""

    scheme: ClassVar[str] = "initiative"
    wording: str
    known: bool = True
    labels: Labels = Labels()


@dataclass(frozen=True)
class OrganisationRecord(Record):
    """An organisation: identity key, ontology class, initiative id and the gazetteer ids it is located in."""

    scheme: ClassVar[str] = "org"
    wording: str
    cls: str
    initiative: str | None
    place_ids: tuple[str, ...]
    labels: Labels
    located: Evidence | None = field(default=None, compare=False)  # of its eg:locatedIn facts
    networks: tuple[str, ...] = ()  # its initiative and the centre networks that is part of (`centres.member_of`)


@dataclass(frozen=True)
class CentreRecord(OrganisationRecord):
    """A centre of a network (`initiative`) an event opens or visits (`resolve.centres`), set up at `host` if named;
    `planned` when the article tells it only as to come and nothing of the article makes it a member (`networks` are
    then the ones it is planned for)."""

    host: OrganisationRecord | None = None
    planned: bool = False


@dataclass(frozen=True)
class ConceptRecord(Record):
    """A role or topic of the gazetteer's concept schemes."""

    labels: Labels


@dataclass(frozen=True)
class RoleRecord(ConceptRecord):
    """A role; `head` marks roles whose holder heads the organisation."""

    scheme: ClassVar[str] = "role"
    head: bool = False


@dataclass(frozen=True)
class TopicRecord(ConceptRecord):
    """A topic (canonical English name in the topics gazetteer)."""

    scheme: ClassVar[str] = "topic"


@dataclass(frozen=True)
class PostRecord(Record):
    """A post held as of a date (the article's, or one the text gives)."""

    scheme: ClassVar[str] = "post"
    title: str
    role: RoleRecord
    org: OrganisationRecord | None
    as_of: str | None
    evidence: Evidence | None = field(default=None, compare=False)  # of the post and its membership


@dataclass(frozen=True)
class PersonRecord(Record):
    """A person with the posts the article says they hold."""

    scheme: ClassVar[str] = "person"
    wording: str
    labels: Labels
    posts: tuple[PostRecord, ...] = ()


@dataclass(frozen=True)
class ActionRecord:
    """The action an event is named by («Открытие …», "Visit to …"): its `kind` in data/gazetteers/actions.yaml and
    its object as extraction found it: the `wording`, and the centre `network` (initiative id) or the gazetteer
    `place` it is (None otherwise)."""

    kind: str
    wording: str | None = None
    network: str | None = None
    place: PlaceRecord | None = None


@dataclass(frozen=True)
class EventRecord(Record):
    """An event with its type (a key of mapping.EVENT_CLASSES, None for a parent only named) and its links."""

    scheme: ClassVar[str] = "event"
    wording: str
    kind: str | None
    labels: Labels
    start: str | None = None
    end: str | None = None
    participants: int | None = None
    regions: int | None = None
    participants_min: bool = False
    planned: bool = False
    online: str | None = None
    place: PlaceRecord | None = None
    venue: OrganisationRecord | None = None
    organisers: tuple[OrganisationRecord, ...] = ()
    supporters: tuple[OrganisationRecord, ...] = ()
    participant_orgs: tuple[OrganisationRecord, ...] = ()
    parent: EventRecord | None = None
    initiatives: tuple[InitiativeRecord, ...] = ()
    topics: tuple[TopicRecord, ...] = ()
    attendees: tuple[PersonRecord, ...] = ()
    evidence: Evidence | None = field(default=None, compare=False)
    action: ActionRecord | None = None  # what its labels were built from, when an action names it
    centre: CentreRecord | None = None  # the one centre of a network it opens or visits


GROUPS = ("organisers", "supporters", "participant_orgs")  # the organisations an event holds in tuples


@dataclass(frozen=True)
class ResolvedArticle:
    """One article's facts as records."""

    article: Article
    source_place: PlaceRecord | None
    places: tuple[PlaceRecord, ...] = ()
    initiatives: tuple[InitiativeRecord, ...] = ()
    organisations: tuple[OrganisationRecord, ...] = ()
    persons: tuple[PersonRecord, ...] = ()
    topics: tuple[TopicRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()

    @property
    def iri(self) -> URIRef:
        return ID[f"article/{self.article.id}"]

    def all_organisations(self) -> list[OrganisationRecord]:
        """Every organisation record: listed, holding posts, or linked to events."""
        found = list(self.organisations) + [p.org for person in self.persons for p in person.posts if p.org]
        for event in self.events:
            found += [o for o in (event.venue, *event.organisers, *event.supporters, *event.participant_orgs) if o]
            found += [o for o in (event.centre, event.centre and event.centre.host) if o]
        return found

    def with_organisations(self, fix: Callable[[OrganisationRecord], OrganisationRecord]) -> ResolvedArticle:
        """The article with every organisation record (wherever it is held: listed, a post's, an event's or a centre's
        host) replaced by `fix` of it."""
        def org(record: OrganisationRecord | None) -> OrganisationRecord | None:
            record = record and fix(record)
            held = isinstance(record, CentreRecord) and record.host
            return replace(record, host=org(record.host)) if held else record

        def event(record: EventRecord | None) -> EventRecord | None:
            if record is None:
                return None
            groups = {key: tuple(map(org, getattr(record, key))) for key in GROUPS}
            return replace(record, venue=org(record.venue), centre=org(record.centre), parent=event(record.parent),
                           **groups)
        persons = tuple(replace(person, posts=tuple(replace(post, org=org(post.org)) for post in person.posts))
                        for person in self.persons)
        return replace(self, organisations=tuple(map(org, self.organisations)), persons=persons,
                       events=tuple(map(event, self.events)))

    def place_ids(self) -> set[str]:
        """Gazetteer ids of every place the article's records refer to (for the gazetteer graph)."""
        places = [*self.places, self.source_place, *(e.place for e in self.events)]
        ids = {p.key for p in places if p and p.known} | {p.within for p in places if p and p.within}
        return ids | {i for org in self.all_organisations() for i in org.place_ids}

    def evidence(self) -> list[Evidence]:
        """The evidence of every post, event and organisation location (for the activities they name)."""
        found = [p.evidence for person in self.persons for p in person.posts] + [e.evidence for e in self.events]
        return [e for e in found + [o.located for o in self.all_organisations()] if e]

    def concepts(self, scheme: str) -> list[ConceptRecord]:
        """The roles or topics the article uses."""
        found = [p.role for person in self.persons for p in person.posts] + list(self.topics)
        found += [t for e in self.events for t in e.topics]
        return [c for c in found if c.scheme == scheme]
