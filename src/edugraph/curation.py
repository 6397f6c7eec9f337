"""Curated corrections: `data/curation/<article id>.yaml`, reviewed by people, never written by extraction.

Format (every section optional; `data/curation.schema.json`)::

    article: 001_b083c668008ffeef     # must match the file name
    note: why these corrections were made
    replace:                          # rename a string wherever it occurs in the extracted names
      "Кирвоский район": "Кировский район"
    remove:                           # drop extracted entries, matched by name (case-insensitive)
      persons: ["Вера Владимировна"]
      organisations: [...]
      places: [...]
      initiatives: [...]
      events: [...]
    add:                              # entries in the facts schema; they replace extracted entries of the same name
      persons: [{name: "...", posts: [{post: "...", org: "..."}]}]
      organisations: ["..."]
      events: [{name: "...", type: meeting, date: "2023-12-21", place: "Москва", participants: 40}]

Curated entries win over extracted ones; `edugraph build` applies them on every run, so
re-running extraction never loses them. Every problem is reported with the file and line:
errors (malformed YAML, duplicate keys, wrong types, impossible dates, names without a letter,
a `*.yml` file the build would skip) stop the build; a `replace` or `remove` that matches
nothing extracted is a warning. YAML is read safely, without dates (they stay strings), and
with the alias, depth and size limits of `edugraph.limits`.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from .errors import EduGraphError, warn
from .facts import (CONTROL_REFUSED, can_name, control_path, is_real_date, load_schema, schema as facts_schema,
                    schema_errors, surrogate_path)
from .files import read_limited
from .limits import limit
from .paths import CURATION_SCHEMA
from .text import fold as fold_text, shorten

SECTIONS = ("persons", "organisations", "places", "initiatives", "events", "topics")
TOP_KEYS = {"article", "note", "replace", "remove", "add"}


class CurationLoader(yaml.SafeLoader):
    """A safe YAML loader that counts aliases, limits nesting and leaves dates as strings."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0
        self.aliases = 0

    def compose_node(self, parent, index):
        line = self.peek_event().start_mark.line + 1
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > limit("MAX_YAML_ALIASES"):
                raise CurationProblem(line, f"more than {limit('MAX_YAML_ALIASES')} YAML aliases (*name)")
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > limit("MAX_YAML_DEPTH"):
            raise CurationProblem(line, f"nested deeper than {limit('MAX_YAML_DEPTH')} levels")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node, deep=False):
        """The value of a node; what PyYAML's constructors fail on (`!!int abc`, `!!timestamp 2023-02-31`, a number
        beyond Python's digit limit: ValueError; `!!bool x`: KeyError; `!!timestamp abc`: AttributeError) is a
        problem at the node's line, not an internal error."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, AttributeError) as err:
            shown = repr(shorten(node.value, 40)) if isinstance(node, yaml.ScalarNode) else "the value"
            why = " ".join(str(err).split("; use sys.")[0].split()) if isinstance(err, ValueError) else ""
            raise CurationProblem(node.start_mark.line + 1, f"{shown} is no valid !!{node.tag.rsplit(':', 1)[-1]}"
                                  + (f" ({shorten(why, 160)})" if why else "")) from None


class CurationProblem(Exception):
    """A problem at a line of a curation file (turned into `EduGraphError` with the file name)."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass
class Curation:
    """One article's corrections, with the line of each `replace` and `remove` entry for warnings."""

    data: dict
    path: Path | None = None
    lines: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.data)

    def get(self, key, default=None):
        return self.data.get(key, default)

    def where(self, *key) -> str:
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else str(self.path)


def fold(name: str) -> str:
    """Case- and space-insensitive comparison key of a curated name (punctuation kept)."""
    return fold_text(name, punctuation=False)


def entry_name(entry) -> str:
    return entry["name"] if isinstance(entry, dict) else entry


def node_children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


TEXT_KEY_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:merge"}  # text, or `<<` merging an alias


def not_text_key(key: yaml.Node) -> str:
    """Why a mapping key that is no text is refused (`replace: {1: b}` was an internal error)."""
    shown = repr(key.value) if isinstance(key, yaml.ScalarNode) else "a list or mapping"
    return f"the key {shown} is not text: write it in quotes (a number, date, null or list names nothing)"


