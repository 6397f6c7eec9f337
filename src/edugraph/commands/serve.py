"""`edugraph serve`: a read-only SPARQL endpoint (and query page) over the built graph."""

from __future__ import annotations

import sys
from pathlib import Path

from ..paths import BUILD


def register(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="serve the built graph as a SPARQL endpoint",
                                   description="Serve a read-only SPARQL 1.1 Protocol endpoint at /sparql and a "
                                               "query page at / over every graph of the build.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--build", type=Path, default=BUILD, help="build folder (default: build/)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="stop each query after this many seconds, 0 for no limit (default 30)")
    parser.add_argument("--cache", action="store_true", help="keep the store on disk in <build>/.oxigraph/")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..errors import EduGraphError
    from ..sparql.server import make_server
    from ..sparql.store import open_built

    store = open_built(args.build, cache=args.cache)
    try:
        server = make_server(store, args.host, args.port, args.timeout, args.verbose)
    except OSError as err:
        raise EduGraphError(f"cannot listen on {args.host}:{args.port}: {err.strerror or err}") from None
    host, port = server.server_address[:2]
    print(f"SPARQL endpoint http://{host}:{port}/sparql  (query page http://{host}:{port}/; Ctrl-C stops)",
          flush=True, file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
