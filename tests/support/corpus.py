"""Corpora made of copies of existing articles (seed or development), with their curation files or without."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from edugraph.paths import ARTICLES, CURATION

DEV_ARTICLES = Path(__file__).resolve().parents[1] / "dev" / "articles"


def copy_articles(folder: Path, stems: list[str], source: Path = DEV_ARTICLES) -> Path:
    """Copy the articles `stems` of `source` (development articles by default: text and metadata, no curation)
    into `folder`; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        for suffix in (".txt", ".json"):
            shutil.copy(source / f"{stem}{suffix}", folder / f"{stem}{suffix}")
    return folder


def build_dev(root: Path, stems: list[str], written: dict[str, str] | None = None) -> Path:
    """`edugraph build` (no curation) of the development articles `stems`, copied into `root`/articles with the
    files `written` (name -> text) beside them; assert it succeeds and conforms to the shapes; return the build."""
    from edugraph.cli import main

    articles = copy_articles(root / "articles", stems)
    for name, text in (written or {}).items():
        (articles / name).write_text(text, encoding="utf-8")
    assert main(["build", "--articles", str(articles), "--out", str(root / "build"), "--quiet", "--jobs", "1"]) == 0
    assert json.loads((root / "build" / "summary.json").read_text(encoding="utf-8"))["shacl_conforms"] is True
    return root / "build"


def corpus(folder: Path, stems: list[str], source: Path = ARTICLES) -> tuple[Path, Path]:
    """Copy the articles `stems` of `source` (seed articles by default) and their curation files into
    `folder`/articles and `folder`/curation; return both folders."""
    articles, curation = copy_articles(folder / "articles", stems, source), folder / "curation"
    curation.mkdir(parents=True, exist_ok=True)
    for path in (CURATION / f"{stem}.yaml" for stem in stems):
        if path.exists():
            shutil.copy(path, curation / path.name)
    return articles, curation
