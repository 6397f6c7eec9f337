"""A hostile user on every command (review 6): inputs the earlier reviews left out. Each case failed on the code
before it: a change to data already built, unbounded memory, or a message that said the wrong thing."""

from __future__ import annotations

import shutil

import pytest

from edugraph.cli import main
from support.corpus import corpus
from support.errors import one_error_line
from support.robust import hash_tree, store_digest


def built(build) -> dict[str, str]:
    """The build's files but its store's (whose files change when it is opened; `store_digest` compares it)."""
    return {name: digest for name, digest in hash_tree(build).items() if not name.startswith("store/")}


@pytest.fixture
def build(seed_build, tmp_path):
    """A copy of the seed build that a case may try to damage."""
    folder = tmp_path / "build"
    shutil.copytree(seed_build, folder)
    return folder


@pytest.mark.parametrize("target", ["summary.json", "asserted.nt", "facts/x.json", "store/stats.txt"])
def test_stats_out_never_writes_over_the_build(build, target, capsys):
    before = built(build)
    assert main(["stats", "--build", str(build), "--out", str(build / target)]) == 2
    one_error_line(capsys, "which `edugraph build` writes", "choose a path outside the build")
    assert built(build) == before and not (build / "store/stats.txt").exists()


def test_stats_out_may_be_a_new_file_in_the_build_folder(build, capsys):
    assert main(["stats", "--build", str(build), "--out", str(build / "stats.txt"), "--format", "csv"]) == 0
    assert (build / "stats.txt").read_text(encoding="utf-8").startswith("section,name,value")


@pytest.mark.parametrize("target", ["store", "facts", "cache"])
def test_viz_out_never_writes_into_the_build_s_folders(build, target, capsys):
    before = built(build)
    assert main(["viz", "--build", str(build), "--out", str(build / target), "--central", "0"]) == 2
    one_error_line(capsys, "--out would write into")
    assert built(build) == before


def test_load_store_never_writes_into_a_build_or_another_folder(build, tmp_path, capsys):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Статья.\n", encoding="utf-8")
    before = built(build)
    store_before = store_digest(build / "store")
    for store, words in [(build / "store", "which `edugraph build` writes"), (build, "not an Oxigraph store"),
                         (articles, "not an Oxigraph store")]:
        assert main(["load", "--build", str(build), "--store", str(store)]) == 2
        one_error_line(capsys, *words)
    assert built(build) == before and store_digest(build / "store") == store_before
    assert sorted(p.name for p in articles.iterdir()) == ["a.txt"]
    assert main(["load", "--build", str(build), "--store", str(tmp_path / "db")]) == 0
    assert main(["load", "--build", str(build), "--store", str(tmp_path / "db")]) == 0  # an earlier load's store


def test_jobs_beyond_the_cores_fork_no_more_processes(tmp_path, monkeypatch, capsys):
    """`--jobs 10000` forked a process per article (38 articles: 650 MB more than `--jobs 2`, and slower)."""
    import os

    import edugraph.build
    from edugraph.paths import ARTICLES

    articles = tmp_path / "articles"
    articles.mkdir()
    for path in sorted(ARTICLES.glob("00[0-2]_*")):
        shutil.copy(path, articles)
    asked = []
    process_all = edugraph.build.process_all
    monkeypatch.setattr(edugraph.build, "process_all",
                        lambda todo, jobs, progress: asked.append(jobs) or process_all(todo, jobs, progress))
    assert main(["build", "--quiet", "--jobs", "10000", "--articles", str(articles), "--out", str(tmp_path / "b")]) == 0
    assert asked == [os.cpu_count()]
    assert capsys.readouterr().err == (f"edugraph: warning: --jobs 10000: this machine has {os.cpu_count()} cores; "
                                       f"extracting in {os.cpu_count()} processes\n")


