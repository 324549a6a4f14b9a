"""The benchmark's scaled corpus and its report (its timings are not tested: they are measured)."""

from __future__ import annotations

import random
import re

from pipeline.bench import scaled_corpus, table, vary


def test_a_varied_copy_names_another_organisation_and_other_numbers():
    text = ("Chez Belfius, nous conservons vos données 10 ans. Belfius les partage. "
            "Contactez Belfius au 02 222 11 11 ou écrivez à Belfius.")
    copy = vary(text, random.Random(1))
    assert "Belfius" not in copy and copy.count(" nous conservons vos données ") == 1
    assert len(copy.split()) == len(text.split())
    before, after = re.findall(r"\d+", text), re.findall(r"\d+", copy)
    assert [len(n) for n in before] == [len(n) for n in after] and before != after


def test_the_scaled_corpus_cycles_over_the_notices_and_no_two_texts_are_alike():
    notices = scaled_corpus(12, seed=5)
    assert len(notices) == 12 and len({n.id for n in notices}) == 12
    assert len({n.text for n in notices}) == 12
    assert notices[0].id.rsplit("-", 1)[0] == notices[5].id.rsplit("-", 1)[0]  # five corpus notices
    assert [n.text for n in scaled_corpus(3, seed=5)] == [n.text for n in notices[:3]]


def test_the_table_puts_each_figure_beside_its_target():
    results = {
        "throughput": {"words_per_second": {"bare": 1000, "extract": 1100, "extract_2_processes": 1900},
                       "extract_vs_bare": 1.1, "two_vs_one_process": 1.727},
        "memory": {"100": {"peak_rss_mb": 900}, "1000": {"peak_rss_mb": 950}, "growth": 0.056},
        "incremental": {"notices": 200, "full_seconds": 100.0, "one_changed_seconds": 5.0, "one_changed_vs_full": 0.05},
        "cold_start": {"seconds": 2.5, "bare_load_seconds": 2.0},
        "load": {"spacy_load_seconds": 2.2, "privex_load_seconds": 2.0, "spacy_vs_privex": 1.1},
        "dask": {"words_per_second": {"pool_1": 1000, "pool_2": 1900, "dask_1": 980, "dask_2": 1850},
                 "dask_2_vs_1_worker": 1.888, "overhead_vs_pool": {"1": 0.02, "2": 0.027},
                 "projected_hours": {"notices": 100000, "words_per_notice": 6000, "1": 170.1, "2": 90.1},
                 "cpu_overhead_vs_pool": {"1": 0.031, "2": 0.045}, "pool_2_vs_1_process": 1.9, "load_average": [4.2, 5.0]},
    }
    report = table(results)
    for expected in ("1.10×", "1.73×", "900 MB / 950 MB (+6%)", "5.0%", "2.5 s", "≥ 1.7×", "< 10%",
                     "1.89× (1850 vs 980 words/s)", "+2.0% / +2.7% time", "≤ +10%", "100,000 notices of 6,000 words",
                     "170.1 h / 90.1 h", "1.10× (2.2 s vs 2.0 s)", "≤ 1.2×", "+3.1% / +4.5% (the pool, 2 processes vs 1: 1.90×; load average 4.2–5.0)"):
        assert expected in report
