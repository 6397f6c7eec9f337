"""A read-only SPARQL 1.1 Protocol endpoint at /sparql, and a small query page at /."""

from __future__ import annotations

import html
import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from ..errors import EduGraphError
from . import QueryError, execute, library
from .formats import GRAPH_FORMATS, SOLUTION_FORMATS, by_media_type

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
READ_ONLY = "this endpoint is read-only: SPARQL Update is not allowed (rebuild the graph with `edugraph build`)"
MAX_BODY = 1 << 20


def negotiate(accept: str | None) -> tuple[str, str]:
    """(results format, graph format) preferred by an Accept header; JSON and Turtle when nothing matches."""
    table = by_media_type()
    ranked = []
    for index, part in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        ranked.append((-q, index, media.lower()))
    names = [table[m] for _, _, m in sorted(ranked) if m in table]
    solutions = next((n for n in names if n in SOLUTION_FORMATS), "json")
    graph = next((n for n in names if n in GRAPH_FORMATS), "turtle")
    return solutions, graph


class Handler(BaseHTTPRequestHandler):
    server_version = "EduGraph-SPARQL/0.1"
    store: ox.Store
    timeout_s: float | None
    page: bytes

    def log_message(self, fmt, *args):  # quiet unless asked
        if getattr(self.server, "verbose", False):
            super().log_message(fmt, *args)

    def send(self, status: int, body: bytes, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type if "charset" in media_type or not media_type.startswith("text/")
                         else media_type + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def fail(self, status: int, message: str) -> None:
        self.send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self.send(HTTPStatus.OK, self.page, "text/html; charset=utf-8")
        if url.path != "/sparql":
            return self.fail(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql, the query page is /")
        self.answer(parse_qs(url.query))

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self.fail(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self.fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fields = parse_qs(url.query)
        if media == UPDATE_BODY:
            return self.fail(HTTPStatus.FORBIDDEN, READ_ONLY)
        if media == QUERY_BODY:
            fields["query"] = [body]
        elif media == FORM:
            fields.update(parse_qs(body))
        else:
            return self.fail(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                             f"POST {QUERY_BODY} or {FORM} (query=…); got {media or 'no Content-Type'}")
        self.answer(fields)

    def answer(self, fields: dict[str, list[str]]) -> None:
        if "update" in fields:
            return self.fail(HTTPStatus.FORBIDDEN, READ_ONLY)
        queries = fields.get("query", [])
        if len(queries) != 1:
            return self.fail(HTTPStatus.BAD_REQUEST, "give exactly one query parameter: /sparql?query=SELECT…")
        solutions, graph = negotiate(self.headers.get("Accept"))
        if fields.get("format"):  # convenience override, e.g. ?format=csv
            fmt = fields["format"][0]
            solutions, graph = (fmt, graph) if fmt in SOLUTION_FORMATS else (solutions, fmt if fmt in GRAPH_FORMATS else graph)
        try:
            body, media_type = execute(self.store, queries[0], None, solutions, graph, self.timeout_s)
        except QueryError as err:
            return self.fail(err.http_status, str(err))
        except EduGraphError as err:
            return self.fail(HTTPStatus.BAD_REQUEST, str(err))
        self.send(HTTPStatus.OK, body, media_type)


def query_page() -> bytes:
    """The HTML page: a textarea, the library as examples, results as a table (no external resources)."""
    examples = {q.name: {"question": f"{q.question_en} / {q.question_ru}", "text": q.text} for q in library()}
    data = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(n)}</option>' for n in examples)
    return PAGE.replace("{{OPTIONS}}", options).replace("{{EXAMPLES}}", data).encode("utf-8")


def make_server(store: ox.Store, host: str = "127.0.0.1", port: int = 8000, timeout: float | None = 30.0,
                verbose: bool = False) -> ThreadingHTTPServer:
    handler = type("BoundHandler", (Handler,), {"store": store, "timeout_s": timeout or None, "page": query_page()})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.verbose = verbose
    return server


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>EduGraph SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;max-width:100em}
textarea{width:100%;height:18em;font-family:monospace;font-size:13px}
table{border-collapse:collapse;margin-top:1em;font-size:13px}
td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}
th{background:#eee}#status{margin-left:1em;color:#555}#question{color:#333;margin:.5em 0}
.err{color:#b00;white-space:pre-wrap}
</style></head><body>
<h1>EduGraph SPARQL</h1>
<p>Queries run over every graph of the build (asserted + OWL-RL inferred); <code>GRAPH ?g</code> gives the
source article. Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol, read-only).</p>
<label>Example: <select id="examples"><option value="">— choose a library query —</option>{{OPTIONS}}</select></label>
<div id="question"></div>
<textarea id="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<p><button id="run">Run</button><span id="status"></span></p>
<div id="results"></div>
<script>
const examples = {{EXAMPLES}};
const $ = id => document.getElementById(id);
$("examples").onchange = e => {
  const q = examples[e.target.value];
  if (q) { $("query").value = q.text; $("question").textContent = q.question; }
};
function cell(term) {
  if (!term) return "";
  return term.type === "uri" ? term.value.replace("https://w3id.org/edugraph/id/", "egr:") : term.value;
}
$("run").onclick = async () => {
  $("status").textContent = "running…"; $("results").innerHTML = "";
  const started = performance.now();
  try {
    const response = await fetch("sparql", {method: "POST",
      headers: {"Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: $("query").value});
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) { $("results").innerHTML = ""; const p = document.createElement("p");
      p.className = "err"; p.textContent = response.status + ": " + text; $("results").append(p);
      $("status").textContent = ""; return; }
    if (!(response.headers.get("Content-Type") || "").includes("json")) {
      const pre = document.createElement("pre"); pre.textContent = text; $("results").append(pre);
      $("status").textContent = seconds + " s"; return; }
    const data = JSON.parse(text);
    if ("boolean" in data) { $("results").textContent = String(data.boolean); $("status").textContent = seconds + " s"; return; }
    const vars = data.head.vars, table = document.createElement("table"), head = table.insertRow();
    vars.forEach(v => { const th = document.createElement("th"); th.textContent = v; head.append(th); });
    data.results.bindings.forEach(b => { const row = table.insertRow();
      vars.forEach(v => { const td = row.insertCell(); td.textContent = cell(b[v]);
        if (b[v] && b[v].type === "uri") td.title = b[v].value; }); });
    $("results").append(table);
    $("status").textContent = data.results.bindings.length + " rows, " + seconds + " s";
  } catch (err) { $("status").textContent = String(err); }
};
</script></body></html>
"""
