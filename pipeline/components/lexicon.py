"""Lexicons kept as YAML resources, expanded into phrase patterns and saved with their component.

An entry is written once, singular, in lower case; its plural and its
typographic-apostrophe spelling are generated, so ``adresse électronique``
also finds ``adresses électroniques`` and ``numéro d'identification`` also
finds ``numéro d’identification``.

A :class:`Lexicon` is what a component holds: the entries by category, every
spelling of them (``table``) and the words of each spelling as the tokenizer
cut them (its phrase patterns). A component's ``to_disk`` writes it as JSON
and ``from_disk`` reads it back: a saved model carries its lexicons, and
loading it neither reads the package's YAML files nor runs the tokenizer.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

import srsly
import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

PREPOSITIONS = frozenset("de du des d' d’ à au aux pour sur en par avec la le les l' l’ et ou".split())
INVARIABLE = frozenset("données informations coordonnées relatives relatif relative liées lié liée".split())


def pluralize_word(word: str) -> str:
    """``adresse`` -> ``adresses``, ``journal`` -> ``journaux``, ``réseau`` -> ``réseaux``, ``prix`` -> ``prix``."""
    if not word or not word[-1].isalpha() or word[-1] in "sxz" or word.isupper() or word in INVARIABLE:
        return word
    if word.endswith("al") and len(word) > 3:
        return word[:-2] + "aux"
    if word.endswith(("eau", "au", "eu")):
        return word + "x"
    return word + "s"


def plural(term: str) -> str:
    """Every word before the first preposition takes the plural: ``partenaire commercial`` ->
    ``partenaires commerciaux``, ``numéro de téléphone`` -> ``numéros de téléphone``."""
    words = term.split(" ")
    out = []
    for i, word in enumerate(words):
        if word in PREPOSITIONS or "'" in word or "’" in word:
            out.extend(words[i:])
            break
        out.append("-".join(pluralize_word(part) for part in word.split("-")) if "-" in word and not word.startswith("e-") else pluralize_word(word))
    return " ".join(out)


def variants(term: str) -> set[str]:
    """The spellings of one entry: singular, plural, straight and typographic apostrophes."""
    forms = {term, plural(term)}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return forms


@lru_cache(maxsize=None)
def load_yaml(path: str) -> dict:
    """A lexicon file, through libyaml's loader when PyYAML has it (ten times faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader) or {}


def by_category(entries: dict[str, list[str]], lower: bool = True) -> dict[str, str]:
    """{spelling: category} for every variant of every entry (the first category wins)."""
    table: dict[str, str] = {}
    for category, terms in entries.items():
        for term in terms or []:
            term = " ".join(str(term).split())
            for form in variants(term.lower() if lower else term):
                table.setdefault(form, category)
    return table


class Lexicon:
    """Terms by category, every spelling of them (``table``: spelling -> category) and the words of
    each spelling as a tokenizer cut them (``words``), from which its phrase patterns are made."""

    def __init__(self, entries: dict[str, list[str]] | None = None, *, lower: bool = True,
                 words: dict[str, list[str]] | None = None) -> None:
        self.entries = {category: [str(t) for t in terms or []] for category, terms in (entries or {}).items()}
        self.lower = lower
        self.table = by_category(self.entries, lower)
        self.words = dict(words or {})

    def tokenized(self, tokenizer) -> "Lexicon":
        """The words of every spelling, cut by ``tokenizer`` (the pipeline's)."""
        forms = sorted(self.table)
        self.words = {form: [token.text for token in doc] for form, doc in zip(forms, tokenizer.pipe(forms))}
        return self

    def matcher(self, vocab: Vocab, attr: str) -> PhraseMatcher:
        """A PhraseMatcher with one rule per category, its patterns made from the kept words."""
        missing = set(self.table) - set(self.words)
        if missing:
            raise ValueError(f"lexicon spellings without their words (tokenize the lexicon first): {sorted(missing)[:3]}")
        matcher = PhraseMatcher(vocab, attr=attr)
        grouped: dict[str, list[str]] = {}
        for form, category in self.table.items():
            grouped.setdefault(category, []).append(form)
        for category, forms in grouped.items():
            matcher.add(category, [Doc(vocab, words=self.words[form]) for form in sorted(forms)])
        return matcher

    def to_dict(self) -> dict:
        return {"entries": self.entries, "lower": self.lower, "words": self.words}

    @classmethod
    def from_dict(cls, data: dict) -> "Lexicon":
        return cls(data["entries"], lower=data["lower"], words=data["words"])

    def __len__(self) -> int:
        return sum(len(terms) for terms in self.entries.values())


class SavedLexicon:
    """Serialisation of a component that holds one :class:`Lexicon` (``self.lexicon``) and takes a
    new one with ``self._use(lexicon)``: the lexicon as JSON in the component's folder
    (``LEXICON_FILE``), or as msgpack bytes."""

    LEXICON_FILE = "lexicon.json"  # in the component's folder of a saved model
    lexicon: Lexicon

    def _use(self, lexicon: Lexicon) -> None:
        raise NotImplementedError

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.lexicon.to_dict())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()):
        self._use(Lexicon.from_dict(srsly.msgpack_loads(data)))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / self.LEXICON_FILE, self.lexicon.to_dict())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()):
        self._use(Lexicon.from_dict(srsly.read_json(Path(path) / self.LEXICON_FILE)))
        return self


def terms(entries: Iterable[str] | None) -> list[str]:
    """A plain list of terms (the ``never`` list of a lexicon file), as strings."""
    return [str(t) for t in entries or []]
