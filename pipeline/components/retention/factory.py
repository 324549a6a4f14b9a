"""Registers ``privacy_retention`` (entry point in ``pyproject.toml``)."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components.retention.component import Retention


@Language.factory(
    "privacy_retention",
    assigns=["doc.spans", "span._.retention"],
    default_config={"heading_window": 40, "heading_max_chars": 80, "cell_window": 400, "header_in_line_chars": 3000},
    default_score_weights={"duration_f": 1.0},
)
def make_retention(
    nlp: Language, name: str, heading_window: int, heading_max_chars: int, cell_window: int, header_in_line_chars: int
) -> Retention:
    return Retention(
        nlp,
        name,
        heading_window=heading_window,
        heading_max_chars=heading_max_chars,
        cell_window=cell_window,
        header_in_line_chars=header_in_line_chars,
    )
