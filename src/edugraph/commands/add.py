"""`edugraph add`: copy a new article into data/ with its metadata and show what was extracted."""

from __future__ import annotations

from pathlib import Path

from ..paths import ARTICLES


def register(subparsers) -> None:
    parser = subparsers.add_parser("add", help="add an article (text or HTML page) to data/",
                                   description="Copy an article into the articles folder with its metadata, extract "
                                               "its facts and print them for review.")
    parser.add_argument("file", type=Path, metavar="FILE", help="the article: plain UTF-8 text or a saved HTML page")
    parser.add_argument("--title", help="its title (default: the first line of its text)")
    parser.add_argument("--date", help="publication date, ISO 8601 (read from the text when missing)")
    parser.add_argument("--url", help="where it was published")
    parser.add_argument("--place", help="where the source is published (city or region)")
    parser.add_argument("--lang", choices=("ru", "en"), help="language (detected when missing)")
    parser.add_argument("--articles", type=Path, default=ARTICLES, metavar="DIR",
                        help="articles folder to add it to (default: data/articles)")
    parser.set_defaults(func=run)


def run(args) -> int:
    import json

    from ..extract import extract_facts
    from ..facts import trim
    from ..ingest import prepare_article, save_article
    from .build import default_curation

    article = prepare_article(args.file, args.articles, args.title, args.date, args.url, args.place, args.lang)
    facts = trim(extract_facts(article.text, article.language, article.meta()) | {"article": article.id})
    save_article(article)  # only once extraction succeeded
    print(json.dumps(facts, ensure_ascii=False, indent=2))
    build = "edugraph build" if args.articles == ARTICLES else f"edugraph build --articles {args.articles}"
    print(f"added {article.path} ({article.language}, {article.date or 'no date'}); review the facts above and "
          f"correct them in {default_curation(args.articles) / (article.id + '.yaml')}, then run `{build}`")
    return 0
