"""Resolved records -> RDF: one named graph per article, plus the gazetteer background graph.

Mapping only translates records (`edugraph.resolve.records`) into triples; every name was resolved before.
Every triple about an article's facts lives in `egg:article/<id>`, so each fact can be traced to its source;
posts and events also carry `prov:wasDerivedFrom` the article, and — like the `rdf:Statement` reifying each
`eg:locatedIn` of an organisation — the `eg:Evidence` sentence they were read from and the activity of their method
(`resolve.evidence`). Canonical labels are `rdfs:label` (the build picks one `skos:prefLabel` per language from
them); the article's own wording is a `skos:altLabel`.
"""

from __future__ import annotations

from itertools import combinations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from . import gazetteer
from .namespaces import EG, GRAPH, ID
from .resolve.identity import initiative_iri, place_iri
from .resolve.evidence import Evidence, statement_iri
from .resolve.places import ancestors, place_record
from .resolve.records import (CentreRecord, ConceptRecord, EventRecord, Labels, OrganisationRecord, PersonRecord,
                              PostRecord, ResolvedArticle)

EVENT_CLASSES = {
    "conference": EG.Conference, "meeting": EG.Meeting, "forum": EG.Forum, "session": EG.Session,
    "competition": EG.Competition, "opening": EG.Opening, "other": EG.OtherEvent,
}
ACTIVITY_CLASSES = {"extraction": EG.Extraction, "resolution": EG.Resolution, "curation": EG.Curation}
PLACE_CLASSES = {"country": EG.Country, "federal_district": EG.FederalDistrict, "federal_subject": EG.FederalSubject,
                 "city": EG.City, "district": EG.District}


