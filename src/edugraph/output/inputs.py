"""What each article of the previous build was read from, `cache/inputs.json`: an article whose files have
the same bytes is not checked, parsed and hashed again.

For each article it holds the SHA-256 of its input bytes (text, metadata and curation files), the metadata
the article was read with (`Article.meta()`: title, language and date may come from the text), its cache
key and the size, modification time, inode and status-change time of each of the three files (`input_stats`).
When all four are the same for the three files, the files are taken to hold the same bytes without being hashed
again, as make and git do: writing a file changes its modification time, and replacing it its inode and
status-change time (a file changed within `RACY_SECONDS` of being read is hashed next time too, since its times
may not have moved yet). `edugraph build --full` reads and hashes everything. The whole file holds only under its
stamp: the build's fingerprint (code, ontology, gazetteers), the metadata and curation schemas and the input
limits; a change to any of these reads every article afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from ..files import read_at_most
from ..limits import DEFAULTS, limit
from ..paths import CURATION_SCHEMA, METADATA_SCHEMA
from .cache import CACHE_DIR

INPUTS = Path(CACHE_DIR) / "inputs.json"
LIMITS = {".txt": "MAX_ARTICLE_BYTES", ".json": "MAX_METADATA_BYTES", ".yaml": "MAX_CURATION_BYTES"}
RACY_SECONDS = 2  # file times may lag behind a write by a clock tick: a file this recent is hashed next time


def inputs_stamp(fingerprint: str) -> str:
    """What the reading of every article depends on besides its files."""
    digest = hashlib.sha256(fingerprint.encode("ascii"))
    for schema in (METADATA_SCHEMA, CURATION_SCHEMA):
        digest.update(Path(schema).read_bytes())
    digest.update(json.dumps({name: limit(name) for name in DEFAULTS}, sort_keys=True).encode("ascii"))
    return digest.hexdigest()


class Unreadable(Exception):
    """An input file that cannot be read within its limit: the article is read the usual way, which says why."""


def _bounded(path: Path) -> bytes | None:
    """The bytes of an input file within its size limit, or None when there is no such file."""
    try:
        raw = read_at_most(path, limit(LIMITS[path.suffix]))
    except FileNotFoundError:
        if path.is_symlink():  # a link to nowhere
            raise Unreadable(path) from None
        return None
    except OSError:
        raise Unreadable(path) from None
    if raw is None:
        raise Unreadable(path)
    return raw


def input_digest(text_path: Path, curation_path: Path) -> tuple[str, bytes] | None:
    """The SHA-256 of an article's input files (text, metadata, curation; an absent file counts as such) and the
    bytes of its text, or None when one of them cannot be read within its limit."""
    text_path = Path(text_path)
    digest = hashlib.sha256()
    try:
        files = [_bounded(path) for path in (text_path, text_path.with_suffix(".json"), Path(curation_path))]
    except Unreadable:
        return None
    if files[0] is None:
        return None
    for raw in files:
        digest.update(b"-" if raw is None else b"%d:" % len(raw) + raw)
    return digest.hexdigest(), files[0]


def input_stats(text_path: str, curation_path: str) -> list | None:
    """[size, modification time, inode, status-change time] of an article's text, metadata and curation files
    (None for an absent one), taken before they are read; None when one cannot be looked at, or changed too
    recently for its times to vouch for its bytes (`RACY_SECONDS`)."""
    found = []
    for path in (text_path, os.path.splitext(text_path)[0] + ".json", curation_path):
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):  # a link to nowhere: read the usual way, which says why
                return None
            found.append(None)
            continue
        except OSError:
            return None
        found.append([stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_ctime_ns])
    latest = max((max(stat[1], stat[3]) for stat in found if stat is not None), default=0)
    return found if time.time_ns() - latest >= RACY_SECONDS * 10**9 else None


def unchanged_text(text_path: str, max_bytes: int) -> bytes | None:
    """The bytes of an article's text whose files `input_stats` vouched for, or None if it cannot be read within
    `max_bytes` (the limit, looked up once by the caller)."""
    try:
        with open(text_path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError:
        return None
    return raw if len(raw) <= max_bytes else None


def read_inputs(build_dir: Path | None, stamp: str) -> dict[str, dict]:
    """The records of the articles of a previous build made under the same stamp, by article id ({} when there
    are none, or the file cannot be read)."""
    if build_dir is None:
        return {}
    try:
        data = json.loads((Path(build_dir) / INPUTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("stamp") != stamp or not isinstance(data.get("articles"), dict):
        return {}
    return {article_id: record for article_id, record in data["articles"].items()
            if isinstance(record, dict) and isinstance(record.get("digest"), str)
            and isinstance(record.get("key"), str) and isinstance(record.get("meta"), dict)}


def write_inputs(folder: Path, stamp: str, records: dict[str, dict]) -> None:
    """`cache/inputs.json` of a build: its stamp and the record of each article (digest, meta, key, stat)."""
    path = Path(folder) / INPUTS
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"stamp": stamp, "articles": records}, ensure_ascii=False, sort_keys=True),
                    encoding="utf-8")
