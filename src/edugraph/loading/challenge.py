"""Credentials for a request with a body, made before the body is sent.

urllib answers a Basic or Digest challenge by sending the whole request again: a graph PUT (Graph Store Protocol)
or an update POST first goes out, body and all, without credentials. A server may answer 401 as soon as it has
read the headers and close the connection without reading the body; the client, still writing it, then fails
with "Broken pipe" (or "Connection reset") and never sees the challenge, and so does every retry (Virtuoso does
this under load, with graphs larger than the socket buffers). So the loader asks for the challenge first, with a
body-less HEAD of the same URL, and sends the body once, with the credentials that answer it
(:func:`answer_first`). Where no challenge comes (no user given, a URL open to all, a scheme urllib cannot
answer), the request goes as before and urllib answers a later challenge itself.
"""

from __future__ import annotations

import base64
import http.client
import urllib.error
import urllib.parse
import urllib.request

from ..sparql.client import Client


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


def authorization(client: Client, method: str, url: str, challenge: str) -> str | None:
    """The Authorization header answering one Basic or Digest `challenge` for `method` on `url` with the client's
    user and password (urllib computes Digest), or None if it cannot be answered."""
    scheme, _, parameters = challenge.strip().partition(" ")
    user, password = client.auth.user, client.auth.password or ""
    if scheme.lower() == "basic":
        return "Basic " + base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
    if scheme.lower() != "digest":
        return None
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, user, password)
    try:
        fields = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(parameters)))
        answer = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(
            urllib.request.Request(url, method=method), fields)
    except (urllib.error.URLError, ValueError, IndexError, KeyError):  # qop="auth-int", a malformed challenge
        return None
    return answer and f"Digest {answer}"


def answer_first(client: Client, method: str, url: str) -> dict[str, str]:
    """The headers to send `method` with a body to `url` so that the server need not challenge it: the
    Authorization answering the challenge a body-less request gets (Digest preferred), or none."""
    if not client.auth.user:
        return {}
    found = sorted(challenges(client, url), key=lambda challenge: not challenge.lower().startswith("digest"))
    for challenge in found:
        value = authorization(client, method, url, challenge)
        if value:
            return {"Authorization": value}
    return {}