def check_nodes(node) -> None:
    """Refuse duplicate keys and documents that aliases expand beyond the limit (no recursion)."""
    sizes: dict[int, int] = {}
    order, stack, seen = [], [node], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        order.append(current)
        stack.extend(node_children(current))
        if isinstance(current, yaml.MappingNode):
            keys = {}
            for key, _ in current.value:
                if not isinstance(key, yaml.ScalarNode) or key.tag not in TEXT_KEY_TAGS:  # `1:`, `null:`, `[a]:`
                    raise CurationProblem(key.start_mark.line + 1, not_text_key(key))
                if key.value in keys:
                    raise CurationProblem(key.start_mark.line + 1, f"duplicate key {key.value!r} (first at line "
                                                                   f"{keys[key.value]})")
                keys[key.value] = key.start_mark.line + 1
    most = limit("MAX_YAML_NODES")
    for current in reversed(order):  # children before parents: sizes of aliased nodes are counted once each use
        sizes[id(current)] = min(most + 1, 1 + sum(sizes.get(id(child), 1) for child in node_children(current)))
    if sizes[id(node)] > most:
        raise CurationProblem(1, f"the YAML aliases expand to more than {most} values")


def line_of(node, *path) -> int:
    """The line of the YAML node at a path of keys and indexes (as far as the path goes)."""
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((value for key, value in node.value if key.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and str(part).isdigit() and int(part) < len(node.value):
            match = node.value[int(part)]
        else:
            match = None
        if match is None:
            break
        node = match
    return node.start_mark.line + 1


def parse_yaml(text: str) -> tuple[object, yaml.Node | None]:
    """The value of a curation file and its node tree (None for an empty file)."""
    try:
        loader = CurationLoader(text)  # checks every character first: NUL, BEL, U+FFFE… are no YAML
    except yaml.reader.ReaderError as err:
        raise CurationProblem(text.count("\n", 0, err.position) + 1, f"malformed curation file: the character "
                              f"U+{err.character:04X}, which YAML does not allow (a control character?)") from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        check_nodes(node)
        return loader.construct_document(node), node
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise CurationProblem(mark.line + 1 if mark else 1, f"malformed curation file: {reason}") from None
    finally:
        loader.dispose()


def schema_problem(error: jsonschema.ValidationError, prefix: tuple = ()) -> tuple[tuple, str]:
    """(path, `'where': reason`) of a schema error, never quoting a long value."""
    path = (*prefix, *error.absolute_path)
    reason = error.message if len(error.message) <= 200 else error.message[:200] + "…"
    return path, f"'{'.'.join(map(str, path)) or '(top)'}': {reason}"


def names_of(section: str, entry) -> list[tuple[tuple, str]]:
    """(path inside the entry, name) of every name an added entry mints a resource from."""
    if section == "topics":
        return []
    if not isinstance(entry, dict):
        return [((), entry)]
    names = [(("name",), entry["name"])]
    names += [(("posts", i, "org"), post["org"]) for i, post in enumerate(entry.get("posts") or []) if post.get("org")]
    return names + ([(("place",), entry["place"])] if entry.get("place") is not None else [])


def check_values(data: dict, node: yaml.Node) -> None:
    """The checks a schema cannot make: surrogates, real dates, names that can name a resource."""
    where = surrogate_path(data)
    if where is not None:
        raise CurationProblem(line_of(node, *where.split(".")),
                              f"'{where}' holds an invalid character (a lone UTF-16 surrogate)")
    where = control_path(data)
    if where is not None:
        raise CurationProblem(line_of(node, *where.split(".")), f"'{where}' {CONTROL_REFUSED}")
    added = data.get("add") or {}
    for section in SECTIONS:
        for index, entry in enumerate(added.get(section) or []):
            for inner, name in names_of(section, entry):
                if not can_name(name):
                    raise CurationProblem(line_of(node, "add", section, index, *inner),
                                          f"'add.{section}.{index}' name {name!r} has no letter or digit")
            date = entry.get("date") if section == "events" else None
            if date is not None and not is_real_date(date):
                raise CurationProblem(line_of(node, "add", section, index, "date"),
                                      f"'add.{section}.{index}.date' {date!r} is not a date that exists "
                                      "(ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD)")


def entry_lines(data: dict, node: yaml.Node) -> dict:
    """Line of each `replace` key and `remove` entry."""
    lines = {("replace", old): line_of(node, "replace", old) for old in data.get("replace") or {}}
    for section, names in (data.get("remove") or {}).items():
        for index, name in enumerate(names or []):
            lines[("remove", section, name)] = line_of(node, "remove", section, index)
    return lines


def check_curation(data, node, article_id: str) -> None:
    """Raise `CurationProblem` for the first thing wrong in a parsed curation file."""
    if not isinstance(data, dict):
        raise CurationProblem(1, f"a curation file must be a mapping with keys {sorted(TOP_KEYS)}")
    unknown = sorted(set(map(str, data)) - TOP_KEYS)
    if unknown:
        raise CurationProblem(line_of(node, unknown[0]), f"unknown keys {unknown}; allowed: {sorted(TOP_KEYS)}")
    if data.get("article", article_id) != article_id:
        raise CurationProblem(line_of(node, "article"), f"'article: {data['article']}' does not match the file name")
    check_schema(load_schema(CURATION_SCHEMA), data, node)
    check_schema(facts_schema(), additions(data), node, ("add",))  # the shape of `add` is checked by now
    check_values(data, node)


def check_schema(schema: dict, document, node: yaml.Node, prefix: tuple = ()) -> None:
    """Raise `CurationProblem` at the line of the first place `document` breaks `schema`."""
    errors = schema_errors(document, schema)
    if errors:
        path, message = schema_problem(errors[0], prefix)
        raise CurationProblem(line_of(node, *path), message)


def additions(data: dict) -> dict:
    """The `add` section as a facts document (missing sections empty)."""
    return {section: [] for section in facts_schema()["required"]} | {
        key: value or [] for key, value in (data.get("add") or {}).items()}


def load_curation(path: Path, article_id: str) -> Curation:
    """Read and check one curation file; a missing file means no corrections."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return Curation({}, path)
    raw = read_limited(path, "MAX_CURATION_BYTES", "curation file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise EduGraphError(f"{path}: malformed curation file: not UTF-8 text at byte {err.start}") from None
    try:
        data, node = parse_yaml(text)
        if data is None:
            return Curation({}, path)
        check_curation(data, node, article_id)
    except CurationProblem as problem:
        raise EduGraphError(f"{path}:{problem.line}: {problem}") from None
    return Curation(data, path, entry_lines(data, node))


def check_curation_folder(folder: Path, article_ids: set[str]) -> None:
    """Refuse a curation folder that is missing, or holds files the build would otherwise skip or misapply."""
    folder = Path(folder)
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise EduGraphError(f"{folder}: the curation folder {what} (give --curation DIR)")
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() == ".yml":
            raise EduGraphError(f"{path}: curation files end in .yaml; rename it to {path.stem}.yaml")
        if path.suffix == ".yaml" and path.stem not in article_ids:
            raise EduGraphError(f"{path}: curation for an article that does not exist ({path.stem})")


# values of a fixed form, not names: `replace` leaves them alone (`'1': b` made the date 2021 into 202b, and an
# internal error; `meeting: x` an event type that does not exist)
FIXED_FORM = frozenset({"article", "date", "end_date", "type", "kind", "id"})


class Runaway(Exception):
    """A `replace` entry that would make a string of the facts longer than the limit `MAX_RENAMED_CHARS`."""


def rename(value, replace: dict, longest: int = 0):
    """Apply the `replace` map to every string inside a facts structure (`Runaway` past `longest` characters)."""
    longest = longest or limit("MAX_RENAMED_CHARS")
    if isinstance(value, str):
        for old, new in replace.items():
            grows = value.count(old) * (len(new) - len(old)) if len(new) > len(old) else 0
            if grows and len(value) + grows > longest:  # checked before the string is made
                raise Runaway(old)
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [rename(item, replace, longest) for item in value]
    if isinstance(value, dict):
        return {key: item if key in FIXED_FORM else rename(item, replace, longest) for key, item in value.items()}
    return value


def warn_unmatched(facts: dict, renamed: dict, curation: Curation) -> None:
    """Warn about each `replace` (in `facts`) and `remove` (in `renamed`) entry that matches nothing."""
    text = json.dumps(facts, ensure_ascii=False)
    for old in curation.get("replace") or {}:
        if json.dumps(old, ensure_ascii=False)[1:-1] not in text:
            warn(f"{curation.where('replace', old)}: replace {old!r} matches nothing extracted")
    for section, names in (curation.get("remove") or {}).items():
        present = {fold(entry_name(item)) for item in renamed.get(section, [])}
        for name in names or []:
            if fold(name) not in present:
                warn(f"{curation.where('remove', section, name)}: remove.{section} {name!r} matches nothing extracted")


def apply_curation(facts: dict, curation) -> dict:
    """Merge curated corrections (a `Curation` or a plain dict) into extracted facts; curated entries win."""
    if not curation:
        return facts
    try:
        merged = rename(copy.deepcopy(facts), curation.get("replace") or {})
    except Runaway as runaway:
        where = curation.where("replace", runaway.args[0]) if isinstance(curation, Curation) else "curation"
        raise EduGraphError(f"{where}: replace {runaway.args[0][:40]!r} makes a string of the facts longer than "
                            f"{limit('MAX_RENAMED_CHARS')} characters (EDUGRAPH_MAX_RENAMED_CHARS raises the limit)"
                            ) from None
    if isinstance(curation, Curation):
        warn_unmatched(facts, merged, curation)
    removed = curation.get("remove") or {}
    added = curation.get("add") or {}
    for section in SECTIONS:
        drop = {fold(entry_name(item)) for item in removed.get(section) or []}
        drop |= {fold(entry_name(item)) for item in added.get(section) or []}
        kept = [item for item in merged.get(section, []) if fold(entry_name(item)) not in drop]
        if section in merged or added.get(section):
            merged[section] = kept + copy.deepcopy(added.get(section) or [])
    return merged
