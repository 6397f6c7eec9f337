"""Background knowledge from data/gazetteers/*.yaml: places, initiatives, roles, topics, organisation classes.

Every file is loaded once and cached. Look-ups accept any case form: keys are lemmatised
with pymorphy2 (`edugraph.text.lemma_key`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

import iuliia
import yaml

from edugraph.paths import GAZETTEERS
from edugraph.text import fold, lemma, lemma_key, parses

DISTRICT_HEADS = {"район": "район", "district": "район", "административный округ": "административный округ",
                  "округ": "административный округ", "administrative okrug": "административный округ"}
CYRILLIC = re.compile("[а-яё]", re.I)
_CITY_PREFIX = re.compile(r"^(?:г\.|г|город[аеуом]*|гор\.|city of)\s+", re.I)


# ---------------------------------------------------------------- loading and naming

@functools.lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Parsed content of data/gazetteers/<name>.yaml (cached)."""
    with open(GAZETTEERS / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml's: 7x faster


def _table(block: str, fields: tuple[str, ...]) -> list[dict]:
    """Rows of a compact "a|b|c" block as dicts; empty cells become ''. A line starting with "#" is a comment (a
    YAML comment inside a block scalar is part of its text)."""
    rows = []
    for line in block.strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        rows.append(dict(zip(fields, cells + [""] * (len(fields) - len(cells)))))
    return rows


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def transliterate(text: str) -> str:
    """Latin spelling of a Russian name (Wikipedia scheme): «Вера Князева» → "Vera Knyazeva"."""
    return iuliia.WIKIPEDIA.translate(text or "")


def slug(text: str) -> str:
    """Lowercase ASCII slug for IRIs: Cyrillic transliterated, other characters → '-'."""
    ascii_text = transliterate(text).replace("'", "").replace("’", "")
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


# ---------------------------------------------------------------- places

def _place(ident, kind, ru, en, parent, iso=None, also=False) -> dict:
    return {"id": ident, "kind": kind, "ru": ru, "en": en, "iso": iso, "parent": parent,
            "also_federal_subject": also}


@functools.lru_cache(maxsize=1)
def _places() -> tuple[dict, dict, dict, dict]:
    """(records by id, lemma-key index → ids, district index (adjective lemma, head) → ids, index of the towns named
    like a word or a person → ids)."""
    records, names = {}, {}

    def add(record, aliases):
        records[record["id"]] = record
        names[record["id"]] = [record["ru"], record["en"], *aliases]

    for row in _table(load("countries")["countries"], ("id", "ru", "en", "aliases")):
        add(_place(row["id"], "country", row["ru"], row["en"], None), _split(row["aliases"]))
    for row in _table(load("federal_districts")["federal_districts"], ("id", "ru", "en", "aliases")):
        add(_place(row["id"], "federal_district", row["ru"], row["en"], "russia"), _split(row["aliases"]))
    for row in load("federal_subjects")["federal_subjects"]:
        add(_place(row["id"], row["kind"], row["ru"], row["en"], row["parent"], row["iso"],
                   row["also_federal_subject"]), row["aliases"])
    fields = ("id", "ru", "en", "parent", "aliases", "adj")
    adjectives = dict(load("cities").get("adjectives") or {})
    for row in _table(load("cities")["cities"], fields):
        if row["id"] in records:
            continue  # a hand row wins over a town generated below it with the same id (make_towns.py)
        add(_place(row["id"], "city", row["ru"], row["en"], row["parent"]), _split(row["aliases"]))
        adjectives.update({adj: row["id"] for adj in _split(row["adj"])})
    index: dict[str, list[str]] = {}
    for ident, aliases in names.items():
        for alias in aliases:
            for key in {_place_key(alias), fold(alias)}:
                index.setdefault(key, [])
                if ident not in index[key]:
                    index[key].append(ident)
    for adj, ident in adjectives.items():
        index.setdefault("adj:" + lemma(adj), [ident])
    marked: dict[str, list[str]] = {}
    for row in _table(load("cities").get("marked_towns") or "", fields):
        if row["id"] not in records:
            records[row["id"]] = _place(row["id"], "city", row["ru"], row["en"], row["parent"])
            for key in (fold(row["ru"]), "lemma:" + _place_key(row["ru"])):  # the name as written, in any case
                marked.setdefault(key, []).append(row["id"])
    districts: dict[tuple[str, str], list[str]] = {}
    for group in load("districts")["districts"]:
        for row in _table(group["entries"], ("slug", "ru", "en", "abbr")):
            record = _district(group["city"], row["ru"], row["en"], group["head"], group["en_head"], row["slug"])
            records[record["id"]] = record
            for adj in (row["ru"], row["en"]):
                districts.setdefault((lemma(adj), group["head"]), []).append(record["id"])
            for abbr in _split(row["abbr"]):
                index.setdefault(fold(abbr), [record["id"]])
    return records, index, districts, marked


def _place_key(name: str) -> str:
    """The lemma key of a place name; the dative «округу», which the dictionary reads first as the noun «округа»
    (surroundings), is of «округ» («Приволжскому федеральному округу», «Ямало-Ненецкому автономному округу»)."""
    return re.sub(r"(?<![\w-])округа(?![\w-])", "округ", lemma_key(name))


def _district(city: str, adj_ru: str, adj_en: str, head: str, en_head: str, adj_slug: str | None = None) -> dict:
    suffix = "okrug" if head != "район" else "district"
    ident = f"{city}-{adj_slug or slug(adj_ru)}-{suffix}"
    return _place(ident, "district", f"{adj_ru} {head}", f"{adj_en} {en_head.title()}", city)


def place(ident: str) -> dict | None:
    """The place record with this id."""
    return _places()[0].get(ident)


def ancestors(record: dict | None, lookup=None) -> Iterator[dict]:
    """The place itself, then every enclosing place up to the country: the one walk up the place hierarchy.

    `lookup` finds a parent record by id (default: `place`; resolution passes one that also knows the
    districts it derived).

    >>> [r["id"] for r in ancestors(place("vladikavkaz"))]
    ['vladikavkaz', 'north-ossetia-alania', 'russia']
    """
    lookup = lookup or place
    while record:
        yield record
        record = lookup(record["parent"]) if record.get("parent") else None


def all_places() -> list[dict]:
    """Every place record of the gazetteer (countries, federal districts, federal subjects, cities, districts)."""
    return list(_places()[0].values())


def federal_subjects() -> list[dict]:
    """The 89 subjects of the Russian Federation (cities of federal significance included)."""
    return [p for p in all_places() if p["kind"] == "federal_subject" or p["also_federal_subject"]]


def _split_district(key: str) -> tuple[str, str] | None:
    """(adjective lemma, Russian head) when a lemma key names a district, else None."""
    for head_key in sorted(DISTRICT_HEADS, key=len, reverse=True):
        if key.endswith(" " + head_key):
            adjective = key[: -len(head_key) - 1].strip()
            if adjective and " " not in adjective.replace("-", ""):
                return lemma(adjective), DISTRICT_HEADS[head_key]
    return None


def _context_cities(context: list[str] | None) -> list[str]:
    cities = []
    for name in context or []:
        record = find_place(name) if not _split_district(_place_key(name)) else None
        if record and record["kind"] == "city" and record["id"] not in cities:
            cities.append(record["id"])
    return cities


def _find_district(adjective: str, head: str, context: list[str] | None) -> dict | None:
    records, _, districts, _ = _places()
    candidates = districts.get((adjective, head), [])
    cities = _context_cities(context)
    for city in cities:
        for ident in candidates:
            if records[ident]["parent"] == city:
                return records[ident]
    tabled = {records[i]["parent"] for ids in districts.values() for i in ids}
    if cities and head == "район" and cities[0] not in tabled:
        return _derived_district(cities[0], adjective)
    return records[candidates[0]] if candidates else None


def _derived_district(city: str, adjective: str) -> dict:
    """The district «<adjective> район» of a city whose districts are not tabled, registered so that place(id) finds
    it later. Its Russian name is none when the adjective is written only in Latin letters ("Zasviyazhsky district" of
    an English article): "Zasviyazhsky район" is no Russian; the same district named in Russian gets its name.

    >>> _derived_district("ulyanovsk", "zasviyazhsky")["ru"], _derived_district("ulyanovsk", "засвияжский")["ru"]
    (None, 'Засвияжский район')
    """
    records = _places()[0]
    adj_ru = morph_adjective(adjective)
    record = _district(city, adj_ru, transliterate(adj_ru), "район", "district")
    if not CYRILLIC.search(adjective):
        record["ru"] = None
    known = records.setdefault(record["id"], record)
    known["ru"] = known["ru"] or record["ru"]  # one record of the id, named in Russian once any article does
    return known


def morph_adjective(adjective_lemma: str) -> str:
    """Capitalised nominative masculine form of an adjective lemma («кировский» → «Кировский»)."""
    return "-".join(part.capitalize() for part in adjective_lemma.split("-"))


def _bare(name: str) -> str | None:
    """A place name without its blanks and a city prefix («г. Казань» → «Казань»); None for a blank name."""
    return _CITY_PREFIX.sub("", name.strip()) if name and name.strip() else None


def find_place(name: str, context: list[str] | None = None) -> dict | None:
    """The place record for a name in any case form, alias or English; `context` (other place
    names of the article) resolves district names shared by several cities."""
    return _find_place(name, tuple(context or ()))


@functools.lru_cache(maxsize=65536)
def _find_place(name: str, context: tuple[str, ...]) -> dict | None:
    name = _bare(name)
    if name is None:
        return None
    records, index, _, _ = _places()
    key = _place_key(name)
    district = _split_district(key)
    if district:
        return _find_district(*district, list(context))
    for candidate in (fold(name), key, "adj:" + key):
        if candidate.strip(":") and candidate in index:  # a name without words («—») names no place
            return records[index[candidate][0]]
    return None


def find_settlement(name: str) -> dict | None:
    """The place record for the name of a settlement that the text marks as one («г. Гай», «в посёлке Ясном»): a
    place `find_place` finds, or a town named like a word or a person (`marked_towns` of cities.yaml: Гай, Ясный),
    which it never gives."""
    record, bare = find_place(name), _bare(name)
    if record or bare is None:
        return record
    records, _, _, marked = _places()
    name = bare
    ids = marked.get(fold(name)) or [i for i in marked.get("lemma:" + _place_key(name), [])
                                     if _genders(name) & _genders(records[i]["ru"])]  # «Ясном»: Ясный, not Ясная
    return records[ids[0]] if len(ids) == 1 else None


def _genders(name: str) -> set[str | None]:
    """The genders an adjective-shaped name may have, masculine where it may also be neuter («Ясном», «Майского»: a
    town, Ясный or Майский, rather than a village, Майское, whose name is mostly left undeclined); {None} for a noun
    name."""
    genders = {p.tag.gender for p in parses(name.split()[0].lower()) if "ADJF" in p.tag} or {None}
    return genders - {"neut"} if "masc" in genders else genders


# a town's adjective → the stem of its name: «гайский» ← Гай, «ясненский» ← Ясный, «зареченский» ← Заречный,
# «мирнинский» ← Мирный, «светловский» ← Светлый
_ADJECTIVE_STEMS = ((r"(\w+н)[еи]нский", ("ый", "ой", "ий")), (r"(\w+)енский", ("ный",)),
                    (r"(\w+)овский", ("ый", "ой", "ий")), (r"(\w+ц)кий", ("",)),
                    (r"(\w+)ский", ("", "ь", "а", "о", "и", "ы")))


def marked_town_of_adjective(adjective_lemma: str) -> dict | None:
    """The town named like a word (`find_settlement`) that a relative adjective is made from: «гайский» → Гай."""
    records, _, _, marked = _places()
    for pattern, endings in _ADJECTIVE_STEMS:
        stem = re.fullmatch(pattern, adjective_lemma)
        ids = [i for ending in endings if stem for i in marked.get(fold(stem[1] + ending), [])]
        if len(ids) == 1:
            return records[ids[0]]
    return None


# ---------------------------------------------------------------- initiatives

@functools.lru_cache(maxsize=1)
def initiatives() -> list[dict]:
    """Initiative records {id, en, ru, cls, part_of, variants, cs_variants}, specific ones first."""
    return [{"cs_variants": [], **record} for record in load("initiatives")["initiatives"]]


@functools.lru_cache(maxsize=1)
def _initiative_patterns() -> list[tuple[dict, list[re.Pattern]]]:
    return [(record, [re.compile(v, re.I) for v in record["variants"]] +
             [re.compile(v) for v in record["cs_variants"]]) for record in initiatives()]


def initiative(ident: str) -> dict | None:
    """The initiative record with this id."""
    return next((r for r in initiatives() if r["id"] == ident), None)


def initiative_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, id) of every initiative mention; a span claimed by a more specific record
    (listed earlier) is not reported again for a later one."""
    text = text.replace("ё", "е").replace("Ё", "Е")
    spans: list[tuple[int, int, str]] = []  # disjoint, sorted by start and so by end too
    for record, patterns in _initiative_patterns():
        for pattern in patterns:
            for match in pattern.finditer(text):
                before = bisect.bisect_left(spans, (match.end(),))  # the spans starting before this one ends
                if not before or spans[before - 1][1] <= match.start():  # only the last of them can overlap
                    spans.insert(before, (match.start(), match.end(), record["id"]))
    return spans


def find_initiatives(text: str) -> list[str]:
    """Initiative ids mentioned in a text, in first-mention order."""
    ids: list[str] = []
    for _, _, ident in initiative_spans(text):
        if ident not in ids:
            ids.append(ident)
    return ids


@functools.lru_cache(maxsize=16384)
def find_initiative(name: str) -> dict | None:
    """The initiative record for a name (any case form, spelling or the English name)."""
    key, folded = lemma_key(name), fold(name)
    for record in initiatives():
        if folded in {record["id"], fold(record["en"]), fold(record["ru"])} or key == lemma_key(record["ru"]):
            return record
    found = find_initiatives(name) or find_initiatives(f"«{name.strip('«»')}»")
    return initiative(found[0]) if found else None


def organisation_initiative(name: str) -> str | None:
    """Id of the initiative an organisation belongs to by its name («Кванториум» → kvantorium)."""
    found = find_initiatives(name)
    return found[0] if found else None


# ---------------------------------------------------------------- organisations, roles, topics

@functools.lru_cache(maxsize=1)
def _class_rules() -> list[tuple[str, str, list[re.Pattern]]]:
    rules = []
    for rule in load("organisations")["classes"]:
        for scope in ("head", "any"):
            if rule.get(scope):
                rules.append((rule["cls"], scope, [re.compile(p, re.I) for p in rule[scope]]))
    return rules


def _name_head(name: str) -> str:
    """Head part of an organisation name: English text before " of ", Russian first three words."""
    if not re.search("[а-яё]", name, re.I):
        return re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0]
    return " ".join(name.split()[:3])


def organisation_class(name: str) -> str:
    """Ontology class local name of an organisation, from its name."""
    text = (name or "").replace("ё", "е")
    head = _name_head(text)
    for cls, scope, patterns in _class_rules():
        target = head if scope == "head" else text
        if any(p.search(target) for p in patterns):
            return cls
    return load("organisations")["default"]


@functools.lru_cache(maxsize=1)
def _roles() -> list[tuple[dict, list[re.Pattern]]]:
    return [(role, [re.compile(p, re.I) for p in role["patterns"]]) for role in load("roles")["roles"]]


def find_role(post: str) -> dict:
    """Role record {id, en, ru, head} of a post title; unknown posts get a slug id and head False."""
    text = (post or "").replace("ё", "е")
    for role, patterns in _roles():
        if any(p.search(text) for p in patterns):
            return {k: role[k] for k in ("id", "en", "ru", "head")}
    clean = re.sub(r"\s+", " ", post or "").strip()
    return {"id": slug(clean) or "post", "en": transliterate(clean), "ru": clean, "head": False}


@functools.lru_cache(maxsize=1)
def topics() -> list[dict]:
    """Topic records {id, en, ru, patterns}."""
    return load("topics")["topics"]


@functools.lru_cache(maxsize=1)
def _topic_patterns() -> list[tuple[dict, list[re.Pattern]]]:
    flags = lambda p: 0 if re.search(r"[A-ZА-Я]{2}", p) else re.I  # noqa: E731 - acronyms are case-sensitive
    return [(t, [re.compile(p, flags(p)) for p in t["patterns"]]) for t in topics()]


def find_topics(text: str) -> list[str]:
    """English names of the topics a text mentions, in gazetteer order."""
    text = (text or "").replace("ё", "е")
    return [t["en"] for t, patterns in _topic_patterns() if any(p.search(text) for p in patterns)]
