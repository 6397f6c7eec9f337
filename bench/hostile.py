"""Extraction time of hostile articles (docs/SECURITY.md): one unit repeated to each size, CPU seconds of
`extract_facts` per 100,000 characters, the ratio of the last size's time to the first's (for a 4x bigger
text: 4 when linear, 16 when quadratic; fixed costs make it smaller on small sizes), and the peak resident memory of
the child at the last size (MB, the models included).

    python bench/hostile.py                          # 25,000 and 100,000 characters
    python bench/hostile.py --sizes 100000 400000 --only event-nouns names-with-commas

Each text runs in its own child process (models loaded and warmed up before the clock starts), so one slow
text does not slow the next; CPU seconds are the steadier figure on a shared machine.

Resolution texts (`RESOLVE_UNITS`, `resolve-…`) time `resolve_article` of the extracted facts (each numbered school
was searched for in the whole text once).

Parameter sets (`PARAMS_UNITS`, `params-…`) time `params.bind` of size // 10 parameters whose names a query of
about the size's characters holds (as the endpoint binds its `$` fields).

Output texts (`OUTPUT_UNITS`, `read-…`) time reading back an N-Triples and an N-Quads file of the build holding one
literal of the size (as `stats` and `viz` read asserted.nt, `ontology owl2-view` and the engine comparison all.nq).

Turtle texts (`TURTLE_UNITS`, `read-turtle-…`) time `ontology.read_turtle` of a file of the size (as `build
--ontology/--shapes` read them; `stats` and `viz` read the build's ontology.ttl through `output.read.parse_into`,
and both through `turtle.add_turtle_file`).

Engine queries (`ENGINE_UNITS`, `query-optionals`) time `engine.execute` of a query of clauses of about the size's
characters, without time or memory limit but with the query checks (`Limits.max_optionals`: what `query --timeout 0`
spends; at the default sizes the check refuses the query, and the time is that of the refusal).

Query texts (`QUERY_UNITS`, `query-…` in the table) are timed the same way through what reads a query before any
store does (`lexer.inspect`, `params.blanked`, `client.query_form`, the nesting check and the binding of a parameter:
`query --endpoint` ran them without a time limit).
"""

from __future__ import annotations

import argparse
import subprocess
import sys

