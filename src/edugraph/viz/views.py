"""Which part of the network each page shows: whole graph, initiatives, regions, ego networks, bipartite views
(people ↔ events, organisations ↔ initiatives, topics). Titles and notes are in both languages."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ..curation import fold
from ..errors import EduGraphError
from ..analysis.network import in_order, local_name
from ..analysis.metrics import degree_centrality
from ..text import shorten
from .i18n import CATEGORY_NAMES, LANGS, both

MAX_TEXT = 240  # characters of one name, title or source sentence shown on a page (titles, tooltips, the search)
PLACING = {"locatedIn", "takesPlaceIn"}  # edges that lead from an entity up to its place
HEADING = {"heads", "worksFor"}  # edges from a person to the organisation they head or work for
SIZE_BY_DEGREE = both("число связей на этой странице (степенная центральность)",
                      "number of links on this page (degree centrality)")
SIZE_BY_LINKS = both("число связей на этой странице; связь, за которой стоят N статей или мероприятий, считается N раз",
                     "number of links on this page; a link standing for N articles or events counts N times")


@dataclass
class View:
    """One page: a subgraph, the nodes it is about, and how to size its nodes."""

    slug: str
    title: dict[str, str]  # {"ru": ..., "en": ...}
    graph: nx.MultiDiGraph
    keep: set[str] = field(default_factory=set)  # never dropped when the page is reduced
    note: dict[str, str] = field(default_factory=dict)  # {"ru": ..., "en": ...} or empty
    scores: dict[str, float] | None = None  # node size; degree centrality when None
    size: dict[str, str] = field(default_factory=lambda: SIZE_BY_DEGREE)  # what node size means
    subject: dict[str, str] | None = None  # the entity the page is about, as the overview names it

    def __post_init__(self):
        self.graph = in_order(self.graph)  # subgraphs follow set order: sorted, a page is the same every run

    def score(self) -> dict[str, float]:
        if self.scores is None:
            self.scores = degree_centrality(self.graph)
        return self.scores


def neighbours(graph: nx.MultiDiGraph, node: str) -> set[str]:
    return set(graph.successors(node)) | set(graph.predecessors(node))


def neighbourhood(graph: nx.MultiDiGraph, seeds: set[str], depth: int, expand=lambda node: True) -> set[str]:
    """Nodes within `depth` hops of `seeds` (either direction), only expanding nodes for which `expand` holds."""
    seen, frontier = set(seeds), set(seeds)
    for _ in range(depth):
        frontier = {m for n in frontier if n in seeds or expand(n) for m in neighbours(graph, n)} - seen
        seen |= frontier
    return seen


def label(graph: nx.MultiDiGraph, node: str, lang: str) -> str:
    """The node's label as shown: cut at MAX_TEXT (the graph and the build's files keep it whole)."""
    return shorten(graph.nodes[node][f"label_{lang}"], MAX_TEXT)


def labels(graph: nx.MultiDiGraph, node: str) -> dict[str, str]:
    return both(label(graph, node, "ru"), label(graph, node, "en"))


def titled(prefix: dict[str, str], graph: nx.MultiDiGraph, node: str) -> dict[str, str]:
    """A page title 'prefix: label' in both languages."""
    return {lang: f"{prefix[lang]}: {label(graph, node, lang)}" for lang in LANGS}


def whole(graph: nx.MultiDiGraph) -> View:
    return View("all", both("Весь граф", "Whole graph"), graph)


def of_category(graph: nx.MultiDiGraph, nodes, *categories: str) -> set[str]:
    return {n for n in nodes if graph.nodes[n]["category"] in categories}


def places_above(graph: nx.MultiDiGraph, nodes: set[str]) -> set[str]:
    """The places these nodes are located or take place in, up to their federal subject (never the country)."""
    found, todo = set(), list(nodes)
    while todo:
        node = todo.pop()
        for _, place, key in graph.out_edges(node, keys=True):
            attrs = graph.nodes[place]
            if key in PLACING and attrs["category"] == "Place" and attrs["cls"] != "Country" and place not in found:
                found.add(place)
                if attrs["cls"] != "FederalSubject":
                    todo.append(place)
    return found


def initiative_views(graph: nx.MultiDiGraph, co_mentions: bool = False) -> list[View]:
    """One page per initiative (with its sub-initiatives): its centres, their cities and regions, their heads,
    its events and theirs, and where those took place. `co_mentions` adds what the initiative's articles
    mention, joined by a 'mentioned together' edge when nothing else links it."""
    views = []
    for node in sorted(n for n, c in graph.nodes(data="category") if c == "Initiative"):
        core = {node} | sub_initiatives(graph, node)
        centres = of_category(graph, set().union(*(neighbours(graph, c) for c in core)), "Organisation")
        events = of_category(graph, set().union(*(neighbours(graph, n) for n in core | centres)), "Event")
        heads = {p for c in centres for p, _, key in graph.in_edges(c, keys=True)
                 if key in HEADING and graph.nodes[p]["category"] == "Person"}
        members = core | centres | events | heads | places_above(graph, centres | events)
        subgraph = graph.subgraph(members).copy()
        if co_mentions:
            add_co_mentions(graph, subgraph, node, core)
        views.append(View(f"initiative-{local_name(node)}", labels(graph, node), subgraph, keep=core))
    return views


def add_co_mentions(graph: nx.MultiDiGraph, subgraph: nx.MultiDiGraph, node: str, core: set[str]) -> None:
    """Organisations, people and events of the initiative's articles, with their neighbours; those not
    linked to the initiative get a `viaArticle` edge to it naming the articles."""
    from_articles = article_entities(graph, core)
    extra = neighbourhood(graph, set(from_articles), 1, lambda n: False) - set(subgraph)
    subgraph.add_nodes_from((n, graph.nodes[n]) for n in extra)
    subgraph.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(set(subgraph), keys=True, data=True)
                            if u in subgraph and v in subgraph)
    for other, titles in from_articles.items():
        if graph.nodes[other]["category"] in ("Event", "Organisation") and not neighbours(subgraph, other) & core:
            subgraph.add_edge(other, node, key="viaArticle", label="viaArticle", detail="; ".join(titles))


def article_entities(graph: nx.MultiDiGraph, initiatives: set[str]) -> dict[str, list[str]]:
    """Organisations, people and events of the articles that concern these initiatives -> article titles."""
    articles = {a: r["title"] for a, r in graph.graph.get("articles", {}).items()
                if initiatives & set(r.get("initiatives", []))}
    return {n: [articles[a] for a in attrs["articles"] if a in articles] for n, attrs in graph.nodes(data=True)
            if attrs["category"] in ("Organisation", "Person", "Event") and articles.keys() & set(attrs["articles"])}


def sub_initiatives(graph: nx.MultiDiGraph, node: str) -> set[str]:
    """Initiatives that are (transitively) `partOf` this one."""
    subs, todo = set(), [node]
    while todo:
        for child, _, key in graph.in_edges(todo.pop(), keys=True):
            if key == "partOf" and child not in subs:
                subs.add(child)
                todo.append(child)
    return subs


def region_views(graph: nx.MultiDiGraph) -> list[View]:
    """One page per federal subject that more than places are located in: what the OWL-RL closure locates
    in it, and the people linked to that."""
    views = []
    for region, members in graph.graph.get("regions", {}).items():
        if all(graph.nodes[m]["category"] == "Place" for m in members):
            continue  # only places: nothing the articles say about the region
        views.append(View(f"region-{local_name(region)}", titled(both("Регион", "Region"), graph, region),
                          graph.subgraph(members).copy(), keep={region}, subject=labels(graph, region),
                          note=both("Всё, что по выводу OWL-RL находится, проходит или действует в регионе, "
                                    "и связанные с этим люди.",
                                    "Everything that OWL-RL reasoning places, holds or finds active in the region, "
                                    "and the people linked to it.")))
    return views


def find_node(graph: nx.MultiDiGraph, text: str) -> str:
    """The node whose IRI or label (either language, case-insensitive) is `text`; else a clear error."""
    if text in graph:
        return text
    wanted = fold(text)
    labels, spelling = {}, {}
    for node, attrs in graph.nodes(data=True):
        for lang in ("ru", "en"):
            key = fold(attrs[f"label_{lang}"])
            labels.setdefault(key, set()).add(node)
            spelling.setdefault(key, attrs[f"label_{lang}"])
    found = labels.get(wanted, set())
    if len(found) == 1:
        return found.pop()
    if found:
        raise EduGraphError(f"'{text}' names several entities: {', '.join(sorted(found))}; give the IRI")
    close = difflib.get_close_matches(wanted, labels, n=5, cutoff=0.6)
    close += [k for k in sorted(labels) if wanted in k and k not in close][:5 - len(close)]
    hint = f"; close matches: {', '.join(shorten(spelling[k], MAX_TEXT) for k in close)}" if close else ""
    raise EduGraphError(f"no entity named '{text}'{hint}")


def ego_view(graph: nx.MultiDiGraph, focus: str, depth: int = 1) -> View:
    """Everything within `depth` hops of the entity named by `focus` (label in either language, or IRI)."""
    node = find_node(graph, focus)
    members = neighbourhood(graph, {node}, depth)
    hops = both(f"{depth} шаг{plural_ru(depth)}", f"{depth} hop{'s' * (depth > 1)}")  # how far the page reaches
    title = {lang: f"{text}: {label(graph, node, lang)} ({hops[lang]})"
             for lang, text in both("Окружение", "Around").items()}
    return View(f"ego-{local_name(node)}", title, graph.subgraph(members).copy(), keep={node})


def plural_ru(n: int) -> str:
    """The ending of «шаг» after the number n (шаг, шага, шагов).

    >>> [f"{n} шаг{plural_ru(n)}" for n in (1, 2, 5, 11, 21, 22)]
    ['1 шаг', '2 шага', '5 шагов', '11 шагов', '21 шаг', '22 шага']
    """
    if n % 10 == 1 and n % 100 != 11:
        return ""
    return "а" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "ов"


def central_views(graph: nx.MultiDiGraph, ranking: dict[str, list[dict]]) -> list[View]:
    """Ego pages (one hop) of the entities of a `central_entities` ranking, for the overview."""
    return [ego_view(graph, item["iri"]) for items in ranking.values() for item in items]


def bipartite_view(graph: nx.MultiDiGraph, slug: str, title: dict, sides: tuple[set, set],
                   links: list[tuple[str, str, str, str, int]], note: dict) -> View:
    """The bipartite graph itself (links: source, target, key, detail, weight); each node is sized by its
    weighted degree on the page (an initiative by the institutions linked to it, a person by their events) and
    lists its top partners: the nodes of its own side it shares most neighbours with (the weighted projection).
    Sizes from the projection drew a hub smallest: an initiative whose 15 centres belong to nothing else shares
    them with no other initiative."""
    bipartite = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        side = next((i for i, categories in enumerate(sides) if attrs["category"] in categories), None)
        if side is not None:
            bipartite.add_node(node, **attrs, bipartite=side)
    for u, v, key, detail, weight in links:
        bipartite.add_edge(u, v, key=key, label=key, weight=weight, **({"detail": detail} if detail else {}))
    bipartite.remove_nodes_from([n for n in list(bipartite) if bipartite.degree(n) == 0])
    weights = projection_weights(bipartite)
    scores = {node: float(degree) for node, degree in bipartite.degree(weight="weight")}
    for node, partners in weights.items():
        top = sorted(partners.items(), key=lambda item: (-item[1], item[0]))[:5]  # ties: the same every run
        bipartite.nodes[node]["partners"] = [(label(graph, p, "ru"), label(graph, p, "en"), w) for p, w in top]
    return View(slug, title, bipartite, note=note, scores=scores, size=SIZE_BY_LINKS)


def projection_weights(bipartite: nx.MultiDiGraph) -> dict[str, Counter]:
    """Per node, the weights of its edges in the weighted projection onto its own side:
    the number of shared neighbours, as `nx.bipartite.weighted_projected_graph` counts them,
    without building the (possibly quadratic) projected graph."""
    undirected = {n: neighbours(bipartite, n) for n in bipartite}
    return {n: Counter(m for other in undirected[n] for m in undirected[other] if m != n) for n in bipartite}


def people_events(graph: nx.MultiDiGraph) -> View:
    links = [(u, v, k, "", 1) for u, v, k in graph.edges(keys=True)
             if k == "hasParticipant" and graph.nodes[v]["category"] == "Person"
             and graph.nodes[u]["category"] == "Event"]
    note = both("Люди и мероприятия, в которых они участвовали. Размер узла — у человека число его мероприятий, у "
                "мероприятия — число участников; с кем человек чаще всего встречался, видно в подсказке.",
                "People and the events they took part in. Node size: a person's number of events, an event's "
                "number of participants; whom a person met most often is in the tooltip.")
    return bipartite_view(graph, "people-events", both("Люди и мероприятия", "People and events"),
                          ({"Person"}, {"Event"}), links, note)


def institutions_initiatives(graph: nx.MultiDiGraph) -> View:
    """Institutions and initiatives: direct relations, plus `viaEvent` when an institution organises,
    hosts, supports or takes part in an event concerning the initiative (weight: the number of events)."""
    category = graph.nodes
    links = [(u, v, k, "", 1) for u, v, k in graph.edges(keys=True)
             if {category[u]["category"], category[v]["category"]} == {"Organisation", "Initiative"}]
    via = {}
    for event, initiative, key in graph.edges(keys=True):
        if key == "concernsInitiative" and category[event]["category"] == "Event":
            for org in neighbours(graph, event):
                if category[org]["category"] == "Organisation":
                    via.setdefault((org, initiative), set()).add(event)
    direct = {(u, v) for u, v, *_ in links}
    links += [(org, ini, "viaEvent", "; ".join(sorted(label(graph, e, "ru") for e in events)), len(events))
              for (org, ini), events in sorted(via.items()) if (org, ini) not in direct]
    note = both("Организации и инициативы (напрямую или через мероприятия). Размер узла — у инициативы число "
                "связанных с ней учреждений, у учреждения — число его инициатив (через мероприятия — число "
                "мероприятий).",
                "Institutions and initiatives (directly or through events). Node size: an initiative's number of "
                "institutions, an institution's number of initiatives (through events: the number of events).")
    return bipartite_view(graph, "institutions-initiatives", both("Организации и инициативы",
                                                                  "Institutions and initiatives"),
                          ({"Organisation"}, {"Initiative"}), links, note)


def topics_view(graph: nx.MultiDiGraph) -> View:
    """Topics and the initiatives the articles on a topic concern (weight: the number of such articles),
    plus the events on a topic."""
    count: Counter = Counter()
    titles: dict[tuple[str, str], list[str]] = {}
    for record in graph.graph.get("articles", {}).values():
        for topic in record.get("topics", []):
            for initiative in record.get("initiatives", []):
                if topic in graph and initiative in graph:
                    count[topic, initiative] += 1
                    titles.setdefault((topic, initiative), []).append(record["title"])
    links = [(t, i, "inArticlesAbout", "; ".join(titles[t, i]), n) for (t, i), n in sorted(count.items())]
    links += [(u, v, k, "", 1) for u, v, k in graph.edges(keys=True) if k == "topic"]
    note = both("Темы и инициативы, о которых пишут статьи на эту тему (толщина связи — число статей), и "
                "мероприятия по темам. Размер узла — число статей и мероприятий на его связях.",
                "Topics and the initiatives that the articles on a topic concern (edge width: the number of "
                "articles), and the events on a topic. Node size: the number of articles and events on its links.")
    return bipartite_view(graph, "topics", both("Темы", "Topics"), ({"Topic"}, {"Initiative", "Event"}),
                          links, note)


def reduce(view: View, max_nodes: int) -> View:
    """At most `max_nodes` nodes: the kept ones plus the most central others; the note says what was left out."""
    graph = view.graph
    if graph.number_of_nodes() <= max_nodes:
        return view
    scores = view.score()
    ranked = sorted((n for n in graph if n not in view.keep), key=lambda n: (-scores.get(n, 0), n))
    shown = set(view.keep) | set(ranked[:max(0, max_nodes - len(view.keep))])
    left = Counter(graph.nodes[n]["category"] for n in graph if n not in shown)
    counts = sorted(left.items(), key=lambda item: (-item[1], item[0]))  # most first; ties by category
    detail = {lang: ", ".join(f"{CATEGORY_NAMES[cat][lang]} {count}" for cat, count in counts) for lang in LANGS}
    note = both(f"Показано {len(shown)} из {len(graph)} узлов (самые центральные); не показаны: {detail['ru']}.",
                f"Showing {len(shown)} of {len(graph)} nodes (the most central); left out: {detail['en']}.")
    joined = {lang: " ".join(filter(None, [view.note.get(lang, ""), note[lang]])) for lang in LANGS}
    return View(view.slug, view.title, graph.subgraph(shown).copy(), view.keep, joined, scores, view.size,
                view.subject)
