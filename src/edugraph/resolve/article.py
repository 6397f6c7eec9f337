"""Resolution: an article's (curated) string facts -> typed records (`records.ResolvedArticle`)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from dataclasses import replace

from .. import gazetteer
from ..articles import Article
from ..gazetteer import WIDE_KINDS
from ..extract.names import main_words
from . import identity, labels
from .centres import PLURAL, CentreFinder, settled
from .evidence import EvidenceFinder, SentenceFinder
from .places import article_home, organisation_places, own_place_subject, place_record, resolve_place
from .records import (ActionRecord, EventRecord, InitiativeRecord, Labels, OrganisationRecord, PersonRecord,
                      PlaceRecord, PostRecord, ResolvedArticle, RoleRecord, TopicRecord)


REGIONAL_WORD = re.compile(r"(?:регионал|областн|краев|республиканск|окружн|муниципал|местн|regional|local)\w*\s+$",
                           re.I)  # «регионального министерства просвещения», "the regional Ministry of Education"
PLACE_PHRASE = r"([А-ЯЁA-Z][\w-]*(?:\s+[\w-]+)?)"  # a capitalised word and the next: «Псковской области», «ДНР»
WRITTEN_IN = re.compile(r"(?:(?:No\.|[^.,;:()]){0,40}?\s(?:в|во|на|из|in|of)|,)\s+" + PLACE_PHRASE)  # «… имени Малякова
# в Псковской …», «школы № 1520 им. Капцовых из Москвы», "Gymnasium No. 2 of Sarov", "School № 1508, Moscow"
RIGHT_AFTER = re.compile(r"\s+" + PLACE_PHRASE)  # «Минобрнауки ДНР», «Минобразования Подмосковья»


WORD = re.compile(r"[\w-]+")
WORD_START = re.compile(r"(?<!\w)\w+")  # where a name's word may begin: «IT» of «IT-куба», «школа» of «-школа»
NEAR = 40  # characters around the rarest word of a name searched for the whole name, beyond 3 times its length


class Mentions:
    """The places a text writes names in, any case form (each word's stem, then any ending). Each name is searched
    only around the words of the text that begin with its rarest stem (a sorted index of the text's words), so that
    an article of many numbered schools is not read again whole for each of them.

    >>> [m.group() for m in Mentions("Школе № 24 и школы №24, школа № 240.").of("школа № 24")]
    ['Школе № 24', 'школы №24', 'школа № 240']
    """

    def __init__(self, text: str):
        self.text = text
        at: dict[str, list[int]] = {}
        for word in WORD_START.finditer(text):
            at.setdefault(word.group().lower(), []).append(word.start())
        self.words, self.at = sorted(at), at

    def _starting(self, stem: str) -> list[str]:
        """The text's distinct words that begin with `stem` (lower case)."""
        first = bisect.bisect_left(self.words, stem)
        return self.words[first:bisect.bisect_left(self.words, stem + "\U0010ffff")]

    def of(self, name: str) -> list[re.Match]:
        """The mentions of `name`, in text order."""
        stems = [w[:max(4, len(w) - 2)] for w in WORD.findall(name)]
        if not stems:
            return []
        pattern = re.compile(r"(?<!\w)" + r"[\s,.№]+".join(re.escape(s) + r"\w*" for s in stems), re.I)
        starts = [m.group().lower() for m in map(WORD_START.match, stems) if m]  # «it» of «IT-к»
        if not starts:
            return list(pattern.finditer(self.text))
        rarest = min(starts, key=lambda start: sum(len(self.at[w]) for w in self._starting(start)))
        span = 3 * len(name) + NEAR
        found = {}
        for start in sorted(p for w in self._starting(rarest) for p in self.at[w]):
            for match in pattern.finditer(self.text, max(0, start - span), start + span):
                if match.start() <= start < match.end():  # whole again: the window may have cut its last word
                    found.setdefault(match.start(), pattern.match(self.text, match.start()))
        return [found[start] for start in sorted(found)]


def region_after(mention: re.Match, pattern: re.Pattern, context: list[str]) -> dict | None:
    """The place of one federal subject or below that `pattern` finds right after a mention (its phrase, else its
    first word)."""
    found = pattern.match(mention.string, mention.end())
    place = found and (resolve_place(found[1], context) or resolve_place(found[1].split()[0], context))
    return place if place and place["kind"] not in WIDE_KINDS else None


@functools.lru_cache(maxsize=1)
def known_roles() -> frozenset[str]:
    return frozenset(role["id"] for role in gazetteer.load("roles")["roles"])


class Resolver:
    """Resolves the names of one article, with its places as context (districts, default city)."""

    def __init__(self, article: Article, facts: dict):
        self.article = article
        self.facts = facts
        self.lang = article.language
        self.context = list(facts.get("places", [])) + ([article.place] if article.place else [])
        self.city, self.home = article_home(self.context, article.place, article.id)
        self.as_of = article.date
        self.evidence = EvidenceFinder(SentenceFinder.of_article(article))
        self.organisations: dict[str, OrganisationRecord] = {}
        self.mentions = Mentions(article.text)
        self.centres = CentreFinder(article, facts, self.organisation, self.mentions.of, self.city)

    def place(self, name: str) -> PlaceRecord:
        # a town named like a word («г. Гай») to extraction, or the article's place (its metadata)
        town = name in self.facts.get("towns", ()) or name == self.article.place
        return self.place_of(name, resolve_place(name, self.context, settlement=town))  # a place of the facts

    def place_of(self, name: str, record: dict | None) -> PlaceRecord:
        """The record of a place named `name` that is the gazetteer's `record` (None: a place it lacks). The
        article's own place that the gazetteer has only in another region (the village «Кизляр» of a North Ossetian
        article, not Dagestan's town) lies in the article's region, under a key of its own."""
        if record:
            return PlaceRecord(record["id"], name, True, Labels(ru=record["ru"], en=record["en"]))
        within = own_place_subject(name, self.context)
        key = identity.short_slug(f"{name} {within}" if within else name)
        return PlaceRecord(key, name, False, labels.place_labels(name, self.lang), within)

    def initiative(self, name: str) -> InitiativeRecord:
        record = gazetteer.find_initiative(name)
        if record:
            return InitiativeRecord(record["id"], name)
        return InitiativeRecord(identity.short_slug(name), name, False, labels.programme_labels(name, self.lang))

    def organisation(self, name: str) -> OrganisationRecord:
        if name not in self.organisations:
            self.organisations[name] = self._organisation(name)
        return self.organisations[name]

    def _organisation(self, name: str) -> OrganisationRecord:
        places = organisation_places(name, self.context) or self._typed_place(name)
        found = identity.organisation_key(name, places, self.city, self.as_of, self._regional,
                                          self.home)
        place_ids = tuple(r["id"] for r in places) or ((found.city,) if found.city else ())
        cls = gazetteer.organisation_class(found.body.ru if found.body else name)  # a federal body: by its name
        initiative = gazetteer.organisation_initiative(name)
        if initiative and PLURAL.search(name):  # «Центры «Точки роста»»: several centres, none of them a member
            initiative = None
        default = (self.city,) if self.city else ()
        centre = self.centres.of_organisation(name, found.key, initiative, place_ids or default)
        place_ids = centre.place_ids if centre else place_ids  # a centre is where the article is if its name says not
        where = [r[lang] for r in filter(None, map(place_record, place_ids)) for lang in ("ru", "en") if r[lang]]
        located = self.evidence.located(name, where, bool(places)) if place_ids else None
        body = found.body
        names = Labels(ru=body.ru, en=body.en) if body else labels.organisation_labels(name, self.lang, found.key,
                                                                                      place_ids, cls)
        if found.home:
            names = labels.placed(names, self._home_labels(found.home))
        if centre:  # labelled by its host if it has one: «IT-куб (школа № 116, Челябинск)»
            return replace(centre, cls=cls, labels=centre.labels if centre.host else names, located=located)
        return OrganisationRecord(identity.short_slug(found.key), name, cls, initiative, place_ids, names, located)

    def _home_labels(self, level: str) -> Labels | None:
        """The labels of the place of the article's home at `level` (None when it gives none)."""
        known, unknown = self.home.where(level)
        record = place_record(known) if known else None
        if record:
            return Labels(ru=record["ru"], en=record["en"])
        return labels.place_labels(unknown, self.lang) if unknown else None

    def _typed_place(self, name: str) -> list[dict]:
        """The place, in one federal subject, the article gives a numbered organisation: the one written right after
        its name («школы № 24 имени Малякова в Псковской области»), else the place of the event that opens or visits it
        when the article writes the place before it («1 September in Kazan will open … gymnasium №180»). In an
        article about several regions it, not the article's first place, is the one."""
        if not identity.typed(name):
            return []
        written = (region_after(m, WRITTEN_IN, self.context) for m in self.mentions.of(name))
        opened = (resolve_place(e["place"], self.context) for e in self.facts.get("events", [])
                  if isinstance(e.get("action"), dict) and isinstance(e["action"].get("object"), dict)
                  and e["action"]["object"].get("name") == name and isinstance(e.get("place"), str))
        place = next((p for p in itertools.chain(written, opened) if p and p["kind"] not in WIDE_KINDS), None)
        return [place] if place else []

    def _regional(self, name: str) -> bool:
        """True when the article means a region's body by a bare federal name: it names a region's body of the same
        words («министерство просвещения Самарской области»), or writes the name as a region's every time
        («регионального министерства …», «Минобрнауки ДНР»)."""
        words = main_words(name)
        regions = (organisation_places(other, self.context) for other in self.facts.get("organisations", [])
                   if main_words(other) > words)
        if any(r["kind"] not in WIDE_KINDS for places in regions for r in places):
            return True
        found = self.mentions.of(name)
        return bool(found) and all(REGIONAL_WORD.search(m.string[max(0, m.start() - 40):m.start()]) or
                                   region_after(m, RIGHT_AFTER, self.context) for m in found)

    def topic(self, name: str) -> TopicRecord:
        record = next((t for t in gazetteer.topics() if t["en"] == name), None)
        if record is None:
            return TopicRecord(identity.short_slug(name), Labels(**{self.lang: name}))
        return TopicRecord(record["id"], Labels(ru=record["ru"], en=record["en"]))

    def post(self, person_key: str, person_name: str, post: dict) -> PostRecord:
        role = gazetteer.find_role(post["post"], post.get("org"))
        known = role["id"] in known_roles()
        concept = RoleRecord(role["id"], labels.role_labels(role, post["post"], self.lang, known), role["head"])
        org = self.organisation(post["org"]) if post.get("org") else None
        as_of = post.get("as_of") or self.as_of
        return PostRecord(identity.post_key(person_key, org and org.key, role["id"], as_of), post["post"], concept,
                          org, as_of, self.evidence.post(person_name, post))

    def person(self, person: dict) -> PersonRecord:
        name = person["name"]
        key = identity.person_key(name)
        posts = tuple(self.post(key, name, post) for post in person.get("posts", []))
        return PersonRecord(key, name, labels.person_labels(name, self.lang), posts)

    def action(self, fact) -> ActionRecord | None:
        """The action an event fact is named by (its extension key `action`): the object's wording, tidied, with the
        identity extraction gave it (a centre network's initiative id, a place's gazetteer id). None without one, or
        for a malformed one."""
        if not isinstance(fact, dict) or not isinstance(fact.get("kind"), str):
            return None
        thing = fact.get("object") if isinstance(fact.get("object"), dict) else {}
        wording, ident = thing.get("name"), thing.get("id")
        wording = labels.tidy(wording) if isinstance(wording, str) else ""  # a name cut short: «школу под»
        if not wording:
            return ActionRecord(fact["kind"])
        ident = ident if isinstance(ident, str) else None
        initiative = gazetteer.initiative(ident) if thing.get("kind") == "initiative" and ident else None
        network = initiative["id"] if initiative and initiative["cls"] == "CentreNetwork" else None
        place = self.place_of(wording, ident and place_record(ident)) if thing.get("kind") == "place" else None
        return ActionRecord(fact["kind"], wording, network, place)

    @functools.cached_property
    def shared_keys(self) -> set[str]:
        """The keys two or more of the article's events would share by name, date and place alone (two undated
        openings named «Открытие» only): each of those is told apart by its object (`about`)."""
        keys = Counter(identity.event_key(e["name"], e.get("date"), e.get("place") and self.place(e["place"]).key,
                                          self.article.id) for e in self.facts.get("events", []))
        return {key for key, count in keys.items() if count > 1}

    @staticmethod
    def about(action: ActionRecord | None, initiatives: tuple[InitiativeRecord, ...]) -> str | None:
        """What an event is about, as resolved: its action's object (a centre network's initiative id, a place's
        key, else its wording), else the initiatives the event names. None when nothing is known of it: the sentence
        of a name-only event is found by its name, the same for two events of one name."""
        if action and action.wording:
            return action.network or (action.place and action.place.key) or action.wording
        return "-".join(initiative.key for initiative in initiatives) or None

    def named(self, name: str, kind: str | None, start: str | None, place: PlaceRecord | None,
              action: ActionRecord | None, initiatives: tuple[InitiativeRecord, ...] = ()) -> tuple[str, Labels]:
        """The identity key and the labels of an event (or of a parent only named) with its resolved place, action
        and initiatives."""
        key = identity.event_key(name, start, place and place.key, self.article.id)
        if key in self.shared_keys:
            key = identity.event_key(name, start, place and place.key, self.article.id, self.about(action, initiatives))
        labelled = action or labels.action_word(name, initiatives)  # «Открытие» of a «Точка роста»: its centre's
        return key, labels.event_labels(name, self.lang, kind, start, place and place.labels, labelled)

    def event(self, event: dict, people: tuple[PersonRecord, ...]) -> EventRecord:
        name, kind, start = event["name"], event.get("type") or "other", event.get("date")
        parent = None
        if event.get("parent"):
            found = next((e for e in self.facts.get("events", []) if e["name"] == event["parent"]), {})
            parent_place = self.place(found["place"]) if found.get("place") else None
            action = self.action(event.get("parent_action") or found.get("action"))  # the parent may be a name only
            key, names = self.named(event["parent"], found.get("type"), found.get("date"), parent_place, action,
                                    tuple(self.initiative(n) for n in found.get("initiatives") or []))
            parent = EventRecord(key, event["parent"], None, names, action=action)
        attendees = tuple(self.person({"name": n}) for n in event.get("participant_persons") or []) or people
        orgs = {key: tuple(self.organisation(o) for o in event.get(key) or [])
                for key in ("organisers", "supporters", "participant_orgs")}
        place = self.place(event["place"]) if event.get("place") else None
        action = self.action(event.get("action"))
        initiatives = tuple(self.initiative(n) for n in event.get("initiatives") or [])
        key, names = self.named(name, kind, start, place, action, initiatives)
        venue = self.organisation(event["venue"]) if event.get("venue") else None
        evidence = self.evidence.event(event)
        return EventRecord(
            key, name, kind, names, action=action,
            centre=self.centres.of_event(name, kind, start, action, place, venue, initiatives, evidence),
            start=start, end=event.get("end_date"), participants=event.get("participants"),
            regions=event.get("regions"), participants_min=bool(event.get("participants_min")),
            planned=bool(event.get("planned")),
            online=event.get("online"), place=place,
            venue=venue, parent=parent,
            initiatives=initiatives, topics=tuple(self.topic(n) for n in event.get("topics") or []),
            attendees=attendees, evidence=evidence, **orgs)

    def resolve(self) -> ResolvedArticle:
        facts = self.facts
        persons = tuple(self.person(p) for p in facts.get("persons", []))
        events = tuple(self.event(e, persons if i == 0 else ()) for i, e in enumerate(facts.get("events", [])))
        return settled(ResolvedArticle(
            self.article, self.place(self.article.place) if self.article.place else None,
            places=tuple(self.place(n) for n in facts.get("places", [])),
            initiatives=tuple(self.initiative(n) for n in facts.get("initiatives", [])),
            organisations=tuple(self.organisation(n) for n in facts.get("organisations", [])),
            persons=persons, topics=tuple(self.topic(n) for n in facts.get("topics", [])), events=events))


def resolve_article(article: Article, facts: dict) -> ResolvedArticle:
    """The records of one article's (curated) facts: the only place names are looked up."""
    return Resolver(article, facts).resolve()
