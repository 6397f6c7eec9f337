"""The seeds plus one article whose names carry HTML/JS payloads, built once per session (viz, browser, stats tests)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from edugraph.paths import ARTICLES, CURATION

PAYLOAD_ID = "900_xss_payload"
SCRIPT = "<script>window.__xss='script';alert(1)</script>"
IMG = "\"><img src=x onerror=\"window.__xss='img';alert(1)\">"
PERSON = f"{SCRIPT} Иван Петров"
ORG = f"Центр {IMG}"  # not a numbered school: its canonical label keeps the payload
TEXT = (f"Совещание директоров школ\n\n21 декабря 2023 года директор школы № 5 {SCRIPT} Иван Петров провёл "
        f"совещание в Москве. В совещании приняли участие 40 человек из {IMG} организаций.\n")
META = {"id": PAYLOAD_ID, "title": f"Совещание {IMG}", "date": "2023-12-21", "language": "ru",
        "place": "Москва", "url": None, "source": "tests"}
CURATION_YAML = {"article": PAYLOAD_ID, "add": {
    "organisations": [ORG],
    "persons": [{"name": PERSON, "posts": [{"post": "директор", "org": ORG}]}],
    "events": [{"name": f"Совещание {SCRIPT}", "type": "meeting", "date": "2023-12-21", "place": "Москва",
                "participants": 40, "participant_persons": [PERSON]}]}}


def payload_build(tmp_path_factory) -> Path:
    """Seeds plus the payload article, built once per session (shared by the viz, browser and stats tests)."""
    root = tmp_path_factory.getbasetemp() / "edugraph-payload"
    build = root / "build"
    if (build / "summary.json").is_file():
        return build
    from edugraph.build import run_build, write_build
    shutil.copytree(ARTICLES, root / "articles", dirs_exist_ok=True)
    shutil.copytree(CURATION, root / "curation", dirs_exist_ok=True)
    (root / "articles" / f"{PAYLOAD_ID}.txt").write_text(TEXT, encoding="utf-8")
    (root / "articles" / f"{PAYLOAD_ID}.json").write_text(json.dumps(META, ensure_ascii=False), encoding="utf-8")
    (root / "curation" / f"{PAYLOAD_ID}.yaml").write_text(json.dumps(CURATION_YAML, ensure_ascii=False),
                                                          encoding="utf-8")  # JSON is YAML
    write_build(run_build(root / "articles", root / "curation", progress=False), build)
    return build
