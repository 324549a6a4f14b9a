"""Print what the last ``dvc repro`` produced: spans per label and practice links for every notice."""

from __future__ import annotations

import json
from collections import Counter

from pipeline.config import default_params, project_path
from pipeline.extract import LABEL_ORDER


def main() -> int:
    params = default_params()
    out = project_path(params.extract.out_dir)
    files = sorted(out.glob("*.json")) + sorted(out.glob("*/*.json"))
    if not files:
        print(f"no extraction under {out}")
        return 1
    print(f"{'notice':<40}" + "".join(f"{label:>10}" for label in (*LABEL_ORDER, "links")))
    total: Counter = Counter()
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        counts = Counter(span["label"] for span in record["spans"])
        counts["links"] = sum(len(span.get("links", ())) for span in record["spans"])
        total += counts
        name = str(path.relative_to(out).with_suffix(""))
        print(f"{name:<40}" + "".join(f"{counts[label]:>10}" for label in (*LABEL_ORDER, "links")))
    print(f"{'total':<40}" + "".join(f"{total[label]:>10}" for label in (*LABEL_ORDER, "links")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
