"""Choosing how rule spans and model spans combine, on the dev notices.

``python -m pipeline.train.explore MODEL RULES.jsonl GOLD.jsonl...`` runs a
trained span model (a spaCy pipeline folder, e.g. spaCy's ``model-best``)
over the dev notices of the gold files, takes the rule extractor's spans
for the same notices from ``RULES.jsonl`` (``privex extract`` output), and
scores every combination policy per label, so that the combiner's policy is
chosen on dev and nowhere else. ``--notices dev|train|all`` picks the
notices (dev by default).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Iterable

from pipeline.clean import clean
from pipeline.components.combine.policy import POLICIES, merge
from pipeline.config import Params, default_params, project_path
from pipeline.evaluate import score
from pipeline.extract import trim
from pipeline.gold.io import GoldNotice
from pipeline.taxonomy import LABELS

Spans = list[dict]


def combine(rules: Spans, model: Spans, policy: str) -> Spans:
    """Merge one label's rule and model spans by ``policy``; each kept span gets its ``origin``.

    The policies are those of ``privacy_combine`` (:mod:`pipeline.components.combine.policy`), here on
    span records.
    """
    return [{**s, "origin": origin} for s, origin in merge(rules, model, policy, lambda s: (s["start"], s["end"]))]


def model_spans(nlp, notice_text: str, params: Params) -> Spans:
    """The model's entities over a notice's clean text, as raw-offset spans."""
    cleaned = clean(notice_text, params.clean)
    doc = nlp(cleaned.text)
    out = []
    for ent in doc.ents:
        if ent.label_ not in LABELS or not ent.text.strip():
            continue
        start, end = trim(notice_text, *cleaned.to_raw(ent.start_char, ent.end_char))
        out.append({"start": start, "end": end, "label": ent.label_, "text": notice_text[start:end]})
    return out


def explore(
    nlp, rules: dict[str, Spans], notices: Iterable[GoldNotice], params: Params,
    policies: Iterable[str] = POLICIES, progress: Callable[[str], None] = lambda _: None,
) -> dict:
    """Scores of every policy, applied to every label at once, and the best policy per label."""
    notices = list(notices)
    predicted = {}
    for notice in notices:
        progress(notice.id)
        predicted[notice.id] = model_spans(nlp, notice.text, params)
    results = {}
    for policy in policies:
        pairs = []
        for n in notices:
            combined = []
            for label in LABELS:
                r = [s for s in rules.get(n.id, []) if s["label"] == label]
                m = [s for s in predicted[n.id] if s["label"] == label]
                combined += combine(r, m, policy)
            pairs.append((n.id, n.text, n.spans, combined, n.regions))
        results[policy], _ = score(pairs)
    best = {
        label: max(policies, key=lambda p: (results[p][label]["overlap_f1"], results[p][label]["exact_f1"]))
        for label in LABELS
    }
    return {"policies": results, "best": best, "notices": [n.id for n in notices]}


def main(argv: list[str]) -> int:
    import spacy

    from pipeline.evaluate import table
    from pipeline.train.corpus import read_notices

    parser = argparse.ArgumentParser(prog="python -m pipeline.train.explore", description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path, help="a trained spaCy pipeline folder")
    parser.add_argument("rules", type=Path, help="privex extract output (JSON lines) over the same notices")
    parser.add_argument("gold", type=Path, nargs="*", help="gold files (default: train.gold of params.yaml)")
    parser.add_argument("--notices", choices=("dev", "train", "all"), default="dev")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args(argv)
    params = default_params()
    gold_files = args.gold or [project_path(g) for g in params.train.gold]
    notices = read_notices(gold_files, lambda m: print(f"privex: {m}", file=sys.stderr))
    dev = set(params.gold.dev)
    if args.notices != "all":
        notices = [n for n in notices if (n.id in dev) == (args.notices == "dev")]
    rules = {}
    for line in args.rules.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        rules[record["id"]] = record["spans"]
    missing = [n.id for n in notices if n.id not in rules]
    if missing:
        print(f"privex: no rule spans for {', '.join(missing)} in {args.rules}", file=sys.stderr)
        return 1
    result = explore(spacy.load(args.model), rules, notices, params, progress=lambda i: print(i, file=sys.stderr))
    for policy, scores in result["policies"].items():
        print(table(scores, f"policy {policy} ({len(notices)} {args.notices} notices)"))
    print("best per label: " + ", ".join(f"{k}: {v}" for k, v in result["best"].items()))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
