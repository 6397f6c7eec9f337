"""The asserted named graphs of a build and their distinct lines (what `asserted.nt` holds, sorted).

The asserted graphs are the article graphs, the gazetteer graph (the union of each article's part of it) and
`egg:entities`, one `skos:prefLabel` per entity and language picked from the `rdfs:label` lines of the others
(:func:`preferred_labels`). Every graph travels as sorted N-Triples.

:func:`merged` puts them together from every article's graph. :func:`merged_after_adding` does the same when the
build only adds articles to the previous one (every article of that build is reused as it was): the lines are
then the previous build's `asserted.nt` plus the new articles' lines, and the preferred labels change only for
the subjects of their labels; a previous preferred label that is no longer the best leaves the lines unless an
article or the gazetteer graph also holds it (looked up in the previous store). Both give the same lines
(`tests/test_incremental_build.py` compares the files of both ways). Either way the result says which lines the
previous build did not assert (:func:`asserted_change`), which the closure update takes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib.namespace import RDFS, SKOS

from .gazetteer import transliterate
from .mapping import article_graph_iri
from .namespaces import GRAPH, ID
from .output.sorted_text import changed, containing, holds, starting_with
from .output.write import merged_lines, ntriples_lines
from .reasoning_update import PreviousClosure
from .sparql.store import PreviousStore

LABEL, PREF_LABEL = f"<{RDFS.label}>", f"<{SKOS.prefLabel}>"
LABEL_MARK = f" {LABEL} "  # in every label line (and in few others): the cheap test first
GAZETTEER, ENTITIES = str(GRAPH["gazetteer"]), str(GRAPH["entities"])
PERSON = str(ID["person/"])


@dataclass(frozen=True)
class Merged:
    """The asserted named graphs as (graph IRI, sorted N-Triples): the article graphs, then `egg:gazetteer` and
    `egg:entities`; their distinct lines, sorted (`asserted.nt`), and the SHA-256 of their UTF-8 bytes; whether they
    were made from the previous build's; the lines the previous build did not assert (None without a previous
    build, or when a line of it is gone)."""

    parts: list[tuple[str, str]]
    lines: list[str]
    sha256: str
    from_previous: bool = False
    added: list[str] | None = None


def preferred_labels(lines: Iterable[str]) -> str:
    """One skos:prefLabel per entity and language: the longest label among N-Triples `lines` (of two as long, the
    greatest), as sorted N-Triples; a person's English label that is only the transliteration of one of their Russian
    labels (what a Russian article gives) yields to any other, which an English article wrote ("Andrei Vorobyov",
    not "Andrey Vorobyev"; an organisation's transliteration "Rosobrnadzor" stays before an English article's
    fallback "Organisation"). The label's text is copied from its line, so it is written as it was read.

    >>> label = f'<{ID}person/a> <http://www.w3.org/2000/01/rdf-schema#label> '
    >>> print(preferred_labels([label + '"Иван"@ru .\\n', label + '"Иван Петров"@ru .\\n']), end="")
    <https://w3id.org/edugraph/id/person/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "Иван Петров"@ru .
    >>> print(preferred_labels([label + '"Андрей Воробьев"@ru .\\n', label + '"Andrey Vorobyev"@en .\\n',
    ...                         label + '"Andrei Vorobyov"@en .\\n']), end="")
    <https://w3id.org/edugraph/id/person/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "Andrei Vorobyov"@en .
    <https://w3id.org/edugraph/id/person/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "Андрей Воробьев"@ru .
    """
    lines = [line for line in lines if LABEL_MARK in line and line.split(" ", 2)[1:2] == [LABEL]]
    labels = [(line, triple.subject, triple.object)
              for line, triple in zip(lines, ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
              if isinstance(triple.object, ox.Literal)]
    transliterations = {(subject, transliterate(label.value)) for _, subject, label in labels
                        if label.language == "ru" and subject.value.startswith(PERSON)}
    best: dict[tuple, tuple] = {}
    for line, subject, label in labels:
        written = label.language != "en" or (subject, label.value) not in transliterations
        key, rank = (subject, label.language), (written, len(label.value), label.value, line)
        if key not in best or rank > best[key]:
            best[key] = rank
    return "".join(sorted({f"{line.split(' ', 1)[0]} {PREF_LABEL} {line.split(' ', 2)[2]}"
                           for *_, line in best.values()}))


def merged(graphs: list[tuple[str, str]], backgrounds: Iterable[str], previous: PreviousClosure | None = None
           ) -> Merged:
    """The asserted graphs of article `graphs` ((IRI, sorted N-Triples)) and of the distinct texts of their parts
    of the gazetteer graph, and their distinct lines; what they add to the `previous` build's."""
    parts = [*graphs, (GAZETTEER, merged_lines(set(backgrounds)))]
    lines = {line for _, nt in parts for line in ntriples_lines(nt)}
    labels = preferred_labels(lines)
    lines = sorted(lines.union(ntriples_lines(labels)))
    return Merged([*parts, (ENTITIES, labels)], lines, hashlib.sha256("".join(lines).encode("utf-8")).hexdigest(),
                  added=None if previous is None else asserted_change(previous, lines))


