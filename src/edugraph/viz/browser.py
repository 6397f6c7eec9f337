"""Open generated pages in headless Chromium (system browser, network off): used by tests and bench/viz.py."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def available() -> bool:
    return Path(CHROMIUM).is_file()


@contextmanager
def chromium():
    """A Chromium context with a fresh profile (playwright drives the system browser; nothing is downloaded)."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="edugraph-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=ARGS, viewport={"width": 1280, "height": 800})
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def open_page(context, path: Path, timeout_ms: int = 60_000, hash: str = "") -> tuple:
    """Load a page offline (`hash`: e.g. "lang=en"); returns (page, events) once vis-network has stabilised.

    `events` collects console errors, page errors, dialogs (dismissed) and blocked requests."""
    page = context.new_page()
    events = {"console": [], "errors": [], "dialogs": [], "blocked": []}
    page.on("console", lambda msg: events["console"].append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: events["errors"].append(str(err)))
    page.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file:", "data:")):
            request_route.continue_()
        else:
            events["blocked"].append(url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(Path(path).resolve().as_uri() + (f"#{hash}" if hash else ""))
    page.wait_for_selector("body[data-stabilized]", state="attached", timeout=timeout_ms)
    return page, events


def page_state(page) -> dict:
    """What vis-network reports: node count, canvas size and whether it has non-blank pixels, timings, and the
    labels of the shown nodes whose box (label included) reaches outside the canvas."""
    return page.evaluate("""() => {
        const canvas = document.querySelector('#network canvas');
        const ctx = canvas.getContext('2d');
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let drawn = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) drawn++;
        const t = window.__timing, nodes = window.network.body.data.nodes;
        const cut = nodes.getIds().filter(id => !nodes.get(id).hidden).filter(id => {
            const box = window.network.getBoundingBox(id);
            const a = window.network.canvasToDOM({x: box.left, y: box.top});
            const b = window.network.canvasToDOM({x: box.right, y: box.bottom});
            return a.x < 0 || a.y < 0 || b.x > canvas.clientWidth || b.y > canvas.clientHeight;
        }).map(id => nodes.get(id).label);
        return {cut: cut, nodes: window.network.body.data.nodes.length, width: canvas.width, height: canvas.height,
                drawnPixels: drawn, firstDraw: t.firstDraw - t.start, stabilized: t.stabilized - t.start,
                xss: window.__xss === undefined ? null : String(window.__xss)};
    }""")
