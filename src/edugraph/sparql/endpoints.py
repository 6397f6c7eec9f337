"""Where a store takes queries, updates and graphs: the URL layouts of Oxigraph, Virtuoso, Fuseki and GraphDB.

`Endpoint.resolve` accepts a server or dataset base URL, or any of a store's own service URLs, with an optional
`--store-kind` preset and explicit `--query-url` / `--update-url` / `--gsp-url` overrides.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Callable

from ..errors import EduGraphError
from .client import check_url

# kind -> (query, update, Graph Store Protocol) paths after the base URL
LAYOUTS = {
    "oxigraph": ("/query", "/update", "/store"),                                 # base: the server
    "virtuoso": ("/sparql", "/sparql-auth", "/sparql-graph-crud-auth"),          # base: the server
    "fuseki": ("/sparql", "/update", "/data"),                                   # base: the dataset, /ds
    "graphdb": ("", "/statements", "/rdf-graphs/service"),                       # base: /repositories/NAME
}
KINDS = tuple(LAYOUTS)
ROLES = ("query", "update", "gsp")
VIRTUOSO_PATHS = {"/sparql": "query", "/sparql-auth": "update", "/sparql-graph-crud": "gsp",
                  "/sparql-graph-crud-auth": "gsp"}
OXIGRAPH_PATHS = {"/query": "query", "/update": "update", "/store": "gsp"}
GRAPHDB_PATH = re.compile(r"^(?P<base>.*/repositories/[^/]+)(?P<service>/statements|/rdf-graphs/service)?$")
FUSEKI_PATH = re.compile(r"^(?P<base>/.+?)(?:/(?P<service>sparql|query|update|data|get))?$")
FUSEKI_SERVICES = {"sparql": "query", "query": "query", "update": "update", "data": "gsp", "get": "gsp"}


@dataclass
class Endpoint:
    """The URLs of a SPARQL server: query, update and Graph Store Protocol services."""

    query: str
    update: str | None = None
    gsp: str | None = None
    name: str = ""
    kind: str | None = None

    @classmethod
    def from_layout(cls, base: str, kind: str, given: dict[str, str] | None = None) -> "Endpoint":
        """The services of a `kind` server at `base`, with the `given` URLs (role -> URL) taking precedence."""
        urls = dict(zip(ROLES, (base + path for path in LAYOUTS[kind])))
        urls.update(given or {})
        return cls(urls["query"], urls["update"], urls["gsp"], base, kind)

    @classmethod
    def resolve(cls, url: str | None, kind: str | None = None, query: str | None = None, update: str | None = None,
                gsp: str | None = None, probe: Callable[[str], bool] | None = None) -> "Endpoint":
        """The endpoint `url` (a base or service URL) stands for; explicit URLs override the layout.

        `probe(query_url)` says whether a SPARQL query service answers there: it picks the layout of a bare
        server URL (Oxigraph's /query, then Virtuoso's /sparql) when `kind` is not given.
        """
        given = {role: check_url(value, f"{role} URL") for role, value in
                 (("query", query), ("update", update), ("gsp", gsp)) if value}
        if url:
            base, kind, role = cls.recognise(check_url(url), kind, probe)
            endpoint = cls.from_layout(base, kind, {**({role: url.rstrip("/")} if role else {}), **given})
        elif "query" in given:
            endpoint = cls(given["query"], given.get("update"), given.get("gsp"), given["query"], kind)
        else:
            raise EduGraphError("give --endpoint URL, or --query-url with --update-url (and optionally --gsp-url)")
        return endpoint

    @classmethod
    def recognise(cls, url: str, kind: str | None, probe: Callable[[str], bool] | None) -> tuple[str, str, str | None]:
        """(base URL, kind, role of `url` or None for a base URL) of a server, dataset or repository URL, or of
        one of their service URLs."""
        parts = urllib.parse.urlsplit(url)
        site, path = f"{parts.scheme}://{parts.netloc}", parts.path.rstrip("/")
        graphdb = GRAPHDB_PATH.match(path)
        if kind in (None, "graphdb") and graphdb:
            service = graphdb["service"]
            return site + graphdb["base"], "graphdb", (service and ("update" if service == "/statements" else "gsp"))
        for name, paths in (("oxigraph", OXIGRAPH_PATHS), ("virtuoso", VIRTUOSO_PATHS)):
            if kind in (None, name) and path in paths:
                return site, name, paths[path]
        fuseki = FUSEKI_PATH.match(path)
        if kind in (None, "fuseki") and fuseki:
            return site + fuseki["base"], "fuseki", FUSEKI_SERVICES.get(fuseki["service"])
        if kind:
            return site + path, kind, None
        for name in ("oxigraph", "virtuoso"):
            if probe is None or probe(site + LAYOUTS[name][0]):
                return site, name, None
        raise EduGraphError(f"no SPARQL query service at {site}/query (Oxigraph) or {site}/sparql (Virtuoso): "
                            "give --store-kind, the dataset URL (Fuseki) or --query-url")

    def describe(self) -> str:
        return f"{self.kind or 'SPARQL'} server {self.name}: query {self.query}, update {self.update}, " \
               f"graph store {self.gsp or '(none)'}"
