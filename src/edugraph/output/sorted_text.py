"""The bytes of a file of sorted lines (the build's `asserted.nt` and `inferred.nt`: sorted N-Triples) searched and
changed in place, without decoding or splitting them: a binary search over byte offsets finds where a line is or
goes (UTF-8 bytes sort as the characters they encode, so the order is that of the sorted text).

A 110 MB `asserted.nt` holds about 600,000 lines; decoding and splitting it costs more than a hundred thousand
searches, and the changed bytes are hashed (summary.json) without encoding a text again.
"""

from __future__ import annotations


def offset(text: bytes, line: bytes) -> int:
    """The offset of the first line of sorted `text` (every line ends with a newline) that is not less than `line`:
    where `line` is, or would be inserted.

    >>> offset(b"a\\nc\\n", b"b\\n"), offset(b"a\\nc\\n", b"c\\n"), offset(b"a\\nc\\n", b"d\\n")
    (2, 2, 4)
    """
    low, high = 0, len(text)  # both at the start of a line: lines before low are less, lines from high are not
    while low < high:
        middle = (low + high) // 2
        start = text.rfind(b"\n", low, middle) + 1 or low
        end = text.index(b"\n", start) + 1
        if text[start:end] < line:
            low = end
        else:
            high = start
    return low


def holds(text: bytes, line: bytes) -> bool:
    """Whether sorted `text` holds `line` (ending with a newline).

    >>> holds(b"a\\nc\\n", b"c\\n"), holds(b"a\\nc\\n", b"b\\n")
    (True, False)
    """
    return text.startswith(line, offset(text, line))


def starting_with(text: bytes, prefix: bytes) -> list[bytes]:
    """The lines of sorted `text` that start with `prefix` (they follow one another).

    >>> starting_with(b"a x\\nb x\\nb y\\nc\\n", b"b ")
    [b'b x\\n', b'b y\\n']
    """
    found, start = [], offset(text, prefix)
    while text.startswith(prefix, start):
        end = text.index(b"\n", start) + 1
        found.append(text[start:end])
        start = end
    return found


def containing(text: bytes, part: bytes) -> list[bytes]:
    """The lines of `text` that contain `part` (not spanning lines), in order.

    >>> containing(b"a p b\\nc q d\\ne p f\\n", b" p ")
    [b'a p b\\n', b'e p f\\n']
    """
    found, at = [], text.find(part)
    while at >= 0:
        start, end = text.rfind(b"\n", 0, at) + 1, text.index(b"\n", at) + 1
        found.append(text[start:end])
        at = text.find(part, end)
    return found


def changed(text: bytes, added: list[bytes], removed=()) -> bytes:
    """Sorted `text` with the sorted lines `added` (none of them in it) put in their places and the lines `removed`
    taken out (those it does not hold are ignored).

    >>> changed(b"a\\nc\\ne\\n", [b"b\\n", b"f\\n"], [b"c\\n", b"x\\n"])
    b'a\\nb\\ne\\nf\\n'
    """
    cuts = [(offset(text, line), 0, line) for line in added]
    cuts += [(start, len(line), b"") for line in removed for start in [offset(text, line)]
             if text.startswith(line, start)]
    pieces, done = [], 0
    for start, dropped, line in sorted(cuts):
        pieces += [text[done:start], line]
        done = start + dropped
    pieces.append(text[done:])
    return b"".join(pieces)
