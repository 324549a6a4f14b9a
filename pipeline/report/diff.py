"""What changed in the practices between two versions of a notice, from their extraction records.

Spans are compared by what they say, not where they stand, so text that only moved is no change:

- data kinds, purposes and recipients by category and normalised text (lowercased, without
  determiners, contracted articles or punctuation: ``Votre adresse e-mail`` = ``l'adresse e-mail``);
  a recipient also by the countries named for it;
- legal bases by their ground (``GDPR-6-1-a``), whatever the words;
- retention periods by their ISO value, bound and event. A period of the old version is paired with
  one of the new by the words of its sentence (the period's own words left out), so that ``3 ans`` that
  became ``5 ans`` in the same sentence is one period lengthened, not one removed and one added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal, Optional

from pydantic import BaseModel

from pipeline.report.figures import iso_days, same_length
from pipeline.taxonomy import LABELS

# determiners, possessives and the articles contracted with de and à, left out of a compared text
DETERMINERS = frozenset(
    "le la les l un une des du de d au aux ce cet cette ces son sa ses leur leurs votre vos notre nos "
    "mon ma mes ton ta tes".split()
)
WORD = re.compile(r"\w+(?:-\w+)*")
SENTENCE_END = re.compile(r"[.!?;:\n]")
CONTEXT_CHARS = 400  # the farthest a period's sentence is read on either side

Change = Literal["added", "removed", "lengthened", "shortened", "changed"]


def normalise(text: str) -> str:
    """A span's text as compared: lowercase words without determiners (``Vos données d’identité``
    -> ``données identité``)."""
    words = WORD.findall(text.lower().replace("’", "'"))
    return " ".join(w for w in words if w not in DETERMINERS)


class Evidence(BaseModel):
    """A span of one version, by its index in that record's spans, with its raw offsets."""

    index: int
    start: int
    end: int
    text: str


class SpanChange(BaseModel):
    label: str
    change: Change
    key: str  # what was compared: category and normalised text, a ground, or an ISO value
    old_value: Optional[str] = None  # for a period: "P3Y exact" (or an event); for a recipient: its countries
    new_value: Optional[str] = None
    old: list[Evidence] = []
    new: list[Evidence] = []


class NoticeDiff(BaseModel):
    """The comparison of two versions of one notice."""

    id: str
    old: Optional[str] = None  # where each version was read
    new: Optional[str] = None
    status: Literal["compared", "two_versions", "only_old", "only_new", "failed"] = "compared"
    message: Optional[str] = None
    changes: list[SpanChange] = []


@dataclass
class Version:
    """One version of a notice as ``compare`` takes it: where it was read, its notice and record,
    or the problem that keeps it from being compared (unreadable, two versions in one page)."""

    source: str
    notice: Any = None
    record: Optional[dict] = None
    problem: Optional[str] = None
    two_versions: bool = False  # the problem is a page holding two versions of the notice


def compare(nid: str, old: Version | None, new: Version | None, *, min_similarity: float = 0.5) -> NoticeDiff:
    """The diff of one pair of versions; a missing side or a version with a problem says so."""
    d = NoticeDiff(id=nid, old=old.source if old else None, new=new.source if new else None)
    if old is None or new is None:
        d.status = "only_new" if old is None else "only_old"
        d.message = f"only in the {'new' if old is None else 'old'} folder: nothing to compare it with"
    elif old.problem or new.problem:
        problems = [v.problem for v in (old, new) if v.problem]
        d.status = "two_versions" if old.two_versions or new.two_versions else "failed"
        d.message = "; ".join(problems)
    else:
        d.changes = diff_records(old.record, new.record, min_similarity=min_similarity)
    return d


def _evidence(record: dict, indices: list[int]) -> list[Evidence]:
    spans = record["spans"]
    return [Evidence(index=i, start=spans[i]["start"], end=spans[i]["end"], text=spans[i]["text"]) for i in indices]


def _key(span: dict) -> str:
    if span["label"] == "LEGAL_BASIS" and span.get("value"):
        return span["value"]
    return f"{span.get('category') or '-'}: {normalise(span['text'])}"


def _grouped(record: dict, label: str) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for i, span in enumerate(record["spans"]):
        if span["label"] == label:
            groups.setdefault(_key(span), []).append(i)
    return groups


def _countries(record: dict, indices: list[int]) -> str:
    return ", ".join(sorted({record["spans"][i]["country"] for i in indices if record["spans"][i].get("country")}))


def _kinds(old: dict, new: dict, label: str) -> list[SpanChange]:
    """Kinds (data, purposes, recipients, legal bases) added, removed, or for a recipient whose
    countries changed, changed."""
    before, after = _grouped(old, label), _grouped(new, label)
    changes = []
    for key in sorted(before.keys() - after.keys()):
        changes.append(SpanChange(label=label, change="removed", key=key, old=_evidence(old, before[key])))
    for key in sorted(after.keys() - before.keys()):
        changes.append(SpanChange(label=label, change="added", key=key, new=_evidence(new, after[key])))
    if label == "RECIPIENT":
        for key in sorted(before.keys() & after.keys()):
            was, now = _countries(old, before[key]), _countries(new, after[key])
            if was != now:
                changes.append(SpanChange(label=label, change="changed", key=key, old_value=was or "no country",
                                          new_value=now or "no country", old=_evidence(old, before[key]),
                                          new=_evidence(new, after[key])))
    return changes


