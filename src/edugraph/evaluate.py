"""Evaluation of extracted facts against hand-written gold files (tests/gold/<id>.json).

Matching rule (see docs/EXTRACTION.md): strings compare after `fold` (case, quotes, white space, ё=е);
persons on surname + first initial; posts on (person, role id, organisation); organisations on
`organisation_key` or main-word overlap; places on gazetteer id; initiatives on the gazetteer record;
events on type + date or main-word overlap, then date/place/participants only for matched events.
"""

from __future__ import annotations

import re
from pathlib import Path

from edugraph import gazetteer
from edugraph.articles import decode_text, parse_json, read_metadata
from edugraph.errors import EduGraphError
from edugraph.files import read_limited
from edugraph.extract import extract_facts
from edugraph.extract.names import main_words, person_key, same_organisation
from edugraph.text import fold

CATEGORIES = ["persons", "posts", "organisations", "places", "initiatives", "events", "event_dates", "event_places",
              "participant_counts"]
EVENT_WORDS = {"конференция", "совещание", "заседание", "сессия", "форум", "конкурс", "олимпиада", "соревнование",
               "марафон", "диктант", "meeting", "conference", "session", "forum", "competition", "всероссийский",
               "международный", "all-russian", "international"}


def _place_id(name: str | None, context: list[str]) -> str | None:
    record = gazetteer.find_place(name, context) if name else None
    return record["id"] if record else (fold(name) if name else None)


def _initiative_id(name: str) -> str:
    record = gazetteer.find_initiative(name)
    return record["id"] if record else fold(name)


def _posts(facts: dict) -> list[tuple]:
    return [(person_key(p["name"]), gazetteer.find_role(post["post"], post.get("org"))["id"], post.get("org"))
            for p in facts.get("persons", []) for post in p.get("posts") or []]


def _org_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return not a and not b
    return fold(a) == fold(b) or same_organisation(a, b)


def _event_words(name: str) -> set[str]:
    return main_words(name) - EVENT_WORDS


def _event_match(gold: dict, got: dict) -> bool:
    if gold.get("type") and got.get("type") and gold["type"] != got["type"]:
        return False
    if gold.get("date") and got.get("date") and gold["date"] == got["date"]:
        return True
    words_g, words_s = _event_words(gold["name"]), _event_words(got["name"])
    if not words_g or not words_s:
        return fold(gold["name"]) == fold(got["name"])
    return len(words_g & words_s) / min(len(words_g), len(words_s)) >= 0.5


def _pair(gold: list, got: list, same, first=None) -> list[tuple]:
    """Greedy one-to-one matching: (gold item, system item) pairs; pairs for which `first` holds are made
    before the others (events of the same day before events with similar names)."""
    pairs, used, paired = [], set(), set()
    for test in ([first] if first else []) + [same]:
        for j, g in enumerate(gold):
            for i, s in enumerate(got):
                if j not in paired and i not in used and same(g, s) and test(g, s):
                    pairs.append((g, s))
                    used.add(i)
                    paired.add(j)
                    break
    return pairs


def _counts(gold: list, got: list, same, first=None) -> tuple[int, int, int]:
    """(true positives, system total, gold total)."""
    return len(_pair(gold, got, same, first)), len(got), len(gold)


def _same_day(gold: dict, got: dict) -> bool:
    return bool(gold.get("date")) and gold.get("date") == got.get("date")


def _places_equal(a: str | None, b: str | None) -> bool:
    """Same place, or one contains the other (a district of the city, a city of the region)."""
    if a == b:
        return True
    return bool(a and b and (a in _ancestors(b) or b in _ancestors(a)))


def _ancestors(ident: str) -> list[str]:
    """Ids of the places enclosing a place, the country left out (every place is in Russia)."""
    return [r["id"] for r in gazetteer.ancestors(gazetteer.place(ident)) if r["id"] != "russia"][1:]


def compare(gold: dict, got: dict) -> dict[str, tuple[int, int, int]]:
    """Per-category (tp, system, gold) counts for one article (a missing list counts as empty)."""
    g, s = ({k: facts.get(k) or [] for k in ("persons", "organisations", "places", "initiatives", "events")}
            for facts in (gold, got))
    context = g["places"] + s["places"]
    place_ids = lambda names: list(dict.fromkeys(_place_id(p, context) for p in names))  # noqa: E731
    equal = lambda a, b: a == b  # noqa: E731
    result = {
        "persons": _counts([person_key(p["name"]) for p in g["persons"]], [person_key(p["name"]) for p in s["persons"]],
                           equal),
        "posts": _counts(_posts(gold), _posts(got), lambda a, b: a[:2] == b[:2] and _org_match(a[2], b[2])),
        "organisations": _counts(g["organisations"], s["organisations"], _org_match),
        "places": _counts(place_ids(g["places"]), place_ids(s["places"]), equal),
        "initiatives": _counts([_initiative_id(i) for i in g["initiatives"]],
                               [_initiative_id(i) for i in s["initiatives"]], equal),
        "events": _counts(g["events"], s["events"], _event_match, _same_day),
    }
    pairs = _pair(g["events"], s["events"], _event_match, _same_day)
    result["event_dates"] = _attribute(pairs, "date", equal)
    result["event_places"] = _attribute(pairs, "place",
                                        lambda a, b: _places_equal(_place_id(a, context), _place_id(b, context)))
    result["participant_counts"] = _attribute(pairs, "participants", equal)
    return result


