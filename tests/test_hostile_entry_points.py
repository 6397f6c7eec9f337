"""Hostile input through every entry point, as a user or a network client sends it (review 3): each case failed
on the code before it with a traceback-like internal error, a hang or unbounded memory. The endpoint's cases are
in tests/test_server.py."""

from __future__ import annotations

from edugraph.cli import main


def one_error_line(capsys, *words) -> str:
    err = capsys.readouterr().err
    assert err.startswith("edugraph: error: ") and err.count("\n") == 1 and "internal error" not in err, err
    for word in words:
        assert word in err, err
    return err


def test_query_with_a_codepoint_escape_beyond_unicode(seed_build, capsys):
    """`\\UFFFFFFFF` made chr() fail before the parser saw the query: an internal error."""
    for escape in ("\\UFFFFFFFF", "\\U00110000"):
        code = main(["query", "--build", str(seed_build), "-e", f'SELECT * WHERE {{ ?s ?p "{escape}" }}'])
        assert code != 0
        one_error_line(capsys, "syntax error")
