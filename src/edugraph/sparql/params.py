"""Query parameters: `name=value` from the command line, bound as RDF terms (never pasted into the query).

A value becomes
- an IRI when written `<…>` or as a prefixed name with a project prefix (`egr:place/dagestan`);
- an `xsd:date` when it is an ISO date (`2023-10-30`);
- an `xsd:integer` when it is an integer (`70`);
- otherwise a plain string literal (`Санкт-Петербург`), whatever quotes or braces it contains.
The terms go into the query as a VALUES block opening its WHERE clause and the WHERE clause of each sub-SELECT
whose own text uses them (`with_values`), the same text on the embedded store and on every remote store. An entity
parameter of a library query (its header names a class) also accepts a label in either language or an ISO 3166-2
code, resolved to one IRI first (`resolve_names`); a literal parameter declared with a datatype (`xsd:date`) must be
written as one (`check_datatype`).
"""

from __future__ import annotations

import calendar
import datetime
import decimal
import difflib
import re
from typing import Callable

import pyoxigraph as ox

from ..errors import EduGraphError
from ..prefixes import PREFIX_IRIS
from ..text import fold

XSD, SKOS, RDFS, EG = (PREFIX_IRIS[prefix] for prefix in ("xsd", "skos", "rdfs", "eg"))
# whole values (fullmatch, as articles.ID_PATTERN: `$` lets "5\n" pass) and ASCII digits: «٥», «１２» or "5\n" were
# xsd:integer literals no value equals
PREFIXED = re.compile(r"([A-Za-z][\w-]*):([^\s<>\"{}|^`\\]*)")
FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # YYYY-MM-DD only (facts.ISO_DATE: YYYY[-MM[-DD]])
INTEGER = re.compile(r"[+-]?[0-9]+")
NAME = re.compile(r"[?$]?([A-Za-z_]\w*)")


class ParameterError(EduGraphError):
    """A parameter the query does not take, a missing required one, or a malformed value: the `problem`, and the
    `parameter` it concerns, named by each caller its own way (`naming`); `str()` is the command line's wording.

    >>> err = ParameterError("'01.09.2023' is not an ISO date such as 2023-12-31", "from")
    >>> str(err)
    "--param from: '01.09.2023' is not an ISO date such as 2023-12-31"
    >>> err.naming("?")
    "?from: '01.09.2023' is not an ISO date such as 2023-12-31"

    A problem that concerns a second parameter names it at its end, the same way, followed by `rest`; neither
    text is a template (a value holding `{other}` stays as written):

    >>> ParameterError("'{other}' is after", "from", other="to", rest="('{}')").naming("?")
    "?from: '{other}' is after ?to ('{}')"
    """

    http_status = 400

    def __init__(self, problem: str, parameter: str | None = None, other: str | None = None, rest: str = ""):
        self.problem, self.parameter, self.other, self.rest = problem, parameter, other, rest
        super().__init__(self.naming("--param "))

    def naming(self, prefix: str) -> str:
        """The message, the parameter named as `prefix` + its name: `--param from` on the command line, `?from` on
        the query page (its field) and in the protocol (sent as `$from`)."""
        problem = f"{self.problem} {prefix}{self.other} {self.rest}".rstrip() if self.other else self.problem
        return f"{prefix}{self.parameter}: {problem}" if self.parameter else problem


def to_term(value: str):
    """The RDF term a parameter value stands for (see the module docstring)."""
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        match = PREFIXED.fullmatch(value)
        if match and match.group(1) in PREFIX_IRIS:
            return ox.NamedNode(PREFIX_IRIS[match.group(1)] + match.group(2))
    except ValueError as err:
        raise ParameterError(f"not a valid IRI: {value} ({err})") from None
    if FULL_DATE.fullmatch(value):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ParameterError(f"not a valid date: {value}") from None
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
    if INTEGER.fullmatch(value):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(value)


def parse_assignments(assignments: list[str]) -> dict[str, str]:
    """`["region=Дагестан", "?from=2023-01-01"]` -> `{"region": "Дагестан", "from": "2023-01-01"}`."""
    values = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        match = NAME.fullmatch(name.strip())
        if not sep or not match:
            raise ParameterError(f"bad parameter {item!r}: write NAME=VALUE, e.g. --param region=Дагестан")
        values[match.group(1)] = value
    return values


