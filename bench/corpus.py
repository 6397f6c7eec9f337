"""Generate a synthetic corpus from the seed articles, for benchmarks.

    python bench/corpus.py --articles 1000 --out bench/out/corpus-1000

Each generated article is one of the real articles (the seeds in data/articles and the development
corpus in tests/dev/articles) with varied details: other school numbers, participant counts, years and
(for indeclinable surnames and English names) other people from small pools, so that, as in news, the
same people, organisations and posts come back in many articles while others are new. Metadata files are written
beside the texts like in data/articles/. The output is deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from edugraph.articles import read_article
from edugraph.errors import EduGraphError

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "data" / "articles", ROOT / "tests" / "dev" / "articles")
SURNAMES = ["Калиниченко", "Макаренко", "Петренко", "Коваленко", "Шевченко", "Бондаренко", "Ткаченко",
            "Кравченко", "Савченко", "Марченко", "Лысенко", "Руденко", "Гончаренко", "Бойко", "Кучеренко"]
ENGLISH = ["Sergey Kozhevnikov", "Valeria Zotova", "Valery Volkov", "Natalia Gubkova", "Irina Smirnova",
           "Pavel Orlov", "Olga Belova", "Dmitry Sokolov", "Anna Lebedeva", "Maxim Egorov", "Elena Kozlova"]
NUMBER = re.compile(r"(№\s?|No\. )(\d{2,4})")
COUNT = re.compile(r"\b(70|140|200|120) (человек|people|руководителей)")
YEAR = re.compile(r"\b(202[0-4])\b")


def vary(text: str, rng: random.Random) -> str:
    """One variant of a seed text."""
    for surname in ("Калиниченко", "Макаренко"):
        text = text.replace(surname, rng.choice(SURNAMES))
    for name in ENGLISH[:4]:
        text = text.replace(name, rng.choice(ENGLISH))
    text = NUMBER.sub(lambda m: f"{m.group(1)}{rng.randint(10, 999)}", text)
    text = COUNT.sub(lambda m: f"{rng.randint(20, 400)} {m.group(2)}", text)
    shift = rng.randint(0, 2)
    return YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)


def buildable(path: Path) -> bool:
    """Whether the build accepts the article (the development corpus also holds deliberately bad ones)."""
    try:
        read_article(path)
    except EduGraphError:
        return False
    return True


def generate(count: int, out: Path, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    seeds = [path for folder in SOURCES for path in sorted(folder.glob("*.txt")) if buildable(path)]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        source = seeds[index % len(seeds)]
        meta = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        article_id = f"{index:05d}_{source.stem.split('_')[-1]}"
        text = vary(source.read_text(encoding="utf-8"), rng)
        meta.update(id=article_id, title=text.splitlines()[0], source=f"generated from {source.stem}")
        (out / f"{article_id}.txt").write_text(text, encoding="utf-8")
        (out / f"{article_id}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(out / f"{article_id}.txt")
    return paths


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.articles, args.out, args.seed)
    print(f"wrote {args.articles} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
