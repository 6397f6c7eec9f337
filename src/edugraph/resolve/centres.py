"""Centres of a network (Kvantorium, IT-cube, «Точка роста») as organisation nodes, resolved once here.

An opening of (or a visit to) one concrete centre gives a `CentreRecord` of the network (`eg:partOfInitiative`, from
which OWL-RL infers the network's class: `eg:ITCubeCentre` …), keyed by network + host organisation when the article
names where it was set up («на базе школы № 116»), else network + the most precise place; an organisation fact
naming a centre of a network («Кванториум» in an article about Penza) gets the same key
(`CentreFinder.of_organisation`), so both are one node. Planned or plural openings («откроются 42 центра»,
«Открытие новых центров») give none: they are not one concrete centre. A centre an organisation fact names only in
sentences telling it as to come («будет построен») is `planned`: the same node, not yet a member
(`eg:plannedForInitiative`).

>>> centre_key("it-cube", "school-116-chelyabinsk"), centre_key("kvantorium", "penza")
('it-cube-school-116-chelyabinsk', 'kvantorium-penza')
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import replace

from .. import gazetteer
from ..articles import Article
from .identity import short_slug
from .labels import NETWORK_CENTRES, PLACE_BOUND_ACTIONS, place_english
from .places import ancestors, place_record, subject_of
from .evidence import Evidence
from .records import (ActionRecord, CentreRecord, InitiativeRecord, Labels, OrganisationRecord, PlaceRecord,
                      ResolvedArticle)

CENTRE_CLASSES = {  # network (initiative id) -> the class asserted for its centres: OWL-RL infers the network's own
    # (eg:ITCubeCentre ≡ eg:partOfInitiative value egi:it-cube, ontology/edugraph.ttl), a subclass of this one
    "kvantorium": "SupplementaryEducationCentre", "school-kvantorium": "SupplementaryEducationCentre",
    "it-cube": "SupplementaryEducationCentre", "point-of-growth": "EducationalOrganisation",
}
PRECISION = {"district": 0, "city": 1, "federal_subject": 2, "federal_district": 3, "country": 4}  # most precise 1st

CENTRE_NOUN = re.compile(r"центр|технопарк|кванториум|(?:it|ит)-?\s?куб|точ[ек]\w*\s+роста"  # a centre's name
                         r"|cent(?:re|er)|technopark|technology\s+park|kvantorium|it-?\s?cube|growth\s+point", re.I)
PLURAL_NOUN = r"(?:центр|технопарк|кванториум|(?:it|ит)-?\s?куб)(?:ов|ы|и|ам|ами|ах)|точек\s+роста"  # «центров»
# «42 новых центра», «Два новых «Кванториума»»
COUNTED = r"(?:\d+|два|две|три|четыре|оба)\s+(?:\w+[ыи]х\s+)?[«\"]?(?:центра|технопарка|кванториума)"
PLURAL_EN = r"cent(?:re|er)s|technoparks|technology\s+parks|kvantoriums|it-cubes|points\s+of\s+growth|growth\s+points"
PLURAL = re.compile(rf"(?<!\w)(?:{PLURAL_NOUN}|{COUNTED}|{PLURAL_EN})(?!\w)", re.I)
ONE_OF = re.compile(  # «открытие последнего из пяти … Центров «Точки роста»», "one of the centres": one centre
    rf"(?<!\w)(?:(?:последн|одн|перв|втор|трет|очередн)\w*\s+из|one\s+of\s+the)\s+(?:[^\s.!?]+\s+){{0,6}}?"
    rf"(?:{PLURAL_NOUN}|{PLURAL_EN})(?!\w)", re.I)


def _markers(key: str) -> re.Pattern:
    """The words of data/gazetteers/events.yaml `key` (Russian, then English) as one whole-word regex."""
    markers = gazetteer.load("events")[key]
    return re.compile(rf"(?<!\w)(?:{'|'.join(markers['ru'] + markers['en'])})(?!\w)", re.I)


PLANNED = _markers("centre_planned_markers")  # «откроются», «будет построен», "will open"
OPENED = _markers("centre_opened_markers")  # «открылся», «на базе … создан», "opened"
CENTRE_WORD = re.compile(r"(?<!\w)(?:центр\w*|cent(?:re|er))(?!\w)", re.I)  # «уникальный центр», "the center"
BASED_AT = re.compile(r"(?:на\s+базе|at\s+the\s+premises\s+of|on\s+the\s+basis\s+of)\s+", re.I)  # a host next
AFTER_SPOT = re.compile(r"(?:[\w-]+\s+){0,2}")  # «на базе новой школы», "at the premises of the school"
NEAR = 40  # characters from «на базе» to the host's name at most
MAX_PAIRS = 20_000  # «на базе» phrases × organisation names compared at most: beyond (a hostile text), no host
SENTENCE, SENTENCE_END = 400, r"[.!?\n]"  # how far a sentence naming the centre is looked for, and what ends it
COMMON_HEAD = re.compile(r"(?:Школа|Гимназия|Лицей|Колледж|Детский сад)(?!\w)")  # lower case inside a label


def centre_key(network: str, where: str) -> str:
    """The key of a network's centre at a host organisation (its key) or a place (its id)."""
    return short_slug(f"{network}|{where}")