def bind(values: dict[str, str], text: str, declared: dict[str, bool] | None, query_name: str = "the query") -> dict:
    """{Variable: term} for the given values, checked against the parameters the query takes.

    `declared` maps each documented parameter to whether it is required; `None` (inline queries) accepts
    any variable that occurs in the query text.
    """
    used = variables(text) if declared is None else set()
    for name in values:
        match = NAME.fullmatch(name)
        if not match or match.group(1) != name:  # `$=1`, `$s-x=1` from the endpoint: no variable name
            raise ParameterError(f"bad parameter name {name[:40]!r}: a letter or '_', then letters, digits or '_'")
        known = name in declared if declared is not None else name in used
        if not known:
            takes = ", ".join(f"?{n}" for n in declared or {}) or "no parameters"
            raise ParameterError(f"unknown parameter {name!r} for {query_name} (it takes {takes})")
    missing = [name for name, required in (declared or {}).items() if required and name not in values]
    if missing:
        example = " ".join(f"--param {n}=…" for n in missing)
        raise ParameterError(f"{query_name} needs {example}")
    terms = {}
    for name, value in values.items():
        try:
            terms[ox.Variable(name)] = to_term(value)
        except ParameterError as err:
            raise ParameterError(err.problem, name) from None
    return terms


Lookup = Callable[[str], list[dict[str, str]]]  # runs a SELECT on the graph, rows of plain strings
ANY_ENTITY = "rdfs:Resource"
CLOSEST = 3
# letters and digits that `fold` leaves as they are and no other character folds into, so that a run of them in a
# folded name is in the lowercased label (SPARQL's LCASE) of every entity whose folded label holds the name: not е
# (ё), nor the letters a ligature or an old letter folds into (ﬁ → fi, ß → ss, ᲀ → в; tests/test_params_names.py)
PLAIN = "bcdegkmopqruvxz0123456789абгжзийклмнпруфхцчшщыьэюя"
PROBE = re.compile(f"[{PLAIN}]+")


def candidates_query(cls: str, iri: str | None = None, probe: str = "", limit: int | None = None) -> str:
    """IRIs of class `cls` (any labelled entity for rdfs:Resource) with their labels and ISO 3166-2 codes: only
    `iri` if given, only the labels whose lowercase holds `probe` if given. The subclasses are walked once from
    `cls` (1M triples: 0.03 s; `?iri a/rdfs:subClassOf* cls` took 20 s)."""
    bound = f"VALUES ?iri {{ <{iri}> }} " if iri else ""
    typed = "" if cls == ANY_ENTITY else f"?class <{RDFS}subClassOf>* <{expand(cls)}> . ?iri a ?class ."
    kept = f' FILTER(CONTAINS(LCASE(STR(?label)), "{probe}"))' if probe else ""
    return (f"SELECT DISTINCT ?iri ?label WHERE {{ {bound}{typed} ?iri <{SKOS}prefLabel> ?any . "
            f"{{ ?iri <{SKOS}prefLabel>|<{SKOS}altLabel>|<{RDFS}label> ?label }} "
            f"UNION {{ ?iri <{EG}iso3166Code> ?label }}{kept} }}" + (f" LIMIT {limit}" if limit else ""))


def probe_of(key: str) -> str:
    """The longest run of `PLAIN` characters in the folded name `key` ('' if none): the lowercased label of every
    entity whose folded label holds `key` holds it too, so the store can filter the labels by it.

    >>> probe_of(fold("Вера Князёва"))
    'княз'
    """
    return max(PROBE.findall(key), key=len, default="")


def expand(prefixed: str) -> str:
    prefix, _, local = prefixed.partition(":")
    if prefix not in PREFIX_IRIS:
        raise EduGraphError(f"unknown prefix in parameter class {prefixed!r}")
    return PREFIX_IRIS[prefix] + local


