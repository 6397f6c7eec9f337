"""Entity resolution: one IRI per real entity, whatever the case form, language or article."""

from __future__ import annotations

from edugraph import resolve


def test_people_merge_across_forms_and_languages():
    assert resolve.person_iri("Вера Князева") == resolve.person_iri("Князева В.В.")
    assert resolve.person_iri("Сергей Кожевников") == resolve.person_iri("Sergey Kozhevnikov")
    assert resolve.person_iri("Вера Князева") != resolve.person_iri("Елена Павлюченко")


def test_numbered_schools_are_told_apart_by_city():
    full = "ГБОУ СОШ № 608 имени Героя Советского Союза Зины Портновой Кировского района Санкт-Петербурга"
    assert resolve.org_iri(full) == resolve.org_iri("школа № 608", "saint-petersburg")
    assert resolve.org_iri("ГБОУ СОШ №608 Кировского района Санкт-Петербурга") == resolve.org_iri(full)
    assert resolve.org_iri("МБОУ «Средняя школа № 1» г. Казани") != resolve.org_iri("школа № 1", "omsk")
    assert resolve.org_iri("школа № 1", "kazan") != resolve.org_iri("школа № 1", "omsk")


def test_centres_keep_their_own_city():
    assert resolve.org_iri("моздокский «Кванториум»", "dagestan") == resolve.org_iri("моздокский «Кванториум»")
    assert resolve.org_iri("владикавказский «Кванториум»") != resolve.org_iri("моздокский «Кванториум»")


def test_places_and_initiatives_by_gazetteer():
    assert resolve.initiative_iri_for("Кванториума") == resolve.initiative_iri_for("Kvantorium")
    assert resolve.initiative_iri_for("ИТ-куб") == resolve.initiative_iri_for("IT-cube")
