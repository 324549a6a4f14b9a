"""The scorer, on small cases computed by hand."""

from __future__ import annotations

import pytest

from pipeline.evaluate import below_floors, match, score


def span(start, end, label="DATA", **extra):
    return {"start": start, "end": end, "label": label, "text": "x" * (end - start), **extra}


TEXT = "x" * 200


def test_evaluate_exact_and_overlap_counts():
    gold = [span(0, 10), span(20, 30), span(40, 50, "RECIPIENT")]
    pred = [span(0, 10), span(22, 35), span(60, 70)]
    scores, errors = score([("n", TEXT, gold, pred)])
    data = scores["DATA"]
    # exact: only 0-10 matches; 22-35 and 60-70 are fp; 20-30 is fn
    assert (data["exact_tp"], data["exact_fp"], data["exact_fn"]) == (1, 2, 1)
    assert data["exact_p"] == pytest.approx(1 / 3, abs=1e-4) and data["exact_r"] == 0.5
    assert data["exact_f1"] == pytest.approx(0.4, abs=1e-4)
    # overlap: 22-35 now matches 20-30
    assert (data["overlap_tp"], data["overlap_fp"], data["overlap_fn"]) == (2, 1, 0)
    assert data["overlap_f1"] == pytest.approx(0.8, abs=1e-4)
    rec = scores["RECIPIENT"]
    assert (rec["overlap_tp"], rec["overlap_fp"], rec["overlap_fn"]) == (0, 0, 1)
    assert scores["micro"]["overlap_tp"] == 2 and scores["micro"]["overlap_fn"] == 1
    assert scores["micro"]["overlap_fp"] == 1
    assert {(e["error"], e["start"]) for e in errors} == {("fp", 60), ("fn", 40)}


def test_evaluate_duplicate_prediction_is_a_false_positive():
    gold = [span(0, 10)]
    pred = [span(0, 10), span(0, 10)]
    scores, _ = score([("n", TEXT, gold, pred)])
    for mode in ("exact", "overlap"):
        assert (scores["DATA"][f"{mode}_tp"], scores["DATA"][f"{mode}_fp"]) == (1, 1)


def test_evaluate_prediction_overlapping_two_gold_spans_matches_one():
    gold = [span(0, 10), span(12, 30)]
    pred = [span(5, 25)]
    assert match(gold, pred, "overlap") == [(1, 0)]  # 13 characters with the second, 5 with the first
    scores, _ = score([("n", TEXT, gold, pred)])
    assert (scores["DATA"]["overlap_tp"], scores["DATA"]["overlap_fp"], scores["DATA"]["overlap_fn"]) == (1, 0, 1)


def test_evaluate_labels_never_match_across():
    scores, _ = score([("n", TEXT, [span(0, 10, "DATA")], [span(0, 10, "PURPOSE")])])
    assert scores["DATA"]["overlap_fn"] == 1 and scores["PURPOSE"]["overlap_fp"] == 1


def test_evaluate_empty_notice_is_perfect_and_adds_nothing():
    scores, errors = score([("empty", "", [], [])])
    assert scores["micro"]["exact_f1"] == 1.0 and errors == []
    scores, _ = score([("empty", "", [], []), ("n", TEXT, [span(0, 10)], [])])
    assert scores["DATA"]["overlap_r"] == 0.0 and scores["DATA"]["overlap_fn"] == 1


