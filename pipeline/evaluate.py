"""Scoring extractions against gold, as the contract defines it.

Two matchings, each one-to-one (a gold span is matched at most once):
``exact`` (same label, start and end) and ``overlap`` (same label, ranges
intersect; pairs taken greedily by largest overlap). Per label and
micro-averaged: precision, recall, F1 with tp/fp/fn. On overlap-matched
spans: ``category`` accuracy (DATA, PURPOSE, RECIPIENT), ``value`` and
``bound`` accuracy (DURATION), ``value`` accuracy (LEGAL_BASIS) and
``country`` accuracy (RECIPIENT pairs where either side names a country).

A gold notice annotated in sections only lists them as ``regions``: its
predicted spans outside every region are not scored.

Links (``gold/README.md``, Practice links) are scored on the notices whose gold has any
``practices``: a gold link joins each ``DATA`` span to each other span of one statement; a
predicted link (a ``DATA`` span's ``links``) is right when both its ends are overlap-matched (the
matching above) to the two ends of a gold link. Precision, recall and F1 of links overall
(``links.all``) and per other label (``links.DATA-PURPOSE`` ...).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.taxonomy import LABELS

MODES = ("exact", "overlap")
LINKED = ("PURPOSE", "LEGAL_BASIS", "DURATION", "RECIPIENT")  # what a DATA span is linked to
LINK_ROWS = ("all", *(f"DATA-{label}" for label in LINKED))


def gold_links(spans: list[dict]) -> set[tuple[int, int]]:
    """(DATA index, other index) pairs of gold spans that share a statement (``practices``)."""
    data = [(i, set(s["practices"])) for i, s in enumerate(spans) if s["label"] == "DATA" and s.get("practices")]
    others = [(j, set(s["practices"])) for j, s in enumerate(spans) if s["label"] in LINKED and s.get("practices")]
    return {(i, j) for i, a in data for j, b in others if a & b}


def predicted_links(spans: list[dict]) -> set[tuple[int, int]]:
    """(DATA index, other index) pairs of an extraction's spans: each DATA span's ``links``."""
    return {(i, j) for i, s in enumerate(spans) if s["label"] == "DATA" for j in s.get("links", ())
            if 0 <= j < len(spans) and spans[j]["label"] in LINKED}


def match(gold: list[dict], pred: list[dict], mode: str) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of the same label."""
    if mode == "exact":
        free: dict[tuple, list[int]] = defaultdict(list)
        for i, g in enumerate(gold):
            free[(g["label"], g["start"], g["end"])].append(i)
        pairs = []
        for j, p in enumerate(pred):
            slot = free.get((p["label"], p["start"], p["end"]))
            if slot:
                pairs.append((slot.pop(0), j))
        return pairs
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g["label"] == p["label"]:
                overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if overlap > 0:
                    candidates.append((-overlap, abs(g["start"] - p["start"]), i, j))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> dict[str, float | int]:
        """P, R, F1; with nothing to find and nothing found, all three are 1."""
        found, wanted = self.tp + self.fp, self.tp + self.fn
        p = self.tp / found if found else (1.0 if wanted == 0 else 0.0)
        r = self.tp / wanted if wanted else (1.0 if found == 0 else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Agreement:
    right: int = 0
    total: int = 0

    def accuracy(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


@dataclass
class Scorer:
    """Accumulates notices, then reports; errors keep every fp and fn in overlap mode."""

    context: int = 60
    counts: dict = field(default_factory=lambda: {(m, l): Counts() for m in MODES for l in LABELS})
    category: dict = field(default_factory=lambda: defaultdict(Agreement))
    value: Agreement = field(default_factory=Agreement)
    bound: Agreement = field(default_factory=Agreement)
    value_bound: Agreement = field(default_factory=Agreement)
    legal_value: Agreement = field(default_factory=Agreement)
    country: Agreement = field(default_factory=Agreement)
    links: dict = field(default_factory=lambda: {row: Counts() for row in LINK_ROWS})
    link_notices: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(
        self, notice_id: str, text: str, gold: list[dict], pred: list[dict],
        regions: list[tuple[int, int]] | None = None,
    ) -> None:
        if regions:
            pred = _kept(pred, lambda p: in_regions(p, regions))
            gold = [g for g in gold if in_regions(g, regions)]
        if any(g.get("practices") for g in gold):
            self._links(gold, pred)
        for mode in MODES:
            pairs = match(gold, pred, mode)
            for label in LABELS:
                g = sum(1 for s in gold if s["label"] == label)
                p = sum(1 for s in pred if s["label"] == label)
                tp = sum(1 for i, _ in pairs if gold[i]["label"] == label)
                self.counts[(mode, label)].add(tp, p - tp, g - tp)
            if mode == "overlap":
                self._values(gold, pred, pairs)
                self._errors(notice_id, text, gold, pred, pairs)

    def _links(self, gold: list[dict], pred: list[dict]) -> None:
        """Count the links of one notice: a predicted link is right when its two ends are matched to
        the two ends of a gold link (each gold span matched once, by overlap)."""
        self.link_notices += 1
        to_gold = {j: i for i, j in match(gold, pred, "overlap")}
        wanted, found = gold_links(gold), predicted_links(pred)
        right = {(to_gold[d], to_gold[o]) for d, o in found if d in to_gold and o in to_gold} & wanted
        for row in LINK_ROWS:
            label = row.removeprefix("DATA-")
            keep_g = {(d, o) for d, o in wanted if row == "all" or gold[o]["label"] == label}
            keep_p = {(d, o) for d, o in found if row == "all" or pred[o]["label"] == label}
            tp = sum(1 for d, o in right if row == "all" or gold[o]["label"] == label)
            self.links[row].add(tp, len(keep_p) - tp, len(keep_g) - tp)

    def _values(self, gold, pred, pairs) -> None:
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if g["label"] == "DURATION":
                same_value = g.get("value") == p.get("value")
                same_bound = g.get("bound") == p.get("bound")
                self.value.right += same_value
                self.bound.right += same_bound
                self.value_bound.right += same_value and same_bound
                for agreement in (self.value, self.bound, self.value_bound):
                    agreement.total += 1
            elif g["label"] == "LEGAL_BASIS":
                self.legal_value.right += g.get("value") == p.get("value")
                self.legal_value.total += 1
            elif "category" in g:
                agreement = self.category[g["label"]]
                agreement.right += g["category"] == p.get("category")
                agreement.total += 1
                if g.get("country") or p.get("country"):
                    self.country.right += g.get("country") == p.get("country")
                    self.country.total += 1

    def _errors(self, notice_id, text, gold, pred, pairs) -> None:
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for kind, spans, matched in (("fn", gold, matched_g), ("fp", pred, matched_p)):
            for k, span in enumerate(spans):
                if k in matched:
                    continue
                start, end = span["start"], span["end"]
                self.errors.append({
                    "id": notice_id, "error": kind, "label": span["label"], "start": start, "end": end,
                    "text": span["text"],
                    "context": text[max(0, start - self.context) : start] + "[[" + text[start:end] + "]]"
                    + text[end : end + self.context],
                })

    def report(self) -> dict:
        out: dict = {}
        for label in LABELS:
            row: dict = {}
            for mode in MODES:
                row.update({f"{mode}_{k}": v for k, v in self.counts[(mode, label)].scores().items()})
            if label == "DURATION":
                row["value_accuracy"] = self.value.accuracy()
                row["bound_accuracy"] = self.bound.accuracy()
                row["value_bound_accuracy"] = self.value_bound.accuracy()
            elif label == "LEGAL_BASIS":
                row["value_accuracy"] = self.legal_value.accuracy()
            else:
                row["category_accuracy"] = self.category[label].accuracy()
                if label == "RECIPIENT":
                    row["country_accuracy"] = self.country.accuracy()
            out[label] = row
        micro: dict = {}
        for mode in MODES:
            total = Counts()
            for label in LABELS:
                c = self.counts[(mode, label)]
                total.add(c.tp, c.fp, c.fn)
            micro.update({f"{mode}_{k}": v for k, v in total.scores().items()})
        out["micro"] = micro
        if self.link_notices:
            out["links"] = {"notices": self.link_notices, **{row: self.links[row].scores() for row in LINK_ROWS}}
        return out


def _kept(spans: list[dict], keep) -> list[dict]:
    """The spans that pass ``keep``, their ``links`` renumbered into the kept list (a link to a span
    left out is dropped)."""
    index = {}
    for i, span in enumerate(spans):
        if keep(span):
            index[i] = len(index)
    out = []
    for i, span in enumerate(spans):
        if i in index:
            if "links" in span:
                span = {**span, "links": [index[j] for j in span["links"] if j in index]}
            out.append(span)
    return out


def in_regions(span: dict, regions: list[tuple[int, int]]) -> bool:
    """Whether a span overlaps one of the annotated regions of a notice."""
    return any(span["start"] < end and start < span["end"] for start, end in regions)


def score(pairs, context: int = 60) -> tuple[dict, list[dict]]:
    """Scores and errors for (id, text, gold spans, predicted spans[, regions]) tuples."""
    scorer = Scorer(context=context)
    for notice_id, text, gold, pred, *regions in pairs:
        scorer.add(notice_id, text, gold, pred, regions[0] if regions else None)
    return scorer.report(), scorer.errors


def table(scores: dict, title: str) -> str:
    """The accuracy report as a plain-text table."""
    head = f"{'label':<11} {'exact P':>8} {'R':>6} {'F1':>6} {'overlap P':>10} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}  values"
    lines = [title, head, "-" * len(head)]
    for label in (*LABELS, "micro"):
        if label not in scores:  # scores written before the label existed
            continue
        row = scores[label]
        if label == "DURATION":
            extra = f"value+bound {_pct(row['value_bound_accuracy'])}"
        elif label == "LEGAL_BASIS":
            extra = f"value {_pct(row.get('value_accuracy'))}"
        elif label == "RECIPIENT":
            extra = f"category {_pct(row.get('category_accuracy'))}, country {_pct(row.get('country_accuracy'))}"
        elif label == "micro":
            extra = ""
        else:
            extra = f"category {_pct(row['category_accuracy'])}"
        lines.append(
            f"{label:<11} {row['exact_p']:>8.3f} {row['exact_r']:>6.3f} {row['exact_f1']:>6.3f} "
            f"{row['overlap_p']:>10.3f} {row['overlap_r']:>6.3f} {row['overlap_f1']:>6.3f} "
            f"{row['overlap_tp']:>5} {row['overlap_fp']:>5} {row['overlap_fn']:>5}  {extra}".rstrip()
        )
    if "links" in scores:
        links = scores["links"]
        lines += ["", f"links ({links['notices']} notices with link gold) {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for row in LINK_ROWS:
            r = links[row]
            lines.append(f"{row:<38} {r['p']:>6.3f} {r['r']:>6.3f} {r['f1']:>6.3f} {r['tp']:>5} {r['fp']:>5} {r['fn']:>5}")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def below_floors(scores: dict, floors: dict[str, float]) -> list[str]:
    """Every ``LABEL.measure`` floor the scores fall below, as a sentence each."""
    failures = []
    for key, floor in floors.items():
        value = scores  # LABEL.measure, or links.ROW.measure
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if not isinstance(value, (int, float)) or value < floor:
            failures.append(f"{key} = {value} is below its floor {floor}")
    return failures
