"""Extraction on the real development corpus: published news articles with hand-written gold
(tests/dev/articles/real_*.txt, tests/dev/gold/real_*.json; metadata carries url and publication date).

Articles numbered 13 and above in the first collections (real_ru_a_13…, real_ru_b_13…, real_en_11…14) were held
out while the first two rounds of rules were written; the third round used all 46 for error analysis (general
rules only). The fresh slice (real_ru_c_…, real_en_15…) was collected and given gold by reading while that round
was written, and scored only after it (0.703 before the round, 0.720 after; one error class then seen in it,
a region name read as the surname before «Имя Отчество Фамилия», was fixed: 0.732). The fourth round fixed error
classes that recur in unseen news, reading the fresh slice too (programmes named after a qualified
«проект»/"project", case forms of surnames with initials, academic ranks, hashtags, openings told by «начала
работать»): fresh 0.799. The latest slice (real_ru_d_…, real_en_21…26) was collected the same way meanwhile and
scored before and after the fourth round without being tuned on (0.749, then 0.755); the fifth round read it for
error classes (0.835 after). The held-out slice (real_ru_e_…, real_en_27…29) was collected and given gold by
reading while the fifth round was written, by a writer who never ran the extractor, and scored only before and
after it (0.783, then 0.800); the sixth round read it for error classes (0.918 after). The held_out_6 slice
(real_ru_f_…, real_en_30…33) was collected the same way while the sixth round was written and scored before and after
it (0.790, then 0.791); rounds 7 and 7b read it (0.875 after). held_out_7 (real_ru_g_…, real_en_34…37) was
collected while round 8 was written (0.796, then 0.805) and read by round 9 (0.840); held_out_8 (real_ru_h_…,
real_en_38…41) was collected while rounds 8 and 9 were written (0.802 before round 8, 0.803 after it, 0.807 after
round 9) and read by round 10 (0.854); held_out_9 (real_ru_i_…, real_en_42…45) was collected while round 10 was
written (0.768 at the start of round 8, 0.770 after round 9, 0.770 after round 10) and read by round 11
(0.838); held_out_10 (real_ru_j_…, real_en_46…49) was collected while round 11 was written (0.732, then
0.728) and read by round 13 (0.801); held_out_11 (real_ru_k_…, real_en_50…53) was collected while round 13 was
written (0.709, then 0.707) and read by round 14 (0.762); held_out_12 (real_ru_l_…, real_en_54…57) was
collected while round 14 was written (0.734, then 0.737) and read by round 15 (0.759); held_out_13 (real_ru_m_…,
real_en_58…61) and held_out_14 (real_ru_n_…, real_en_62…65) were collected before rounds 16e and 16p (0.763 and
0.731, unchanged by both), then read by round 17 (held_out_13: 0.780; 0.798 with the towns and round 18) and
round 18 (held_out_14: 0.751); held_out_15 (real_ru_o_…, real_en_66…69), collected after round 17, was never read
(0.715 at collection, 0.722 after the GeoNames towns, unchanged by round 18, 0.739 after round 19 settled the gold
convention of counted and planned openings — the first round that moved an unread set by more than 0.01), then read
by rounds 20p and 20e (posts, organisations, places; event dates, initiatives: 0.797). held_out_16 (real_ru_p_…,
real_en_70…73; network centres, mobile technoparks, municipal innovation sites) and held_out_17 (real_ru_q_…,
real_en_74…77: August conferences, olympiad awards, teacher contests, collegiums) were collected after round 19,
their gold committed before any run (0.801 and 0.809 at collection), read by rounds 21p (persons, posts,
organisations, places) and 21e (events, initiatives): 0.808 → 0.876 and 0.809 → 0.833; held_out_18 (real_ru_r_…,
real_en_78…81: IT-cubes, Kvantoriums, «Точка роста», school openings, official visits) and held_out_19
(real_ru_s_…, real_en_82…85: appointments, forums, contests, olympiad awards, seminars) likewise (0.762 and 0.815),
and held_out_20 (real_ru_t_…, real_en_86…89: agency and regional news — appointments, August conferences, counted
school openings, ministers' visits) and held_out_21 (real_ru_u_…, real_en_90…93: small district, school and
university sites) too (0.829 and 0.778). The 48 articles of held_out_18…21 scored 0.792 before rounds 21p and 21e
and 0.793 after. held_out_21 was then read (every error classified, docs/ERRORS_HELD_OUT_21.md; the gazetteer and
round 22en: 0.783), and held_out_22 (real_ru_v_…, real_en_94…97: Siberia, the Urals, the Volga, the North-West) and
held_out_23 (real_ru_w_…, real_en_98…101: the South, the Centre, the Far East) collected (0.797 and 0.765 at
collection). The 60 articles never read (held_out_18, 19, 20, 22, 23) score 0.792. held_out_24 (real_ru_x_…,
real_en_102…105: municipal and district sites, small regional papers) and held_out_25 (real_ru_y_…, real_en_106…109:
regional ministries and agencies — awards, appointments, new schools) were collected on 2026-11-28 by writers who
never ran the extractor (0.855 and 0.759 at collection, main 34ffb78). Then data, not rules, in five parts
(stop 19: national and federal projects, settlements after their kind word, dates and opening verbs, universities
and federal bodies, the post lexicon): the 84 unread articles (held_out_18…20, 22…25) 0.796 → 0.805, six of seven
sets up (18: 0.758 → 0.778, 22: 0.795 → 0.791); more opening verbs found events with dates and places but cost
event precision in held_out_18 and 22 (events 0.72 → 0.686, 0.79 → 0.743) and one date pairing in held_out_16;
held_out_17's reception of olympiad winners, now found as an event, has its 70 guests unread (participant counts
0.64 → 0.5); four more (English names, English posts, regional outlets, event nouns) and the review mends: 0.806. So a
newer held-out set outside this repository gives the honest figure: 0.71–0.86, and rounds of rules move it by less
than 0.01. held_out_26 (real_ru_z_01…08, real_en_110…113: municipal and school sites, small-town portals) and
held_out_27 (real_ru_z_09…16, real_en_114…117: federal and big regional agencies) were collected at the start of
stop 20 (0.857 and 0.774 at collection, main b7cc209); stop 20's rounds, each developed on one half of the readable
articles and kept only where the other half rose, moved the 108 unread articles 0.808 → 0.813 (26: 0.863, 27: 0.782).
held_out_28 (real_ru_z_17…24, real_en_118…121: regional portals, openings and repairs) and held_out_29
(real_ru_z_25…32, real_en_122…125: contests, forums, olympiads; Russian texts cut to the first ~1,000 characters of
their pages) were collected at the start of stop 21, their gold audited by a second reader before any score was read
(0.824 and 0.757 at collection); held_out_18…20 were then retired from measurement and read by round 22.
Thresholds sit a little below the scores measured when the rules were last changed (docs/EXTRACTION.md), so that
a regression fails the test."""

