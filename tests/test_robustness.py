"""The robustness suite (issue 11): hundreds of generated bad inputs across every command.

For each input: one line `edugraph: error: …` or a correct acceptance, no traceback, bounded time and
memory, the previous build folder byte-identical and, for loads into a store that already holds the
build, the same quads in the store afterwards. Most cases run in-process through `cli.main`;
the ones that could crash or exhaust the process (bombs, deep nesting, huge files) run in a child
with `RLIMIT_AS` and a timeout. The counts are printed at the end of the run.
"""

from __future__ import annotations

import shutil

import pytest

from support.badinputs import all_cases
from support.robust import damage_copy, hash_tree, store_digest, problems, record, run_inprocess, run_subprocess

CASES = all_cases()


@pytest.fixture(scope="module")
def previous_build(seed_build, tmp_path_factory):
    """A copy of the seed build that every case points at as the build already there."""
    folder = tmp_path_factory.mktemp("robust") / "build"
    shutil.copytree(seed_build, folder)
    return folder


@pytest.fixture(scope="module")
def previous_store(previous_build, tmp_path_factory):
    """An Oxigraph store folder that already holds the seed build (the store a failed load must not change)."""
    from edugraph.cli import main

    folder = tmp_path_factory.mktemp("robust") / "store"
    assert main(["load", "--build", str(previous_build), "--store", str(folder)]) == 0
    return folder


def fill(argv: list[str], folders: dict[str, str]) -> list[str]:
    out = []
    for arg in argv:
        for name, value in folders.items():
            arg = arg.replace("{" + name + "}", value)
        out.append(arg)
    return out


def test_there_are_enough_generated_cases():
    kinds = {case.kind for case in CASES}
    assert len(CASES) >= 300 and kinds >= {"articles", "metadata", "curation", "queries", "output", "arguments",
                                           "load"}
    assert len({case.id for case in CASES}) == len(CASES), "case names are unique"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case, previous_build, previous_store, tmp_path, monkeypatch):
    for relative, content in case.files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    if case.damage:
        damage_copy(previous_build, tmp_path / "b", *case.damage)
    monkeypatch.chdir(tmp_path)
    argv = fill(case.argv, {"case": str(tmp_path), "build": str(previous_build), "store": str(previous_store)})
    uses_store = "{store}" in " ".join(case.argv)
    before, stored = hash_tree(previous_build), store_digest(previous_store) if uses_store else None
    run = run_subprocess if case.subprocess else run_inprocess
    outcome = run(argv, case.env, case.stdin)
    found = problems(case, outcome)
    if hash_tree(previous_build) != before:
        found.append("the previous build folder changed")
    if uses_store and store_digest(previous_store) != stored:
        found.append("the store already loaded changed")
    record(case, outcome, found)
    assert not found, f"{case.id}: {'; '.join(found)}\nexit {outcome.code}\nstderr: {outcome.stderr[-2000:]}"
