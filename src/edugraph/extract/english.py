"""English mentions without models: capitalised sequences, post appositions ("X, director of Y"),
organisation heads (Academy, Ministry, Committee, Department, Centre, School No. N…) and gazetteer places."""

from __future__ import annotations

import bisect
import functools
import re

from edugraph import gazetteer
from edugraph.extract.dates import EN_MONTHS
from edugraph.extract.english_persons import ORG_HEAD_WORDS, analyse_persons, title_pattern
from edugraph.extract.institutions import institution_mentions
from edugraph.extract.mentions import (Article, Mention, characters, dateline_cities, quotes_of, unlisted,
                                      wide_place_of_a_title)
from edugraph.text import longest_first

CAP = r"(?:[A-Z][\w'’.-]*)"
CONNECT = r"(?:(?:\s+(?:of|for|and|the|on|in))+\s+|\s+|,\s+(?=[A-Z]\w+\s+(?:and|of)\b))"
ORG_HEADS = r"(?:" + "|".join(ORG_HEAD_WORDS) + r")"  # Academy, Ministry … (organisation_words.yaml)
ORG_WORDS = rf"(?:{CAP}\s+){{0,12}}?"  # at most 12 capitalised words before the head (unbounded: quadratic time)
_NUMBER = r"(?:\s+(?:No\.|№)\s*\d+)?"  # "School No. 234", "School № 234"
# a month or weekday ends a name ("the State Kremlin Palace on October 4": a date, not a part of the palace's name)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DATE_WORD = "(?:" + "|".join([m.capitalize() for m in EN_MONTHS] + list(_WEEKDAYS)) + r")(?![\w'’.-])"
ORG = re.compile(rf"(?<![\w«]){ORG_WORDS}{ORG_HEADS}{_NUMBER}(?:{CONNECT}(?:(?!{DATE_WORD}){CAP}|district|region)"
                 rf"{_NUMBER})*")
NETWORK_CENTRE = re.compile(r"(?<![\w-])(?:IT-cube|Kvantorium)\s+(?:centre|center)(?!s)")
_TRIM = re.compile(r"(?:\s+(?:of|for|and|the|on|in))+$|^(?:The|In|At|On)\s+")


def analyse(article: Article) -> None:
    """Fill persons, places and organisations of an English article."""
    text = article.text
    analyse_persons(article)
    article.places = _places(text)
    article.orgs = _orgs(text, article)
    article.places = [p for p in article.places if not _names_organisation(p, article.orgs)
                      and not any(q.start <= p.start < q.end for q in article.persons)]  # "Vladimir Putin"


def _names_organisation(place: Mention, orgs: list[Mention]) -> bool:
    """"Pskov Academic Drama Theater", "Tomsk State University": the city word opens an organisation's name."""
    return " " not in place.value and any(o.start == place.start and o.end > place.end + 1 for o in orgs)


# "Penza, Samara and Perm regions" (at most 12 items before "and": bounded, so linear on a long run of names)
REGION_LIST = re.compile(r"(?P<items>(?:[A-Z][a-z]+,\s+){0,12}[A-Z][a-z]+\s+and\s+[A-Z][a-z]+)"
                         r"\s+(?P<kind>regions|districts)\b")


