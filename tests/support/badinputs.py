"""Generated bad inputs for every command: articles, metadata, curation, queries, output folders,
command-line arguments and load targets (the HTTP requests to `edugraph serve` are in
tests/test_robustness_http.py). Each generator returns `Case`s; none of them is written by hand
one by one: they are products of a few lists of broken values and the places they can go.
"""

from __future__ import annotations

import json
import random

from .robust import Case

SEED_ID = "002_413037bb6e5346a1"
PROSE = ("Руководитель центра «IT-куб» города Владикавказа Алла Калиниченко рассказала о работе центра "
         "15 сентября 2024 года.\n")
META_OK = {"id": "bad", "title": "Новости", "date": "2024-09-15", "language": "ru"}

# ------------------------------------------------------------------------------------------------ articles

def article_bodies() -> list[tuple[str, bytes, str, tuple]]:
    """(name, bytes, expect, words) of article texts: broken encodings, no words, giant words, bombs."""
    rng = random.Random(11)
    bodies = [
        ("empty", b"", "error", ("empty",)),
        ("blank", b" \n\t\r\n ", "error", ("empty",)),
        ("bom-only", b"\xef\xbb\xbf", "error", ("empty",)),
        ("nul", b"\x00" * 64, "error", ()),
        ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "error", ("binary",)),
        ("cp1251", PROSE.encode("cp1251"), "error", ("cp1251",)),
        ("koi8r", PROSE.replace("«", "\"").replace("»", "\"").encode("koi8_r"), "error", ("not UTF-8",)),
        ("utf16-bom", PROSE.encode("utf-16"), "error", ("UTF-16",)),
        ("utf16-le", "Education news in Moscow".encode("utf-16-le"), "error", ("UTF-16",)),
        ("utf16-be", "Education news in Moscow".encode("utf-16-be"), "error", ("UTF-16",)),
        ("utf32", PROSE.encode("utf-32"), "error", ()),
        ("surrogate-bytes", b"\xed\xa0\x80 " + PROSE.encode(), "error", ("not UTF-8",)),
        ("overlong", b"\xc0\xaf " + PROSE.encode(), "error", ("not UTF-8",)),
        ("truncated-utf8", PROSE.encode()[:-2] + "ж".encode()[:1], "error", ("not UTF-8",)),
        ("html", b"<!DOCTYPE html><html><body><p>" + PROSE.encode() + b"</p></body></html>", "error", ("HTML",)),
        ("html-fragment", b"<div>" + PROSE.encode() + b"</div>", "error", ("HTML",)),
        ("emoji-only", "🙂🎉👍 🚀\n".encode(), "error", ("no words",)),
        ("digits-only", b"2024 15 09 100 200\n", "error", ("no words",)),
        ("punctuation-only", b"!!! ??? ... --- ***\n", "error", ("no words",)),
        ("zero-width-only", "\u200b\u200c\u200d\ufeff\u2060".encode(), "error", ()),
        ("word-900k", ("Слово " + "x" * 900_000).encode(), "error", ("more than 1000 characters",)),
        ("word-2000", ("Слово " + "x" * 2000 + " конец").encode(), "error", ("more than 1000 characters",)),
        ("url-5000", ("См. https://example.org/" + "a" * 5000).encode(), "error", ("more than 1000",)),
        ("base64-blob", ("Фото: " + "QUJD" * 600).encode(), "error", ("more than 1000",)),
        ("one-letter", "а".encode(), "ok", ()),
        ("one-word", b"Kvantorium", "ok", ()),
        ("lowercase-only", "в школе прошло собрание учителей и родителей.\n".encode(), "ok", ()),
        ("no-capital-sentences", "сегодня. завтра. вчера.\n".encode(), "ok", ()),
        ("cr-line-ends", PROSE.replace("\n", "\r").encode(), "ok", ()),
        ("crlf", (PROSE * 3).replace("\n", "\r\n").encode(), "ok", ()),
        ("combining-marks", ("а\u0301" * 200).encode(), "ok", ()),
        ("rtl-mixed", "مرحبا Москва שלום школа\n".encode(), "ok", ()),
        ("chinese", "教育新闻 莫斯科 学校\n".encode(), "ok", ()),
        ("many-newlines", ("\n" * 100_000 + PROSE).encode(), "ok", ()),
        ("many-short-lines", ("Москва.\n" * 20_000).encode(), "ok", ()),
        ("control-chars", ("\x01\x02\x07 " + PROSE).encode(), "ok", ()),
        ("emoji-prose", ("🙂 " + PROSE + " 🎉").encode(), "ok", ()),
        ("bom-prose", b"\xef\xbb\xbf" + PROSE.encode(), "ok", ()),
        ("quotes-unbalanced", ("«««« " + PROSE + " \"\"\" „").encode(), "ok", ()),
        ("long-sentence", (" ".join(["Москва"] * 5000) + ".\n").encode(), "ok", ()),
    ]
    # texts whose extraction took quadratic time (each mention re-read its whole sentence or every other mention):
    # each took minutes, now a few seconds
    bodies += [(f"slow-{name}", text.encode(), "ok", ()) for name, text in (
        ("event-nouns", "Новости. " + "форум " * 6000),  # one 36,000-character sentence of event nouns
        ("event-titles", "Новости. " + "фестиваль «" * 4000),
        ("names-with-commas", "Новости. " + "Иван Иванов, " * 25_000),
        ("nested-quotes", "Новости. " + "«Школа «Лицей «Гимназия " * 15_000),
        ("district-adjectives", "Новости. " + "Зеленоградского, Ааского " * 2_000),  # exponential: 18 pairs 1 s
        # each district compared with every place found before it (round 7): 206 KB, 4 s, took minutes before
        ("places-and-districts", "Новости. " + "Иван Петров из Казани, Ольга Физер из Ленинского района, " * 2_000))]
    for index in range(6):
        noise = bytes(rng.randrange(256) for _ in range(rng.randrange(50, 3000)))
        bodies.append((f"random-bytes-{index}", noise, "error", ()))
    for index in range(4):
        letters = "".join(rng.choice("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГД .,«»-\n") for _ in range(3000))
        bodies.append((f"random-cyrillic-{index}", letters.encode(), "ok", ()))
    return bodies