import json
import re
from pathlib import Path

import pytest

from edugraph.evaluate import evaluate, format_table

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "dev"
# slice: (article ids, least articles, F1 thresholds per category)
SLICES = {
    "tuned": (r"^real_(?:ru_[ab]_(?:0[1-9]|1[0-2])|en_(?:0[1-9]|10))_", 30,
              {"persons": 0.98, "posts": 0.92, "organisations": 0.87, "places": 0.9, "initiatives": 0.92,
               "events": 0.88, "event_dates": 0.9, "event_places": 0.76, "overall": 0.9}),
    "held_out": (r"^real_(?:ru_[ab]_(?:1[3-9]|[2-9]\d)|en_1[1-4])_", 8,
                 {"persons": 0.96, "posts": 0.85, "organisations": 0.85, "places": 0.87, "initiatives": 0.92,
                  "events": 0.66, "event_places": 0.87, "overall": 0.86}),
    "fresh": (r"^real_(?:ru_c_\d+|en_(?:1[5-9]|20))_", 16,
              {"persons": 0.96, "posts": 0.73, "organisations": 0.76, "places": 0.9, "initiatives": 0.87,
               "events": 0.71, "event_dates": 0.75, "overall": 0.82}),
    "latest": (r"^real_(?:ru_d_\d+|en_2[1-6])_", 16,
               {"persons": 0.98, "posts": 0.77, "organisations": 0.74, "places": 0.86, "initiatives": 0.87,
                "events": 0.8, "event_dates": 0.82, "overall": 0.84}),
    "held_out_5": (r"^real_(?:ru_e_\d+|en_2[7-9])_", 10,  # posts: round xen (Tehran now a known town) 0.818
                   {"persons": 0.96, "posts": 0.81, "organisations": 0.9, "places": 0.92, "initiatives": 0.92,
                    "events": 0.85, "event_dates": 0.79, "overall": 0.9}),
    "held_out_6": (r"^real_(?:ru_f_\d+|en_3[0-3])_", 12,
                   {"persons": 0.98, "posts": 0.88, "organisations": 0.85, "places": 0.9, "initiatives": 0.83,
                    "events": 0.52, "event_dates": 0.9, "overall": 0.86}),
    "held_out_7": (r"^real_(?:ru_g_\d+|en_3[4-7])_", 12,
                   {"persons": 0.95, "posts": 0.76, "organisations": 0.88, "places": 0.87, "initiatives": 0.87,
                    "events": 0.73, "overall": 0.82}),
    "held_out_8": (r"^real_(?:ru_h_\d+|en_(?:3[89]|4[01]))_", 12,
                   {"persons": 0.9, "posts": 0.74, "organisations": 0.75, "places": 0.94, "initiatives": 0.9,
                    "events": 0.79, "event_dates": 0.83, "overall": 0.83}),
    "held_out_9": (r"^real_(?:ru_i_\d+|en_4[2-5])_", 12,
                   {"persons": 0.87, "posts": 0.84, "organisations": 0.85, "places": 0.86, "events": 0.6,
                    "event_places": 0.89, "overall": 0.82}),
    "held_out_10": (r"^real_(?:ru_j_\d+|en_4[6-9])_", 12,
                    {"persons": 0.98, "posts": 0.64, "organisations": 0.77, "places": 0.83, "events": 0.54,
                     "event_places": 0.95, "overall": 0.78}),
    "held_out_11": (r"^real_(?:ru_k_\d+|en_5[0-3])_", 12,
                    {"persons": 0.97, "posts": 0.6, "organisations": 0.74, "places": 0.77, "initiatives": 0.85,
                     "events": 0.45, "event_places": 0.95, "overall": 0.74}),
    "held_out_12": (r"^real_(?:ru_l_\d+|en_5[4-7])_", 12,
                    {"persons": 0.93, "posts": 0.55, "organisations": 0.55, "places": 0.86, "events": 0.5,
                     "event_places": 0.83, "overall": 0.74}),
    "held_out_13": (r"^real_(?:ru_m_\d+|en_(?:5[89]|6[01]))_", 12,
                    {"persons": 0.96, "posts": 0.52, "organisations": 0.73, "places": 0.82, "initiatives": 0.67,
                     "events": 0.72, "event_places": 0.9, "overall": 0.78}),
    "held_out_14": (r"^real_(?:ru_n_\d+|en_6[2-5])_", 12,
                    {"persons": 0.95, "posts": 0.68, "organisations": 0.76, "places": 0.71, "initiatives": 0.82,
                     "events": 0.58, "event_places": 0.83, "overall": 0.74}),
    "held_out_15": (r"^real_(?:ru_o_\d+|en_6[6-9])_", 12,
                    {"persons": 0.95, "posts": 0.71, "organisations": 0.71, "places": 0.81, "initiatives": 0.85,
                     "events": 0.66, "event_dates": 0.78, "event_places": 0.76, "overall": 0.77}),
    "held_out_16": (r"^real_(?:ru_p_\d+|en_7[0-3])_", 12,
                    {"persons": 0.93, "posts": 0.78, "organisations": 0.78, "places": 0.89, "initiatives": 0.98,
                     "events": 0.76, "event_dates": 0.71, "event_places": 0.98, "overall": 0.85}),
    "held_out_17": (r"^real_(?:ru_q_\d+|en_7[4-7])_", 12,
                    {"persons": 0.98, "posts": 0.69, "organisations": 0.76, "places": 0.9, "initiatives": 0.98,
                     "events": 0.59, "event_dates": 0.85, "event_places": 0.98, "participant_counts": 0.48,
                     "overall": 0.81}),
    "held_out_18": (r"^real_(?:ru_r_\d+|en_(?:7[89]|8[01]))_", 12,
                    {"persons": 0.98, "posts": 0.58, "organisations": 0.61, "places": 0.75, "initiatives": 0.84,
                     "events": 0.67, "event_dates": 0.79, "event_places": 0.56, "overall": 0.79}),
    "held_out_19": (r"^real_(?:ru_s_\d+|en_8[2-5])_", 12,
                    {"persons": 0.94, "posts": 0.57, "organisations": 0.75, "places": 0.94, "initiatives": 0.98,
                     "events": 0.74, "event_dates": 0.92, "event_places": 0.73, "participant_counts": 0.64,
                     "overall": 0.87}),
    "held_out_20": (r"^real_(?:ru_t_\d+|en_(?:8[6-9]))_", 12,
                    {"persons": 0.98, "posts": 0.6, "organisations": 0.74, "places": 0.93, "initiatives": 0.75,
                     "events": 0.58, "event_dates": 0.78, "event_places": 0.98, "participant_counts": 0.98,
                     "overall": 0.82}),
    "held_out_21": (r"^real_(?:ru_u_\d+|en_9[0-3])_", 12,  # organisations, overall: round 22en (0.746, 0.783)
                    {"persons": 0.92, "posts": 0.60, "organisations": 0.72, "places": 0.78, "initiatives": 0.92,
                     "events": 0.58, "event_dates": 0.71, "event_places": 0.88, "participant_counts": 0.64,
                     "overall": 0.76}),
    "held_out_22": (r"^real_(?:ru_v_\d+|en_9[4-7])_", 12,
                    {"persons": 0.92, "posts": 0.59, "organisations": 0.56, "places": 0.84, "initiatives": 0.86,
                     "events": 0.72, "event_dates": 0.86, "event_places": 0.83, "participant_counts": 0.98,
                     "overall": 0.77}),
    "held_out_23": (r"^real_(?:ru_w_\d+|en_(?:9[89]|10[01]))_", 12,
                    {"persons": 0.98, "posts": 0.85, "organisations": 0.56, "places": 0.87, "initiatives": 0.93,
                     "events": 0.36, "event_dates": 0.73, "event_places": 0.83, "overall": 0.74}),
    "held_out_24": (r"^real_(?:ru_x_\d+|en_10[2-5])_", 12,
                    {"persons": 0.98, "posts": 0.78, "organisations": 0.76, "places": 0.87, "initiatives": 0.75,
                     "events": 0.68, "event_dates": 0.91, "event_places": 0.77, "overall": 0.83}),
    "held_out_25": (r"^real_(?:ru_y_\d+|en_10[6-9])_", 12,
                    {"persons": 0.92, "posts": 0.54, "organisations": 0.55, "places": 0.89, "initiatives": 0.82,
                     "events": 0.35, "event_dates": 0.72, "event_places": 0.98, "overall": 0.73}),
    "held_out_26": (r"^real_(?:ru_z_0[1-8]|en_11[0-3])_", 12,
                    {"persons": 0.98, "posts": 0.9, "organisations": 0.82, "places": 0.87, "initiatives": 0.98,
                     "events": 0.6, "event_dates": 0.98, "event_places": 0.77, "overall": 0.85}),
    "held_out_27": (r"^real_(?:ru_z_(?:09|1[0-6])|en_11[4-7])_", 12,
                    {"persons": 0.98, "posts": 0.66, "organisations": 0.74, "places": 0.88, "initiatives": 0.81,
                     "events": 0.38, "event_dates": 0.66, "event_places": 0.98, "overall": 0.77}),
    "held_out_28": (r"^real_(?:ru_z_(?:1[7-9]|2[0-4])|en_(?:11[89]|12[01]))_", 12,
                    {"persons": 0.92, "posts": 0.8, "organisations": 0.72, "places": 0.84, "initiatives": 0.94,
                     "events": 0.59, "event_dates": 0.98, "event_places": 0.55, "overall": 0.8}),
    "held_out_29": (r"^real_(?:ru_z_(?:2[5-9]|3[0-2])|en_12[2-5])_", 12,
                    {"persons": 0.62, "posts": 0.54, "organisations": 0.68, "places": 0.87, "initiatives": 0.58,
                     "events": 0.59, "event_dates": 0.8, "event_places": 0.98, "participant_counts": 0.55,
                     "overall": 0.73}),
}


@pytest.fixture(scope="module")
def scores():
    return {name: evaluate(DEV / "gold", DEV / "articles", only=ids) for name, (ids, _, _) in SLICES.items()}


def test_real_articles_are_published_news_with_url_and_date():
    metas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((DEV / "articles").glob("real_*.json"))]
    assert len(metas) >= 30
    assert all(m.get("url", "").startswith("http") and re.match(r"\d{4}", str(m.get("date"))) for m in metas)
    assert sum(m["language"] == "en" for m in metas) >= 10


def test_slices_are_disjoint_and_real(scores):
    slices = [set(result["articles"]) for result in scores.values()]
    assert sum(len(s) for s in slices) == len(set().union(*slices))
    assert all(set(result["slices"]) == {"real"} for result in scores.values())
    assert all(len(scores[name]["articles"]) >= least for name, (_, least, _) in SLICES.items())


@pytest.mark.parametrize("name,category", [(name, category) for name, (_, _, targets) in SLICES.items()
                                           for category in sorted(targets)])
def test_real_scores(scores, name, category):
    assert scores[name][category]["f1"] >= SLICES[name][2][category], format_table(scores[name])
