"""Facts -> RDF: one named graph per article, plus the gazetteer background graph.

Every triple about an article's facts lives in `egg:article/<id>`, so each fact can be
traced to its source; posts and events also carry `prov:wasDerivedFrom` the article.
"""

from __future__ import annotations

from itertools import combinations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from . import gazetteer, resolve
from .articles import Article
from .namespaces import EG, GRAPH, ID
from .resolve.places import main_city, organisation_places, resolve_place

EVENT_CLASSES = {
    "conference": EG.Conference, "meeting": EG.Meeting, "forum": EG.Forum, "session": EG.Session,
    "competition": EG.Competition, "opening": EG.Opening, "other": EG.OtherEvent,
}
PLACE_CLASSES = {"country": EG.Country, "federal_subject": EG.FederalSubject, "city": EG.City, "district": EG.District}


def date_literal(value: str) -> Literal:
    """An ISO date, year-month or year as the matching XSD literal."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=datatype)


def article_graph_iri(article_id: str) -> URIRef:
    return GRAPH[f"article/{article_id}"]


class ArticleMapper:
    """Builds the named graph of one article from its (curated) facts."""

    def __init__(self, article: Article, facts: dict):
        self.article = article
        self.facts = facts
        self.lang = article.language
        self.graph = Graph(identifier=article_graph_iri(article.id))
        self.subject = resolve.article_iri(article.id)
        self.context = list(facts.get("places", [])) + ([article.place] if article.place else [])
        self.city = main_city(self.context, self.context)
        self.used_places: set[str] = set()
        self.used_roles: dict[str, dict] = {}
        self.used_topics: dict[str, dict] = {}

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def label(self, node: URIRef, text: str) -> None:
        """The label as written, plus a transliterated English one for Russian text."""
        self.add(node, RDFS.label, Literal(text, lang=self.lang))
        if self.lang == "ru":
            self.add(node, RDFS.label, Literal(gazetteer.transliterate(text), lang="en"))

    def mention(self, node: URIRef) -> URIRef:
        self.add(self.subject, EG.mentions, node)
        return node

    def build(self) -> Graph:
        self.map_article()
        for name in self.facts.get("places", []):
            self.place(name)
        for name in self.facts.get("initiatives", []):
            self.add(self.subject, EG.concernsInitiative, self.mention(resolve.initiative_iri_for(name)))
        for name in self.facts.get("organisations", []):
            self.organisation(name)
        people = [self.person(person) for person in self.facts.get("persons", [])]
        for topic in self.facts.get("topics", []):
            self.add(self.subject, EG.topic, self.topic(topic))
        events = self.facts.get("events", [])
        for index, event in enumerate(events):
            self.event(event, people if index == 0 else [])
        return self.graph

    def map_article(self) -> None:
        a, s = self.article, self.subject
        self.add(s, RDF.type, EG.Article)
        self.add(s, EG.articleId, Literal(a.id))
        self.add(s, DCTERMS.title, Literal(a.title, lang=self.lang))
        self.add(s, DCTERMS.language, Literal(a.language))
        if a.date:
            self.add(s, DCTERMS.date, date_literal(a.date))
        if a.url:
            self.add(s, DCTERMS.source, URIRef(a.url))
        if a.place:
            self.add(s, EG.sourcePlace, self.place(a.place, mention=False))

    def place(self, name: str, mention: bool = True) -> URIRef:
        record = resolve_place(name, self.context)
        if record:
            self.used_places.add(record["id"])
            node = resolve.place_iri(record["id"])
        else:
            node = resolve.unknown_place_iri(name)
            self.add(node, RDF.type, EG.Place)
            self.label(node, name)
        return self.mention(node) if mention else node

    def organisation(self, name: str) -> URIRef:
        node = self.mention(resolve.org_iri(name, self.city, self.context))
        self.add(node, RDF.type, EG[gazetteer.organisation_class(name)])
        self.label(node, name)
        initiative = gazetteer.organisation_initiative(name)
        if initiative:
            self.add(node, EG.partOfInitiative, resolve.initiative_iri(initiative))
        for record in organisation_places(name, self.context):
            self.used_places.add(record["id"])
            self.add(node, EG.locatedIn, resolve.place_iri(record["id"]))
        return node

    def person(self, person: dict) -> URIRef:
        name = person["name"]
        node = self.mention(resolve.person_iri(name))
        self.add(node, RDF.type, EG.Person)
        self.label(node, name)
        for post in person.get("posts", []):
            self.post(node, name, post)
        return node

    def post(self, person_node: URIRef, name: str, post: dict) -> None:
        role = gazetteer.find_role(post["post"])
        self.used_roles[role["id"]] = role
        org = post.get("org")
        node = resolve.post_iri(name, org, role["id"], self.city, self.context)
        self.add(node, RDF.type, EG.Post)
        self.add(node, EG.heldBy, person_node)
        self.add(person_node, EG.hasPost, node)
        self.add(node, EG.role, resolve.role_iri(role["id"]))
        self.add(node, EG.postTitle, Literal(post["post"], lang=self.lang))
        self.add(node, PROV.wasDerivedFrom, self.subject)
        if org:
            org_node = self.organisation(org)
            self.add(node, EG.postIn, org_node)
            if role["head"]:
                self.add(person_node, EG.heads, org_node)

    def topic(self, name: str) -> URIRef:
        record = next((t for t in gazetteer.topics() if t["en"] == name), None)
        record = record or {"id": resolve.short_slug(name), "en": name, "ru": name}
        self.used_topics[record["id"]] = record
        return self.mention(resolve.topic_iri(record["id"]))

    def event(self, event: dict, people: list[URIRef]) -> URIRef:
        node = self.mention(resolve.event_iri(event["name"], event.get("date")))
        cls = EVENT_CLASSES.get(event.get("type") or "other", EG.OtherEvent)
        if cls == EG.Meeting and event.get("online"):
            cls = EG.VideoConference
        self.add(node, RDF.type, cls)
        self.label(node, event["name"])
        self.add(node, PROV.wasDerivedFrom, self.subject)
        for key, prop in (("date", EG.startDate), ("end_date", EG.endDate)):
            if event.get(key):
                self.add(node, prop, date_literal(event[key]))
        for key, prop in (("participants", EG.participantCount), ("regions", EG.regionCount)):
            if event.get(key) is not None:
                self.add(node, prop, Literal(int(event[key]), datatype=XSD.nonNegativeInteger))
        if event.get("participants_min"):
            self.add(node, EG.participantCountIsMinimum, Literal(True))
        if event.get("place"):
            self.add(node, EG.takesPlaceIn, self.place(event["place"]))
        if event.get("venue"):
            self.add(node, EG.venue, self.organisation(event["venue"]))
        if event.get("online"):
            self.add(node, EG.onlinePlatform, Literal(event["online"]))
        for key, prop in (("organisers", EG.organisedBy), ("supporters", EG.supportedBy),
                          ("participant_orgs", EG.hasParticipant)):
            for org in event.get(key) or []:
                self.add(node, prop, self.organisation(org))
        if event.get("parent"):
            parent = next((e for e in self.facts.get("events", []) if e["name"] == event["parent"]), {})
            parent_node = self.mention(resolve.event_iri(event["parent"], parent.get("date")))
            self.add(parent_node, RDF.type, EG.Event)
            self.label(parent_node, event["parent"])
            self.add(node, EG.subEventOf, parent_node)
        for name in event.get("initiatives") or []:
            self.add(node, EG.concernsInitiative, resolve.initiative_iri_for(name))
        for name in event.get("topics") or []:
            self.add(node, EG.topic, self.topic(name))
        attendees = [resolve.person_iri(n) for n in event.get("participant_persons") or []] or people
        for person in attendees:
            self.add(node, EG.hasParticipant, person)
        for a, b in combinations(sorted(set(attendees)), 2):
            self.add(a, EG.meets, b)
        return node


def gazetteer_graph(places: set[str], roles: dict[str, dict], topics: dict[str, dict]) -> Graph:
    """Background knowledge the articles refer to: places with their hierarchy, initiatives, roles, topics."""
    graph = Graph(identifier=GRAPH["gazetteer"])
    add = graph.add

    def labels(node, record):
        add((node, RDFS.label, Literal(record["ru"], lang="ru")))
        add((node, RDFS.label, Literal(record["en"], lang="en")))
        add((node, SKOS.prefLabel, Literal(record["ru"], lang="ru")))
        add((node, SKOS.prefLabel, Literal(record["en"], lang="en")))

    pending = set(places)
    done: set[str] = set()
    while pending:
        place_id = pending.pop()
        done.add(place_id)
        record = gazetteer.place(place_id)
        node = resolve.place_iri(place_id)
        add((node, RDF.type, PLACE_CLASSES[record["kind"]]))
        if record.get("also_federal_subject"):
            add((node, RDF.type, EG.FederalSubject))
        if record.get("iso"):
            add((node, EG.iso3166Code, Literal(record["iso"])))
        labels(node, record)
        if record.get("parent"):
            add((node, EG.locatedIn, resolve.place_iri(record["parent"])))
            if record["parent"] not in done:
                pending.add(record["parent"])
    for record in gazetteer.initiatives():
        node = resolve.initiative_iri(record["id"])
        add((node, RDF.type, EG[record["cls"]]))
        labels(node, record)
        if record.get("part_of"):
            add((node, EG.partOf, resolve.initiative_iri(record["part_of"])))
    for scheme, records, cls in (("roles", roles, EG.Role), ("topics", topics, EG.Topic)):
        scheme_node = ID[scheme]
        add((scheme_node, RDF.type, SKOS.ConceptScheme))
        for concept_id, record in records.items():
            node = ID[f"{scheme[:-1]}/{concept_id}"]
            add((node, RDF.type, cls))
            add((node, SKOS.inScheme, scheme_node))
            labels(node, record)
    return graph


def article_graph(article: Article, facts: dict) -> tuple[Graph, ArticleMapper]:
    mapper = ArticleMapper(article, facts)
    return mapper.build(), mapper