def _attribute(pairs: list[tuple], key: str, same) -> tuple[int, int, int]:
    """Attribute of matched events, counted where the gold value is known (null gold = not stated)."""
    known = [(g[key], s.get(key)) for g, s in pairs if g.get(key) is not None]
    tp = sum(1 for g, s in known if s is not None and same(g, s))
    return tp, sum(1 for _, s in known if s is not None), len(known)


def _scores(tp: int, system: int, gold: int) -> dict:
    precision = tp / system if system else (1.0 if not gold else 0.0)
    recall = tp / gold if gold else (1.0 if not system else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "system": system, "gold": gold, "precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(f1, 3)}


def evaluate_facts(pairs: list[tuple[dict, dict]]) -> dict:
    """Scores for (gold, system) facts pairs: per category and the micro-averaged overall."""
    totals = {c: [0, 0, 0] for c in CATEGORIES}
    for gold, got in pairs:
        for category, counts in compare(gold, got).items():
            totals[category] = [t + c for t, c in zip(totals[category], counts)]
    result = {c: _scores(*totals[c]) for c in CATEGORIES}
    result["overall"] = _scores(*(sum(totals[c][i] for c in CATEGORIES) for i in range(3)))
    return result


def read_gold(path: Path) -> dict:
    """A gold facts file, checked against data/facts.schema.json."""
    import jsonschema

    from .facts import error_location, schema
    gold = parse_json(read_limited(path, "MAX_METADATA_BYTES", "gold file"), path, "gold file")
    try:
        jsonschema.validate(gold, schema())
    except jsonschema.ValidationError as err:
        raise EduGraphError(f"{path}: gold '{error_location(err)}': {err.message[:200]}") from None
    return gold


def article_kind(meta: dict) -> str:
    """"real" for a published article (its metadata has a url or a "real: …" source), else "written"
    (an article written for evaluation)."""
    return "real" if meta.get("url") or str(meta.get("source") or "").startswith("real") else "written"


def evaluate(gold_dir, articles_dir, only: str | None = None) -> dict:
    """Extract every article that has a gold file (and whose id matches the regex `only`) and score it:
    {category: {precision, recall, f1, …}, overall, articles, slices: {real|written: {category: …, articles}}}."""
    gold_dir, articles_dir = Path(gold_dir), Path(articles_dir)
    pairs, ids, kinds = [], [], []
    for gold_path in sorted(gold_dir.glob("*.json")):
        text_path = articles_dir / f"{gold_path.stem}.txt"
        if not text_path.exists() or only and not re.search(only, gold_path.stem):
            continue
        text = decode_text(read_limited(text_path, "MAX_ARTICLE_BYTES", "article"), text_path)  # HTML is allowed
        meta = read_metadata(text_path.with_suffix(".json")) or {"id": gold_path.stem}
        got = extract_facts(text, meta.get("language"), meta)
        pairs.append((read_gold(gold_path), got))
        ids.append(gold_path.stem)
        kinds.append(article_kind(meta))
    if not pairs:
        which = f" whose id matches --only {only}" if only else ""
        raise EduGraphError(f"{gold_dir}: no gold file (<id>.json) matches an article{which} in {articles_dir}")
    result = evaluate_facts(pairs)
    result["articles"] = ids
    result["slices"] = {}
    for kind in sorted(set(kinds)):
        chosen = [i for i, k in enumerate(kinds) if k == kind]
        result["slices"][kind] = {**evaluate_facts([pairs[i] for i in chosen]), "articles": [ids[i] for i in chosen]}
    return result


def format_table(result: dict) -> str:
    """A plain-text table of precision, recall and F1 per category; with several slices (real and written
    articles), one F1 column per slice follows."""
    slices = result.get("slices") or {}
    slices = slices if len(slices) > 1 else {}
    head = "".join(f"{name + ' F1':>12}" for name in slices)
    lines = [f"{'category':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'sys':>5}{'gold':>5}{head}"]
    for category in CATEGORIES + ["overall"]:
        s = result[category]
        extra = "".join(f"{part[category]['f1']:>12.3f}" for part in slices.values())
        lines.append(f"{category:<20}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                     f"{s['tp']:>5}{s['system']:>5}{s['gold']:>5}{extra}")
    counts = ", ".join(f"{name}: {len(part['articles'])}" for name, part in slices.items())
    lines.append(f"articles: {len(result.get('articles', []))}" + (f" ({counts})" if counts else ""))
    return "\n".join(lines)