def resolve_names(values: dict[str, str], classes: dict[str, str], lookup: Lookup) -> dict[str, str]:
    """`values` with each entity parameter (a name in `classes`) turned into `<iri>`: the IRI given, or the one
    entity of that class with the label (either language, case and ё/е ignored) or ISO 3166-2 code given, or
    the one whose label contains it. Anything else is a one-line error naming the closest matches; a query
    never silently answers nothing because of a misspelt name. A parameter whose class is a datatype
    (`xsd:date`) is checked to be written as one (`check_datatype`)."""
    resolved = dict(values)
    for name, value in values.items():
        if name in classes and classes[name].startswith("xsd:"):
            check_datatype(name, value, classes[name])
        elif name in classes:
            resolved[name] = f"<{resolve_entity(name, value, classes[name], lookup)}>"
    check_ranges(values, classes)
    return resolved


RANGES = (("from", "to"),)  # parameters bounding a range: the first may not be after the second
# datatypes whose (checked) values compare, by this key (Decimal: `int` stops at 4,300 digits with a ValueError)
ORDERED = {"xsd:date": str, "xsd:integer": decimal.Decimal}


def check_ranges(values: dict[str, str], classes: dict[str, str]) -> None:
    """A range whose start is after its end holds nothing: refused rather than answered with no row.

    >>> check_ranges({"from": "2024-01-01", "to": "2023-12-31"}, {"from": "xsd:date", "to": "xsd:date"})
    Traceback (most recent call last):
    ...
    edugraph.sparql.params.ParameterError: --param from: '2024-01-01' is after --param to ('2023-12-31'): \
no day is in the range (swap them?)
    """
    for start, end in RANGES:
        datatype = classes.get(start)
        if start in values and end in values and datatype in ORDERED and classes.get(end) == datatype:
            key = ORDERED[datatype]
            if key(values[start]) > key(values[end]):
                unit = "day" if datatype == "xsd:date" else "value"
                raise ParameterError(f"{values[start]!r} is after", start, other=end,
                                     rest=f"({values[end]!r}): no {unit} is in the range (swap them?)")


DATATYPES = {"xsd:date": "an ISO date such as 2023-12-31", "xsd:integer": "an integer such as 70"}


def check_datatype(name: str, value: str, datatype: str) -> None:
    """A literal parameter declared with a datatype (`# param: ?date xsd:date — …`) must be written as one: a
    value read as another kind of term («31.12.2023», a plain string) would silently compare as text.

    >>> check_datatype("date", "31.12.2023", "xsd:date")
    Traceback (most recent call last):
    ...
    edugraph.sparql.params.ParameterError: --param date: '31.12.2023' is not an ISO date such as 2023-12-31

    A year or a month is a range of days, so the message says which days to give:

    >>> check_datatype("from", "2023-09", "xsd:date")
    Traceback (most recent call last):
    ...
    edugraph.sparql.params.ParameterError: --param from: '2023-09' is not an ISO date such as 2023-12-31 \
(a month or a year is a range: give its first or last day, e.g. 2023-09-01 or 2023-09-30)
    """
    term = to_term(value)
    if not isinstance(term, ox.Literal) or term.datatype.value != expand(datatype):
        hint = ""
        if datatype == "xsd:date" and PARTIAL_DATE.fullmatch(value):
            first, last = partial_date_bounds(value)
            hint = f" (a month or a year is a range: give its first or last day, e.g. {first} or {last})"
        raise ParameterError(f"{value!r} is not {DATATYPES.get(datatype, 'an ' + datatype)}{hint}", name)


PARTIAL_DATE = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2]))?")


def partial_date_bounds(value: str) -> tuple[str, str]:
    """The first and last day of a year («2023») or a month («2023-02»).

    >>> partial_date_bounds("2024-02")
    ('2024-02-01', '2024-02-29')
    >>> partial_date_bounds("2023")
    ('2023-01-01', '2023-12-31')
    """
    year, _, month = value.partition("-")
    first_month, last_month = (int(month), int(month)) if month else (1, 12)
    last_day = calendar.monthrange(int(year), last_month)[1]
    return f"{year}-{first_month:02d}-01", f"{year}-{last_month:02d}-{last_day:02d}"


