"""The one error type the CLI turns into a clear one-line message and a non-zero exit."""


class EduGraphError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = 2
