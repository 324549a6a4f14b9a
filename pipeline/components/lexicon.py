"""Lexicons kept as YAML resources, expanded into phrase patterns.

An entry is written once, singular, in lower case; its plural and its
typographic-apostrophe spelling are generated, so ``adresse électronique``
also finds ``adresses électroniques`` and ``numéro d'identification`` also
finds ``numéro d’identification``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from pipeline.speedups import tokenize

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
    """A lexicon file, through libyaml's loader when PyYAML has it (ten times faster at start-up)."""
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


def phrase_matcher(nlp: Language, table: dict[str, str], attr: str = "LOWER") -> PhraseMatcher:
    """A PhraseMatcher with one rule per category; patterns are tokenized by ``nlp``'s tokenizer only."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    grouped: dict[str, list[str]] = {}
    for form, category in table.items():
        grouped.setdefault(category, []).append(form)
    for category, forms in grouped.items():
        matcher.add(category, tokenize(nlp, sorted(forms)))
    return matcher

