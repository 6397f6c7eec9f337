"""The asserted lines of a build that only adds articles, from the previous build's asserted.nt and the new
articles' lines (`merging.merged_after_adding`), are those merged from every article (`merging.merged`)."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from edugraph.merging import ENTITIES, GAZETTEER, merged, merged_after_adding
from edugraph.reasoning_update import PreviousClosure

LABEL, PREF = "<http://www.w3.org/2000/01/rdf-schema#label>", "<http://www.w3.org/2004/02/skos/core#prefLabel>"
ID = "https://w3id.org/edugraph/id/"
ONTOLOGY = "https://w3id.org/edugraph/ontology"


def nt(*lines: str) -> str:
    return "".join(sorted(f"{line} .\n" for line in lines))


def previous_of(graphs: list[tuple[str, str]], backgrounds: list[str]) -> PreviousClosure:
    """A previous build of article `graphs`: its asserted.nt and a store of its named graphs."""
    before = merged(graphs, backgrounds)
    store = ox.Store()
    for name, text in before.parts:
        store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name))
                     for t in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES))
    return PreviousClosure("".join(sorted(before.lines)).encode(), b"", [], {}, store)


def test_adding_gives_the_lines_and_graphs_of_a_full_merge_when_preferred_labels_change():
    place, person, other = f"<{ID}place/p>", f"<{ID}person/a>", f"<{ID}person/b>"
    gazetteer = nt(f'{place} {LABEL} "Ив"@ru', f'{place} {PREF} "Ив"@ru')  # its own prefLabel, as the gazetteer has
    old = [(f"{ID}graph/article/1", nt(f'{place} {LABEL} "Ив"@ru', f'{person} {LABEL} "Анна"@ru',
                                       f'{other} {LABEL} "Б"@ru'))]
    new = [(f"{ID}graph/article/2", nt(f'{place} {LABEL} "Иваново"@ru', f'{person} {LABEL} "Анна Петрова"@ru',
                                       f'{other} {PREF} "Б"@ru'))]
    previous = previous_of(old, [gazetteer])
    full = merged(old + new, [gazetteer])
    after = merged_after_adding(old + new, [gazetteer], [(new[0][1], gazetteer)], previous, ONTOLOGY)
    assert after.lines == sorted(full.lines)
    assert after.sha256 == full.sha256 == hashlib.sha256("".join(after.lines).encode()).hexdigest()
    assert after.parts == full.parts
    # the place's old preferred label stays (the gazetteer holds it), the person's goes: a line is gone
    assert f'{place} {PREF} "Ив"@ru .\n' in after.lines and f'{person} {PREF} "Анна"@ru .\n' not in after.lines
    assert after.added is None
    assert dict(after.parts)[ENTITIES].count("\n") == 3 and GAZETTEER in dict(after.parts)


def test_adding_new_lines_only_lists_them():
    person = f"<{ID}person/a>"
    old = [(f"{ID}graph/article/1", nt(f'{person} {LABEL} "Анна Петрова"@ru'))]
    new = [(f"{ID}graph/article/2", nt(f'{person} {LABEL} "Анна"@ru', f'{person} <{ID}p> "x"'))]
    previous = previous_of(old, [""])
    after = merged_after_adding(old + new, [""], [(new[0][1], "")], previous, ONTOLOGY)
    assert after.lines == sorted(merged(old + new, [""]).lines)
    assert after.added == [f'{person} {LABEL} "Анна"@ru .\n', f'{person} <{ID}p> "x" .\n']


def test_an_english_label_an_english_article_wrote_beats_the_transliteration_of_a_russian_one():
    person = f"<{ID}person/vorobev-andrey>"
    russian = [(f"{ID}graph/article/ru", nt(f'{person} {LABEL} "Андрей Воробьев"@ru',
                                            f'{person} {LABEL} "Andrey Vorobyev"@en'))]
    english = [(f"{ID}graph/article/en", nt(f'{person} {LABEL} "Andrei Vorobyov"@en'))]
    full = merged(russian + english, [""])
    assert f'{person} {PREF} "Andrei Vorobyov"@en .\n' in full.lines  # as long as "Andrey Vorobyev", and greater
    assert f'{person} {PREF} "Андрей Воробьев"@ru .\n' in full.lines
    after = merged_after_adding(russian + english, [""], [(english[0][1], "")], previous_of(russian, [""]), ONTOLOGY)
    assert after.lines == sorted(full.lines)  # the Russian article's build preferred the transliteration
    assert f'{person} {PREF} "Andrey Vorobyev"@en .\n' in previous_of(russian, [""]).asserted.decode()


def test_an_organisation_keeps_the_transliteration_before_an_english_article_s_fallback_label():
    org = f"<{ID}org/rosobrnadzor>"
    graphs = [(f"{ID}graph/article/ru", nt(f'{org} {LABEL} "Рособрнадзор"@ru', f'{org} {LABEL} "Rosobrnadzor"@en')),
              (f"{ID}graph/article/en", nt(f'{org} {LABEL} "Organisation"@en'))]
    assert f'{org} {PREF} "Rosobrnadzor"@en .\n' in merged(graphs, [""]).lines
