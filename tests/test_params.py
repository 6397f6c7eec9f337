"""Where `params.with_values` puts a parameter's VALUES block: the outer WHERE clause, and the WHERE clause of each
sub-SELECT whose own text uses the variable (binding only those), pinned by the filters of that group only."""

from __future__ import annotations

import pyoxigraph as ox

from edugraph.sparql.params import with_values

DATE = ox.Variable("date")
ORG = ox.Variable("organisation")
DAY = ox.Literal("2023-12-31", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
IRI = ox.NamedNode("https://w3id.org/edugraph/id/org/x")
EX = "https://example.org/"


def blocks(text: str) -> list[str]:
    """The VALUES blocks of a query text, in order."""
    return [part.split("}")[0] + "}" for part in text.split("VALUES ")[1:]]


def test_a_sub_select_using_the_parameter_gets_it_and_one_that_does_not_is_unchanged():
    text = ("SELECT ?o ?date WHERE {\n  { SELECT ?o WHERE { ?o <p> ?d FILTER(?d <= ?date) } }\n"
            "  { SELECT ?o ?n WHERE { ?o <q> ?n } }\n}")
    bound = with_values(text, {DATE: DAY})
    lines = bound.splitlines()
    assert len(lines) == len(text.splitlines())  # error positions keep their line
    assert "VALUES (?date)" in lines[0] and "VALUES (?date)" in lines[1]
    assert lines[2] == "  { SELECT ?o ?n WHERE { ?o <q> ?n } }"


def test_the_sub_select_gets_only_the_parameters_it_uses():
    text = "SELECT * WHERE { { SELECT ?o WHERE { ?o <p> ?d FILTER(?d <= ?date) } } ?o <q> ?organisation }"
    assert blocks(with_values(text, {DATE: DAY, ORG: IRI})) == [
        f'(?date ?organisation) {{ ({DAY} {IRI}) }}', f"(?date) {{ ({DAY}) }}"]


def test_a_filter_pins_its_node_only_in_its_own_group():
    """`FILTER(!BOUND(?organisation) || ?orgIri = ?organisation)` inside the sub-SELECT pins ?orgIri there; a
    sub-SELECT that merely projects ?orgIri, without that filter, is left alone (its ?orgIri may mean another thing),
    and without pinning (other stores) only the parameter is bound."""
    pin = "FILTER(!BOUND(?organisation) || ?orgIri = ?organisation)"
    text = (f"SELECT * WHERE {{ {{ SELECT ?orgIri WHERE {{ ?p <in> ?orgIri {pin} }} }}\n"
            "  { SELECT ?orgIri ?l WHERE { ?orgIri <label> ?l } } }")
    pinned = with_values(text, {ORG: IRI})
    assert blocks(pinned) == [f"(?organisation) {{ ({IRI}) }}", f"(?organisation ?orgIri) {{ ({IRI} {IRI}) }}"]
    assert pinned.splitlines()[1] == "  { SELECT ?orgIri ?l WHERE { ?orgIri <label> ?l } } }"
    assert blocks(with_values(text, {ORG: IRI}, pin=False)) == [f"(?organisation) {{ ({IRI}) }}"] * 2


def test_nested_sub_selects_each_get_what_their_own_text_uses():
    text = ("SELECT * WHERE { { SELECT ?o WHERE { { SELECT ?o WHERE { ?o <p> ?d FILTER(?d <= ?date) } } ?o <q> ?x } }"
            " }")
    bound = with_values(text, {DATE: DAY})
    assert bound.count("VALUES (?date)") == 2  # the outer WHERE and the innermost sub-SELECT, not the middle one
    assert "{ SELECT ?o WHERE { { SELECT ?o WHERE { VALUES (?date)" in bound


def test_strings_comments_and_iris_are_not_read_as_query_text():
    text = ('SELECT * WHERE { ?s <http://x/{SELECT}> "{ SELECT ?date WHERE {" # { SELECT ?date {\n'
            "  ?s <p> ?o }")
    assert with_values(text, {DATE: DAY}).count("VALUES") == 1


def test_the_outer_where_is_found_when_only_a_sub_select_writes_where():
    text = "SELECT * { { SELECT ?o WHERE { ?o <p> ?date } } }"
    bound = with_values(text, {DATE: DAY})
    assert bound.startswith("SELECT * { VALUES (?date)") and bound.count("VALUES") == 2


def test_a_sub_select_sees_the_parameter_on_a_real_store():
    """Without the VALUES block in the sub-SELECT, ?date is unbound there and the filter lets every date through."""
    store = ox.Store()
    for name, day in (("a", "2022-05-01"), ("b", "2024-05-01")):
        store.add(ox.Quad(ox.NamedNode(EX + name), ox.NamedNode(EX + "on"),
                          ox.Literal(day, datatype=DAY.datatype)))
    text = (f"SELECT ?latest WHERE {{ {{ SELECT (MAX(STR(?d)) AS ?latest) WHERE {{ ?e <{EX}on> ?d "
            "FILTER(!BOUND(?date) || STR(?d) <= STR(?date)) } } }")
    assert [row["latest"].value for row in store.query(with_values(text, {DATE: DAY}))] == ["2022-05-01"]
    assert [row["latest"].value for row in store.query(text)] == ["2024-05-01"]


def test_a_brace_in_a_string_over_lines_is_no_group():
    """A `{` inside a long string ('''…''' / \"\"\"…\"\"\" over lines) took the VALUES block into the literal: the query
    then looked for another string and silently answered nothing."""
    store = ox.Store()
    store.add(ox.Quad(IRI, ox.NamedNode(EX + "note"), ox.Literal("a{\nb")))
    for quote in ('"""', "'''"):
        text = f"SELECT ?s WHERE {{ ?s <{EX}note> {quote}a{{\nb{quote} }}"
        bound = with_values(text, {ox.Variable("s"): IRI})
        assert bound.startswith("SELECT ?s WHERE { VALUES (?s)") and bound.count("VALUES") == 1
        assert [row["s"] for row in store.query(bound)] == [IRI]


def test_select_inside_a_prefixed_name_opens_no_sub_select():
    text = "PREFIX select: <http://x/>\nSELECT * WHERE { ?date select:p ?o . ?date <http://x/a-select> ?p " \
           ". OPTIONAL { ?date eg:has-select ?q } }"
    assert with_values(text, {DATE: DAY}).count("VALUES") == 1


def test_a_parameter_of_a_sub_selects_having_is_bound_there():
    """A sub-SELECT sees no variable of the outer VALUES block: grouped by ?min too (so that HAVING may read it),
    `HAVING (COUNT(?e) >= ?min)` compared with an unbound ?min, and the query answered nothing."""
    store = ox.Store()
    for org, events in (("a", 3), ("b", 1)):
        for i in range(events):
            store.add(ox.Quad(ox.NamedNode(EX + org), ox.NamedNode(EX + "ran"), ox.NamedNode(f"{EX}e{org}{i}")))
    text = (f"SELECT ?org WHERE {{ {{ SELECT ?org (COUNT(?e) AS ?n) WHERE {{ ?org <{EX}ran> ?e }} "
            "GROUP BY ?org ?min HAVING (COUNT(?e) >= ?min) } }")
    least = ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    assert [row["org"].value for row in store.query(with_values(text, {ox.Variable("min"): least}))] == [EX + "a"]


def test_a_parameter_a_sub_select_sets_with_as_is_bound_outside_it_only():
    """VALUES (?lang) before `BIND(LANG(?n) AS ?lang)` in the same group is a syntax error."""
    store = ox.Store()
    for lang in ("ru", "en"):
        store.add(ox.Quad(IRI, ox.NamedNode(EX + "label"), ox.Literal("А", language=lang)))
    text = (f"SELECT ?n ?lang WHERE {{ {{ SELECT ?n ?lang WHERE {{ ?p <{EX}label> ?n BIND(LANG(?n) AS ?lang) }} }}"
            f" {{ SELECT ?p (COUNT(?n) AS ?count) WHERE {{ ?p <{EX}label> ?n }} GROUP BY ?p }} }}")
    bound = with_values(text, {ox.Variable("lang"): ox.Literal("ru"), ox.Variable("count"): ox.Literal("x")})
    assert bound.count("VALUES") == 1
    bound = with_values(text, {ox.Variable("lang"): ox.Literal("ru")})
    assert [row["lang"].value for row in store.query(bound)] == ["ru"]
