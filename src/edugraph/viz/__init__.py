"""Interactive HTML pages of the knowledge graph (pyvis + vis-network, self-contained, offline)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .page import render_index, render_page
from .views import (View, ego_view, initiative_views, institutions_initiatives, people_events, reduce,
                    whole)

VIEWS = ("all", "initiatives", "ego", "people-events", "institutions-initiatives")
DEFAULT_MAX_NODES = 1500


def select_views(graph: nx.MultiDiGraph, kinds: list[str], lang: str, focus: str | None = None,
                 depth: int = 1) -> list[View]:
    """The views of the requested kinds, in VIEWS order."""
    builders = {
        "all": lambda: [whole(graph, lang)],
        "initiatives": lambda: initiative_views(graph, lang),
        "ego": lambda: [ego_view(graph, focus, depth, lang)] if focus else [],
        "people-events": lambda: [people_events(graph, lang)],
        "institutions-initiatives": lambda: [institutions_initiatives(graph, lang)],
    }
    return [view for kind in VIEWS if kind in kinds for view in builders[kind]()]


def write_pages(graph: nx.MultiDiGraph, out_dir: Path, views: list[View], lang: str = "ru",
                communities: bool = False, physics: bool = True, max_nodes: int = DEFAULT_MAX_NODES) -> list[dict]:
    """Write one page per view and index.html; returns what the index lists (file, title, counts, note)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    articles = graph.graph.get("articles", {})
    pages = []
    for view in views:
        view = reduce(view, max_nodes, lang)
        name = f"{view.slug}.html"
        html = render_page(view, lang, communities=communities, physics=physics, articles=articles)
        (out_dir / name).write_text(html, encoding="utf-8")
        pages.append({"file": name, "title": view.title, "note": view.note,
                      "nodes": view.graph.number_of_nodes(), "edges": len(set(view.graph.edges()))})
    title = {"ru": "EduGraph: визуализация графа знаний", "en": "EduGraph: knowledge graph pages"}[lang]
    (out_dir / "index.html").write_text(render_index(pages, lang, title), encoding="utf-8")
    return pages
