"""Extraction speed on the real development corpus (tests/dev/articles/real_*), per core, after model load.

    .venv/bin/python bench/extract.py [--rounds 3] [--min-rate 15]

Loads the models once (a warm-up article), then extracts every real development article `--rounds` times in
one process (one core) with the per-call caches cleared between rounds, and prints articles per second of
CPU time (the process's own time, so other load on the machine does not count),
characters per second and the ratio to the required rate (issue 9: at least 15 articles/s per core).
Exits 1 when the rate is below --min-rate.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "dev" / "articles"


def _clear_caches() -> None:
    """Forget per-text caches so that every round does the work again (model and gazetteer loads stay)."""
    from edugraph.extract import dates, names

    for cached in (dates.find_dates, names.normalise_person, names.nominative_phrase, names.organisation_key,
                   names.same_organisation, names.main_words):
        cached.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--min-rate", type=float, default=15.0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from edugraph.extract import extract_facts

    corpus = []
    for path in sorted(ARTICLES.glob("real_*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        corpus.append((path.read_text(encoding="utf-8"), meta))
    if not corpus:
        print("bench/extract.py: no real development articles in tests/dev/articles", file=sys.stderr)
        return 1
    start = time.perf_counter()
    extract_facts(corpus[0][0], corpus[0][1].get("language"), corpus[0][1])  # loads natasha, pymorphy, gazetteers
    load = time.perf_counter() - start
    elapsed = wall = 0.0
    for _ in range(args.rounds):
        _clear_caches()
        start, start_wall = time.process_time(), time.perf_counter()
        for text, meta in corpus:
            extract_facts(text, meta.get("language"), meta)
        elapsed += time.process_time() - start
        wall += time.perf_counter() - start_wall
    count = len(corpus) * args.rounds
    chars = sum(len(text) for text, _ in corpus) * args.rounds
    rate = count / elapsed
    languages = {lang: sum(1 for _, m in corpus if m.get("language") == lang) for lang in ("ru", "en")}
    print(f"articles: {len(corpus)} real ({languages['ru']} ru, {languages['en']} en), rounds: {args.rounds}")
    print(f"model load + first article: {load:.2f} s")
    print(f"extraction: {rate:.1f} articles/s per core (CPU time), {chars / elapsed / 1000:.0f} k characters/s, "
          f"{1000 * elapsed / count:.1f} ms per article; wall clock {count / wall:.1f} articles/s "
          f"(lower on a busy machine)")
    print(f"ratio to the required {args.min_rate:g} articles/s: {rate / args.min_rate:.2f}")
    return 0 if rate >= args.min_rate else 1


if __name__ == "__main__":
    sys.exit(main())
