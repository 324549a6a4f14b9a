"""Start-up time: what makes loading ``fr_core_news_md`` slow, made fast, with the same results.

- ``shared_charsets``, ``kept_patterns``: the French tokenizer's hyphen pattern;
- ``quick_lookups``: the lemmatizer's lookup tables (packed: ``pipeline.packed``);
- ``listed_registries``: srsly listing its decoders on every message;
- ``kept_tokens``: the lexicons' forms, tokenized when the model was built.

spaCy's French tokenizer matches hyphenated words with one pattern of some
500 alternatives, each with the same large Unicode letter classes, and it is
compiled in case-insensitive mode. The standard library optimises every copy
of a class again (case-folding every letter of it), which is most of the
time a cold ``privex extract`` takes. While the model loads, the class
optimiser keeps its results by input: the compiled patterns are the same,
the identical classes are only worked out once.
"""

from __future__ import annotations

import gc
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
    from pipeline.io import write_checked

    kept = 0
    for pattern in patterns:
        if not isinstance(pattern, str) or len(pattern) < BIG_PATTERN:
            continue
        _, (flags, code, groups, groupindex, indexgroup) = _compile_keeping_code(pattern, 0)
        key = _key(pattern, 0)
        folder.mkdir(parents=True, exist_ok=True)
        write_checked(folder / f"{key}.code", array("I", code).tobytes())
        write_checked(folder / f"{key}.json", json.dumps([flags, groups, groupindex, list(indexgroup)]))
        kept += 1
    return kept


@contextmanager
def kept_patterns(folder: Path | None) -> Iterator[None]:
    """Within the block, a large pattern whose compiled code ``keep_patterns`` wrote to ``folder`` is
    built from it instead of being parsed and compiled again. Entries are keyed by the pattern, its
    flags, the Python version and the regular-expression engine's version; the folder is only read.
    A file whose checksum differs from the one written with it is not used: the engine checks little
    of the code it is given, and a changed bit could change what the pattern matches.
    """
    original = getattr(_compiler, "compile", None)
    if folder is None or original is None or sys.version_info[:2] != (3, 11) or not Path(folder).is_dir():
        yield
        return
    import _sre

    from pipeline.io import read_checked

    def compile(pattern, flags=0):
        if isinstance(pattern, str) and len(pattern) >= BIG_PATTERN and not flags & _compiler.SRE_FLAG_DEBUG:
            key = _key(pattern, flags)
            try:
                flags2, groups, groupindex, indexgroup = json.loads(read_checked(folder / f"{key}.json"))
                code = array("I")
                code.frombytes(read_checked(folder / f"{key}.code"))
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
def quick_lookups(folder: Path | None = None) -> Iterator[None]:
    """Within the block, ``Lookups.from_bytes`` reads the tables packed in ``folder`` from the same
    bytes (``pipeline.packed``) when there are, and otherwise builds them with ``_table``, the long
    word lists of small tables made ``IndexedList``."""
    import srsly
    from spacy.lookups import Lookups

    from pipeline.packed import indexed_table, read_packed

    original = Lookups.from_bytes

    def from_bytes(self, bytes_data: bytes, **kwargs):
        if not read_packed(self, bytes_data, folder):
            self._tables = {
                name: _table(name, indexed_table(data)) for name, data in srsly.msgpack_loads(bytes_data).items()
            }
        return self

    Lookups.from_bytes = from_bytes
    try:
        yield
    finally:
        Lookups.from_bytes = original


# --- registries listed once ---------------------------------------------------------------


@contextmanager
def listed_registries() -> Iterator[None]:
    """Within the block, listing a registry's functions (``catalogue.Registry.get_all``) is done
    once per registry until a function is registered or removed anywhere.

    srsly lists its msgpack decoders on every ``msgpack_loads``, over a hundred times while a model
    loads, and each listing scans every registered function and every installed entry point.
    """
    import catalogue

    get_all, set_, remove = catalogue.Registry.get_all, catalogue._set, catalogue._remove
    listed: dict = {}

    def get_all_once(self):
        key = (tuple(self.namespace), self.entry_points)
        if key not in listed:
            found = get_all(self)  # loading entry points may register functions: list after
            listed[key] = found
        return dict(listed[key])

    def set_and_forget(namespace, func):
        listed.clear()
        return set_(namespace, func)

    def remove_and_forget(namespace):
        listed.clear()
        return remove(namespace)

    catalogue.Registry.get_all, catalogue._set, catalogue._remove = get_all_once, set_and_forget, remove_and_forget
    try:
        yield
    finally:
        catalogue.Registry.get_all, catalogue._set, catalogue._remove = get_all, set_, remove