_VILLAGE_NAME = (r"(?:[A-Z][a-z]+(?:aya|yy|iy|y|i|oye|oe|oy|iye|ye)\s+)?"  # "Malaya Shilna": an adjective first
                 r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*")
VILLAGE = re.compile(r"\b(?:(?:village|settlement|hamlet|stanitsa|khutor|aul)(?:\s+of)?|town\s+of)\s+"
                     rf"(?P<name>{_VILLAGE_NAME})")  # "village Nosok", "the village of Zagvazdino"
# "the villages of Andreevka and Lepokurovo", "stanitsas Ladozhskaya, Kanevskaya and Starominskaya": every name of the
# list (not a list of districts or regions: "villages of Kizilyurtovsky and Tabasaransky districts")
VILLAGE_LIST = re.compile(r"\b(?:villages|settlements|stanitsas|khutors|auls)(?:\s+of)?\s+"
                          rf"(?P<items>{_VILLAGE_NAME}(?:,\s+{_VILLAGE_NAME}){{0,10}},?\s+and\s+{_VILLAGE_NAME})\b"
                          r"(?!\s+(?:[Rr]egion|[Dd]istrict|[Oo]blast|[Kk]rai|[Rr]epublic|[Aa]rea|[Mm]unicipal"
                          r"|[Uu]lus))")
# "Odintsovo district", "Far Eastern Federal District", "Megino-Kangalassky district", "Artinsky urban district"
# (городской округ); a district of Yakutia is an "ulus", a transliterated one a "raion"/"rayon", a municipal okrug
# ("Megino-Kangalassky ulus", "Tunkinsky raion", "Kurchatovsky municipal okrug", "Sovetsky city district")
DISTRICT = re.compile(r"(?<![\w-])(?P<name>(?!(?:The|In|At|On|Of|A|An|Autonomous)\b)"
                      r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:[A-Z][a-z]+(?:ern|al)\s+)*"
                      r"(?:(?:[Mm]unicipal\s+|[Uu]rban\s+|[Cc]ity\s+)?(?:[Dd]istrict|[Uu]lus|[Rr]aion|[Rr]ayon)"
                      r"|(?:[Mm]unicipal|[Uu]rban)\s+[Oo]krug))\b"
                      rf"(?!\s+{ORG_HEADS})")  # "Anabar Ulus Gymnasium": an organisation's name


# "in Neftekamsk, Sibay, Kumertau and Beloretsk", "in Gelendzhik, Novorossiysk and Krymsk": single capitalised words
# listed after a preposition up to the end of the clause, one of them with a Russian town or village ending ("in
# Varvarovka": -ovka/-evka, the commonest village ending)
_TOWN_ENDING = re.compile(r"[A-Z][a-z]+(?:sk|grad|burg|ovo|evo|ino|ovka|evka)")
TOWN = re.compile(r"(?<![\w-])(?:in|from|to|near)\s+(?P<items>[A-Z][a-z]+(?:,\s+[A-Z][a-z]+){0,6}"
                  r"(?:,?\s+and\s+[A-Z][a-z]+)?)(?=[.,;:]|\s+(?:and|in|on|at|with|to)\s|\s*$)")


# "UK", "DPR", "FEFD": a country, federal subject or federal district by a listed abbreviation; "Donetsk People’s
# Republic" (the apostrophe ends a run of capitalised words)
ABBREVIATION = re.compile(r"(?<![\w.-])[A-Z]{2,5}(?![\w-]|\.\w)"
                          r"|(?<![\w-])[A-Z][a-z]+\s+People['’]s\s+Republic(?![\w-])")
# "the Lugansk and Donetsk People’s Republics": each of the two
PEOPLES_REPUBLICS = re.compile(r"(?<![\w-])(?P<first>[A-Z][a-z]+)\s+and\s+(?P<second>[A-Z][a-z]+)\s+People['’]s\s+"
                               r"Republics(?![\w-])")
LARGE_PLACES = ("country", "federal_subject", "federal_district")


def _person_words() -> set[str]:
    """Given names and words that are no names (data/gazetteers/person_names.yaml): never a town of a list."""
    data = gazetteer.load("person_names")
    return set(data["first_names"].split()) | set(data["not_names"].split())