@functools.cache
def member_of(initiative: str | None) -> tuple[str, ...]:
    """The initiative of a member and the centre networks it is part of, the one walk up `part_of`: a school
    «Кванториум» is a «Кванториум» too (asserted: OWL-RL derives the parent network through the hasValue classes, but
    into `egg:inferred`, which the library queries skip).

    >>> member_of("school-kvantorium"), member_of("it-cube"), member_of(None)
    (('school-kvantorium', 'kvantorium'), ('it-cube',), ())
    """
    found = [initiative] if initiative else []
    parent = gazetteer.initiative(found[-1]) if found else None
    while parent and parent.get("part_of") and gazetteer.initiative(parent["part_of"])["cls"] == "CentreNetwork":
        found.append(parent["part_of"])
        parent = gazetteer.initiative(parent["part_of"])
    return tuple(found)


def networks_in(text: str | None) -> list[str]:
    """The centre networks a text names, a sub-network («Школьный Кванториум») instead of the network it is part of.

    >>> networks_in("открытие школьного технопарка «Кванториум»"), networks_in("центр «IT-куб» и «Точка роста»")
    (['school-kvantorium'], ['it-cube', 'point-of-growth'])
    """
    found = [ident for ident in gazetteer.find_initiatives(text or "") if ident in CENTRE_CLASSES]
    parents = {network for ident in found for network in member_of(ident)[1:]}
    return [ident for ident in found if ident not in parents]


def names_network(text: str, network: str) -> bool:
    """True when the text names the network or one of its sub-networks («школьный технопарк» of Kvantorium)."""
    return any(network in member_of(ident) for ident in gazetteer.find_initiatives(text))


def settled(resolved: ResolvedArticle) -> ResolvedArticle:
    """The article's records with each organisation's `networks` (`member_of` its initiative), a centre told only as
    to come no longer `planned` when a record of the same key is a member (an opening or visit of the article)."""
    def planned(org: OrganisationRecord) -> bool:
        return isinstance(org, CentreRecord) and org.planned

    members = {org.key for org in resolved.all_organisations() if org.initiative and not planned(org)}

    def fix(org: OrganisationRecord) -> OrganisationRecord:
        networks = member_of(org.initiative)
        if isinstance(org, CentreRecord):
            return replace(org, networks=networks, planned=org.planned and org.key not in members)
        return replace(org, networks=networks)
    return resolved.with_organisations(fix)


def most_precise(place_ids: tuple[str, ...] | list[str]) -> str | None:
    """The gazetteer id of the most precise of the places (a district before a city before a region)."""
    ranked = [(PRECISION.get((place_record(i) or {}).get("kind"), 9), n, i) for n, i in enumerate(place_ids)]
    return min(ranked)[2] if ranked else None


