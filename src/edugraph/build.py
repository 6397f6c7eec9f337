"""The main job: articles -> extracted and curated facts -> RDF -> OWL-RL closure -> SHACL -> files.

Per-article work (extraction, curation, mapping) runs in `jobs` processes and is cached in the build
folder (`output/cache.py`): a rebuild redoes only the articles whose inputs changed, and writes the same
bytes as a full build.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Mapping
import os
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from tqdm import tqdm

from .articles import Article, article_paths, known_article, read_article
from .curation import apply_curation, check_curation_folder, load_curation
from .interrupt import signals_held
from .limits import limit
from .mapping import article_graph, article_graph_iri, gazetteer_graph
from .namespaces import EG, GRAPH
from .ontology import load_ontology, load_shapes
from .output.cache import (EntryFacts, Links, article_key, fingerprint, read_entry, reused_from, text_digest,
                           write_entries)
from .output.folder import build_identity, replaced_folder
from .output.inputs import input_digest, input_stats, inputs_stamp, read_inputs, unchanged_text, write_inputs
from .output.read import ntriples_graph, ntriples_triples
from .output.datasets import edited_nquads, previous_blocks, write_datasets
from .output.chunks import write_chunked
from .output.write import ntriples_lines, paused_gc, prefix_header, sorted_ntriples, write_json
from .paths import ARTICLES, BUILD, CURATION, ONTOLOGY, SCHEMES, SHAPES
from .reasoning import inferred_graph, inferred_triples
from .merging import merged, merged_after_adding, only_added
from .reasoning_update import previous_build, previous_closure, reasoning_key, updated_inferred
from .resolve import resolve_article
from .resolve.evidence import mark_curated, without_provenance
from .sparql.store_writer import write_store
from .validation import validate_build, validate_update, validation_key

TYPE = str(RDF.type)
SUMMARY_CLASSES = ("Article", "Person", "Organisation", "Initiative", "Event", "Place", "Post", "Topic")


@dataclass(frozen=True)
class Reused:
    """What a build takes from the previous one: its `folder`, its `identity` when it was read
    (`output.folder.build_identity`: writing fails if another build replaced it since), and the names of the
    article graphs whose cache entries were read from it (their blocks, chunks and stored graphs are copied from
    its files)."""

    folder: Path | None = None
    identity: tuple | None = None
    graphs: frozenset[str] = frozenset()


@dataclass
class BuildResult:
    """What a build made: the graphs, the per-article cache entries and the figures printed in the summary.

    `parts` are the asserted named graphs as (graph IRI, sorted N-Triples): one per article, then
    `egg:gazetteer` and `egg:entities`; `lines` their distinct lines, sorted (made from `parts` when not given);
    `inputs` what the articles were read from (`output/inputs.py`); `reused` what was taken from the previous build;
    `asserted` the same named graphs as rdflib graphs and `asserted_graph` their union, both parsed when first
    asked for. `inferred_text` is the graph `egg:inferred` as sorted N-Triples, `inferred_triples` its triples
    (rdflib terms) and `inferred` its rdflib graph, both made when first asked for (an rdflib graph costs about
    10 µs per triple: code that only iterates should use the list).
    """

    articles: list[Article]
    facts: Mapping[str, dict]
    parts: list[tuple[str, str]]
    inferred_text: str
    ontology: Graph
    ontology_path: Path
    conforms: bool = True
    report: str = ""
    counts: dict = field(default_factory=dict)
    cache: dict[str, dict] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    inputs: dict = field(default_factory=dict)
    reused: Reused = field(default_factory=Reused)

    def __post_init__(self):
        if not self.lines:
            self.lines = sorted({line for _, nt in self.parts for line in ntriples_lines(nt)})

    @cached_property
    def inferred_triples(self) -> list[tuple]:
        return ntriples_triples(self.inferred_text, source="the inferred graph")

    @cached_property
    def inferred(self) -> Graph:
        return inferred_graph(self.inferred_triples)

    @cached_property
    def asserted_graph(self) -> Graph:
        return ntriples_graph("".join(nt for _, nt in self.parts))

    @cached_property
    def asserted(self) -> list[Graph]:
        return [ntriples_graph(nt, URIRef(iri), source=iri) for iri, nt in self.parts]


def article_facts(article: Article, curation: dict) -> dict:
    """Extracted facts with the article's curated corrections applied (and marked as curated)."""
    from .extract import extract_facts  # loads the NLP models
    facts = extract_facts(article.text, article.language, article.meta())
    facts["article"] = article.id
    return mark_curated(facts, apply_curation(facts, curation))