def _places(text: str) -> list[Mention]:
    out = []
    for m in REGION_LIST.finditer(text):  # "Penza, Samara and Perm regions": every item is a region
        for item in re.finditer(r"[A-Z][a-z]+", m.group("items")):
            name = f"{item.group(0)} {m.group('kind')[:-1]}"
            record = gazetteer.find_place(name)
            start = m.start("items") + item.start()
            if record:
                out.append(Mention(start, start + len(item.group(0)), name, {"id": record["id"], "record": record}))
            elif m.group("kind") == "districts":  # "in Kizilyurtovsky, Tabasaransky and Tsumadinsky districts"
                out.append(unlisted(start, start + len(item.group(0)), name))
    found = re.finditer(r"(?<![\w.])(?!(?:In|At|On|The|From|To|For|By|As|After|Before|During|Near)\s)"  # "In Kazan"
                        r"(?:St\.\s*|Saint\s+)?[A-Z][a-z]+"
                        r"(?:-[a-z]+-[A-Z][a-z]+|-[A-Z][a-z]+)?"  # "Rostov-on-Don", "Ulan-Ude"
                        r"(?:\s+(?:Federal\s+District|[A-Z][a-z]+|district|Federation|[Rr]egion|[Oo]blast|[Kk]rai|"
                        r"[Tt]erritory|[Rr]epublic)){0,2}", text)  # "North Caucasus Federal District"
    # "the village of Zagvazdino", "Veshkaymsky District": a settlement or district the gazetteer does not list
    for m in (*VILLAGE.finditer(text), *DISTRICT.finditer(text)):
        if not gazetteer.find_place(m.group("name")):
            out.append(unlisted(m.start("name"), m.end("name"), m.group("name")))
    for m in VILLAGE_LIST.finditer(text):
        for item in re.finditer(_VILLAGE_NAME, m.group("items")):
            if not gazetteer.find_place(item.group(0)):
                start = m.start("items") + item.start()
                out.append(unlisted(start, start + len(item.group(0)), item.group(0)))
    for m in TOWN.finditer(text):
        if not any(_TOWN_ENDING.fullmatch(item) for item in re.findall(r"[A-Z][a-z]+", m.group("items"))):
            continue
        for item in re.finditer(r"[A-Z][a-z]+", m.group("items")):
            name, start = item.group(0), m.start("items") + item.start()
            if not gazetteer.find_place(name) and name not in _person_words():
                out.append(unlisted(start, start + len(name), name))
    for city in dateline_cities(text):  # "MOSCOW, March 2"
        record = gazetteer.find_place(city.value)
        if record:
            out.append(Mention(city.start, city.end, city.value, {"id": record["id"], "record": record}))
    for m in ABBREVIATION.finditer(text):
        record = gazetteer.find_place(m.group(0))
        if record and record["kind"] in LARGE_PLACES:  # not "KAZAN" of a dateline (above)
            out.append(Mention(m.start(), m.end(), m.group(0), {"id": record["id"], "record": record}))
    out += _macro_regions(text)
    for m in PEOPLES_REPUBLICS.finditer(text):
        for group in ("first", "second"):
            record = gazetteer.find_place(f"{m.group(group)} People's Republic")
            if record:
                out.append(Mention(m.start(group), m.end(group), f"{m.group(group)} People's Republic",
                                   {"id": record["id"], "record": record}))
    covered = characters(out)  # "Penza" of "Penza, Samara and Perm regions" is the region, not the city
    found = list(found)  # a run that starts on one ("the village Roadside Samara region") keeps its tails
    context = list(dict.fromkeys(m.group(0) for m in found
                                 if (gazetteer.find_place(m.group(0)) or {}).get("kind") == "city"))
    for m in found:
        words = m.group(0).split()
        # the longest words from the start ("Voronezh Region Governor"), then from the end ("Roadside Samara region")
        heads = [" ".join(words[:k]) for k in range(len(words), 0, -1)] if m.start() not in covered else []
        tails = [" ".join(words[k:]) for k in range(1, len(words))]
        for candidate, offset in [(head, 0) for head in heads] + [(tail, m.group(0).rfind(tail)) for tail in tails]:
            record = gazetteer.find_place(candidate, context)  # ("How Moscow came": the second word alone)
            start = m.start() + offset
            if record and not (out and out[-1].start <= start < out[-1].end):  # matches come in order
                out.append(Mention(start, start + len(candidate), candidate, {"id": record["id"], "record": record}))
                break
    return sorted(_outside_known(out), key=lambda m: m.start)


def _macro_regions(text: str) -> list[Mention]:
    """"Siberia", "the Far East", "the Urals" (`federal_districts.yaml` `en_macro_regions`): an area of several
    subjects as a place of kind "macro_region" (`gazetteer.WIDE_KINDS`: no event's place), not "Far East Federal
    District" (a listed district) nor a word of a quoted title (`wide_place_of_a_title`)."""
    found = [unlisted(m.start(), m.end(), " ".join(m.group(0).split())) for m in _macro_region_pattern().finditer(text)]
    for mention in found:
        mention.extra["kind"] = "macro_region"
    return [m for m in found if not wide_place_of_a_title(text, m)]


