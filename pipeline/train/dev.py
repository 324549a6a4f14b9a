"""The dev notices scored through the built pipeline: rules, model, every policy, the chosen mix.

``python -m pipeline stage dev`` runs ``models/privex-fr`` over the ``gold.dev`` notices (read
through ``gold/train.jsonl``; never the extra notices) once, with ``privacy_combine`` set aside,
and merges the same rule and model spans by each policy (:mod:`pipeline.components.combine.policy`)
for every label at once, then by the policies of ``combine.policy``. It writes, into
``metrics/dev.json`` (a DVC metric):

- ``policies``: the scores of each policy applied to every label (``rules`` is the rules alone,
  ``model`` the trained model alone);
- ``best``: per label, the policy with the best overlap F1 on dev (then exact F1): what
  ``combine.policy`` is chosen from;
- ``combined``: the scores of ``combine.policy`` as built;
- ``precision``: per label and origin, the overlap precision of the spans ``combine.policy`` keeps:
  what ``combine.precision`` (each span's ``score``) is copied from.

Without the dev notices' text (a clone without ``../shared``) it writes ``{"skipped": reason}``.
"""

from __future__ import annotations


from pipeline.clean import clean
from pipeline.config import Params, project_path
from pipeline.extract import chunks, span_record
from pipeline.taxonomy import LABELS

COMBINER = "privacy_combine"


def dev_predictions(nlp, notices, params: Params, policy_sets: dict[str, dict[str, str]]) -> dict[str, dict[str, list[dict]]]:
    """{name of a policy set: {notice id: span records}}, the pipeline run once per piece."""
    comb = nlp.get_pipe(COMBINER)
    out: dict[str, dict[str, list[dict]]] = {name: {} for name in policy_sets}
    for notice in notices:
        cleaned = clean(notice.text, params.clean)
        for name in policy_sets:
            out[name][notice.id] = []
        parts = list(chunks(cleaned.text, params.extract.chunk_chars))
        with nlp.select_pipes(disable=[COMBINER]):
            docs = list(nlp.pipe(text for _, text in parts))
        for (offset, _), doc in zip(parts, docs):
            model = comb.model_spans(doc)
            for name, policies in policy_sets.items():
                # records at once: the next policy sets the same spans' origin again
                out[name][notice.id] += [span_record(s, cleaned, offset) for s in comb.combined(doc, policies, model)]
    return out


def dev_scores(nlp, notices, params: Params) -> dict:
    from pipeline.components.combine.policy import ORIGINS, POLICIES
    from pipeline.evaluate import score

    chosen = dict(nlp.get_pipe(COMBINER).policies)
    sets = {p: {label: p for label in LABELS} for p in POLICIES}
    sets["combined"] = chosen
    predicted = dev_predictions(nlp, notices, params, sets)

    def scored(spans: dict[str, list[dict]]) -> dict:
        return score([(n.id, n.text, n.spans, spans[n.id], n.regions) for n in notices])[0]

    results = {name: scored(spans) for name, spans in predicted.items()}
    best = {
        label: max(POLICIES, key=lambda p: (results[p][label]["overlap_f1"], results[p][label]["exact_f1"]))
        for label in LABELS
    }
    precision: dict[str, dict[str, float]] = {}
    for origin in ORIGINS:
        kept = {i: [s for s in spans if s.get("origin") == origin] for i, spans in predicted["combined"].items()}
        by_label = scored(kept)
        for label in LABELS:
            if by_label[label]["overlap_tp"] + by_label[label]["overlap_fp"]:
                precision.setdefault(label, {})[origin] = by_label[label]["overlap_p"]
    return {
        "notices": sorted(n.id for n in notices),
        "chosen": chosen,
        "best": best,
        "combined": results.pop("combined"),
        "policies": results,
        "precision": precision,
    }

