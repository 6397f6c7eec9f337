"""Where the other commands may write: never into what `edugraph build` wrote (docs/SECURITY.md).

`stats --out`, `viz --out` and `load --store` name a path of the user's choosing; a path that is a file or folder
of a build (`build/summary.json`, `build/store`, `build/facts/…`) would change data already built, which the
next build reuses. Other paths inside a build folder (`build/viz`, `build/stats.json`) are the user's own.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import EduGraphError
from ..output.folder import MARKER

# the entries a build folder holds that `edugraph build` writes (output/, build.py): its graph files, the
# ontology it used, the facts, the cache, its query store, the SHACL report and the summary that marks it
GRAPH_FILES = r"asserted\.(?:ttl|nt|jsonld|trig|nq)|inferred\.(?:ttl|nt|jsonld)|all\.(?:trig|nq)"
BUILD_ENTRY = re.compile(rf"{GRAPH_FILES}|ontology\.ttl|shacl-report\.txt|facts|cache|store|{re.escape(MARKER)}")


def build_entry(path: Path) -> Path | None:
    """The file or folder of a build that `path` is or lies inside (links followed), if any.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as build:
    ...     _ = (Path(build) / "summary.json").write_text("{}")
    ...     [build_entry(Path(build) / name) == Path(build).resolve() / name.split("/")[0]
    ...      for name in ("store/x", "summary.json", "viz", "stats.json")]
    [True, True, False, False]
    """
    resolved = Path(path).resolve()
    for entry, folder in zip([resolved, *resolved.parents], resolved.parents):
        if (folder / MARKER).is_file():
            return entry if BUILD_ENTRY.fullmatch(entry.name) else None
    return None


def refuse_build_entry(path: Path, option: str) -> None:
    """A one-line error when `path` (the value of `option`) would write over a build's own files."""
    entry = build_entry(path)
    if entry is not None:
        raise EduGraphError(f"{path}: {option} would write into {entry.name} of the build folder {entry.parent}, "
                            "which `edugraph build` writes: choose a path outside the build, or a new name in it")