def article_cases() -> list[Case]:
    cases = []
    for name, body, expect, words in article_bodies():
        big = len(body) > 500_000 or name.startswith("slow-")
        cases.append(Case("articles", f"extract-{name}", ["extract", "{case}/bad.txt"], {"bad.txt": body},
                          expect, words, subprocess=big))
        if expect == "error":  # through the build too: the previous build must stay as it was
            cases.append(Case("articles", f"build-{name}", build_argv(), seed_files() | {"articles/bad.txt": body},
                              expect, words, subprocess=big))
    # web pages whose tags or comments are never closed: Python's HTMLParser read the rest again for each one
    # (CVE-2025-6069; 90 KB of «<a » took 79 s); they are text now
    for name, page in (("unclosed-tags", "<a " * 45_000), ("unclosed-comments", "<!-- " * 40_000),
                       ("unclosed-comments-with-gt", "<!--x> " * 40_000),
                       ("unclosed-attribute", '<a title="' + "x " * 100_000)):
        body = ("<html><body><p>Новости школы.</p>" + page).encode()
        cases.append(Case("articles", f"extract-html-{name}", ["extract", "{case}/page.html"], {"page.html": body},
                          "ok", subprocess=True))
    return cases


def seed_files() -> dict[str, bytes]:
    """An articles folder with one seed article, and an empty curation folder."""
    from edugraph.paths import ARTICLES

    return {f"articles/{SEED_ID}.txt": (ARTICLES / f"{SEED_ID}.txt").read_bytes(),
            f"articles/{SEED_ID}.json": (ARTICLES / f"{SEED_ID}.json").read_bytes(), "curation/.keep": b""}


def build_argv(*extra: str) -> list[str]:
    return ["build", "--quiet", "--articles", "{case}/articles", "--curation", "{case}/curation", "--out", "{build}",
            *extra]


def size_cases() -> list[Case]:
    """Limits: an article just over a lowered limit is refused, the same under it accepted."""
    body = (PROSE * 40).encode()
    return [
        Case("articles", "over-size-limit", ["extract", "{case}/a.txt"], {"a.txt": body}, "error",
             ("bigger than", "EDUGRAPH_MAX_ARTICLE_BYTES"), env={"EDUGRAPH_MAX_ARTICLE_BYTES": str(len(body) - 1)}),
        Case("articles", "at-size-limit", ["extract", "{case}/a.txt"], {"a.txt": body}, "ok",
             env={"EDUGRAPH_MAX_ARTICLE_BYTES": str(len(body))}),
        Case("articles", "50mb-article", ["extract", "{case}/a.txt"], {"a.txt": (PROSE * 200_000).encode()}, "error",
             ("bigger than",), subprocess=True),
        Case("articles", "bad-limit-value", ["extract", "{case}/a.txt"], {"a.txt": body}, "error",
             ("EDUGRAPH_MAX_ARTICLE_BYTES",), env={"EDUGRAPH_MAX_ARTICLE_BYTES": "-5"}),
    ]


# ------------------------------------------------------------------------------------------------ metadata

WRONG_VALUES = [("int", 123), ("float", 1.5), ("list", ["a", "b"]), ("object", {"a": 1}), ("true", True),
                ("empty", "")]


