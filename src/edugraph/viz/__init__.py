"""Interactive HTML pages of the knowledge graph (vis-network, offline), in Russian and English on the same page.

`write_site` writes one page per view, `index.html` (the overview) and, once, the shared files in `lib/`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx

from ..analysis.metrics import central_entities
from .overview import index_context
from .page import environment, render_page, write_assets
from .views import (View, central_views, ego_view, initiative_views, institutions_initiatives, people_events,
                    reduce, region_views, topics_view, whole)

VIEWS = ("all", "initiatives", "regions", "ego", "people-events", "institutions-initiatives", "topics")
DEFAULT_MAX_NODES = 1500
CENTRAL_TOP = 10  # the overview lists (and writes ego pages for) this many central people and organisations


def select_views(graph: nx.MultiDiGraph, kinds: list[str], focus: str | None = None, depth: int = 1,
                 co_mentions: bool = False) -> list[View]:
    """The views of the requested kinds, in VIEWS order, without those of fewer than two nodes."""
    builders = {
        "all": lambda: [whole(graph)],
        "initiatives": lambda: initiative_views(graph, co_mentions),
        "regions": lambda: region_views(graph),
        "ego": lambda: [ego_view(graph, focus, depth)] if focus else [],
        "people-events": lambda: [people_events(graph)],
        "institutions-initiatives": lambda: [institutions_initiatives(graph)],
        "topics": lambda: [topics_view(graph)],
    }
    views = [view for kind in VIEWS if kind in kinds for view in builders[kind]()]
    return [view for view in views if view.graph.number_of_nodes() >= 2]


def write_site(graph: nx.MultiDiGraph, out_dir: Path, views: list[View], lang: str = "ru",
               communities: bool = False, max_nodes: int = DEFAULT_MAX_NODES,
               central_top: int = CENTRAL_TOP) -> list[dict]:
    """Write one page per view (plus ego pages of the most central people and organisations when
    `central_top`), index.html and lib/; returns what the overview lists (file, name, note, counts)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_assets(out_dir)
    articles, terms = graph.graph.get("articles", {}), graph.graph.get("terms", {})
    ranking = central_entities(graph, ("Person", "Organisation"), central_top) if central_top else {}
    slugs = {view.slug for view in views}
    extra = [v for v in central_views(graph, ranking) if v.slug not in slugs]
    pages = []
    for view, is_central in [(v, False) for v in views] + [(v, True) for v in extra]:
        if view.graph.number_of_nodes() < 2:
            continue
        view = reduce(view, max_nodes)
        name = f"{view.slug}.html"
        html = render_page(view, lang, communities=communities, articles=articles, terms=terms)
        (out_dir / name).write_text(html, encoding="utf-8")
        pages.append({"file": name, "name": view.subject or view.title, "note": view.note, "central": is_central,
                      "nodes": view.graph.number_of_nodes(), "edges": len(set(view.graph.edges())),
                      "counts": Counter(c for _, c in view.graph.nodes(data="category"))})
    html = environment().get_template("index.html").render(lang=lang, **index_context(graph, pages, ranking))
    (out_dir / "index.html").write_text(html, encoding="utf-8")
    return pages