def test_a_query_file_over_the_limit_or_not_a_file_is_refused_before_reading(build, tmp_path, monkeypatch, capsys):
    """A 300 MB .rq file was read whole (634 MB); a pipe or folder given as a query file was called missing."""
    import os

    huge = tmp_path / "huge.rq"
    huge.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1 # " + "x" * 5000 + "\n", encoding="utf-8")
    monkeypatch.setenv("EDUGRAPH_MAX_QUERY_CHARS", "1000")
    assert main(["query", str(huge), "--build", str(build)]) == 2
    one_error_line(capsys, "huge.rq: the query is longer than 1000 characters", "EDUGRAPH_MAX_QUERY_CHARS")
    huge.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1 # " + "ё" * 1500 + "\n", encoding="utf-8")  # < 4000 bytes
    assert main(["query", str(huge), "--build", str(build)]) == 2
    one_error_line(capsys, "huge.rq: the query is longer than 1000 characters", "EDUGRAPH_MAX_QUERY_CHARS")
    os.mkfifo(tmp_path / "pipe.rq")
    (tmp_path / "folder.rq").mkdir()
    for name, why in [("pipe.rq", "cannot read the query: not a regular file (a pipe, socket or device)"),
                      ("folder.rq", "not a query file but a folder")]:
        assert main(["query", str(tmp_path / name), "--build", str(build)]) == 2
        one_error_line(capsys, f"{name}: {why}")


def test_add_of_a_pipe_or_device_says_what_it_is(tmp_path, capsys):
    import os

    os.mkfifo(tmp_path / "news.txt")
    for source in (tmp_path / "news.txt", "/dev/zero"):
        assert main(["add", str(source), "--articles", str(tmp_path / "articles")]) == 2
        one_error_line(capsys, "cannot read the article: not a regular file (a pipe, socket or device)")
    assert not (tmp_path / "articles").exists()


def test_extract_of_an_article_s_metadata_is_refused(capsys):
    """`extract x.json` read the metadata as the article's text (and as its own metadata): no facts, no error."""
    from edugraph.paths import ARTICLES

    metadata = sorted(ARTICLES.glob("*.json"))[0]
    assert main(["extract", str(metadata)]) == 2
    one_error_line(capsys, "an article's metadata, not the article: give its .txt file")