def overlaps(place_id: str, place_ids: tuple[str, ...]) -> bool:
    """True when the place lies in one of the places or contains one («omsk» and «omsk-oblast»), or they are none.

    >>> overlaps("omsk", ("omsk-oblast",)), overlaps("omsk", ("miass",)), overlaps("omsk", ())
    (True, False, True)
    """
    def chain(ident: str) -> set[str]:
        return {r["id"] for r in ancestors(place_record(ident))}
    return not place_ids or any(place_id in chain(p) or p in chain(place_id) for p in place_ids)


def centre_labels(network: str, host: OrganisationRecord | None, place: dict | None,
                  unknown: PlaceRecord | None = None) -> Labels:
    """«IT-куб (школа № 116, Челябинск)» / "IT-cube (School No. 116, Chelyabinsk)", «Точка роста (Омская область)»;
    a place the gazetteer lacks (`unknown`) is named before its region: «IT-куб (Покровск, Республика Саха …)»."""
    names = gazetteer.initiative(network)

    def label(lang: str) -> str:
        parts = []
        if host and getattr(host.labels, lang):
            text = re.sub(r"\s*\((.+)\)$", r", \1", getattr(host.labels, lang))
            parts.append(COMMON_HEAD.sub(lambda m: m.group().lower(), text, count=1) if lang == "ru" else text)
        if unknown and not unknown.known and not host and getattr(unknown.labels, lang):
            written = getattr(unknown.labels, lang)  # "Maloyaroslavetsky District", not "… rayon"
            parts.append(place_english(unknown.labels.ru, written) if lang == "en" else written)
        if place and not any(re.search(rf"(?<!\w){re.escape(place[lang])}(?!\w)", part) for part in parts):
            parts.append(place[lang])
        return f"{names[lang]} ({', '.join(parts)})" if parts else names[lang]
    return Labels(ru=label("ru"), en=label("en"))


