"""Corpora made of copies of existing articles (seed or development), with their curation files or without."""

from __future__ import annotations

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


def corpus(folder: Path, stems: list[str], source: Path = ARTICLES) -> tuple[Path, Path]:
    """Copy the articles `stems` of `source` (seed articles by default) and their curation files into
    `folder`/articles and `folder`/curation; return both folders."""
    articles, curation = copy_articles(folder / "articles", stems, source), folder / "curation"
    curation.mkdir(parents=True, exist_ok=True)
    for path in (CURATION / f"{stem}.yaml" for stem in stems):
        if path.exists():
            shutil.copy(path, curation / path.name)
    return articles, curation
