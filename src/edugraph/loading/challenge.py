"""Credentials for a request with a body, made before the body is sent.

urllib answers a Basic or Digest challenge by sending the whole request again: a graph PUT (Graph Store Protocol)
or an update POST first goes out, body and all, without credentials. A server may answer 401 as soon as it has
read the headers and close the connection without reading the body; the client, still writing it, then fails
with "Broken pipe" (or "Connection reset") and never sees the challenge, and so does every retry (Virtuoso does
this under load, with graphs larger than the socket buffers). So the loader asks for the challenge first, with a
body-less HEAD of the URL, and sends the body once, with the credentials that answer it
(:class:`Challenges`). Where no challenge comes (no user given, a URL open to all, a scheme urllib cannot
answer), the request goes as before and urllib answers a later challenge itself.

The challenge is asked for once per endpoint (the URL without its query: every graph PUT to a GSP URL, every
update and query POST) in a run, and answered anew for each request; a Digest nonce is answered with a count that
grows, as RFC 7616 asks of a reused nonce. A request with a body that fails (the nonce may have gone stale, or the
server may now ask for something else) makes the next one ask again.
"""

from __future__ import annotations

import base64
import http.client
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from ..sparql.client import Client, RemoteError


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is not followed: a challenge must come from the URL the body goes to, not another host."""

    def redirect_request(self, *args, **kwargs):
        return None


def challenges(client: Client, url: str) -> list[str]:
    """The WWW-Authenticate challenges a body-less HEAD of `url` itself gets without credentials ([] if none)."""
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "edugraph"})
    try:
        urllib.request.build_opener(_NoRedirect).open(request, timeout=client.timeout).close()
    except urllib.error.HTTPError as err:
        err.close()
        return (err.headers.get_all("WWW-Authenticate") or []) if err.code == 401 else []
    except (urllib.error.URLError, http.client.HTTPException, OSError):  # the request itself will say what fails
        return []
    return []


def authorization(client: Client, method: str, url: str, challenge: str,
                  digest: urllib.request.HTTPDigestAuthHandler | None = None) -> str | None:
    """The Authorization header answering one Basic or Digest `challenge` for `method` on `url` with the client's
    user and password (urllib computes Digest, with `digest` if given: the handler that counts the uses of a
    nonce), or None if it cannot be answered."""
    scheme, _, parameters = challenge.strip().partition(" ")
    user, password = client.auth.user, client.auth.password or ""
    if scheme.lower() == "basic":
        return "Basic " + base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
    if scheme.lower() != "digest":
        return None
    digest = digest or digest_handler()
    digest.passwd.add_password(None, url, user, password)
    try:
        fields = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(parameters)))
        answer = digest.get_authorization(urllib.request.Request(url, method=method), fields)
    except (urllib.error.URLError, ValueError, IndexError, KeyError):  # qop="auth-int", a malformed challenge
        return None
    return answer and f"Digest {answer}"


def digest_handler() -> urllib.request.HTTPDigestAuthHandler:
    """A Digest handler of its own (its nonce count, its passwords)."""
    return urllib.request.HTTPDigestAuthHandler(urllib.request.HTTPPasswordMgrWithDefaultRealm())


def endpoint_of(url: str) -> str:
    """The endpoint a request goes to: its URL without query or fragment.

    >>> endpoint_of("http://127.0.0.1:8890/store?graph=https%3A%2F%2Fw3id.org%2Fg")
    'http://127.0.0.1:8890/store'
    """
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


@dataclass
class Challenges:
    """The challenge of each endpoint, asked for once in a run, and the headers that answer it."""

    client: Client = field(repr=False)
    found: dict[str, tuple[list[str], urllib.request.HTTPDigestAuthHandler]] = field(default_factory=dict)

    def headers(self, method: str, url: str) -> dict[str, str]:
        """The headers to send `method` with a body to `url` so that the server need not challenge it: the
        Authorization answering the challenge a body-less request to its endpoint got (Digest preferred), or none."""
        if not self.client.auth.user:
            return {}
        endpoint = endpoint_of(url)
        if endpoint not in self.found:
            asked = sorted(challenges(self.client, url), key=lambda found: not found.lower().startswith("digest"))
            self.found[endpoint] = asked, digest_handler()
        asked, digest = self.found[endpoint]
        for challenge in asked:
            value = authorization(self.client, method, url, challenge, digest)
            if value:
                return {"Authorization": value}
        return {}

    def forget(self, url: str) -> None:
        """Ask for the challenge of `url`'s endpoint again before its next request."""
        self.found.pop(endpoint_of(url), None)


@dataclass
class ChallengedClient(Client):
    """A client whose requests with a body carry the answer to their endpoint's challenge (:class:`Challenges`)."""

    challenges: Challenges | None = field(default=None, repr=False)

    def __post_init__(self):
        self.challenges = Challenges(self)

    def credentials(self, method: str, url: str, body: bytes | None) -> dict[str, str]:
        """A request with a body also carries the answer to its endpoint's challenge: the body is sent once."""
        answer = self.challenges.headers(method, url) if body is not None else {}
        return {**super().credentials(method, url, body), **answer}

    def _send(self, method, url, body, content_type, accept):
        try:
            return super()._send(method, url, body, content_type, accept)
        except RemoteError:
            if body is not None:
                self.challenges.forget(url)
            raise
