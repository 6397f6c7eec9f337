"""Writing a build and its store at 10,000 articles without extracting them: a kept build scaled up.

    python bench/write.py BUILD_DIR --copies 10      # BUILD_DIR: a build of bench/corpus.py (bench/build.py --keep)

The cache entries of BUILD_DIR (each article's facts, graph and background) and the lines of its inferred
graph about its articles are copied `--copies` times under new article ids, as if more articles reported the
same people, organisations and events (as news does), and merged into a `BuildResult` as `run_build` does.
Then, in one process, `write_build` is timed twice (CPU seconds by phase; the machine is shared): a full
write into an empty folder of all the articles but one, and the write after adding that one (`add 1`: every
other article's entry re-read from the folder written before and reused, as `edugraph build` does after
`edugraph add`). Reading, merging, reasoning and validating are not part of this benchmark (bench/build.py).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import edugraph.build as build  # noqa: E402
from edugraph.build import BuildResult, Reused, write_build  # noqa: E402
from edugraph.merging import preferred_labels  # noqa: E402
from edugraph.mapping import article_graph_iri  # noqa: E402
from edugraph.namespaces import GRAPH  # noqa: E402
from edugraph.ontology import load_ontology  # noqa: E402
from edugraph.output.cache import CACHE_DIR, ENTRY_SUFFIX, Entry, read_entry, reused_from  # noqa: E402
from edugraph.output.folder import build_identity  # noqa: E402
from edugraph.output.write import merged_lines  # noqa: E402
from edugraph.paths import ONTOLOGY  # noqa: E402

ARTICLE = re.compile(r"article/([^/>\s]+?)(?=[>/])")


def copy_id(article_id: str, copy: int) -> str:
    """The id of an article in copy `copy` (its own id in copy 0)."""
    return article_id if copy == 0 else f"{article_id}-c{copy}"


def renamed(text: str, copy: int) -> str:
    """`text` with every article IRI made that of copy `copy`.

    >>> renamed("<https://w3id.org/edugraph/id/article/a1> <p> <x:article/a1/event> .", 2)
    '<https://w3id.org/edugraph/id/article/a1-c2> <p> <x:article/a1-c2/event> .'
    """
    return text if copy == 0 else ARTICLE.sub(lambda m: f"article/{copy_id(m.group(1), copy)}", text)


def scaled(build_dir: Path, copies: int) -> tuple[dict[str, Entry], str]:
    """New cache entries (by key) of `copies` times the articles of the build, and the inferred graph of them all
    as sorted N-Triples (the lines about an article copied with it)."""
    backgrounds: dict[str, str] = {}
    keys = [path.stem for path in sorted((build_dir / CACHE_DIR).glob(f"*{ENTRY_SUFFIX}"))]
    kept = {key: read_entry(build_dir, key, backgrounds) for key in keys}
    if not kept or None in kept.values():
        sys.exit(f"bench/write.py: error: {build_dir}: no cache entries, or a damaged one")
    entries = {}
    for copy in range(copies):
        for key, entry in kept.items():
            facts = dict(entry["facts"], article=copy_id(entry["facts"]["article"], copy))
            entries[f"{key}-c{copy}"] = Entry(facts=facts, graph=renamed(entry["graph"], copy),
                                              background=entry["background"])
    inferred = (build_dir / "inferred.nt").read_text(encoding="utf-8").splitlines(keepends=True)
    about_articles = "".join(line for line in inferred if "/article/" in line)
    lines = set(inferred).union(*(renamed(about_articles, copy).splitlines(keepends=True) for copy in range(copies)))
    return entries, "".join(sorted(lines))


def result_of(entries: dict[str, Entry], inferred: str, ontology, previous: Path | None = None) -> BuildResult:
    """A BuildResult of these cache entries (by key) as `run_build` merges them: the article graphs, the gazetteer
    graph (the union of their backgrounds) and the preferred labels; those read from the `previous` build reused."""
    parts = [(str(article_graph_iri(entry["facts"]["article"])), entry["graph"]) for entry in entries.values()]
    parts.append((str(GRAPH["gazetteer"]), merged_lines({entry["background"] for entry in entries.values()})))
    parts.append((str(GRAPH["entities"]), preferred_labels(line for _, nt in parts for line in nt.splitlines(True))))
    facts = {entry["facts"]["article"]: entry["facts"] for entry in entries.values()}
    reused = Reused(previous, build_identity(previous), frozenset(
        name for (name, _), entry in zip(parts, entries.values()) if reused_from(entry))) if previous else Reused()
    return BuildResult([], facts, parts, inferred, ontology, ONTOLOGY, counts={"seconds": {}}, cache=dict(entries),
                       reused=reused)


def timed_write(result: BuildResult, out: Path) -> dict[str, float]:
    """CPU seconds of each phase of write_build (and of all of it, swap of the folder included)."""
    cpu: dict[str, float] = {}
    original = build.timed
    build.timed = lambda seconds, phase, _cpu=None: original(seconds, phase, cpu)  # write_build's own phases
    started = time.process_time()
    try:
        write_build(result, out)
    finally:
        build.timed = original
    cpu["all"] = time.process_time() - started
    return cpu


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build folder of bench/corpus.py articles")
    parser.add_argument("--copies", type=int, default=10, help="how many times its articles are taken")
    args = parser.parse_args(argv)
    entries, inferred = scaled(args.build, args.copies)
    ontology = load_ontology(ONTOLOGY)
    *keys, last = entries
    work = Path(tempfile.mkdtemp(prefix="edugraph-bench-write-"))
    try:
        out = work / "build"
        full = timed_write(result_of({key: entries[key] for key in keys}, inferred, ontology), out)
        backgrounds: dict[str, str] = {}  # the next build reads the entries just written, as after `edugraph add`
        after = result_of({**{key: read_entry(out, key, backgrounds) for key in keys}, last: entries[last]},
                          inferred, ontology, out)
        added = timed_write(after, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    quads = sum(nt.count("\n") for _, nt in after.parts) + inferred.count("\n")
    print(f"{len(entries)} articles, {quads} quads (asserted and inferred)")
    print(f"{'CPU s':<8} {'write':>7} {'store':>7} {'all':>7}")
    for label, cpu in (("full", full), ("add 1", added)):
        print(f"{label:<8} {cpu['write']:>7.2f} {cpu['store']:>7.2f} {cpu['all']:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