class CentreFinder:
    """Finds the centre an event of one article opens or visits, with the article's organisation facts as hosts.

    `organisation` resolves an organisation name (`Resolver.organisation`), `mentions` finds a name's mentions in
    the text (`article.Mentions.of`), `city` is the article's main city (the place of last resort).
    """

    def __init__(self, article: Article, facts: dict, organisation: Callable[[str], OrganisationRecord],
                 mentions: Callable[[str], list[re.Match]], city: str | None):
        self.article = article
        self.organisation_names = [n for n in facts.get("organisations", []) if isinstance(n, str)]
        self.networks = list(dict.fromkeys(n for name in facts.get("initiatives", []) or []
                                           for n in networks_in(name)))
        self.venue_names = [e["venue"] for e in facts.get("events", []) if isinstance(e.get("venue"), str)]
        self.organisation, self.mentions, self.city = organisation, mentions, city
        self.hosts: dict[tuple[str, ...], OrganisationRecord | None] = {}  # `based_at` by places
        self.network_sentences: dict[str, set[str]] = {}  # `told_planned`'s sentences naming a network, by network

    def of_organisation(self, name: str, key: str, initiative: str | None,
                        place_ids: tuple[str, ...]) -> CentreRecord | None:
        """The centre an organisation fact names (`key` as `identity.organisation_key` gave it, the `initiative` its
        name names first, the places it is located in), keyed by network + the organisation the article sets a
        centre up at, else + the place its name holds, else + the most precise of its places; None for any other
        organisation or for several centres («Центры «Точки роста»»)."""
        found = [initiative] if initiative in CENTRE_CLASSES else networks_in(name)
        if len(found) != 1 or PLURAL.search(name):
            return None
        network, host, place = found[0], self.based_at(place_ids), most_precise(place_ids)
        kind, _, rest = key.partition("|")
        if host:
            where = host.key
        elif kind in NETWORK_CENTRES and rest and not rest.isdigit():
            where = rest  # the place its name holds («Кванториум Сарова»)
        elif rest and kind not in NETWORK_CENTRES:
            where = short_slug(key)  # a numbered host («Кванториум школы № 56»): the host's key
        else:
            where = place
        if not where:
            return None
        return CentreRecord(centre_key(network, where), name, CENTRE_CLASSES[network], network, place_ids,
                            centre_labels(network, host, place and place_record(place)), host=host,
                            planned=self.told_planned(name, network))

    def told_planned(self, name: str, network: str) -> bool:
        """True when the article tells the centre it names only as to come: a sentence naming it (where its name is
        written, else any naming its network and no several centres) is future («будет построен», «планируется
        открыть», "will open"), and none tells it opened or at work («открылся», «работает», "opened")."""
        sentences = {self.sentence_at(m.start(), m.end()) for m in self.mentions(name)} or self.naming(network)
        return (any(PLANNED.search(s) for s in sentences)
                and not any(OPENED.search(PLANNED.sub(" ", s)) for s in sentences))

    def naming(self, network: str) -> set[str]:
        """The sentences of the text naming the network and no several centres (once per network: an article may
        name hundreds of its centres)."""
        if network not in self.network_sentences:
            self.network_sentences[network] = {s for s in re.split(SENTENCE_END, self.article.text)
                                               if names_network(s, network) and not PLURAL.search(s)}
        return self.network_sentences[network]

    def sentence_at(self, start: int, end: int) -> str:
        """The sentence of the text around the span `start`..`end` (`SENTENCE` characters either side at most)."""
        before, after = self.sentence_edges(start, end)
        return before + self.article.text[start:end] + after

    def sentence_edges(self, start: int, end: int) -> tuple[str, str]:
        """The text of the sentence before `start` and after `end` (`SENTENCE` characters at most each)."""
        text = self.article.text
        ahead, after = text[max(0, start - SENTENCE):start], text[end:end + SENTENCE]
        return re.split(SENTENCE_END, ahead)[-1], re.split(SENTENCE_END, after)[0]

    def network(self, name: str, action: ActionRecord | None, initiatives: tuple[InitiativeRecord, ...],
                sentence: str, host: OrganisationRecord | None) -> str | None:
        """The one network the event is about: its action's object, its name or the initiatives it names, if its
        sentence (when found) names that network too («открытие нового ИТ-центра» is not of an IT-cube); else the
        network its sentence names; else, for an event at a `host` whose sentence speaks of «центр», the one network
        the article names ("visited the center, which opened in 2020 … in school No. 162")."""
        given = [action.network] if action and action.network else []
        for found in (given, networks_in(action and action.wording), networks_in(name),
                      list(dict.fromkeys(i.key for i in initiatives if i.key in CENTRE_CLASSES))):
            if found:
                known = len(found) == 1 and found[0] in CENTRE_CLASSES
                return found[0] if known and (not sentence or names_network(sentence, found[0])) else None
        found = networks_in(sentence)
        if found:
            return found[0] if len(found) == 1 else None
        single = len(self.networks) == 1 and host and CENTRE_WORD.search(sentence)
        return self.networks[0] if single else None

    def concrete(self, name: str, action: ActionRecord | None, start: str | None, sentence: str) -> bool:
        """True unless the event is plural («Открытие новых центров», «создано 66 центров») or planned
        («запланировано открытие», an opening dated after the article)."""
        texts = (ONE_OF.sub(" ", text) for text in (name, action and action.wording or "", sentence))
        if any(PLURAL.search(text) for text in texts) or PLANNED.search(sentence):
            return False
        return not (start and self.article.date and start[:len(self.article.date)] > self.article.date)

    def host(self, action: ActionRecord | None, venue: OrganisationRecord | None,
             place: PlaceRecord | None) -> OrganisationRecord | None:
        """Where the centre an event opens or visits was set up: the event's venue, the organisation the action names
        («Visit to school No. 162»), else the one the article sets a centre up at in the event's place."""
        return venue or self.named_host(action) or self.based_at((place.key,) if place and place.known else ())

    def named_host(self, action: ActionRecord | None) -> OrganisationRecord | None:
        """The organisation (not a centre) an action names as its object, if the article names it too."""
        if action and action.wording in self.organisation_names and not networks_in(action.wording):
            return self.organisation(action.wording)
        return None

    def based_at(self, place_ids: tuple[str, ...] = ()) -> OrganisationRecord | None:
        """The one organisation of the article (not itself a centre) written right after «на базе» / "at the premises
        of" in a sentence that names a centre («центр появился … на базе новой школы №116»), located in or around one
        of `place_ids` (the centre's, when known)."""
        if place_ids not in self.hosts:
            found, names = {}, self.organisation_names + self.venue_names
            for name in names if 0 < len(self.spots) * len(names) <= MAX_PAIRS else ():
                if networks_in(name):
                    continue  # a centre itself, never its own host
                record = self.organisation(name)
                if record.initiative or place_ids and not any(overlaps(p, record.place_ids) for p in place_ids):
                    continue
                if any(self.hosted_at(start) for start in self.starts(name)):
                    found[record.key] = record
            self.hosts[place_ids] = next(iter(found.values())) if len(found) == 1 else None
        return self.hosts[place_ids]

    @functools.cached_property
    def spots(self) -> list[int]:
        """Where the text goes on after each «на базе» / "at the premises of"."""
        return [m.end() for m in BASED_AT.finditer(self.article.text)]

    def starts(self, name: str) -> set[int]:
        """Where the name is written: any case form (`mentions`), and verbatim after a spot (an English «No. 5»)."""
        pattern = re.compile(re.escape(name), re.I)
        verbatim = (pattern.search(self.article.text, spot, spot + NEAR + len(name)) for spot in self.spots)
        return {m.start() for m in self.mentions(name)} | {m.start() for m in verbatim if m}

    def hosted_at(self, start: int) -> bool:
        """True when a name written at `start` follows a spot by two words at most, in a sentence naming a centre."""
        text = self.article.text
        before = self.spots[bisect.bisect_left(self.spots, start - NEAR):bisect.bisect_right(self.spots, start)]
        spot = next((spot for spot in before if AFTER_SPOT.fullmatch(text, spot, start)), None)
        if spot is None:
            return False
        return bool(CENTRE_NOUN.search("".join(self.sentence_edges(spot, start))))  # without the words in between

    def of_event(self, name: str, kind: str | None, start: str | None, action: ActionRecord | None,
                 place: PlaceRecord | None, venue: OrganisationRecord | None,
                 initiatives: tuple[InitiativeRecord, ...], evidence: Evidence | None) -> CentreRecord | None:
        """The one concrete centre an event opens or visits (located by the event's `evidence`), None for any other
        event."""
        sentence = evidence.sentence.text if evidence and evidence.sentence else ""
        if not (action.kind in PLACE_BOUND_ACTIONS if action else kind == "opening"):
            return None
        network = self.network(name, action, initiatives, sentence, venue or self.named_host(action))
        if not network or not self.concrete(name, action, start, sentence):
            return None
        if venue and venue.initiative == network:
            return None  # the venue is the centre itself: the event is linked to it already
        host = self.host(action, venue, place)
        named = {org.key: org for org in map(self.organisation, self.organisation_names)
                 if org.initiative == network and not PLURAL.search(org.wording)}
        if len(named) == 1:  # the article names the centre as an organisation too: that node
            org = next(iter(named.values()))
            return CentreRecord(org.key, org.wording, org.cls, network, org.place_ids, org.labels, org.located,
                                host=host)
        located = self.located(place, host)
        where = host.key if host else place.key if place else located[0] if located else None
        if not where:
            return None
        names = centre_labels(network, host, place_record(located[0]) if located else None, place)
        return CentreRecord(centre_key(network, where), getattr(names, self.article.language),
                            CENTRE_CLASSES[network], network, located, names, evidence, host=host)

    def located(self, place: PlaceRecord | None, host: OrganisationRecord | None) -> tuple[str, ...]:
        """The gazetteer ids a centre is located in: the event's place, else its host's, else the article's city; a
        place the gazetteer lacks («Покровск») is kept, with the federal subject of the article's city."""
        if place and place.known:
            return (place.key,)
        if host and host.place_ids:
            return host.place_ids
        if place:
            return (place.key,) + tuple(filter(None, [subject_of(self.city)]))
        return (self.city,) if self.city else ()
