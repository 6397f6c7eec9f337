"""`edugraph load`: push the built graph into a SPARQL server or an on-disk Oxigraph store (docs/LOADING.md)."""

from __future__ import annotations

from pathlib import Path

from ..paths import BUILD

after_step = None  # test hook: called as after_step(event, graphs) once graphs are "staged" and "loaded"


def register(subparsers) -> None:
    from ..loading.graphs import BUILD_GRAPH_BASE
    from ..loading.loader import BATCH_TRIPLES
    from ..sparql.client import add_connection_arguments
    from ..sparql.endpoints import KINDS
    from .argtypes import positive_int

    parser = subparsers.add_parser(
        "load", help="load the built graph into a SPARQL store",
        description="Replace each named graph of the build (ontology, gazetteer, entities, one per article, inferred) "
                    "in a remote store (SPARQL 1.1 Graph Store Protocol, or SPARQL Update) or in an Oxigraph store "
                    "folder. Each graph is written to a staging graph, its triple count checked, then switched into "
                    "place in one update; other graphs in the store are never touched. Counts are compared after.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--endpoint", metavar="URL", help="the store: a server, Fuseki dataset or GraphDB repository "
                       "URL, or one of its query / update / graph store URLs (see --store-kind)")
    where.add_argument("--store", type=Path, metavar="DIR", help="on-disk Oxigraph store folder (created if missing)")
    parser.add_argument("--store-kind", choices=KINDS, help="URL layout of the store (default: recognised from "
                        "the URL; a bare server URL is probed for Oxigraph, then Virtuoso)")
    parser.add_argument("--gsp-url", metavar="URL", help="Graph Store Protocol URL (Fuseki /ds/data, GraphDB "
                        "/repositories/X/rdf-graphs/service)")
    parser.add_argument("--query-url", metavar="URL",
                        help="SPARQL query URL (Fuseki /ds/sparql, GraphDB /repositories/X)")
    parser.add_argument("--update-url", metavar="URL", help="SPARQL update URL (Fuseki /ds/update, GraphDB "
                        "/repositories/X/statements)")
    parser.add_argument("--protocol", choices=("auto", "gsp", "update"), default="auto",
                        help="write with GSP PUT, SPARQL Update INSERT DATA, or PUT falling back to Update (default)")
    parser.add_argument("--build", type=Path, default=BUILD, metavar="DIR", help="build folder (default build/)")
    parser.add_argument("--graph-base", default=BUILD_GRAPH_BASE, metavar="IRI",
                        help=f"graph IRI prefix in the store, replacing {BUILD_GRAPH_BASE}")
    parser.add_argument("--batch-triples", type=positive_int, default=BATCH_TRIPLES, metavar="N",
                        help=f"graphs switched together in one transaction, up to N triples (default {BATCH_TRIPLES}; "
                             "1: one graph at a time)")
    add_connection_arguments(parser)
    parser.add_argument("--dry-run", action="store_true", help="print what would be sent, send nothing")
    parser.set_defaults(func=run)


def check_store_folder(folder: Path) -> None:
    """Refuse a --store folder that is part of a build, or that holds files but no Oxigraph store (`--store build`
    or `--store data/articles` filled it with the store's files; `--store build/store` changed the build's own)."""
    from ..errors import EduGraphError
    from ..output.folder import foreign_folder
    from .guard import refuse_build_entry

    refuse_build_entry(folder, "--store")
    if foreign_folder(folder, "CURRENT"):
        raise EduGraphError(f"{folder}: not empty and not an Oxigraph store: --store needs a new or empty folder, "
                            "or one an earlier load wrote")


def make_target(args):
    from ..errors import EduGraphError
    from ..loading.targets import RemoteTarget, StoreTarget
    from ..sparql.client import client_from_args, probe_query_service
    from ..sparql.endpoints import Endpoint

    if args.store:
        if (args.gsp_url or args.query_url or args.update_url or args.store_kind or args.user or args.password_env
                or args.token_env):
            raise EduGraphError("--store writes a local folder: URL and auth options do not apply")
        check_store_folder(args.store)
        return StoreTarget(args.store)
    if not (args.endpoint or args.query_url):
        raise EduGraphError("say where to load: --endpoint URL (or --query-url/--update-url) or --store DIR")
    client = client_from_args(args)
    endpoint = Endpoint.resolve(args.endpoint, args.store_kind, args.query_url, args.update_url, args.gsp_url,
                                probe=None if args.dry_run else lambda url: probe_query_service(client, url))
    if not endpoint.update:
        raise EduGraphError("an update URL is needed to switch graphs atomically: give --update-url")
    return RemoteTarget(client, endpoint, args.protocol)


def run(args) -> int:
    from ..errors import EduGraphError, visible
    from ..loading.fidelity import check
    from ..loading.graphs import check_graph_base, read_build_graphs
    from ..loading.loader import (LoadFailed, after_failure, clean_staging, drop_removed_articles, format_rows, load,
                                  stored_graphs, verify)

    check_graph_base(args.graph_base)
    target = make_target(args)
    graphs = read_build_graphs(args.build, args.graph_base)
    if args.dry_run:
        print(f"dry run: nothing is sent to {target.name}")
        if getattr(target, "endpoint", None):
            print(target.endpoint.describe())
        if getattr(target, "client", None):
            print(f"auth: {target.client.auth.description}")
        for batch in target.batches(graphs, args.batch_triples):
            print("\n".join(target.plan(batch)))
        print(f"{len(graphs)} graphs, {sum(g.count for g in graphs)} triples")
        return 0
    try:
        target.check()
        stored = stored_graphs(target, args.graph_base)
        leftovers = clean_staging(target, stored)
        if leftovers:
            print(f"removed {len(leftovers)} staging graphs left by an interrupted load")
        try:
            load(target, graphs, args.batch_triples, after_step)
        except LoadFailed as failure:
            table, error = after_failure(target, graphs, failure)
            print(table)
            raise error from None
        removed = drop_removed_articles(target, graphs, stored, args.graph_base)
        if removed:
            print(f"removed {len(removed)} graphs of articles the build no longer has: "  # named by the store
                  + visible(", ".join(f"<{iri}>" for iri in removed[:3])) + (" …" if len(removed) > 3 else ""))
        rows = verify(target, graphs)
        fidelity = check(target.terms, graphs[-1])  # the union graph: every distinct triple once
    finally:
        target.close()
    print(format_rows(rows))
    bad = [row for row in rows if not row.ok]
    if bad:
        raise EduGraphError(f"triple counts differ in {len(bad)} of {len(rows)} graphs after loading into "
                            f"{target.name}")
    note, problem = fidelity.note(), fidelity.problem()
    if note:
        print(note)
    if problem:
        raise EduGraphError(f"{problem} (loaded into {target.name})")
    print(f"loaded {len(rows)} graphs, {sum(row.local for row in rows)} triples into {target.name}: all counts match")
    return 0