@contextmanager
def timed(seconds: dict[str, float], phase: str, cpu: dict[str, float] | None = None):
    """Add the wall time of the block to seconds[phase] (and its CPU time in this process to cpu[phase])."""
    start, start_cpu = time.perf_counter(), time.process_time()
    yield
    seconds[phase] = seconds.get(phase, 0.0) + time.perf_counter() - start
    if cpu is not None:
        cpu[phase] = cpu.get(phase, 0.0) + time.process_time() - start_cpu


def count_entities(triples: list) -> dict[str, int]:
    """The number of distinct subjects typed with each summary class."""
    classes = {str(EG[name]): name for name in SUMMARY_CLASSES}
    members = {name: set() for name in SUMMARY_CLASSES}
    for s, p, o in triples:
        if str.__eq__(p, TYPE):
            name = classes.get(str(o))  # str keys: rdflib's own __eq__ is slow on many triples
            if name:
                members[name].add(s)
    return {name: len(subjects) for name, subjects in members.items()}


def process_article(item: tuple[Article, dict]) -> dict:
    """One article's cache entry: merged facts, its named graph and its part of the gazetteer graph (sorted
    N-Triples)."""
    article, curation = item
    facts = article_facts(article, curation)
    resolved = resolve_article(article, facts)
    return {"facts": facts, "graph": sorted_ntriples(article_graph(resolved)),
            "background": sorted_ntriples(gazetteer_graph([resolved]))}