@functools.lru_cache(maxsize=1)
def _macro_region_pattern() -> re.Pattern:
    """The listed macro regions (`en_macro_regions`), not before "Federal" (a federal district's name)."""
    names = "|".join(r"\s+".join(map(re.escape, n.split())) for n in gazetteer.load("federal_districts")[
        "en_macro_regions"])
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w-])(?!\s+Federal\b)")


def _outside_known(places: list[Mention]) -> list[Mention]:
    """The places but one the gazetteer lacks written inside a longer one it has: "Caucasus Federal District" (a
    `DISTRICT` of its own) is part of the "North Caucasus Federal District"."""
    known = characters(p for p in places if p.extra["record"])
    return [p for p in places if p.extra["record"] or not known.issuperset(range(p.start, p.end))]


# words that start no school's name: "will open school No. 75", "opened a school named after …", "and gymnasium №180"
NOT_IN_NAME = (r"(?:will|would|to|and|or|of|in|on|at|for|with|by|from|is|was|are|were|be|been|has|have|had|"
               r"open|opens|opened|visit|visits|visited|commissioned)")
# a school's number: "No. 5", "№5", "#5", "number 5" (machine-translated «номер»), or a bare number that ends the name
# ("Dnovsky school 1 in", "school 1."; up to three digits, so no year, and no count of places or pupils after it)
SCHOOL_NUMBER = (r"(?:(?:No\.?\s*|№\s*|#\s*|number\s+)\d+"
                 r"|\d{1,3}(?![\d.,:]?\d)(?=[,.;)]|\s*$|\s+(?:in|of|on|at|and|is|was|has|had|for|named)\s))")
NUMBERED = re.compile(  # "school No. 162 «Smart»", "kindergarten No. 202", "school №31", "school named after X"
    rf"(?<![\w-])(?:[A-Z][a-z]+(?:sky|skoy|skiy|skaya)\s+)?(?:(?!{NOT_IN_NAME}\s)[a-z]+\s+){{0,2}}"
    r"(?:school|kindergarten|lyceum|gymnasium)\s+"
    rf"(?:{SCHOOL_NUMBER}"
    r"(?:\s+[«\"“][^»\"”]{1,40}[»\"”])?|named\s+after\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")
# an organisation named by a quoted name after a lower-case kind ("preschool educational institution «Mileshkei»",
# "agricultural firm «Kama»", "MKU «Education Department of …»") or ending in one ("«Snicka school»", "«French school»
# No. 39"): the English form of «детский сад «Солнышко»»
KINDS = (r"(?:complex|institution|firm|company|house|cluster|school|kindergarten|lyceum|gymnasium|college|"
         r"university|museum|theatre|theater|library|club)")
_KIND_WORD = rf"(?!{NOT_IN_NAME}\s|the\s|a\s|an\s)[a-z][\w-]*\s+"  # "preschool educational", not "the"
QUOTED_KIND = re.compile(rf"(?<![\w-])(?:(?:{_KIND_WORD}){{0,2}}{KINDS}|[A-Z]{{2,5}})\s+«[^«»\n]{{1,60}}»"
                         rf"|«[^«»\n]{{0,60}}\s{KINDS}»(?:\s+(?:No\.?\s*|№\s*)\d+)?")
# a centre, university, kindergarten or company named by a proper name before its lower-case kind, after "the" ("the
# Sirius educational centre for gifted children", "The Mkhattik kindergarten", "the Nornickel company" → "Nornickel"):
# the English form of «образовательный центр «Сириус»»
_PURPOSE = r"\s+for\s+(?:[a-z]+\s+(?:and\s+)?){0,3}?(?:children|youth|students|schoolchildren)"
_NAMED = r"[A-Z][a-z]{2,}\s+(?:[a-z]+(?:al|ic|ive|ed)\s+){0,2}"
# a sentence's "The Sirius educational center for …" is the body "the Sirius center" names: after "The " only a
# kindergarten or company without a purpose ("The Mkhattik kindergarten")
NAMED_KIND = re.compile(rf"(?<=\b[Tt]he\s)(?:(?<!The )|(?={_NAMED}(?:kindergarten|company)(?!{_PURPOSE})(?![\w-])))"
                        rf"(?P<name>{_NAMED}"
                        r"(?:centre|center|university|academy|institute|technopark|park|kindergarten|company))"
                        rf"(?P<purpose>{_PURPOSE})?"
                        r"(?![\w-])")
