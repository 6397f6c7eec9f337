"""Page size, generation time and layout time of `edugraph viz` pages in headless Chromium (network off).

    python bench/viz.py [--nodes 2000 5000] [--out bench/out/viz.json]

Measures the whole-graph page of the seed build and of synthetic networkx graphs of --nodes nodes shaped like
the real one (same attributes and relation kinds, long organisation names), written through the same page
writer: in full, and the biggest also reduced to the default --max-nodes. Target: a 2,000-node page laid out
(stabilised, physics stopped, central labels sized) in under 3 s.
First draw = vis-network's first 'afterDrawing'; laid out = after 'stabilizationIterationsDone' and the
label sizing (`body[data-stabilized]`).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from edugraph.viz import DEFAULT_MAX_NODES, browser, write_site  # noqa: E402
from edugraph.viz.views import whole  # noqa: E402

SHARES = {"Organisation": 0.35, "Person": 0.3, "Event": 0.2, "Place": 0.1, "Initiative": 0.02, "Topic": 0.03}
LINKS = [("Person", "worksFor", "Organisation"), ("Organisation", "partOfInitiative", "Initiative"),
         ("Organisation", "locatedIn", "Place"), ("Event", "hasParticipant", "Person"),
         ("Event", "takesPlaceIn", "Place"), ("Event", "organisedBy", "Organisation"), ("Event", "topic", "Topic")]


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A random graph with the node attributes and relation kinds of `edugraph.analysis.network` output."""
    rnd = random.Random(seed)
    graph = nx.MultiDiGraph(articles={f"a{i}": {"id": f"a{i}", "title": f"Статья {i}", "date": "2024-01-01"}
                                      for i in range(n // 10)})
    by_category = {}
    for category, share in SHARES.items():
        ids = [f"{category.lower()}/{i}" for i in range(max(2, int(n * share)))]
        by_category[category] = ids
        for node in ids:
            number = node.split("/")[1]
            long = category == "Organisation" and rnd.random() < 0.5  # long names, wrapped on the page
            graph.add_node(node, category=category, cls=category, cls_ru=category, cls_en=category,
                           label_ru=f"{category} {number}" + (" Кировского района Санкт-Петербурга" if long else ""),
                           label_en=f"{category} {number}" + (" of the Kirovsky district of St Petersburg"
                                                              if long else ""),
                           articles=[f"a{rnd.randrange(n // 10)}"], facts={"startDate": ["2024-01-01"]}, posts=[])
    for source, prop, target in LINKS:
        for node in by_category[source]:
            for _ in range(rnd.choice((1, 1, 2))):
                # preferential: a few hubs, like real initiatives and capitals
                other = by_category[target][int(len(by_category[target]) * rnd.random() ** 2)]
                graph.add_edge(node, other, key=prop, label=prop)
    return graph


def measure(context, name: str, graph: nx.MultiDiGraph, out: Path, max_nodes: int) -> dict:
    started = time.perf_counter()
    page_info = write_site(graph, out, [whole(graph)], max_nodes=max_nodes, central_top=0)[0]
    written = time.perf_counter() - started
    path = out / page_info["file"]
    page, events = browser.open_page(context, path, timeout_ms=300_000)
    state = browser.page_state(page)
    page.close()
    return {"graph": name, "nodes": page_info["nodes"], "edges": page_info["edges"], "of_nodes": len(graph),
            "page_bytes": path.stat().st_size, "write_s": round(written, 2),
            "first_draw_ms": round(state["firstDraw"]), "laid_out_ms": round(state["stabilized"]),
            "errors": len(events["errors"]) + len(events["console"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[2000, 5000])
    parser.add_argument("--build", type=Path, default=ROOT / "build",
                        help="seed build (built into a temp dir if missing)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "viz.json")
    args = parser.parse_args()
    if not browser.available():
        sys.exit(f"{browser.CHROMIUM} is missing: run `make browser` as root")
    from edugraph.analysis.network import load
    from edugraph.build import run_build, write_build
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build = args.build
        if not (build / "summary.json").is_file():
            build = tmp / "build"
            write_build(run_build(progress=False), build)
        with browser.chromium() as context:
            results = [measure(context, "seed build", load(build), tmp / "seed", DEFAULT_MAX_NODES)]
            for n in args.nodes:
                graph = synthetic(n)
                results.append(measure(context, f"synthetic {n}, full", graph, tmp / f"full{n}", len(graph)))
            big = synthetic(max(args.nodes))
            results.append(measure(context, f"synthetic {max(args.nodes)}, reduced", big, tmp / "reduced",
                                   DEFAULT_MAX_NODES))
    print(f"{'graph':<28} {'nodes':>11} {'edges':>6} {'page KB':>8} {'write s':>8} {'first draw ms':>14} "
          f"{'laid out ms':>12}")
    for r in results:
        print(f"{r['graph']:<28} {r['nodes']:>5}/{r['of_nodes']:<5} {r['edges']:>6} {r['page_bytes'] // 1024:>8} "
              f"{r['write_s']:>8} {r['first_draw_ms']:>14} {r['laid_out_ms']:>12}")
    two = next((r for r in results if r["graph"] == "synthetic 2000, full"), None)
    if two:
        seconds = two["laid_out_ms"] / 1000
        print(f"2,000 nodes laid out in {seconds:.1f} s: {seconds / 3:.2f} of the 3 s target")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
