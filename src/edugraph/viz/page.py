"""A view -> one HTML page carrying both languages; vis-network and the page script are shared files in `lib/`.

Safety: every string from an article reaches the page only (a) as JSON inside a non-executed
`<script type="application/json">`, through Jinja's `tojson` (which escapes <, >, & and ') or (b) as
HTML text through Jinja autoescaping. Tooltips are plain-text strings, which vis-network 9 renders with
`innerText`; the page script (`edugraph.js`) uses DOM properties, never innerHTML. A Content-Security-Policy
allows only the page's own script files and no network access.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from functools import cache
from pathlib import Path

import jinja2
import pyvis

from ..analysis.metrics import communities as find_communities
from .i18n import CATEGORY_NAMES, IMPLIED, LANGS, TEXT, both, edge_phrase, fact_value
from ..text import shorten
from .views import MAX_TEXT, View, labels

HERE = Path(__file__).parent
VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
ASSETS = {"vis-network.min.js": VIS / "vis-network.min.js", "vis-network.css": VIS / "vis-network.css",
          "edugraph.js": HERE / "edugraph.js", "edugraph.css": HERE / "edugraph.css"}
# category -> (vis shape, colour, legend symbol)
STYLE = {
    "Initiative": ("star", "#e15759", "★"), "Organisation": ("square", "#4e79a7", "■"),
    "Person": ("dot", "#f28e2b", "●"), "Event": ("diamond", "#59a14f", "◆"),
    "Place": ("triangle", "#9c755f", "▲"), "Topic": ("hexagon", "#b07aa1", "⬢"),
}
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#17becf"]
# edge phrase -> colour, every two at least 24 apart (CIE76 ΔE; the frequent kinds in clearly different hues). Taken
# in turn from PALETTE + PALETTE, "heads" and "took part in", which meet on every ego page of a person, were both blue
# (ΔE 11), and so were other pairs of the two Tableau palettes.
PHRASE_COLOURS = {
    "took part in": "#4e79a7", "is located in": "#edc948", "took place in": "#b07aa1", "heads": "#e15759",
    "works for": "#f28e2b", "is part of": "#59a14f", "concerns": "#76b7b2", "hosted by": "#ff9da7",
    "organised by": "#9c755f", "supported by": "#bab0ac", "member of": "#222222", "founded by": "#3f007d",
    "on the topic": "#00441b", "through an event": "#08306b", "in articles about": "#8c2d04",
    "mentioned together in an article": "#666666", "planned for": "#9467bd",
}
DASHED = {"planned for"}  # a centre told only as to come: not (yet) a member, drawn apart from "is part of"
OTHER_COLOUR = "#aaaaaa"
FACT_ORDER = ["startDate", "endDate", "participantCount", "participantCountIsMinimum", "regionCount"]
WRAP, MAX_LINES = 22, 3  # node labels: characters per line, lines
CENTRAL = 30  # how many of the most central nodes may get a label readable at the first view
SMALL = 100  # on a page of at most this many nodes, any node may get one (when its label overlaps none)
MIN_ITERATIONS, MAX_ITERATIONS, ITERATION_BUDGET = 15, 200, 30_000  # node-iterations of stabilisation
BIG = 1000  # above this many nodes: no improvedLayout, forceAtlas2, straight edges hidden while moving, no edge labels
MAX_SENTENCES = 3  # source sentences shown in a tooltip


def wrap(text: str) -> str:
    """A label on at most three lines of about 22 characters.

    >>> wrap("Академия Минпросвещения России и Комитет по образованию Санкт-Петербурга")
    'Академия\\nМинпросвещения России\\nи Комитет по…'
    """
    lines = textwrap.wrap(shorten(text, WRAP * (MAX_LINES + 1)), WRAP, break_long_words=True) or [text]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][:WRAP - 1].rstrip() + "…"
    return "\n".join(lines)


def write_assets(out_dir: Path) -> None:
    """vis-network and the page script/style, written once into `out_dir/lib` (unchanged files are left alone)."""
    lib = Path(out_dir) / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    for name, source in ASSETS.items():
        content = source.read_bytes()
        target = lib / name
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return env


def fact_rank(key: str) -> tuple[int, str]:
    """Facts in reading order: dates, then counts, then the rest alphabetically."""
    return (FACT_ORDER.index(key) if key in FACT_ORDER else len(FACT_ORDER), key)


def tooltip(graph, node: str, articles: dict, terms: dict, lang: str) -> str:
    """Plain-text tooltip in one language: label, type, the other label, posts, facts, partners, the sentences
    the facts were read from, sources; each line cut at MAX_TEXT."""
    attrs = graph.nodes[node]
    other = "en" if lang == "ru" else "ru"
    lines = [attrs[f"label_{lang}"], f"{TEXT['type'][lang]}: {attrs[f'cls_{lang}']}"]
    if attrs[f"label_{other}"] != attrs[f"label_{lang}"]:
        lines.append(f"{other.upper()}: {attrs[f'label_{other}']}")
    if attrs.get("posts"):
        lines.append(f"{TEXT['posts'][lang]}:")
        for title_ru, title_en, org in attrs["posts"]:
            title = title_ru if lang == "ru" else title_en
            where = graph.nodes[org][f"label_{lang}"] if org in graph else ""
            lines.append(f"  {title} — {where}" if where else f"  {title}")
    for key, values in sorted(attrs.get("facts", {}).items(), key=lambda item: fact_rank(item[0])):
        name = terms.get(key, (key, key))[LANGS.index(lang)]
        lines.append(f"{name}: {', '.join(fact_value(v, lang) for v in values)}")
    if attrs.get("partners"):
        lines.append(f"{TEXT['partners'][lang]}:")
        lines += [f"  {ru if lang == 'ru' else en} ({weight})" for ru, en, weight in attrs["partners"]]
    lines += evidence_lines(attrs.get("evidence"), lang)
    if attrs.get("articles"):
        lines.append(f"{TEXT['articles'][lang]}:")
        for article_id in attrs["articles"][:10]:
            record = articles.get(article_id, {"title": article_id, "date": ""})
            lines.append(f"  {record['title']} ({record['date'] or '?'})")
    return "\n".join(shorten(line, MAX_TEXT) for line in lines)


def evidence_lines(sentences: list[str] | None, lang: str) -> list[str]:
    """The source sentences of a node's or edge's facts (the first few), under a heading; the callers shorten
    every finished line.

    >>> evidence_lines(["Заседание открыла Вера Князева."], "en")
    ['From the text:', '  «Заседание открыла Вера Князева.»']
    >>> evidence_lines([], "ru")
    []
    """
    if not sentences:
        return []
    return [f"{TEXT['evidence'][lang]}:", *(f"  «{s}»" for s in sentences[:MAX_SENTENCES])]


def community_colours(view: View) -> tuple[dict[str, str], list[dict], int]:
    """Node -> colour by Louvain community; legend entries for the largest communities of two or more nodes
    (hub label in both languages); the number of nodes left in communities of their own."""
    scores = view.score()
    colours, legend = {}, []
    parts = [part for part in find_communities(view.graph) if len(part) > 1]
    for index, part in enumerate(parts):
        colour = PALETTE[index] if index < len(PALETTE) else OTHER_COLOUR
        colours.update(dict.fromkeys(part, colour))
        if index < len(PALETTE):
            hub = max(part, key=lambda n: (scores.get(n, 0), n))
            legend.append({"colour": colour, "size": len(part),
                           "hub": labels(view.graph, hub)})
    return colours, legend, view.graph.number_of_nodes() - len(colours)


def node_data(view: View, articles: dict, terms: dict, colours: dict) -> list[dict]:
    """vis-network nodes, most central first, with labels and tooltips in both languages."""
    graph, scores = view.graph, view.score()
    top = max(scores.values(), default=0) or 1
    ranked = sorted(graph, key=lambda n: (-scores.get(n, 0), n))
    nodes = []
    for node in ranked:
        attrs = graph.nodes[node]
        shape, colour, _ = STYLE[attrs["category"]]
        item = {"id": node, "shape": shape, "category": attrs["category"], "color": colours.get(node, colour),
                "size": round(8 + 32 * (scores.get(node, 0) / top) ** 0.5, 1),
                "borderWidth": 3 if node in view.keep else 1,
                "find": "\n".join(labels(graph, node).values()).lower()}
        for lang in LANGS:
            item[f"label_{lang}"] = wrap(attrs[f"label_{lang}"])
            item[f"title_{lang}"] = tooltip(graph, node, articles, terms, lang)
        nodes.append(item)
    return nodes


def edge_data(view: View, terms: dict) -> tuple[list[dict], list[dict]]:
    """vis-network edges (one per linked pair and direction, the phrases of its relations in both languages)
    and the legend of edge kinds."""
    graph = view.graph
    merged: dict[tuple[str, str], list[tuple[str, dict]]] = {}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        merged.setdefault((u, v), []).append((key, attrs))
    edges, kinds, names = [], Counter(), {}
    for (u, v), relations in merged.items():
        implied = {IMPLIED[key] for key, _ in relations if key in IMPLIED}
        phrases = [edge_phrase(key, terms) for key, _ in relations if key not in implied]
        reverse = phrases[0][1]
        for phrase, _ in phrases:
            kinds[phrase["en"]] += 1
            names[phrase["en"]] = phrase
        item = {"from": v if reverse else u, "to": u if reverse else v, "kind": phrases[0][0]["en"],
                "color": {"color": PHRASE_COLOURS.get(phrases[0][0]["en"], OTHER_COLOUR), "highlight": "#333333"},
                "width": round(1 + min(4.0, max(a.get("weight", 1) for _, a in relations) - 1), 1)}
        if all(phrase["en"] in DASHED for phrase, _ in phrases):  # a member too (another article): drawn solid
            item["dashes"] = True
        for lang in LANGS:
            item[f"label_{lang}"] = ", ".join(dict.fromkeys(phrase[lang] for phrase, _ in phrases))
            details = [a.get(f"post_{lang}") or a.get("detail") for _, a in relations]
            weights = [f"× {a['weight']}" for _, a in relations if a.get("weight", 1) > 1]
            sentences = sorted({s for _, a in relations for s in a.get("evidence") or []})
            lines = [item[f"label_{lang}"], *weights, *filter(None, details), *evidence_lines(sentences, lang)]
            item[f"title_{lang}"] = "\n".join(shorten(line, MAX_TEXT) for line in lines)
        edges.append(item)
    legend = [{"colour": PHRASE_COLOURS.get(kind, OTHER_COLOUR), "count": count, "name": names[kind],
               "dashed": kind in DASHED} for kind, count in kinds.most_common()]
    return edges, legend


def vis_options(n_nodes: int) -> dict:
    """A seeded layout, stabilised within a bounded number of iterations (then the page stops physics);
    lighter settings for big graphs. Labels under about 9 px are not drawn: they appear on zoom."""
    big = n_nodes > BIG
    # a stabilisation step costs ~30 µs per node in headless Chromium: keep the layout to about a second
    iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, ITERATION_BUDGET // max(n_nodes, 1)))
    label_scaling = {"label": {"enabled": False, "drawThreshold": 10, "maxVisible": 20}}
    return {
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "physics": {"enabled": True, "solver": "forceAtlas2Based" if big else "barnesHut", "minVelocity": 1.5,
                    "timestep": 0.6,
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "springConstant": 0.03,
                                  "damping": 0.35, "avoidOverlap": 0.1},
                    "forceAtlas2Based": {"gravitationalConstant": -50, "springLength": 60, "damping": 0.5},
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50,
                                      "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": label_scaling},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 11, "align": "middle", "color": "#555555", "strokeWidth": 3},
                  "scaling": label_scaling,
                  "smooth": False if big else {"enabled": True, "type": "continuous"}},
    }


def render_page(view: View, lang: str, communities: bool = False, articles: dict | None = None,
                terms: dict | None = None) -> str:
    """The HTML of one page in both languages, `lang` shown first."""
    terms = terms or {}
    colours, community_legend, alone = community_colours(view) if communities else ({}, [], 0)
    nodes = node_data(view, articles or {}, terms, colours)
    edges, edge_legend = edge_data(view, terms)
    counts = Counter(node["category"] for node in nodes)
    categories = [{"key": c, "name": CATEGORY_NAMES[c], "colour": "#555555" if communities else STYLE[c][1],
                   "symbol": STYLE[c][2], "count": counts[c]} for c in STYLE if c in counts]
    data = {"nodes": nodes, "edges": edges, "options": vis_options(len(nodes)),
            "central": len(nodes) if len(nodes) <= SMALL else CENTRAL,
            # the phrase on the edges, unless the page is big (slow to draw) or has one kind of edge; the commonest
            # kind is said once, by the legend (18 «участвовал(а) в» on an ego page hid the names); the phrase is
            # always in the edge's tooltip
            "edgeLabels": len(nodes) <= BIG and len(edge_legend) > 1,
            "commonestEdge": edge_legend[0]["name"]["en"] if edge_legend else None,
            "title": view.title, "found": TEXT["found"], "placeholder": TEXT["search_hint"]}
    singletons = {k: v.replace("{n}", str(alone)) for k, v in TEXT["singletons"].items()} if alone else None
    return environment().get_template("template.html").render(
        title=view.title, note=view.note, lang=lang, text=TEXT, data=data, categories=categories,
        edge_kinds=edge_legend, size=view.size, communities=community_legend, singletons=singletons,
        n_nodes=len(nodes), n_edges=len(edges))
