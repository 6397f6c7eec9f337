"""Coverage-guided fuzzing of every reader of outside data (docs/SECURITY.md, round 7), with atheris (libFuzzer).

atheris is no dependency of the project: install it apart and put it on the path for the run only::

    python -m pip install --target /tmp/fuzzlib atheris
    PYTHONPATH=src:/tmp/fuzzlib python bench/fuzz.py TARGET [libFuzzer options]

    PYTHONPATH=src:/tmp/fuzzlib python bench/fuzz.py metadata -max_total_time=600
    PYTHONPATH=src:/tmp/fuzzlib python bench/fuzz.py extract -max_total_time=1800 -max_len=8000
    PYTHONPATH=src:/tmp/fuzzlib python bench/fuzz.py --list

Targets (each at its Python entry point): `extract` (`extract_facts`, Russian or English or the language guessed,
the text from a `.txt` or cleaned from HTML, refused first as `read_article` refuses it), `article` (`read_article`
of a `.txt`/`.html` file with its `.json`), `metadata` (`parse_metadata`, `evaluate.read_gold`), `curation`
(`load_curation`, then `apply_curation` on the facts of a seed gold file), `graph` (`output.read`: N-Triples,
N-Quads, Turtle as `stats`, `viz`, `ontology` read the build), `query` (`sparql.lexer`, `params.blanked`,
`with_values`, `client.query_form`, `engine.check`), `params` (`parse_assignments`, `bind`, `check_datatype`,
`check_ranges`, `resolve_names` on a small graph), `http` (the WSGI endpoint of `serve`: method, path, query string,
headers, body, `$` parameters; queries run in this process on a small graph), `answers` (a remote store's answer:
`client.parse_answer`, `Client.rows`, then the result written as a table and JSON).

Seeds: the real files of `tests/dev/articles/`, `data/articles/`, `data/curation/`, `tests/gold/`, `queries/` and a
small N-Triples/N-Quads sample, written into `WORK/TARGET/seeds`; new inputs go to `WORK/TARGET/corpus` (kept between
runs: a rerun goes on from there), the files a target reads to `WORK/TARGET/scratch` (`WORK`: `$FUZZ_WORK`, else
/tmp/fuzz). An exception that is not the project's error root (`EduGraphError`), an HTTP status
of 500 or more, or an input slower than `--slow` CPU seconds (and than 20 µs a byte) is written to
`WORK/TARGET/findings/` (the input and what happened, one file per distinct place) and fuzzing goes on; libFuzzer's
own `-timeout` (60 s here) and `-rss_limit_mb` (3,000) stop it on a hang or runaway memory, leaving `timeout-…`
or `oom-…` beside; an error of the harness itself (`HarnessError`: no finding) stops it with `crash-…`. Rerun one
input: `python bench/fuzz.py TARGET FILE` (libFuzzer runs the files it is given once).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import time
import traceback
from pathlib import Path

import atheris

ROOT = Path(os.environ.get("FUZZ_ROOT", Path(__file__).resolve().parents[1]))
WORK = Path(os.environ.get("FUZZ_WORK", "/tmp/fuzz"))
SCRATCH: Path  # the files a target reads, written again for each input: WORK/TARGET/scratch, set by `main`

with atheris.instrument_imports(include=["edugraph"]):  # Turtle is parsed by pyoxigraph (output/read.py)
    from edugraph import articles, curation, evaluate
    from edugraph.errors import EduGraphError
    from edugraph.output import read
    from edugraph.extract import extract_facts
    from edugraph.sparql import client, engine, formats, lexer, params
    from edugraph.sparql.endpoint import Access, Endpoint, Settings
    from edugraph.text import clean_page

SAMPLE_NT = ('<http://example.org/s> <http://www.w3.org/2004/02/skos/core#prefLabel> "Лицей «Школа» \\" \\\\"@ru .\n'
             '<http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
             '<https://w3id.org/edugraph/ontology#Organisation> .\n'
             '_:b0 <http://example.org/p> "2023-10-30"^^<http://www.w3.org/2001/XMLSchema#date> .\n')


# ---------------------------------------------------------------------------------------------- targets
def extract_input(data: bytes) -> None:
    if len(data) < 2:
        return
    mode = data[0]
    path = Path("fuzz.html" if mode & 1 else "fuzz.txt")
    text = articles.decode_text(data[1:], path)  # invalid UTF-8 refused, as `read_article` refuses it
    if mode & 1:
        text = clean_page(text)[0]
    else:
        articles.check_plain_text(text, path)
    articles.check_article_text(text, path)
    extract_facts(text, (None, "ru", "en", None)[(mode >> 1) & 3])


def article_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    suffix = provider.PickValueInList([".txt", ".html", ".htm"])
    meta = provider.ConsumeBytes(provider.ConsumeIntInRange(0, 2000))
    text = provider.ConsumeBytes(provider.remaining_bytes())
    folder = SCRATCH / "articles"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / f"a{suffix}").write_bytes(text)
    if meta:
        (folder / "a.json").write_bytes(meta)
    articles.read_article(folder / f"a{suffix}")


def metadata_input(data: bytes) -> None:
    try:
        articles.parse_metadata(data, Path("a.json"))
    except EduGraphError:
        pass
    gold = SCRATCH / "gold.json"
    gold.write_bytes(data)
    evaluate.read_gold(gold)


GOLD_FACTS: dict = {}


def curation_input(data: bytes) -> None:
    if not GOLD_FACTS:
        GOLD_FACTS.update(evaluate.read_gold(sorted((ROOT / "tests/gold").glob("*.json"))[0]))
    path = SCRATCH / "a.yaml"
    path.write_bytes(data)
    found = curation.load_curation(path, "a")
    curation.apply_curation(GOLD_FACTS, found)


def graph_input(data: bytes) -> None:
    from rdflib import Dataset, Graph

    if not data:
        return
    kind, body = data[0] % 4, data[1:]
    path = SCRATCH / ("g.nt", "g.nq", "g.ttl", "g.nt")[kind]
    path.write_bytes(body)
    if kind == 0:
        read.parse_into(Graph(), path, "nt")
    elif kind == 1:
        read.parse_into(Dataset(), path, "nquads")
    elif kind == 2:
        read.parse_into(Graph(), path, "turtle")
    else:
        read.ntriples_graph(body.decode("utf-8", "replace"))


def query_input(data: bytes) -> None:
    import pyoxigraph as ox

    text = data.decode("utf-8", "replace")
    lexer.inspect(text)
    params.blanked(text)
    client.query_form(text)
    engine.check(text, engine.Limits(services=()))
    bindings = {ox.Variable("region"): ox.Literal("Дагестан"), ox.Variable("x"): ox.NamedNode("http://x/a")}
    client.prepare_query(text, {"eg": "https://w3id.org/edugraph/ontology#"}, bindings, pin=True)


STORE: list = []


def small_store():
    import pyoxigraph as ox

    if not STORE:
        store = ox.Store()
        store.load(SAMPLE_NT.encode(), ox.RdfFormat.N_TRIPLES)
        STORE.append(store)
    return STORE[0]


def params_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    names = ["from", "to", "min", "org", "place", "region", "x", "?from", "$to", " to ", "a-b", ""]
    assignments = [provider.PickValueInList(names) + provider.PickValueInList(["=", "", "=="])
                   + provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 80))
                   for _ in range(provider.ConsumeIntInRange(0, 4))]
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    text = "SELECT * WHERE { ?org ?place ?x FILTER(?from <= ?to && ?min > 0 && ?region) } " + text
    values = params.parse_assignments(assignments)
    classes = {"from": "xsd:date", "to": "xsd:date", "min": "xsd:integer", "org": "eg:Organisation",
               "place": "rdfs:Resource"}
    params.bind_resolved(values, text, None, classes, "the query", params.store_lookup(small_store()))


ENDPOINT: list = []


def endpoint():
    if not ENDPOINT:
        settings = Settings(Access.for_address("127.0.0.1", 8000, origins=["http://localhost:3000"]),
                            engine.Limits(timeout=None, memory_mb=None, services=()), queue_seconds=0.1)
        ENDPOINT.append(Endpoint(small_store(), settings, threads=4))
    return ENDPOINT[0]


class ServerError(Exception):
    """The endpoint answered 500 or more."""


class HarnessError(Exception):
    """The harness itself failed: it stops the run and is no finding."""


def http_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    method = provider.PickValueInList(["GET", "POST", "HEAD", "OPTIONS", "PUT", "get", "DELETE"])
    path = provider.PickValueInList(["/sparql", "/", "/index.html", "/static/query.js", "/x"])
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path,
        "HTTP_HOST": provider.PickValueInList(["127.0.0.1:8000", "localhost:8000", "evil:8000", ""]),
        "CONTENT_TYPE": provider.PickValueInList(["application/sparql-query", "application/x-www-form-urlencoded",
                                                  "application/sparql-update", "text/plain", ""]),
        "REMOTE_ADDR": "127.0.0.1",
    }
    accept = provider.ConsumeBytes(provider.ConsumeIntInRange(0, 60)).decode("latin-1")  # WSGI: Latin-1 strings
    if accept:
        environ["HTTP_ACCEPT"] = accept
    origin = provider.ConsumeBytes(provider.ConsumeIntInRange(0, 30)).decode("latin-1")
    if origin:
        environ["HTTP_ORIGIN"] = origin
    environ["QUERY_STRING"] = provider.ConsumeBytes(provider.ConsumeIntInRange(0, 400)).decode("latin-1")
    body = provider.ConsumeBytes(provider.remaining_bytes())
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    answer = {}
    endpoint()(environ, lambda status, headers: answer.update(status=status, headers=headers))
    if "status" not in answer:
        raise HarnessError("the endpoint returned without calling start_response")
    if int(answer["status"].split()[0]) >= 500:
        raise ServerError(answer["status"])


def answers_input(data: bytes) -> None:
    if not data:
        return
    types = [client.SPARQL_JSON, "application/json", "application/sparql-results+xml", "application/n-triples",
             "text/turtle", "text/plain"]
    response = client.Response(200, types[data[0] % len(types)], data[1:])
    if data[0] % len(types) < 2:
        client.Client.rows(response, "http://store/sparql")
    for solution_format in ("table", "json"):  # parsed again for each: pyoxigraph's results are read only once
        formats.serialize(client.parse_answer(response, "http://store/sparql"), solution_format, "turtle")


TARGETS = {"extract": extract_input, "article": article_input, "metadata": metadata_input,
           "curation": curation_input, "graph": graph_input, "query": query_input, "params": params_input,
           "http": http_input, "answers": answers_input}


# ---------------------------------------------------------------------------------------------- seeds
def seeds(target: str) -> list[bytes]:
    """The real files a target starts from."""
    texts = sorted((ROOT / "tests/dev/articles").glob("*.txt")) + sorted((ROOT / "data/articles").glob("*.txt"))
    metas = sorted((ROOT / "tests/dev/articles").glob("*.json")) + sorted((ROOT / "data/articles").glob("*.json"))
    golds = sorted((ROOT / "tests/gold").glob("*.json")) + sorted((ROOT / "tests/dev/gold").glob("*.json"))
    queries = [path.read_bytes() for path in sorted((ROOT / "queries").glob("*.rq"))]
    if target == "extract":
        out = []
        for index, path in enumerate(texts):
            raw = path.read_bytes()[:6000]
            out.append(bytes([index % 8 & ~1]) + raw)
            if index % 5 == 0:
                out.append(bytes([(index % 8) | 1]) + b"<html><body><h1>" + raw.replace(b"\n\n", b"</p><p>")
                           + b"</p></body></html>")
        return out
    if target == "article":
        return [b"\x00" + bytes([min(len(m.read_bytes()), 255)]) + m.read_bytes()[:255] + t.read_bytes()[:3000]
                for m, t in zip(metas[::4], texts[::4])]
    if target == "metadata":
        return [path.read_bytes() for path in metas[::3] + golds]
    if target == "curation":
        return [path.read_bytes().replace(path.stem.encode(), b"a")
                for path in sorted((ROOT / "data/curation").glob("*"))]
    if target == "graph":
        nq = SAMPLE_NT.replace(" .\n", " <http://example.org/g> .\n")
        ttl = "@prefix ex: <http://example.org/> .\nex:s ex:p \"a\", 'b' ; ex:q [ ex:r 1.5e3 ] .\n"
        return [bytes([kind]) + text.encode() for kind, text in enumerate([SAMPLE_NT, nq, ttl, SAMPLE_NT])]
    if target in ("query", "http"):
        prefix = b"\x00\x00\x00\x00\x00\x00" if target == "http" else b""
        return [prefix + query for query in queries]
    if target == "params":
        return [b"\x02from=2023-01-01\x00to=2024-01-01\x00" + query for query in queries[:5]]
    if target == "answers":
        rows = b'{"head":{"vars":["g","n"]},"results":{"bindings":[{"g":{"type":"uri","value":"http://x/g"},' \
               b'"n":{"type":"literal","value":"3","datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}'
        xml = (b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
               b'<variable name="s"/></head><results><result><binding name="s"><literal xml:lang="ru">a</literal>'
               b'</binding></result></results></sparql>')
        return [b"\x00" + rows, b"\x00" + b'{"head":{},"boolean":true}', b"\x02" + xml, b"\x03" + SAMPLE_NT.encode()]
    raise KeyError(target)


# ---------------------------------------------------------------------------------------------- the loop
def checked(one_input, findings: Path, slow: float):
    """`one_input` with the project's errors expected, and every other exception, 5xx or slow input recorded."""
    seen: set[str] = set()

    def record(kind: str, data: bytes, detail: str) -> None:
        if kind in seen:
            return
        seen.add(kind)
        name = hashlib.sha1(kind.encode()).hexdigest()[:12]
        (findings / f"{name}.input").write_bytes(data)
        (findings / f"{name}.txt").write_text(f"{kind}\n{detail}\n", encoding="utf-8", errors="backslashreplace")
        print(f"\n== finding {name}: {kind}", file=sys.stderr, flush=True)

    def run(data: bytes) -> None:
        start = time.process_time()
        try:
            one_input(data)
        except EduGraphError:
            pass
        except HarnessError:
            raise
        except Exception as err:  # noqa: BLE001 - the findings
            frame = traceback.extract_tb(err.__traceback__)[-1]
            record(f"{type(err).__name__} at {Path(frame.filename).name}:{frame.lineno}", data,
                   traceback.format_exc())
        seconds = time.process_time() - start
        if seconds > max(slow, 20e-6 * len(data)):
            bucket = f"slow {len(data) // 1000} KB {seconds:.0f} s"
            record(bucket, data, f"{seconds:.2f} s of CPU for {len(data)} bytes")
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], add_help=False)
    parser.add_argument("target", nargs="?", choices=sorted(TARGETS))
    parser.add_argument("--list", action="store_true", help="list the targets")
    parser.add_argument("--slow", type=float, default=None, help="CPU seconds that make an input a finding")
    args, rest = parser.parse_known_args()
    if args.list or not args.target:
        print(" ".join(sorted(TARGETS)))
        return
    global SCRATCH
    folder = WORK / args.target
    corpus, seed_dir, findings, SCRATCH = (folder / name for name in ("corpus", "seeds", "findings", "scratch"))
    for where in (corpus, seed_dir, findings, SCRATCH):
        where.mkdir(parents=True, exist_ok=True)
    for index, seed in enumerate(seeds(args.target)):
        (seed_dir / f"seed{index:04d}").write_bytes(seed)
    files = [item for item in rest if not item.startswith("-")]
    options = [item for item in rest if item.startswith("-")]
    slow = args.slow if args.slow is not None else (5.0 if args.target == "extract" else 1.0)
    defaults = ["-timeout=60", "-rss_limit_mb=3000", f"-artifact_prefix={findings}/"]
    dirs = files or [str(corpus), str(seed_dir)]
    atheris.Setup([sys.argv[0], *defaults, *options, *dirs], checked(TARGETS[args.target], findings, slow))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
