"""The `edugraph` command line: sub-commands live in `edugraph.commands`."""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import re
import sys

from . import __version__
from .errors import EduGraphError, visible
from .interrupt import Terminated, terminate_as_interrupt

SURROGATE = re.compile("[\ud800-\udfff]")
COMMANDS = ["build", "extract", "add", "evaluate", "query", "serve", "viz", "stats", "load"]


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line `edugraph: error: ...` (exit 2), not usage text."""

    def error(self, message: str):
        print(f"edugraph: error: {self.prog}: {message} (see `{self.prog} --help`)", file=sys.stderr)
        sys.exit(2)


def os_error_message(err: OSError) -> str:
    """`FILE: reason` for an error of the operating system (disk full, permission denied...)."""
    where = f"{err.filename}: " if err.filename else ""
    return f"{where}{err.strerror or err}"


def make_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="edugraph", description="A knowledge graph of Russian educational "
                                     "initiatives built from news articles.")
    parser.add_argument("--version", action="version", version=f"edugraph {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).register(subparsers)
    return parser


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """The arguments; one not known is reported by its command's parser, with the closest option (`edugraph query
    --lst` was told to see `edugraph --help`)."""
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        command = next(action for action in parser._actions if action.dest == "command").choices[args.command]
        options = [option for action in command._actions for option in action.option_strings]
        close = difflib.get_close_matches(unknown[0].split("=")[0], options, n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        command.error(f"unrecognized arguments: {' '.join(unknown)}{hint}")
    return args


def invalid_argument(argv: list[str]) -> str | None:
    """An argument that is not valid text (bytes the locale could not decode become lone surrogates), if any."""
    return next((arg for arg in argv if SURROGATE.search(arg)), None)


def one_line(message: object, limit: int = 400) -> str:
    """An error message as one readable line: line breaks and other control characters escaped (`visible`: a store's
    answer quoted in it cannot drive the terminal), a long middle (an echoed 60 KB value) elided.

    >>> line = one_line("no person named '" + "x" * 60_000 + "'")
    >>> len(line), line[295:326]
    (384, 'xxxxx … (60018 characters) … xx')
    """
    text = visible(str(message))
    return text if len(text) <= limit else f"{text[:limit - 100]} … ({len(text)} characters) … {text[-60:]}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    bad = invalid_argument(argv)
    if bad is not None:
        print(f"edugraph: error: argument {ascii(bad)[:80]} is not valid UTF-8 text", file=sys.stderr)
        return 2
    try:
        with terminate_as_interrupt():
            args = parse(make_parser(), argv)  # (imports every command: Ctrl-C may come meanwhile)
            return args.func(args) or 0
    except EduGraphError as err:
        print(f"edugraph: error: {one_line(err)}", file=sys.stderr)
        return err.exit_code
    except Terminated:
        print("edugraph: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("edugraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:  # disk full, permission denied, a folder where a file was expected...
        print(f"edugraph: error: {os_error_message(err)}", file=sys.stderr)
        return 1
    except RecursionError:
        print("edugraph: error: the input is nested too deeply to process", file=sys.stderr)
        return 1
    except MemoryError:
        print("edugraph: error: out of memory; see the limits in docs/SECURITY.md", file=sys.stderr)
        return 1
    except Exception as err:  # last resort: one line, never a traceback, unless asked
        if os.environ.get("EDUGRAPH_DEBUG"):
            raise
        print(f"edugraph: internal error: {type(err).__name__}: {one_line(err)} "
              "(set EDUGRAPH_DEBUG=1 for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
