"""The command line on bad input: one clear line, a non-zero exit, and nothing already built is lost."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edugraph.cli import main
from edugraph.paths import ARTICLES, ONTOLOGY

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def workspace(tmp_path):
    """A copy of two seed articles and an existing build folder with a sentinel file."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for stem in ("002_413037bb6e5346a1", "004_b090fd5a3119e11c"):
        for suffix in (".txt", ".json"):
            shutil.copy(ARTICLES / f"{stem}{suffix}", articles)
    (tmp_path / "curation").mkdir()
    out = tmp_path / "build"
    out.mkdir()
    (out / "asserted.nt").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    (out / "summary.json").write_text("{}\n", encoding="utf-8")  # the marker of a folder made by a build
    return tmp_path


def build(workspace, *extra):
    return main(["build", "--quiet", "--articles", str(workspace / "articles"),
                 "--curation", str(workspace / "curation"), "--out", str(workspace / "build"), *extra])


def assert_failed_cleanly(code, capsys, workspace, *words):
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("edugraph: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err
    assert (workspace / "build" / "asserted.nt").read_text(encoding="utf-8") == "<urn:a> <urn:b> <urn:c> .\n"
    assert not [p for p in (workspace).iterdir() if p.name.startswith(".build")]


@pytest.mark.parametrize("name, content, word", [
    ("empty.txt", b"", "empty"),
    ("binary.txt", bytes(range(256)), "binary"),
    ("cp1251.txt", "Стратегическая сессия собрала руководителей".encode("cp1251"), "cp1251"),
    ("page.txt", "<!DOCTYPE html><html><body><p>Новости</p></body></html>".encode(), "HTML"),
])
def test_bad_article(workspace, capsys, name, content, word):
    (workspace / "articles" / name).write_bytes(content)
    assert_failed_cleanly(build(workspace), capsys, workspace, name, word)


def test_malformed_curation(workspace, capsys):
    (workspace / "curation" / "002_413037bb6e5346a1.yaml").write_text("add: {persons: [{posts: []}]}\n",
                                                                       encoding="utf-8")
    assert_failed_cleanly(build(workspace), capsys, workspace, "002_413037bb6e5346a1.yaml", "name")


def test_curation_for_unknown_article(workspace, capsys):
    (workspace / "curation" / "999_missing.yaml").write_text("note: x\n", encoding="utf-8")
    assert_failed_cleanly(build(workspace), capsys, workspace, "999_missing.yaml")


def test_missing_or_broken_ontology(workspace, capsys):
    assert_failed_cleanly(build(workspace, "--ontology", str(workspace / "none.ttl")), capsys, workspace,
                          "none.ttl", "missing")
    broken = workspace / "broken.ttl"
    broken.write_text(ONTOLOGY.read_text(encoding="utf-8") + "\neg:Broken a a a ;;; .\n", encoding="utf-8")
    assert_failed_cleanly(build(workspace, "--ontology", str(broken)), capsys, workspace, "broken.ttl", "Turtle")


def test_missing_articles_folder(workspace, capsys):
    code = main(["build", "--quiet", "--articles", str(workspace / "nowhere"), "--out", str(workspace / "build")])
    assert_failed_cleanly(code, capsys, workspace, "nowhere")


def test_successful_build_replaces_the_old_one(workspace, capsys):
    assert build(workspace) == 0
    assert "<urn:a>" not in (workspace / "build" / "asserted.nt").read_text(encoding="utf-8")
    assert (workspace / "build" / "summary.json").exists()


def test_extract_json_and_ttl(capsys):
    assert main(["extract", str(ARTICLES / "002_413037bb6e5346a1.txt")]) == 0
    out = capsys.readouterr().out
    assert '"Алла Калиниченко"' in out and '"organisers"' not in out
    assert main(["extract", "--format", "ttl", str(ARTICLES / "002_413037bb6e5346a1.txt")]) == 0
    assert "eg:heads" in capsys.readouterr().out


def test_extract_an_html_page(tmp_path, capsys):
    page = tmp_path / "news.html"
    page.write_text("<html><body><p>Руководитель центра «IT-куб» города Владикавказа Алла Калиниченко&nbsp;"
                    "рассказала о&nbsp;работе.</p><script>var x = 1;</script></body></html>", encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    out = capsys.readouterr().out
    assert "Алла Калиниченко" in out and "IT-cube" in out and "var x" not in out


def test_extract_bad_file(tmp_path, capsys):
    (tmp_path / "x.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "x.txt")]) == 2
    assert capsys.readouterr().err.startswith("edugraph: error: ")


def test_add_html_article(tmp_path, capsys):
    page = tmp_path / "news.html"
    page.write_text("<html><head><title>x</title></head><body><h1>Открытие центра «IT-куб» в Томске</h1>"
                    "<p>15&nbsp;сентября 2024 года в Томске открылся центр «IT-куб». Руководитель центра "
                    "Ирина Соколова рассказала о планах.</p></body></html>", encoding="utf-8")
    articles = tmp_path / "articles"
    assert main(["add", str(page), "--articles", str(articles), "--url", "https://example.org/n1"]) == 0
    out = capsys.readouterr().out
    (added,) = articles.glob("*.txt")
    assert "<p>" not in added.read_text(encoding="utf-8") and "Ирина Соколова" in out
    assert main(["add", str(page), "--articles", str(articles)]) == 2
    assert "already" in capsys.readouterr().err


def test_add_html_page_takes_its_headline_as_title_not_the_breadcrumb(tmp_path, capsys):
    """The real page of tests/dev/articles/dev06 (a site <title>, a breadcrumb line, then the <h1>)."""
    page = ROOT / "tests" / "dev" / "articles" / "dev06_kemerovo_imc_seminar.txt"
    assert main(["add", str(page), "--articles", str(tmp_path / "articles")]) == 0
    (meta,) = (tmp_path / "articles").glob("*.json")
    title = json.loads(meta.read_text(encoding="utf-8"))["title"]
    assert title == "Методический семинар для учителей физики прошел в Кемерово"


NEWS = ("Руководитель центра «IT-куб» города Владикавказа Алла Калиниченко рассказала о работе центра "
        "15 сентября 2024 года.\n")


def test_add_keeps_nothing_when_extraction_fails(tmp_path, capsys, monkeypatch):
    import edugraph.extract

    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    articles = tmp_path / "articles"

    def crash(*args, **kwargs):
        raise IndexError("index 0 is out of bounds")

    monkeypatch.setattr(edugraph.extract, "extract_facts", crash)
    assert main(["add", str(source), "--articles", str(articles)]) == 1
    assert "internal error" in capsys.readouterr().err
    assert not articles.exists() or not list(articles.iterdir())
    monkeypatch.undo()
    assert main(["add", str(source), "--articles", str(articles)]) == 0, "a later add is not told 'already in'"
    assert sorted(p.suffix for p in articles.iterdir()) == [".json", ".txt"]


def test_add_on_a_full_disk_leaves_no_half_article(tmp_path, capsys, monkeypatch):
    import errno

    import edugraph.ingest

    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:  # the .json was written; the disk fills up while writing the .txt
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(edugraph.ingest.os, "fsync", fsync)
    assert main(["add", str(source), "--articles", str(articles)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("edugraph: error: ") and "No space left on device" in err and ".txt" in err
    assert list(articles.iterdir()) == [], "neither the .json, the .txt nor a temporary file is left"


@pytest.mark.parametrize("options, words", [
    (["--date", "2023-02-31"], ["date", "calendar"]),
    (["--url", "http://example.org/a b"], ["'url'"]),
    (["--title", "\udcff"], ["'\\udcff'", "not valid UTF-8"]),
])
def test_add_refuses_wrong_metadata_options(tmp_path, capsys, options, words):
    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    assert main(["add", str(source), "--articles", str(tmp_path / "articles"), *options]) == 2
    err = capsys.readouterr().err
    assert err.startswith("edugraph: error: ") and err.count("\n") == 1
    assert all(word in err for word in words), err
    assert not (tmp_path / "articles").exists()


def test_add_of_a_folder_says_how_a_folder_is_built(tmp_path, capsys):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "one.txt").write_text(NEWS, encoding="utf-8")
    assert main(["add", str(tmp_path / "news"), "--articles", str(tmp_path / "articles")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("edugraph: error: ") and err.count("\n") == 1 and "a folder" in err
    assert "edugraph build --articles" in err and not (tmp_path / "articles").exists()


@pytest.mark.parametrize("argv, words", [
    (["load", "--endpoint", "http://127.0.0.1:9", "--backoff", "-1"], ["--backoff", "must be 0 to"]),
    (["load", "--endpoint", "http://127.0.0.1:9", "--timeout", "0"], ["--timeout", "more than 0"]),
    (["query", "--timeout", "-1", "-e", "ASK {}"], ["--timeout", "must be 0 to"]),
    (["query", "--timeout", "nan", "-e", "ASK {}"], ["--timeout", "'nan' is not a number"]),
    (["stats", "--top", "0"], ["--top", "at least 1"]),
    (["viz", "--depth", "x"], ["--depth", "'x' is not a whole number"]),
    (["build", "--no-such-option"], ["unrecognized arguments"]),
    ([], ["required: COMMAND"]),
])
def test_bad_arguments_give_one_line(capsys, argv, words):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("edugraph: error: ") and err.count("\n") == 1, err
    assert all(word in err for word in words), err


def test_viz_out_must_be_a_folder(tmp_path, capsys):
    target = tmp_path / "page.html"
    target.write_text("keep me", encoding="utf-8")
    assert main(["viz", "--out", str(target), "--build", str(tmp_path)]) == 2
    assert "--out must be a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_shacl_violations_fail_the_build_unless_allowed(workspace, capsys):
    shapes = workspace / "shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix eg: <https://w3id.org/edugraph/ontology#> .
<urn:shape> a sh:NodeShape ; sh:targetClass eg:Article ;
    sh:property [ sh:path eg:neverThere ; sh:minCount 1 ] .
""", encoding="utf-8")
    assert_failed_cleanly(build(workspace, "--shapes", str(shapes)), capsys, workspace, "2 violations",
                          "--allow-invalid")
    assert build(workspace, "--shapes", str(shapes), "--allow-invalid") == 0
    assert "Conforms: False" in (workspace / "build" / "shacl-report.txt").read_text(encoding="utf-8")


def test_missing_curation_folder_and_yml_files(workspace, capsys):
    (workspace / "curation").rmdir()
    assert_failed_cleanly(build(workspace), capsys, workspace, "curation", "does not exist")
    (workspace / "curation").mkdir()
    (workspace / "curation" / "002_413037bb6e5346a1.yml").write_text("note: x\n", encoding="utf-8")
    assert_failed_cleanly(build(workspace), capsys, workspace, "002_413037bb6e5346a1.yml", "rename it")


def test_symlink_out_of_the_articles_folder(workspace, capsys):
    (workspace / "articles" / "passwd.txt").symlink_to("/etc/passwd")
    assert_failed_cleanly(build(workspace), capsys, workspace, "passwd.txt", "outside the articles folder")


def test_every_option_of_every_command_says_what_it_does():
    """`extract --format`, `extract --lang`, `evaluate --format` and `stats --format` had no help text."""
    from edugraph.cli import COMMANDS, make_parser

    commands = next(action for action in make_parser()._actions if action.dest == "command").choices
    assert sorted(commands) == sorted(COMMANDS)
    silent = [f"{name} {action.option_strings or action.dest}" for name, parser in commands.items()
              for action in parser._actions if not action.help]
    assert silent == []


def test_a_misspelt_option_is_named_with_its_command_and_the_closest_option(capsys):
    """`edugraph query --lst` was told to see `edugraph --help`, which does not list query's options."""
    for argv, told in [(["query", "--lst"], "edugraph query: unrecognized arguments: --lst; did you mean --list? "
                                            "(see `edugraph query --help`)"),
                       (["viz", "extra"], "edugraph viz: unrecognized arguments: extra (see `edugraph viz --help`)")]:
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert (caught.value.code, capsys.readouterr().err) == (2, f"edugraph: error: {told}\n")


def test_a_query_runs_without_rdflib_or_jsonschema(seed_build):
    """`edugraph query` reads the store the build wrote: a library query, from the parser of every command to its
    CSV, loads neither rdflib nor jsonschema (0.12 s of a cold query's start-up; docs/BENCHMARKS.md)."""
    code = ("import contextlib, io, sys; from edugraph.cli import main\n"
            "with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO())):\n"
            f"    status = main(['query', 'people-posts', '--format', 'csv', '--build', {str(seed_build)!r}])\n"
            "print(status, sorted({'rdflib', 'jsonschema'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0 []"