def resolve_entity(name: str, value: str, cls: str, lookup: Lookup) -> str:
    """The IRI `value` names among the entities of `cls` (among all labelled entities when the graph has no
    entity of that class: without the ontology it cannot tell an entity's class). The store is asked only for the
    IRI given or for the labels holding the name's `probe_of`; all of the class's labels are listed only to name
    the closest ones in an error."""
    term = to_term(value)
    iri = term.value if isinstance(term, ox.NamedNode) else None
    key = fold(value)
    probe = "" if iri else probe_of(key)
    rows = lookup(candidates_query(cls, iri, probe))
    if not rows and cls != ANY_ENTITY and not lookup(candidates_query(cls, limit=1)):
        cls = ANY_ENTITY
        rows = lookup(candidates_query(cls, iri, probe))
    what = "entity" if cls == ANY_ENTITY else cls
    if iri:
        if rows:
            return iri
        close = difflib.get_close_matches(iri, sorted({row["iri"] for row in lookup(candidates_query(cls))}), CLOSEST)
        raise ParameterError(f"no {what} <{iri}> in the graph{closest(close, '<', '>')}", name)
    found = matching(rows, key)
    if len(found) == 1:
        return found.pop()
    if found:
        options = ", ".join(f"<{iri}>" for iri in sorted(found)[:5])
        raise ParameterError(f"{value!r} names {len(found)} of the {what} entities ({options}…): "
                             "give the IRI or a longer name", name)
    labels = sorted({fold(row["label"]) for row in lookup(candidates_query(cls))})
    close = difflib.get_close_matches(key, labels, CLOSEST, cutoff=0.5)
    raise ParameterError(f"no {what} named {value!r}{closest(close, '«', '»')}", name)


def matching(rows: list[dict[str, str]], key: str) -> set[str]:
    """The IRIs of the rows whose folded label is `key`, else of those whose folded label holds it."""
    labels: dict[str, set[str]] = {}  # folded label -> IRIs
    for row in rows:
        labels.setdefault(fold(row["label"]), set()).add(row["iri"])
    return labels.get(key) or {iri for label, found in labels.items() if key and key in label for iri in found}


def closest(options: list[str], left: str, right: str) -> str:
    if not options:
        return " (nothing close; `edugraph query --list` shows what each parameter takes)"
    return " (closest: " + ", ".join(f"{left}{option}{right}" for option in options) + ")"


def bind_resolved(values: dict[str, str], text: str, declared: dict[str, bool] | None, classes: dict[str, str],
                  query_name: str, lookup: Lookup) -> dict:
    """`bind` after `resolve_names`: parameters checked first, then names turned into IRIs."""
    bind(values, text, declared, query_name)
    return bind(resolve_names(values, classes, lookup), text, declared, query_name)


def store_lookup(store: ox.Store) -> Lookup:
    """A `Lookup` on the embedded store: its default graph (each distinct triple once, as the build writes it; the
    union of the named graphs repeats each triple for every article that states it: 1M triples, 12.6 s instead of
    0.12 s to list the people), or the union of its graphs when its default graph is empty."""
    def select(sparql: str) -> list[dict[str, str]]:
        empty = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
        solutions = store.query(sparql, use_default_graph_as_union=empty)
        names = [variable.value for variable in solutions.variables]
        return [{name: row[name].value for name in names if row[name] is not None} for row in solutions]
    return select


_IRI = r"<[^<>\s]*>"
_LONG_STRINGS = r'"""(?:[^"\\]|\\.|"(?!""))*"""' "|" r"'''(?:[^'\\]|\\.|'(?!''))*'''"  # may span lines
# a string not closed on its line (a syntax error) runs to the line's end: otherwise each of its quotes (`"\"\"\` …)
# would start a search to the end again (quadratic: 40 KB took 5 s)
_STRINGS = r'"(?:[^"\\\n]|\\.)*"?' "|" r"'(?:[^'\\\n]|\\.)*'?"
NOISE = re.compile("|".join([_IRI, _LONG_STRINGS, _STRINGS, r"#[^\n]*"]))  # IRIs, strings, comments
WHERE = re.compile(r"\bWHERE\s*\{", re.I)
VARIABLE = re.compile(r"[?$](\w+)")
ALIAS = re.compile(r"\bAS\s+[?$](\w+)", re.I)  # `BIND(… AS ?lang)`, `(COUNT(?e) AS ?n)`: set there, bound outside
SELECT = re.compile(r"(?<![\w?$:.-])SELECT(?![\w:-])", re.I)  # the keyword, not ?select, eg:has-select, select:
PIN = re.compile(r"FILTER\s*\(\s*!\s*BOUND\s*\(\s*[?$](?P<param>\w+)\s*\)"  # FILTER(!BOUND(?x)
                 r"\s*\|\|\s*[?$](?P<node>\w+)\s*=\s*[?$](?P<same>\w+)\s*\)", re.I)  # || ?y = ?x)


