"""The defects of the seventh analyst pass that resolution made, on the text of real articles: a region's municipal
district taken for a district of the article's town, and a numbered school named by its town's adjective placed in
the article's city."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from edugraph.articles import read_article
from edugraph.build import article_facts
from edugraph.cli import main
from edugraph.resolve import resolve_article
from edugraph.resolve.places import subject_of
from edugraph.sparql.store import open_built
from support.corpus import copy_articles
from support.queries import select

ARTICLES = Path(__file__).parent / "dev" / "articles"
SAFONOVO = "real_ru_u_07_safonovo_points_of_growth_preparation"  # «МКОУ «Прудковская СОШ» Сафоновского района»
KURGAN = "real_ru_t_01_kurgan_august_conference_2022"  # «учитель … МКОУ «Далматовская СОШ №2»» of a Kurgan article


@functools.lru_cache(maxsize=None)
def real(ident: str):
    article = read_article(ARTICLES / f"{ident}.txt")
    return resolve_article(article, article_facts(article, {}))


def test_a_district_named_after_a_town_of_the_region_is_the_regions():
    """real_ru_u_07 (Safonovo): «муниципального образования «Смоленский район» Смоленской области» and «Сафоновского
    района» were districts of the town Safonovo; they are Smolensk Oblast's municipal districts."""
    districts = {p.wording: p.key for p in real(SAFONOVO).places if p.wording.endswith("район")}
    assert set(districts) == {"Смоленский район", "Сафоновский район"}
    assert all(not key.startswith("safonovo-") and subject_of(key) == "smolensk-oblast" for key in districts.values())


def test_a_school_named_by_its_towns_adjective_is_in_that_town():
    """real_ru_t_01 (Kurgan): «МКОУ «Далматовская СОШ №2»» was Kurgan's school No. 2; it is Dalmatovo's."""
    keys = {o.key for o in real(KURGAN).all_organisations() if "Далматовская" in o.wording}
    assert keys and all(key.endswith("-dalmatovo") for key in keys)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`edugraph build` of the two real articles, without curation."""
    root = tmp_path_factory.mktemp("analyst7")
    articles = copy_articles(root / "articles", [SAFONOVO, KURGAN])
    assert main(["build", "--articles", str(articles), "--out", str(root / "build"), "--quiet", "--jobs", "1"]) == 0
    assert json.loads((root / "build" / "summary.json").read_text(encoding="utf-8"))["shacl_conforms"] is True
    return root / "build"


def test_organisations_by_place_puts_the_schools_in_their_towns(built):
    """organisations-by-place listed the Prudki school in the town of Safonovo and Dalmatovo's school in Kurgan."""
    rows = select(open_built(built), "organisations-by-place")
    prudki = {row["placeIri"].rpartition("/")[2] for row in rows if "Прудковская" in row["orgLabel"]}
    dalmatovo = {row["placeIri"].rpartition("/")[2] for row in rows if "Далматовская" in row["orgLabel"]}
    assert "safonovo" not in prudki and {"smolensk-oblast", "smolensk-oblast-safonovsky-district"} <= prudki
    assert "kurgan" not in dalmatovo and {"dalmatovo", "kurgan-oblast"} <= dalmatovo
