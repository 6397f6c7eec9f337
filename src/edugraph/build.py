"""The main job: articles -> extracted and curated facts -> RDF -> OWL-RL closure -> SHACL -> files.

Per-article work (extraction, curation, mapping) runs in `jobs` processes and is cached in the build
folder (`output/cache.py`): a rebuild redoes only the articles whose inputs changed, and writes the same
bytes as a full build.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from tqdm import tqdm

from .articles import Article, read_articles
from .curation import apply_curation, check_curation_folder, load_curation
from .mapping import article_graph, article_graph_iri, gazetteer_graph
from .namespaces import EG, GRAPH
from .ontology import load_ontology, load_shapes
from .output.cache import article_key, fingerprint, linked, read_entry, reused_from, write_entry
from .output.folder import replaced_folder
from .output.read import ntriples_graph
from .output.datasets import previous_blocks, write_datasets
from .output.write import merged_lines, paused_gc, sorted_ntriples, union, write_graph_files, write_json
from .paths import ARTICLES, BUILD, CURATION, ONTOLOGY, SHAPES
from .reasoning import infer
from .resolve import resolve_article
from .resolve.evidence import mark_curated, without_provenance
from .sparql.store import write_store
from .validation import validate

SUMMARY_CLASSES = ("Article", "Person", "Organisation", "Initiative", "Event", "Place", "Post", "Topic")


@dataclass
class BuildResult:
    """What a build made: the graphs, the per-article cache entries and the figures printed in the summary.

    `parts` are the asserted named graphs as (graph IRI, sorted N-Triples): one per article, then
    `egg:gazetteer` and `egg:entities`; `asserted_graph` is their union; `asserted` the same named graphs
    as rdflib graphs, parsed when first asked for.
    """

    articles: list[Article]
    facts: dict[str, dict]
    parts: list[tuple[str, str]]
    asserted_graph: Graph
    inferred: Graph
    ontology: Graph
    ontology_path: Path
    conforms: bool = True
    report: str = ""
    counts: dict = field(default_factory=dict)
    cache: dict[str, dict] = field(default_factory=dict)

    @cached_property
    def asserted(self) -> list[Graph]:
        return [ntriples_graph(nt, URIRef(iri), source=iri) for iri, nt in self.parts]


def article_facts(article: Article, curation: dict) -> dict:
    """Extracted facts with the article's curated corrections applied (and marked as curated)."""
    from .extract import extract_facts  # loads the NLP models
    facts = extract_facts(article.text, article.language, article.meta())
    facts["article"] = article.id
    return mark_curated(facts, apply_curation(facts, curation))


def preferred_labels(graphs: list[Graph]) -> Graph:
    """One skos:prefLabel per entity and language: the longest label any article gives."""
    best: dict[tuple, Literal] = {}
    for graph in graphs:
        for s, label in graph.subject_objects(RDFS.label):
            key = (s, label.language)
            if key not in best or (len(label), str(label)) > (len(best[key]), str(best[key])):
                best[key] = label
    result = Graph(identifier=GRAPH["entities"])
    for (s, _), label in best.items():
        result.add((s, SKOS.prefLabel, label))
    return result


@contextmanager
def timed(seconds: dict[str, float], phase: str):
    """Add the wall time of the block to seconds[phase]."""
    start = time.perf_counter()
    yield
    seconds[phase] = seconds.get(phase, 0.0) + time.perf_counter() - start


