"""The query page: one HTML file, its script and style, and the query library as JSON inside the page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from ..library import library

STATIC = "static"


@dataclass(frozen=True)
class Asset:
    name: str
    media_type: str


ASSETS = {f"/static/{a.name}": a for a in [Asset("query.js", "text/javascript; charset=utf-8"),
                                             Asset("query.css", "text/css; charset=utf-8")]}


def asset(item: Asset) -> bytes:
    return resources.files(__package__).joinpath(STATIC, item.name).read_bytes()


def examples() -> list[dict]:
    """The library queries as the page uses them: name, questions, text, parameters with help."""
    return [{"name": q.name, "question_en": q.question_en, "question_ru": q.question_ru, "text": q.text,
             "params": [{"name": n, "required": r, "help": q.param_help.get(n, "")} for n, r in q.params.items()]}
            for q in library()]


def render() -> bytes:
    """query.html with the library embedded as inert JSON (`<` escaped, so no text can close the element)."""
    data = json.dumps(examples(), ensure_ascii=False).replace("<", "\\u003c").replace("&", "\\u0026")
    template = resources.files(__package__).joinpath(STATIC, "query.html").read_text(encoding="utf-8")
    return template.replace("{{LIBRARY}}", data).encode("utf-8")
