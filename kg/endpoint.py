"""HTTP to a SPARQL server for ``kg load``: credentials, the session, and errors that say
what the server said.

HTTP is ``requests`` (urllib3 2), for what the standard library cannot do: Digest
authentication (Virtuoso's ``/sparql-graph-crud-auth`` asks for it), and reading the
answer of a server that refuses an upload before reading its body (urllib reported
Virtuoso's early 401 or 500 as "cannot connect (Broken pipe)"). An error answer is
quoted on one line, an HTML page (Virtuoso answers every error with one) as its text.

Credentials come from the environment only, never from arguments, which end up in shell
history and process lists: ``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``, or
``KG_ENDPOINT_TOKEN`` (Bearer); ``~/.netrc`` is not read. A user and password go as
Digest if the server asks for Digest, else as Basic: before the first upload a bodyless
``HEAD`` without credentials asks the server which scheme it wants, so a password is not
sent in the clear to a Digest server (unless that server leaves ``HEAD`` open and asks
only for the upload: then the Basic attempt is answered 401 and the upload is repeated
with Digest). Credentials go only to the endpoint itself: redirects are not followed
(a redirected ``PUT`` or ``POST`` would silently lose its body anyway).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth
from urllib3.exceptions import NewConnectionError

from kg import __version__
from kg.errors import KgError

__all__ = [
    "ENV_PASSWORD",
    "ENV_TOKEN",
    "ENV_USER",
    "Client",
    "Credentials",
    "EndpointError",
    "check_endpoint",
    "credentials",
]

ENV_USER = "KG_ENDPOINT_USER"
ENV_PASSWORD = "KG_ENDPOINT_PASSWORD"
ENV_TOKEN = "KG_ENDPOINT_TOKEN"

#: How much of an error response's body is quoted in the one-line message.
MAX_DETAIL = 200
#: How much of an error response is read to find that text: an HTML page's starts after its markup.
MAX_ERROR_BODY = 16_384


class EndpointError(KgError):
    """The server could not be reached, or refused the request: names the endpoint and why."""

    def __init__(self, endpoint: str, reason: str) -> None:
        self.endpoint = endpoint
        self.reason = reason
        super().__init__(f"{endpoint}: {reason}")


def check_endpoint(endpoint: str) -> str:
    """The endpoint URL if usable, else an ``EndpointError``. A URL carrying a user name or
    password is refused (and not echoed): credentials belong in the environment."""
    parts = urlsplit(endpoint)
    if "@" in parts.netloc:
        shown = f"{parts.scheme}://…@{parts.netloc.rsplit('@', 1)[1]}{parts.path}"
        raise EndpointError(shown, f"credentials in the URL are not accepted; set {ENV_USER} and "
                                   f"{ENV_PASSWORD}, or {ENV_TOKEN}, in the environment")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(endpoint, "not an http:// or https:// URL")
    if parts.fragment:
        raise EndpointError(endpoint, "a Graph Store URL has no #fragment")
    return endpoint


@dataclass(frozen=True)
class Credentials:
    """A user and password (``user`` set) or a Bearer token (``user`` None). The secret is
    left out of ``repr``, so a traceback or a debugger's listing does not show it."""

    user: str | None
    secret: str = field(repr=False)


def credentials(environ: Mapping[str, str] | None = None) -> Credentials | None:
    """The credentials the environment gives, or None.

    Exactly one kind must be set: a user and a password, or a token. A user without a
    password (or the reverse) is an error rather than an unauthenticated request that
    would fail later with a less helpful 401.
    """
    env = os.environ if environ is None else environ
    user, password, token = (env.get(name) or None for name in (ENV_USER, ENV_PASSWORD, ENV_TOKEN))
    if token and (user or password):
        raise KgError(f"{ENV_TOKEN}: set together with {ENV_USER}/{ENV_PASSWORD}; set one kind of credentials")
    if token:
        return Credentials(None, token)
    if user and not password:
        raise KgError(f"{ENV_PASSWORD}: not set, but {ENV_USER} is; set both to log in to the endpoint")
    if password and not user:
        raise KgError(f"{ENV_USER}: not set, but {ENV_PASSWORD} is; set both to log in to the endpoint")
    return Credentials(user, password) if user and password else None


class _Bearer(AuthBase):
    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