UNITS = {  # name -> the unit repeated ("Новости. " opens every text so that it has a first sentence; {i} numbers it)
    "event-nouns": "форум ",
    "event-titles": "фестиваль «",
    "names-with-commas": "Иван Иванов, ",
    "initials": "А.А. ",
    "nested-quotes": "«Школа «Лицей «Гимназия ",
    "quoted-organisations": "МБОУ «",
    "dates": "15 сентября 2024 года ",
    "numeric-dates": "15.09.2024 ",
    "capitals": "МОСКОВСКАЯ ОБЛАСТНАЯ ШКОЛА ЦЕНТР ",
    "organisations": "Кванториум «Точка роста» IT-куб. ",
    "homoglyphs": "Мoсквa Kвантoриум ",
    "zero-width": "Шк\u200dола \u200d",
    "english-names": "John Smith, Mary Jones, ",
    "district-adjectives": "Зеленоградского, Ааского ",  # a regex that doubled its work per word
    "award-sentences": "Форум педагогов прошёл. Министр вручил учителям награды. ",  # each award read all the forum's
    "opening-mentions": "the opening of «",  # each asked whether the article reports an opening
    "numbered-organisations": "школа № {i} «Лицей {i}», ",  # {i}: 0, 1, 2 …: a name search per pair of them
    "company-groups": "группа компаний «Мегион{i}» и «Мегион{i}», ",  # every pair of names compared for the merge
    "guillemets": "«",  # 100,000 opening quotes, never closed
    "nested-brackets": "([{«„",  # brackets and quotes nested as deep as the text is long
    "capitalised-names": "Иван{i} Петров{i} ",  # 50,000 capitalised names, each another
    "longest-words": "а" * 999 + " ",  # words one character under MAX_WORD_CHARS
    "places-and-districts": "Иван Петров из Казани, Ольга Физер из Ленинского района, ",  # each district compared
    # with every place found before it (fuzzing, round 7)
    "settlements": "в Орске, г. Гай Оренбургской области, ",  # each town found again compared with every place found
    "distinct-districts": "Учителя {w}ского района, ",  # {w}: a capitalised word for each i; each district compared
    # for a typo with every other kept, and each lookup read every place name again for its cities
    "surname-speakers": '"We are glad," Yakimova said.\n',  # each speaker searched the whole text for a name before
    # it and scanned every person (72,000 characters: 5.7 s)
}
QUERY_UNITS = {  # name -> the unit of a query text repeated (an unclosed string made each quote search to the end)
    "query-quotes": '"\\',
    "query-apostrophes": "'\\",
    "query-long-quotes": '"""\\',
    "query-nested-selects": "{ SELECT ?x WHERE { ?x ?p ?region . ",  # ?region bound in each (1,000: 23 s)
}
RESOLVE_UNITS = {  # name -> the unit of an article whose facts are resolved
    "resolve-schools": "школа № {i} в Казани, ",
}
# the end of every child: its CPU seconds since `start` and its peak resident memory in MB, on one line
REPORT = "print(time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
QUERY_CHILD = """
import resource, sys, time
import pyoxigraph as ox
from edugraph.errors import EduGraphError
from edugraph.sparql import client, engine, lexer, params
unit, size = sys.argv[1], int(sys.argv[2])
text = (unit * (size // len(unit) + 1))[:size]
start = time.process_time()
lexer.inspect(text), params.blanked(text), client.query_form(text)
try:  # what `query --endpoint --param region=…` does before it sends the query
    engine.check(text, engine.Limits())
    client.prepare_query(text, None, {ox.Variable("region"): ox.Literal("x")})
except EduGraphError:
    pass
""" + REPORT
ENGINE_UNITS = {  # name -> a clause ({i}: 0, 1, 2 …) repeated in the WHERE clause of a query run by `engine.execute`
    # without limits of time and memory (as `query --timeout 0`) on a store of one triple; refused queries count too
    # (more than `Limits.max_optionals` clauses: sizes of 2,600 characters and more)
    "query-optionals": "OPTIONAL { ?s <http://n/{i}> ?x{i} } ",  # pyoxigraph's planner: the fourth power (round 9)
}
ENGINE_CHILD = """
import resource, sys, time
import pyoxigraph as ox
from edugraph.errors import EduGraphError
from edugraph.sparql import engine
unit, size = sys.argv[1], int(sys.argv[2])
clauses = "".join(unit.replace("{i}", str(i)) for i in range(size // 40))  # about 40 characters each
store = ox.Store()
store.add(ox.Quad(ox.NamedNode("http://a/s"), ox.NamedNode("http://a/p"), ox.NamedNode("http://a/o")))
start = time.process_time()
try:
    engine.execute(store, "SELECT * WHERE { ?s ?p ?o " + clauses + "}", None, "csv",
                   limits=engine.Limits(timeout=None, memory_mb=None))
except EduGraphError:
    pass
""" + REPORT
PARAMS_UNITS = {  # name -> the name of one parameter ({i}: 0, 1, 2 …), sent size // 10 times with a query using them
    "params-many": "a{i}",  # each was searched for in the whole query text (the endpoint: 40,000 in 860 KB, 256 s)
}
PARAMS_CHILD = """
import resource, sys, time
from edugraph.sparql import params
unit, size = sys.argv[1], int(sys.argv[2])
names = [unit.replace("{i}", str(i)) for i in range(size // 10)]
text = "SELECT * WHERE { ?s ?p ?o } # " + " ".join("?" + name for name in names)
start = time.process_time()
params.bind(dict.fromkeys(names, "1"), text, None)
""" + REPORT
OUTPUT_UNITS = {  # name -> the unit of one literal of N-Triples and N-Quads read back (`output.read.parse_into`)
    "read-long-literal": "Лицей ]]> \\ \"",  # rdflib's reader took time growing with the square of a line
}
OUTPUT_CHILD = """
import resource, sys, tempfile, time
from pathlib import Path
from rdflib import Dataset, Graph
from edugraph.output.read import parse_into
unit, size = sys.argv[1], int(sys.argv[2])
literal = (unit * (size // len(unit) + 1))[:size].replace("\\\\", "\\\\\\\\").replace('"', '\\\\"')
with tempfile.TemporaryDirectory() as folder:
    triple = f'<http://example.org/s> <http://example.org/p> "{literal}"'
    (Path(folder) / "asserted.nt").write_text(f"{triple} .\\n", encoding="utf-8")
    (Path(folder) / "all.nq").write_text(f"{triple} <http://example.org/g> .\\n", encoding="utf-8")
    start = time.process_time()
    parse_into(Graph(), Path(folder) / "asserted.nt", "nt")
    parse_into(Dataset(), Path(folder) / "all.nq", "nquads")
""" + REPORT
TURTLE_UNITS = {  # name -> the unit of a Turtle file read as `build --shapes` reads it (`read_turtle`): one literal of
    # the unit repeated, or, for a unit of lines with {i} (0, 1, 2 …), those lines and then one triple
    "read-turtle-escapes": '\\"',  # rdflib's Turtle reader took time growing with the square of a literal's escapes
    "read-turtle-prefixes": "@prefix p{i}: <http://example.org/{i}/> .\n",  # rdflib's bind: with the prefixes bound
}
TURTLE_CHILD = """
import resource, sys, tempfile, time
from pathlib import Path
from edugraph.ontology import read_turtle
unit, size = sys.argv[1], int(sys.argv[2])
triple = '<http://example.org/s> <http://example.org/p> "{}" .\\n'
if "{i}" in unit:
    lines = "".join(unit.replace("{i}", str(i)) for i in range(size // 10))[:size]  # units of 10 characters or more
    text = lines[:lines.rindex("\\n") + 1] + triple.format("")
else:
    text = triple.format(unit * (size // len(unit)))  # whole escapes
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "shapes.ttl"
    path.write_text(text, encoding="utf-8")
    start = time.process_time()
    read_turtle(path, "SHACL shapes file")
""" + REPORT
RESOLVE_CHILD = """
import resource, sys, time
from edugraph.articles import Article
from edugraph.extract import extract_facts
from edugraph.resolve import resolve_article
unit, size = sys.argv[1], int(sys.argv[2])
text = "Новости. " + "".join(unit.replace("{i}", str(i)) for i in range(size))[:size]
facts = extract_facts(text)
start = time.process_time()
resolve_article(Article(id="a", text=text, title="Новости", language="ru", date="2024-01-01"), facts)
""" + REPORT
CHILD = """
import resource, sys, time
from edugraph.extract import extract_facts
unit, size = sys.argv[1], int(sys.argv[2])
extract_facts("Иван Петров, директор школы в Москве. John Smith of Moscow.")
words = str.maketrans("0123456789", "бвгджзклмн")  # {w}: i scrambled, in letters («Гдвжлн…»)
units = (unit.replace("{i}", str(i)).replace("{w}", str(i * 104729 + 387420489).translate(words).capitalize())
         for i in range(size)) if "{i}" in unit or "{w}" in unit else [unit] * (size // len(unit) + 1)
text = "Новости. " + "".join(units)[:size]
start = time.process_time()
extract_facts(text)
""" + REPORT


