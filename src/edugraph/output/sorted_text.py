"""A text of sorted lines (the build's `asserted.nt` and `inferred.nt`: sorted N-Triples) searched and changed in
place, without splitting it into lines: a binary search over character offsets finds where a line is or goes.

A 110 MB `asserted.nt` holds about 600,000 lines; splitting it costs more than a hundred thousand searches.
"""

from __future__ import annotations


def offset(text: str, line: str) -> int:
    """The offset of the first line of sorted `text` (every line ends with a newline) that is not less than `line`:
    where `line` is, or would be inserted.

    >>> offset("a\\nc\\n", "b\\n"), offset("a\\nc\\n", "c\\n"), offset("a\\nc\\n", "d\\n")
    (2, 2, 4)
    """
    low, high = 0, len(text)  # both at the start of a line: lines before low are less, lines from high are not
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", low, middle) + 1 or low
        end = text.index("\n", start) + 1
        if text[start:end] < line:
            low = end
        else:
            high = start
    return low


def holds(text: str, line: str) -> bool:
    """Whether sorted `text` holds `line` (ending with a newline).

    >>> holds("a\\nc\\n", "c\\n"), holds("a\\nc\\n", "b\\n")
    (True, False)
    """
    return text.startswith(line, offset(text, line))


def starting_with(text: str, prefix: str) -> list[str]:
    """The lines of sorted `text` that start with `prefix` (they follow one another).

    >>> starting_with("a x\\nb x\\nb y\\nc\\n", "b ")
    ['b x\\n', 'b y\\n']
    """
    found, start = [], offset(text, prefix)
    while text.startswith(prefix, start):
        end = text.index("\n", start) + 1
        found.append(text[start:end])
        start = end
    return found


def containing(text: str, part: str) -> list[str]:
    """The lines of `text` that contain `part` (not spanning lines), in order.

    >>> containing("a p b\\nc q d\\ne p f\\n", " p ")
    ['a p b\\n', 'e p f\\n']
    """
    found, at = [], text.find(part)
    while at >= 0:
        start, end = text.rfind("\n", 0, at) + 1, text.index("\n", at) + 1
        found.append(text[start:end])
        at = text.find(part, end)
    return found


def changed(text: str, added: list[str], removed=()) -> str:
    """Sorted `text` with the sorted lines `added` (none of them in it) put in their places and the lines `removed`
    taken out (those it does not hold are ignored).

    >>> changed("a\\nc\\ne\\n", ["b\\n", "f\\n"], ["c\\n", "x\\n"])
    'a\\nb\\ne\\nf\\n'
    """
    cuts = [(offset(text, line), 0, line) for line in added]
    cuts += [(start, len(line), "") for line in removed for start in [offset(text, line)]
             if text.startswith(line, start)]
    pieces, done = [], 0
    for start, dropped, line in sorted(cuts):
        pieces += [text[done:start], line]
        done = start + dropped
    pieces.append(text[done:])
    return "".join(pieces)