def date_literal(value: str) -> Literal:
    """An ISO date, year-month or year as the matching XSD literal."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=datatype)


def article_graph_iri(article_id: str) -> URIRef:
    return GRAPH[f"article/{article_id}"]


class ArticleMapper:
    """Builds the named graph of one resolved article."""

    def __init__(self, resolved: ResolvedArticle):
        self.resolved = resolved
        self.lang = resolved.article.language
        self.graph = Graph(identifier=article_graph_iri(resolved.article.id))
        self.subject = resolved.iri

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def labels(self, node: URIRef, labels: Labels, wording: str | None = None) -> None:
        """Canonical labels, and the article's wording as an alternative label when it differs."""
        for lang, text in labels.items():
            self.add(node, RDFS.label, Literal(text, lang=lang))
        if wording and wording != getattr(labels, self.lang):
            self.add(node, SKOS.altLabel, Literal(wording, lang=self.lang))

    def evidence(self, node: URIRef, evidence: Evidence | None) -> None:
        """How the fact `node` was obtained (prov:wasGeneratedBy an activity per method) and the sentence it was
        read from (prov:wasDerivedFrom an eg:Evidence quoted from the article; the article itself if none)."""
        if evidence is None:
            return
        sentence = evidence.sentence
        self.add(node, PROV.wasGeneratedBy, evidence.activity)
        if sentence is None:
            self.add(node, PROV.wasDerivedFrom, self.subject)
            return
        self.add(node, PROV.wasDerivedFrom, sentence.iri)
        self.add(sentence.iri, RDF.type, EG.Evidence)
        self.add(sentence.iri, EG.sentenceText, Literal(sentence.text, lang=self.lang))
        self.add(sentence.iri, EG.startOffset, Literal(sentence.start, datatype=XSD.nonNegativeInteger))
        self.add(sentence.iri, EG.endOffset, Literal(sentence.end, datatype=XSD.nonNegativeInteger))
        self.add(sentence.iri, PROV.wasQuotedFrom, self.subject)

    def reified(self, s: URIRef, p: URIRef, o: URIRef, evidence: Evidence | None) -> None:
        """The triple, and an rdf:Statement about it carrying its evidence."""
        self.add(s, p, o)
        if evidence is not None:
            statement = statement_iri(s, p, o)
            for prop, value in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o)):
                self.add(statement, prop, value)
            self.evidence(statement, evidence)

    def mention(self, node: URIRef) -> URIRef:
        self.add(self.subject, EG.mentions, node)
        return node

    def build(self) -> Graph:
        r = self.resolved
        self.map_article()
        for place in r.places:
            self.mention(place.iri)
        for place in (*r.places, r.source_place, *(e.place for e in r.events)):
            if place and not place.known:
                self.add(place.iri, RDF.type, EG.Place)
                self.labels(place.iri, place.labels)
                if place.within:  # the article's own place, named like one of another region: in its region
                    self.add(place.iri, EG.locatedIn, place_iri(place.within))
        for initiative in (*r.initiatives, *(i for e in r.events for i in e.initiatives)):
            if not initiative.known:
                self.add(initiative.iri, RDF.type, EG.Initiative)
                self.labels(initiative.iri, initiative.labels, initiative.wording)
        for initiative in r.initiatives:
            self.add(self.subject, EG.concernsInitiative, self.mention(initiative.iri))
        for org in r.all_organisations():
            self.organisation(org)
        for person in r.persons:
            self.person(person)
        for topic in r.topics:
            self.add(self.subject, EG.topic, self.mention(topic.iri))
        for event in r.events:
            self.event(event)
        return self.graph

    def map_article(self) -> None:
        a, s = self.resolved.article, self.subject
        self.add(s, RDF.type, EG.Article)
        self.add(s, EG.articleId, Literal(a.id))
        self.add(s, DCTERMS.title, Literal(a.title, lang=self.lang))
        self.add(s, DCTERMS.language, Literal(a.language))
        if a.date:
            self.add(s, DCTERMS.date, date_literal(a.date))
        if a.url:
            self.add(s, DCTERMS.source, URIRef(a.url))
        if self.resolved.source_place:
            self.add(s, EG.sourcePlace, self.resolved.source_place.iri)

    def organisation(self, org: OrganisationRecord) -> URIRef:
        node = self.mention(org.iri)
        self.add(node, RDF.type, EG[org.cls])
        self.labels(node, org.labels, org.wording)
        planned = isinstance(org, CentreRecord) and org.planned  # a centre only to come: planned for its networks
        for network in org.networks:
            self.add(node, EG.plannedForInitiative if planned else EG.partOfInitiative, initiative_iri(network))
        for place_id in org.place_ids:
            self.reified(node, EG.locatedIn, place_iri(place_id), org.located)
        if isinstance(org, CentreRecord) and org.host:
            self.add(node, EG.subOrganisationOf, org.host.iri)
        return node

    def person(self, person: PersonRecord) -> URIRef:
        node = self.mention(person.iri)
        self.add(node, RDF.type, EG.Person)
        self.labels(node, person.labels, person.wording)
        for post in person.posts:
            self.post(node, post)
        return node

    def post(self, person_node: URIRef, post: PostRecord) -> None:
        node = post.iri
        self.add(node, RDF.type, EG.Post)
        self.add(node, EG.heldBy, person_node)
        self.add(person_node, EG.hasPost, node)
        self.add(node, EG.role, post.role.iri)
        self.add(node, EG.postTitle, Literal(post.title, lang=self.lang))
        self.add(node, PROV.wasDerivedFrom, self.subject)
        self.evidence(node, post.evidence)
        if post.as_of:
            self.add(node, EG.asOf, date_literal(post.as_of))
        if post.org:
            self.add(node, EG.postIn, post.org.iri)
            if post.role.head:
                self.add(person_node, EG.heads, post.org.iri)

    def event(self, event: EventRecord) -> URIRef:
        node = self.mention(event.iri)
        cls = EVENT_CLASSES.get(event.kind, EG.OtherEvent)
        self.add(node, RDF.type, EG.VideoConference if cls == EG.Meeting and event.online else cls)
        self.labels(node, event.labels, event.wording)
        self.add(node, PROV.wasDerivedFrom, self.subject)
        self.evidence(node, event.evidence)
        for value, prop in ((event.start, EG.startDate), (event.end, EG.endDate)):
            if value:
                self.add(node, prop, date_literal(value))
        for value, prop in ((event.participants, EG.participantCount), (event.regions, EG.regionCount)):
            if value is not None:
                self.add(node, prop, Literal(int(value), datatype=XSD.nonNegativeInteger))
        if event.participants_min:
            self.add(node, EG.participantCountIsMinimum, Literal(True))
        if event.planned:  # the article tells it as still to come
            self.add(node, EG.planned, Literal(True))
        if event.place:
            self.add(node, EG.takesPlaceIn, self.mention(event.place.iri))
        for venue in (event.venue, event.centre):  # the centre it opens or visits is where it is held
            if venue:
                self.add(node, EG.venue, venue.iri)
        if event.online:
            self.add(node, EG.onlinePlatform, Literal(event.online))
        for orgs, prop in ((event.organisers, EG.organisedBy), (event.supporters, EG.supportedBy),
                           (event.participant_orgs, EG.hasParticipant)):
            for org in orgs:
                self.add(node, prop, org.iri)
        if event.parent:
            parent = self.mention(event.parent.iri)  # the article names it, if only as the event this one is part of
            self.add(parent, RDF.type, EG.Event)
            self.add(parent, PROV.wasDerivedFrom, self.subject)
            self.labels(parent, event.parent.labels, event.parent.wording)
            self.add(node, EG.subEventOf, parent)
        for initiative in event.initiatives:
            self.add(node, EG.concernsInitiative, initiative.iri)
        for topic in event.topics:
            self.add(node, EG.topic, self.mention(topic.iri))
        attendees = sorted({person.iri for person in event.attendees})
        for person in attendees:
            self.add(node, EG.hasParticipant, person)
        for a, b in combinations(attendees, 2):
            self.add(a, EG.meets, b)
        return node


