"""Name normalisation: persons to the nominative, organisation names to nominative and to matching keys."""

from __future__ import annotations

import re

from edugraph import gazetteer
from edugraph.text import fold, lemma, morph

NAME_TAGS = {"Name", "Surn", "Patr"}
INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.\s?){1,2}$")
_ORG_TYPES = [  # (type key, regex over the folded name) - the first match wins
    ("school", r"(?<!\w)(?:сош|оош|нош|школ\w*|гимнази\w*|лице\w*|school|gymnasium|lyceum|итш)(?!\w)"),
    ("kvantorium", r"кванториум|kvantorium|технопарк"),
    ("it-cube", r"(?:it|ит)[-\s]?куб|it[-\s]?cube"),
    ("imc", r"(?<!\w)имц(?!\w)|методическ\w* центр"),
    ("ddyut", r"ддют|дворец детского"),
    ("university", r"университет|university"),
    ("college", r"колледж|college"),
]
STOP_WORDS = {"и", "в", "во", "на", "по", "для", "с", "со", "из", "к", "о", "об", "от", "при", "имени", "им",
              "the", "of", "for", "and", "in", "at", "on", "a", "an", "to", "по", "№", "no", "г", "город", "city"}


def _case_word(original: str, new: str) -> str:
    """`new` with the capitalisation pattern of `original`."""
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] for p in new.split("-"))
    return new


def _is_nominative_name(word: str) -> bool:
    return any(p.tag.case == "nomn" and NAME_TAGS & set(p.tag.grammemes) for p in morph().parse(word))


def _person_gender(words: list[str]) -> str | None:
    """Gender of a person from the first word that parses as a first name or surname."""
    for word in words:
        for parse in morph().parse(word):
            if {"Name", "Surn"} & set(parse.tag.grammemes) and parse.tag.gender in ("masc", "femn"):
                return parse.tag.gender
    return None


def _nominative_name_word(word: str, gender: str | None) -> str:
    if INITIALS.match(word) or not re.search("[а-яё]", word, re.I) or _is_nominative_name(word):
        return word
    for parse in morph().parse(word):
        if NAME_TAGS & set(parse.tag.grammemes) and (gender is None or parse.tag.gender in (gender, None)):
            form = parse.inflect({"nomn", "sing"} | ({gender} if gender and "Surn" in parse.tag else set()))
            if form:
                return _case_word(word, form.word)
    return word


def normalise_person(name: str) -> str:
    """Nominative full name as given: «Веры Князевой» → «Вера Князева»; «Сизова М.Б.» stays as written."""
    words = re.sub(r"\s+", " ", name or "").strip().split(" ")
    words = [w for w in re.split(r"\s+|(?<=\.)(?=[А-ЯЁA-Z])", " ".join(words)) if w]
    gender = _person_gender([w for w in words if not INITIALS.match(w)])
    out = [_nominative_name_word(w, gender) for w in words]
    text = " ".join(out)
    return re.sub(r"(?<=\.) (?=[А-ЯЁA-Z]\.)", "", text)


def person_key(name: str) -> str:
    """Surname + first initial, used to merge mentions and to compare persons."""
    words = [w for w in re.split(r"[\s.]+", fold(name)) if w]
    if not words:
        return ""
    initial_first = len(words) > 1 and len(words[0]) == 1
    surname_first = len(words) > 1 and all(len(w) == 1 for w in words[1:])
    if initial_first:
        return f"{words[-1]} {words[0]}"
    if surname_first:
        return f"{words[0]} {words[1]}"
    return f"{words[-1]} {words[0][0]}"


# ---------------------------------------------------------------- organisations

def nominative_phrase(phrase: str) -> str:
    """Put the head of a Russian noun phrase in the nominative: leading adjectives and the first noun
    (and a quoted name right after leading adjectives) are inflected, the genitive tail is kept."""
    tokens = re.findall(r"«[^»]*»|\S+", phrase.strip())
    out, gender, number = [], None, "sing"
    for i, token in enumerate(tokens):
        bare = token.strip("«»,")
        if not re.fullmatch(r"[а-яёА-ЯЁ-]+", bare) or (bare.isupper() and len(bare) > 1):
            out.extend(tokens[i:])
            break
        parse = _best_parse(bare)
        if parse is None:
            out.extend(tokens[i:])
            break
        if "NOUN" in parse.tag:
            number = parse.tag.number or "sing"
            out.append(token.replace(bare, _case_word(bare, _inflect(parse, {"nomn", number}))))
            out.extend(tokens[i + 1:])
            break
        gender = gender or parse.tag.gender
        out.append(token.replace(bare, _case_word(bare, _inflect(parse, {"nomn", "sing"} | ({gender} if gender else set())))))
    return " ".join(out)


def _best_parse(word: str):
    parses = [p for p in morph().parse(word) if {"NOUN", "ADJF", "PRTF"} & set(p.tag.grammemes)]
    oblique = [p for p in parses if p.tag.case in ("gent", "datv", "ablt", "loct", "accs", "nomn")]
    return (oblique or parses or [None])[0]


def _inflect(parse, grammemes: set[str]) -> str:
    form = parse.inflect(grammemes) or parse.inflect({"nomn"})
    return form.word if form else parse.word


def _org_number(folded: str) -> str | None:
    match = re.search(r"(?:№|no\.?|n)\s*(\d+)", folded)
    return match.group(1) if match else None


def _org_place(name: str) -> str | None:
    """Id of the most specific place named in an organisation name."""
    found = None
    words = re.findall(r"[\w.-]+", name)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i:i + size])
            if not re.match(r"[А-ЯЁA-Z]", chunk) and size > 1:
                continue
            record = gazetteer.find_place(chunk)
            if record and (found is None or record["kind"] in ("district", "city") and found["kind"] != "district"):
                found = record
    return found["id"] if found else None


def main_words(name: str) -> set[str]:
    """Content-word lemmas of a name (stop words and digits removed)."""
    words = re.findall(r"[\w-]+", fold(name))
    return {lemma(w) for w in words if w not in STOP_WORDS and len(w) > 1 and not w.isdigit()}


def organisation_key(name: str) -> str:
    """Matching key for an organisation: "type|number|place" when the name has a type and a number,
    otherwise "type|place|words…" or the sorted main-word lemmas."""
    folded = fold(name)
    org_type = next((key for key, pattern in _ORG_TYPES if re.search(pattern, folded)), None)
    number = _org_number(folded)
    if org_type and number:
        return f"{org_type}|{number}"
    if org_type in ("kvantorium", "it-cube"):
        return f"{org_type}|{_org_place(name) or ''}"
    return " ".join(sorted(main_words(name)))
