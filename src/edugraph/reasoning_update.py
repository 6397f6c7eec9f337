"""The closure after triples were only added: the previous build's closure plus what the new triples entail.

OWL 2 RL is monotone: adding triples never retracts an inference, so when the asserted facts of a build are
those of the previous build plus some new ones (``edugraph add``), the new closure is the previous one plus
the consequences of the new triples. The previous closure is closed, so a new consequence comes from a rule
instance with at least one new premise, and the other premises are found through the new one. For the rules
this ontology uses (:func:`joins`), a data premise joins another only

- as a link of a two-link property chain or of a transitive property: the object of the first link is the
  subject of the second (``x p y``, ``y q z``);
- through the subject, for a functional property (two values give ``owl:sameAs``) and for ``rdf:type`` (two
  disjoint classes are a contradiction);

every other rule (inverse, symmetric, sub-property, domain, range, sub-class, equivalent class,
``owl:hasValue``) has one data premise. So the update reads from the previous build's store only the triples
that can join a new one (an indexed lookup of node and predicate each), reasons with `reasonable` over the
ontology, those triples and the new ones, and repeats with the joins of every new triple derived, until
nothing new appears (a derived triple is new if the previous closure, in the store, does not hold it).

Anything else gives None and the build computes the closure in full: a removed or changed triple, another
ontology, reasoner or reasoning code, a previous build that cannot be read, an ontology construct outside
those rules (``owl:someValuesFrom``, keys, longer chains…), a new triple about the schema or with a blank
node, or an ``owl:sameAs`` (equality rewrites every triple of both nodes). ``tests/test_reasoning_update.py``
compares both ways on real articles.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from . import reasoning
from .output.read import ntriples_triples
from .output.sorted_text import changed, holds
from .output.write import sorted_ntriples
from .resolve.evidence import without_provenance
from .sparql.compare import INTEGER_TYPES, XSD, to_ox, to_rdflib
from .sparql.store import STORE_DIR, PreviousStore

TYPE = reasoning.TYPE
XSD_INTEGER = XSD + "integer"
MAX_ROUNDS = 20  # each round follows one more step of derivations; past this, reason in full
SCHEMA = (str(OWL), str(RDFS.subClassOf), str(RDFS.subPropertyOf), str(RDFS.domain), str(RDFS.range))
UNSUPPORTED = {OWL.someValuesFrom, OWL.allValuesFrom, OWL.intersectionOf, OWL.unionOf, OWL.complementOf,
               OWL.oneOf, OWL.maxCardinality, OWL.maxQualifiedCardinality, OWL.hasKey, OWL.propertyDisjointWith,
               OWL.InverseFunctionalProperty, OWL.AsymmetricProperty, OWL.IrreflexiveProperty,
               OWL.AllDifferent, OWL.differentFrom, OWL.sameAs, OWL.disjointUnionOf, OWL.hasSelf}


def reasoning_key(ontology_path: Path) -> str:
    """Hash of what the closure depends on besides the data: the ontology, `reasonable` and this code."""
    digest = hashlib.sha256(version("reasonable").encode())
    for path in (Path(reasoning.__file__), Path(__file__), Path(ontology_path)):
        digest.update(b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class PreviousClosure:
    """What the update needs of the previous build: its asserted and inferred graphs as the bytes of `asserted.nt`
    and `inferred.nt` (sorted N-Triples, searched in place: `output/sorted_text.py`), contradictions and counts
    (summary.json), and its store (read-only)."""

    asserted: bytes
    inferred: bytes
    inconsistencies: list[str]
    counts: dict
    store: PreviousStore

    def triples(self, subject=None, predicate=None, obj=None) -> set | None:
        """The distinct triples of the store's default graph matching a pattern (rdflib terms; None: any), as
        the build wrote them; None if one of them is not a line of the previous build.

        The store keeps a literal of a type derived from ``xsd:integer`` (``xsd:nonNegativeInteger``…) as an
        ``xsd:integer``: its type is found again from the lines.
        """
        pattern = [None if term is None else to_ox(term) for term in (subject, predicate, obj)]
        found = set()
        for triple in reasoning.plain_triples((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
                                              for q in self.store.quads_for_pattern(*pattern, ox.DefaultGraph())):
            s, p, o = triple
            if isinstance(o, Literal) and o.datatype is not None and not self.written(triple):
                if str(o.datatype) != XSD_INTEGER:
                    return None
                written = (t for t in ((s, p, Literal(str(o), datatype=URIRef(datatype)))
                                       for datatype in sorted(INTEGER_TYPES)) if self.written(t))
                triple = next(written, None)
                if triple is None:
                    return None
            found.add(triple)
        return found

    def holds(self, triple) -> bool:
        """Whether the previous closure (its store's default graph) holds `triple` (rdflib terms)."""
        return ox.Quad(*map(to_ox, triple), ox.DefaultGraph()) in self.store

    def written(self, triple) -> bool:
        """Whether the previous build wrote `triple` (a line of its asserted or inferred graph)."""
        line = sorted_ntriples([triple]).encode("utf-8")
        return holds(self.asserted, line) or holds(self.inferred, line)


@dataclass(frozen=True)
class PreviousBuild:
    """A previous build as the next one reads it once: its summary.json and the bytes of its `asserted.nt` and
    `inferred.nt`, which that summary vouches for (their SHA-256). Merging, reasoning and SHACL take them from
    here; nothing reads those files again."""

    folder: Path
    summary: dict
    asserted: bytes
    inferred: bytes


def previous_build(build_dir: Path | None) -> PreviousBuild | None:
    """The build in `build_dir` if its `asserted.nt` and `inferred.nt` are the ones it wrote (their SHA-256 in its
    summary.json), else None (no build, unreadable or damaged files)."""
    if build_dir is None:
        return None
    folder = Path(build_dir)
    try:
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        if not isinstance(summary, dict):
            return None
        files = [(folder / f"{name}.nt").read_bytes() for name in ("asserted", "inferred")]
    except (OSError, ValueError):  # missing, unreadable or damaged
        return None
    if [hashlib.sha256(data).hexdigest() for data in files] != [summary.get("asserted_sha256"),
                                                                summary.get("inferred_sha256")]:
        return None
    return PreviousBuild(folder, summary, *files)


def counts_readable(summary: dict) -> bool:
    """Whether a previous summary.json has the counts and contradictions the update adds to."""
    entities, problems = summary.get("entities"), summary.get("inconsistencies")
    return isinstance(entities, dict) and all(isinstance(n, int) for n in entities.values()) \
        and isinstance(summary.get("asserted_triples"), int) \
        and isinstance(problems, list) and all(isinstance(p, str) for p in problems)


def previous_closure(build: PreviousBuild | None, key: str) -> PreviousClosure | None:
    """The closure of the `build` (:func:`previous_build`) if it was computed by `reasonable` under the same
    `key`, else None."""
    if build is None:
        return None
    summary = build.summary
    if summary.get("reasoning_key") != key or summary.get("reasoner") != "reasonable" or not counts_readable(summary):
        return None
    try:
        store = PreviousStore(build.folder / STORE_DIR)
    except (OSError, ValueError, RuntimeError):  # missing, unreadable or damaged: reason in full
        return None
    return PreviousClosure(build.asserted, build.inferred, summary["inconsistencies"], summary, store)


@dataclass(frozen=True)
class Joins:
    """Which stored triples a new triple ``x q z`` can join, by its predicate q: ``z r ?`` for r in
    ``after[q]``, ``? p x`` for p in ``before[q]``, and ``x q ?`` if q is in ``same_subject``."""

    after: dict[str, set[str]]
    before: dict[str, set[str]]
    same_subject: frozenset[str]


@dataclass(frozen=True)
class ClosureUpdate:
    """The build's inferred graph (sorted N-Triples, and the SHA-256 of its UTF-8 bytes) and contradictions, and how
    the closure changed since the previous build: asserted triples added, inferred triples added or now asserted
    (what SHACL needs to validate only the changed nodes), and the triples new to the closure (what the counts
    need)."""

    inferred_text: str
    inferred_sha256: str
    inconsistencies: list[str]
    asserted_added: list[tuple]
    inferred_changed: set[tuple]
    closure_added: set[tuple]


def joins(ontology: Graph) -> Joins | None:
    """The joins of the ontology's two-premise rules over data, or None if it uses a construct outside
    them (see the module docstring)."""
    if any(p in UNSUPPORTED or o in UNSUPPORTED for _, p, o in ontology):
        return None
    after, before = defaultdict(set), defaultdict(set)
    links = [tuple(str(p) for p in chain) for chain, _ in reasoning.property_chains(ontology)]
    links += [(str(p), str(p)) for p in ontology.subjects(RDF.type, OWL.TransitiveProperty)]
    for chain in links:
        if len(chain) != 2:
            return None
        after[chain[0]].add(chain[1])
        before[chain[1]].add(chain[0])
    functional = {str(p) for p in ontology.subjects(RDF.type, OWL.FunctionalProperty)}
    return Joins(dict(after), dict(before), frozenset(functional | {TYPE}))


def lookups(triples, rules: Joins) -> set[tuple] | None:
    """The (node, predicate, "out" or "in") lookups of the stored triples that `triples` can join, or None if
    one of them is about the schema, is an ``owl:sameAs`` or has a blank node."""
    found = set()
    for s, p, o in triples:
        p = str.__str__(p)  # a plain str: rdflib hashes a URIRef apart from the same str
        if str.startswith(p, SCHEMA) or (str.__eq__(p, TYPE) and str.startswith(o, SCHEMA)) \
                or not isinstance(s, URIRef) or isinstance(o, BNode):
            return None
        found.update((s, q, "in") for q in rules.before.get(p, ()))
        if not isinstance(o, Literal):
            found.update((o, r, "out") for r in rules.after.get(p, ()))
        if p in rules.same_subject:
            found.add((s, p, "out"))
    return found


def updated_inferred(previous: PreviousClosure | None, added_lines: list[str], ontology: Graph) -> ClosureUpdate | None:
    """The closure of the build that asserts what the `previous` one did plus `added_lines` (sorted N-Triples lines
    it did not assert), from the `previous` closure; None unless the update is exact (see the module docstring)."""
    rules = joins(ontology)
    if previous is None or rules is None or added_lines is None:
        return None
    asserted_added = ntriples_triples("".join(added_lines))
    added = set(without_provenance(asserted_added))
    part, done, todo = set(), set(), lookups(added, rules)
    for _ in range(MAX_ROUNDS):
        if todo is None:
            return None
        for node, predicate, direction in todo - done:
            found = previous.triples(*((node, URIRef(predicate), None) if direction == "out"
                                       else (None, URIRef(predicate), node)))
            if found is None:
                return None
            part |= found
        done |= todo
        closure = reasoning.reasonable_closure(list(part | added), ontology)
        new = {t for t in closure if str.startswith(t[0], reasoning.ID_PREFIX) and reasoning.is_data_fact(t)
               and t not in part and t not in added and not previous.holds(t)}
        todo = lookups(new, rules)
        if todo is not None and todo <= done:
            break
    else:
        return None
    ours = [t for t in closure if str.startswith(t[0], reasoning.ID_PREFIX)]
    contradictions = set(previous.inconsistencies) | set(reasoning.inconsistencies(ours, ontology))
    now_asserted = {t for t in added if previous.holds(t)}  # inferred before, asserted now
    inferred = changed(previous.inferred, sorted_ntriples(list(new)).encode("utf-8").splitlines(keepends=True),
                       sorted_ntriples(list(now_asserted)).encode("utf-8").splitlines(keepends=True))
    return ClosureUpdate(inferred.decode("utf-8"), hashlib.sha256(inferred).hexdigest(), sorted(contradictions),
                         asserted_added, new | now_asserted, (set(asserted_added) - now_asserted) | new)
