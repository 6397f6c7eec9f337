"""Where the project's files live: one place for every default path."""

from pathlib import Path

from .errors import EduGraphError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
GAZETTEERS = DATA / "gazetteers"
CURATION = DATA / "curation"
ONTOLOGY = ROOT / "ontology" / "edugraph.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
SCHEMES = ROOT / "ontology" / "schemes.ttl"  # the SKOS concept schemes, loaded with the ontology
QUERIES = ROOT / "queries"
BUILD = ROOT / "build"
FACTS_SCHEMA = DATA / "facts.schema.json"
METADATA_SCHEMA = DATA / "metadata.schema.json"
CURATION_SCHEMA = DATA / "curation.schema.json"
REQUIRED_BUILD_FILES = ("all.nq", "asserted.nt", "inferred.nt", "summary.json")  # the files require_build checks


def require_build(build_dir: Path = BUILD) -> Path:
    """The build folder, or a clear error saying what to run."""
    build_dir = Path(build_dir)
    missing = [name for name in REQUIRED_BUILD_FILES if not (build_dir / name).is_file()]
    if missing:
        raise EduGraphError(f"no built graph in {build_dir} (missing {', '.join(missing)}): run `edugraph build` first")
    return build_dir
