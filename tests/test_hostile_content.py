"""Hostile content, not hostile commands (review: hostile 3): an article that looks normal but whose text, metadata
or curation carries content the pipeline copies into its outputs and stores; and five mends of a review. Each case
failed on the code before it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edugraph.cli import main
from edugraph.sparql.params import ParameterError
from support.robust import run_subprocess
from test_hostile_entry_points import one_error_line
from test_hostile_store_files import COUNT, damaged_copy, garbled_data_blocks

DEV = Path(__file__).parent / "dev"
GOLD = "dev01_tomsk_kvantorium.json"


# --- the five mends --------------------------------------------------------------------------------------------------

def gold_folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir(parents=True)
    (folder / GOLD).write_text(text, encoding="utf-8")
    return folder


def test_a_gold_file_is_read_as_metadata_is(tmp_path, capsys):
    """(a) One reader for both: before, a gold file saved with a byte-order mark was "not valid JSON" (metadata with
    one is read), and one nested past the limit was "not valid JSON: maximum recursion depth exceeded"."""
    gold = (DEV / "gold" / GOLD).read_text(encoding="utf-8")
    assert main(["evaluate", str(gold_folder(tmp_path / "bom", "\ufeff" + gold)), "--articles",
                 str(DEV / "articles"), "--format", "json"]) == 0
    capsys.readouterr()
    deep = gold_folder(tmp_path / "deep", '{"events": ' + "[" * 40_000 + "]" * 40_000 + "}")
    assert main(["evaluate", str(deep), "--articles", str(DEV / "articles")]) == 2
    one_error_line(capsys, f"{GOLD}: the gold file nests deeper than 20 levels")


def test_a_parameter_message_is_no_template():
    """(b) Before, a message naming a second parameter was filled by `str.format`: a `{` in the text around it
    raised KeyError or IndexError (the caller had to double every brace of the values it quoted)."""
    err = ParameterError("'{0}{x}' is after", "from", other="to", rest="('}{')")
    assert str(err) == "--param from: '{0}{x}' is after --param to ('}{')"
    assert err.naming("?") == "?from: '{0}{x}' is after ?to ('}{')"


def test_a_query_meeting_a_damaged_block_says_how_to_make_the_store_again(seed_build, tmp_path, capsys):
    """(d) Before: "the query failed: Corruption: block checksum mismatch …", without the fix the other messages
    about a damaged store give. And `serve` on such a store never answered: counting its graphs with SPARQL grew
    without bound (5 GB in 20 s); now it stops in one line, within the robustness suite's memory limit."""
    folder = damaged_copy(seed_build, tmp_path, garbled_data_blocks)
    assert main(["query", "--build", str(folder), "-e", COUNT]) == 2
    one_error_line(capsys, "the build's store is damaged", "run `edugraph build --full`", "(Corruption: ")
    outcome = run_subprocess(["serve", "--build", str(folder), "--port", "0"], {})
    assert outcome.code == 2 and outcome.stderr.count("\n") == 1, outcome
    assert outcome.stderr.startswith(f"edugraph: error: {folder / 'store'}: the build's store is damaged"), outcome
    assert "run `edugraph build --full`" in outcome.stderr