def cpu_seconds(unit: str, size: int, timeout: float, child: str = CHILD) -> tuple[float | None, int | None]:
    """CPU seconds of one extraction (or reading of a query text) in a child and the child's peak resident memory
    in MB (models included), or (None, None) when it took longer than `timeout` (wall)."""
    try:
        done = subprocess.run([sys.executable, "-c", child, unit, str(size)], capture_output=True, text=True,
                              timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None, None
    seconds, peak = done.stdout.split()[-2:]
    return float(seconds), int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000], help="characters")
    everything = UNITS | RESOLVE_UNITS | QUERY_UNITS | OUTPUT_UNITS | PARAMS_UNITS | TURTLE_UNITS | ENGINE_UNITS
    parser.add_argument("--only", nargs="+", choices=sorted(everything), help="these texts only")
    parser.add_argument("--timeout", type=float, default=300, help="wall seconds per text and size")
    args = parser.parse_args()
    print(f"{'text':<22}" + "".join(f"{size:>12,}" for size in args.sizes) + "  s/100k ch  ratio  peak MB")
    child_of = {**dict.fromkeys(UNITS, CHILD), **dict.fromkeys(RESOLVE_UNITS, RESOLVE_CHILD),
                **dict.fromkeys(QUERY_UNITS, QUERY_CHILD), **dict.fromkeys(OUTPUT_UNITS, OUTPUT_CHILD),
                **dict.fromkeys(PARAMS_UNITS, PARAMS_CHILD), **dict.fromkeys(TURTLE_UNITS, TURTLE_CHILD),
                **dict.fromkeys(ENGINE_UNITS, ENGINE_CHILD)}
    for name in args.only or child_of:
        unit, child = everything[name], child_of[name]
        seconds, peaks = zip(*(cpu_seconds(unit, size, args.timeout, child) for size in args.sizes))
        cells = "".join(f"{s:>11.2f}s" if s is not None else f"{'>' + str(int(args.timeout)):>11}s" for s in seconds)
        last = seconds[-1]
        per = f"{last / args.sizes[-1] * 100_000:9.2f}" if last is not None else f"{'-':>9}"
        ratio = f"{seconds[-1] / seconds[0]:6.1f}" if None not in seconds[::len(seconds) - 1] and seconds[0] else \
            f"{'-':>6}"
        print(f"{name:<22}{cells}{per} {ratio}  {peaks[-1] if peaks[-1] is not None else '-':>7}")


if __name__ == "__main__":
    main()
