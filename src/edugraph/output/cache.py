"""Per-article build results kept in `<build>/cache/` so that the next build redoes only what changed.

An entry (`cache/<key>.entry`) holds an article's merged facts and its named graph (sorted N-Triples) and
names its part of the gazetteer graph (the places, initiatives and concepts it refers to, sorted N-Triples),
a file of `cache/background/` that every article with the same part shares. The key hashes everything the
entry depends on: the article text and metadata, its curation, and the build's fingerprint: the ontology, the
gazetteers and the code of this package that makes a build (everything but the read side, `READ_SIDE`: pages,
queries, loading, analysis and the command-line front never change an entry). A build keeps only the entries
of its own articles.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

from .. import __file__ as PACKAGE_INIT
from ..errors import EduGraphError
from ..paths import GAZETTEERS

CACHE_DIR = "cache"
READ_SIDE = ("viz", "sparql", "loading", "analysis", "commands")  # subpackages downstream of the build
STORE_WRITER = ("sparql", "store.py")  # but this one writes the build's store from the previous one's (a fix to it
                                       # must not leave a kept store as it was)


def _hash_files(digest, paths) -> None:
    for path in sorted(paths):
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")


def fingerprint(ontology_path: Path, gazetteers: Path = GAZETTEERS, package: Path = Path(PACKAGE_INIT).parent) -> str:
    """Hash of what every article's result depends on besides the article: ontology, gazetteers, the build's code."""
    digest = hashlib.sha256()
    _hash_files(digest, [p for p in package.rglob("*.py") if p.relative_to(package).parts[0] not in READ_SIDE
                         or p.relative_to(package).parts == STORE_WRITER])
    _hash_files(digest, [p for p in Path(gazetteers).rglob("*") if p.is_file()])
    _hash_files(digest, [Path(ontology_path)])
    return digest.hexdigest()


def article_key(fingerprint_: str, article, curation) -> str:
    """The cache key of one article: its text, metadata and curation (its content, not where the file is)
    under the build's fingerprint."""
    content = getattr(curation, "data", curation)
    data = json.dumps([fingerprint_, article.id, article.text, article.meta(), content],
                      ensure_ascii=False, sort_keys=True, default=str)
    return text_digest(data)