def blanked(text: str) -> str:
    """The query text with its IRIs, strings and comments blanked out, each character kept in place (so that a
    match in it is at the same offset in the query)."""
    return NOISE.sub(lambda m: " " * len(m.group()), text)


def with_values(text: str, bindings: dict | None, pin: bool = True) -> str:
    """The query with {Variable: term} bindings as a VALUES block opening its (outer) WHERE clause, and opening
    the WHERE clause of each sub-SELECT whose own text (its projection, GROUP BY, HAVING too) uses a bound variable it
    does not set itself with `AS` (that VALUES block binds only those),
    each on its line: bound before any FILTER runs, so a sub-SELECT can filter by a parameter before it groups or
    is joined. (pyoxigraph's `substitutions` are not used: its optimiser treats `BOUND(?param)` as false for a
    variable no pattern binds.) With `pin` (for Oxigraph, whose planner does not turn an equality filter into an
    index lookup), variables a group pins to a bound IRI parameter are bound too in that group (`pinned`), so the
    store looks the entity up by index; other stores plan that themselves, and Virtuoso 7.2 answers some pinned
    forms wrongly (docs/SPARQL.md).

    >>> import pyoxigraph as ox
    >>> with_values('SELECT * WHERE { ?s ?p "{" }', {ox.Variable("s"): ox.NamedNode("http://x/a")})
    'SELECT * WHERE { VALUES (?s) { (<http://x/a>) }  ?s ?p "{" }'
    >>> year = {ox.Variable("year"): ox.Literal("2023")}
    >>> print(with_values("SELECT * WHERE { { SELECT ?e WHERE { ?e ?p ?d FILTER(?d >= ?year) } }\\n"
    ...                   "  { SELECT ?e WHERE { ?e ?p ?q } } }", year))
    SELECT * WHERE { VALUES (?year) { ("2023") }  { SELECT ?e WHERE { VALUES (?year) { ("2023") }  ?e ?p ?d ...
      { SELECT ?e WHERE { ?e ?p ?q } } }
    """
    if not bindings:
        return text
    masked = blanked(text)
    groups = brace_groups(masked)
    outer = outer_group(masked, groups)
    if outer is None:
        return text + " " + values_block(pinned(text, bindings) if pin else bindings)
    inserts = {outer[0] + 1: (own_text(masked, outer, groups), bindings)}  # offset -> (group's own text, bindings)
    for select_at, group in sub_selects(masked, groups, outer):
        own = own_text(masked, group, groups)
        said = own + " " + around_where(masked, select_at, group)
        wanted = variables(said) - set(ALIAS.findall(said))
        used = {variable: term for variable, term in bindings.items() if variable.value in wanted}
        if used:
            inserts[group[0] + 1] = (own, used)
    pieces, done = [], 0
    for at, (own, used) in sorted(inserts.items()):
        pieces += [text[done:at], values_block(pinned(own, used) if pin else used)]
        done = at
    return "".join(pieces) + text[done:]


def variables(text: str) -> set[str]:
    """The names of the variables the (blanked) query text mentions (`?name` or `$name`), found in one pass: a
    search for each parameter took time growing with their number times the text (40,000 of them sent to the
    endpoint: 40 s).

    >>> sorted(variables("SELECT ?a WHERE { ?a ?b2 $c . ?ab }"))
    ['a', 'ab', 'b2', 'c']
    """
    return set(VARIABLE.findall(text))


