"""Fair turns for queries: at most `slots` run at once, at most `share` of them for one client, and the
clients that wait are served in turn (the least served first), not first come first served.

A client is its address (`client_of`). It may have `share` queries running and as many waiting; a further
query is refused at once (`OverShare`, answered 429), so one client can neither hold every query process nor
fill the queue. A freed slot goes to the waiting client under its share that has the fewest queries running,
then the one that used the slots least lately (seconds of running, halved every `USAGE_HALF_LIFE`: a client of
quick queries goes before one of slow queries), then the one served longest ago. `departure` tells whether a
request's client has gone (closed its connection), so that its query leaves the line or is stopped.

Each query that runs or waits holds an HTTP worker thread, so at most `places` of them are let in (the endpoint
keeps the other threads free to answer at once). With every place taken, a newcomer takes the place of the
newest waiting query of the client holding the most, if that client would still hold as many as the newcomer
(that query is refused, `Displaced`); else the newcomer is refused (`Full`). So a few greedy clients cannot
fill every place and leave the next client's request queued inside the HTTP server, where it gets no turn.

Client `a` sends two queries, then `b` and `c` one each; one slot: `a`'s second query waits for the others.

>>> turns = Turns(slots=1, share=1)
>>> tickets = [turns.enqueue(client) for client in "aabc"]
>>> turns.enqueue("a")
Traceback (most recent call last):
...
edugraph.sparql.endpoint.turns.OverShare: 'a' has 1 query running and 1 waiting: at most 1 running and 1 waiting
>>> order = []
>>> while tickets:
...     ticket = next(t for t in tickets if t.granted)
...     order.append(ticket.client)
...     tickets.remove(ticket)
...     turns.release(ticket)
>>> order
['a', 'b', 'c', 'a']

Three places: `a` holds two of them, so `b`'s second query is refused, but `c` takes `a`'s waiting place.

>>> turns = Turns(slots=1, share=1, places=3)
>>> a_running, a_waiting, b_waiting = [turns.enqueue(client) for client in "aab"]
>>> turns.enqueue("b")
Traceback (most recent call last):
...
edugraph.sparql.endpoint.turns.Full: all 3 places for queries are taken, none by a client holding 2 more than 'b'
>>> c_waiting = turns.enqueue("c")
>>> turns.wait(a_waiting, 1)
Traceback (most recent call last):
...
edugraph.sparql.endpoint.turns.Displaced: 'a' gave the place of a waiting query to 'c'
"""

from __future__ import annotations

import ipaddress
import math
import socket
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from typing import Callable

from ..engine import CHECK_SECONDS  # how often a waiting query, as a running one, asks whether its client left
from .internals import connection_of

IPV6_CLIENT_PREFIX = 64  # one subscriber's IPv6 network: addresses within it are one client
HALF_CLOSE_GRACE = 1.0  # seconds a request's connection may be at its end before its client counts as gone
USAGE_HALF_LIFE = 60.0  # seconds after which a client's time in the slots counts half (then a quarter, …)
FORGOTTEN_USAGE = 0.01  # seconds of usage below which an idle client is forgotten


def client_of(address: str) -> str:
    """The client a remote address stands for: an IPv4 address, or the /64 network of an IPv6 address.

    >>> client_of("192.0.2.7"), client_of("::ffff:192.0.2.7"), client_of("2001:db8:1:2:aaaa::1")
    ('192.0.2.7', '192.0.2.7', '2001:db8:1:2::/64')
    """
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return address  # a Unix socket or an unknown peer: one client per address string
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(ip)


def departure(environ: dict, grace: float = HALF_CLOSE_GRACE) -> Callable[[], bool]:
    """A check whether the client of this request has left: waitress closed the connection, or (once the
    request is `grace` seconds old) the client has closed it, which a look at the socket tells (a peek: nothing
    is read, a pipelined next request stays for waitress). A client that only half-closes after its request
    (`shutdown(SHUT_WR)`, which no common client does) looks the same, hence the grace for quick answers.
    """
    closed = environ.get("waitress.client_disconnected", lambda: False)
    connection = connection_of(environ)
    checked_from = time.monotonic() + grace

    def left() -> bool:
        if closed():
            return True
        if connection is None or time.monotonic() < checked_from:
            return False
        try:
            return connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False  # nothing to read: the client is there, waiting
        except OSError:
            return True   # reset by the client, or closed meanwhile

    return left


class OverShare(Exception):
    """The client already has its share of queries running and waiting."""


class Full(Exception):
    """Every place for a query is taken, and no client holds enough of them to give one up."""


class Displaced(Exception):
    """The waiting query gave its place to the query of a client that held fewer."""


@dataclass(eq=False)
class Ticket:
    """One query's place: waiting until `granted`, then running until released."""

    client: str
    granted: bool = False
    displaced_by: str | None = None  # the client that took this waiting query's place
    started: float = 0.0  # when granted (time.monotonic)


