"""`edugraph viz`: interactive, self-contained HTML pages of the graph."""

from __future__ import annotations

from pathlib import Path

from ..paths import BUILD
from .argtypes import positive_int as positive

VIEW_CHOICES = ("all", "initiatives", "ego", "people-events", "institutions-initiatives")


def register(subparsers) -> None:
    parser = subparsers.add_parser("viz", help="write interactive HTML pages of the graph",
                                   description="Write self-contained HTML pages (no network access needed): the whole "
                                               "graph, one page per initiative, an ego network around --focus, people "
                                               "and events, institutions and initiatives, and index.html.")
    parser.add_argument("--build", type=Path, default=BUILD, help="build folder to read (default: build/)")
    parser.add_argument("--out", type=Path, help="output folder (default: BUILD/viz)")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru", help="language of the node labels")
    parser.add_argument("--focus", metavar="LABEL_OR_IRI", help="entity for the ego network (label in either language)")
    parser.add_argument("--depth", type=positive, default=1, help="hops around --focus (default 1)")
    parser.add_argument("--view", action="append", choices=VIEW_CHOICES,
                        help="page kind to write; repeatable (default: all kinds, ego only with --focus)")
    parser.add_argument("--communities", action="store_true", help="colour nodes by Louvain community")
    parser.add_argument("--no-physics", action="store_true", help="freeze the layout once it is computed")
    parser.add_argument("--max-nodes", type=positive, default=1500,
                        help="reduce bigger pages to the most central nodes (default 1500)")
    parser.add_argument("--open", action="store_true", help="open the first page in the default browser")
    parser.set_defaults(func=run)


def run(args) -> int:
    import webbrowser

    from ..errors import EduGraphError
    from ..analysis.network import load
    from ..viz import VIEWS, select_views, write_pages

    kinds = args.view or [kind for kind in VIEWS if kind != "ego" or args.focus]
    if "ego" in kinds and not args.focus:
        raise EduGraphError("--view ego needs --focus LABEL_OR_IRI")
    if args.focus and "ego" not in kinds:
        kinds.append("ego")
    args.out = args.out or args.build / "viz"
    if args.out.exists() and not args.out.is_dir():
        raise EduGraphError(f"{args.out}: --out must be a folder, and this is a file")
    graph = load(args.build)
    views = select_views(graph, kinds, args.lang, args.focus, args.depth)
    pages = write_pages(graph, args.out, views, args.lang, args.communities, not args.no_physics, args.max_nodes)
    for page in pages:
        print(f"{args.out / page['file']}  {page['nodes']} nodes, {page['edges']} edges")
    print(f"{args.out / 'index.html'}")
    if args.open:
        target = next((p["file"] for p in pages if p["file"].startswith("ego-")), "index.html")
        webbrowser.open((args.out / target).resolve().as_uri())
    return 0
