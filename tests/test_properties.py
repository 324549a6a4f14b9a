"""Properties of the cleaner and of ``extract`` over random and adversarial text (hypothesis).

Text is drawn from random unicode and from the junk the cleaner is written for: page markers,
placeholders, markdown, tables, HTML and its entities, long runs, ``\\r\\n``, non-breaking spaces.
Whatever the text, the offset map is total, monotone and in range; every letter the cleaner keeps is
the raw letter it maps to; no letter outside a removed stretch is lost; every span maps back to raw
text that holds it; and cleaning time grows linearly with the input.
"""

from __future__ import annotations

import gc
import html
import re
import time

import spacy
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Span

from pipeline.clean import clean
from pipeline.components import SPAN_KEY
from pipeline.config import Params
from pipeline.extract import extract
from pipeline.notices import Notice

JUNK = [
    "pg. 2/8\n", "Page 3 sur 12\n", "%%bank%%", "%kbcgroep.merk%%", "%%nom%", "10 % ",
    "# Titre\n", "## Sous-titre\n", "**gras**", "__gras__", "*", "\\-", "[texte](https://exemple.fr/a)",
    "personnelles[texte](url)", "![image](i.png)", "[![image](i.png)](https://exemple.fr)", "-----\n", "===\n",
    "| Données | Durée |\n", "| --- | --- |\n", "| Nom<br>Prénom | 3 ans |\n", "|", " | ", "\\|",
    "&eacute;", "&rsquo;", "&amp;", "&#233;", "&#x2019;", "&nbsp;", "&bogus;", "&",
    "<p>", "</p>", "<br>", "<br/>", "<div class='x'>", "</div>", "<b>", "<!--", "-->", "<!-- note -->",
    "<script>", "</script>", "<style>p{}</style>", "<%", "%>", "<%@ page %>", "<!DOCTYPE html>", "<",
    "---\ntitle: x\n---\n", "- ", "- > ", "• ", "● ", "a. ", "iv. ", "1. ", "cookie_list_text\n", "arrow up\n",
    "\r\n", "\n", "\n\n", "\xa0", "\u202f", "\t", "\u200b", "\ufeff", " " * 40, "[" * 5, "'" * 30,
    "Nous conservons vos données pendant 3 ans.", "VOS DROITS\n", "3.1 RELATION CLIENT\n",
]
WORD = st.text(alphabet="abcdeéèàçôîïuœ'’-.,;:()ABCDÉ0123456789", min_size=1, max_size=12)
NOTICE_TEXT = st.lists(st.one_of(st.sampled_from(JUNK), WORD, st.just(" "), st.text(max_size=8)), max_size=50).map("".join)
LETTER = re.compile(r"[^\W\d_]")


def _covered(removed, size: int) -> bytearray:
    inside = bytearray(size)
    for removal in removed:
        inside[removal.start : removal.end] = b"\x01" * (removal.end - removal.start)
    return inside


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=NOTICE_TEXT)
def test_clean_map_is_total_monotone_and_in_range(raw):
    cleaned = clean(raw)
    pos, stop = list(cleaned.mapped.pos), list(cleaned.mapped.stop)
    assert len(pos) == len(stop) == len(cleaned.text)
    assert pos == sorted(pos) and stop == sorted(stop)
    assert all(0 <= p < s <= len(raw) for p, s in zip(pos, stop))
    for start in range(0, len(cleaned.text), 7):
        for end in range(start + 1, len(cleaned.text) + 1, 5):
            raw_start, raw_end = cleaned.to_raw(start, end)
            assert 0 <= raw_start < raw_end <= len(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=NOTICE_TEXT)
def test_clean_keeps_every_letter_outside_junk_and_in_place(raw):
    cleaned = clean(raw)
    kept = set()
    for char, p, s in zip(cleaned.text, cleaned.mapped.pos, cleaned.mapped.stop):
        if s - p == 1 and LETTER.match(char):  # a character taken from raw, not made (an entity's)
            assert raw[p] == char
        kept.add(p)
    junk = _covered(cleaned.removed, len(raw))
    lost = [i for i, char in enumerate(raw) if LETTER.match(char) and not junk[i] and i not in kept]
    assert lost == [], [raw[i] for i in lost]


@Language.component("test_every_word_is_data")
def _every_word(doc):
    doc.spans[SPAN_KEY] = [Span(doc, i, i + 1, label="DATA") for i, token in enumerate(doc) if token.is_alpha]
    return doc


_NLP = spacy.blank("fr")
_NLP.add_pipe("test_every_word_is_data")
_PARAMS = Params.model_validate({**Params().model_dump(), "extract": {**Params().extract.model_dump(), "min_french_share": 0}})


def _letters(text: str) -> str:
    return "".join(LETTER.findall(text))


def _in_order(part: str, whole: str) -> bool:
    it = iter(whole)
    return all(char in it for char in part)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=NOTICE_TEXT)
def test_every_span_maps_back_to_raw_text_that_holds_it(raw):
    errors = []
    records = list(extract(_NLP, [Notice("n", raw, "n")], _PARAMS, errors.append))
    if errors:
        return  # an empty or binary text: refused with its reason
    (record,) = records
    cleaned = clean(raw, _PARAMS.clean)
    words = [t.text for t in _NLP.make_doc(cleaned.text) if t.is_alpha]
    assert len(record["spans"]) == len(words)
    for span, word in zip(record["spans"], words):
        assert 0 <= span["start"] < span["end"] <= len(raw)
        assert raw[span["start"] : span["end"]] == span["text"]
        assert _in_order(_letters(word), _letters(html.unescape(span["text"])))


# --- linear time -------------------------------------------------------------------------------

RUNAWAY = [
    " ", "\t", "[", "]", "(", "<!--", "<script", "<style", "<%", "<!DOCTYPE", "<a ", "<p ", "<br>", "|", " | ", "\\|",
    "[a](", "[a](b", "![", "](", '[a](b "', "&", "&eacute", "%", "%%a", "**", "*a", "_", "-", "---", "=", "#", "1.", "a.",
    "'", "’", "x", "é", "\n", "\r\n", "\xa0", ":", ".",
]


def _seconds(text: str) -> float:
    """One cleaning's time, without a garbage collection falling in one run and not the other."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        clean(text)
        return time.perf_counter() - start
    finally:
        if collecting:
            gc.enable()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: a quadratic case is slow to retry
@given(unit=st.lists(st.sampled_from(RUNAWAY), min_size=1, max_size=3).map("".join),
       edge=st.sampled_from(["", "x", "\n", "| a "]))
def test_cleaning_time_is_linear(unit, edge):
    """A 10x longer input may take at most 20x longer. Timed in the same test, small and large in
    alternating rounds, the best of each kept, so that a busy machine slows both alike."""
    size = 5000
    small = edge + unit * (size // len(unit)) + edge
    large = edge + unit * (10 * size // len(unit)) + edge
    best_small = best_large = float("inf")
    for _ in range(6):
        best_small = min(best_small, _seconds(small))
        best_large = min(best_large, _seconds(large))
        if best_large <= 20 * max(best_small, 0.001):
            break
    assert best_large <= 20 * max(best_small, 0.001), (unit, edge, best_small, best_large)