def merged_after_adding(graphs: list[tuple[str, str]], backgrounds: Iterable[str], new: list[tuple[str, str]],
                        previous: PreviousClosure, ontology_iri: str) -> Merged:
    """:func:`merged` for a build that adds the `new` (article graph, its part of the gazetteer graph) to the
    `previous` build, whose articles are all among `graphs` as they were there."""
    before = previous.asserted
    fresh = {line for texts in new for text in texts for line in ntriples_lines(text)}
    labels = preferred_labels([line.decode("utf-8") for line in containing(before, LABEL_MARK.encode())]
                              + sorted(fresh))
    subjects = {line.split(" ", 1)[0] for line in fresh if LABEL_MARK in line}  # their labels may change
    now = {line for line in ntriples_lines(labels) if line.split(" ", 1)[0] in subjects}
    held = now | fresh
    dropped = [line for subject in sorted(subjects)
               for line in starting_with(before, f"{subject} {PREF_LABEL} ".encode("utf-8"))
               if line.decode("utf-8") not in held
               and not asserted_elsewhere(previous.store, line.decode("utf-8"), ontology_iri)]
    added = sorted(line for line in fresh | now if not holds(before, line.encode("utf-8")))
    data = changed(before, [line.encode("utf-8") for line in added], dropped)
    parts = [*graphs, (GAZETTEER, merged_lines(set(backgrounds))), (ENTITIES, labels)]
    return Merged(parts, ntriples_lines(data.decode("utf-8")), hashlib.sha256(data).hexdigest(), True,
                  None if dropped else added)


def only_added(before: PreviousClosure | None, reused: list[str]) -> bool:
    """Whether the article graphs of the build `before` are exactly the `reused` ones (by name): the build then
    only adds articles to it."""
    if before is None:
        return False
    prefix = str(article_graph_iri(""))
    graphs = {graph.value for graph in before.store.named_graphs() if graph.value.startswith(prefix)}
    return len(graphs) == len(reused) and graphs.issuperset(reused)


def asserted_change(previous: PreviousClosure, asserted_lines) -> list[str] | None:
    """The sorted lines of `asserted_lines` that the `previous` build did not assert, or None if it asserted a line
    that is not among them (a triple removed or changed)."""
    before = ntriples_lines(previous.asserted.decode("utf-8"))
    now = set(asserted_lines)
    if not now.issuperset(before):
        return None
    return sorted(now.difference(before))


def asserted_elsewhere(store: PreviousStore, line: str, ontology_iri: str) -> bool:
    """Whether a named graph of the previous build's store other than `egg:entities` (an article graph or the
    gazetteer graph) holds the triple of an N-Triples line (a damaged block read is one line: `PreviousStore`)."""
    triple = next(iter(ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
    others = {ENTITIES, str(GRAPH["inferred"]), ontology_iri}
    return any(isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value not in others
               for quad in store.quads_for_pattern(triple.subject, triple.predicate, triple.object))