def metadata_documents() -> list[tuple[str, bytes, str, tuple]]:
    docs = []
    for key in ("title", "place", "url", "source", "language", "date", "id"):
        for label, value in WRONG_VALUES:
            if key == "source" and label == "empty":
                continue  # an empty source is allowed
            docs.append((f"{key}-{label}", json.dumps({key: value}).encode(), "error", (f"'{key}'",) if
                         key not in ("date", "id") else ()))
    for date, expect in [("2023-02-31", "error"), ("0000-00-00", "error"), ("2023-13-01", "error"),
                         ("2023-00", "error"), ("2023-2-1", "error"), ("31.02.2023", "error"), ("2024-02-29", "ok"),
                         ("2023-02-29", "error"), ("99999-01-01", "error"), ("2023-06", "ok"), ("1999", "ok"),
                         (" 2023-01-01", "error"), ("2023-01-01T10:00", "error")]:
        docs.append((f"date-{date}", json.dumps({"date": date}).encode(), expect, ()))
    for index, (url, expect) in enumerate([("https://example.org/a b", "error"), ("javascript:alert(1)", "error"),
                        ("ftp://example.org/x", "error"), ("http://", "error"), ("https://example.org/\n", "error"),
                        ("https://example.org/a?b=1&c=%20", "ok"), ("https://пример.рф/новости", "ok"),
                        ('https://example.org/"><script>', "error"),
                        # not IRIs, which every build used to fail on (Oxigraph refused the written N-Triples)
                        ("http://[::1", "error"), ("http://a:xx/", "error"), ("http://a/%zz", "error"),
                        ("http://a/#b#c", "error"), ("http://a/\x01", "error"), ("http://a/\U0010ffff", "error"),
                        ("http://a/[x]", "error"), ("https://xn--e1afmkfd.xn--p1ai/?q=%D0%B4", "ok")]):
        docs.append((f"url-{index}", json.dumps({"url": url}).encode(), expect, ("'url'",) if expect == "error"
                     else ()))
    raw = [
        ("nan", b'{"title": NaN}', "error", ()),
        ("infinity", b'{"place": Infinity}', "error", ()),
        ("huge-int", b'{"title": 1' + b"0" * 5000 + b"}", "error", ()),
        ("not-json", b"{title: x}", "error", ("not valid JSON",)),
        ("truncated", b'{"title": "x', "error", ("not valid JSON",)),
        ("list", b'["a"]', "error", ("JSON object",)),
        ("string", b'"x"', "error", ("JSON object",)),
        ("null", b"null", "error", ()),
        ("number", b"1", "error", ("JSON object",)),
        ("unknown-key", b'{"author": "x"}', "error", ("unknown metadata keys",)),
        ("many-unknown-keys", json.dumps({f"k{i}": i for i in range(5000)}).encode(), "error", ("unknown",)),
        ("id-mismatch", b'{"id": "other"}', "error", ("does not match",)),
        ("id-path", b'{"id": "../../etc/passwd"}', "error", ()),
        ("surrogate-title", b'{"title": "\\ud800"}', "error", ("surrogate",)),
        ("surrogate-key", b'{"\\udc80": 1}', "error", ()),
        ("deep-list", b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "error", ()),
        ("deep-object", b'{"title": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"}", "error", ()),
        ("big-title", json.dumps({"title": "x" * 300_000}).encode(), "error", ("bigger than",)),
        ("utf16", json.dumps(META_OK).encode("utf-16"), "error", ("not valid JSON",)),
        ("cp1251", json.dumps({"title": "Новости"}, ensure_ascii=False).encode("cp1251"), "error", ()),
        ("binary", bytes(range(256)), "error", ()),
        ("empty-file", b"", "error", ("not valid JSON",)),
        ("bom", b"\xef\xbb\xbf" + json.dumps({"title": "Новости"}).encode(), "ok", ()),
        ("duplicate-keys", b'{"title": "a", "title": "b"}', "any", ()),
        ("all-null", json.dumps(dict.fromkeys(("title", "date", "language", "place", "url", "source"))).encode(),
         "ok", ()),
        ("complete", json.dumps(META_OK | {"id": "bad"}).encode(), "ok", ()),
    ]
    return docs + raw


def metadata_cases() -> list[Case]:
    cases = []
    for name, document, expect, words in metadata_documents():
        files = {"bad.txt": PROSE.encode(), "bad.json": document}
        cases.append(Case("metadata", name, ["extract", "{case}/bad.txt"], files, expect, words))
    cases.append(Case("metadata", "folder", ["extract", "{case}/bad.txt"],
                      {"bad.txt": PROSE.encode(), "bad.json/inner": b"{}"}, "error", ("is a folder",)))
    cases.append(Case("metadata", "in-build", build_argv(),
                      seed_files() | {f"articles/{SEED_ID}.json": b'{"title": 123}'}, "error", ("'title'",)))
    cases.append(Case("metadata", "in-build-date", build_argv(),
                      seed_files() | {f"articles/{SEED_ID}.json": b'{"date": "2023-02-31"}'}, "error", ("calendar",)))
    return cases


# ------------------------------------------------------------------------------------------------ curation

def curation_texts() -> list[tuple[str, str, str, tuple]]:
    """(name, YAML text, expect, words)."""
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}' if i else '*a'] * 10)}]\n" for i in range(9))
    texts = [
        ("alias-bomb", bomb, "error", ("aliases",)),
        ("alias-100", "n: &n x\nnote: x\nremove: {persons: [" + ", ".join(["*n"] * 101) + "]}\n", "error",
         ("aliases",)),
        ("deep-lists", "note: " + "[" * 5000 + "]" * 5000 + "\n", "error", ("nested deeper",)),
        ("deep-maps", "note: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n", "error", ("nested deeper",)),
        ("deep-block", "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x\n", "error", ()),
        ("python-tag", "note: !!python/object/apply:os.system ['touch /tmp/pwned']\n", "error", ("malformed",)),
        ("python-name", "note: !!python/name:os.system\n", "error", ("malformed",)),
        ("custom-tag", "note: !foo bar\n", "error", ("malformed",)),
        ("unclosed", "add: [unclosed\n", "error", ("malformed",)),
        ("tab-indent", "add:\n\tpersons: []\n", "error", ("malformed",)),
        ("two-documents", "note: a\n---\nnote: b\n", "error", ("malformed",)),
        ("list-top", "- a\n- b\n", "error", ("mapping",)),
        ("scalar-top", "just text\n", "error", ("mapping",)),
        ("number-top", "42\n", "error", ("mapping",)),
        ("unknown-key", "additions: {}\n", "error", ("unknown keys",)),
        ("article-mismatch", "article: other\n", "error", ("does not match",)),
        ("article-number", "article: 12\n", "error", ()),
        ("dup-top", "note: a\nnote: b\n", "error", ("duplicate key",)),
        ("dup-replace", "replace:\n  a: b\n  a: c\n", "error", ("duplicate key",)),
        ("dup-event-key", "add:\n  events:\n    - {name: X, name: Y}\n", "error", ("duplicate key",)),
        ("replace-empty-key", 'replace: {"": "XX"}\n', "error", ("non-empty",)),
        ("replace-number", "replace: {a: 1}\n", "error", ("'replace.a'",)),
        ("replace-list", "replace: [a, b]\n", "error", ("'replace'",)),
        ("replace-null-value", "replace: {a: null}\n", "error", ()),
        ("remove-dict", "remove: {persons: [{name: X}]}\n", "error", ()),
        ("remove-empty-name", "remove: {persons: ['']}\n", "error", ("non-empty",)),
        ("remove-unknown-section", "remove: {people: [X]}\n", "error", ("'people'",)),
        ("remove-not-list", "remove: {persons: X}\n", "error", ()),
        ("add-unknown-section", "add: {people: []}\n", "error", ("'people'",)),
        ("add-not-mapping", "add: [x]\n", "error", ()),
        ("add-person-no-name", "add: {persons: [{posts: []}]}\n", "error", ("'name'",)),
        ("add-person-empty", "add: {persons: [{name: ''}]}\n", "error", ("non-empty",)),
        ("add-person-blank", "add: {persons: [{name: '   '}]}\n", "error", ("no letter",)),
        ("add-person-emoji", "add: {persons: [{name: '🙂'}]}\n", "error", ("no letter",)),
        ("add-person-string", "add: {persons: [Вера]}\n", "error", ()),
        ("add-post-empty-org", "add: {persons: [{name: Вера, posts: [{post: x, org: '!!'}]}]}\n", "error",
         ("no letter",)),
        ("add-post-no-post", "add: {persons: [{name: Вера, posts: [{org: x}]}]}\n", "error", ("'post'",)),
        ("add-org-empty", "add: {organisations: ['']}\n", "error", ("non-empty",)),
        ("add-org-dash", "add: {organisations: ['-']}\n", "error", ("no letter",)),
        ("add-org-number", "add: {organisations: [5]}\n", "error", ()),
        ("add-place-empty", "add: {places: ['']}\n", "error", ()),
        ("add-initiative-empty", "add: {initiatives: ['  ']}\n", "error", ("no letter",)),
        ("add-event-no-name", "add: {events: [{type: meeting}]}\n", "error", ("'name'",)),
        ("add-event-bad-type", "add: {events: [{name: X, type: party}]}\n", "error", ("is not one of",)),
        ("add-event-negative", "add: {events: [{name: X, participants: -1}]}\n", "error", ("minimum",)),
        ("add-event-float", "add: {events: [{name: X, participants: 2.5}]}\n", "error", ()),
        ("add-event-string-count", "add: {events: [{name: X, participants: many}]}\n", "error", ()),
        ("add-event-huge-count", "add: {events: [{name: X, participants: " + "9" * 400 + "}]}\n", "any", ()),
        ("add-event-empty-place", "add: {events: [{name: X, place: '...'}]}\n", "error", ("no letter",)),
        ("add-event-extra-key", "add: {events: [{name: X, colour: red}]}\n", "any", ()),
    ]
    for date in ("2023-02-31", "0000-00-00", "31.02.2023", "2023-13", "2023-00-10", "20230101", "2023-1-1",
                 "tomorrow", "2023-02-29"):
        texts.append((f"event-date-{date}", f'add: {{events: [{{name: X, date: "{date}"}}]}}\n', "error", ("date",)))
        texts.append((f"event-date-plain-{date}", f"add: {{events: [{{name: X, date: {date}}}]}}\n", "error", ()))
    texts += [
        ("event-date-ok", "add: {events: [{name: Заседание, date: 2024-02-29, participants: 0}]}\n", "ok", ()),
        ("surrogate", 'note: "\\ud800"\n', "error", ("surrogate",)),
        ("empty-file", "", "ok", ()),
        ("comments-only", "# nothing\n", "ok", ()),
        ("null-sections", "replace:\nremove:\nadd:\n", "ok", ()),
        ("unmatched-remove", "remove: {persons: [Никто Никогда]}\n", "ok", ()),
        ("valid", "replace: {Владикавказа: Владикавказа}\nadd: {initiatives: [IT-cube]}\n", "ok", ()),
    ]
    return texts