def count_entities(graph: Graph) -> dict[str, int]:
    counts = Counter()
    for name in SUMMARY_CLASSES:
        counts[name] = len(set(graph.subjects(RDF.type, EG[name])))
    return dict(counts)


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
            with multiprocessing.get_context("fork").Pool(min(jobs, len(rest))) as pool:
                for entry in pool.imap(process_article, rest, chunksize=max(1, min(16, len(rest) // (4 * jobs)))):
                    bar.update()
                    yield entry
        else:
            for item in rest:
                yield process_article(item)
                bar.update()


def run_build(articles_dir: Path = ARTICLES, curation_dir: Path = CURATION, ontology_path: Path = ONTOLOGY,
              shapes_path: Path = SHAPES, progress: bool = True, jobs: int = 1, previous: Path | None = None,
              reasoner: str = "reasonable") -> BuildResult:
    """Build every graph in memory; nothing is written here.

    `previous` is a build folder whose per-article cache is reused; `jobs` processes extract the others.
    """
    seconds: dict[str, float] = {}
    ontology = load_ontology(ontology_path)
    shapes = load_shapes(shapes_path)
    articles = read_articles(articles_dir)
    check_curation_folder(curation_dir, {a.id for a in articles})
    curations = {a.id: load_curation(Path(curation_dir) / f"{a.id}.yaml", a.id) for a in articles}
    build_fingerprint = fingerprint(ontology_path)
    keys = {a.id: article_key(build_fingerprint, a, curations[a.id]) for a in articles}
    entries = {a.id: read_entry(previous, keys[a.id]) for a in articles} if previous else {}
    todo = [(a, curations[a.id]) for a in articles if entries.get(a.id) is None]
    with timed(seconds, "extract+map"):
        entries.update(zip([a.id for a, _ in todo], list(process_all(todo, jobs, progress))))
    with timed(seconds, "merge"):
        parts = [(str(article_graph_iri(a.id)), entries[a.id]["graph"]) for a in articles]
        asserted = ntriples_graph("".join(nt for _, nt in parts),
                                  source="the article graphs (damaged cache? run `edugraph build --full`)")
        # the gazetteer graph of all articles is the union of each article's (places, initiatives, concepts)
        background = merged_lines([entries[a.id]["background"] for a in articles])
        asserted += ntriples_graph(background, source="the gazetteer graph (damaged cache? run with --full)")
        labels = preferred_labels([asserted])
        asserted += labels
        parts += [(str(GRAPH["gazetteer"]), background), (str(labels.identifier), sorted_ntriples(labels))]
    with timed(seconds, "reason"):
        inferred, contradictions = infer(without_provenance(asserted), ontology, reasoner)
    with timed(seconds, "validate"):
        everything = union([asserted, inferred])
        report = validate(everything, shapes, ontology)
    counts = {"articles": len(articles), "reused_articles": len(articles) - len(todo),
              "asserted_triples": len(asserted), "inferred_triples": len(inferred),
              "named_graphs": len(parts) + 1, "entities": count_entities(everything),
              "shacl_conforms": report.conforms, "shacl_violations": report.violations, "reasoner": reasoner,
              "inconsistencies": contradictions, "seconds": {k: round(v, 2) for k, v in seconds.items()}}
    return BuildResult(articles, {a.id: entries[a.id]["facts"] for a in articles}, parts, asserted, inferred,
                       ontology, Path(ontology_path), report.conforms, report.text, counts,
                       {keys[a.id]: entries[a.id] for a in articles})


def write_build(result: BuildResult, out_dir: Path = BUILD) -> None:
    """Write every output file, the per-article cache and the query store; the previous build is replaced
    only when all were written (see output/folder.py). Files of articles reused from that build (cache
    entries, facts, the store's unchanged graphs) are linked from it rather than written again."""
    seconds: dict[str, float] = {}
    previous = Path(os.path.abspath(out_dir))
    with replaced_folder(out_dir) as folder, paused_gc():
        with timed(seconds, "write"):
            ontology = (str(result.ontology.identifier), sorted_ntriples(result.ontology))
            inferred = (str(result.inferred.identifier), sorted_ntriples(result.inferred))
            write_graph_files(folder, "asserted", merged_lines([nt for _, nt in result.parts]))
            write_graph_files(folder, "inferred", inferred[1])
            kept = frozenset(name for (name, _), entry in zip(result.parts, result.cache.values())
                             if os.path.abspath(reused_from(entry) or folder) == str(previous))
            write_datasets(folder, ontology, result.parts, inferred, previous_blocks(previous, kept))
            shutil.copyfile(result.ontology_path, folder / "ontology.ttl")
            (folder / "facts").mkdir()
            for (article_id, facts), (key, entry) in zip(result.facts.items(), result.cache.items()):
                write_entry(folder, key, entry)
                if not linked(entry, f"facts/{article_id}.json", folder / "facts" / f"{article_id}.json"):
                    write_json(folder / "facts" / f"{article_id}.json", facts)
            if not result.conforms:
                (folder / "shacl-report.txt").write_text(result.report, encoding="utf-8")
        with timed(seconds, "store"):
            write_store(folder, [ontology, *result.parts, inferred], previous, kept)
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
