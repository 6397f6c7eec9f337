"""Who is at an article's main event, read from its extracted facts as the resolver reads them."""

from __future__ import annotations

from edugraph.extract import extract_facts


def main_people(text: str, lang: str, meta: dict) -> list[str]:
    """The people of the main event: its `participant_persons`, else (none, or an empty list) every person of the
    article, as `resolve/article.py` makes its attendees."""
    facts = extract_facts(text, lang, meta)
    return facts["events"][0].get("participant_persons") or [p["name"] for p in facts["persons"]]
