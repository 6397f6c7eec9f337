"""`edugraph viz`: interactive HTML pages of the graph, in Russian and English, that work offline."""

from __future__ import annotations

import sys
from pathlib import Path

from ..paths import BUILD
from .argtypes import positive_int as positive

VIEW_CHOICES = ("all", "initiatives", "regions", "ego", "people-events", "institutions-initiatives", "topics")


def register(subparsers) -> None:
    parser = subparsers.add_parser("viz", help="write interactive HTML pages of the graph",
                                   description="Write HTML pages that need no network access, each in Russian and "
                                               "English with a switch on the page: the whole graph, one page per "
                                               "initiative and per federal subject, an ego network around --focus, "
                                               "people and events, institutions and initiatives, topics, and the "
                                               "overview index.html. vis-network is written once into OUT/lib/.")
    parser.add_argument("--build", type=Path, default=BUILD, help="build folder to read (default: build/)")
    parser.add_argument("--out", type=Path, help="output folder (default: BUILD/viz)")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru", help="language the pages open in (default ru)")
    parser.add_argument("--focus", metavar="LABEL_OR_IRI", help="entity for the ego network (label in either language)")
    parser.add_argument("--depth", type=positive, default=1, help="hops around --focus (default 1)")
    parser.add_argument("--view", action="append", choices=VIEW_CHOICES,
                        help="page kind to write; repeatable (default: all kinds, ego only with --focus)")
    parser.add_argument("--co-mentions", action="store_true",
                        help="initiative pages also show what the initiative's articles mention")
    parser.add_argument("--communities", action="store_true", help="colour nodes by Louvain community")
    parser.add_argument("--central", type=int, default=10, metavar="N",
                        help="the overview lists (and writes ego pages for) the N most central people and "
                             "organisations (default 10; 0: none)")
    parser.add_argument("--max-nodes", type=positive, default=1500,
                        help="reduce bigger pages to the most central nodes (default 1500)")
    parser.add_argument("--open", action="store_true", help="open the overview (or the ego page) in the browser")
    parser.set_defaults(func=run)


def run(args) -> int:
    import webbrowser

    from ..analysis.network import load
    from ..errors import EduGraphError
    from ..viz import VIEWS, select_views, write_site
    from .guard import refuse_build_entry

    kinds = args.view or [kind for kind in VIEWS if kind != "ego" or args.focus]
    if "ego" in kinds and not args.focus:
        raise EduGraphError("--view ego needs --focus LABEL_OR_IRI")
    if args.focus and "ego" not in kinds:
        kinds.append("ego")
    if args.central < 0:
        raise EduGraphError(f"--central must be 0 or more, got {args.central}")
    out = args.out or args.build / "viz"
    if out.exists() and not out.is_dir():
        raise EduGraphError(f"{out}: --out must be a folder, and this is a file")
    refuse_build_entry(out, "--out")
    graph = load(args.build)
    views = select_views(graph, kinds, args.focus, args.depth, args.co_mentions)
    try:
        pages = write_site(graph, out, views, args.lang, args.communities, args.max_nodes, args.central)
    except OSError as err:
        raise EduGraphError(f"{err.filename or out}: cannot write: {err.strerror}") from None
    for page in pages:
        print(f"{out / page['file']}  {page['nodes']} nodes, {page['edges']} edges")
    print(f"{out / 'index.html'}")
    ego = next((page["file"] for page in pages if page["file"].startswith("ego-") and not page["central"]), None)
    if args.focus and ego is None:
        print(f"edugraph: warning: --focus {args.focus}: the entity is linked to nothing in the graph, so no ego page "
              f"was written (`edugraph query entity-facts --param entity=…` shows what is known of it)",
              file=sys.stderr)
    if args.open:
        url = (out / (ego or "index.html")).resolve().as_uri()
        if not webbrowser.open(url):
            print(f"edugraph: warning: no web browser could be started here; open {url} in one", file=sys.stderr)
    return 0
