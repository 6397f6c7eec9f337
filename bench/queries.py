"""Latency of the query library: embedded pyoxigraph vs rdflib's SPARQL engine, on the seed graph and a scaled one.

    python bench/scale.py --triples 1000000 --out bench/out/scaled.nq
    python bench/queries.py [--build build] [--scaled bench/out/scaled.nq] [--repeat 5] [--rdflib-timeout 60]

Prints, per graph and query, the median time of each engine and the rdflib/oxigraph ratio; an rdflib run
that exceeds --rdflib-timeout is stopped (on the scaled graph rdflib runs once per query) (it runs in a forked child) and shown as "> N s".
Required parameters take the value of the query's `# example:` line. Never run by the tests.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shlex
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from edugraph.sparql import library, parse_assignments  # noqa: E402
from edugraph.sparql.params import bind_resolved, store_lookup  # noqa: E402
from edugraph.sparql.compare import oxigraph_answer, rdflib_answer  # noqa: E402


def load(nq: Path) -> tuple[ox.Store, Dataset, float, float]:
    started = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    ox_load = time.perf_counter() - started
    started = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(str(nq), format="nquads")
    return store, ds, ox_load, time.perf_counter() - started


def timed(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _child(connection, run, repeat):
    connection.send(timed(run, repeat))
    connection.close()


def timed_with_limit(run, repeat: int, limit: float) -> float | None:
    """Median seconds, or None when the runs took longer than `limit` (the forked child is killed)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, run, repeat), daemon=True)
    child.start()
    sender.close()
    try:
        return receiver.recv() if receiver.poll(limit * repeat) else None
    finally:
        if child.is_alive():
            child.kill()
        child.join()


def query_cases(store):
    for query in library(ROOT / "queries"):
        values = parse_assignments([a for a in shlex.split(query.examples[0]) if a != "--param"]) \
            if query.examples and any(query.params.values()) else {}
        yield query.name, query.text, bind_resolved(values, query.text, query.params, query.param_class, query.name,
                                                    store_lookup(store))


def bench(label: str, nq: Path, repeat: int, limit: float, rdflib_repeat: int) -> None:
    store, ds, ox_load, rdf_load = load(nq)
    print(f"\n{label}: {nq} — {len(store)} quads; load oxigraph {ox_load:.2f} s, rdflib {rdf_load:.2f} s")
    print(f"{'query':32} {'oxigraph ms':>12} {'rdflib ms':>12} {'ratio':>8}")
    ox_total = []
    for name, text, bindings in query_cases(store):
        ox_s = timed(lambda: oxigraph_answer(store, text, bindings), repeat)
        rdf_s = timed_with_limit(lambda: rdflib_answer(ds, text, bindings), rdflib_repeat, limit)
        ox_total.append(ox_s)
        rdf_text = f"{rdf_s * 1000:12.1f}" if rdf_s is not None else f"{'> ' + format(limit, 'g') + ' s':>12}"
        ratio = f"{rdf_s / ox_s:8.0f}" if rdf_s is not None and ox_s > 0 else f"{'—':>8}"
        print(f"{name:32} {ox_s * 1000:12.1f} {rdf_text} {ratio}", flush=True)
    print(f"{'whole library (oxigraph)':32} {sum(ox_total) * 1000:12.1f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--scaled", type=Path, default=ROOT / "bench" / "out" / "scaled.nq")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, metavar="SECONDS",
                        help="stop an rdflib run after this long on the scaled graph")
    args = parser.parse_args(argv)
    bench("seed", args.build / "all.nq", args.repeat, max(args.rdflib_timeout, 600), args.repeat)
    if args.scaled.is_file():
        bench("scaled", args.scaled, args.repeat, args.rdflib_timeout, 1)
    else:
        print(f"\n(no {args.scaled}: run bench/scale.py for the 1M-triple figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