def test_evaluate_duration_value_and_bound_accuracy():
    gold = [
        span(0, 10, "DURATION", value="P1Y", bound="max"),
        span(20, 30, "DURATION", value="P10Y", bound="exact"),
        span(40, 50, "DURATION", value=None, bound="exact"),
    ]
    pred = [
        span(0, 10, "DURATION", value="P1Y", bound="max"),
        span(20, 28, "DURATION", value="P10Y", bound="max"),
        span(40, 50, "DURATION", value=None, bound="exact"),
    ]
    row = score([("n", TEXT, gold, pred)])[0]["DURATION"]
    assert row["value_accuracy"] == 1.0
    assert row["bound_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert row["value_bound_accuracy"] == pytest.approx(2 / 3, abs=1e-4)


def test_evaluate_category_accuracy_on_matched_spans_only():
    gold = [span(0, 10, category="identity"), span(20, 30, category="contact"), span(40, 50, category="usage")]
    pred = [span(0, 10, category="identity"), span(20, 30, category="identity")]
    row = score([("n", TEXT, gold, pred)])[0]["DATA"]
    assert row["category_accuracy"] == 0.5


def test_evaluate_error_context():
    text = "Nous collectons votre nom et votre adresse."
    start = text.index("nom")
    _, errors = score([("n", text, [span(start, start + 3)], [])], context=10)
    assert errors[0]["context"] == "ons votre [[nom]] et votre "


def test_evaluate_floors():
    scores = {"DATA": {"overlap_f1": 0.8}}
    assert below_floors(scores, {"DATA.overlap_f1": 0.7}) == []
    assert below_floors(scores, {"DATA.overlap_f1": 0.9}) == ["DATA.overlap_f1 = 0.8 is below its floor 0.9"]
    assert below_floors(scores, {"DATA.nothing": 0.1})


def test_evaluate_links_counted_by_matched_ends():
    # gold: statement 1 = DATA 0-10 with PURPOSE 20-30 and DURATION 40-45; statement 2 = DATA 60-70 with RECIPIENT 80-90
    gold = [span(0, 10, practices=[1]), span(20, 30, "PURPOSE", practices=[1]), span(40, 45, "DURATION", practices=[1]),
            span(60, 70, practices=[2]), span(80, 90, "RECIPIENT", practices=[2]), span(100, 110, "PURPOSE")]
    # predicted: ends overlap the gold ones; DATA 2-9 -> PURPOSE (right), -> RECIPIENT (wrong pair),
    # DATA 61-70 -> PURPOSE 101-110 (no gold link); the DATA-DURATION and DATA-RECIPIENT gold links missed
    pred = [span(2, 9, links=[1, 3]), span(22, 30, "PURPOSE"), span(61, 70, links=[4]), span(80, 88, "RECIPIENT"),
            span(101, 110, "PURPOSE")]
    scores, _ = score([("n", TEXT, gold, pred)])
    links = scores["links"]
    assert links["notices"] == 1
    assert (links["all"]["tp"], links["all"]["fp"], links["all"]["fn"]) == (1, 2, 2)
    assert (links["DATA-PURPOSE"]["tp"], links["DATA-PURPOSE"]["fp"], links["DATA-PURPOSE"]["fn"]) == (1, 1, 0)
    assert (links["DATA-RECIPIENT"]["tp"], links["DATA-RECIPIENT"]["fp"], links["DATA-RECIPIENT"]["fn"]) == (0, 1, 1)
    assert (links["DATA-DURATION"]["tp"], links["DATA-DURATION"]["fn"]) == (0, 1)
    assert links["DATA-LEGAL_BASIS"]["f1"] == 1.0  # nothing to find, nothing found
    assert below_floors(scores, {"links.all.f1": 0.3}) == []
    assert below_floors(scores, {"links.all.f1": 0.5}) == ["links.all.f1 = 0.3333 is below its floor 0.5"]


def test_evaluate_links_only_on_notices_with_link_gold():
    gold = [span(0, 10), span(20, 30, "PURPOSE")]
    pred = [span(0, 10, links=[1]), span(20, 30, "PURPOSE")]
    scores, _ = score([("n", TEXT, gold, pred)])
    assert "links" not in scores
    assert below_floors(scores, {"links.all.f1": 0.1}) == ["links.all.f1 = None is below its floor 0.1"]
    with_gold = [span(0, 10, practices=[1]), span(20, 30, "PURPOSE", practices=[1])]
    scores, _ = score([("n", TEXT, gold, pred), ("m", TEXT, with_gold, pred)])
    assert scores["links"]["notices"] == 1 and scores["links"]["all"]["f1"] == 1.0


def test_evaluate_links_outside_regions_are_dropped():
    gold = [span(0, 10, practices=[1]), span(20, 30, "PURPOSE", practices=[1])]
    pred = [span(0, 10, links=[2]), span(20, 30, "PURPOSE", links=[]), span(150, 160, "PURPOSE")]
    scores, _ = score([("n", TEXT, gold, pred, [(0, 100)])])
    assert (scores["links"]["all"]["tp"], scores["links"]["all"]["fp"], scores["links"]["all"]["fn"]) == (0, 0, 1)