# a federal body by its listed English name in any case, as machine-translated and agency news write it ("the Agency
# for strategic initiatives", "the Ministry of education and science of Tatarstan"), with a territory after "of"
_TERRITORY_TAIL = r"(?:\s+of\s+(?:the\s+)?(?P<territory>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}(?:\s+[Rr]egion)?))?"


def _federal_names() -> tuple[dict[str, str], re.Pattern]:
    """The English names of `federal_bodies.yaml` of three words or more and their body's id; the pattern finding
    them, longest first, with a territory tail."""
    bodies = {" ".join(n.split()): body["id"] for body in gazetteer.load("federal_bodies")["bodies"]
              for n in body.get("names") or [] if re.fullmatch(r"[a-z ]+", n)}
    long = sorted((n for n in bodies if len(n.split()) > 2), key=longest_first)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in long)
    return bodies, re.compile(rf"(?<![\w-])(?P<name>(?i:{alternatives}))(?![\w-]){_TERRITORY_TAIL}")


FEDERAL_BODIES, FEDERAL_NAME = _federal_names()
POSSESSIVE = re.compile(r"^(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+['’]s\s+")  # "Mikhail Shelkov's Empathy Foundation"


# "… of Sciences. The", not "M. Lomonosov"; a blank line (a headline's end: "Kyren Secondary School\n\nMay 6")
SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\bNo)(?<!\bSt)\.\s+(?=[A-Z])|[^\S\n]*\n[^\S\n]*\n")


# "the International Winter School for Teachers", "Summer School of Young Mathematicians": a school of a season is
# a course held for some days (an event), not an organisation
SEASONAL_SCHOOL = re.compile(r"\b(?:Winter|Summer|Autumn|Spring|Fall)\s+(?:[A-Z][\w-]*\s+)?School\b")


HEADLINE_CHARS = 200


def _headline_words(text: str, match: re.Match, value: str) -> bool:
    """Capitalised words of a title-case headline, found nowhere else in the text ("Russia to Open Digital Education
    Hubs to Teach IT From School Age", "Winners of International School Olympiads"): every word of a headline is
    capitalised, so its capitals name nothing (en_18, en_27; not a list item "• May 6: Kyren Secondary School")."""
    before = text.rfind("\n", max(0, match.start() - HEADLINE_CHARS), match.start())
    end = text.find("\n", match.start(), match.start() + HEADLINE_CHARS)
    if before < 0 < match.start() - HEADLINE_CHARS or end < 0 < len(text) - match.start() - HEADLINE_CHARS:
        return False  # a line longer than a headline (bounded: linear on a text of one long line)
    line = text[before + 1:end if end >= 0 else len(text)].strip()
    words = line.split()
    if len(words) < 4 or re.search(r"[.!?:;,\"”»]$|[:•]", line) or \
            sum(w[:1].isupper() for w in words if len(w) > 3) < len([w for w in words if len(w) > 3]):
        return False
    return text.count(value) == 1


def _bodies(value: str) -> list[str]:
    """The organisations a run joins by "and": "X University and Y Institute", and a name that ends in its head word
    before "and the" another's ("Novosibirsk State University and the Siberian Branch of the Russian Academy of
    Sciences"); not "Ministry of Education and Science"."""
    out = []
    for part in re.split(rf"\s+and\s+(?:the\s+)?(?=(?:[A-Z]\w+\s+){{0,3}}{ORG_HEADS})", value):
        join = next((m for m in re.finditer(r"\s+and\s+the\s+(?=[A-Z])", part)
                     if re.search(rf"\b{ORG_HEADS}{_NUMBER}$", part[:m.start()])
                     and re.search(rf"\b{ORG_HEADS}\b", part[m.end():])), None)
        out += [part[:join.start()], part[join.end():]] if join else [part]
    return out


