"""Latency of the query library: embedded pyoxigraph vs rdflib's SPARQL engine, on the seed graph and a scaled one.

    python bench/scale.py --triples 1000000 --out bench/out/scaled.nq
    python bench/queries.py [--build build] [--scaled bench/out/scaled.nq] [--store DIR] [--queries DIR]
                            [--repeat 5] [--rdflib-timeout 60] [--no-seed] [--no-cold] [QUERY …]

The store is the on-disk one the build writes and `edugraph query` opens (default graph = every distinct
triple once, named graphs for provenance); `--store` reuses one already written from the scaled graph.
Prints, per graph and query, the run without parameters ("—"; queries with a required parameter get only
the required ones) and one run per `# example:` line that binds an optional parameter (on the scaled graph,
where bench/scale.py renamed people, organisations and events, an entity stands for the first whose label
contains the example's name): rows, median wall and CPU milliseconds of the query and its CSV serialisation (what
`edugraph query --format csv` does), the CPU microseconds per row and their ratio to the floor (what a row of a
plain `SELECT * { ?s ?p ?o }` scan costs, produced and written as CSV: no query's row costs less), and on the
seed graph rdflib's time and the ratio (an rdflib run that exceeds --rdflib-timeout is stopped in its forked child
and shown as "> N s"); the CPU time of binding each example's parameters (entity names and IRIs looked up in the
store, as `edugraph query` does before it runs the query); then the wall time of a cold `edugraph query
people-posts` on the scaled graph's store.
`--queries` benchmarks another query folder (an older library, for before/after figures). Never run by the tests.
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
from edugraph.sparql.compare import rdflib_answer  # noqa: E402
from edugraph.prefixes import PREFIX_IRIS  # noqa: E402
from edugraph.sparql.params import (ParameterError, bind_resolved, candidates_query, store_lookup,  # noqa: E402
                                    to_term, with_values)
from edugraph.text import fold  # noqa: E402
from edugraph.sparql.store import STORE_DIR, fill  # noqa: E402
from edugraph.sparql.store_writer import compact_files  # noqa: E402


def load(nq: Path, folder: Path, with_rdflib: bool) -> tuple[ox.Store, Dataset | None, float, float | None]:
    """The graph as `edugraph query` sees it: the on-disk store the build writes (default graph = every
    triple once, named graphs for provenance), opened read-only; and the graph in rdflib if asked."""
    started = time.perf_counter()
    (folder / "all.nq").symlink_to(nq.resolve())
    compact_files(fill(ox.Store(str(folder / STORE_DIR)), folder / "all.nq"))  # as the build writes it
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


def query_cases(store, folder: Path, names: list[str] | None = None):
    """(name, parameters bound, text, bindings) for every library query in `folder` (or those in `names`): with
    its required parameters only (none for most), then with each example that binds an optional one."""
    for query in library(folder):
        if names and query.name not in names:
            continue
        examples = [parse_assignments([a for a in shlex.split(line) if a != "--param"]) for line in query.examples]
        required = {name: value for name, value in (examples or [{}])[0].items() if query.params.get(name)}
        optional = [values for values in examples if set(values) - set(required)]
        for values in [required] + optional:
            yield query.name, ",".join(values) or "—", query.text, bind_scaled(values, query, store)


def bind_scaled(values: dict[str, str], query, store):
    """The bindings of `values`; on the scaled graph, where bench/scale.py renamed people, organisations and
    events (`…/org/x-p0`, «Вера Князева #p0»), an entity value that is not found as given stands for the first
    of its renamed copies (the first entity of its class when it has none)."""
    lookup = store_lookup(store)
    try:
        return bind_resolved(values, query.text, query.params, query.param_class, query.name, lookup)
    except ParameterError:
        resolved = dict(values)
        for name, value in values.items():
            if name in query.param_class and not query.param_class[name].startswith("xsd:"):
                rows = lookup(candidates_query(query.param_class[name]))
                term = to_term(value)
                copies = [row["iri"] for row in rows if row["iri"].startswith(term.value + "-")] \
                    if isinstance(term, ox.NamedNode) else \
                    [row["iri"] for row in rows if fold(value) in fold(row["label"])]
                resolved[name] = f"<{min(copies or [row['iri'] for row in rows])}>"  # else any entity
        return bind_resolved(resolved, query.text, query.params, query.param_class, query.name, lookup)


def binding_times(store: ox.Store, folder: Path, names: list[str] | None, repeat: int) -> None:
    """Median CPU ms of binding each `# example:` line's parameters as `edugraph query` does (`bind_resolved`: names
    and IRIs of entities looked up in the store), an example that is an error on this graph (a name of several
    renamed copies) timed up to its error."""
    print(f"\n{'parameter binding':32} {'example':40} {'CPU ms':>9}  outcome")
    times = []
    for query in library(folder):
        if names and query.name not in names:
            continue
        for line in query.examples:
            values = parse_assignments([a for a in shlex.split(line) if a != "--param"])
            outcome = []

            def run():
                try:
                    bind_resolved(values, query.text, query.params, query.param_class, query.name, store_lookup(store))
                    outcome[:] = ["bound"]
                except ParameterError as err:
                    outcome[:] = [f"error: {err.problem[:60]}"]
            times.append(timed_both(run, repeat)[1])
            example = " ".join(f"{name}={value}" for name, value in values.items())
            print(f"{query.name:32} {example[:40]:40} {times[-1] * 1000:9.1f}  {outcome[0]}", flush=True)
    if times:
        print(f"{'parameter binding (CPU)':32} {len(times)} examples, {sum(times) * 1000:.1f} ms, "
              f"slowest {max(times) * 1000:.1f} ms")


def csv_answer(store: ox.Store, text: str, bindings: dict) -> tuple[bytes, int]:
    """The answer as `edugraph query --format csv` computes it (N-Triples for CONSTRUCT, true/false for ASK),
    and its number of rows."""
    result = store.query(with_values(text, bindings), prefixes=PREFIX_IRIS)
    if isinstance(result, ox.QueryBoolean):
        return str(bool(result)).encode(), 1
    if isinstance(result, ox.QuerySolutions):
        body = result.serialize(format=ox.QueryResultsFormat.CSV)
        return body, body.count(b"\n") - 1
    body = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
    return body, body.count(b"\n")


FLOOR_ROWS = 100_000


def floor_per_row(store: ox.Store, repeat: int) -> float:
    """CPU seconds per row of the cheapest answer a query can have: the first FLOOR_ROWS quads of a plain scan
    (`SELECT * { ?s ?p ?o }`, three columns) produced and written as CSV, what any row of a query costs at least
    (fewer rows when the graph has fewer)."""
    text = f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {FLOOR_ROWS}"
    rows = csv_answer(store, text, {})[1]
    return timed_both(lambda: csv_answer(store, text, {}), repeat)[1] / max(rows, 1)


def bench(label: str, nq: Path, repeat: int, limit: float, rdflib_repeat: int | None, folder: Path,
          store_dir: Path | None = None, names: list[str] | None = None) -> None:
    """Median time of every library query on pyoxigraph (and rdflib unless rdflib_repeat is None)."""
    scratch = Path(tempfile.mkdtemp(prefix="edugraph-bench-store-"))
    if store_dir:
        store, ds, ox_load, rdf_load = ox.Store.read_only(str(store_dir)), None, None, None
    else:
        store, ds, ox_load, rdf_load = load(nq, scratch, rdflib_repeat is not None)
    distinct = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    loads = f"store {store_dir} (reused)" if store_dir else f"on-disk store written in {ox_load:.2f} s"
    loads += f", rdflib {rdf_load:.2f} s" if ds is not None else ""
    print(f"\n{label}: {nq} — {len(store) - distinct} quads in named graphs, {distinct} distinct triples; {loads}")
    floor = floor_per_row(store, repeat)
    print(f"floor: {FLOOR_ROWS} rows of `SELECT * {{ ?s ?p ?o }}` produced and written as CSV, "
          f"{floor * 1e6:.1f} µs of CPU per row")
    print(f"{'query':32} {'parameters':17} {'rows':>7} {'wall ms':>10} {'CPU ms':>9} {'µs/row':>8} {'× floor':>8} "
          f"{'rdflib ms':>12} {'ratio':>8}")
    cpu_total = []
    for name, kind, text, bindings in query_cases(store, folder, names):
        rows = csv_answer(store, text, bindings)[1]
        ox_s, cpu_s = timed_both(lambda: csv_answer(store, text, bindings), repeat)
        rdf_s = timed_with_limit(lambda: rdflib_answer(ds, text, bindings), rdflib_repeat, limit) if ds else None
        cpu_total.append(cpu_s)
        rdf_text = f"{rdf_s * 1000:12.1f}" if rdf_s is not None else \
            (f"{'> ' + format(limit, 'g') + ' s':>12}" if ds else f"{'—':>12}")
        ratio = f"{rdf_s / ox_s:8.0f}" if rdf_s is not None and ox_s > 0 else f"{'—':>8}"
        per_row = cpu_s / max(rows, 1)
        print(f"{name:32} {kind:17} {rows:>7} {ox_s * 1000:10.1f} {cpu_s * 1000:9.1f} {per_row * 1e6:8.1f} "
              f"{per_row / floor:8.1f} {rdf_text} {ratio}", flush=True)
    print(f"{'whole library (CPU)':32} {sum(cpu_total) * 1000:.1f} ms, slowest {max(cpu_total) * 1000:.1f} ms")
    binding_times(store, folder, names, repeat)
    del store
    shutil.rmtree(scratch, ignore_errors=True)


def cold_query(nq: Path, query: str = "people-posts") -> None:
    """Wall time of `edugraph query QUERY` in a new process on a build folder holding the store of `nq`."""
    with tempfile.TemporaryDirectory() as tmp:
        build = Path(tmp)
        (build / "all.nq").symlink_to(nq.resolve())
        for name in ("asserted.nt", "inferred.nt", "summary.json"):
            (build / name).write_text("")
        started = time.perf_counter()
        compact_files(fill(ox.Store(str(build / STORE_DIR)), build / "all.nq"))
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
    parser.add_argument("names", nargs="*", help="only these library queries")
    parser.add_argument("--store", type=Path, help="an on-disk store already written from --scaled (read-only)")
    parser.add_argument("--queries", type=Path, default=ROOT / "queries", help="the query library to measure")
    parser.add_argument("--no-seed", action="store_true", help="only the scaled graph")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold `edugraph query` runs")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, metavar="SECONDS",
                        help="stop an rdflib run after this long on the scaled graph")
    parser.add_argument("--rdflib-scaled", action="store_true",
                        help="also run rdflib on the scaled graph (loading it takes minutes)")
    args = parser.parse_args(argv)
    if not args.no_seed:
        bench("seed", args.build / "all.nq", args.repeat, max(args.rdflib_timeout, 600), args.repeat, args.queries,
              names=args.names)
    if args.scaled.is_file():
        bench("scaled", args.scaled, args.repeat, args.rdflib_timeout, 1 if args.rdflib_scaled else None,
              args.queries, args.store, args.names)
        if not args.no_cold:
            cold_query(args.scaled)
    else:
        print(f"\n(no {args.scaled}: run bench/scale.py for the 1M-triple figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