def values_block(bindings: dict) -> str:
    names = " ".join(str(variable) for variable in bindings)
    return f" VALUES ({names}) {{ ({' '.join(str(term) for term in bindings.values())}) }} "


def brace_groups(masked: str) -> dict[int, tuple[int, int]]:
    """{offset of `{`: (offset of `{`, offset of its `}`)} for every group of the blanked query text."""
    groups, opened = {}, []
    for at, char in enumerate(masked):
        if char == "{":
            opened.append(at)
        elif char == "}" and opened:
            start = opened.pop()
            groups[start] = (start, at)
    return groups


def outer_group(masked: str, groups: dict) -> tuple[int, int] | None:
    """The group of the query's WHERE clause: after the first `WHERE` outside any group, else the first group."""
    outside, end = [], -1
    for start in sorted(groups):
        if start > end:
            outside.append(start)
            end = groups[start][1]
    wheres = {match.end() - 1 for match in WHERE.finditer(masked)}
    first = ([start for start in outside if start in wheres] or outside)[:1]
    return groups[first[0]] if first else None


def sub_selects(masked: str, groups: dict, outer: tuple[int, int]) -> list[tuple[int, tuple[int, int]]]:
    """(offset of the SELECT keyword, its WHERE group) of each sub-SELECT inside the outer group (its WHERE group is
    the first group after the keyword)."""
    found = []
    for match in SELECT.finditer(masked, outer[0], outer[1]):
        start = masked.find("{", match.end())
        if start in groups:
            found.append((match.start(), groups[start]))
    return found


def around_where(masked: str, select_at: int, group: tuple[int, int]) -> str:
    """What a sub-SELECT says outside its WHERE group, where a parameter may be used too: its projection and its
    modifiers (`GROUP BY ?org ?min HAVING (COUNT(?e) >= ?min)`), up to the `}` that closes the sub-SELECT."""
    depth, end = 0, group[1] + 1
    while end < len(masked) and (masked[end] != "}" or depth):
        depth += (masked[end] == "{") - (masked[end] == "}")
        end += 1
    return masked[select_at:group[0]] + " " + masked[group[1] + 1:end]


def own_text(masked: str, group: tuple[int, int], groups: dict) -> str:
    """The text of `group` with the WHERE groups of the sub-SELECTs nested in it blanked: what it says itself."""
    start, end = group
    text = list(masked[start + 1:end])
    for _, inner in sub_selects(masked, groups, group):
        text[inner[0] - start - 1:inner[1] - start] = " " * (inner[1] - inner[0] + 1)
    return "".join(text)


def pinned(text: str, bindings: dict) -> dict:
    """`bindings` plus, for each IRI bound to `?x`, the same IRI for every `?y` that the query compares with it
    in the optional-parameter filter `FILTER(!BOUND(?x) || ?y = ?x)`.

    The filter keeps only the rows where `?y` is that IRI, which binding `?y` in the VALUES block gives as well,
    but by an index lookup instead of a scan of every row (1M triples: one person's posts 5 ms instead of
    0.6 s). The query must bind `?y` in a required pattern of its WHERE clause (not only in an OPTIONAL).

    >>> import pyoxigraph as ox
    >>> text = "SELECT ?placeIri ?place WHERE { ?o ?p ?placeIri FILTER(!BOUND(?place) || ?placeIri = ?place) }"
    >>> sorted(str(v) for v in pinned(text, {ox.Variable("place"): ox.NamedNode("http://x/a")}))
    ['?place', '?placeIri']
    """
    masked = blanked(text)
    extra = {}
    for variable, term in bindings.items():
        if isinstance(term, ox.NamedNode):
            for match in PIN.finditer(masked):
                if match["param"] == variable.value == match["same"]:
                    extra.setdefault(ox.Variable(match["node"]), term)
    return {**bindings, **{variable: term for variable, term in extra.items() if variable not in bindings}}


def library_classes(text: str) -> dict[str, str]:
    """The entity parameter classes of the library query whose text `text` is (the endpoint's query page sends
    library queries verbatim), else none."""
    from .library import library

    return next((query.param_class for query in library() if query.text.strip() == text.strip()), {})
