"""``privex extract --format table``: spans grouped by label, repeated mentions folded."""

from __future__ import annotations

from pipeline.formats.table import mentions, notice_table


def _span(start: int, text: str, label: str = "DATA", **values) -> dict:
    return {"start": start, "end": start + len(text), "label": label, "text": text, **values}


def test_table_folds_a_mention_repeated_with_its_text_label_and_category():
    spans = [
        _span(10, "adresse e-mail", category="contact"),
        _span(50, "nom", category="identity"),
        _span(90, "adresse\ne-mail", category="contact"),  # the same words, wrapped on two lines
        _span(130, "adresse e-mail", category="contact"),
        _span(170, "adresse e-mail", category="technical"),  # another category: its own line
        _span(200, "3 ans", "DURATION", value="P3Y", bound="exact", after=None),
        _span(260, "3 ans", "DURATION", value="P3Y", bound="max", after=None),  # another bound
    ]
    table = notice_table({"id": "n", "text": "", "spans": spans}).splitlines()
    assert table[0] == "== n (7 spans)"
    assert table[1] == "DATA (5, 3 distinct)"
    assert [line.split() for line in table[2:5]] == [
        ["10-24", "3×", "adresse", "e-mail", "contact"],
        ["50-53", "nom", "identity"],
        ["170-184", "adresse", "e-mail", "technical"],
    ]
    assert table[5] == "DURATION (2)"
    assert [line.split()[1:] for line in table[6:]] == [["3", "ans", "P3Y", "exact"], ["3", "ans", "P3Y", "max"]]


def test_table_keeps_the_order_of_first_mention_and_every_span_counted():
    spans = [_span(i * 20, text, category="contact") for i, text in enumerate(["b", "a", "b", "c", "a", "b"])]
    folded = mentions(spans)
    assert [(s["text"], n) for s, n in folded] == [("b", 3), ("a", 2), ("c", 1)]
    assert sum(n for _, n in folded) == len(spans)


def test_table_without_repeats_has_no_count_column():
    spans = [_span(0, "nom", category="identity"), _span(10, "prénom", category="identity")]
    lines = notice_table({"id": "n", "text": "", "spans": spans}).splitlines()
    assert lines[1] == "DATA (2)"
    assert lines[2] == "       0-3      nom     identity"
