"""Who may talk to the endpoint: the Host header it answers to, and the web origins that may read it (CORS).

A page from any web site can make the user's browser send requests to 127.0.0.1; two checks keep it out:
- the `Host` header must name the address the server is bound to (or a name given with `--allowed-host`),
  which defeats DNS rebinding (a hostile name that resolves to 127.0.0.1);
- a request with an `Origin` header must come from the endpoint itself or from an origin listed with
  `--cors-origin`; only those listed get `Access-Control-Allow-Origin` (never `*`).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, replace

from ...errors import EduGraphError

ORIGIN = re.compile(r"^https?://[A-Za-z0-9.\-]+(?::\d{1,5})?$|^https?://\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$")
WITH_PORT = re.compile(r"(?<!:):\d{1,5}$|\]:\d{1,5}$")  # name:8000 or [::1]:8000, not a bare IPv6 address
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
CORS_METHODS = "GET, HEAD, POST, OPTIONS"
CORS_HEADERS = "Accept, Content-Type"
PREFLIGHT_MAX_AGE = "600"


def check_origin(origin: str) -> str:
    """A `--cors-origin` value as browsers send it: scheme://host[:port], no path, no wildcard.

    >>> check_origin("http://localhost:3000/")
    'http://localhost:3000'
    """
    origin = origin.strip().rstrip("/")
    if not ORIGIN.match(origin):
        raise EduGraphError(f"--cors-origin {origin!r}: give an origin such as http://localhost:3000 "
                            "(scheme, host and port; no path, no '*')")
    return origin.lower()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


@dataclass(frozen=True)
class Access:
    """The Host names and CORS origins of one running endpoint.

    >>> access = Access.for_address("127.0.0.1", 0, ["sparql.example.org:443"]).bound_to(8000)
    >>> [access.host_allowed(h) for h in ("localhost:8000", "sparql.example.org:443", "evil.example:8000")]
    [True, True, False]
    """

    names: frozenset[str]                 # accepted with the bound port
    with_port: frozenset[str]             # accepted as they are (name:port given by --allowed-host)
    port: int
    origins: frozenset[str]

    @classmethod
    def for_address(cls, host: str, port: int, extra_hosts=(), origins=()) -> "Access":
        """The bound address (on loopback also its usual names) and the --allowed-host names."""
        with_port = {h.lower() for h in extra_hosts if WITH_PORT.search(h)}
        names = {host if ":" not in host else f"[{host}]", *(h.lower() for h in extra_hosts if h not in with_port)}
        if _is_loopback(host):
            names.update(LOOPBACK_NAMES)
        return cls(frozenset(names), frozenset(with_port), port, frozenset(check_origin(o) for o in origins))

    def bound_to(self, port: int) -> "Access":
        """The same access on the port the server really got (asked for port 0)."""
        return replace(self, port=port)

    def host_allowed(self, host: str | None) -> bool:
        if not host:
            return False
        host = host.lower()
        name, _, port = host.rpartition(":") if WITH_PORT.search(host) else (host, "", str(80))
        return host in self.with_port or name in self.names and port == str(self.port)

    def origin_allowed(self, origin: str | None, host: str) -> bool:
        """No Origin (not a browser, or a same-origin GET), the endpoint's own origin, or a listed one."""
        if not origin:
            return True
        origin = origin.lower()
        return origin in (f"http://{host.lower()}", f"https://{host.lower()}") or origin in self.origins

    def cors_headers(self, origin: str | None, preflight: bool = False) -> list[tuple[str, str]]:
        """The CORS headers for a listed origin (none for the others: the browser then withholds the answer)."""
        if not origin or origin.lower() not in self.origins:
            return []
        headers = [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
        if preflight:
            headers += [("Access-Control-Allow-Methods", CORS_METHODS),
                        ("Access-Control-Allow-Headers", CORS_HEADERS),
                        ("Access-Control-Max-Age", PREFLIGHT_MAX_AGE)]
        return headers
