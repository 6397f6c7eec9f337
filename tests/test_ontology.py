"""The ontology files, their OWL 2 view (checked with HermiT through owlready2) and the pyLODE pages."""

from __future__ import annotations

import doctest
import re
import shutil

import pytest
from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef

from edugraph import ontology
from edugraph.namespaces import EG, GRAPH, ID
from edugraph.paths import ONTOLOGY, SCHEMES

# http://www.w3.org/TR/owl2-syntax/#Datatype_Maps (with rdf:langString, which rdflib gives tagged literals)
OWL2_DATATYPES = {XSD[n] for n in (
    "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger long int short byte "
    "unsignedLong unsignedInt unsignedShort unsignedByte double float string normalizedString token language "
    "Name NCName NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp").split()} | {
    URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral"),
    URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral"),
    URIRef("http://www.w3.org/2000/01/rdf-schema#Literal")}
needs_java = pytest.mark.skipif(shutil.which("java") is None,
                                reason="java missing: HermiT needs Java 11+ (Debian openjdk-17-jre-headless)")


def test_doctests():
    assert doctest.testmod(ontology).failed == 0


def test_concept_schemes_live_in_their_own_file_and_load_with_the_ontology(seed_build):
    alone, schemes = Graph().parse(ONTOLOGY), Graph().parse(SCHEMES)
    assert not set(alone.subjects(RDF.type, SKOS.ConceptScheme))
    assert set(schemes.subjects(RDF.type, SKOS.ConceptScheme)) == {ID["roles"], ID["topics"]}
    loaded = ontology.load_ontology()
    assert loaded.identifier == GRAPH["ontology"] and len(loaded) == len(alone) + len(schemes)
    quads = (seed_build / "all.nq").read_text(encoding="utf-8")
    assert f"<{ID['roles']}> <{RDF.type}> <{SKOS.ConceptScheme}> <{GRAPH['ontology']}> ." in quads


def test_owl2_view_uses_only_owl2_datatypes(seed_build):
    view = ontology.build_owl2_view(seed_build)
    raw = Graph().parse(seed_build / "asserted.ttl")
    assert {o.datatype for o in raw.objects() if isinstance(o, Literal)} & {XSD.date, XSD.gYear}
    datatypes = {o.datatype for o in view.objects() if isinstance(o, Literal) and o.datatype}
    assert datatypes <= OWL2_DATATYPES, datatypes - OWL2_DATATYPES
    event_dates = {str(o) for o in view.objects(None, EG.startDate)}
    assert "2023-10-30T00:00:00" in event_dates


def test_all_nq_is_read_by_pyoxigraph_into_the_same_graphs_as_rdflib_reads(seed_build, monkeypatch):
    """The OWL 2 view and the engine comparison read all.nq through `output.read.parse_into` (pyoxigraph), not
    rdflib's N-Quads reader (97 s for a 1.1 MB literal), into the same named graphs (blank nodes aside)."""
    from rdflib import BNode, Dataset
    from rdflib.plugins.parsers.nquads import NQuadsParser

    from edugraph.sparql.compare import rdflib_dataset

    def named(dataset: Dataset) -> set:
        return {(g.identifier, *t) for g in dataset.graphs() for t in g if not any(isinstance(x, BNode) for x in t)}

    by_rdflib = Dataset(default_union=True).parse(seed_build / "all.nq", format="nquads")
    monkeypatch.setattr(NQuadsParser, "parse", lambda *args, **kwargs: pytest.fail("rdflib's N-Quads reader ran"))
    dataset = rdflib_dataset(seed_build)
    assert named(dataset) == named(by_rdflib) and len(dataset) == len(by_rdflib)
    view = ontology.build_owl2_view(seed_build)
    assert len(view) == len({t for g in by_rdflib.graphs() if g.identifier != GRAPH["inferred"] for t in g})


def hermit(graph: Graph, tmp_path):
    """Run HermiT (as owlready2 ships it) on a graph; raises what owlready2 raises."""
    owlready2 = pytest.importorskip("owlready2", reason="owlready2 not installed (pip install -e '.[test]')")
    path = tmp_path / "onto.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return owlready2


@needs_java
def test_hermit_finds_the_ontology_and_seed_data_consistent(seed_build, tmp_path):
    hermit(ontology.build_owl2_view(seed_build), tmp_path)


@needs_java
def test_hermit_rejects_the_raw_dates_and_finds_a_contradiction(seed_build, tmp_path):
    owlready2 = pytest.importorskip("owlready2")
    raw = ontology.load_ontology() + Graph().parse(seed_build / "asserted.ttl")
    with pytest.raises(owlready2.OwlReadyJavaError, match="OWL 2 datatype map"):
        hermit(raw, tmp_path)
    view = ontology.build_owl2_view(seed_build)
    person = next(view.subjects(RDF.type, EG.Person))
    view.add((person, RDF.type, EG.Event))  # Person and Event are disjoint
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        hermit(view, tmp_path)


def test_docs_pages_are_headed_by_the_ontology_in_one_language(tmp_path):
    pytest.importorskip("pylode", reason="pyLODE not installed (pip install -e '.[docs]')")
    english, russian = (path.read_text(encoding="utf-8") for path in ontology.write_docs(tmp_path))
    assert re.search(r"<title>(.*?)</title>", english).group(1) == "EduGraph ontology"
    assert re.search(r"<title>(.*?)</title>", russian).group(1) == "Онтология EduGraph"
    assert "roles of posts" not in english and "Онтология" not in english and "Vocabulary for" not in russian
    classes = english[english.index('id="classes"'):]
    listed = re.findall(r"IRI</th>\s*<td>\s*<code>([^<]+)</code>", classes)
    assert listed and all(iri.startswith(str(EG)) for iri in listed), listed[:3]
