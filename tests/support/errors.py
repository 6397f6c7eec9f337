"""What a command's bad input must print: one line of error."""

from __future__ import annotations


def one_error_line(capsys, *words: str) -> str:
    """The standard error captured so far: exactly one line `edugraph: error: …`, no internal error, holding each of
    `words`."""
    err = capsys.readouterr().err
    assert err.startswith("edugraph: error: ") and err.count("\n") == 1 and "internal error" not in err, err
    for word in words:
        assert word in err, err
    return err
