"""The one error type the CLI turns into a clear one-line message and a non-zero exit, and warnings."""

import re
import sys

UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f"  # C0, DEL, C1: ESC and CSI (U+009B) start terminal control sequences
                    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # bidirectional formatting (U+202E…)


class EduGraphError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = 2


def visible(text: str) -> str:
    """`text` with each control or bidirectional formatting character written as its escape, for a terminal: text
    from an article, a store's answer or a file name cannot clear the screen, retitle the window or reverse a line.

    >>> print(visible("a\\nb\\x1b[2K\\u202etxt.exe"))
    a\\nb\\x1b[2K\\u202etxt.exe
    """
    return UNSEEN.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


def warn(message: str) -> None:
    """Report something the user should look at, without stopping: one line on standard error."""
    print(f"edugraph: warning: {visible(message)}", file=sys.stderr)