def curation_cases() -> list[Case]:
    cases = []
    for name, text, expect, words in curation_texts():
        files = seed_files() | {f"curation/{SEED_ID}.yaml": text.encode("utf-8", "surrogatepass")}
        argv = build_argv() if expect == "error" else ["build", "--quiet", "--articles", "{case}/articles",
                                                       "--curation", "{case}/curation", "--out", "{case}/out"]
        cases.append(Case("curation", name, argv, files, expect, words,
                          subprocess=name in ("alias-bomb", "deep-lists", "deep-maps")))
    broken = [
        ("yml-suffix", {f"curation/{SEED_ID}.yml": b"note: x\n"}, ("rename it",)),
        ("unknown-article", {"curation/999_nothing.yaml": b"note: x\n"}, ("does not exist",)),
        ("utf16", {f"curation/{SEED_ID}.yaml": "note: x\n".encode("utf-16")}, ("not UTF-8",)),
        ("binary", {f"curation/{SEED_ID}.yaml": bytes(range(256))}, ()),
        ("huge", {f"curation/{SEED_ID}.yaml": b"note: " + b"x" * 2_000_000 + b"\n"}, ("bigger than",)),
        ("folder", {f"curation/{SEED_ID}.yaml/inner": b""}, ("is a folder",)),
    ]
    for name, extra, words in broken:
        cases.append(Case("curation", name, build_argv(), seed_files() | extra, "error", words))
    cases.append(Case("curation", "missing-folder", ["build", "--quiet", "--articles", "{case}/articles", "--curation",
                                                     "{case}/nowhere", "--out", "{build}"], seed_files(), "error",
                      ("does not exist",)))
    cases.append(Case("curation", "file-as-folder", ["build", "--quiet", "--articles", "{case}/articles",
                                                     "--curation", "{case}/articles/" + SEED_ID + ".txt", "--out",
                                                     "{build}"], seed_files(), "error", ("not a folder",)))
    return cases