# --- retention periods ---------------------------------------------------------------------------


def period_value(span: dict) -> str:
    """A period as compared and shown: ``P3Y exact``, ``P1Y max after fin du contrat``, ``event: …``."""
    if not span.get("value"):
        return f"event: {normalise(span.get('after') or span['text'])}"
    after = f" after {normalise(span['after'])}" if span.get("after") else ""
    return f"{span['value']} {span.get('bound') or 'exact'}{after}"


def _context(text: str, span: dict) -> list[str]:
    """The words of the sentence a span stands in, its own words left out."""
    left = text[max(0, span["start"] - CONTEXT_CHARS): span["start"]]
    right = text[span["end"]: span["end"] + CONTEXT_CHARS]
    ends = list(SENTENCE_END.finditer(left))
    left = left[ends[-1].end():] if ends else left
    end = SENTENCE_END.search(right)
    right = right[: end.start()] if end else right
    return normalise(f"{left} {right}").split()


def _similarity(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a or b else 1.0


def _compare_periods(old_span: dict, new_span: dict) -> Change | None:
    """How a period paired across versions changed: None when it says the same."""
    a, b = old_span.get("value"), new_span.get("value")
    if a and b and (old_span.get("bound") or "exact") == (new_span.get("bound") or "exact") and \
            normalise(old_span.get("after") or "") == normalise(new_span.get("after") or ""):
        if same_length(a, b):
            return None
        return "lengthened" if iso_days(b) > iso_days(a) else "shortened"
    return None if period_value(old_span) == period_value(new_span) else "changed"


def _periods(old: dict, new: dict, min_similarity: float) -> list[SpanChange]:
    """Periods added, removed, lengthened, shortened or changed (bound, event)."""
    def periods(record: dict) -> dict[int, list[str]]:
        return {i: _context(record["text"], s) for i, s in enumerate(record["spans"]) if s["label"] == "DURATION"}

    before, after = periods(old), periods(new)
    candidates = sorted(
        ((_similarity(before[i], after[j]), i, j) for i in before for j in after),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    pairs: list[tuple[int, int]] = []
    # first the periods that say the same in both versions, wherever they moved; then, by the words
    # of their sentences, the ones that changed
    for same_value in (True, False):
        for similarity, i, j in candidates:
            if i not in before or j not in after:
                continue
            unchanged = _compare_periods(old["spans"][i], new["spans"][j]) is None
            if (same_value and unchanged) or (not same_value and similarity >= min_similarity):
                pairs.append((i, j))
                del before[i], after[j]
    changes = []
    for i, j in pairs:
        o, n = old["spans"][i], new["spans"][j]
        change = _compare_periods(o, n)
        if change is not None:
            changes.append(SpanChange(label="DURATION", change=change, key=period_value(o), old_value=period_value(o),
                                      new_value=period_value(n), old=_evidence(old, [i]), new=_evidence(new, [j])))
    for i in sorted(before):
        value = period_value(old["spans"][i])
        changes.append(SpanChange(label="DURATION", change="removed", key=value, old_value=value, old=_evidence(old, [i])))
    for j in sorted(after):
        value = period_value(new["spans"][j])
        changes.append(SpanChange(label="DURATION", change="added", key=value, new_value=value, new=_evidence(new, [j])))
    return changes


def diff_records(old: dict, new: dict, *, min_similarity: float = 0.5) -> list[SpanChange]:
    """Every change in the practices between two records of one notice, by label in the labels' order."""
    changes: list[SpanChange] = []
    for label in LABELS:
        changes += _periods(old, new, min_similarity) if label == "DURATION" else _kinds(old, new, label)
    return changes


# --- the terminal table --------------------------------------------------------------------------


def _shown(change: SpanChange, side: str) -> str:
    evidence = change.old if side == "old" else change.new
    value = change.old_value if side == "old" else change.new_value
    if not evidence and not value:
        return ""
    text = " ".join(evidence[0].text.split()) if evidence else ""
    if len(text) > 40:
        text = text[:37] + "..."
    times = f" ×{len(evidence)}" if len(evidence) > 1 else ""
    if change.label == "DURATION" or (change.label == "RECIPIENT" and change.change == "changed"):
        return f"{text} ({value})"
    category = change.key.split(": ", 1)[0] if change.label != "LEGAL_BASIS" else change.key
    return f"{text} ({category}){times}"


def diff_table(diffs: list[NoticeDiff]) -> str:
    """The changes of every pair of versions, one line each, for a terminal."""
    out = []
    for d in diffs:
        out.append(f"== {d.id}" + (f"  ({d.old} -> {d.new})" if d.old and d.new else ""))
        if d.status != "compared":
            out.append(f"  {d.message}")
            continue
        if not d.changes:
            out.append("  no change in data kinds, purposes, retention periods, recipients or legal bases")
            continue
        rows = [(c.label, c.change, _shown(c, "old"), _shown(c, "new")) for c in d.changes]
        widths = [max(len(r[k]) for r in rows + [("label", "change", "old", "new")]) for k in range(3)]
        out.append("  " + "  ".join(h.ljust(w) for h, w in zip(("label", "change", "old"), widths)) + "  new")
        for row in rows:
            out.append(("  " + "  ".join(v.ljust(w) for v, w in zip(row[:3], widths)) + "  " + row[3]).rstrip())
    return "\n".join(out)
