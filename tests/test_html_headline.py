"""`text.html_headline`: the title `edugraph add` gives an HTML page, on pages a little odd."""

from __future__ import annotations

from edugraph.text import html_headline


def test_a_line_break_in_the_headline_keeps_the_words_apart():
    assert html_headline("<h1>Открыт<br>центр «IT-куб»</h1><p>Текст.</p>") == "Открыт центр «IT-куб»"


def test_a_logo_in_an_empty_first_h1_gives_way_to_the_headline():
    page = "<h1><a href='/'><img src='logo.png' alt=''></a></h1><h1>Открыт центр «IT-куб»</h1><p>Текст.</p>"
    assert html_headline(page) == "Открыт центр «IT-куб»"
    assert html_headline("<h1>Первый</h1><p>Текст.</p><h1>Второй</h1>") == "Первый"
    assert html_headline("<p>Текст.</p>") == ""
