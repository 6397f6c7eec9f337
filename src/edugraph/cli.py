"""The `edugraph` command line: sub-commands live in `edugraph.commands`."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__
from .errors import EduGraphError

COMMANDS = ["build", "extract", "add", "evaluate", "query", "serve", "viz", "stats", "load"]


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edugraph", description="A knowledge graph of Russian educational "
                                     "initiatives built from news articles.")
    parser.add_argument("--version", action="version", version=f"edugraph {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except EduGraphError as err:
        print(f"edugraph: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("edugraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # last resort: one line, never a traceback, unless asked
        if os.environ.get("EDUGRAPH_DEBUG"):
            raise
        print(f"edugraph: internal error: {type(err).__name__}: {err} "
              "(set EDUGRAPH_DEBUG=1 for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
