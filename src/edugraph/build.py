"""The main job: articles -> extracted and curated facts -> RDF -> OWL-RL closure -> SHACL -> files."""

from __future__ import annotations

import shutil
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS
from tqdm import tqdm

from .articles import Article, read_articles
from .curation import apply_curation, check_curation_folder, load_curation
from .mapping import article_graph, gazetteer_graph
from .namespaces import EG, GRAPH
from .ontology import load_ontology, load_shapes
from .output.write import atomic_folder, union, write_dataset_files, write_graph_files, write_json
from .paths import ARTICLES, BUILD, CURATION, ONTOLOGY, SHAPES
from .reasoning import infer
from .resolve import resolve_article
from .resolve.evidence import mark_curated, without_provenance
from .validation import validate

SUMMARY_CLASSES = ("Article", "Person", "Organisation", "Initiative", "Event", "Place", "Post", "Topic")


@dataclass
class BuildResult:
    """What a build made: the graphs and the figures printed in the summary."""

    articles: list[Article]
    facts: dict[str, dict]
    asserted: list[Graph]
    inferred: Graph
    ontology: Graph
    ontology_path: Path
    conforms: bool = True
    report: str = ""
    counts: dict = field(default_factory=dict)


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


def run_build(articles_dir: Path = ARTICLES, curation_dir: Path = CURATION, ontology_path: Path = ONTOLOGY,
              shapes_path: Path = SHAPES, progress: bool = True) -> BuildResult:
    """Build every graph in memory; nothing is written here."""
    seconds: dict[str, float] = {}
    ontology = load_ontology(ontology_path)
    shapes = load_shapes(shapes_path)
    articles = read_articles(articles_dir)
    check_curation_folder(curation_dir, {a.id for a in articles})
    curations = {a.id: load_curation(Path(curation_dir) / f"{a.id}.yaml", a.id) for a in articles}
    graphs, facts, resolved = [], {}, []
    with timed(seconds, "extract+map"):
        for article in tqdm(articles, desc="articles", unit="article", disable=not progress, file=sys.stderr):
            facts[article.id] = article_facts(article, curations[article.id])
            resolved.append(resolve_article(article, facts[article.id]))
            graphs.append(article_graph(resolved[-1]))
        graphs.append(gazetteer_graph(resolved))
        graphs.append(preferred_labels(graphs))
        asserted = union(graphs)
    with timed(seconds, "reason"):
        inferred, contradictions = infer(without_provenance(asserted), ontology)
    with timed(seconds, "validate"):
        report = validate(union([asserted, inferred]), shapes, ontology)
    counts = {"articles": len(articles), "asserted_triples": len(asserted), "inferred_triples": len(inferred),
              "named_graphs": len(graphs) + 1, "entities": count_entities(union([asserted, inferred])),
              "shacl_conforms": report.conforms, "shacl_violations": report.violations,
              "inconsistencies": contradictions, "seconds": {k: round(v, 2) for k, v in seconds.items()}}
    return BuildResult(articles, facts, graphs, inferred, ontology, Path(ontology_path), report.conforms, report.text, counts)


def write_build(result: BuildResult, out_dir: Path = BUILD) -> None:
    """Write every output file; the previous build is replaced only when all were written."""
    with atomic_folder(out_dir) as folder:
        asserted = union(result.asserted)
        write_graph_files(folder, "asserted", asserted)
        write_graph_files(folder, "inferred", result.inferred)
        write_dataset_files(folder, "asserted", result.asserted)
        write_dataset_files(folder, "all", [result.ontology, *result.asserted, result.inferred])
        shutil.copyfile(result.ontology_path, folder / "ontology.ttl")
        for article_id, facts in result.facts.items():
            write_json(folder / "facts" / f"{article_id}.json", facts)
        write_json(folder / "summary.json", result.counts)
        if not result.conforms:
            (folder / "shacl-report.txt").write_text(result.report, encoding="utf-8")


def format_summary(counts: dict, out_dir: Path) -> str:
    lines = [f"built {out_dir}",
             f"  articles          {counts['articles']}",
             f"  named graphs      {counts['named_graphs']}",
             f"  asserted triples  {counts['asserted_triples']}",
             f"  inferred triples  {counts['inferred_triples']}",
             "  entities by class:"]
    lines += [f"    {name:<14} {n}" for name, n in counts["entities"].items()]
    verdict = "conforms" if counts["shacl_conforms"] else f"{counts['shacl_violations']} violations (see shacl-report.txt)"
    lines.append(f"  SHACL             {verdict}")
    lines.append(f"  OWL-RL            {len(counts['inconsistencies']) or 'no'} inconsistencies")
    lines.append("  seconds           " + ", ".join(f"{k} {v:.1f}" for k, v in counts["seconds"].items()))
    lines += [f"    {message}" for message in counts["inconsistencies"]]
    return "\n".join(lines)
