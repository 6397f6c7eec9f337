"""`edugraph stats`: figures computed with networkx on the network from analysis/network.py."""

from __future__ import annotations

import csv
import io
import json

from rdflib import Graph

from edugraph.cli import main
from edugraph.analysis.network import to_networkx
from edugraph.paths import ONTOLOGY
from edugraph.analysis.metrics import NAME_WIDTH, compute, format_stats
from support.netgraph import ID, sample_graph
from support.payload import payload_build


def sample_stats(top=5):
    return compute(to_networkx(sample_graph(), Graph().parse(ONTOLOGY)), top=top, lang="en")


def test_counts_by_class_and_property():
    stats = sample_stats()
    assert stats["nodes"] == 8 and stats["edges"] == 11
    assert stats["nodes_by_category"] == {"Person": 2, "Initiative": 2, "Place": 2, "Organisation": 1, "Event": 1}
    assert stats["edges_by_property"]["hasParticipant"] == 2 and stats["edges_by_property"]["worksFor"] == 1


def test_most_central_and_structure():
    stats = sample_stats()
    assert [p["iri"] for p in stats["central"]["Person"]] == [ID + "person/ivanov-i", ID + "person/petrova-a"]
    assert stats["central"]["Organisation"][0]["label"] == "IT-kub shkoly No 5"
    assert stats["central"]["Organisation"][0]["degree"] == round(4 / 7, 4)  # event, initiative, place, person
    assert stats["components"] == {"count": 1, "sizes": [8], "single_nodes": 0}
    assert sum(c["size"] for c in stats["communities"]["largest"]) == 8
    assert sample_stats(top=1)["central"]["Initiative"][0]["label"] == "IT-cube"


def test_formats():
    stats = sample_stats()
    assert json.loads(format_stats(stats, "json")) == stats
    rows = list(csv.reader(io.StringIO(format_stats(stats, "csv"))))
    assert rows[0][:4] == ["section", "name", "value", "detail"] and ["graph", "nodes", "8", "", "", "", ""] in rows
    table = format_stats(stats, "table")
    assert table.startswith("graph:\n  nodes") and "central Person:" in table


def test_table_escapes_a_name_before_cutting_it_to_its_column():
    stats = sample_stats()
    person = stats["central"]["Person"][0]
    person["label"] = "Иванов\u202e" + "я" * NAME_WIDTH  # escaped, then cut: the degree stays in its column
    stats["communities"]["largest"][0]["members"][0] = "\x1b[2Kx"
    table = format_stats(stats, "table")
    line = next(line for line in table.split("\n") if line.startswith("  Иванов"))
    assert line[:2 + NAME_WIDTH] == "  Иванов\\u202e" + "я" * (NAME_WIDTH - 13) + "…"
    assert line[2 + NAME_WIDTH:2 + NAME_WIDTH + 9] == f"{person['degree']!s:>9}"
    assert "\\x1b[2Kx" in table and "\x1b" not in table and "\u202e" not in table


def test_cli_on_a_build(tmp_path_factory, tmp_path, capsys):
    build = payload_build(tmp_path_factory)
    out = tmp_path / "stats.json"
    assert main(["stats", "--build", str(build), "--format", "json", "--out", str(out), "--top", "3"]) == 0
    stats = json.loads(out.read_text(encoding="utf-8"))
    assert stats["nodes"] > 50 and len(stats["central"]["Person"]) == 3
    assert main(["stats", "--build", str(build)]) == 0
    assert "communities:" in capsys.readouterr().out
    assert main(["stats", "--build", str(tmp_path / "none")]) == 2
