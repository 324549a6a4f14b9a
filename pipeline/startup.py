"""Start-up work, in quarantine: loading the model fast, with the same results.

Everything that makes ``spacy.load("models/privex-fr")`` fast is here, and reaches a plain
``spacy.load`` in any Python process: the saved model's config names the language ``fr_privex``
(:class:`PrivexFrench`, registered through the package's ``spacy_languages`` entry point), so
spaCy imports this module before it imports its French language, and ``fr_privex.lemmatizer``
(:class:`PrivexLemmatizer`) is that language's lemmatizer. ``pipeline.nlp.load`` does no more
than ``spacy.load``.

Each speed-up, with what it saves and how to remove it. The figures are CPU seconds of a new
process that runs ``spacy.load("models/privex-fr")``, best of 5 alternating runs with that one
speed-up switched off (``privex bench`` measures the whole), on this project's shared 2-core
machine (7 December 2026, 04:46 UTC, load average 3.3; every speed-up on: 1.82 s):

1. Large patterns, of at least ``BIG_PATTERN`` characters: the French tokenizer's hyphen pattern
   (``TOKEN_MATCH``, 1,450,369 characters in 266 alternatives that repeat the same large Unicode
   letter classes, case-insensitively), which importing ``spacy.lang.fr`` compiles, and the
   components' 22 largest (those of retention above all). :func:`kept_patterns`, with Python's
   private ``re._compiler`` and ``_sre.compile`` (Python 3.11 only; elsewhere they are compiled
   as usual), keeps their compiled code in the user's cache folder (:func:`pattern_cache`) the
   first time and builds them from it afterwards: 2.60 s without (0.8 s saved on every load).
   The first compile works out each distinct letter class once (:func:`shared_charsets`, the
   private ``re._compiler._optimize_charset``): 7.1 s against 3.9 s for a load with nothing kept
   (3.2 s saved, once per machine and Python version, or on every load where the cache folder
   cannot be written). To remove both, import ``spacy.lang.fr`` outside the ``kept_patterns``
   block and make :func:`loading` empty; ``PRIVEX_PATTERN_CACHE=`` (empty) switches the keeping
   off alone.
2. :class:`PrivexLemmatizer`, a registered subclass of spaCy's French lemmatizer (public API
   only): spaCy scans word lists of up to 66,000 words (``lemma_index``) for every new word; kept
   as :class:`IndexedList`, a list whose membership test is a set look-up, the lemmas are the
   same. Its tables are also saved packed beside spaCy's own (``packed/``: sorted key hashes, one
   msgpack value per key, unpacked when first asked) and read so instead of unpacking 217,000
   word forms and 176,000 exceptions: 2.73 s without the packed file (0.9 s saved). To remove
   the packing, delete ``PrivexLemmatizer.to_disk``/``from_disk``: spaCy's own tables are saved
   as well.

Measured and dropped, each under 0.3 s: listing catalogue's registries once while a model loads
(catalogue's private ``_set``/``_remove``; 0.10 to 0.17 s) and no garbage collection while loading
(no gain told apart from the noise). The French tokenizer's other patterns and the lexicons' phrase
patterns need nothing here: the tokenizer compiles the same pattern strings again (Python's
pattern cache answers), and the components save their lexicons' words with the model
(``pipeline.components.lexicon``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from array import array
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import numpy
import srsly
from srsly import msgpack

try:
    from re import _compiler  # Python >= 3.11
except ImportError:  # pragma: no cover - older Python: the classes are worked out each time
    _compiler = None

LANG = "fr_privex"  # the language code the saved model's config names


# --- 1. the French hyphen pattern: compiled once per machine, its code kept -------------------------------


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


BIG_PATTERN = 1_000  # characters: a pattern at least this long has its compiled code kept
KEEPS_CODE = sys.version_info[:2] == (3, 11) and hasattr(_compiler, "_code")  # the engine's code layout


def pattern_cache() -> Path | None:
    """Where the compiled code of large patterns is kept: ``$PRIVEX_PATTERN_CACHE`` when set
    (empty: nowhere), else ``privex/patterns`` in the user's cache folder (``$XDG_CACHE_HOME`` or
    ``~/.cache``)."""
    chosen = os.environ.get("PRIVEX_PATTERN_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "privex" / "patterns"


def _key(pattern: str, flags: int) -> str:
    import _sre

    return hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{int(flags)}|{pattern}".encode()).hexdigest()[:24]


def compile_keeping_code(pattern: str, flags: int) -> tuple[Any, tuple]:
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


def _read_kept(folder: Path, key: str, pattern: str):
    import _sre

    from pipeline.io import read_checked

    flags, groups, groupindex, indexgroup = json.loads(read_checked(folder / f"{key}.json"))
    code = array("I")
    code.frombytes(read_checked(folder / f"{key}.code"))
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, tuple(indexgroup))


def _keep(folder: Path, key: str, args: tuple) -> None:
    from pipeline.io import write_checked

    flags, code, groups, groupindex, indexgroup = args
    folder.mkdir(parents=True, exist_ok=True)
    write_checked(folder / f"{key}.code", array("I", code).tobytes())
    write_checked(folder / f"{key}.json", json.dumps([flags, groups, groupindex, list(indexgroup)]))


@contextmanager
def kept_patterns(folder: Path | None) -> Iterator[None]:
    """Within the block, a pattern of at least ``BIG_PATTERN`` characters is built from its compiled
    code kept in ``folder`` (Python's private ``re._compiler.compile`` and ``_sre.compile``), and
    its code is kept there when it is compiled for the first time. An entry is keyed by the
    pattern, its flags, the Python version and the engine's version; one whose checksum differs
    from the one written with it is not used (the engine checks little of the code it is given,
    and a changed bit could change what the pattern matches). A folder that cannot be written is
    no error: the pattern is compiled as usual."""
    original = getattr(_compiler, "compile", None)
    if folder is None or original is None or not KEEPS_CODE:
        with shared_charsets():
            yield
        return

    def compile(pattern, flags=0):
        if isinstance(pattern, str) and len(pattern) >= BIG_PATTERN and not flags & _compiler.SRE_FLAG_DEBUG:
            key = _key(pattern, flags)
            try:
                return _read_kept(folder, key, pattern)
            except (OSError, ValueError, TypeError, RuntimeError):
                pass
            with shared_charsets():
                compiled, args = compile_keeping_code(pattern, flags)
            try:
                _keep(folder, key, args)
            except OSError:
                pass
            return compiled
        return original(pattern, flags)

    _compiler.compile = compile
    try:
        yield
    finally:
        _compiler.compile = original


with kept_patterns(pattern_cache()):
    from spacy.lang.fr import French  # compiles the tokenizer's hyphen pattern (TOKEN_MATCH)
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer

from spacy.lookups import Lookups, Table  # noqa: E402
from spacy import util  # noqa: E402
from spacy.strings import get_string_id  # noqa: E402
from spacy.util import registry  # noqa: E402


# --- while a model loads ------------------------------------------------------------------------------


@contextmanager
def loading() -> Iterator[None]:
    """What a model's loading runs in: large patterns built from their kept code (the tokenizer
    compiles its patterns again from the saved strings; Python's pattern cache usually answers)."""
    with kept_patterns(pattern_cache()):
        yield


class PrivexFrench(French):
    """spaCy's French, under the code ``fr_privex``: the language of the saved model, so that a plain
    ``spacy.load`` imports this module (by the entry point) before the French language, and loads
    the model within :func:`loading`."""

    lang = LANG

    @classmethod
    def from_config(cls, *args, **kwargs):
        with loading():
            return super().from_config(*args, **kwargs)

    def from_disk(self, *args, **kwargs):
        with loading():
            return super().from_disk(*args, **kwargs)


registry.languages.register(LANG, func=PrivexFrench)


# --- 2. the lemmatizer: word lists as sets, tables packed ------------------------------------------------

PACK_MIN = 1000  # entries: a mapping at least this large is packed, a smaller one is kept as it is
FORMAT = 1  # the packed file's layout; a new layout ignores files of the old one
PACKED_DIR = "packed"  # in the lemmatizer's folder of a saved model


class IndexedList(list):
    """A list whose membership test is a set look-up. The lemmatizer asks ``form in index`` of
    word lists tens of thousands long; the answer is the same, without the scan."""

    def __init__(self, items=()):
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        try:
            return item in self._members
        except TypeError:  # an unhashable item: as a list would
            return list.__contains__(self, item)


def indexed(value: Any) -> Any:
    """``value`` as an ``IndexedList`` when it is a long list of hashable items."""
    if type(value) is list and len(value) >= PACK_MIN:
        try:
            return IndexedList(value)
        except TypeError:  # an unhashable item: left a list
            return value
    return value


def pack_key(lookups_bytes: bytes) -> str:
    """The name of the packed file made from ``lookups_bytes``."""
    return f"{hashlib.blake2b(lookups_bytes, digest_size=12).hexdigest()}.v{FORMAT}.pack"


def _unpack(data: bytes) -> Any:
    """One packed value, as ``srsly.msgpack_loads`` reads it but without listing srsly's decoders
    (for numpy arrays, which the tables do not hold) on every call."""
    return msgpack.unpackb(data, raw=False, use_list=True, object_pairs_hook=None)


class Packed(Mapping):
    """A read-only mapping: sorted key hashes, value offsets and the packed values."""

    def __init__(self, hashes: numpy.ndarray, offsets: numpy.ndarray, values: bytes):
        self._hashes, self._offsets, self._values = hashes, offsets, values
        self._unpacked: dict[int, Any] = {}

    @classmethod
    def pack(cls, data: Mapping) -> "Packed | None":
        """``data`` packed, or None when two of its keys have the same hash."""
        items = sorted(((get_string_id(key), value) for key, value in data.items()), key=lambda item: item[0])
        hashes = numpy.array([h for h, _ in items], dtype=numpy.uint64)
        if len(hashes) > 1 and not (hashes[1:] > hashes[:-1]).all():
            return None
        packer = msgpack.Packer(use_bin_type=True)  # one packer: srsly makes a new one per message
        chunks = [packer.pack(value) for _, value in items]
        offsets = numpy.zeros(len(chunks) + 1, dtype=numpy.uint64)
        numpy.cumsum([len(c) for c in chunks], out=offsets[1:])
        return cls(hashes, offsets, b"".join(chunks))

    def to_message(self) -> list:
        return [self._hashes.tobytes(), self._offsets.tobytes(), self._values]

    @classmethod
    def from_message(cls, message: list) -> "Packed":
        hashes, offsets, values = message
        return cls(numpy.frombuffer(hashes, dtype=numpy.uint64), numpy.frombuffer(offsets, dtype=numpy.uint64), values)

    def _find(self, key: Any) -> int:
        try:
            h = numpy.uint64(get_string_id(key))
        except (TypeError, ValueError, OverflowError):
            return -1
        i = int(numpy.searchsorted(self._hashes, h))
        return i if i < len(self._hashes) and self._hashes[i] == h else -1

    def __getitem__(self, key: Any) -> Any:
        h = get_string_id(key)
        try:
            return self._unpacked[h]
        except KeyError:
            pass
        i = self._find(h)
        if i < 0:
            raise KeyError(key)
        value = _unpack(self._values[int(self._offsets[i]) : int(self._offsets[i + 1])])
        self._unpacked[h] = value
        return value

    def __contains__(self, key: Any) -> bool:
        return self._find(key) >= 0

    def __len__(self) -> int:
        return len(self._hashes)

    def __iter__(self) -> Iterator[int]:
        return (int(h) for h in self._hashes)


class PackedTable(Table):
    """A ``spacy.lookups.Table`` whose entries stay packed until read. Read-only."""

    def __init__(self, name: str, packed: Packed):
        super().__init__(name)
        self._packed = packed

    def __getitem__(self, key):
        return self._packed[key]

    def get(self, key, default=None):
        try:
            return self._packed[key]
        except KeyError:
            return default

    def __contains__(self, key) -> bool:
        return key in self._packed

    def __len__(self) -> int:
        return len(self._packed)

    def __iter__(self):
        return iter(self._packed)

    def keys(self):
        return list(self._packed)

    def values(self):
        return [self._packed[h] for h in self._packed]

    def items(self):
        return [(h, self._packed[h]) for h in self._packed]

    def __setitem__(self, key, value):
        raise TypeError(f"lookup table {self.name!r} is packed and read-only")

    def to_bytes(self) -> bytes:
        return Table(self.name, {h: self._packed[h] for h in self._packed}).to_bytes()


def pack_lookups(lookups_bytes: bytes) -> bytes:
    """The tables of a ``Lookups.to_bytes`` image, packed: a large table whole, a large mapping
    inside a small table on its own, the rest as it is."""
    tables = {}
    for name, data in srsly.msgpack_loads(lookups_bytes).items():
        whole = Packed.pack(data) if len(data) >= PACK_MIN else None
        if whole is not None:
            tables[name] = {"packed": whole.to_message()}
            continue
        entries = {}
        for key, value in data.items():
            inner = Packed.pack(value) if isinstance(value, dict) and len(value) >= PACK_MIN else None
            entries[key] = {"packed": inner.to_message()} if inner is not None else {"plain": value}
        tables[name] = {"entries": entries}
    return srsly.msgpack_dumps({"format": FORMAT, "tables": tables})


def read_packed(message_bytes: bytes) -> Lookups:
    """``Lookups`` from what :func:`pack_lookups` made; ``ValueError`` for anything else."""
    try:
        message = srsly.msgpack_loads(message_bytes)
        if message.get("format") != FORMAT:
            raise ValueError(f"packed tables of format {message.get('format')!r}, not {FORMAT}")
        lookups = Lookups()
        for name, spec in message["tables"].items():
            lookups.set_table(name, _read_table(name, spec))
    except (TypeError, KeyError, AttributeError) as err:
        raise ValueError(f"not packed tables ({err})") from None
    return lookups


def _read_table(name: str, spec: dict) -> Table:
    if "packed" in spec:
        return PackedTable(name, Packed.from_message(spec["packed"]))
    entries = {
        key: Packed.from_message(entry["packed"]) if "packed" in entry else indexed(entry["plain"])
        for key, entry in spec["entries"].items()
    }
    return Table(name, entries)


def indexed_lookups(lookups: Lookups) -> Lookups:
    """The same tables, the long word lists of the small ones made :class:`IndexedList`."""
    for name in lookups.tables:
        table = lookups.get_table(name)
        if len(table) < PACK_MIN:
            for key, value in list(table.items()):
                table[key] = indexed(value)
    return lookups


class PrivexLemmatizer(FrenchLemmatizer):
    """spaCy's French lemmatizer, with its word lists as sets and its tables saved packed (beside
    spaCy's own): the same lemmas, read at once. A packed file whose checksum or source differs
    is not used; the tables are then read as spaCy saved them."""

    _read: tuple[Lookups, bytes] | None = None  # the tables read from disk, and the bytes they came from

    def _lookups_bytes(self) -> bytes:
        """The tables as ``Lookups.to_bytes`` writes them (packed tables give back their source)."""
        if self._read is not None and self._read[0] is self.lookups:
            return self._read[1]
        return self.lookups.to_bytes()

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        serialize = {"vocab": lambda: self.vocab.to_bytes(exclude=exclude), "lookups": self._lookups_bytes}
        return util.to_bytes(serialize, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "PrivexLemmatizer":
        super().from_bytes(bytes_data, exclude=exclude)
        self.lookups = indexed_lookups(self.lookups)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        from pipeline.io import write_atomic, write_checked

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if "vocab" not in exclude:
            self.vocab.to_disk(path / "vocab", exclude=exclude)
        if "lookups" in exclude:
            return
        source = self._lookups_bytes()
        (path / "lookups").mkdir(exist_ok=True)
        write_atomic(path / "lookups" / "lookups.bin", source)
        (path / PACKED_DIR).mkdir(exist_ok=True)
        write_checked(path / PACKED_DIR / pack_key(source), pack_lookups(source))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "PrivexLemmatizer":
        from pipeline.io import read_checked

        path = Path(path)
        if "lookups" not in exclude:
            source = (path / "lookups" / "lookups.bin").read_bytes()
            try:
                self.lookups = read_packed(read_checked(path / PACKED_DIR / pack_key(source)))
            except (OSError, ValueError):  # none, changed since the build, or of another layout
                self.lookups = indexed_lookups(Lookups().from_bytes(source))
            self._read = (self.lookups, source)
        # spaCy's own reading for the rest: the vocabulary, and the check that the tables are there
        return super().from_disk(path, exclude=[*exclude, "lookups"])

    def initialize(self, *args, **kwargs) -> None:
        super().initialize(*args, **kwargs)
        self.lookups = indexed_lookups(self.lookups)


@PrivexFrench.factory(
    "lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_lemmatizer(nlp, model, name: str, mode: str, overwrite: bool, scorer: Callable | None) -> PrivexLemmatizer:
    return PrivexLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def base_model_overrides() -> dict:
    """What ``spacy.load`` of the base model is given so that the pipeline it makes is of this
    language (and saves a config that names it)."""
    return {"nlp": {"lang": LANG}}
