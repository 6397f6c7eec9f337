"""index.html: counts per initiative and per federal subject, a timeline of events by month (inline SVG) and the
most central people and organisations, each linking to its page; every string in both languages."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from ..analysis.network import local_name
from .i18n import CATEGORY_NAMES, MONTHS, both
from .views import labels

CHART_HEIGHT, CHART_WIDTH, BAR_MAX = 120, 900, 28
CHAR_PX = 7  # about the width of one character of the chart's 11 px labels
GAP_PX = 10  # space between two axis labels
COLUMNS = {"Organisation": both("организации", "organisations"), "Event": both("мероприятия", "events"),
           "Person": both("люди", "people"), "Place": both("места", "places")}  # counts shown in the tables
TEXT = {key: both(ru, en) for key, (ru, en) in {
    "title": ("EduGraph: обзор графа знаний", "EduGraph: knowledge graph overview"),
    "totals": ("В графе", "In the graph"), "initiatives": ("Инициативы", "Initiatives"),
    "regions": ("Субъекты федерации", "Federal subjects"), "timeline": ("Мероприятия по месяцам", "Events by month"),
    "undated": ("без даты или месяца: {n}", "without a date or month: {n}"),
    "no_events": ("нет датированных мероприятий", "no dated events"),
    "central_people": ("Самые центральные люди", "Most central people"),
    "central_orgs": ("Самые центральные организации", "Most central organisations"),
    "links": ("связей", "links"), "degree": ("степень", "degree"), "betweenness": ("посредничество", "betweenness"),
    "pages": ("Другие страницы", "Other pages"), "nodes": ("узлов", "nodes"), "edges": ("связей", "edges"),
    "centrality_note": ("Во всём графе (networkx): связей — со сколькими узлами связан узел; степень = связей / "
                        "(узлов − 1); посредничество — доля кратчайших путей между двумя другими узлами, проходящих "
                        "через него.",
                        "In the whole graph (networkx): links — how many nodes a node is linked to; degree = links / "
                        "(nodes − 1); betweenness — the share of shortest paths between two other nodes that pass "
                        "through it."),
}.items()}


def timeline(graph: nx.MultiDiGraph) -> dict:
    """Events per month (from their start date) as SVG bar geometry, with every month in the range."""
    months = Counter(attrs["facts"]["startDate"][0][:7] for _, attrs in graph.nodes(data=True)
                     if attrs["category"] == "Event" and attrs["facts"].get("startDate")
                     and len(attrs["facts"]["startDate"][0]) >= 7)
    undated = sum(1 for _, c in graph.nodes(data="category") if c == "Event") - sum(months.values())
    if not months:
        return {"bars": [], "undated": undated, "width": 0, "height": 0}
    (first_year, first_month), (last_year, last_month) = (tuple(map(int, m.split("-"))) for m in (min(months),
                                                                                                   max(months)))
    keys = [f"{y:04d}-{m:02d}" for y in range(first_year, last_year + 1) for m in range(1, 13)
            if (y, m) >= (first_year, first_month) and (y, m) <= (last_year, last_month)]
    step = min(BAR_MAX, CHART_WIDTH / len(keys))
    top = max(months.values())
    ticks = axis_ticks(keys, step)
    bars = []
    for i, key in enumerate(keys):
        count = months.get(key, 0)
        height = round(CHART_HEIGHT * count / top, 1)
        bars.append({"x": round(i * step, 1), "width": round(max(1.0, step - 2), 1), "height": height,
                     "y": CHART_HEIGHT - height + 14, "count": count, "key": key,
                     "month": ticks.get(i), "tick": i in ticks,
                     "label": bool(count) and len(str(count)) * CHAR_PX <= step})  # the count fits over its bar
    return {"bars": bars, "undated": undated, "width": round(len(keys) * step) + 40, "height": CHART_HEIGHT + 34}


def axis_ticks(keys: list[str], step: float) -> dict[int, dict[str, str]]:
    """Bar index -> its axis label in both languages, `step` px apart: "Jan 2021" at each January when a year is
    wide enough, else "2021" every year or every few years, so that no two labels overlap; the first month
    ("Apr 2004") too when it fits before the next label.

    >>> axis_ticks(["2020-11", "2020-12", "2021-01", "2021-02"], 28)
    {2: {'ru': 'янв 2021', 'en': 'Jan 2021'}}
    >>> sorted(axis_ticks([f"{y}-{m:02d}" for y in range(2004, 2027) for m in range(1, 13)], 2.5))[:3]
    [0, 24, 48]
    """
    def text(i: int, month_too: bool) -> dict[str, str]:
        month = int(keys[i][5:]) - 1
        return {lang: f"{names.split()[month]} {keys[i][:4]}" if month_too else keys[i][:4]
                for lang, names in MONTHS.items()}

    full = len("Jan 2021") * CHAR_PX + GAP_PX  # px a month-and-year label needs
    month_too = 12 * step >= full
    width = full if month_too else 4 * CHAR_PX + GAP_PX
    years = max(1, -int(-width // (12 * step)))  # every how many years a label fits
    chosen = [i for i, key in enumerate(keys) if key.endswith("-01")][::years]
    ticks = {i: text(i, month_too) for i in chosen}
    if 0 not in ticks and (not chosen or chosen[0] * step >= full):
        ticks[0] = text(0, True)
    return ticks


def listed(pages: list[dict], prefix: str) -> list[dict]:
    """The pages of one kind, the biggest first."""
    chosen = [p for p in pages if p["file"].startswith(prefix)]
    return sorted(chosen, key=lambda p: (-p["nodes"], p["name"]["ru"]))


def central(graph: nx.MultiDiGraph, ranking: dict[str, list[dict]], files: set[str]) -> dict[str, list[dict]]:
    """The ranking's entries with their names in both languages and the ego page to link to when written."""
    result = {}
    for category, items in ranking.items():
        result[category] = []
        for item in items:
            page = f"ego-{local_name(item['iri'])}.html"
            result[category].append({**item, "name": labels(graph, item["iri"]),
                                     "file": page if page in files else None})
    return result


def index_context(graph: nx.MultiDiGraph, pages: list[dict], ranking: dict[str, list[dict]]) -> dict:
    """Everything index.html shows; `ranking` is `central_entities` of people and organisations."""
    files = {p["file"] for p in pages}
    totals = Counter(c for _, c in graph.nodes(data="category"))
    line = timeline(graph)
    return {
        "text": TEXT, "columns": [{"key": c, "name": name} for c, name in COLUMNS.items()],
        "totals": [{"name": CATEGORY_NAMES[c], "count": n} for c, n in totals.most_common()],
        "initiatives": listed(pages, "initiative-"), "regions": listed(pages, "region-"),
        "timeline": line, "undated": {k: v.replace("{n}", str(line["undated"])) for k, v in TEXT["undated"].items()},
        "central": central(graph, ranking, files),
        "others": [p for p in pages if not p["file"].startswith(("initiative-", "region-")) and not p["central"]],
    }
