"""SHACL validation of the built graph with pyshacl: of every node, or, after a small change, of the nodes the
change can affect.

Both give the same report as pyshacl on the whole graph when the shapes are *local* (:func:`local_paths`): each
shape targets nodes by class, reads only its focus node's own triples along plain predicate paths, and of their
values only the types (``sh:class``). Then

- only the triples along those paths, the types and ``rdfs:subClassOf`` are handed to pyshacl (it reads nothing
  else), and
- a node's results change only if one of its own triples changed or a type of one of its values did. When the
  previous build had no result (not even a warning) under the same shapes and ontology, those nodes are validated
  alone (:func:`changed_since`, :func:`affected_nodes`) and every other node still has none. Anything else
  (non-local shapes, a previous build that did not conform or is unreadable, a changed blank node) validates every
  node.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from .errors import EduGraphError
from .namespaces import bind_prefixes
from .output.read import ntriples_triples
from .output.write import ntriples_lines
from .reasoning import ID_PREFIX
from .reasoning_update import ClosureUpdate, PreviousBuild, PreviousClosure

# shape terms whose constraints read only the focus node's triples along sh:path and the values themselves (their
# types for sh:class); annotations and severities read nothing
LOCAL_TERMS = {SH[name] for name in (
    "targetClass", "targetNode", "property", "path", "class", "datatype", "nodeKind", "minCount", "maxCount",
    "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "minLength", "maxLength", "pattern", "flags",
    "languageIn", "uniqueLang", "in", "hasValue", "or", "and", "not", "xone", "qualifiedValueShape",
    "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint", "message", "severity", "name",
    "description", "order", "group", "deactivated", "defaultValue")}
CLASSES = {RDFS.Class, OWL.Class}
ALWAYS_READ = {RDF.type, RDFS.subClassOf}  # targets and sh:class: the types and the class hierarchy
TYPE, SUBCLASS = str(RDF.type), str(RDFS.subClassOf)  # compared with str.__eq__ (rdflib's __eq__ is slow)


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    text: str
    violations: int
    validated_nodes: int | None = None  # None: every node


def validate(data: Graph, shapes: Graph, ontology: Graph, inplace: bool = False, focus=None) -> ValidationReport:
    """Validate asserted + inferred data (types already materialised) against the shapes.

    pyshacl adds the ontology's class and property axioms to the data before validating: to a copy of `data`,
    or, when `inplace`, to `data` itself (much faster on a large graph the caller throws away). `focus`: validate
    only these nodes (a non-empty list of IRIs).
    """
    conforms, report_graph, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True,
        inplace=inplace, focus_nodes=focus)
    violations = len(set(report_graph.subjects(RDF.type, SH.ValidationResult)))
    return ValidationReport(bool(conforms), text, violations, None if focus is None else len(focus))


def local_paths(shapes: Graph) -> set | None:
    """The predicates local shapes read from the data (their paths, the types and rdfs:subClassOf); None if a
    shape is not local: a term outside LOCAL_TERMS (SPARQL, other targets, closed shapes, sh:node), a path that
    is not a predicate, a property shape not directly under a shape with a target, or a class in the shapes graph
    (a shape that is a class targets its instances)."""
    used = {p for p in shapes.predicates() if str.startswith(p, str(SH))}
    targeted = set(shapes.subjects(SH.targetClass)) | set(shapes.subjects(SH.targetNode))
    attached = {o for s, o in shapes.subject_objects(SH.property) if s in targeted}
    paths = set(shapes.objects(None, SH.path))
    if (used - LOCAL_TERMS or set(shapes.subjects(SH.property)) - targeted
            or set(shapes.subjects(SH.path)) - attached or any(not isinstance(p, URIRef) for p in paths)
            or any(True for kind in CLASSES for _ in shapes.subjects(RDF.type, kind))):  # implicit targets
        return None
    return paths | ALWAYS_READ


def validation_key(shapes_path: Path, ontology_path: Path, schemes_path: Path | None) -> str:
    """Hash of what the validation of a node depends on besides the data: shapes, ontology, pyshacl, this code."""
    digest = hashlib.sha256(pyshacl.__version__.encode() + Path(__file__).read_bytes())
    for path in (shapes_path, ontology_path, schemes_path):
        digest.update(b"\0" + (Path(path).read_bytes() if path else b""))
    return digest.hexdigest()


def relevant_lines(lines, tokens: set) -> set:
    """The N-Triples lines whose predicate (written `<iri>`) is one of `tokens`."""
    return {line for line in lines if line[line.find(" ") + 1:line.find(" ", line.find(" ") + 1)] in tokens}


def vouches(summary: dict | None, key: str) -> bool:
    """Whether a previous build (its summary.json) had no SHACL result (not even a warning) under the same
    validation key: only then may its unchanged nodes go unvalidated (any result of theirs would be lost)."""
    summary = summary if isinstance(summary, dict) else {}
    return [summary.get(name) for name in ("shacl_key", "shacl_conforms", "shacl_violations")] == [key, True, 0]


def changed_since(previous: PreviousBuild | None, key: str, read: set, asserted_lines, inferred: set) -> set | None:
    """The triples along `read` that differ from a `previous` build that :func:`vouches` for; None without such a
    build.

    The asserted triples are compared as lines (the build writes `asserted.nt` from the same lines; a triple
    written differently only counts as changed), the inferred ones (`inferred`: the current ones along `read`)
    as terms, with the previous build's files as the build read them (:func:`reasoning_update.previous_build`).
    """
    if previous is None or not vouches(previous.summary, key):
        return None
    tokens = {f"<{p}>" for p in read}
    try:
        before = [relevant_lines(ntriples_lines(data.decode("utf-8")), tokens)
                  for data in (previous.asserted, previous.inferred)]
        edited = "".join(before[0] ^ relevant_lines(asserted_lines, tokens))
        source = str(previous.folder)
        inferred_before = set(ntriples_triples("".join(before[1]), source=source))
        return set(ntriples_triples(edited, source=source)) | (inferred ^ inferred_before)
    except (ValueError, EduGraphError):  # damaged (also UnicodeDecodeError): validate every node
        return None


def affected_nodes(changed: set, current: set) -> set | None:
    """The nodes whose results may differ after `changed` triples for local shapes: subjects of a changed triple,
    and subjects pointing to a node whose types changed; None if one of them is a blank node or the class
    hierarchy changed."""
    if any(str.__eq__(p, SUBCLASS) for _, p, _ in changed):
        return None
    retyped = {s for s, p, _ in changed if str.__eq__(p, TYPE)}
    nodes = {s for s, _, _ in changed} | {s for s, _, o in current if o in retyped}
    return nodes if all(isinstance(node, URIRef) for node in nodes) else None


def neighbourhood(triples: set, nodes: set) -> list:
    """The triples of `nodes`, the types of their values and the class hierarchy: all local shapes read about
    them."""
    types, hierarchy = defaultdict(list), []
    for triple in triples:
        if str.__eq__(triple[1], TYPE):
            types[triple[0]].append(triple)
        elif str.__eq__(triple[1], SUBCLASS):
            hierarchy.append(triple)
    own = [triple for triple in triples if triple[0] in nodes]
    return own + hierarchy + [triple for value in {o for _, _, o in own} - nodes for triple in types.get(value, ())]


def new_graph(triples) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    graph.addN((*triple, graph) for triple in triples)
    return graph


def update_changes(update: ClosureUpdate, read: set) -> set:
    """The triples along `read` that a closure `update` added (asserted or inferred) or moved from inferred to
    asserted: what :func:`changed_since` finds from the previous files, without reading them."""
    wanted = {str(p) for p in read}
    return {t for t in (*update.asserted_added, *update.inferred_changed) if str(t[1]) in wanted}


def validate_nodes(triples, nodes: set, shapes: Graph, ontology: Graph) -> ValidationReport:
    """Validate only `nodes`, given every triple local shapes read about them (:func:`neighbourhood`)."""
    report = validate(new_graph(neighbourhood(triples, nodes)), shapes, ontology, inplace=True,
                      focus=sorted(nodes) or None)  # no node: an empty graph, which conforms
    return replace(report, validated_nodes=len(nodes))


def validate_build(asserted_lines, asserted: list, inferred: list, shapes: Graph, ontology: Graph, key: str,
                   previous: PreviousBuild | None = None) -> ValidationReport:
    """Validate the build's asserted triples (and their N-Triples lines) + `inferred` triples: the nodes changed
    since the `previous` build when that is exact (see the module's docstring), else every node."""
    read = local_paths(shapes)
    if read is None:
        return validate(new_graph(asserted + inferred), shapes, ontology, inplace=True)
    wanted = {str(p) for p in read}  # str keys: rdflib's own __eq__ is slow on many triples
    inferred = {triple for triple in inferred if str(triple[1]) in wanted}
    current = inferred | {triple for triple in asserted if str(triple[1]) in wanted}
    changed = changed_since(previous, key, read, asserted_lines, inferred)
    nodes = None if changed is None else affected_nodes(changed, current)
    if nodes is None:
        return validate(new_graph(current), shapes, ontology, inplace=True)
    return validate_nodes(current, nodes, shapes, ontology)


def stored_view(previous: PreviousClosure, added: set, read: set):
    """A function giving the triples along `read` predicates of the `previous` build (its data: subjects in our
    namespace) plus the triples `added` to the closure, by subjects, predicate or objects (None: any); it
    raises LookupError if the previous build's store and files disagree."""
    wanted = {str(p) for p in read}
    added = [t for t in added if str(t[1]) in wanted]

    def view(subjects=(None,), predicate=None, objects=(None,)) -> set:
        found = set()
        for s in subjects:
            for o in objects:
                stored = previous.triples(s, predicate, o)
                if stored is None:
                    raise LookupError("a stored triple the previous build did not write")
                found.update(t for t in stored if str(t[1]) in wanted and str.startswith(t[0], ID_PREFIX))
                found.update(t for t in added if (s is None or t[0] == s) and (o is None or t[2] == o)
                             and (predicate is None or str(t[1]) == str(predicate)))
        return found
    return view


def validate_update(update: ClosureUpdate, closure: PreviousClosure, shapes: Graph, ontology: Graph, key: str
                    ) -> ValidationReport | None:
    """Validate after a build that only added to the previous one (`update`: what its closure gained;
    `closure`: the previous build's), reading only the affected nodes' triples from its store; None when
    validating the changed nodes alone is not exact (then :func:`validate_build` validates every node)."""
    read = local_paths(shapes)
    if read is None or not vouches(closure.counts, key):
        return None
    changed = update_changes(update, read)
    view = stored_view(closure, update.closure_added, read)
    retyped = {s for s, p, _ in changed if str.__eq__(p, TYPE)}
    try:
        nodes = affected_nodes(changed, view(objects=retyped) if retyped else set())
        if nodes is None:
            return None
        own = view(subjects=nodes) if nodes else set()
        values = {o for _, _, o in own if not isinstance(o, Literal)} - nodes
        known = own | view(predicate=RDFS.subClassOf) | (view(subjects=values, predicate=RDF.type) if values
                                                         else set())
    except LookupError:
        return None
    return validate_nodes(known, nodes, shapes, ontology)
