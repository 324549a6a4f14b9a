"""Start-up time: the French tokenizer's regular expression compiles in seconds; this makes it fast.

spaCy's French tokenizer matches hyphenated words with one pattern of some
500 alternatives, each with the same large Unicode letter classes, and it is
compiled in case-insensitive mode. The standard library optimises every copy
of a class again (case-folding every letter of it), which is most of the
time a cold ``privex extract`` takes. While the model loads, the class
optimiser keeps its results by input: the compiled patterns are the same,
the identical classes are only worked out once.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

try:
    from re import _compiler  # Python >= 3.11
except ImportError:  # pragma: no cover - older Python: the optimisation is skipped
    _compiler = None


@contextmanager
def shared_charsets() -> Iterator[None]:
    """Within the block, ``re`` works out each distinct character class once."""
    original = getattr(_compiler, "_optimize_charset", None)
    if original is None:
        yield
        return
    done: dict = {}

    def optimise(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            charset_out, hascased = done[key]
        except TypeError:  # an unhashable item: no caching
            return original(charset, iscased, fixup, fixes)
        except KeyError:
            charset_out, hascased = done[key] = original(charset, iscased, fixup, fixes)
        return list(charset_out), hascased

    _compiler._optimize_charset = optimise
    try:
        yield
    finally:
        _compiler._optimize_charset = original
