"""Two hostile articles (Russian and English) whose names, titles and metadata hold every kind of quote, backslashes,
`\"\"\"`, control characters, U+2028/2029, a BOM mid-text, joiners, combining accents, RTL marks, astral characters,
look-alikes, a 4,000-character organisation name and `<>{}|^#%` (tests/test_hostile_data.py, test_hostile_stores.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from edugraph.cli import main

TQ = '"' * 3
ODD = ("«ёлки» \"double\" „lapki“ 'single' `back` \\slash\\ " + TQ + "triple" + TQ + " bom\ufeffmid zwj\u200d\u200cx "
       "combin\u0301e\u0308 rtl\u200f\u202eevil\u202c emoji 🎓👩\u200d🏫 astral 𝔘𝔫𝔦 lookalike Кvаntоrium "
       "<script>alert(1)</script></script> {x} |y| ^z #frag %41 %zz")
CONTROLS = "ctl\x01\x07\x1b\x7f\x85 sep\u2028line\u2029para"
LONG_NAME = "Организация " * 330  # 3,960 characters
RU_TEXT = f"""Открытие «Кванториума {ODD[:60]}» в Самаре

12 марта 2024 года в Самаре открылся детский технопарк «Кванториум {ODD} {CONTROLS}».
Директор технопарка «Кванториум {ODD}» Иван\u0301 Петрович Сидоров рассказал о планах {CONTROLS}.
В церемонии приняла участие министр образования Самарской области Анна Ивановна Смирнова 🎓.
Школа № 5 «{LONG_NAME}» тоже участвовала в форуме «Форум <b>{{x}}</b> \\{TQ}\\ |^` #% 𝔘».
Директор школы № 7 «Звезда\u202e» Пётр Петрович О'Коннор\\ рассказал о фестивале «Фест\u2028ival «"„“»».
"""
EN_TEXT = f"""Opening of the "Kvantorium {ODD[:50]}" in Kazan

On 12 March 2024 the children's technopark "Kvantorium {ODD} {CONTROLS}" opened in Kazan.
Maria Ivanova, head of School No. 12 "{'Organisation ' * 320}", took part.
The festival "Fest \\"quoted\\" `tick` 👩\u200d🏫" took place in Kazan.
"""
METADATA = {
    "ru_hostile": {"title": ODD + " tab\tand\nline feed", "date": "2024-03-12", "language": "ru",
                   "place": "Самара «\"'`\\ <>{}|^#% 🎓\u2028\u202e",
                   "url": "https://пример.рф/новости/путь?q=«x»&y=𝔘#frag",
                   "source": "src " + TQ + " \\ 🎓 " + "x" * 1000},
    "en_hostile": {"title": "Title with " + TQ + " and \\ and </script>\u2028", "date": "2024-03-12",
                   "language": "en", "place": "Kazan", "url": "https://example.org/ü/%41?x=«y»&z=𝔘", "source": None},
}


def write_articles(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for article_id, text in (("ru_hostile", RU_TEXT), ("en_hostile", EN_TEXT)):
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        (folder / f"{article_id}.json").write_text(json.dumps(METADATA[article_id]), encoding="utf-8")
    return folder


def hostile_build(folder: Path) -> Path:
    """The two articles built into `folder`/build (no curation)."""
    articles = write_articles(folder / "articles")
    (folder / "curation").mkdir(exist_ok=True)
    out = folder / "build"
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--curation", str(folder / "curation"),
                 "--out", str(out)]) == 0
    return out
