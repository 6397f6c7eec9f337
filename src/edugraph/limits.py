"""Every input limit in one place (docs/SECURITY.md).

Each limit can be changed for one run with an environment variable of the same name prefixed
with ``EDUGRAPH_`` (for example ``EDUGRAPH_MAX_ARTICLE_BYTES=4000000``); a value that is not a
positive integer is refused with a one-line error when the limit is first used.

>>> limit("MAX_YAML_DEPTH") == DEFAULTS["MAX_YAML_DEPTH"]
True
"""

from __future__ import annotations

import os

from .errors import EduGraphError

DEFAULTS = {
    # an article's text file (news articles are 2-50 KB; extraction needs ~150x the text size in memory
    # and about a minute per megabyte of the worst text, a place name on each line)
    "MAX_ARTICLE_BYTES": 1_000_000,
    # one "word" (a run of characters without white space); longer runs stall the tokenizer
    "MAX_WORD_CHARS": 1_000,
    # an article's .json metadata file
    "MAX_METADATA_BYTES": 100_000,
    # nesting depth of JSON metadata (objects and lists inside each other)
    "MAX_JSON_DEPTH": 20,
    # one curation YAML file
    "MAX_CURATION_BYTES": 1_000_000,
    # YAML aliases (*name) in one curation file: an alias bomb expands each one
    "MAX_YAML_ALIASES": 100,
    # nesting depth of a curation file (mappings and lists inside each other)
    "MAX_YAML_DEPTH": 20,
    # values in a curation file once its aliases are expanded
    "MAX_YAML_NODES": 100_000,
    # one string of an article's facts after a curation file's `replace` (a sentence is cut at 1,500): a short file
    # replacing each «о» by 800 KB took 2.5 GB and minutes
    "MAX_RENAMED_CHARS": 10_000,
    # an article's `url` (UTF-8 bytes), which the build writes as an IRI: Virtuoso 7.2 cuts IRIs of about 1,900 bytes
    # and more without a word (the triple counts still match)
    "MAX_URL_BYTES": 1_500,
    # the ontology, SKOS schemes or SHACL shapes file (`build --ontology/--shapes`; the project's are under 100 KB)
    "MAX_ONTOLOGY_BYTES": 20_000_000,
    # a query read from standard input (`edugraph query -`)
    "MAX_QUERY_CHARS": 10_000_000,
    # the body of one answer of a SPARQL store (`edugraph load`, `query --endpoint`): a store sending without end
    # would fill the memory
    "MAX_RESPONSE_BYTES": 200_000_000,
}


def limit(name: str) -> int:
    """The limit `name`, from ``EDUGRAPH_<name>`` when that is set, else its default."""
    variable = f"EDUGRAPH_{name}"
    text = os.environ.get(variable)
    if text is None:
        return DEFAULTS[name]
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise EduGraphError(f"{variable}={text!r} must be a positive integer")
    return value
