"""A view -> one self-contained HTML page (pyvis data, vis-network inlined, no network access).

Safety: every string from an article reaches the page only (a) as JSON inside a script, through
Jinja's `tojson` (which escapes <, >, & and ') or (b) as HTML text through Jinja autoescaping.
Tooltips are plain-text strings, which vis-network 9 renders with `innerText`; the page's own
script builds the search list with DOM properties, never innerHTML. A Content-Security-Policy
with a per-page nonce blocks any script that would still slip in, and all network access.
"""

from __future__ import annotations

import secrets
from collections import Counter
from functools import cache
from pathlib import Path

import jinja2
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from ..analysis.metrics import communities as find_communities
from .views import View

HERE = Path(__file__).parent
VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
# category -> (vis shape, colour, legend symbol)
STYLE = {
    "Initiative": ("star", "#e15759", "★"), "Organisation": ("square", "#4e79a7", "■"),
    "Person": ("dot", "#f28e2b", "●"), "Event": ("diamond", "#59a14f", "◆"),
    "Place": ("triangle", "#9c755f", "▲"), "Topic": ("hexagon", "#b07aa1", "⬢"),
}
CATEGORY_NAMES = {"ru": {"Initiative": "инициатива", "Organisation": "организация", "Person": "человек",
                         "Event": "мероприятие", "Place": "место", "Topic": "тема"},
                  "en": {c: c.lower() for c in STYLE}}
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#17becf"]
OTHER_COLOUR = "#cccccc"
MIN_ITERATIONS, MAX_ITERATIONS, ITERATION_BUDGET = 20, 250, 100_000  # node-iterations of stabilisation
BIG = 1000  # above this many nodes: no improvedLayout, short stabilisation, physics frozen, no edge labels
TEXT = {
    "ru": {"search": "Поиск", "physics": "Физика", "classes": "Классы", "communities": "Сообщества",
           "nodes": "узлов", "edges": "связей", "index": "Все страницы", "found": "найдено",
           "type": "Тип", "articles": "Статьи", "facts": "Факты", "partners": "Чаще всего вместе с"},
    "en": {"search": "Search", "physics": "Physics", "classes": "Classes", "communities": "Communities",
           "nodes": "nodes", "edges": "edges", "index": "All pages", "found": "found",
           "type": "Type", "articles": "Articles", "facts": "Facts", "partners": "Most often with"},
}


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return env


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped with pyvis, safe to put inside <script>/<style>."""
    js = (VIS / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    css = (VIS / "vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
    return js, css


def tooltip(attrs: dict, articles: dict, lang: str) -> str:
    """Plain-text tooltip: type, both labels, source articles, key facts (and projection partners)."""
    text = TEXT[lang]
    lines = [attrs[f"label_{lang}"], f"{text['type']}: {attrs['cls_ru']} / {attrs['cls_en']}",
             f"RU: {attrs['label_ru']}", f"EN: {attrs['label_en']}"]
    facts = attrs.get("facts", {})
    if facts:
        lines.append(f"{text['facts']}:")
        lines += [f"  {key}: {', '.join(values)}" for key, values in facts.items()]
    if attrs.get("partners"):
        lines.append(f"{text['partners']}:")
        lines += [f"  {ru if lang == 'ru' else en} ({weight})" for ru, en, weight in attrs["partners"]]
    if attrs.get("articles"):
        lines.append(f"{text['articles']}:")
        for article_id in attrs["articles"][:10]:
            record = articles.get(article_id, {"title": article_id, "date": ""})
            lines.append(f"  {record['title']} ({record['date'] or '?'})")
    return "\n".join(lines)


def community_colours(view: View) -> tuple[dict[str, str], list[dict]]:
    """Node -> colour by Louvain community, and the legend entries (largest communities first)."""
    parts = find_communities(view.graph)
    colours, legend = {}, []
    scores = view.score()
    for index, part in enumerate(parts):
        colour = PALETTE[index] if index < len(PALETTE) else OTHER_COLOUR
        colours.update(dict.fromkeys(part, colour))
        if index < len(PALETTE):
            hub = max(part, key=lambda n: (scores.get(n, 0), n))
            legend.append({"colour": colour, "size": len(part), "hub": hub})
    return colours, legend


def network_data(view: View, lang: str, communities: bool, articles: dict) -> tuple[list, list, list]:
    """pyvis nodes and edges for the view, and the community legend."""
    graph, scores = view.graph, view.score()
    top = max(scores.values(), default=0) or 1
    colours, legend = community_colours(view) if communities else ({}, [])
    for entry in legend:
        entry["hub"] = graph.nodes[entry["hub"]][f"label_{lang}"]
    net = Network(directed=True, cdn_resources="in_line")
    for node, attrs in graph.nodes(data=True):
        shape, colour, _ = STYLE[attrs["category"]]
        net.add_node(node, label=attrs[f"label_{lang}"], shape=shape, category=attrs["category"],
                     color=colours.get(node, colour), size=round(8 + 32 * (scores.get(node, 0) / top) ** 0.5, 1),
                     title=tooltip(attrs, articles, lang), borderWidth=3 if node in view.keep else 1)
    big = graph.number_of_nodes() > BIG
    for (u, v), keys in parallel_edges(graph).items():
        details = [graph.edges[u, v, k].get("detail") or graph.edges[u, v, k].get("post") for k in keys]
        name = ", ".join(keys)
        title = "\n".join([name] + [d for d in details if d])
        net.add_edge(u, v, title=title, **({} if big else {"label": name}))
    return net.nodes, net.edges, legend


def parallel_edges(graph) -> dict[tuple[str, str], list[str]]:
    """(source, target) -> the properties linking them: one drawn edge per direction."""
    merged: dict[tuple[str, str], list[str]] = {}
    for u, v, key in graph.edges(keys=True):
        merged.setdefault((u, v), []).append(key)
    return merged


def vis_options(n_nodes: int) -> dict:
    """Physics that settles quickly (bounded stabilisation), lighter settings for big graphs."""
    big = n_nodes > BIG
    # a stabilisation step costs ~30 µs per node in headless Chromium: keep the layout to a few seconds
    iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, ITERATION_BUDGET // max(n_nodes, 1)))
    return {
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "physics": {"enabled": True, "solver": "forceAtlas2Based" if big else "barnesHut", "minVelocity": 1.5,
                    "timestep": 0.6,
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "springConstant": 0.03,
                                  "damping": 0.35, "avoidOverlap": 0.1},
                    "forceAtlas2Based": {"gravitationalConstant": -50, "springLength": 60, "damping": 0.5},
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25,
                                      "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "color": {"color": "#999999", "highlight": "#333333"},
                  "font": {"size": 10, "align": "middle", "color": "#555555"},
                  "smooth": False if big else {"enabled": True, "type": "continuous"}},
    }


def render_page(view: View, lang: str, communities: bool = False, physics: bool = True,
                articles: dict | None = None) -> str:
    """The HTML of one page; `physics=False` freezes the layout after the (bounded) stabilisation."""
    nodes, edges, legend = network_data(view, lang, communities, articles or {})
    counts = Counter(node["category"] for node in nodes)
    categories = [{"key": c, "name": CATEGORY_NAMES[lang][c], "colour": "#555555" if communities else STYLE[c][1],
                   "symbol": STYLE[c][2], "count": counts[c]} for c in STYLE if c in counts]
    js, css = vis_assets()
    data = {"nodes": nodes, "edges": edges, "options": vis_options(len(nodes)),
            "keepPhysics": physics and len(nodes) <= BIG}
    return environment().get_template("template.html").render(
        title=view.title, note=view.note, lang=lang, text=TEXT[lang], data=data, categories=categories,
        communities=legend, physics=data["keepPhysics"], n_nodes=len(nodes), n_edges=len(edges),
        nonce=secrets.token_urlsafe(16), vis_js=Markup(js), vis_css=Markup(css))


def render_index(pages: list[dict], lang: str, title: str) -> str:
    """index.html: a link to every page with its size and description."""
    return environment().get_template("index.html").render(pages=pages, lang=lang, title=title, text=TEXT[lang])
