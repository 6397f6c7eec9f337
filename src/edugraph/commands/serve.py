"""`edugraph serve`: a read-only SPARQL endpoint (and query page) over the built graph."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from ..errors import EduGraphError
from ..paths import BUILD
from .argtypes import MAX_SECONDS

DEFAULTS = {"timeout": 30.0, "memory": 1024, "max_queries": 2, "client_queries": 1, "queue_wait": 10.0, "threads": 8}
MAX_THREADS = 256  # each a thread of this process; `--threads 100000` started 11,000 of them in 8 s, and went on


def register(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="serve the built graph as a SPARQL endpoint",
                                   description="Serve a read-only SPARQL 1.1 Protocol endpoint at /sparql and a "
                                               "query page at / over the graph of the build (docs/SPARQL.md).")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--build", type=Path, default=BUILD, help="build folder (default: build/)")
    parser.add_argument("--cache", action="store_true", help="not needed any more: the build writes <build>/store/")
    limits = parser.add_argument_group("limits")
    limits.add_argument("--timeout", type=float, default=DEFAULTS["timeout"], metavar="SECONDS",
                        help="stop each query after this many seconds (default 30)")
    limits.add_argument("--memory", type=int, default=DEFAULTS["memory"], metavar="MB",
                        help="memory one query may use beyond the loaded store (default 1024)")
    limits.add_argument("--max-queries", type=int, default=DEFAULTS["max_queries"], metavar="N",
                        help="queries running at once (default 2); others wait their turn")
    limits.add_argument("--client-queries", type=int, default=DEFAULTS["client_queries"], metavar="N",
                        help="queries one client (address) may run at once (default 1, at most --max-queries); "
                             "as many more may wait, further ones get 429; waiting clients are served in turn")
    limits.add_argument("--queue-wait", type=float, default=DEFAULTS["queue_wait"], metavar="SECONDS",
                        help="how long a query waits for its turn before the answer is 503 (default 10)")
    limits.add_argument("--threads", type=int, default=DEFAULTS["threads"], metavar="N",
                        help=f"HTTP worker threads (default 8, at most {MAX_THREADS}); queries running or waiting "
                             "hold at most N-1 (at least 1), so one is always free to answer; when those are all "
                             "taken, a query takes the waiting place of a client holding 2 more (that one gets 429), "
                             "else gets 503 at once")
    access = parser.add_argument_group("access")
    access.add_argument("--allow-service", action="append", default=[], metavar="URL",
                        help="a SPARQL endpoint that queries may call with SERVICE (repeatable; default: none)")
    access.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                        help="a web origin (e.g. http://localhost:3000) whose pages may query the endpoint "
                             "(repeatable; default: none but the endpoint's own page)")
    access.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                        help="a further Host name the endpoint answers to (repeatable; needed behind a proxy or "
                             "with --host 0.0.0.0)")
    access.add_argument("--trusted-proxy", metavar="ADDRESS",
                        help="the IP address of a reverse proxy in front of the endpoint: its X-Forwarded-For "
                             "header names the client (default: none; each connecting address is a client)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.set_defaults(func=run)


def check_arguments(args) -> None:
    """One-line errors for values argparse lets through (ports out of range, NaN, negative limits)."""
    if not 0 <= args.port <= 65535:
        raise EduGraphError(f"--port {args.port}: give a port from 1 to 65535 (or 0 for any free port)")
    if not 0 < args.timeout <= MAX_SECONDS:  # also refuses NaN
        raise EduGraphError(f"--timeout {args.timeout:g}: give a number of seconds > 0 and at most {MAX_SECONDS} "
                            "(a year; the endpoint always stops queries: one without a limit could run forever)")
    if not 0 <= args.queue_wait <= MAX_SECONDS:
        raise EduGraphError(f"--queue-wait {args.queue_wait:g}: give a number of seconds from 0 to {MAX_SECONDS}")
    for name in ("memory", "max_queries", "client_queries", "threads"):
        if getattr(args, name) < 1:
            raise EduGraphError(f"--{name.replace('_', '-')} {getattr(args, name)}: give a whole number ≥ 1")
    if args.threads > MAX_THREADS:
        raise EduGraphError(f"--threads {args.threads}: give at most {MAX_THREADS} (queries beyond --max-queries wait "
                            "for their turn in any case)")
    if args.client_queries > args.max_queries:
        raise EduGraphError(f"--client-queries {args.client_queries}: give at most --max-queries "
                            f"({args.max_queries}); one client cannot run more queries than the endpoint")
    if args.trusted_proxy is not None:
        try:
            ipaddress.ip_address(args.trusted_proxy)
        except ValueError:
            raise EduGraphError(f"--trusted-proxy {args.trusted_proxy!r}: give the proxy's IP address, "
                                "such as 127.0.0.1") from None


def settings_from(args):
    from ..sparql.endpoint import Access, Settings
    from ..sparql.engine import Limits

    return Settings(access=Access.for_address(args.host, args.port, args.allowed_host, args.cors_origin),
                    limits=Limits(timeout=args.timeout, memory_mb=args.memory,
                                  services=tuple(args.allow_service)),
                    max_queries=args.max_queries, client_queries=args.client_queries,
                    queue_seconds=args.queue_wait, trusted_proxy=args.trusted_proxy, verbose=args.verbose)


def run(args) -> int:
    from ..sparql.endpoint import make_server
    from ..sparql.store import STORE_DIR, damage_as_error, open_built

    check_arguments(args)
    settings = settings_from(args)  # argument errors before the store is loaded
    store = open_built(args.build)
    try:
        with damage_as_error(args.build / STORE_DIR):  # a damaged data block, met while counting the graphs
            server = make_server(store, settings, args.host, args.port, args.threads)
    except OSError as err:
        raise EduGraphError(f"cannot listen on {args.host}:{args.port}: {err.strerror or err}") from None
    except ValueError:  # waitress: a --host that is no address nor a name this machine resolves
        raise EduGraphError(f"--host {args.host!r}: not an address or host name of this machine "
                            "(e.g. 127.0.0.1, 0.0.0.0, ::1 or localhost)") from None
    port = server.effective_port
    host = args.host if ":" not in args.host else f"[{args.host}]"
    print(f"SPARQL endpoint http://{host}:{port}/sparql  (query page http://{host}:{port}/; Ctrl-C stops)",
          flush=True, file=sys.stderr)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0
