"""RDF -> networkx: the one place that turns the knowledge graph into a network.

- nodes: entities (people, organisations, initiatives, events, places, topics), keyed by IRI, with
  `category` (coarse class for colour/shape), `cls` (most specific asserted class), `cls_ru`/`cls_en`,
  `label_ru`/`label_en`, `articles` (ids of the articles they come from), `facts` (literal values:
  dates, participant counts ...) and, on people, `posts` [(title_ru, title_en, organisation IRI)];
- edges: object properties between two entities, key and `label` = the property's local name;
- `graph.graph`: `articles` (id -> title, date, initiatives, topics), `terms` (property local name ->
  (ru label, en label) from the ontology) and `regions` (federal subject IRI -> the entities located,
  held or active in it according to the OWL-RL closure; only when the inferred triples are given).

Only asserted triples are used: the OWL-RL closure adds transitive `locatedIn`/`partOf` and chain
edges (`takesPlaceIn` up to the country, `worksFor`, inverses) that would clutter the picture; the
ontology is used only to lift classes to their category. Articles, posts and roles are not nodes:
articles become `articles` attributes (titles and dates in `graph.graph["articles"]`), and each post
becomes a `worksFor` edge person -> organisation with the post title, plus a `posts` entry on the person.
`evidence` (nodes and edges): the sentences the facts were read from (`edugraph.resolve.evidence`) — an event's
own, a person's posts', a post's on its `worksFor` edge, a reified triple's (`locatedIn`) on its edge.
`meets` is left out: the mapping derives it from shared events, which `hasParticipant` already shows.
Topics are kept even when only articles refer to them; articles keep the initiatives and topics they concern.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from ..namespaces import EG
from ..output.read import load_graph, parse_into
from ..paths import require_build

CATEGORIES = ("Initiative", "Organisation", "Person", "Event", "Place", "Topic")  # first match wins
LABELS = (SKOS.prefLabel, RDFS.label)
SKIP_PROPERTIES = {EG.meets, EG.mentions, EG.sourcePlace}
FOLDED = {EG.hasPost, EG.heldBy, EG.postIn, EG.role, EG.postTitle}


def local_name(iri) -> str:
    """The part of an IRI after the last '#' or '/'."""
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1:] or text


def pick_label(values: list[Literal], lang: str) -> str | None:
    """The longest label in `lang`, deterministic; None when there is none."""
    same = sorted((v for v in values if v.language == lang), key=lambda v: (-len(v), str(v)))
    return str(same[0]) if same else None


class Schema:
    """Class hierarchy and class labels from the ontology."""

    def __init__(self, ontology: Graph):
        self.parents = defaultdict(set)
        for child, parent in ontology.subject_objects(RDFS.subClassOf):
            self.parents[child].add(parent)
        self.ontology = ontology
        self._ancestors: dict[URIRef, set] = {}

    def ancestors(self, cls: URIRef) -> set:
        """The class and all its superclasses."""
        if cls not in self._ancestors:
            seen, todo = {cls}, [cls]
            while todo:
                for parent in self.parents[todo.pop()] - seen:
                    seen.add(parent)
                    todo.append(parent)
            self._ancestors[cls] = seen
        return self._ancestors[cls]

    def category(self, types: set) -> str | None:
        lifted = set().union(*(self.ancestors(t) for t in types)) if types else set()
        return next((name for name in CATEGORIES if EG[name] in lifted), None)

    def most_specific(self, types: set) -> URIRef:
        """The asserted class that is not a superclass of another one (alphabetically first if several)."""
        own = [t for t in types if not any(t != o and t in self.ancestors(o) for o in types)]
        return sorted(own or types, key=str)[0]

    def label(self, cls: URIRef, lang: str) -> str:
        return pick_label(list(self.ontology.objects(cls, RDFS.label)), lang) or local_name(cls)


def entity_labels(data: Graph, node: URIRef) -> dict[str, str]:
    """label_ru / label_en: skos:prefLabel in that language, else rdfs:label in that language, else the
    other language's label, else any label, else the IRI's local name (never a transliteration)."""
    by_property = [[v for v in data.objects(node, p) if isinstance(v, Literal)] for p in LABELS]

    def own(lang):
        return next((found for values in by_property if (found := pick_label(values, lang))), None)

    ru, en = own("ru"), own("en")
    fallback = ru or en or next((str(v) for values in by_property for v in values), local_name(node))
    return {"label_ru": ru or fallback, "label_en": en or fallback}


def term_labels(ontology: Graph) -> dict[str, tuple[str, str]]:
    """Property local name -> its (ru, en) rdfs:label in the ontology."""
    terms = {}
    for prop in set(ontology.subjects(RDFS.label, None)):
        values = list(ontology.objects(prop, RDFS.label))
        if isinstance(prop, URIRef) and local_name(prop)[:1].islower():
            ru, en = pick_label(values, "ru"), pick_label(values, "en")
            terms[local_name(prop)] = (ru or en or local_name(prop), en or ru or local_name(prop))
    return terms


def sentences(data: Graph, fact) -> list[str]:
    """The texts of the eg:Evidence sentences a fact (post, event, rdf:Statement) was derived from."""
    derived = data.objects(fact, PROV.wasDerivedFrom)
    return sorted({str(text) for source in derived for text in data.objects(source, EG.sentenceText)})


def article_records(data: Graph) -> dict[str, dict]:
    """Article IRI -> {id, title, date}."""
    records = {}
    for article in data.subjects(RDF.type, EG.Article):
        titles = list(data.objects(article, DCTERMS.title))
        records[article] = {"id": str(data.value(article, EG.articleId) or local_name(article)),
                            "title": str(titles[0]) if titles else "",
                            "date": str(data.value(article, DCTERMS.date) or ""),
                            "initiatives": sorted(map(str, data.objects(article, EG.concernsInitiative))),
                            "topics": sorted(map(str, data.objects(article, EG.topic)))}
    return records


def to_networkx(data: Graph, ontology: Graph | None = None, inferred: Graph | None = None) -> nx.MultiDiGraph:
    """Convert asserted RDF data (with the ontology for the class hierarchy and property labels, and the
    inferred triples for `regions`) to a MultiDiGraph."""
    ontology = ontology if ontology is not None else data
    schema = Schema(ontology)
    types = defaultdict(set)
    for s, o in data.subject_objects(RDF.type):
        if isinstance(s, URIRef):
            types[s].add(o)
    categories = {s: c for s, ts in types.items() if (c := schema.category(ts))}
    articles = article_records(data)
    graph = nx.MultiDiGraph(articles={a["id"]: a for a in articles.values()}, terms=term_labels(ontology))
    for node, category in categories.items():
        cls = schema.most_specific(types[node])
        graph.add_node(str(node), iri=str(node), category=category, cls=local_name(cls),
                       cls_ru=schema.label(cls, "ru"), cls_en=schema.label(cls, "en"),
                       articles=set(), facts=defaultdict(list), posts=[], evidence=sentences(data, node),
                       **entity_labels(data, node))
    reified = {(data.value(st, RDF.subject), data.value(st, RDF.predicate), data.value(st, RDF.object)): st
               for st in data.subjects(RDF.type, RDF.Statement)}
    for s, p, o in data:
        if s in categories and p not in LABELS and p != RDF.type:
            if isinstance(o, Literal):
                graph.nodes[str(s)]["facts"][local_name(p)].append(str(o))
            elif o in categories and p not in SKIP_PROPERTIES and p not in FOLDED:
                graph.add_edge(str(s), str(o), key=local_name(p), label=local_name(p),
                               evidence=sentences(data, reified[s, p, o]) if (s, p, o) in reified else [])
    fold_posts(data, graph)
    attach_articles(data, graph, articles)
    for _, attrs in graph.nodes(data=True):
        attrs["articles"] = sorted(attrs["articles"])
        attrs["facts"] = {key: sorted(set(values)) for key, values in sorted(attrs["facts"].items())}
        attrs["posts"] = sorted(set(attrs["posts"]))
    if inferred is not None:
        graph.graph["regions"] = regions(inferred, data, graph)
    return in_order(graph)


def in_order(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same network with its nodes and edges sorted by IRI (and edge key). rdflib yields triples in an order
    that changes from one process to the next, and Louvain communities, sampled betweenness and the pictures'
    layouts follow the order of nodes and edges: sorted, `stats` and `viz` give the same answer every run."""
    ordered = nx.MultiDiGraph(**graph.graph)
    ordered.add_nodes_from(sorted(graph.nodes(data=True), key=lambda item: item[0]))
    ordered.add_edges_from(sorted(graph.edges(keys=True, data=True), key=lambda edge: edge[:3]))
    return ordered


