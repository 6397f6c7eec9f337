"""Writing a build and its store at 10,000 articles without extracting them: a kept build scaled up.

    python bench/write.py BUILD_DIR --copies 10      # BUILD_DIR: a build of bench/corpus.py (bench/build.py --keep)

The article graphs of BUILD_DIR (with their facts and their lines of the inferred graph) are copied
`--copies` times under new article ids, as if more articles reported the same people, organisations and
events (as news does). Then, in one process, `write_build` is timed twice (CPU seconds by phase; the machine
is shared): a full write into an empty folder of all the articles but one, and the write after adding that
one (`add 1`: every other article reused from the folder written before, as `edugraph build` does after
`edugraph add`). Reading, merging, reasoning and validating are not part of this benchmark (bench/build.py).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import edugraph.build as build  # noqa: E402
from edugraph.build import BuildResult, write_build  # noqa: E402
from edugraph.ontology import load_ontology  # noqa: E402
from edugraph.output.cache import CACHE_DIR, Entry  # noqa: E402
from edugraph.output.read import ntriples_graph  # noqa: E402
from edugraph.paths import ONTOLOGY  # noqa: E402

GRAPH = "https://w3id.org/edugraph/graph/"
ARTICLE = re.compile(r"article/([^/>\s]+?)(?=[>/])")


def graphs_of(build_dir: Path) -> dict[str, str]:
    """The sorted N-Triples of every named graph of a build, from its all.nq."""
    lines: dict[str, list[str]] = {}
    for line in (build_dir / "all.nq").read_text(encoding="utf-8").splitlines(keepends=True):
        body, name = line[:-3].rsplit(" ", 1)
        lines.setdefault(name[1:-1], []).append(body + " .\n")
    return {name: "".join(sorted(texts)) for name, texts in lines.items()}


def renamed(text: str, copy: int) -> str:
    return text if copy == 0 else ARTICLE.sub(lambda m: f"article/{m.group(1)}-c{copy}", text)


def scaled(build_dir: Path, copies: int) -> tuple[list[tuple[str, str]], list[str], str, dict[str, dict]]:
    """(article graphs, shared graphs, inferred N-Triples, facts by article id) with `copies` times the
    articles of the build."""
    graphs = graphs_of(build_dir)
    articles = sorted(name for name in graphs if name.startswith(GRAPH + "article/"))
    inferred = graphs.pop(GRAPH + "inferred")
    about_articles = "".join(line for line in inferred.splitlines(keepends=True) if "/article/" in line)
    inferred_all = "".join(sorted(set(inferred.splitlines(keepends=True)) | {
        line for copy in range(1, copies) for line in renamed(about_articles, copy).splitlines(keepends=True)}))
    parts, facts = [], {}
    for copy in range(copies):
        for name in articles:
            iri = renamed(f"<{name}>", copy)[1:-1]
            parts.append((iri, renamed(graphs[name], copy)))
            article_id = iri.rsplit("/", 1)[1]
            source = build_dir / "facts" / f"{name.rsplit('/', 1)[1]}.json"
            facts[article_id] = json.loads(source.read_text(encoding="utf-8"))
    shared = [(GRAPH + "gazetteer", graphs[GRAPH + "gazetteer"]), (GRAPH + "entities", graphs[GRAPH + "entities"])]
    return parts, shared, inferred_all, facts


def result_of(parts, shared, inferred: str, facts: dict, previous: Path | None) -> BuildResult:
    """A BuildResult of these graphs; its cache entries count as read from `previous` when it holds them."""
    cache = {}
    for (name, text), (article_id, article_facts) in zip(parts, facts.items()):
        key = f"bench-{article_id}"
        entry = Entry({"facts": article_facts, "graph": text, "background": ""})
        if previous is not None and (previous / CACHE_DIR / f"{key}.json").is_file():
            entry.build = previous
        cache[key] = entry
    return BuildResult(articles=[], facts=facts, parts=[*parts, *shared], asserted_graph=None,
                       inferred=ntriples_graph(inferred, GRAPH + "inferred"), ontology=load_ontology(ONTOLOGY),
                       ontology_path=ONTOLOGY, counts={"seconds": {}}, cache=cache)


def timed_write(result: BuildResult, out: Path) -> dict[str, float]:
    """CPU seconds of each phase of write_build (and of all of it, swap of the folder included)."""
    cpu: dict[str, float] = {}

    @contextmanager
    def timed(seconds, phase):
        started = time.process_time()
        yield
        cpu[phase] = cpu.get(phase, 0.0) + time.process_time() - started

    original, build.timed = build.timed, timed
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
    parts, shared, inferred, facts = scaled(args.build, args.copies)
    quads = sum(text.count("\n") for _, text in [*parts, *shared]) + inferred.count("\n")
    print(f"{len(parts)} articles, {quads} quads (asserted and inferred)")
    work = Path(tempfile.mkdtemp(prefix="edugraph-bench-write-"))
    try:
        out = work / "build"
        last = list(facts)[-1]
        before = result_of(parts[:-1], shared, inferred, {k: v for k, v in facts.items() if k != last}, None)
        full = timed_write(before, out)
        added = timed_write(result_of(parts, shared, inferred, facts, out), out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'CPU s':<8} {'write':>7} {'store':>7} {'all':>7}")
    for label, cpu in (("full", full), ("add 1", added)):
        print(f"{label:<8} {cpu['write']:>7.2f} {cpu['store']:>7.2f} {cpu['all']:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
