"""`edugraph build`: the main job."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from ..paths import ARTICLES, BUILD, ONTOLOGY, SHAPES
from .argtypes import positive_int


def register(subparsers) -> None:
    parser = subparsers.add_parser("build", help="build the knowledge graph from the articles",
                                   description="Extract facts from every article, apply curated corrections, map "
                                               "them to RDF, run OWL-RL reasoning and SHACL validation, and write "
                                               "the graphs.")
    parser.add_argument("--articles", type=Path, default=ARTICLES,
                        help="folder of <id>.txt (+ <id>.json) articles (default: data/articles)")
    parser.add_argument("--curation", type=Path, metavar="DIR",
                        help="folder of <id>.yaml curation files (default: the folder `curation` next to the "
                             "articles folder, e.g. data/curation; none when there is no such folder)")
    parser.add_argument("--out", type=Path, default=BUILD,
                        help="output folder (default: build): absent, empty or an earlier build (replaced only "
                             "when the build succeeds)")
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY,
                        help="OWL ontology in Turtle (default: ontology/edugraph.ttl)")
    parser.add_argument("--shapes", type=Path, default=SHAPES,
                        help="SHACL shapes in Turtle (default: ontology/shapes.ttl)")
    parser.add_argument("--strict", action="store_true", help="also fail when OWL-RL finds inconsistencies")
    parser.add_argument("--allow-invalid", action="store_true",
                        help="write the graph even when it violates the SHACL shapes (see shacl-report.txt)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    parser.add_argument("--jobs", "-j", type=positive_int, default=os.cpu_count() or 1, metavar="N",
                        help="extract articles in N processes (default and most: the number of cores)")
    parser.add_argument("--full", action="store_true",
                        help="redo every article instead of reusing the unchanged ones from the previous build")
    parser.add_argument("--reasoner", choices=["reasonable", "owlrl"], default="reasonable",
                        help="OWL-RL engine: reasonable (fast, default) or owlrl (the pure-Python reference)")
    parser.set_defaults(func=run)


def default_curation(articles: Path) -> Path:
    """The curation folder that goes with an articles folder: `curation` beside it (data/articles ->
    data/curation).

    >>> default_curation(Path("data/articles")).as_posix()
    'data/curation'
    """
    return Path(articles).parent / "curation"


@contextlib.contextmanager
def curation_folder(articles: Path, given: Path | None):
    """The curation folder to build with: the one given (which must exist), else the default one beside the
    articles, else an empty folder of its own (an articles folder of one's own need not come with curation)."""
    folder = given if given is not None else default_curation(articles)
    if given is not None or folder.is_dir():
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="edugraph-no-curation-") as empty:
        yield Path(empty)


def usable_jobs(asked: int) -> int:
    """`--jobs`, at most the number of cores: more processes only take memory (`--jobs 10000` forked one per
    article, each holding its own copy of the extraction's state)."""
    cores = os.cpu_count() or 1
    if asked > cores:
        print(f"edugraph: warning: --jobs {asked}: this machine has {cores} cores; extracting in {cores} processes",
              file=sys.stderr)
    return min(asked, cores)


def run(args) -> int:
    from ..build import format_summary, run_build, write_build
    from ..errors import EduGraphError
    from ..output.folder import check_replaceable

    check_replaceable(args.out)
    with curation_folder(args.articles, args.curation) as curation:
        result = run_build(args.articles, curation, args.ontology, args.shapes,
                           progress=not args.quiet and sys.stderr.isatty(), jobs=usable_jobs(args.jobs),
                           previous=None if args.full else args.out, reasoner=args.reasoner)
    if not result.conforms and not args.allow_invalid:
        raise EduGraphError(f"the graph does not conform to {args.shapes}: "
                            f"{result.counts['shacl_violations']} violations; nothing was written "
                            "(--allow-invalid writes it anyway)")
    if args.strict and result.counts["inconsistencies"]:
        raise EduGraphError(f"OWL-RL found {len(result.counts['inconsistencies'])} inconsistencies, e.g. "
                            f"{result.counts['inconsistencies'][0]}; nothing was written")
    write_build(result, args.out)
    if not args.quiet:
        print(format_summary(result.counts, args.out))
    return 0