def _without_title(value: str) -> str:
    """An organisation's name without the post title that ends it: "Kazan Federal University Rector" (before the
    rector's name) → "Kazan Federal University"; not a title after "of"/"for" anywhere before it ("Office of the
    President", "Administration of the Presidential Envoy") or right after "the"/"and"."""
    m = TRAILING_TITLE.search(value)
    return value[:m.start()] if m and m.start() > 0 and not OF_OR_FOR.search(value, 0, m.start()) else value


TRAILING_TITLE = re.compile(rf"(?<!\bthe)(?<!\band)\s+(?:{title_pattern().pattern})$", re.I)
OF_OR_FOR = re.compile(r"\b(?:of|for)\b", re.I)


def _orgs(text: str, article: Article) -> list[Mention]:
    out = [Mention(m.start(), m.end(), m.group(0)) for m in NETWORK_CENTRE.finditer(text)]  # "a new IT-cube centre"
    out += [Mention(m.start(), m.end(), re.sub(r"^(?:the|a|an|new)\s+", "", m.group(0)))
            for m in NUMBERED.finditer(text)]
    covered = characters(out)  # kept as `out` grows: not a scan of `out` for each match

    def add(mention: Mention) -> None:
        out.append(mention)
        covered.update(range(mention.start, mention.end))

    for m in QUOTED_KIND.finditer(text):
        name = re.search(r"«([^«»]*)»", m.group(0)).group(1)
        if not gazetteer.find_initiative(name) and m.start() not in covered:
            add(Mention(m.start(), m.end(), m.group(0)))
    for m in NAMED_KIND.finditer(text):
        if not gazetteer.find_place(m.group("name").split()[0]) and m.group("name").split()[0] not in _person_words() \
                and m.start() not in covered:
            add(Mention(m.start(), m.end(), re.sub(r"\s+company$", "", m.group(0))))  # "the Interstroy company"
    quotes = quotes_of(text)
    person_starts = sorted(p.start for p in article.persons)  # bisected: not a scan of the persons for each match
    for m in ORG.finditer(text):
        after = bisect.bisect_right(person_starts, m.start())  # the first person starting inside the match cuts it
        cut = person_starts[after] if after < len(person_starts) and person_starts[after] < m.end() else m.end()
        cut = min(cut, m.start() + next((e.start() for e in SENTENCE_END.finditer(m.group(0))), len(m.group(0))))
        value = _TRIM.sub("", POSSESSIVE.sub("", text[m.start():cut].strip(" ,").rstrip(".")))
        value = _without_title(_TRIM.sub("", value))
        if quotes.inside_name(m.start()) or gazetteer.find_initiative(value) or _headline_words(text, m, value) \
                or SEASONAL_SCHOOL.search(value):
            continue
        for part in _bodies(value):
            start = m.start() + m.group(0).find(part)
            if (len(part.split()) > 1 or re.search(r"No\.|№", part)) and start not in covered:
                add(Mention(start, start + len(part), part))
    named = {FEDERAL_BODIES.get(" ".join(o.value.lower().split())) for o in out}  # "the Sirius center" too
    found = {o.value for o in out}
    out += institution_mentions(  # "MGIMO", "Rosobrnadzor"; once, and not "Hi-tech Russian Railways quantum"
        text, "en", covered, keep=lambda start, end: text[start:end] not in found and not quotes.inside_name(start))
    for m in FEDERAL_NAME.finditer(text):
        territory = m.group("territory")
        known = territory and (territory == "Russian Federation" or gazetteer.find_place(territory))
        end = m.end() if known else m.end("name")
        body = FEDERAL_BODIES[" ".join(m.group("name").lower().split())]
        if body not in named and covered.isdisjoint(range(m.start(), end)):
            out.append(Mention(m.start(), end, text[m.start():end]))  # within no mention, and none begins in it
            covered.update(range(m.start(), end))
    return out
