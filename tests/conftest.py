"""Shared fixtures: the seed build (once per session), real stores (Oxigraph per test, Virtuoso per session);
the robustness counts are printed at the end."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/support helpers


@pytest.fixture(scope="session")
def seed_result():
    """The in-memory result of building the seed articles in data/."""
    from edugraph.build import run_build

    return run_build(progress=False)


@pytest.fixture(scope="session")
def seed_build(seed_result, tmp_path_factory):
    """A build folder written from the seed articles (read-only for tests)."""
    from edugraph.build import write_build

    out = tmp_path_factory.mktemp("seed") / "build"
    write_build(seed_result, out)
    return out


@pytest.fixture
def oxigraph_server(tmp_path):
    """A started, empty Oxigraph server storing its data in tmp_path/oxigraph; stopped after the test."""
    from support.oxigraph import OxigraphServer

    with OxigraphServer(tmp_path / "oxigraph") as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """One Virtuoso 7 for the session (a fresh database starts in about 15 s); skipped with the reason when the
    Debian package is not installed. Tests load into graphs of their own or reload the same build."""
    from support.virtuoso import running

    yield from running(tmp_path_factory.mktemp("virtuoso"))


def pytest_terminal_summary(terminalreporter):
    from support.robust import summary_lines

    for line in summary_lines():
        terminalreporter.write_line(line)
