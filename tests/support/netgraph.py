"""A small hand-made graph shaped like `edugraph.mapping` output (network and stats tests)."""

from __future__ import annotations

from rdflib import Dataset, Graph

SAMPLE = """
@prefix eg: <https://w3id.org/edugraph/ontology#> .
@prefix egr: <https://w3id.org/edugraph/id/> .
@prefix egg: <https://w3id.org/edugraph/graph/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

egg:article\\/a1 {
  egr:article\\/a1 a eg:Article ; eg:articleId "a1" ; dcterms:title "Открытие IT-куба"@ru ;
      dcterms:date "2023-10-30"^^xsd:date ; eg:sourcePlace egr:place\\/spb ;
      eg:mentions egr:person\\/ivanov-i , egr:org\\/school-5 , egr:event\\/opening , egr:initiative\\/it-cube ,
                  egr:place\\/spb , egr:person\\/petrova-a ;
      eg:concernsInitiative egr:initiative\\/it-cube .
  egr:person\\/ivanov-i a eg:Person ; rdfs:label "Иван Иванов"@ru , "Ivan Ivanov"@en ;
      eg:hasPost egr:post\\/ivanov-school-5 ; eg:heads egr:org\\/school-5 ; eg:meets egr:person\\/petrova-a .
  egr:person\\/petrova-a a eg:Person ; rdfs:label "<script>alert(1)</script> Анна Петрова"@ru .
  egr:post\\/ivanov-school-5 a eg:Post ; eg:heldBy egr:person\\/ivanov-i ; eg:postIn egr:org\\/school-5 ;
      eg:role egr:role\\/director ; eg:postTitle "директор"@ru ; prov:wasDerivedFrom egr:article\\/a1 .
  egr:org\\/school-5 a eg:ITCubeCentre ; rdfs:label "IT-куб школы № 5"@ru , "IT-kub shkoly No 5"@en ;
      eg:partOfInitiative egr:initiative\\/it-cube ; eg:locatedIn egr:place\\/spb .
  egr:event\\/opening a eg:Opening ; rdfs:label "Открытие IT-куба"@ru ; eg:startDate "2023-10-30"^^xsd:date ;
      eg:participantCount "200"^^xsd:nonNegativeInteger ; eg:venue egr:org\\/school-5 ;
      eg:takesPlaceIn egr:place\\/spb ; eg:hasParticipant egr:person\\/ivanov-i , egr:person\\/petrova-a ;
      eg:concernsInitiative egr:initiative\\/it-cube ; prov:wasDerivedFrom egr:article\\/a1 .
}
egg:gazetteer {
  egr:place\\/spb a eg:City , eg:FederalSubject ; rdfs:label "Санкт-Петербург"@ru , "Saint Petersburg"@en ;
      eg:locatedIn egr:place\\/ru .
  egr:place\\/ru a eg:Country ; rdfs:label "Россия"@ru , "Russia"@en ; eg:iso3166Code "RU" .
  egr:initiative\\/it-cube a eg:CentreNetwork ; rdfs:label "IT-куб"@ru , "IT-cube"@en ;
      eg:partOf egr:initiative\\/digital .
  egr:initiative\\/digital a eg:FederalProject ; rdfs:label "Цифровая образовательная среда"@ru .
  egr:role\\/director a eg:Role ; rdfs:label "директор"@ru , "director"@en .
}
egg:entities { egr:person\\/ivanov-i skos:prefLabel "Иванов Иван Иванович"@ru .
               egr:org\\/school-5 skos:prefLabel "Школа № 5"@ru . }
"""
ID = "https://w3id.org/edugraph/id/"


def sample_graph() -> Graph:
    """The sample as one graph (like `load_graph(inferred=False)`)."""
    ds = Dataset()
    ds.parse(data=SAMPLE, format="trig")
    graph = Graph()
    for quad in ds.quads():
        graph.add(quad[:3])
    return graph
