"""What each article of the previous build was read from, `cache/inputs.json`: an article whose files have
the same bytes is not checked, parsed and hashed again.

For each article it holds the SHA-256 of its input bytes (text, metadata and curation files), the metadata
the article was read with (`Article.meta()`: title, language and date may come from the text) and its cache
key. The whole file holds only under its stamp: the build's fingerprint (code, ontology, gazetteers), the
metadata and curation schemas and the input limits; a change to any of these reads every article afresh.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..limits import DEFAULTS, limit
from ..paths import CURATION_SCHEMA, METADATA_SCHEMA
from .cache import CACHE_DIR

INPUTS = Path(CACHE_DIR) / "inputs.json"
LIMITS = {".txt": "MAX_ARTICLE_BYTES", ".json": "MAX_METADATA_BYTES", ".yaml": "MAX_CURATION_BYTES"}


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
        with open(path, "rb") as handle:
            raw = handle.read(limit(LIMITS[path.suffix]) + 1)
    except FileNotFoundError:
        if path.is_symlink():  # a link to nowhere
            raise Unreadable(path) from None
        return None
    except OSError:
        raise Unreadable(path) from None
    if len(raw) > limit(LIMITS[path.suffix]):
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
    """`cache/inputs.json` of a build: its stamp and the record of each article (digest, meta, key)."""
    path = Path(folder) / INPUTS
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"stamp": stamp, "articles": records}, ensure_ascii=False, sort_keys=True),
                    encoding="utf-8")