# --- lexicon forms kept tokenized -----------------------------------------------------------


def tokenizer_matchers(tokenizer) -> list:
    """The tokenizer's token match, URL match, prefix, suffix and infix searches, each as its
    regular expression's text when it has one, else as it is (a function, or None)."""
    return [
        getattr(getattr(function, "__self__", None), "pattern", function)
        for function in (tokenizer.token_match, tokenizer.url_match, tokenizer.prefix_search,
                         tokenizer.suffix_search, tokenizer.infix_finditer)
    ]


def tokenizer_key(tokenizer) -> str:
    """What a tokenizer's output depends on: its patterns and special cases, and the spaCy version."""
    import spacy

    digest = hashlib.sha256(spacy.__version__.encode())
    for matcher in tokenizer_matchers(tokenizer):
        digest.update(repr(matcher).encode())
    digest.update(repr(sorted(tokenizer.rules.items())).encode())
    return digest.hexdigest()[:24]


class _Tokens:
    """Where ``tokenize`` finds kept tokens (``folder``) and what it records (``record``)."""

    folder: Path | None = None
    record: dict[str, dict[str, list[str]]] | None = None
    kept: dict[int, tuple[str, dict[str, list[str]]]] = {}  # id(tokenizer) -> (key, {text: words})


def _kept_for(tokenizer) -> tuple[str, dict[str, list[str]]]:
    try:
        return _Tokens.kept[id(tokenizer)]
    except KeyError:
        pass
    key, kept = tokenizer_key(tokenizer), {}
    if _Tokens.folder is not None:
        from pipeline.io import read_checked

        try:  # a file changed since the build (its checksum differs) is not used
            kept = json.loads(read_checked(_Tokens.folder / f"{key}.json"))
        except (OSError, ValueError):
            kept = {}
    _Tokens.kept[id(tokenizer)] = (key, kept)
    return key, kept


def tokenize(nlp, texts: list[str]) -> list:
    """``nlp.tokenizer`` applied to each text, as ``Doc`` objects. Within ``kept_tokens(folder)``
    a text tokenized at build time by a tokenizer with the same patterns and special cases is made
    from its kept words; within ``recorded_tokens`` the words are recorded."""
    from spacy.tokens import Doc

    if _Tokens.folder is None and _Tokens.record is None:
        return list(nlp.tokenizer.pipe(texts))
    key, kept = _kept_for(nlp.tokenizer)
    docs = []
    for text in texts:
        words = kept.get(text)
        if words is None:
            doc = nlp.tokenizer(text)
            if _Tokens.record is not None:
                _Tokens.record.setdefault(key, {})[text] = [token.text for token in doc]
        else:
            doc = Doc(nlp.vocab, words=words)
        docs.append(doc)
    return docs


@contextmanager
def kept_tokens(folder: Path | None) -> Iterator[None]:
    """Within the block, ``tokenize`` makes the texts kept in ``folder`` from their kept words."""
    _Tokens.folder, _Tokens.kept = (Path(folder) if folder is not None else None), {}
    try:
        yield
    finally:
        _Tokens.folder, _Tokens.kept = None, {}


@contextmanager
def recorded_tokens() -> Iterator[dict[str, dict[str, list[str]]]]:
    """Within the block, ``tokenize`` records {tokenizer key: {text: words}} in the dict yielded."""
    _Tokens.record, _Tokens.kept = {}, {}
    try:
        yield _Tokens.record
    finally:
        _Tokens.record, _Tokens.kept = None, {}


def keep_tokens(record: dict[str, dict[str, list[str]]], folder: Path) -> int:
    """Write what ``recorded_tokens`` recorded to ``folder``, with checksums; returns how many texts."""
    from pipeline.io import write_checked

    folder.mkdir(parents=True, exist_ok=True)
    for key, words in record.items():
        write_checked(folder / f"{key}.json", json.dumps(words, ensure_ascii=False, sort_keys=True))
    return sum(len(words) for words in record.values())


@contextmanager
def fast_start(patterns: Path | None = None, lookups: Path | None = None,
               tokens: Path | None = None) -> Iterator[None]:
    """The start-up speed-ups: shared character classes, large patterns kept in ``patterns``, lookup
    tables packed in ``lookups`` or filled in one loop, registries listed once, lexicon forms
    kept tokenized in ``tokens``; no garbage collection (loading makes a million objects and no
    cycles to collect)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        with shared_charsets(), kept_patterns(patterns), quick_lookups(lookups), listed_registries(), \
                kept_tokens(tokens):
            yield
    finally:
        if collecting:
            gc.enable()
