"""Corpora made of copies of existing articles (seed or development) and their curation files."""

from __future__ import annotations

import shutil
from pathlib import Path

from edugraph.paths import ARTICLES, CURATION

DEV_ARTICLES = Path(__file__).resolve().parents[1] / "dev" / "articles"


def corpus(folder: Path, stems: list[str], source: Path = ARTICLES) -> tuple[Path, Path]:
    """Copy the articles `stems` of `source` (seed articles by default) and their curation files into
    `folder`/articles and `folder`/curation; return both folders."""
    articles, curation = folder / "articles", folder / "curation"
    articles.mkdir(parents=True, exist_ok=True)
    curation.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        for path in (source / f"{stem}.txt", source / f"{stem}.json", CURATION / f"{stem}.yaml"):
            if path.exists():
                shutil.copy(path, (curation if path.suffix == ".yaml" else articles) / path.name)
    return articles, curation
