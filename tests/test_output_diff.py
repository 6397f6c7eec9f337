"""The hunks between two texts of sorted lines (output/diff.py), found by block comparison: applying them to the old
text gives the new one, and they hold exactly the lines removed and added, whatever the block sizes."""

from __future__ import annotations

import random

import pytest

from edugraph.output import diff
from edugraph.output.diff import mapped, removed_and_added, sorted_diff


def applied(old: bytes, new: bytes, hunks) -> bytes:
    out, done = [], 0
    for hunk in hunks:
        out += [old[done:hunk.old_start], new[hunk.new_start:hunk.new_end]]
        done = hunk.old_end
    return b"".join([*out, old[done:]])


@pytest.mark.parametrize("gallop", [1, 3, 64, 1 << 16])
def test_hunks_turn_the_old_text_into_the_new_one(monkeypatch, gallop):
    monkeypatch.setattr(diff, "GALLOP", gallop)
    rng = random.Random(gallop)
    for _ in range(150):
        words = range(rng.randint(0, 25))
        pool = sorted({"".join(rng.choice("ab<> ") for _ in range(rng.randint(0, 5))) for _ in words})
        old_lines = [line for line in pool if rng.random() < 0.6]
        new_lines = old_lines if rng.random() < 0.2 else [line for line in pool if rng.random() < 0.6]
        old, new = ("".join(f"{line}\n" for line in lines).encode() for lines in (old_lines, new_lines))
        hunks = sorted_diff(old, new)
        assert applied(old, new, hunks) == new
        removed, added = removed_and_added(old, new, hunks)
        assert sorted(removed.decode().splitlines()) == sorted(set(old_lines) - set(new_lines))
        assert sorted(added.decode().splitlines()) == sorted(set(new_lines) - set(old_lines))
        # between two hunks a common part, the same in both texts (neighbouring hunks are one)
        assert all(0 < b.old_start - a.old_end == b.new_start - a.new_end for a, b in zip(hunks, hunks[1:]))


def test_a_mapped_file_is_compared_in_place_and_a_large_change_gives_up(tmp_path):
    old = "".join(f"<urn:s{n:05}> <urn:p> \"{n}\" .\n" for n in range(0, 3000, 2)).encode()
    new = "".join(f"<urn:s{n:05}> <urn:p> \"{n}\" .\n" for n in range(0, 3000, 3)).encode()
    (tmp_path / "old.nt").write_bytes(old)
    (tmp_path / "empty.nt").write_bytes(b"")
    with mapped(tmp_path / "old.nt") as data:
        hunks = sorted_diff(data, new)
        assert applied(old, new, hunks) == new
        assert sorted_diff(data, new, limit=len(hunks) - 1) is None
    with mapped(tmp_path / "empty.nt") as data:
        assert sorted_diff(data, new) == [diff.Hunk(0, 0, 0, len(new))]
