"""Where the project's files live: one place for every default path."""

from pathlib import Path

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
