"""`edugraph build --out DIR` replaces only a folder it made, in one atomic swap (issue 11, items 2 and 10)."""

from __future__ import annotations

import os
import stat

import pytest

from edugraph.cli import main
from edugraph.errors import EduGraphError
from edugraph.output import folder as folder_module
from edugraph.output.folder import replaced_folder


def previous_build(path):
    """A folder as a build leaves it, plus what `edugraph viz` wrote into it."""
    path.mkdir()
    (path / "summary.json").write_text("{}\n")
    (path / "all.nq").write_text("old\n")
    (path / "shacl-report.txt").write_text("old violations\n")
    (path / ".oxigraph").mkdir()
    (path / "viz").mkdir()
    (path / "viz" / "index.html").write_text("<html>viz</html>\n")
    return path


def refused(capsys, argv) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("edugraph: error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_a_folder_of_data_is_never_replaced(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "001.txt").write_text("an article\n")
    err = refused(capsys, ["build", "--quiet", "--out", str(data)])
    assert "not made by `edugraph build`" in err and str(data) in err
    assert [p.name for p in data.iterdir()] == ["001.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_the_current_folder_is_refused_without_leftovers(tmp_path, capsys, monkeypatch):
    (tmp_path / "notes.md").write_text("mine\n")
    monkeypatch.chdir(tmp_path)
    refused(capsys, ["build", "--quiet", "--out", "."])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]
    assert not [p for p in tmp_path.parent.iterdir() if ".new-" in p.name]


def test_a_file_is_refused(tmp_path, capsys):
    target = tmp_path / "graph.ttl"
    target.write_text("keep me\n")
    assert "not a folder" in refused(capsys, ["build", "--quiet", "--out", str(target)])
    assert target.read_text() == "keep me\n"


def test_previous_build_is_replaced_and_other_commands_output_kept(tmp_path):
    target = previous_build(tmp_path / "build")
    with replaced_folder(target) as new:
        (new / "all.nq").write_text("new\n")
        (new / "summary.json").write_text("{}\n")
    assert (target / "all.nq").read_text() == "new\n"
    assert (target / "viz" / "index.html").read_text() == "<html>viz</html>\n"
    assert not (target / "shacl-report.txt").exists() and not (target / ".oxigraph").exists()
    folder_module.wait_for_deletions()  # the old folder is deleted in the background
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_an_empty_folder_is_accepted(tmp_path):
    (tmp_path / "out").mkdir()
    with replaced_folder(tmp_path / "out") as new:
        (new / "summary.json").write_text("{}\n")
    assert (tmp_path / "out" / "summary.json").is_file()


def test_a_failed_build_changes_nothing(tmp_path):
    target = previous_build(tmp_path / "build")
    before = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    with pytest.raises(RuntimeError), replaced_folder(target) as new:
        (new / "all.nq").write_text("half\n")
        raise RuntimeError("extraction crashed")
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*")) == before
    assert (target / "all.nq").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_new_folders_follow_the_umask(tmp_path):
    old_umask = os.umask(0o022)
    try:
        with replaced_folder(tmp_path / "build") as new:
            (new / "summary.json").write_text("{}\n")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "build").stat().st_mode) == 0o755


def test_leftovers_of_a_killed_build_are_cleaned_and_the_old_build_put_back(tmp_path):
    """A build killed between the two renames (where no atomic exchange exists) leaves `.build.old` and no
    `build`; one killed while writing leaves `.build.new-<pid>`. The next build repairs both first."""
    previous_build(tmp_path / ".build.old")
    (tmp_path / ".build.new-4242").mkdir()
    (tmp_path / ".build.new-4242" / "all.nq").write_text("half\n")
    with replaced_folder(tmp_path / "build") as new:
        assert (tmp_path / "build" / "all.nq").read_text() == "old\n"  # put back before anything else
        assert not (tmp_path / ".build.new-4242").exists()
        (new / "summary.json").write_text("{}\n")
    assert (tmp_path / "build" / "viz").is_dir()
    folder_module.wait_for_deletions()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_the_old_folder_is_deleted_after_the_swap_and_an_unfinished_deletion_by_the_next_build(tmp_path):
    target = previous_build(tmp_path / "build")
    with replaced_folder(target) as new:
        (new / "summary.json").write_text("{}\n")
    trash = [p for p in tmp_path.iterdir() if p.name != "build"]
    assert [p.name for p in trash] in ([], [f".build.trash-{os.getpid()}"])  # not waited for
    folder_module.wait_for_deletions()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
    previous_build(tmp_path / ".build.trash-4242")  # a deletion cut short
    with replaced_folder(target) as new:
        assert not (tmp_path / ".build.trash-4242").exists()
        (new / "summary.json").write_text("{}\n")
    folder_module.wait_for_deletions()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_two_rename_fallback_when_exchange_is_unavailable(tmp_path, monkeypatch):
    monkeypatch.setattr(folder_module, "exchange", lambda a, b: False)
    target = previous_build(tmp_path / "build")
    with replaced_folder(target) as new:
        (new / "summary.json").write_text('{"new": true}\n')
    assert (target / "summary.json").read_text() == '{"new": true}\n'
    assert (target / "viz").is_dir()
    folder_module.wait_for_deletions()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_the_swap_is_one_exchange(tmp_path):
    """Where the kernel has renameat2, the old folder is swapped out in one step (same inode moves)."""
    target = previous_build(tmp_path / "build")
    staging = tmp_path / "staging"
    staging.mkdir()
    old_inode, new_inode = target.stat().st_ino, staging.stat().st_ino
    if not folder_module.exchange(staging, target):
        pytest.skip("renameat2(RENAME_EXCHANGE) not available here: the two-rename fallback is used")
    assert target.stat().st_ino == new_inode and staging.stat().st_ino == old_inode


def test_a_failed_write_is_one_line_and_keeps_the_previous_build(tmp_path):
    target = previous_build(tmp_path / "build")
    with pytest.raises(EduGraphError, match="could not write the build .*previous build is unchanged"):
        with replaced_folder(target):
            raise OSError(28, "No space left on device")
    assert (target / "all.nq").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_a_build_that_found_no_previous_build_does_not_replace_one_made_meanwhile(tmp_path):
    """A build that read no previous build (identity None) may still have read cache entries of one written while it
    ran: it writes nothing over that build."""
    target = tmp_path / "build"
    read = (target, folder_module.build_identity(target))  # nothing there yet
    previous_build(target)  # another build finishes first
    before = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    with pytest.raises(EduGraphError, match="another build replaced it"), replaced_folder(target, read) as new:
        (new / "summary.json").write_text("{}\n")
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*")) == before


def test_what_other_commands_wrote_stays_when_the_build_fails_at_the_end(tmp_path, monkeypatch):
    """`viz/` of the previous build is moved into the new one only once the new one is on disk: a failure of that
    last step (here fsync) leaves it in the previous build, which is unchanged, as the message says."""
    target = previous_build(tmp_path / "build")

    def failing_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(folder_module.os, "fsync", failing_fsync)
    with pytest.raises(EduGraphError, match="the previous build is unchanged"), replaced_folder(target) as new:
        (new / "summary.json").write_text("{}\n")
    assert (target / "viz" / "index.html").read_text() == "<html>viz</html>\n"
