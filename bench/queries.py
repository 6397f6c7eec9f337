"""Latency of the query library: embedded pyoxigraph vs rdflib's SPARQL engine, on the seed graph and a scaled one.

    python bench/scale.py --triples 1000000 --out bench/out/scaled.nq
    python bench/queries.py [--build build] [--scaled bench/out/scaled.nq] [--repeat 5] [--rdflib-timeout 60]

The store is the on-disk one the build writes and `edugraph query` opens (default graph = every distinct
triple once, named graphs for provenance). Prints, per graph and query, the median time of pyoxigraph, the
rows, and on the seed graph rdflib's time and the ratio (an rdflib run that exceeds --rdflib-timeout is stopped in its forked child and
shown as "> N s"); then the wall time of a cold `edugraph query people-posts` on the scaled graph's store.
Required parameters take the value of the query's `# example:` line. Never run by the tests.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from edugraph.sparql import library, parse_assignments  # noqa: E402
from edugraph.sparql.params import bind_resolved, store_lookup  # noqa: E402
from edugraph.sparql.compare import oxigraph_answer, rdflib_answer  # noqa: E402
from edugraph.sparql.store import STORE_DIR, write_store  # noqa: E402


def load(nq: Path, folder: Path, with_rdflib: bool) -> tuple[ox.Store, Dataset | None, float, float | None]:
    """The graph as `edugraph query` sees it: the on-disk store the build writes (default graph = every
    triple once, named graphs for provenance), opened read-only; and the graph in rdflib if asked."""
    started = time.perf_counter()
    (folder / "all.nq").symlink_to(nq.resolve())
    write_store(folder)
    store = ox.Store.read_only(str(folder / STORE_DIR))
    ox_load = time.perf_counter() - started
    if not with_rdflib:
        return store, None, ox_load, None
    started = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(str(nq), format="nquads")
    return store, ds, ox_load, time.perf_counter() - started


def timed(run, repeat: int) -> float:
    return timed_both(run, repeat)[0]


def timed_both(run, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `run` (on a shared machine the CPU time is the steadier figure)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


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


def bench(label: str, nq: Path, repeat: int, limit: float, rdflib_repeat: int | None) -> None:
    """Median time of every library query on pyoxigraph (and rdflib unless rdflib_repeat is None)."""
    folder = Path(tempfile.mkdtemp(prefix="edugraph-bench-store-"))
    store, ds, ox_load, rdf_load = load(nq, folder, rdflib_repeat is not None)
    distinct = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    loads = f"on-disk store written in {ox_load:.2f} s" + (f", rdflib {rdf_load:.2f} s" if ds is not None else "")
    print(f"\n{label}: {nq} — {len(store) - distinct} quads in named graphs, {distinct} distinct triples; {loads}")
    print(f"{'query':32} {'oxigraph ms':>12} {'CPU ms':>8} {'rows':>7} {'rdflib ms':>12} {'ratio':>8}")
    ox_total = []
    for name, text, bindings in query_cases(store):
        answer = oxigraph_answer(store, text, bindings)
        rows = sum(answer.values()) if hasattr(answer, "values") else (len(answer) if hasattr(answer, "__len__") else 1)
        ox_s, cpu_s = timed_both(lambda: oxigraph_answer(store, text, bindings), repeat)
        rdf_s = timed_with_limit(lambda: rdflib_answer(ds, text, bindings), rdflib_repeat, limit) if ds else None
        ox_total.append(ox_s)
        rdf_text = f"{rdf_s * 1000:12.1f}" if rdf_s is not None else \
            (f"{'> ' + format(limit, 'g') + ' s':>12}" if ds else f"{'—':>12}")
        ratio = f"{rdf_s / ox_s:8.0f}" if rdf_s is not None and ox_s > 0 else f"{'—':>8}"
        print(f"{name:32} {ox_s * 1000:12.1f} {cpu_s * 1000:8.1f} {rows:>7} {rdf_text} {ratio}", flush=True)
    print(f"{'whole library (oxigraph)':32} {sum(ox_total) * 1000:12.1f}   slowest {max(ox_total) * 1000:.1f} ms")
    del store
    shutil.rmtree(folder, ignore_errors=True)


def cold_query(nq: Path, query: str = "people-posts") -> None:
    """Wall time of `edugraph query QUERY` in a new process on a build folder holding the store of `nq`."""
    with tempfile.TemporaryDirectory() as tmp:
        build = Path(tmp)
        (build / "all.nq").symlink_to(nq.resolve())
        for name in ("asserted.nt", "inferred.nt", "summary.json"):
            (build / name).write_text("")
        started = time.perf_counter()
        write_store(build)
        written = time.perf_counter() - started
        edugraph = Path(sys.executable).with_name("edugraph")
        walls = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([str(edugraph), "query", query, "--build", str(build), "--format", "csv"],
                           check=True, stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - started)
    print(f"\non-disk store written in {written:.1f} s; `edugraph query {query}` wall: first {walls[0]:.2f} s, "
          f"then {min(walls[1:]):.2f} s (a new process each time)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--scaled", type=Path, default=ROOT / "bench" / "out" / "scaled.nq")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, metavar="SECONDS",
                        help="stop an rdflib run after this long on the scaled graph")
    parser.add_argument("--rdflib-scaled", action="store_true",
                        help="also run rdflib on the scaled graph (loading it takes minutes)")
    args = parser.parse_args(argv)
    bench("seed", args.build / "all.nq", args.repeat, max(args.rdflib_timeout, 600), args.repeat)
    if args.scaled.is_file():
        bench("scaled", args.scaled, args.repeat, args.rdflib_timeout, 1 if args.rdflib_scaled else None)
        cold_query(args.scaled)
    else:
        print(f"\n(no {args.scaled}: run bench/scale.py for the 1M-triple figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
