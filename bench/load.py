"""Load throughput: `edugraph load` into an Oxigraph server versus Oxigraph's own bulk loader, same file.

    python bench/load.py                          # bench/out/scaled.nq (bench/scale.py), else a scaled build/all.nq
    python bench/load.py --input FILE.nq
    python bench/load.py --triples 200000         # size of the scaled copy made when no input exists

Four runs on fresh folders, each timed end to end (parsing included):
  edugraph load --endpoint   into `oxigraph serve`: GSP PUT per graph into staging graphs, COUNT, one MOVE update
                             per batch of graphs (--batch-triples), then the count table (child process)
  ... --protocol update      the same with one INSERT DATA request per batch instead of a PUT per graph
  edugraph load --store      the same into an on-disk store, in this process (child process)
  oxigraph load --file       the server's bulk loader (no staging, no verification)
Ratios are triples per second relative to the bulk loader. Results also go to bench/out/load.json.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # support/ helpers
from support.oxigraph import OxigraphServer, oxigraph_binary  # noqa: E402

OUT = ROOT / "bench" / "out"
ID = "https://w3id.org/edugraph/id/"
GRAPH_AT_END = re.compile(r"<(https://w3id\.org/edugraph/graph/[^>]*)> \.$")


def scaled_copy(source: Path, triples: int, out: Path) -> Path:
    """Copies of `source` with renamed resources, graphs and blank nodes until about `triples` quads."""
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out.open("w", encoding="utf-8") as sink:
        for k in range(max(1, -(-triples // len(lines)))):
            for line in lines:
                if k:
                    line = line.replace(ID, f"{ID}c{k}/").replace("_:", f"_:c{k}x")
                    line = GRAPH_AT_END.sub(lambda m: f"<{m.group(1)}/c{k}> .", line)
                sink.write(line + "\n")
    return out


def fake_build(nquads: Path, folder: Path) -> Path:
    """A folder `edugraph load --build` accepts, holding `nquads` as all.nq."""
    folder.mkdir(parents=True)
    (folder / "all.nq").symlink_to(nquads.resolve())
    for name in ("asserted.nt", "inferred.nt"):
        (folder / name).touch()
    (folder / "summary.json").write_text("{}")
    return folder


def timed(name: str, command: list[str]) -> float:
    print(f"{name} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"{' '.join(command[:4])}... failed: {done.stderr.strip()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, help="N-Quads file (default bench/out/scaled.nq if it exists)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the scaled copy made otherwise")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    source = args.input or (OUT / "scaled.nq")
    if not source.is_file():
        if not (ROOT / "build" / "all.nq").is_file():
            sys.exit("no input: give --input FILE.nq, run bench/scale.py, or run `edugraph build` first")
        source = scaled_copy(ROOT / "build" / "all.nq", args.triples, OUT / "load-scaled.nq")
    triples = sum(1 for line in source.open(encoding="utf-8") if line.strip())
    edugraph = [sys.executable, "-m", "edugraph.cli", "load"]
    with tempfile.TemporaryDirectory(prefix="edugraph-bench-load-") as tmp:
        tmp = Path(tmp)
        build = fake_build(source, tmp / "build")
        rows = {}
        for name, protocol in (("edugraph load --endpoint (GSP)", "gsp"), ("edugraph load --endpoint (update)", "update")):
            with OxigraphServer(tmp / protocol) as server:
                rows[name] = timed(name, edugraph + ["--build", str(build), "--endpoint", server.url, "--protocol", protocol])
        name = "edugraph load --store"
        rows[name] = timed(name, edugraph + ["--build", str(build), "--store", str(tmp / "embedded")])
        name = "oxigraph load (bulk loader)"
        rows[name] = bulk = timed(name, [oxigraph_binary(), "load", "--location", str(tmp / "bulk"), "--file", str(source)])
    print(f"{triples} triples from {source}")
    print(f"{'method':<36} {'seconds':>8} {'triples/s':>10} {'vs bulk':>8}")
    for name, seconds in rows.items():
        print(f"{name:<36} {seconds:>8.2f} {triples / seconds:>10.0f} {bulk / seconds:>8.2f}")
    report = {"input": str(source), "triples": triples,
              "runs": {name: {"seconds": s, "triples_per_second": triples / s, "ratio_to_bulk": bulk / s}
                       for name, s in rows.items()}}
    (OUT / "load.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