LOCATING = (EG.locatedIn, EG.takesPlaceIn, EG.activeIn)


def regions(inferred: Graph, data: Graph, graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Federal subject -> the nodes that the OWL-RL closure locates in it (organisations and places
    `locatedIn`, events `takesPlaceIn`, initiatives `activeIn`), plus the people who head, work for
    or take part in one of those."""
    subjects = {str(s) for s in data.subjects(RDF.type, EG.FederalSubject)} & set(graph)
    found = defaultdict(set)
    for prop in LOCATING:
        for s, o in (*data.subject_objects(prop), *inferred.subject_objects(prop)):
            if str(o) in subjects and str(s) in graph and str(s) != str(o):
                found[str(o)].add(str(s))
    for region, members in found.items():
        people = {p for m in members for p, _ in graph.in_edges(m) if graph.nodes[p]["category"] == "Person"}
        people |= {p for m in members for _, p in graph.out_edges(m) if graph.nodes[p]["category"] == "Person"}
        members |= people | {region}
    return {region: sorted(members) for region, members in sorted(found.items())}


def post_titles(data: Graph, post: URIRef) -> tuple[str, str]:
    """(ru, en) title of a post: its own title in that language, else its role's label, else any title."""
    values = [*data.objects(post, EG.postTitle)]
    role = data.value(post, EG.role)
    role_labels = [*data.objects(role, RDFS.label), *data.objects(role, SKOS.prefLabel)] if role else []
    fallback = str(values[0]) if values else local_name(role or "post")
    return tuple(pick_label(values, lang) or pick_label(role_labels, lang) or fallback for lang in ("ru", "en"))


def fold_posts(data: Graph, graph: nx.MultiDiGraph) -> None:
    """Each eg:Post -> a `posts` entry (ru title, en title, organisation) on the person and a `worksFor`
    edge to the organisation."""
    for post in data.subjects(RDF.type, EG.Post):
        person, org = str(data.value(post, EG.heldBy)), str(data.value(post, EG.postIn))
        if person not in graph:
            continue
        title_ru, title_en = post_titles(data, post)
        graph.nodes[person]["posts"].append((title_ru, title_en, org if org in graph else ""))
        graph.nodes[person]["evidence"] = sorted({*graph.nodes[person]["evidence"], *sentences(data, post)})
        if org in graph:
            graph.add_edge(person, org, key="worksFor", label="worksFor", post_ru=title_ru, post_en=title_en,
                           evidence=sentences(data, post))


def attach_articles(data: Graph, graph: nx.MultiDiGraph, articles: dict) -> None:
    """Source articles: those that mention an entity, or that a post/event was derived from."""
    for article, record in articles.items():
        nodes = set(data.objects(article, EG.mentions))
        for derived in data.subjects(PROV.wasDerivedFrom, article):
            nodes.add(derived)
            nodes.add(data.value(derived, EG.heldBy))
        for node in nodes:
            if str(node) in graph:
                graph.nodes[str(node)]["articles"].add(record["id"])


def load(build_dir: Path) -> nx.MultiDiGraph:
    """The network of a build: asserted data, classes lifted with the build's ontology, regions from
    the inferred triples."""
    build_dir = require_build(build_dir)
    ontology = Graph()
    if (build_dir / "ontology.ttl").is_file():
        parse_into(ontology, build_dir / "ontology.ttl", "turtle")
    inferred = parse_into(Graph(), build_dir / "inferred.nt", "nt")
    return to_networkx(load_graph(build_dir, inferred=False), ontology, inferred)


def simple(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph with `weight` = number of relations between two nodes."""
    result = nx.Graph()
    result.add_nodes_from(graph.nodes(data=True))
    for u, v in graph.edges():
        if u != v:
            weight = result[u][v]["weight"] + 1 if result.has_edge(u, v) else 1
            result.add_edge(u, v, weight=weight)
    return result
