"""The one error type the CLI turns into a clear one-line message and a non-zero exit, and warnings."""

import sys


class EduGraphError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = 2


def warn(message: str) -> None:
    """Report something the user should look at, without stopping: one line on standard error."""
    print(f"edugraph: warning: {message}", file=sys.stderr)
