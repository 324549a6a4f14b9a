"""How one label's rule spans and model spans merge, each kept span with its origin.

A policy is chosen per label on the dev notices (``python -m pipeline.train.explore``) and named
in the ``combine:`` section of ``params.yaml``:

- ``rules``: the rule spans only; ``model``: the model spans only;
- ``rules_first``: every rule span, and the model spans that overlap none (the hybrid);
- ``model_first``: every model span, and the rule spans that overlap none;
- ``both``: the rule spans a model span overlaps (precision over recall);
- ``either``: ``rules_first``, with the model's boundaries where both found the span.

A kept span's origin is ``rule`` or ``model`` when one side found it and ``both`` when a span of
the other side overlaps it.
"""

from __future__ import annotations

from typing import Callable, Literal, Sequence, TypeVar

Policy = Literal["rules", "model", "rules_first", "model_first", "both", "either"]
POLICIES: tuple[str, ...] = ("rules", "model", "rules_first", "model_first", "both", "either")
ORIGINS: tuple[str, ...] = ("rule", "model", "both")

S = TypeVar("S")


def merge(rules: Sequence[S], model: Sequence[S], policy: str, bounds: Callable[[S], tuple[int, int]]) -> list[tuple[S, str]]:
    """The kept spans of one label with their origin, rule spans first then model spans."""
    def overlaps(a: S, b: S) -> bool:
        (a0, a1), (b0, b1) = bounds(a), bounds(b)
        return a0 < b1 and b0 < a1

    if policy == "rules":
        return [(r, "rule") for r in rules]
    if policy == "model":
        return [(m, "model") for m in model]
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; one of {', '.join(POLICIES)}")
    confirmed = [any(overlaps(r, m) for m in model) for r in rules]
    alone_model = [(m, "model") for m in model if not any(overlaps(m, r) for r in rules)]
    if policy == "both":
        return [(r, "both") for r, ok in zip(rules, confirmed) if ok]
    if policy == "rules_first":
        return [(r, "both" if ok else "rule") for r, ok in zip(rules, confirmed)] + alone_model
    if policy == "either":
        kept = [(_widest_overlap(r, model, bounds), "both") if ok else (r, "rule") for r, ok in zip(rules, confirmed)]
        return kept + alone_model
    # model_first
    kept = [(m, "both" if any(overlaps(m, r) for r in rules) else "model") for m in model]
    return kept + [(r, "rule") for r in rules if not any(overlaps(r, m) for m in model)]


def _widest_overlap(rule: S, model: Sequence[S], bounds: Callable[[S], tuple[int, int]]) -> S:
    """The model span sharing the most characters with ``rule``."""
    r0, r1 = bounds(rule)
    return max(model, key=lambda m: min(bounds(m)[1], r1) - max(bounds(m)[0], r0))