class Turns:
    """The query slots of one endpoint, shared fairly between clients (thread-safe)."""

    def __init__(self, slots: int, share: int, places: float = math.inf):
        self.slots, self.share, self.places = slots, share, places
        self.changed = threading.Condition()
        self.running: Counter[str] = Counter()
        self.waiting: dict[str, deque[Ticket]] = {}
        self.served: dict[str, int] = {}  # client → when it last got a slot (kept while it runs or waits)
        self.tick = 0
        self.usage: dict[str, tuple[float, float]] = {}  # client → (seconds in the slots, as of when)

    def enqueue(self, client: str) -> Ticket:
        """A ticket for the client's next query (granted at once when a slot is free), or `OverShare`, or `Full`."""
        with self.changed:
            held = self.held(client)
            if held >= 2 * self.share:
                running, waiting = self.running[client], held - self.running[client]
                raise OverShare(f"{client!r} has {running} {'query' if running == 1 else 'queries'} running and "
                                f"{waiting} waiting: at most {self.share} running and {self.share} waiting")
            if self.running.total() + sum(map(len, self.waiting.values())) >= self.places:
                self._make_room(client, held)
            ticket = Ticket(client)
            self.waiting.setdefault(client, deque()).append(ticket)
            self._dispatch()
            return ticket

    def wait(self, ticket: Ticket, seconds: float, gone: Callable[[], bool] = lambda: False) -> bool:
        """Wait up to `seconds` for the ticket's turn; False (and out of line) if none came or the client left."""
        deadline = time.monotonic() + seconds
        with self.changed:
            while not ticket.granted:
                if ticket.displaced_by is not None:
                    raise Displaced(f"{ticket.client!r} gave the place of a waiting query to {ticket.displaced_by!r}")
                left = deadline - time.monotonic()
                if left <= 0 or gone():
                    self._withdraw(ticket)
                    return False
                self.changed.wait(min(left, CHECK_SECONDS))
        return True

    def release(self, ticket: Ticket) -> None:
        """The ticket's query has ended: its slot goes to the next client in line."""
        with self.changed:
            now = time.monotonic()
            self.usage[ticket.client] = (self.used(ticket.client, now) + now - ticket.started, now)
            self.running[ticket.client] -= 1
            if not self.running[ticket.client]:
                del self.running[ticket.client]
                self._forget_if_idle(ticket.client)
            self._dispatch()

    def used(self, client: str, now: float) -> float:
        """The client's seconds in the slots, each counting half after `USAGE_HALF_LIFE`, a quarter after two…"""
        seconds, when = self.usage.get(client, (0.0, now))
        return seconds * 0.5 ** ((now - when) / USAGE_HALF_LIFE)

    def held(self, client: str) -> int:
        """The client's queries running and waiting."""
        return self.running[client] + len(self.waiting.get(client, ()))

    def _make_room(self, newcomer: str, holding: int) -> None:
        """Every place is taken: the newest waiting query of the client that holds the most (of those, the one
        served last) gives its place to `newcomer`, who holds `holding`, if it holds `holding + 2` or more."""
        crowded = max(self.waiting, key=lambda client: (self.held(client), self.served.get(client, -1)), default=None)
        if crowded is None or self.held(crowded) <= holding + 1:
            raise Full(f"all {self.places} places for queries are taken, none by a client holding 2 more than "
                       f"{newcomer!r}")
        ticket = self.waiting[crowded][-1]
        ticket.displaced_by = newcomer
        self._withdraw(ticket)

    def _withdraw(self, ticket: Ticket) -> None:
        line = self.waiting[ticket.client]
        line.remove(ticket)
        if not line:
            del self.waiting[ticket.client]
        self._forget_if_idle(ticket.client)

    def _forget_if_idle(self, client: str) -> None:
        if client not in self.running and client not in self.waiting:
            self.served.pop(client, None)
            now = time.monotonic()
            for idle in [c for c in self.usage if not self.held(c) and self.used(c, now) < FORGOTTEN_USAGE]:
                del self.usage[idle]

    def _dispatch(self) -> None:
        """Give free slots to waiting clients under their share: fewest running first, then the least usage,
        then the one served longest ago (never served: first)."""
        now = time.monotonic()
        while self.running.total() < self.slots:
            ready = [client for client in self.waiting if self.running[client] < self.share]
            if not ready:
                break
            client = min(ready, key=lambda c: (self.running[c], self.used(c, now), self.served.get(c, -1)))
            line = self.waiting[client]
            ticket = line.popleft()
            ticket.granted, ticket.started = True, now
            if not line:
                del self.waiting[client]
            self.running[client] += 1
            self.served[client] = self.tick = self.tick + 1
        self.changed.notify_all()
