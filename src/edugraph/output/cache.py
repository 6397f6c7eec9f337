"""Per-article build results kept in `<build>/cache/` so that the next build redoes only what changed.

An entry (`cache/<key>.json`) holds an article's merged facts, its named graph and its part of the gazetteer
graph (the places, initiatives and concepts it refers to), both as sorted N-Triples. The key hashes
everything the entry depends on: the article text and metadata, its curation, and the build's
fingerprint: the ontology, the gazetteers and the code of this package that makes a build (everything but the
read side, `READ_SIDE`: pages, queries, loading, analysis and the command-line front never change an entry). A build keeps only the entries of its own articles.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .. import __file__ as PACKAGE_INIT
from ..paths import GAZETTEERS

CACHE_DIR = "cache"
READ_SIDE = ("viz", "sparql", "loading", "analysis", "commands")  # subpackages downstream of the build


def _hash_files(digest, paths) -> None:
    for path in sorted(paths):
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")


def fingerprint(ontology_path: Path, gazetteers: Path = GAZETTEERS, package: Path = Path(PACKAGE_INIT).parent) -> str:
    """Hash of what every article's result depends on besides the article: ontology, gazetteers, the build's code."""
    digest = hashlib.sha256()
    _hash_files(digest, [p for p in package.rglob("*.py") if p.relative_to(package).parts[0] not in READ_SIDE])
    _hash_files(digest, [p for p in Path(gazetteers).rglob("*") if p.is_file()])
    _hash_files(digest, [Path(ontology_path)])
    return digest.hexdigest()


def article_key(fingerprint_: str, article, curation) -> str:
    """The cache key of one article: its text, metadata and curation (its content, not where the file is)
    under the build's fingerprint."""
    content = getattr(curation, "data", curation)
    data = json.dumps([fingerprint_, article.id, article.text, article.meta(), content],
                      ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


ENTRY_KEYS = {"facts": dict, "graph": str, "background": str}


class Entry(dict):
    """A cache entry read from the build folder `build` (its files can be linked into the next build)."""

    build: Path


def read_entry(build_dir: Path, key: str) -> Entry | None:
    """The cached entry of a previous build, or None (missing, unreadable or malformed: the article is redone)."""
    try:
        entry = json.loads((Path(build_dir) / CACHE_DIR / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or any(not isinstance(entry.get(k), t) for k, t in ENTRY_KEYS.items()):
        return None
    entry = Entry(entry)
    entry.build = Path(build_dir)
    return entry


def reused_from(entry: dict) -> Path | None:
    """The build folder a cache entry was read from, or None for an entry computed by this build."""
    return getattr(entry, "build", None)


def linked(entry: dict, relative: str, target: Path) -> bool:
    """Hard-link the file `relative` of the build the entry was read from to `target` (the same bytes: that
    build wrote it from this entry); False when the entry is new or the link cannot be made."""
    build = reused_from(entry)
    if build is None:
        return False
    try:
        os.link(build / relative, target)
    except OSError:
        return False
    return True


def write_entry(folder: Path, key: str, entry: dict) -> None:
    """`cache/<key>.json` in `folder`: linked from the previous build when the entry comes from there."""
    path = Path(folder) / CACHE_DIR / f"{key}.json"
    path.parent.mkdir(exist_ok=True)
    if not linked(entry, f"{CACHE_DIR}/{key}.json", path):
        path.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True), encoding="utf-8")
