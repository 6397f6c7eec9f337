"""`edugraph evaluate`: precision, recall and F1 of extraction against gold files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..paths import ARTICLES

TABLE_NOTES = (  # what the columns of the table are, printed under it
    "tp: extracted facts that match a gold fact; sys: facts extracted; gold: facts in the gold files.",
    "P = tp / sys, R = tp / gold, F1 = 2PR / (P + R); overall adds up the counts of every category (micro).",
    "event_dates, event_places, participant_counts: over the events matched with a gold event that gives the value.",
    "real: published news (a url in the metadata); written: articles written for the tests.",
    "Articles the rules were developed on score higher than unseen news: docs/EXTRACTION.md gives held-out "
    "figures.",
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("evaluate", help="score extraction against gold facts",
                                   description="Compare extraction with gold files (<article id>.json in the facts "
                                               "schema) and print precision, recall and F1 per category.")
    parser.add_argument("gold", type=Path, metavar="GOLD_DIR", help="folder of <article id>.json gold files")
    parser.add_argument("--articles", type=Path, metavar="DIR",
                        help="folder with the articles the gold files name (default: the folder `articles` beside "
                             "GOLD_DIR, as tests/dev/articles for tests/dev/gold, else data/articles)")
    parser.add_argument("--only", metavar="REGEX", help="score only the articles whose id matches REGEX "
                        "(e.g. a tuned or held-out slice)")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="table (default, its columns explained under it) or json")
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..errors import EduGraphError
    from ..evaluate import evaluate, format_table

    if not args.gold.is_dir():
        raise EduGraphError(f"{args.gold}: no such gold folder")
    if args.articles is None:
        beside = args.gold.parent / "articles"
        args.articles = beside if beside.is_dir() else ARTICLES
    if args.only:
        try:
            re.compile(args.only)
        except re.error as exc:
            raise EduGraphError(f"--only {args.only}: not a regular expression ({exc})") from None
    if not args.articles.is_dir():
        raise EduGraphError(f"{args.articles}: no such articles folder")
    result = evaluate(args.gold, args.articles, args.only)
    if not result["articles"]:
        raise EduGraphError(f"{args.gold}: no gold file names an article in {args.articles}"
                            + (f" whose id matches --only {args.only}" if args.only else ""))
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.format == "json"
          else "\n".join([format_table(result), "", *TABLE_NOTES]))
    return 0
