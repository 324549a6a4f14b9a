"""Lookup tables kept packed, each entry unpacked on first use.

The French lemmatizer's tables (some 217,000 word forms, and 180,000
exceptions by part of speech) take half a second to unpack into Python
objects, of which a notice uses a few thousand. ``pack_lookups`` writes a
model's tables, beside the model, as sorted 64-bit key hashes and one
msgpack value per key; ``PackedLookups`` reads them back in a few
milliseconds and unpacks an entry when the lemmatizer first asks for it.
The keys are spaCy's own string hashes, the values the same objects, so the
lemmas are the same. ``PackedLookups.to_bytes`` gives back the original
bytes, so a model loaded this way saves as it was.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Iterator

import numpy
import srsly
from srsly import msgpack
from spacy.lookups import Lookups, Table
from spacy.strings import get_string_id

PACK_MIN = 1000  # entries: a mapping at least this large is packed, a smaller one is kept as it is
FORMAT = 1  # the packed file's layout; a new layout ignores files of the old one


def pack_key(lookups_bytes: bytes) -> str:
    """The name of the packed file made from ``lookups_bytes``."""
    return f"{hashlib.blake2b(lookups_bytes, digest_size=12).hexdigest()}.v{FORMAT}.pack"


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


def indexed_table(data: dict) -> dict:
    """A small table's data with its long word lists made ``IndexedList`` (a large table is left)."""
    if len(data) >= PACK_MIN:
        return data
    return {key: indexed(value) for key, value in data.items()}


def _unpack(data: bytes) -> Any:
    """One packed value, as ``srsly.msgpack_loads`` reads it but without listing srsly's decoders
    (for numpy arrays, which the tables do not hold) on every call."""
    return msgpack.unpackb(data, raw=False, use_list=True, object_pairs_hook=None)


def _hash(key: Any) -> int:
    return get_string_id(key)


class Packed(Mapping):
    """A read-only mapping: sorted key hashes, value offsets and the packed values."""

    def __init__(self, hashes: numpy.ndarray, offsets: numpy.ndarray, values: bytes):
        self._hashes, self._offsets, self._values = hashes, offsets, values
        self._unpacked: dict[int, Any] = {}

    @classmethod
    def pack(cls, data: Mapping) -> "Packed | None":
        """``data`` packed, or None when two of its keys have the same hash."""
        items = sorted(((_hash(key), value) for key, value in data.items()), key=lambda item: item[0])
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
            h = numpy.uint64(_hash(key))
        except (TypeError, ValueError, OverflowError):
            return -1
        i = int(numpy.searchsorted(self._hashes, h))
        return i if i < len(self._hashes) and self._hashes[i] == h else -1

    def __getitem__(self, key: Any) -> Any:
        h = _hash(key)
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

    def unpacked(self) -> dict:
        """Every entry, keyed by hash."""
        return {h: self[h] for h in self}


class PackedTable(Table):
    """A ``spacy.lookups.Table`` whose entries stay packed until read. Read-only."""

    def __init__(self, name: str, packed: Packed):
        OrderedDict.__init__(self)
        self.name = name
        self.default_size = len(packed)
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
        return Table(self.name, self._packed.unpacked()).to_bytes()


class PackedLookups(Lookups):
    """``Lookups`` read from a packed file: saved, they give back the bytes they were packed from,
    unless a table was added, replaced or removed since."""

    _read: dict = {}
    _original: bytes = b""

    def to_bytes(self, **kwargs) -> bytes:
        if self._tables.keys() == self._read.keys() and all(self._tables[k] is self._read[k] for k in self._read):
            return self._original
        # the tables read are taken from the original bytes: a packed word list keeps only hashes
        original = srsly.msgpack_loads(self._original)
        return srsly.msgpack_dumps({
            name: original[name] if self._read.get(name) is table else dict(table.items())
            for name, table in self._tables.items()
        })


def pack_lookups(lookups_bytes: bytes, folder: Path) -> Path:
    """Write the tables of a ``Lookups.to_bytes`` image to ``folder``, packed; returns the file."""
    from pipeline.io import write_checked

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
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / pack_key(lookups_bytes)
    write_checked(path, srsly.msgpack_dumps({"format": FORMAT, "tables": tables}))
    return path


def read_packed(lookups: Lookups, lookups_bytes: bytes, folder: Path | None) -> bool:
    """Fill ``lookups`` (made a ``PackedLookups``) with the tables packed from ``lookups_bytes`` in
    ``folder``; False, and ``lookups`` untouched, when there is no such file, it cannot be read or
    its checksum differs from the one written with it."""
    from pipeline.io import read_checked

    if folder is None:
        return False
    try:
        message = srsly.msgpack_loads(read_checked(Path(folder) / pack_key(lookups_bytes)))
        if message.get("format") != FORMAT:
            return False
        tables = {name: _read_table(name, spec) for name, spec in message["tables"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return False
    lookups.__class__ = PackedLookups
    lookups._tables, lookups._read, lookups._original = dict(tables), dict(tables), lookups_bytes
    return True


def _read_table(name: str, spec: dict) -> Table:
    if "packed" in spec:
        return PackedTable(name, Packed.from_message(spec["packed"]))
    entries = {
        key: Packed.from_message(entry["packed"]) if "packed" in entry else indexed(entry["plain"])
        for key, entry in spec["entries"].items()
    }
    return Table(name, entries)