def process_all(todo: list[tuple[Article, dict]], jobs: int, progress: bool):
    """The entries of `todo` in order, computed in `jobs` forked processes (the first article in this one,
    which loads the NLP models before the fork so that the workers share them)."""
    bar = tqdm(total=len(todo), desc="articles", unit="article", disable=not progress, file=sys.stderr)
    with bar:
        if not todo:
            return
        yield process_article(todo[0])
        bar.update()
        rest = todo[1:]
        if jobs > 1 and len(rest) > 1 and "fork" in multiprocessing.get_all_start_methods():
            with contextlib.ExitStack() as stack:
                with signals_held():  # a pool half started by an interrupt would leave its workers running
                    pool = stack.enter_context(multiprocessing.get_context("fork").Pool(min(jobs, len(rest))))
                for entry in pool.imap(process_article, rest, chunksize=max(1, min(16, len(rest) // (4 * jobs)))):
                    bar.update()
                    yield entry
        else:
            for item in rest:
                yield process_article(item)
                bar.update()


def read_corpus(articles_dir: Path, curation_dir: Path, build_fingerprint: str,
                previous: Path | None = None) -> tuple[list[Article], dict[str, str], dict]:
    """The articles (sorted by id), their cache keys by id and the record of what they were read from
    (`output/inputs.py`). An article whose files have the sizes and times, or else the bytes, the `previous`
    build read is only decoded: its metadata, curation and key are that build's."""
    paths = article_paths(articles_dir)
    check_curation_folder(curation_dir, {path.stem for path in paths})
    stamp = inputs_stamp(build_fingerprint)
    known = read_inputs(previous, stamp)
    articles, keys, records = [], {}, {}
    max_bytes = limit("MAX_ARTICLE_BYTES")
    for path in paths:
        name = str(path)
        curation_path = os.path.join(curation_dir, f"{path.stem}.yaml")
        stats = input_stats(name, curation_path)  # before reading: a later change gives other times
        record = known.get(path.stem)
        found = None
        if record is not None and stats is not None and record.get("stat") == stats:
            text = unchanged_text(name, max_bytes)
            found = None if text is None else (record["digest"], text)
        if found is None:
            found = input_digest(path, curation_path)
        if found is not None and record is not None and record["digest"] == found[0]:
            article, key = known_article(path, found[1], record["meta"]), record["key"]
        else:
            article = read_article(path)
            key = article_key(build_fingerprint, article, load_curation(curation_path, article.id))
            found = found if found == input_digest(path, curation_path) else None  # changed while read
        articles.append(article)
        keys[article.id] = key
        if found is not None:
            records[article.id] = {"digest": found[0], "key": key, "meta": article.meta(), "stat": stats}
    return articles, keys, {"stamp": stamp, "articles": records}


def run_build(articles_dir: Path = ARTICLES, curation_dir: Path = CURATION, ontology_path: Path = ONTOLOGY,
              shapes_path: Path = SHAPES, progress: bool = True, jobs: int = 1, previous: Path | None = None,
              reasoner: str = "reasonable") -> BuildResult:
    """Build every graph in memory; nothing is written here.

    `previous` is a build folder whose per-article cache is reused; `jobs` processes extract the others.
    """
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}  # CPU seconds of this process (the extraction workers are not counted)
    ontology = load_ontology(ontology_path)
    shapes = load_shapes(shapes_path)
    with paused_gc(), timed(seconds, "read", cpu):  # the articles, the cache entries, the previous build's graphs
        identity = None if previous is None else build_identity(previous)  # before reading anything of it
        articles, keys, inputs = read_corpus(articles_dir, curation_dir, fingerprint(ontology_path), previous)
        backgrounds: dict[str, str] = {}  # shared by the entries read
        entries = {a.id: read_entry(previous, keys[a.id], backgrounds) for a in articles} if previous else {}
    todo = [(a, load_curation(Path(curation_dir) / f"{a.id}.yaml", a.id)) for a in articles
            if entries.get(a.id) is None]
    with timed(seconds, "extract+map", cpu):
        entries.update(zip([a.id for a, _ in todo], list(process_all(todo, jobs, progress))))
    with paused_gc(), timed(seconds, "read", cpu):  # after the workers: no open store is forked into them
        reasoning_id = reasoning_key(ontology_path)
        earlier = previous_build(previous)  # its asserted.nt and inferred.nt, read once for every phase below
        before = previous_closure(earlier, reasoning_id) if reasoner == "reasonable" else None
    with paused_gc():
        with timed(seconds, "merge", cpu):
            graphs = [(str(article_graph_iri(a.id)), entries[a.id]["graph"]) for a in articles]
            distinct = {entries[a.id]["background"] for a in articles}  # articles about the same places share one
            new = [(entries[a.id]["graph"], entries[a.id]["background"]) for a, _ in todo]
            reused = Reused(previous and Path(os.path.abspath(previous)), identity,
                            frozenset(name for (name, _), a in zip(graphs, articles) if reused_from(entries[a.id])))
            if only_added(before, reused.graphs):
                merge = merged_after_adding(graphs, distinct, new, before, str(ontology.identifier))
            else:
                merge = merged(graphs, distinct, before)
            parts, lines = merge.parts, merge.lines
        damaged = "the cached article graphs (damaged cache? run `edugraph build --full`)"
        terms: dict[str, list] = {}  # the asserted and inferred triples as rdflib terms, parsed only if needed

        def all_triples() -> tuple[list, list]:
            if not terms:
                terms["asserted"] = ntriples_triples("".join(lines), source=damaged)
                terms["inferred"] = ntriples_triples(inferred_text, source="the inferred graph")
            return terms["asserted"], terms["inferred"]

        with timed(seconds, "reason", cpu):
            updated = updated_inferred(before, merge.added, ontology)
            if updated is None:
                terms["asserted"] = ntriples_triples("".join(lines), source=damaged)
                terms["inferred"], contradictions = inferred_triples(without_provenance(terms["asserted"]),
                                                                     ontology, reasoner)
                inferred_text = sorted_ntriples(terms["inferred"])
            else:
                inferred_text, contradictions = updated.inferred_text, updated.inconsistencies
        with timed(seconds, "validate", cpu):
            key = validation_key(shapes_path, ontology_path, SCHEMES)
            report = None if updated is None else validate_update(updated, before, shapes, ontology, key)
            if report is None:  # every node is validated, or the changed ones found from the previous files
                report = validate_build(lines, *all_triples(), shapes, ontology, key, earlier)
        if updated is not None and set(before.counts["entities"]) == set(SUMMARY_CLASSES):
            # the closure only grew: the previous counts plus the triples new to it
            added_counts = count_entities(updated.closure_added)
            entities = {name: before.counts["entities"][name] + added_counts[name] for name in added_counts}
            asserted_count = before.counts["asserted_triples"] + len(updated.asserted_added)
        else:
            asserted, inferred = all_triples()
            entities, asserted_count = count_entities(asserted + inferred), len(set(asserted))
        inferred_sha256 = text_digest(inferred_text) if updated is None else updated.inferred_sha256
    counts = {"articles": len(articles), "reused_articles": len(articles) - len(todo),
              "asserted_triples": asserted_count, "inferred_triples": inferred_text.count("\n"),
              "named_graphs": len(parts) + 1, "entities": entities,
              "shacl_conforms": report.conforms, "shacl_violations": report.violations,
              "shacl_validated_nodes": report.validated_nodes, "shacl_key": key, "reasoner": reasoner,
              "reasoning_key": reasoning_id, "reasoning_updated": updated is not None,
              "asserted_updated": merge.from_previous,
              "asserted_sha256": merge.sha256, "inferred_sha256": inferred_sha256,
              "inconsistencies": contradictions, "seconds": {k: round(v, 2) for k, v in seconds.items()},
              "cpu_seconds": {k: round(v, 2) for k, v in cpu.items()}}
    facts = EntryFacts([a.id for a in articles], [entries[a.id] for a in articles])
    result = BuildResult(articles, facts, parts, inferred_text, ontology, Path(ontology_path), report.conforms,
                         report.text, counts, {keys[a.id]: entries[a.id] for a in articles}, lines, inputs, reused)
    if terms:
        result.inferred_triples = terms["inferred"]  # already made: not parsed again if asked for
    return result


def write_article_files(folder: Path, result: BuildResult) -> None:
    """The cache entries and `facts/<id>.json`: hard links to the previous build's for the reused articles."""
    (folder / "facts").mkdir()
    write_entries(folder, result.cache)
    with Links(folder) as links:
        for article_id, entry in zip(result.facts, result.cache.values()):  # facts parsed only if written
            if not links.link(entry, "facts", f"{article_id}.json"):
                write_json(folder / "facts" / f"{article_id}.json", result.facts[article_id])


def write_graph_files(folder: Path, result: BuildResult, ontology: tuple[str, str]):
    """The files of the graphs (`.nt`, `.ttl`, `.jsonld`, `.nq`, `.trig`): what did not change since the previous
    build (`result.reused`: its article graphs, unchanged lines and chunks) is copied from its files. Returns the
    lines the inferred graph lost and gained since then (None if not known)."""
    previous, kept = result.reused.folder, result.reused.graphs
    reusable = previous if kept else None  # a --full build reuses nothing
    name = str(GRAPH["inferred"])
    write_chunked(folder, "asserted", "".join(result.lines).encode("utf-8"), reusable)
    inferred = result.inferred_text.encode("utf-8")
    changes = write_chunked(folder, "inferred", inferred, reusable)
    turtle = (folder / "inferred.ttl").read_bytes()[len(prefix_header(ox.RdfFormat.TURTLE)):]
    quads = None if changes is None else edited_nquads(previous / "all.nq", (name, inferred), changes.old,
                                                       changes.hunks)
    write_datasets(folder, ontology, result.parts, (name, inferred), previous_blocks(previous, kept), turtle, quads)
    return changes


def write_build(result: BuildResult, out_dir: Path = BUILD) -> None:
    """Write every output file, the per-article cache and the query store; the previous build is replaced
    only when all were written (see output/folder.py), and never if another build replaced the one `result` was
    made from since it was read. What `result` reused from that build (cache entries, facts, blocks and chunks of
    the graph files, the store's unchanged graphs) is linked or copied from it rather than made again; the links
    in a thread beside the graph files (a link is mostly time in the kernel)."""
    seconds: dict[str, float] = {}
    previous, kept = result.reused.folder, result.reused.graphs
    read = None if previous is None else (previous, result.reused.identity)
    with replaced_folder(out_dir, read) as folder, paused_gc(), ThreadPoolExecutor(1) as helper:
        with timed(seconds, "write"):
            articles = helper.submit(write_article_files, folder, result)
            ontology = (str(result.ontology.identifier), sorted_ntriples(result.ontology))
            changes = write_graph_files(folder, result, ontology)
            shutil.copyfile(result.ontology_path, folder / "ontology.ttl")
            if result.inputs:
                write_inputs(folder, result.inputs["stamp"], result.inputs["articles"])
            if not result.conforms:
                (folder / "shacl-report.txt").write_text(result.report, encoding="utf-8")
            articles.result()
        with timed(seconds, "store"):
            inferred = (str(GRAPH["inferred"]), result.inferred_text)
            diffs = {} if changes is None else {inferred[0]: (changes.removed, changes.added)}
            write_store(folder, [ontology, *result.parts, inferred], previous, kept, diffs)
        result.counts["seconds"].update((k, round(v, 2)) for k, v in seconds.items())
        write_json(folder / "summary.json", result.counts)


def format_summary(counts: dict, out_dir: Path) -> str:
    lines = [f"built {out_dir}",
             f"  articles          {counts['articles']}",
             f"  named graphs      {counts['named_graphs']}",
             f"  asserted triples  {counts['asserted_triples']}",
             f"  inferred triples  {counts['inferred_triples']} ({counts['reasoner']})",
             f"  reused articles   {counts['reused_articles']} (unchanged since the previous build)",
             "  entities by class:"]
    lines += [f"    {name:<14} {n}" for name, n in counts["entities"].items()]
    verdict = "conforms" if counts["shacl_conforms"] else \
        f"{counts['shacl_violations']} violations (see shacl-report.txt)"
    lines.append(f"  SHACL             {verdict}")
    lines.append(f"  OWL-RL            {len(counts['inconsistencies']) or 'no'} inconsistencies")
    lines.append("  seconds           " + ", ".join(f"{k} {v:.1f}" for k, v in counts["seconds"].items()))
    lines += [f"    {message}" for message in counts["inconsistencies"]]
    return "\n".join(lines)