def text_digest(text: str) -> str:
    """The SHA-256 of a text's UTF-8 bytes, in hex: names a background file and a file chunk, and vouches for
    the previous build's `inferred.nt` (summary.json)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


ENTRY_SUFFIX = ".entry"
BACKGROUND_DIR = "background"
HEX = frozenset("0123456789abcdef")


# an entry file's first line, as `json.dumps({"background": hash, "facts": facts}, sort_keys=True)` writes it
HEADER_START, FACTS_START, HEADER_END = b'{"background": "', b'", "facts": ', b"}\n"


class Entry(dict):
    """An article's cache entry: its facts, its graph and its part of the gazetteer graph ("facts", "graph",
    "background"). `build` is the build folder it was read from (its files can be linked into the next build),
    `background_hash` the name of its background file there. The facts of an entry read from a file are parsed
    when first asked for (most builds only link the file of a reused article's facts)."""

    build: Path
    background_hash: str
    facts_json: bytes | None = None

    def __missing__(self, key: str):
        if key != "facts" or self.facts_json is None:
            raise KeyError(key)
        try:
            facts = json.loads(self.facts_json)
        except ValueError:
            facts = None
        if not isinstance(facts, dict):
            raise EduGraphError(f"{self.build / CACHE_DIR}: a cache entry holds damaged facts; "
                                "run `edugraph build --full`")
        self["facts"] = facts
        return facts


class EntryFacts(Mapping):
    """The facts of cache entries by article id (`ids` in the order of `entries`), each parsed when first read."""

    def __init__(self, ids: list[str], entries: list[dict]):
        self._entries = dict(zip(ids, entries))

    def __getitem__(self, article_id: str) -> dict:
        return self._entries[article_id]["facts"]

    def __iter__(self):
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def _is_hash(value) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= HEX


def read_entry(build_dir: Path, key: str, backgrounds: dict[str, str] | None = None) -> Entry | None:
    """The cached entry of a previous build, or None (missing, unreadable or malformed: the article is redone).

    An entry file (`cache/<key>.entry`) is one JSON line, `{"background": hash, "facts": {...}}`, then the
    article's graph as sorted N-Triples: reading it decodes no N-Triples from JSON strings. Articles about the
    same places share one background file, `cache/background/<hash>.nt`, read once into `backgrounds` (by hash;
    articles with the same background then share one string).
    """
    backgrounds = {} if backgrounds is None else backgrounds
    cache = os.path.join(build_dir, CACHE_DIR)  # plain strings: Path objects cost more than the reading
    facts_at = len(HEADER_START) + 64 + len(FACTS_START)
    try:
        with open(os.path.join(cache, key + ENTRY_SUFFIX), "rb") as handle:
            header, graph = handle.readline(), handle.read().decode("utf-8")
        digest = header[len(HEADER_START):facts_at - len(FACTS_START)].decode("ascii")
        if not (header.startswith(HEADER_START) and header.startswith(FACTS_START, facts_at - len(FACTS_START))
                and header.endswith(HEADER_END) and _is_hash(digest)):
            return None
        if digest not in backgrounds:
            with open(os.path.join(cache, BACKGROUND_DIR, digest + ".nt"), encoding="utf-8") as handle:
                backgrounds[digest] = handle.read()
    except (OSError, ValueError):  # also UnicodeDecodeError
        return None
    entry = Entry(graph=graph, background=backgrounds[digest])
    entry.build, entry.background_hash = build_dir if isinstance(build_dir, Path) else Path(build_dir), digest
    entry.facts_json = header[facts_at:-len(HEADER_END)]
    return entry


def reused_from(entry: dict) -> Path | None:
    """The build folder a cache entry was read from, or None for an entry computed by this build."""
    return getattr(entry, "build", None)


class Links:
    """Hard links of files of the builds that entries were read from into a new build folder, by name in folders
    opened once (a path resolved per file cost more than the link itself: 20,000 files at 10,000 articles)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.opened: dict[tuple[str, str], int] = {}

    def __enter__(self):
        return self

    def __exit__(self, *_):
        for fd in self.opened.values():
            os.close(fd)
        self.opened.clear()

    def _fd(self, build: Path, subfolder: str) -> int:
        key = (os.fspath(build), subfolder)  # a str: its hash is kept, a Path's is not (one Path per entry)
        if key not in self.opened:
            self.opened[key] = os.open(os.path.join(*key), os.O_RDONLY | os.O_DIRECTORY)
        return self.opened[key]

    def link(self, entry: dict, subfolder: str, name: str) -> bool:
        """Hard-link `<build>/<subfolder>/<name>` of the build the entry was read from into this folder (the same
        bytes: that build wrote it from this entry); False when the entry is new or the link cannot be made."""
        build = reused_from(entry)
        if build is None:
            return False
        try:
            os.link(name, name, src_dir_fd=self._fd(build, subfolder), dst_dir_fd=self._fd(self.folder, subfolder))
        except OSError:
            return False
        return True


def write_entries(folder: Path, entries: dict[str, dict]) -> None:
    """`cache/<key>.entry` of every entry (by key) and the background files they name in `folder`: linked from the
    previous build when the entry comes from there, else written."""
    cache = Path(folder) / CACHE_DIR
    (cache / BACKGROUND_DIR).mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    with Links(folder) as links:
        for key, entry in entries.items():
            digest = getattr(entry, "background_hash", None) or text_digest(entry["background"])
            if digest not in written:
                if not links.link(entry, f"{CACHE_DIR}/{BACKGROUND_DIR}", f"{digest}.nt"):
                    (cache / BACKGROUND_DIR / f"{digest}.nt").write_text(entry["background"], encoding="utf-8")
                written.add(digest)
            if not links.link(entry, CACHE_DIR, f"{key}{ENTRY_SUFFIX}"):
                header = json.dumps({"background": digest, "facts": entry["facts"]}, ensure_ascii=False,
                                    sort_keys=True)
                (cache / f"{key}{ENTRY_SUFFIX}").write_text(f"{header}\n{entry['graph']}", encoding="utf-8")