# ------------------------------------------------------------------------------------------------ queries

def query_texts() -> list[tuple[str, str, str, tuple, bool]]:
    """(name, query, expect, words, subprocess)."""
    texts = [
        ("empty", "", "error", ("empty",), False),
        ("blank", "   \n\t", "error", ("empty",), False),
        ("comment-only", "# nothing here\n", "error", ("empty",), False),
        ("prefix-only", "PREFIX a: <http://a/>", "error", (), False),
        ("garbage", "SELEKT * WHERE {}", "error", ("syntax error",), False),
        ("unclosed-brace", "SELECT * WHERE { ?s ?p ?o", "error", (), False),
        ("bad-iri", "SELECT * WHERE { <not an iri> ?p ?o }", "error", (), False),
        ("unknown-prefix", "SELECT * WHERE { zz:a ?p ?o }", "error", (), False),
        ("unknown-function", "SELECT (<urn:f>(1) AS ?x) WHERE {}", "any", (), False),
        ("binary", "\x00\x01\x02", "error", (), False),
        ("surrogate-literal", 'SELECT * WHERE { ?s ?p "\\uD800" }', "any", (), False),
        ("ask", "ASK { ?s ?p ?o }", "ok", (), False),
        ("select-limit", "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "ok", (), False),
        ("construct", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2", "ok", (), False),
        ("describe", "DESCRIBE <urn:nothing>", "ok", (), False),
        ("huge-literal", 'ASK { ?s ?p "' + "x" * 200_000 + '" }', "ok", (), False),
        ("many-unions", "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 300) + " } LIMIT 1", "any", (),
         True),
        ("deep-groups", "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000, "any", (), True),
        ("deep-expression", "SELECT (" + "(" * 5000 + "1" + ")" * 5000 + " AS ?x) WHERE {}", "any", (), True),
        ("cartesian-timeout", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i", "any", (),
         True),
        ("service-loopback", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "any", (),
         True),
        ("load-file", "LOAD <file:///etc/passwd>", "error", (), False),
    ]
    for verb in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE WHERE { ?s ?p ?o }", "CLEAR ALL",
                 "DROP ALL", "CREATE GRAPH <urn:g>", "LOAD <http://127.0.0.1:9/x>", "ADD DEFAULT TO <urn:g>",
                 "DELETE DATA { <urn:a> <urn:b> <urn:c> }", "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                 "COPY DEFAULT TO <urn:g>", "MOVE DEFAULT TO <urn:g>"):
        texts.append((f"update-{verb.split()[0].lower()}-{len(texts)}", verb, "error", ("read-only",), False))
    return texts


def query_cases() -> list[Case]:
    cases = []
    for name, text, expect, words, sub in query_texts():
        argv = ["query", "--build", "{build}", "--timeout", "5", "-e", text]
        cases.append(Case("queries", name, argv, {}, expect, words, subprocess=sub,
                          ))
    cases += [
        Case("queries", "stdin-empty", ["query", "--build", "{build}", "-"], stdin=b"", words=("empty",)),
        Case("queries", "stdin-binary", ["query", "--build", "{build}", "-"], stdin=bytes(range(256))),
        Case("queries", "rq-missing", ["query", "--build", "{build}", "{case}/none.rq"]),
        Case("queries", "rq-folder", ["query", "--build", "{build}", "{case}/dir.rq"], {"dir.rq/x": b""}),
        Case("queries", "rq-binary", ["query", "--build", "{build}", "{case}/b.rq"], {"b.rq": bytes(range(256))}),
        Case("queries", "rq-utf16", ["query", "--build", "{build}", "{case}/u.rq"],
             {"u.rq": "ASK { ?s ?p ?o }".encode("utf-16")}),
        Case("queries", "library-unknown", ["query", "--build", "{build}", "no-such-query"]),
        Case("queries", "library-traversal", ["query", "--build", "{build}", "../../etc/passwd"]),
        Case("queries", "both-forms", ["query", "--build", "{build}", "articles", "-e", "ASK {}"]),
        Case("queries", "no-query", ["query", "--build", "{build}"]),
        Case("queries", "no-build", ["query", "--build", "{case}/nowhere", "-e", "ASK {}"], words=("edugraph build",)),
        Case("queries", "build-is-file", ["query", "--build", "{case}/f", "-e", "ASK {}"], {"f": b"x"}),
        Case("queries", "truncated-all-nq", ["query", "--build", "{case}/b", "-e", "ASK {}"],
             {f"b/{n}": b"<urn:a> <urn:b> <urn:c>" for n in ("all.nq", "asserted.nt", "inferred.nt")} |
             {"b/summary.json": b"{}"}, words=("all.nq",)),
        Case("queries", "garbage-all-nq", ["query", "--build", "{case}/b", "-e", "ASK {}"],
             {f"b/{n}": bytes(range(256)) for n in ("all.nq", "asserted.nt", "inferred.nt")} |
             {"b/summary.json": b"{}"}, words=("all.nq",)),
    ]
    for param in ("x", "=x", "?=1", "a b=1", "", "region"):
        cases.append(Case("queries", f"param-{param or 'empty'}", ["query", "--build", "{build}", "events-in-region",
                                                                  "--param", param]))
    for value in ('"> } DROP ALL #', "<urn:a> } ; CLEAR ALL", "\\", "'", "\udcff", "x" * 10000):
        cases.append(Case("queries", f"param-value-{len(cases)}", ["query", "--build", "{build}", "--format", "json",
                                                                   "events-in-region", "--param", f"region={value}"],
                          expect="any"))
    for fmt in ("yaml", "", "TABLE"):
        cases.append(Case("queries", f"format-{fmt or 'empty'}", ["query", "--build", "{build}", "--format", fmt,
                                                                  "articles"]))
    return cases


# ------------------------------------------------------------------------------------------------ output folders

def output_cases() -> list[Case]:
    cases = [
        Case("output", "viz-out-file", ["viz", "--build", "{build}", "--out", "{case}/f"], {"f": b"keep"},
             words=("must be a folder",)),
        Case("output", "viz-out-build-file", ["viz", "--build", "{build}", "--out", "{build}/summary.json"],
             words=("must be a folder",)),
        Case("output", "viz-no-build", ["viz", "--build", "{case}/nowhere", "--out", "{case}/v"],
             words=("edugraph build",)),
        Case("output", "viz-build-is-file", ["viz", "--build", "{case}/f", "--out", "{case}/v"], {"f": b"x"}),
        Case("output", "viz-out-under-file", ["viz", "--build", "{build}", "--out", "{case}/f/sub"], {"f": b"x"}),
        Case("output", "viz-ok", ["viz", "--build", "{build}", "--out", "{case}/v", "--view", "initiatives"],
             expect="ok"),
        Case("output", "viz-focus-unknown", ["viz", "--build", "{build}", "--out", "{case}/v", "--focus", "Никто"]),
        Case("output", "viz-ego-without-focus", ["viz", "--build", "{build}", "--out", "{case}/v", "--view", "ego"]),
        Case("output", "stats-out-folder", ["stats", "--build", "{build}", "--out", "{case}"],
             words=("must be a file",)),
        Case("output", "stats-out-missing-dir", ["stats", "--build", "{build}", "--out", "{case}/no/such/file.txt"]),
        Case("output", "stats-out-under-file", ["stats", "--build", "{build}", "--out", "{case}/f/x"], {"f": b"x"}),
        Case("output", "stats-no-build", ["stats", "--build", "{case}/nowhere"], words=("edugraph build",)),
        Case("output", "stats-ok", ["stats", "--build", "{build}", "--out", "{case}/s.txt"], expect="ok"),
        Case("output", "build-out-file", build_argv()[:-1] + ["{case}/f"], seed_files() | {"f": b"keep"},
             expect="any"),
        Case("output", "build-out-under-file", build_argv()[:-1] + ["{case}/f/sub"], seed_files() | {"f": b"x"},
             expect="any"),
        Case("output", "build-no-articles", ["build", "--quiet", "--articles", "{case}/none", "--curation",
                                             "{case}/curation", "--out", "{build}"], seed_files(),
             words=("no such articles folder",)),
        Case("output", "build-empty-articles", ["build", "--quiet", "--articles", "{case}/curation", "--curation",
                                                "{case}/curation", "--out", "{build}"], seed_files(),
             words=("no articles",)),
        Case("output", "build-articles-is-file", ["build", "--quiet", "--articles", f"{{case}}/articles/{SEED_ID}.txt",
                                                  "--curation", "{case}/curation", "--out", "{build}"], seed_files()),
        Case("output", "build-missing-ontology", build_argv("--ontology", "{case}/none.ttl"), seed_files()),
        Case("output", "build-broken-shapes", build_argv("--shapes", "{case}/s.ttl"),
             seed_files() | {"s.ttl": b"@prefix : <urn:> . :a :b"}),
        Case("output", "build-shapes-binary", build_argv("--shapes", "{case}/s.ttl"),
             seed_files() | {"s.ttl": bytes(range(256))}),
        Case("output", "build-ontology-folder", build_argv("--ontology", "{case}/curation"), seed_files()),
        Case("output", "load-store-is-file", ["load", "--build", "{build}", "--store", "{case}/f"], {"f": b"keep"}),
        Case("output", "load-no-build", ["load", "--build", "{case}/nowhere", "--store", "{case}/s"]),
    ]
    for name in ("bad id!.txt", "-dash.txt", ".hidden.txt", "ünïcode.txt"):
        cases.append(Case("output", f"article-name-{name}", build_argv(),
                          seed_files() | {f"articles/{name}": PROSE.encode()}, expect="any"))
    return cases


# ------------------------------------------------------------------------------------------------ arguments

NUMBERS = ["-1", "0", "nan", "inf", "-inf", "1e309", "abc", "", "99999999999999999999", "0x10", "1.5"]


def argument_cases() -> list[Case]:
    options = [
        (["query", "--build", "{build}", "-e", "ASK {}", "--timeout"], {"-1", "nan", "inf", "-inf", "1e309", "abc",
                                                                       ""}),
        (["load", "--build", "{build}", "--dry-run", "--endpoint", "http://127.0.0.1:9", "--backoff"],
         {"-1", "nan", "inf", "-inf", "1e309", "abc", ""}),
        (["load", "--build", "{build}", "--dry-run", "--endpoint", "http://127.0.0.1:9", "--timeout"],
         {"-1", "0", "nan", "inf", "-inf", "1e309", "abc", ""}),
        (["load", "--build", "{build}", "--dry-run", "--endpoint", "http://127.0.0.1:9", "--retries"],
         {"-1", "nan", "inf", "-inf", "1e309", "abc", "", "0x10", "1.5"}),
        (["load", "--build", "{build}", "--dry-run", "--endpoint", "http://127.0.0.1:9", "--batch-triples"],
         {"-1", "0", "nan", "inf", "-inf", "1e309", "abc", "", "0x10", "1.5"}),
        (["stats", "--build", "{build}", "--top"], {"-1", "0", "nan", "inf", "abc", "", "1.5"}),
        (["viz", "--build", "{build}", "--out", "{case}/v", "--depth"], {"-1", "0", "nan", "inf", "abc", "", "1.5"}),
        (["viz", "--build", "{build}", "--out", "{case}/v", "--max-nodes"], {"-1", "0", "nan", "abc", ""}),
    ]
    cases = []
    for prefix, refused in options:
        for value in NUMBERS:
            expect = "error" if value in refused else "any"
            cases.append(Case("arguments", f"{prefix[0]}{prefix[-1]}={value or 'empty'}", [*prefix, value],
                              expect=expect, subprocess=value == "99999999999999999999" and prefix[0] == "stats"))
    cases += [
        Case("arguments", "no-command", []),
        Case("arguments", "unknown-command", ["frobnicate"]),
        Case("arguments", "unknown-option", ["build", "--frobnicate"]),
        Case("arguments", "missing-value", ["query", "--build"]),
        Case("arguments", "extract-nothing", ["extract"]),
        Case("arguments", "extract-missing-file", ["extract", "{case}/none.txt"], words=("no such article",)),
        Case("arguments", "extract-folder", ["extract", "{case}"]),
        Case("arguments", "extract-dev-null", ["extract", "/dev/null"]),
        Case("arguments", "extract-bad-lang", ["extract", "--lang", "de", "{case}/a.txt"], {"a.txt": PROSE.encode()}),
        Case("arguments", "add-missing-file", ["add", "{case}/none.txt", "--articles", "{case}/a"]),
        Case("arguments", "add-folder", ["add", "{case}", "--articles", "{case}/a"]),
        Case("arguments", "add-articles-is-file", ["add", "{case}/n.txt", "--articles", "{case}/f"],
             {"n.txt": PROSE.encode(), "f": b"x"}),
        Case("arguments", "add-bad-date", ["add", "{case}/n.txt", "--articles", "{case}/a", "--date", "2023-02-31"],
             {"n.txt": PROSE.encode()}, words=("calendar",)),
        Case("arguments", "add-bad-url", ["add", "{case}/n.txt", "--articles", "{case}/a", "--url", "http://a b"],
             {"n.txt": PROSE.encode()}, words=("'url'",)),
        Case("arguments", "add-empty-title", ["add", "{case}/n.txt", "--articles", "{case}/a", "--title", ""],
             {"n.txt": PROSE.encode()}, expect="any"),
        Case("arguments", "add-binary", ["add", "{case}/n.txt", "--articles", "{case}/a"],
             {"n.txt": bytes(range(256))}),
        Case("arguments", "add-emoji", ["add", "{case}/n.txt", "--articles", "{case}/a"],
             {"n.txt": "🙂🙂🙂".encode()}, words=("no words",)),
        Case("arguments", "add-html-empty", ["add", "{case}/n.html", "--articles", "{case}/a"],
             {"n.html": b"<html><body><script>x</script></body></html>"}),
        Case("arguments", "serve-port-99999", ["serve", "--build", "{build}", "--port", "99999"], subprocess=True),
        Case("arguments", "serve-port-abc", ["serve", "--build", "{build}", "--port", "abc"]),
        Case("arguments", "serve-no-build", ["serve", "--build", "{case}/nowhere", "--port", "0"]),
        Case("arguments", "evaluate-missing", ["evaluate", "{case}/nogold"]),
        Case("arguments", "evaluate-bad-gold", ["evaluate", "{case}/g"],
             {"g/000_8959cadbfaf7abe6.json": b"{bad json"}, words=("not valid JSON",)),
        Case("arguments", "evaluate-wrong-gold", ["evaluate", "{case}/g"],
             {"g/000_8959cadbfaf7abe6.json": b'{"persons": 1}'}, words=("gold",)),
        Case("arguments", "evaluate-no-match", ["evaluate", "{case}/g", "--articles", "{case}/g"],
             {"g/x.json": b"{}"}, words=("no gold file",)),
    ]
    return cases


# ------------------------------------------------------------------------------------------------ load targets

def load_cases() -> list[Case]:
    urls = ["ftp://127.0.0.1/x", "http://", "http://[::1", "http://127.0.0.1:1", "http://127.0.0.1:99999",
            "file:///etc/passwd", "javascript:alert(1)", "http://127.0.0.1:9/a b", "not a url", "",
            "http://127.0.0.1:9/\u0000", "http://user:s3cr3t-pw@127.0.0.1:1/", "https://127.0.0.1:1",
            "http://127.0.0.1:9/" + "x" * 10000, "gopher://127.0.0.1:9/", "//127.0.0.1:1"]
    cases = []
    for index, url in enumerate(urls):
        argv = ["load", "--build", "{build}", "--endpoint", url, "--retries", "0", "--timeout", "3"]
        cases.append(Case("load", f"endpoint-{index}", argv, forbidden=("s3cr3t-pw",)))
        cases.append(Case("load", f"query-endpoint-{index}", ["query", "articles", "--endpoint", url, "--timeout",
                                                              "3"], forbidden=("s3cr3t-pw",)))
    for base in ("", "relative/", "urn:", "http://a b/", "javascript:x", "http://x/\n"):
        cases.append(Case("load", f"graph-base-{base[:10] or 'empty'}", ["load", "--build", "{build}", "--dry-run",
                                                                          "--store", "{case}/s", "--graph-base", base],
                          expect="any" if ":" in base and " " not in base and "\n" not in base else "error"))
    cases += [
        Case("load", "store-and-auth", ["load", "--build", "{build}", "--store", "{case}/s", "--user", "u"]),
        Case("load", "nowhere", ["load", "--build", "{build}"]),
        Case("load", "both-targets", ["load", "--build", "{build}", "--store", "{case}/s", "--endpoint", "http://x"]),
        Case("load", "password-env-missing", ["load", "--build", "{build}", "--endpoint", "http://127.0.0.1:1",
                                              "--user", "u", "--password-env", "NO_SUCH_VARIABLE_X", "--retries", "0"]),
        Case("load", "token-env-empty", ["load", "--build", "{build}", "--endpoint", "http://127.0.0.1:1",
                                         "--token-env", "EMPTY_TOKEN_X", "--retries", "0"], env={"EMPTY_TOKEN_X": ""}),
        Case("load", "store-ok", ["load", "--build", "{build}", "--store", "{case}/s"], expect="ok"),
        Case("load", "store-truncated-build", ["load", "--build", "{case}/b", "--store", "{case}/s"],
             {f"b/{n}": b"<urn:a> <urn:b> <urn:c>" for n in ("all.nq", "asserted.nt", "inferred.nt")} |
             {"b/summary.json": b"{}"}, words=("all.nq",)),
    ]
    return cases


# ------------------------------------------------------------------------------------------------ damaged builds

READERS = {"stats": ["stats", "--build", "{case}/b"], "viz": ["viz", "--build", "{case}/b", "--out", "{case}/v"],
           "query": ["query", "articles", "--build", "{case}/b"], "load": ["load", "--build", "{case}/b", "--store",
                                                                         "{case}/s"]}


def damaged_build_cases() -> list[Case]:
    """Every command that reads a build, on a build with one file truncated, garbled, emptied or missing."""
    cases = []
    damages = [(file, how) for file in ("all.nq", "asserted.nt", "inferred.nt", "ontology.ttl", "summary.json")
               for how in ("truncate", "garbage")] + [("all.nq", "empty"), ("asserted.nt", "missing")]
    for file, how in damages:
        for command, argv in READERS.items():
            cases.append(Case("output", f"{command}-{how}-{file}", argv, expect="any", damage=(file, how)))
    for file, how in damages:  # a load into a store that already holds a build: refused, or the same data again
        expect = "error" if file == "all.nq" and how != "empty" else "any"
        cases.append(Case("load", f"into-loaded-store-{how}-{file}", ["load", "--build", "{case}/b", "--store",
                                                                       "{store}"], expect=expect, damage=(file, how)))
    return cases


def all_cases() -> list[Case]:
    return (article_cases() + size_cases() + metadata_cases() + curation_cases() + query_cases() + output_cases()
            + damaged_build_cases() + argument_cases() + load_cases())
