"""`text.clean_page`: `edugraph add` reads an HTML page's text and headline from one parse of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from edugraph import text
from edugraph.ingest import prepare_article

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    (ROOT / "tests" / "dev" / "articles" / "dev06_kemerovo_imc_seminar.txt").read_text(encoding="utf-8"),
    "<h1><a href='/'><img src='logo.png' alt=''></a></h1><h1>Открыт<br>центр «IT-куб»</h1><p>a < b&nbsp;c</p>",
    "<div>Главная / Новости</div><H1 class=t>Открыт &laquo;IT-куб&raquo;</H1><p>Текст.</p><!-- never closed",
    "Только текст &amp; ни одного тега",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_text_and_headline_are_those_of_clean_text_and_html_headline(page):
    assert text.clean_page(page) == (text.clean_text(page), text.html_headline(page))


def test_adding_an_html_page_parses_it_once(tmp_path, monkeypatch):
    page = tmp_path / "news.html"
    page.write_text(PAGES[0], encoding="utf-8")
    fed = []
    parsed = text._parsed
    monkeypatch.setattr(text, "_parsed", lambda raw: fed.append(len(raw)) or parsed(raw))
    article = prepare_article(page, tmp_path / "articles")
    assert article.title == "Методический семинар для учителей физики прошел в Кемерово"
    assert "Кемерово" in article.text and "<" not in article.text
    assert fed == [len(PAGES[0])]  # the page once (a headline with markup in its text would be a second, short one)


def test_a_page_without_a_headline_is_titled_by_its_first_line(tmp_path):
    page = tmp_path / "news.html"
    page.write_text("<html><body><p>Открыт центр «IT-куб» в Томске.</p><p>Центр открыт 1 сентября.</p></body></html>",
                    encoding="utf-8")
    article = prepare_article(page, tmp_path / "articles")  # was refused: metadata 'title' = '' is wrong
    assert article.title == "Открыт центр «IT-куб» в Томске."
