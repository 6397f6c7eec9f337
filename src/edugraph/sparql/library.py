"""The query library `queries/*.rq`: each file starts with a comment header

    # ru: Вопрос по-русски?
    # en: The question in English?
    # param: ?region eg:FederalSubject — federal subject: IRI, label or ISO 3166-2 code (optional)
    # example: --param region=Дагестан

`param` lines declare the variables a caller may bind (`(required)` or `(optional)` at the end). A class after
the name (`eg:FederalSubject`, or `rdfs:Resource` for any entity) makes it an entity parameter: its value may
be an IRI, a label in either language or (for places) an ISO 3166-2 code, resolved to one IRI of that class
before the query runs (`params.resolve_names`). A datatype instead (`# param: ?date xsd:date — …`) makes a value
not written as one (`31.12.2023`) an error instead of a plain string.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..files import read_at_most
from ..errors import EduGraphError
from ..limits import limit
from ..paths import QUERIES

HEADER = re.compile(r"^#\s*(ru|en|param|example):\s*(.*?)\s*$")
PARAM = re.compile(r"^\?(?P<name>\w+)(?:\s+(?P<cls>[A-Za-z]\w*:\w+))?\s*(?:—|–|-)+\s*(?P<help>.*?)\s*"
                   r"\((?P<need>required|optional)[^)]*\)$")


@dataclass
class LibraryQuery:
    name: str
    path: Path
    text: str
    question_ru: str = ""
    question_en: str = ""
    params: dict[str, bool] = field(default_factory=dict)  # name -> required
    param_help: dict[str, str] = field(default_factory=dict)
    param_class: dict[str, str] = field(default_factory=dict)  # entity parameters: name -> class (prefixed)
    examples: list[str] = field(default_factory=list)


def read_query(path: Path) -> LibraryQuery:
    """A query file with its header parsed (files without a header take no declared parameters). A folder, pipe or
    device is refused, and a file is read no further than the query limit (a 300 MB .rq file was read whole)."""
    path = Path(path)
    most = limit("MAX_QUERY_CHARS")
    try:
        raw = read_at_most(path, 4 * most)  # a character takes 4 bytes at most in UTF-8
    except IsADirectoryError:
        raise EduGraphError(f"{path}: not a query file but a folder") from None
    except OSError as err:
        raise EduGraphError(f"{path}: cannot read the query: {err.strerror}") from None
    if raw is None:
        raise EduGraphError(too_long(path, most))
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (Notepad) is no SPARQL
    except UnicodeDecodeError as err:
        raise EduGraphError(f"{path}: the query is not UTF-8 text ({err.reason})") from None
    if len(text) > most:
        raise EduGraphError(too_long(path, most))
    query = LibraryQuery(path.stem, path, text)
    for line in text.splitlines():
        match = HEADER.match(line)
        if not line.startswith("#"):
            break
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            param = PARAM.match(value)
            if not param:
                raise EduGraphError(f"{path}: bad param line {line!r} (write: # param: ?name — what it is (optional))")
            query.params[param["name"]] = param["need"] == "required"
            query.param_help[param["name"]] = param["help"]
            if param["cls"]:
                query.param_class[param["name"]] = param["cls"]
        elif key == "example":
            query.examples.append(value)
        else:
            setattr(query, f"question_{key}", value)
    return query


def library(folder: Path = QUERIES) -> list[LibraryQuery]:
    return [read_query(path) for path in sorted(Path(folder).glob("*.rq"))]


def find(name_or_path: str, folder: Path = QUERIES) -> LibraryQuery:
    """A query file by path, or a library query by name (with or without `.rq`)."""
    path = Path(name_or_path)
    if path.is_file() or names_a_file(name_or_path) and path.exists():
        return read_query(path)
    candidate = Path(folder) / f"{path.name.removesuffix('.rq')}.rq"
    if path.parent == Path(".") and candidate.is_file():
        return read_query(candidate)
    raise EduGraphError(unknown_query(name_or_path, sorted(p.stem for p in Path(folder).glob("*.rq"))))


def names_a_file(given: str) -> bool:
    """True when `given` is written as a query file's path (`x.rq`, `dir/x`), not as a library name."""
    return given.endswith(".rq") or os.sep in given or "/" in given


def too_long(where, most: int) -> str:
    return f"{where}: the query is longer than {most} characters (EDUGRAPH_MAX_QUERY_CHARS raises the limit)"


def unknown_query(given: str, names: list[str]) -> str:
    """Why `given` names no query: a query file that is not there, or a library name, with the closest ones.

    >>> unknown_query("people-post", ["people-posts", "timeline"])
    "unknown query 'people-post'; did you mean people-posts? (`edugraph query --list` shows the library)"
    >>> unknown_query("my.rq", ["people-posts"])
    'my.rq: no such query file'
    """
    if names_a_file(given):
        return f"{given}: no such query file"
    close = difflib.get_close_matches(given, names, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    return f"unknown query {given!r}{hint} (`edugraph query --list` shows the library)"
