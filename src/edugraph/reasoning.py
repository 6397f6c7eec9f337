"""OWL-RL reasoning; the inferred triples are kept apart from the asserted ones.

Two engines compute the same closure (tested on the seed build):

- ``reasonable`` (default): a Rust OWL 2 RL engine, 25-35x faster than owlrl. It applies each
  ``owl:propertyChainAxiom`` only to triples present when the chain rule first fires, so a chain whose
  links are themselves inferred (``takesPlaceIn ∘ locatedIn`` feeding ``takesPlaceIn`` again, or
  ``hasPost`` filled in from its inverse) is incomplete. :func:`reasonable_closure` closes that gap with a
  small fix-point: it applies the chains itself and re-runs the engine until nothing new appears.
- ``owlrl``: the pure-Python reference the design requires (``--reasoner owlrl``).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD, Namespace

from .namespaces import GRAPH, ID

ID_PREFIX = str(ID)

ENGINES = ("reasonable", "owlrl")
TRIVIAL_TYPES = {OWL.Thing, OWL.NamedIndividual}
OWLRL_ERRORS = {Namespace("http://www.daml.org/2002/03/agents/agent-ont#").error}
SAME_AS, TYPE = str(OWL.sameAs), str(RDF.type)  # compared with str.__eq__: rdflib's __eq__ is slow on many triples


def is_data_fact(triple) -> bool:
    """Keep inferred triples about our own resources; drop OWL-RL bookkeeping."""
    s, p, o = triple
    if not isinstance(s, URIRef) or not str.startswith(s, ID_PREFIX) or isinstance(o, BNode):
        return False
    if str.__eq__(p, SAME_AS) and s == o:
        return False
    if str.__eq__(p, TYPE) and o in TRIVIAL_TYPES:
        return False
    return True


def plain(term):
    """`"x"^^xsd:string` as the simple literal `"x"` (the same RDF 1.1 term; rdflib tells them apart).

    >>> plain(Literal("RU-SPE", datatype=XSD.string)) == Literal("RU-SPE")
    True
    """
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def plain_triples(triples) -> set:
    """The set of `triples` with :func:`plain` objects (subjects and predicates are never literals)."""
    return {(s, p, plain(o)) if isinstance(o, Literal) else (s, p, o) for s, p, o in triples}


def property_chains(ontology: Graph) -> list[tuple[tuple, URIRef]]:
    """Every ``p owl:propertyChainAxiom (p1 … pn)`` of the ontology as ((p1, …, pn), p)."""
    return [(tuple(Collection(ontology, chain)), prop)
            for prop, chain in ontology.subject_objects(OWL.propertyChainAxiom)]


def chain_consequences(triples, chains) -> set:
    """The triples the property chains derive from `triples` (one step of the fix-point)."""
    by_predicate = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        by_predicate[p][s].append(o)
    derived = set()
    for links, target in chains:
        frontier = {(s, o) for s, objects in by_predicate[links[0]].items() for o in objects}
        for link in links[1:]:
            frontier = {(s, o2) for s, o in frontier for o2 in by_predicate[link].get(o, ())}
        derived |= {(s, target, o) for s, o in frontier}
    return derived


def chain_links(triples: list, ontology: Graph) -> set:
    """The triples of the property chains' predicates that OWL-RL derives from `triples` by the inverse
    (prp-inv), sub-property (prp-spo1, prp-eqp), transitivity (prp-trp) and chain (prp-spo2) rules alone.

    Each is entailed, so giving them to `reasonable` with the data leaves the closure unchanged; they include the
    chains over inferred links that one `reasonable` pass misses, so that :func:`reasonable_closure` usually
    needs a single pass (its fix-point still checks).
    """
    chains = [(tuple(str(p) for p in links), str(target)) for links, target in property_chains(ontology)]
    gives = defaultdict(set)  # predicate -> (rule, predicate it gives)
    for p, q in ontology.subject_objects(OWL.inverseOf):
        gives[str(p)].add(("inverse", str(q)))
        gives[str(q)].add(("inverse", str(p)))
    for p, q in ontology.subject_objects(RDFS.subPropertyOf):
        gives[str(p)].add(("sub", str(q)))
    for p, q in ontology.subject_objects(OWL.equivalentProperty):
        gives[str(p)].add(("sub", str(q)))
        gives[str(q)].add(("sub", str(p)))
    wanted = {p for links, target in chains for p in (*links, target)}
    read = set(wanted)
    while any(p not in read and any(q in read for _, q in rules) for p, rules in gives.items()):
        read |= {p for p, rules in gives.items() if any(q in read for _, q in rules)}
    transitive = {str(p) for p in ontology.subjects(RDF.type, OWL.TransitiveProperty)} & read
    given = {(s, str(p), o) for s, p, o in triples if str(p) in read}
    found = set(given)
    while True:
        by_predicate = defaultdict(lambda: defaultdict(set))
        for s, p, o in found:
            by_predicate[p][s].add(o)
        new = set()
        for p, rules in gives.items():
            for rule, q in rules:
                if q in read:
                    new |= {(o, q, s) if rule == "inverse" else (s, q, o)
                            for s, objects in by_predicate[p].items() for o in objects
                            if rule != "inverse" or not isinstance(o, Literal)}
        for p in transitive:
            new |= {(s, p, o2) for s, objects in by_predicate[p].items() for o in objects
                    for o2 in by_predicate[p].get(o, ())}
        for links, target in chains:
            frontier = {(s, o) for s, objects in by_predicate[links[0]].items() for o in objects}
            for link in links[1:]:
                frontier = {(s, o2) for s, o in frontier for o2 in by_predicate[link].get(o, ())}
            new |= {(s, target, o) for s, o in frontier}
        new -= found
        if not new:
            return {(s, URIRef(p), o) for s, p, o in found - given}
        found |= new


def reasonable_closure(asserted, ontology: Graph) -> set:
    """Ontology + data (a graph or a list of triples) closed under OWL 2 RL by `reasonable`, completed for
    recursive property chains (see :func:`chain_links`)."""
    import reasonable

    asserted = asserted if isinstance(asserted, list) else list(asserted)
    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(ontology)
    reasoner.from_graph(asserted)
    reasoner.from_graph(list(chain_links(asserted, ontology)))
    chains = property_chains(ontology)
    links = {link for chain, _ in chains for link in chain}
    closure = plain_triples(reasoner.reason())
    while True:
        missing = chain_consequences([t for t in closure if t[1] in links], chains) - closure
        if not missing:
            return closure
        reasoner.from_graph(list(missing))
        closure = plain_triples(reasoner.reason())


def owlrl_closure(asserted: Graph, ontology: Graph) -> Graph:
    """Ontology + data closed under OWL-RL by owlrl (the reference engine)."""
    import owlrl

    closure = Graph()
    for triple in ontology:
        closure.add(triple)
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    return closure


def disjoint_class_pairs(ontology: Graph) -> set[tuple]:
    pairs = set(ontology.subject_objects(OWL.disjointWith))
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in ontology.objects(group, OWL.members):
            pairs |= set(combinations(Collection(ontology, members), 2))
    return pairs


def inconsistencies(closure, ontology: Graph) -> list[str]:
    """The contradictions in a closure: owlrl records them as triples; for any closure, individuals
    typed with two disjoint classes."""
    found, types = set(), defaultdict(set)
    for s, p, o in closure:
        if str.__eq__(p, TYPE):
            if isinstance(s, URIRef) and str.startswith(s, ID_PREFIX):
                types[s].add(o)
        elif p in OWLRL_ERRORS:
            found.add(str(o))
    for a, b in disjoint_class_pairs(ontology):
        found |= {f"Disjoint classes {a} and {b} have a common individual {s}"
                  for s, classes in types.items() if a in classes and b in classes}
    return sorted(found)


def inferred_triples(asserted, ontology: Graph, engine: str = "reasonable") -> tuple[list, list[str]]:
    """The OWL-RL closure of data (a graph or a list of triples) + ontology, minus what was asserted: only
    new data facts, and the contradictions found on the way."""
    if engine not in ENGINES:
        raise ValueError(f"unknown reasoner {engine!r} (one of {', '.join(ENGINES)})")
    if engine == "owlrl":
        closure = plain_triples(owlrl_closure(asserted, ontology))
    else:
        closure = reasonable_closure(asserted, ontology)
    known = set(asserted)
    ours = [triple for triple in closure if str.startswith(triple[0], ID_PREFIX)]  # the cheap test first
    checked = closure if engine == "owlrl" else ours  # only owlrl records contradictions as triples
    return [triple for triple in ours if is_data_fact(triple) and triple not in known], \
        inconsistencies(checked, ontology)


def inferred_graph(triples) -> Graph:
    """The graph `egg:inferred` of inferred triples."""
    graph = Graph(identifier=GRAPH["inferred"])
    graph.addN((*triple, graph) for triple in triples)
    return graph


def infer(asserted, ontology: Graph, engine: str = "reasonable") -> tuple[Graph, list[str]]:
    """:func:`inferred_triples` as the graph `egg:inferred`."""
    triples, problems = inferred_triples(asserted, ontology, engine)
    return inferred_graph(triples), problems
