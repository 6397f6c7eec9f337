"""`edugraph extract`: print the facts found in articles."""

from __future__ import annotations

import json
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("extract", help="print the facts found in articles",
                                   description="Extract persons, posts, organisations, places, initiatives and events "
                                               "from each article; JSON follows data/facts.schema.json.")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="article .txt files (the <id>.json metadata beside each is used) or saved web pages")
    parser.add_argument("--format", choices=("json", "ttl"), default="json",
                        help="json: the facts (default); ttl: the article's RDF graph in Turtle, as the build maps it")
    parser.add_argument("--lang", choices=("ru", "en", "auto"), default="auto",
                        help="read every file as Russian or English (default auto: the metadata's language, else "
                             "detected)")
    parser.add_argument("--full", action="store_true",
                        help="JSON: keep the pipeline's extension keys (organisers, venue…)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..articles import read_article
    from ..extract import extract_facts
    from ..facts import trim
    from ..mapping import article_graph
    from ..namespaces import bind_prefixes
    from ..resolve import resolve_article

    articles = [read_article(path) for path in args.files]  # check every file before printing anything
    documents = []
    for article in articles:
        lang = article.language if args.lang == "auto" else args.lang
        facts = extract_facts(article.text, lang, article.meta()) | {"article": article.id}
        if args.format == "ttl":
            graph = article_graph(resolve_article(article, facts))
            bind_prefixes(graph)
            print(f"# article {article.id}\n" + graph.serialize(format="turtle"))
        else:
            documents.append(facts if args.full else trim(facts))
    if args.format == "json":
        print(json.dumps(documents[0] if len(documents) == 1 else documents, ensure_ascii=False, indent=2))
    return 0
