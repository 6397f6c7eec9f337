"""Names on a small page at first view, in headless Chromium: any node whose label overlaps no other one may be
named, not only the 30 most central ones."""

from __future__ import annotations

import re

import pytest

from edugraph.cli import main
from edugraph.viz import browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.available(),
                       reason=f"{browser.CHROMIUM} missing: install Debian chromium (`make browser` as root)"),
]

READABLE_PX = 11  # the emphasised labels read at 13 px; unemphasised ones are hidden below about 9 px


def test_a_small_page_names_more_than_the_thirty_most_central_nodes(seed_build, tmp_path):
    assert main(["viz", "--build", str(seed_build), "--out", str(tmp_path), "--view", "regions", "--central", "0"]) == 0
    sizes = {page: int(re.search(r'<span id="counts">(\d+) ', page.read_text(encoding="utf-8"))[1])
             for page in tmp_path.glob("region-*.html")}
    page_path = max(sizes, key=sizes.get)
    assert 30 < sizes[page_path] <= 100, sizes  # the seeds' Saint Petersburg page: 38 nodes
    with browser.chromium() as context:
        page, events = browser.open_page(context, page_path)
        ranked = page.evaluate("(px) => window.__nodes.getIds().map(id => window.__labelPx(id) >= px)", READABLE_PX)
        page.close()
    assert len(ranked) == sizes[page_path] and ranked[0]  # most central first
    assert any(ranked[30:]), ranked  # named although not among the 30 most central
    assert events["errors"] == [] and events["console"] == []
