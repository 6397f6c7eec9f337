"""`edugraph stats`: network analytics of the built graph."""

from __future__ import annotations

from pathlib import Path

from ..paths import BUILD
from .argtypes import positive_int


def register(subparsers) -> None:
    parser = subparsers.add_parser("stats", help="network figures: counts, central entities, components, communities",
                                   description="Node and edge counts by class and property, the most central people, "
                                               "institutions and initiatives, connected components and Louvain "
                                               "communities of the built graph (networkx).")
    parser.add_argument("--build", type=Path, default=BUILD, help="build folder to read (default: build/)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default, each figure explained under it), csv (a column per figure) or json")
    parser.add_argument("--out", type=Path, help="write to this file instead of standard output")
    parser.add_argument("--top", type=positive_int, default=10,
                        help="how many central entities and communities (default 10)")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru", help="language of the labels")
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..errors import EduGraphError
    from ..analysis.network import load
    from ..analysis.metrics import compute, format_stats
    from .guard import refuse_build_entry

    if args.out and args.out.is_dir():
        raise EduGraphError(f"{args.out}: --out must be a file, and this is a folder")
    if args.out:
        refuse_build_entry(args.out, "--out")
    text = format_stats(compute(load(args.build), args.top, args.lang), args.format)
    if args.out:
        try:
            args.out.write_text(text + "\n", encoding="utf-8")
        except OSError as err:
            raise EduGraphError(f"cannot write {args.out}: {err.strerror}") from None
    else:
        print(text)
    return 0
