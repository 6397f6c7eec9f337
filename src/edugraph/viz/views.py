"""Which part of the network each page shows: whole graph, initiatives, ego networks, bipartite views."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ..curation import fold
from ..errors import EduGraphError
from ..analysis.network import local_name
from ..analysis.metrics import degree_centrality

LEAVES = {"Person", "Place", "Topic", "Initiative"}  # an initiative page does not expand through these


@dataclass
class View:
    """One page: a subgraph, the nodes it is about, and how to size its nodes."""

    slug: str
    title: str
    graph: nx.MultiDiGraph
    keep: set[str] = field(default_factory=set)  # never dropped when the page is reduced
    note: str = ""
    scores: dict[str, float] | None = None  # node size; degree centrality when None

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
    return graph.nodes[node][f"label_{lang}"]


def whole(graph: nx.MultiDiGraph, lang: str) -> View:
    return View("all", {"ru": "Весь граф", "en": "Whole graph"}[lang], graph)


def initiative_views(graph: nx.MultiDiGraph, lang: str) -> list[View]:
    """One page per initiative: its sub-initiatives, institutions and events, then their people and places."""
    views = []
    for node in sorted(n for n, c in graph.nodes(data="category") if c == "Initiative"):
        core = {node} | sub_initiatives(graph, node)
        members = neighbourhood(graph, core, 2, lambda n: graph.nodes[n]["category"] not in LEAVES)
        from_articles = article_entities(graph, core)
        subgraph = graph.subgraph(members | neighbourhood(graph, set(from_articles), 1, lambda n: False)).copy()
        for other, titles in from_articles.items():
            if graph.nodes[other]["category"] in ("Event", "Organisation") and not neighbours(subgraph, other) & core:
                subgraph.add_edge(other, node, key="viaArticle", label="viaArticle", detail="; ".join(titles))
        views.append(View(f"initiative-{local_name(node)}", label(graph, node, lang), subgraph, keep=core))
    return views


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
    hint = f"; close matches: {', '.join(spelling[k] for k in close)}" if close else ""
    raise EduGraphError(f"no entity named '{text}'{hint}")


def ego_view(graph: nx.MultiDiGraph, focus: str, depth: int, lang: str) -> View:
    node = find_node(graph, focus)
    members = neighbourhood(graph, {node}, depth)
    title = {"ru": "Окружение", "en": "Around"}[lang] + f": {label(graph, node, lang)} ({depth})"
    return View(f"ego-{local_name(node)}", title, graph.subgraph(members).copy(), keep={node})


def bipartite_view(graph: nx.MultiDiGraph, slug: str, title: str, sides: tuple[str, str],
                   links: list[tuple[str, str, str, str]], note: str) -> View:
    """The bipartite graph itself; each node is sized by its weighted degree in its side's projection
    (how many shared neighbours it has with the nodes of its own side) and lists its top partners."""
    bipartite = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        if attrs["category"] in sides:
            bipartite.add_node(node, **attrs, bipartite=sides.index(attrs["category"]))
    for u, v, key, detail in links:
        bipartite.add_edge(u, v, key=key, label=key, **({"detail": detail} if detail else {}))
    bipartite.remove_nodes_from([n for n in list(bipartite) if bipartite.degree(n) == 0])
    weights = projection_weights(bipartite)
    scores = {}
    for node, partners in weights.items():
        scores[node] = float(sum(partners.values()))
        bipartite.nodes[node]["partners"] = [(label(graph, p, "ru"), label(graph, p, "en"), w)
                                             for p, w in partners.most_common(5)]
    return View(slug, title, bipartite, note=note, scores=scores)


def projection_weights(bipartite: nx.MultiDiGraph) -> dict[str, Counter]:
    """Per node, the weights of its edges in the weighted projection onto its own side:
    the number of shared neighbours, as `nx.bipartite.weighted_projected_graph` counts them,
    without building the (possibly quadratic) projected graph."""
    undirected = {n: neighbours(bipartite, n) for n in bipartite}
    return {n: Counter(m for other in undirected[n] for m in undirected[other] if m != n) for n in bipartite}


def people_events(graph: nx.MultiDiGraph, lang: str) -> View:
    links = [(u, v, k, "") for u, v, k in graph.edges(keys=True)
             if k == "hasParticipant" and graph.nodes[v]["category"] == "Person"
             and graph.nodes[u]["category"] == "Event"]
    note = {"ru": "Люди и мероприятия, в которых они участвовали. Размер узла — взвешенная степень в проекции: "
                  "сколько раз человек встречался с другими на общих мероприятиях (для мероприятий — общих участников).",
            "en": "People and the events they took part in. Node size is the weighted degree in the projection: "
                  "how often a person met others at shared events (for events: shared participants)."}[lang]
    return bipartite_view(graph, "people-events", {"ru": "Люди и мероприятия", "en": "People and events"}[lang],
                          ("Person", "Event"), links, note)


def institutions_initiatives(graph: nx.MultiDiGraph, lang: str) -> View:
    """Institutions and initiatives: direct relations, plus `viaEvent` when an institution organises,
    hosts, supports or takes part in an event concerning the initiative."""
    category = graph.nodes
    links = [(u, v, k, "") for u, v, k in graph.edges(keys=True)
             if {category[u]["category"], category[v]["category"]} == {"Organisation", "Initiative"}]
    via = {}
    for event, initiative, key in graph.edges(keys=True):
        if key == "concernsInitiative" and category[event]["category"] == "Event":
            for org in neighbours(graph, event):
                if category[org]["category"] == "Organisation":
                    via.setdefault((org, initiative), []).append(label(graph, event, lang))
    direct = {(u, v) for u, v, *_ in links}
    links += [(org, ini, "viaEvent", "; ".join(sorted(events))) for (org, ini), events in sorted(via.items())
              if (org, ini) not in direct]
    note = {"ru": "Организации и инициативы (напрямую или через мероприятия). Размер узла — взвешенная степень в "
                  "проекции: со сколькими организациями учреждение разделяет инициативы.",
            "en": "Institutions and initiatives (directly or through events). Node size is the weighted degree in "
                  "the projection: how many institutions an institution shares initiatives with."}[lang]
    return bipartite_view(graph, "institutions-initiatives",
                          {"ru": "Организации и инициативы", "en": "Institutions and initiatives"}[lang],
                          ("Organisation", "Initiative"), links, note)


def reduce(view: View, max_nodes: int, lang: str) -> View:
    """At most `max_nodes` nodes: the kept ones plus the most central others; the note says what was left out."""
    graph = view.graph
    if graph.number_of_nodes() <= max_nodes:
        return view
    scores = view.score()
    ranked = sorted((n for n in graph if n not in view.keep), key=lambda n: (-scores.get(n, 0), n))
    shown = set(view.keep) | set(ranked[:max(0, max_nodes - len(view.keep))])
    left = Counter(graph.nodes[n]["category"] for n in graph if n not in shown)
    detail = ", ".join(f"{cat} {count}" for cat, count in left.most_common())
    note = {"ru": f"Показано {len(shown)} из {len(graph)} узлов (самые центральные); не показаны: {detail}.",
            "en": f"Showing {len(shown)} of {len(graph)} nodes (the most central); left out: {detail}."}[lang]
    return View(view.slug, view.title, graph.subgraph(shown).copy(), view.keep,
                " ".join(filter(None, [view.note, note])), scores)