class Client:
    """The HTTP side of one load: one session (the connection is kept between the graphs of a
    dataset), the authentication scheme settled at the first request, every failure turned
    into an ``EndpointError`` that says what the server said."""

    def __init__(self, endpoint: str, login: Credentials | None, timeout: float,
                 environ: Mapping[str, str] | None) -> None:
        self.endpoint = endpoint
        self.login = login
        self.timeout = timeout
        env = os.environ if environ is None else environ
        # trust_env off, so that requests reads no ~/.netrc; the proxy variables are read here instead
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.headers["User-Agent"] = f"kg/{__version__}"
        self.verify: bool | str = env.get("REQUESTS_CA_BUNDLE") or env.get("SSL_CERT_FILE") or True
        self.auth: AuthBase | None = None
        self.settled = login is None or login.user is None  # nothing to ask the server
        if login is not None and login.user is None:
            self.auth = _Bearer(login.secret)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.session.close()

    def send(self, url: str, method: str, body: bytes, media_type: str) -> str:
        """One Graph Store request; the server's status as ``"201 Created"``, or an ``EndpointError``."""
        if not self.settled:
            self._settle(url)
        response = self._request(method, url, body, media_type)
        if response.status_code == 401 and isinstance(self.auth, HTTPBasicAuth) and "digest" in _schemes(response):
            response.close()  # HEAD was open, the upload is not: the server wants Digest
            self._use_digest()
            response = self._request(method, url, body, media_type)
        with response:
            if not 200 <= response.status_code < 300:
                raise EndpointError(self.endpoint, self._refusal(response))
            return f"{response.status_code} {response.reason or ''}".strip()

    def _settle(self, url: str) -> None:
        """Digest if a credential-less ``HEAD`` is answered 401 with a Digest challenge, else Basic."""
        assert self.login is not None and self.login.user is not None
        with self._request("HEAD", url, auth=False) as probe:
            wants = _schemes(probe) if probe.status_code == 401 else set()
        self.settled = True
        if "digest" in wants:
            self._use_digest()
            self._request("HEAD", url).close()  # answers the challenge: later requests carry Digest at once
        else:  # bytes: UTF-8, as RFC 7617 recommends (requests would encode a str as Latin-1)
            self.auth = HTTPBasicAuth(self.login.user.encode(), self.login.secret.encode())

    def _use_digest(self) -> None:
        assert self.login is not None and self.login.user is not None
        self.auth = HTTPDigestAuth(self.login.user, self.login.secret)

    def _request(self, method: str, url: str, body: bytes | None = None, media_type: str | None = None,
                 auth: bool = True) -> requests.Response:
        headers = {"Content-Type": media_type} if media_type else {}
        try:
            return self.session.request(
                method, url, data=body, headers=headers, auth=self.auth if auth else None, allow_redirects=False,
                timeout=self.timeout, stream=True, verify=self.verify,
                proxies=requests.utils.get_environ_proxies(url))  # http_proxy, no_proxy, …
        except requests.exceptions.ConnectTimeout as exc:
            raise EndpointError(self.endpoint, f"cannot connect (no answer within {self.timeout:g} s)") from exc
        except requests.exceptions.Timeout as exc:
            raise EndpointError(self.endpoint, f"no answer within {self.timeout:g} s") from exc
        except requests.exceptions.SSLError as exc:
            raise EndpointError(self.endpoint, f"TLS failed ({_why(exc)})") from exc
        except requests.exceptions.ConnectionError as exc:
            reason = exc.args[0] if exc.args else None
            if isinstance(getattr(reason, "reason", reason), NewConnectionError):
                raise EndpointError(self.endpoint, f"cannot connect ({_why(exc)})") from exc
            raise EndpointError(self.endpoint, f"the connection was closed before the server answered "
                                               f"({_why(exc)})") from exc
        except requests.exceptions.RequestException as exc:
            raise EndpointError(self.endpoint, f"request failed ({exc.__class__.__name__}: {_why(exc)})") from exc

    def _refusal(self, response: requests.Response) -> str:
        """``HTTP 403 Forbidden: <the start of the server's message>``, with what to do for a
        redirect (the URL to use) and for a 401 (which scheme the server asks for)."""
        reason = f"HTTP {response.status_code} {response.reason or ''}".strip()
        if 300 <= response.status_code < 400:
            location = response.headers.get("Location")
            reason += f" to {location}; give that URL as --endpoint" if location else ""
        elif response.status_code == 401:
            asked = " or ".join(sorted(s.capitalize() for s in _schemes(response))) or "credentials"
            if self.login is None:
                reason += f" (the server asks for {asked}; set {ENV_USER} and {ENV_PASSWORD}, or {ENV_TOKEN})"
            else:
                used = {HTTPDigestAuth: "Digest", HTTPBasicAuth: "Basic"}.get(type(self.auth), "Bearer")
                reason += f" (the credentials from the environment were refused, sent as {used})"
        detail = _detail(response)
        return f"{reason}: {detail}" if detail else reason


def _schemes(response: requests.Response) -> set[str]:
    """The authentication schemes a 401's ``WWW-Authenticate`` offers, in lower case."""
    header = response.headers.get("WWW-Authenticate") or ""
    # challenges are "Scheme param=value, param=value, Scheme2 ...": a scheme is a token not followed by "="
    words = [w.strip() for chunk in header.split(",") for w in chunk.strip().split(" ", 1)[:1]]
    return {w.lower() for w in words if w and "=" not in w}


def _why(exc: BaseException) -> str:
    """The innermost system error's text ("Connection refused"), else the exception's own."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or item in seen:
            continue
        seen.append(item)
        todo.extend([item.__cause__, item.__context__, getattr(item, "reason", None),
                     *(a for a in item.args if isinstance(a, BaseException))])
    for item in reversed(seen):
        if isinstance(item, OSError) and item.strerror:
            return item.strerror
    return " ".join(str(exc).split())


def _detail(response: requests.Response) -> str:
    """The start of an error response's text (servers say there what was wrong), on one line;
    an HTML page (Virtuoso answers every error with one) as the text of its body."""
    try:
        raw = response.raw.read(MAX_ERROR_BODY, decode_content=True) or b""
    except Exception:  # the server closed the connection mid-body: what was read is lost anyway
        return ""
    content_type = response.headers.get("Content-Type") or ""
    charset = requests.utils.get_encoding_from_headers(response.headers) if "charset" in content_type else None
    try:
        text = raw.decode(charset or "utf-8", errors="replace")
    except LookupError:  # an unknown charset
        text = raw.decode("utf-8", errors="replace")
    if "html" in content_type or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text = _html_text(text)
    text = " ".join(text.split())
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"


class _PageText(HTMLParser):
    """The text of an HTML page's body (its title if the body has none): no markup, scripts or styles."""

    _SKIPPED = frozenset({"head", "script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED or tag == "title":
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if not self.open:
            self.parts.append(data)
        elif self.open[-1] == "title":
            self.title.append(data)


def _html_text(page: str) -> str:
    parser = _PageText()
    parser.feed(page)
    parser.close()
    text = " ".join(" ".join(parser.parts).split())
    return text or " ".join(" ".join(parser.title).split())
