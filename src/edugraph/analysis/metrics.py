"""Network analytics of the knowledge graph (networkx, on the network from `edugraph.analysis.network`)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import networkx as nx

from ..errors import visible
from ..text import shorten
from .network import simple

TOP_CATEGORIES = ("Person", "Organisation", "Initiative")
EXACT_BETWEENNESS_LIMIT = 2000  # above this, betweenness is estimated from a sample of sources
NAME_WIDTH = 60  # characters of a name in the table
TABLE_NOTES = (  # what the figures of the table are, printed under it
    "nodes: people, organisations, initiatives, events, places, topics (articles and posts are not nodes);",
    "edges: their asserted relations, a post being a worksFor edge (no OWL-RL inferences, no article mentions);",
    "  the relations of one pair count once in links, degree, betweenness, components and communities.",
    "links: how many other nodes an entity is linked to; degree = links / (nodes - 1).",
    f"betweenness: the share of shortest paths between two other nodes that pass through it (above "
    f"{EXACT_BETWEENNESS_LIMIT} nodes,",
    "  estimated from 200 sources).",
    "components: groups of nodes joined by some path, the largest first.",
    "communities: Louvain groups, more linked inside than outside (modularity: 0 = no better than chance, "
    "1 = fully separate);",
    "  each is named by its most linked members.",
)


def as_simple(graph: nx.Graph) -> nx.Graph:
    """The undirected simple graph (parallel relations become a `weight`)."""
    return simple(graph) if graph.is_multigraph() or graph.is_directed() else graph


def degree_centrality(graph: nx.Graph) -> dict[str, float]:
    """Degree centrality on the undirected simple graph (parallel relations count once)."""
    return nx.degree_centrality(as_simple(graph))


def betweenness_centrality(graph: nx.Graph) -> dict[str, float]:
    undirected = as_simple(graph)
    n = undirected.number_of_nodes()
    k = None if n <= EXACT_BETWEENNESS_LIMIT else 200
    return nx.betweenness_centrality(undirected, k=k, seed=42 if k else None)


def communities(graph: nx.Graph) -> list[set[str]]:
    """Louvain communities (weighted by the number of relations), largest first; deterministic."""
    undirected = as_simple(graph)
    if undirected.number_of_edges() == 0:
        return [{n} for n in undirected]
    found = nx.community.louvain_communities(undirected, weight="weight", seed=42)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def label(graph: nx.Graph, node: str, lang: str = "ru") -> str:
    return graph.nodes[node].get(f"label_{lang}", node)


def most_central(graph: nx.MultiDiGraph, category: str, top: int = 10, lang: str = "ru",
                 centrality: tuple[dict, dict] | None = None) -> list[dict]:
    """The `top` nodes of a category by degree, then betweenness centrality (label, iri, class, both figures and
    `links`, the number of nodes linked to it, from which the degree is computed); nodes without any link are never
    central. `centrality` = (degree, betweenness) when already computed."""
    if centrality is None:
        undirected = simple(graph)
        centrality = degree_centrality(undirected), betweenness_centrality(undirected)
    degree, between = centrality
    others = graph.number_of_nodes() - 1  # degree centrality = links / others
    nodes = [n for n, c in graph.nodes(data="category") if c == category and degree[n] > 0]
    nodes.sort(key=lambda n: (-degree[n], -between[n], label(graph, n, lang), n))
    return [{"label": label(graph, n, lang), "iri": n, "class": graph.nodes[n]["cls"],
             "links": round(degree[n] * others), "degree": round(degree[n], 4), "betweenness": round(between[n], 4)}
            for n in nodes[:top]]


def central_entities(graph: nx.MultiDiGraph, categories: tuple[str, ...] = TOP_CATEGORIES, top: int = 10,
                     lang: str = "ru") -> dict[str, list[dict]]:
    """`most_central` for several categories, computing the centralities once."""
    undirected = simple(graph)
    centrality = degree_centrality(undirected), betweenness_centrality(undirected)
    return {category: most_central(graph, category, top, lang, centrality) for category in categories}


def compute(graph: nx.MultiDiGraph, top: int = 10, lang: str = "ru") -> dict:
    """Every figure `edugraph stats` prints, as plain JSON-able data."""
    undirected = simple(graph)
    degree = degree_centrality(undirected)
    between = betweenness_centrality(undirected)
    parts = communities(undirected)
    components = sorted(nx.connected_components(undirected), key=len, reverse=True)

    def ranked(category):
        return most_central(graph, category, top, lang, (degree, between))

    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "nodes_by_category": dict(Counter(c for _, c in graph.nodes(data="category")).most_common()),
        "nodes_by_class": dict(Counter(c for _, c in graph.nodes(data="cls")).most_common()),
        "edges_by_property": dict(Counter(k for _, _, k in graph.edges(keys=True)).most_common()),
        "central": {category: ranked(category) for category in TOP_CATEGORIES},
        "components": {"count": len(components), "sizes": [len(c) for c in components[:top]],
                       "single_nodes": sum(1 for c in components if len(c) == 1)},
        "communities": {
            "count": len(parts),
            "single_nodes": sum(1 for part in parts if len(part) == 1),
            "modularity": round(nx.community.modularity(undirected, parts), 4) if undirected.number_of_edges() else 0.0,
            "largest": [{"size": len(part), "members": [label(graph, n, lang) for n in
                                                         sorted(part, key=lambda n: (-degree[n], n))[:5]]}
                        for part in parts[:top]],
        },
    }


CSV_COLUMNS = ("section", "name", "value", "detail", "links", "betweenness", "iri")


def rows(stats: dict) -> list[tuple]:
    """The figures flattened to rows of `CSV_COLUMNS` for table and CSV output: a central entity's links,
    betweenness and IRI each in a column of their own (its degree is the value), "" where a row has none."""
    out = [("graph", "nodes", stats["nodes"], ""), ("graph", "edges", stats["edges"], "")]
    out += [("nodes by category", k, v, "") for k, v in stats["nodes_by_category"].items()]
    out += [("nodes by class", k, v, "") for k, v in stats["nodes_by_class"].items()]
    out += [("edges by property", k, v, "") for k, v in stats["edges_by_property"].items()]
    out = [(*row, "", "", "") for row in out]
    for category, items in stats["central"].items():
        out += [(f"central {category}", item["label"], item["degree"], "", item["links"], item["betweenness"],
                 item["iri"]) for item in items]
    comps = stats["components"]
    summaries = [("components", "count", comps["count"], f"sizes {' '.join(map(str, comps['sizes']))}; "
                                                         f"{comps['single_nodes']} single nodes without any link")]
    comm = stats["communities"]
    summaries.append(("communities", "count", comm["count"], f"modularity {comm['modularity']}; "
                                                             f"{comm['single_nodes']} of a single node"))
    summaries += [("communities", f"#{i + 1}", c["size"], "; ".join(c["members"]))
                  for i, c in enumerate(comm["largest"])]
    return out + [(*row, "", "", "") for row in summaries]


def format_stats(stats: dict, fmt: str = "table") -> str:
    """The figures as JSON, CSV or a table for reading, where a name's or detail's control or bidi character (U+009B,
    U+202E) is written as its escape before the name is cut to its column."""
    if fmt == "json":
        return json.dumps(stats, ensure_ascii=False, indent=2)
    table = rows(stats)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(table)
        return buffer.getvalue().rstrip("\n")
    lines, section = [], None
    for sect, name, value, detail, links, betweenness, _ in table:
        if sect != section:
            heading = f"{sect}:" if not sect.startswith("central ") else \
                f"{sect + ':':<{NAME_WIDTH + 3}}{'degree':>8}  {'links':>5}  betweenness"
            lines.append(heading)
            section = sect
        detail = f"{links:>5}  {betweenness}" if links != "" else visible(str(detail))
        lines.append(f"  {shorten(visible(str(name)), NAME_WIDTH):<{NAME_WIDTH}} {value!s:>8}  {detail}".rstrip())
    return "\n".join(lines + ["", *TABLE_NOTES])