def article_graph(resolved: ResolvedArticle) -> Graph:
    """The named graph of one resolved article."""
    return ArticleMapper(resolved).build()


def gazetteer_graph(resolved: list[ResolvedArticle]) -> Graph:
    """Background knowledge the records refer to: their places with the enclosing ones, every initiative,
    the activities (methods) their evidence names, and the roles and topics used."""
    graph = Graph(identifier=GRAPH["gazetteer"])
    add = graph.add

    def labels(node, record: Labels):
        for lang, text in record.items():
            add((node, RDFS.label, Literal(text, lang=lang)))
            add((node, SKOS.prefLabel, Literal(text, lang=lang)))

    place_ids = set().union(*(r.place_ids() for r in resolved))
    for record in {p["id"]: p for ident in place_ids for p in ancestors(place_record(ident))}.values():
        node = place_iri(record["id"])
        add((node, RDF.type, PLACE_CLASSES[record["kind"]]))
        if record.get("also_federal_subject"):
            add((node, RDF.type, EG.FederalSubject))
        if record.get("iso"):
            add((node, EG.iso3166Code, Literal(record["iso"])))
        labels(node, Labels(ru=record["ru"], en=record["en"]))
        if record.get("parent"):
            add((node, EG.locatedIn, place_iri(record["parent"])))
    for record in gazetteer.initiatives():
        node = initiative_iri(record["id"])
        add((node, RDF.type, EG[record["cls"]]))
        labels(node, Labels(ru=record["ru"], en=record["en"]))
        if record.get("part_of"):
            add((node, EG.partOf, initiative_iri(record["part_of"])))
    for evidence in {e.method: e for r in resolved for e in r.evidence()}.values():
        add((evidence.activity, RDF.type, ACTIVITY_CLASSES[evidence.kind]))
        labels(evidence.activity, Labels(*evidence.activity_labels()))
    for scheme, cls in (("role", EG.Role), ("topic", EG.Topic)):
        scheme_node = ID[f"{scheme}s"]
        add((scheme_node, RDF.type, SKOS.ConceptScheme))
        concepts: dict[URIRef, ConceptRecord] = {c.iri: c for r in resolved for c in r.concepts(scheme)}
        for node, concept in concepts.items():
            add((node, RDF.type, cls))
            add((node, SKOS.inScheme, scheme_node))
            labels(node, concept.labels)
    return graph