def test_serve_refuses_a_host_it_cannot_bind_and_threads_without_bound(build, capsys):
    """`--host 'no such host'` was an internal error (waitress's ValueError); `--threads 100000` started 11,000
    threads in 8 s and went on."""
    import subprocess
    import sys

    for host in ("no such host", "999.1.1.1"):
        assert main(["serve", "--build", str(build), "--host", host, "--port", "0"]) == 2
        one_error_line(capsys, f"--host {host!r}: not an address or host name of this machine")
    command = [sys.executable, "-c", "import sys; from edugraph.cli import main; sys.exit(main())", "serve",
               "--build", str(build), "--port", "0", "--threads", "100000"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (2, "edugraph: error: --threads 100000: give at most 256 (queries "
                                                 "beyond --max-queries wait for their turn in any case)\n")


def test_metadata_giving_a_key_twice_is_refused(tmp_path, capsys):
    """`{"title": "A", "title": "B"}` was read as title B without a word (a curation file's duplicate key is an
    error with its line)."""
    from edugraph.paths import ARTICLES

    article = sorted(ARTICLES.glob("*.txt"))[0]
    shutil.copy(article, tmp_path / article.name)
    (tmp_path / article.name).with_suffix(".json").write_text('{"title": "A", "date": "2023-01-01", "title": "B"}',
                                                              encoding="utf-8")
    assert main(["extract", str(tmp_path / article.name)]) == 2
    one_error_line(capsys, f"{article.stem}.json: the metadata gives the key 'title' twice: keep one")


def test_json_and_xml_answers_end_their_line_on_a_terminal_only(build):
    """On a terminal the shell's prompt was written after the last `}` of a JSON answer; piped, the bytes stay
    the answer's own."""
    import os
    import pty
    import subprocess
    import sys

    command = [sys.executable, "-c", "import sys; from edugraph.cli import main; sys.exit(main())", "query", "-e",
               "ASK { ?s ?p ?o }", "--build", str(build)]
    for fmt, last in [("json", b"}"), ("xml", b">")]:
        piped = subprocess.run([*command, "--format", fmt], capture_output=True, timeout=60)
        assert piped.returncode == 0 and piped.stdout.endswith(last), piped
        reader, writer = pty.openpty()
        try:
            done = subprocess.run([*command, "--format", fmt], stdout=writer, stderr=subprocess.PIPE, timeout=60)
            shown = os.read(reader, 1 << 16)
        finally:
            os.close(reader)
            os.close(writer)
        assert done.returncode == 0 and shown.endswith(last + b"\r\n"), shown


def test_two_articles_whose_ids_differ_only_in_case_are_refused(tmp_path, capsys):
    """`News.txt` and `news.txt` were built as two articles whose `facts/` and cache files are one file on a disk
    that ignores case (a build copied to macOS or a USB stick)."""
    from edugraph.paths import ARTICLES

    articles = tmp_path / "articles"
    articles.mkdir()
    text = sorted(ARTICLES.glob("*.txt"))[0]
    for name in ("News.txt", "news.txt"):
        shutil.copy(text, articles / name)
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--out", str(tmp_path / "b")]) == 2
    one_error_line(capsys, "news.txt: its id differs from News.txt's only in case; rename one")
    assert not (tmp_path / "b").exists()


def test_a_query_saved_with_a_byte_order_mark_runs_and_a_broken_one_names_its_file(build, tmp_path, capsys):
    """A .rq file saved by Notepad (UTF-8 with a BOM) was 'SPARQL syntax error at line 1, column 10: expected
    CONSTRUCT', and a syntax error did not say which query it was in."""
    saved = tmp_path / "saved.rq"
    saved.write_bytes(b"\xef\xbb\xbf# title: saved by Notepad\nASK { ?s ?p ?o }\n")
    assert main(["query", str(saved), "--build", str(build)]) == 0
    assert capsys.readouterr().out.strip() == "true"
    broken = tmp_path / "broken.rq"
    broken.write_text("ASK { ?s ?p ", encoding="utf-8")
    assert main(["query", str(broken), "--build", str(build)]) == 2
    one_error_line(capsys, f"edugraph: error: {broken}: SPARQL syntax error at line 1")
    assert main(["query", "-e", "SELEC", "--build", str(build)]) == 2
    one_error_line(capsys, "edugraph: error: the -e query: SPARQL syntax error at line 1")


def test_a_query_from_a_terminal_is_asked_for(build):
    """`edugraph query -` typed at a terminal waited without a word for a query to be typed."""
    import os
    import pty
    import subprocess
    import sys

    reader, writer = pty.openpty()
    try:
        child = subprocess.Popen([sys.executable, "-c", "import sys; from edugraph.cli import main; sys.exit(main())",
                                  "query", "-", "--build", str(build)], stdin=writer, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        os.write(reader, b"ASK { ?s ?p ?o }\n\x04")
        out, err = child.communicate(timeout=60)
    finally:
        os.close(reader)
        os.close(writer)
    assert (child.returncode, out.strip(), err) == (0, b"true", b"edugraph: type the query, then Ctrl-D on a line "
                                                                b"of its own\n")


@pytest.fixture
def one_article(tmp_path):
    """A folder holding one seed article and an empty curation folder beside it."""
    from edugraph.paths import ARTICLES

    articles, curation = corpus(tmp_path, [])
    for path in ARTICLES.glob("000_*"):
        shutil.copy(path, articles)
    return articles, curation, next(articles.glob("*.txt")).stem


@pytest.mark.parametrize("key", ["1", "null", "true", "[a, b]"])
def test_a_curation_key_that_is_no_text_is_refused_with_its_line(one_article, tmp_path, key, capsys):
    """`replace: {1: b}` or `{null: b}` was an internal error (TypeError: object of type 'int' has no len())."""
    articles, curation, article = one_article
    (curation / f"{article}.yaml").write_text(f"article: {article}\nreplace:\n  {key}: b\n", encoding="utf-8")
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--curation", str(curation),
                 "--out", str(tmp_path / "b")]) == 2
    one_error_line(capsys, f"{article}.yaml:3: the key ", "is not text: write it in quotes")


def test_a_curation_replace_leaves_dates_and_event_types_alone(one_article, tmp_path, capsys):
    """`replace: {'1': b}` made the date 2021-03-25 into 202b-03-25 (an internal error), `meeting: x` an event
    type that does not exist; a replace renames names."""
    import json

    articles, curation, article = one_article
    (curation / f"{article}.yaml").write_text(f"article: {article}\nreplace:\n  '1': b\n  meeting: x\n"
                                              "  Saint Petersburg: Moscow\n", encoding="utf-8")
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--curation", str(curation),
                 "--out", str(tmp_path / "b")]) == 0
    events = json.loads((tmp_path / "b" / "facts" / f"{article}.json").read_text(encoding="utf-8"))["events"]
    assert {event["date"] for event in events} >= {"2021-03-25"}
    assert "meeting" in {event["type"] for event in events}
    assert "Moscow" in {event["place"] for event in events}
