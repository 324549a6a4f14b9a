"""Hand a notice, or one section of a long one, to an annotator, and merge the result.

An annotator works on a *work file*: the notice's text made easy to edit
(non-breaking and odd spaces become plain spaces, zero-width characters,
soft hyphens, NUL bytes and carriage returns are left out, private-use
bullets become ``•``), in which they wrap each span in the markup of
:mod:`pipeline.gold.markup`. Merging strips the markup, checks that what is
left is exactly the work text, maps every span back to raw offsets and
writes the notice's stand-off line (``source`` + ``sha256``) into a gold
JSONL file. Several annotators can work side by side, each on their own
notices or sections (``NAME@START-END``), and each merge only replaces the
spans of its own region::

    python -m pipeline.gold.handout outline NAME                 # headings and their raw offsets
    python -m pipeline.gold.handout prepare NAME [--region START:END] [--annotator WHO] [--with-gold GOLD]
    python -m pipeline.gold.handout merge WORKFILE [--into GOLD]  # default: the gold file of NAME's folder
    python -m pipeline.gold.handout agree A.jsonl B.jsonl [--errors FILE]
    python -m pipeline.gold.handout diff A.jsonl B.jsonl          # every difference, for adjudication

``agree`` scores two annotations of the same notices against each other
with the project's scorer (exact and overlap F1 per label, category and
value agreement), for measuring inter-annotator agreement.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import PROJECT_ROOT, Params, default_params, project_path
from pipeline.gold.io import GoldError, GoldNotice, read_gold, sha256
from pipeline.gold.markup import MarkupError, parse, render
from pipeline.io import write_atomic

SUFFIX = ".ann.txt"
WORK_DIR = "gold/work"  # git-ignored: work files hold the notices' text
DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\x00\r")
SPACES = frozenset("\u00a0\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\t")
NAME = re.compile(r"^(?P<name>[^@]+?)(?:@(?P<start>\d+)-(?P<end>\d+))?$")
HEADING = re.compile(r"^(#{1,6} .+|.+\n[=-]{3,}$|\*\*[^*\n]{3,120}\*\*$)", re.MULTILINE)


@dataclass(frozen=True)
class Readable:
    """The work text of a raw region, and for each of its characters the raw offset."""

    text: str
    offsets: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1


def readable(raw: str, start: int = 0, end: int | None = None) -> Readable:
    """``raw[start:end]`` with invisible characters left out and odd spaces made plain."""
    end = len(raw) if end is None else end
    chars, offsets = [], []
    for i in range(start, end):
        ch = raw[i]
        if ch in DROPPED:
            continue
        if ch in SPACES:
            ch = " "
        elif "\ue000" <= ch <= "\uf8ff":
            ch = "•"
        chars.append(ch)
        offsets.append(i)
    return Readable("".join(chars), tuple(offsets))


def notice_folders(params: Params) -> list[tuple[str, Path]]:
    """(gold file, folder) for every folder notices are read from, in search order."""
    folders = [(params.gold.seeds, project_path(params.corpus.dir))]
    folders += [(params.gold.extra, project_path(d)) for d in params.corpus.extra_dirs]
    folders += [(params.gold.train, project_path(d)) for d in params.corpus.train_dirs]
    return folders


def find_notice(name: str, params: Params) -> tuple[Path, str]:
    """The raw file of a notice by its id, and the gold file its annotation goes to."""
    for gold_file, folder in notice_folders(params):
        for suffix in (".txt", ".md"):
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return candidate, gold_file
    raise GoldError(f"no notice {name!r} in {', '.join(str(f) for _, f in notice_folders(params))}")


def _read_raw(path: Path) -> str:
    """The raw text as the gold offsets count it: bytes decoded, line ends untouched."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise GoldError(f"{path}: not UTF-8 ({err})") from None


def _work_name(path: Path) -> tuple[str, tuple[int, int] | None]:
    if not path.name.endswith(SUFFIX):
        raise GoldError(f"{path}: a work file's name ends in {SUFFIX}")
    match = NAME.match(path.name[: -len(SUFFIX)])
    if not match:
        raise GoldError(f"{path}: a work file is named NAME{SUFFIX} or NAME@START-END{SUFFIX}")
    region = (int(match["start"]), int(match["end"])) if match["start"] else None
    return match["name"], region


def outline(name: str, params: Params) -> list[tuple[int, str]]:
    """The headings of a notice with their raw offsets, to cut a long notice into sections."""
    raw_path, _ = find_notice(name, params)
    raw = _read_raw(raw_path)
    return [(m.start(), " ".join(m.group(0).split())[:100]) for m in HEADING.finditer(raw)]


def prepare(
    name: str, params: Params, region: tuple[int, int] | None = None, annotator: str = "a",
    with_gold: Path | None = None, out_dir: Path | None = None,
) -> Path:
    """Write the work file of a notice (or of ``region`` of it) and return its path."""
    raw_path, _ = find_notice(name, params)
    raw = _read_raw(raw_path)
    start, end = region or (0, len(raw))
    if not 0 <= start < end <= len(raw):
        raise GoldError(f"region {start}:{end} is not inside {name} (0:{len(raw)})")
    view = readable(raw, start, end)
    spans: list[dict] = []
    if with_gold is not None:
        notice = next((n for n in read_gold(with_gold) if n.id == name), None)
        if notice is not None:
            spans = [_to_work(s, view) for s in notice.spans if start <= s["start"] and s["end"] <= end]
    folder = out_dir or project_path(WORK_DIR) / annotator
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"@{start}-{end}" if region else ""
    path = folder / f"{name}{suffix}{SUFFIX}"
    write_atomic(path, render(view.text, spans))
    return path


def _to_work(span: dict, view: Readable) -> dict:
    """A raw-offset span as work-text offsets (the inverse of :meth:`Readable.to_raw`)."""
    from bisect import bisect_left, bisect_right

    start = bisect_left(view.offsets, span["start"])
    end = bisect_right(view.offsets, span["end"] - 1)
    return {**span, "start": start, "end": end, "text": view.text[start:end]}


def spans_of(work_file: Path, params: Params) -> tuple[str, Path, tuple[int, int] | None, list[dict]]:
    """Check a work file against its notice; its spans in raw offsets."""
    name, region = _work_name(work_file)
    raw_path, _ = find_notice(name, params)
    raw = _read_raw(raw_path)
    start, end = region or (0, len(raw))
    view = readable(raw, start, end)
    try:
        text, spans = parse(work_file.read_text(encoding="utf-8"))
    except MarkupError as err:
        raise GoldError(f"{work_file}: {err}") from None
    if text != view.text:
        at = next((k for k, (a, b) in enumerate(zip(text, view.text)) if a != b), min(len(text), len(view.text)))
        line = view.text.count("\n", 0, at) + 1
        raise GoldError(
            f"{work_file}: without its markup the text differs from the notice at line {line}: "
            f"work file has {text[at:at + 40]!r}, notice has {view.text[at:at + 40]!r}"
        )
    out = []
    for span in spans:
        raw_start, raw_end = view.to_raw(span["start"], span["end"])
        out.append({**span, "start": raw_start, "end": raw_end, "text": raw[raw_start:raw_end]})
    _refuse_overlaps(out, work_file)
    return name, raw_path, region, out


def _refuse_overlaps(spans: list[dict], where: Path) -> None:
    last: dict[str, dict] = {}
    for span in sorted(spans, key=lambda s: (s["start"], s["end"])):
        before = last.get(span["label"])
        if before is not None and span["start"] < before["end"]:
            raise GoldError(f"{where}: two {span['label']} spans overlap: {before['text']!r} / {span['text']!r}")
        last[span["label"]] = span


def _union(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(tuple(r) for r in regions):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def merge(work_file: Path, params: Params, into: Path | None = None) -> tuple[Path, dict]:
    """Put a work file's spans into a gold file, replacing the spans of its region only."""
    name, raw_path, region, spans = spans_of(work_file, params)
    raw_bytes = raw_path.read_bytes()
    length = len(_read_raw(raw_path))
    if into is None:
        _, gold_file = find_notice(name, params)
        if gold_file == params.gold.seeds:
            raise GoldError(f"{name} is a corpus notice: its gold is the committed markup in {params.gold.markup_dir}")
        into = project_path(gold_file)
    records = _read_records(into)
    old = records.get(name)
    if old is not None and old.get("sha256") != sha256(raw_bytes):
        raise GoldError(f"{into}: {name} was annotated on another version of {raw_path}")
    start, end = region or (0, length)
    kept = [s for s in (old or {}).get("spans", []) if not (start <= s["start"] < end)]
    regions = _union([*((old or {}).get("regions") or ([] if old is None else [(0, length)])), (start, end)])
    record = {
        "id": name,
        "source": os.path.relpath(raw_path.resolve(), PROJECT_ROOT),
        "sha256": sha256(raw_bytes),
        "spans": sorted(kept + spans, key=lambda s: (s["start"], s["end"], s["label"])),
    }
    if regions != [(0, length)]:
        record["regions"] = [list(r) for r in regions]
    _refuse_overlaps(record["spans"], work_file)
    records[name] = record
    into.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(into, "".join(json.dumps(records[k], ensure_ascii=False) + "\n" for k in sorted(records)))
    return into, record


def _read_records(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    records = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                record = json.loads(line)
                records[record["id"]] = record
            except (json.JSONDecodeError, KeyError, TypeError):
                raise GoldError(f"{path}:{number}: not a gold record") from None
    return records


def agree(first: Path, second: Path, context: int = 60) -> tuple[dict, list[dict]]:
    """Scores of the second annotation against the first, on the notices both annotated."""
    from pipeline.evaluate import score

    a = {n.id: n for n in read_gold(first)}
    b = {n.id: n for n in read_gold(second)}
    common = sorted(set(a) & set(b))
    if not common:
        raise GoldError(f"{first} and {second} have no notice in common")
    pairs = [(i, a[i].text, a[i].spans, b[i].spans, _common_regions(a[i], b[i])) for i in common]
    scores, errors = score(pairs, context)
    scores["notices"] = len(common)
    scores["characters"] = sum(_covered(a[i], b[i]) for i in common)
    return scores, errors


ATTRS = ("category", "country", "value", "bound", "after")


def differences(first: Path, second: Path, context: int = 50) -> list[dict]:
    """Every span the two annotations do not share exactly (label, start, end and attributes), with
    its context, notice by notice: what an adjudicator reads."""
    a = {n.id: n for n in read_gold(first)}
    b = {n.id: n for n in read_gold(second)}
    out = []
    for nid in sorted(set(a) & set(b)):
        text = a[nid].text
        regions = _common_regions(a[nid], b[nid])
        keyed = []
        for side, notice in (("first", a[nid]), ("second", b[nid])):
            spans = notice.spans if regions is None else [
                s for s in notice.spans if any(rs <= s["start"] < re for rs, re in regions)]
            keyed.append({(s["label"], s["start"], s["end"]): s for s in spans})
        for key in sorted(set(keyed[0]) | set(keyed[1]), key=lambda k: (k[1], k[2], k[0])):
            one, two = keyed[0].get(key), keyed[1].get(key)
            if one and two and all(one.get(k) == two.get(k) for k in ATTRS):
                continue
            label, start, end = key
            out.append({
                "id": nid, "label": label, "start": start, "end": end, "text": text[start:end],
                "in": "both" if one and two else ("first" if one else "second"),
                "first": {k: one[k] for k in ATTRS if k in one} if one else None,
                "second": {k: two[k] for k in ATTRS if k in two} if two else None,
                "context": text[max(0, start - context):start] + "[[" + text[start:end] + "]]" + text[end:end + context],
            })
    return out


def _common_regions(a: GoldNotice, b: GoldNotice) -> list[tuple[int, int]] | None:
    if a.regions is None and b.regions is None:
        return None
    ra = a.regions or [(0, len(a.text))]
    rb = b.regions or [(0, len(b.text))]
    return [(max(s1, s2), min(e1, e2)) for s1, e1 in ra for s2, e2 in rb if max(s1, s2) < min(e1, e2)]


def _covered(a: GoldNotice, b: GoldNotice) -> int:
    regions = _common_regions(a, b)
    return len(a.text) if regions is None else sum(e - s for s, e in regions)


def _region(value: str) -> tuple[int, int]:
    start, _, end = value.partition(":")
    try:
        return int(start), int(end)
    except ValueError:
        raise argparse.ArgumentTypeError(f"region must be START:END in raw characters, got {value!r}") from None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.gold.handout", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    cmd = commands.add_parser("outline", help="list the headings of a notice with their raw offsets")
    cmd.add_argument("name")
    cmd = commands.add_parser("prepare", help="write the work file of a notice or a section")
    cmd.add_argument("name")
    cmd.add_argument("--region", type=_region)
    cmd.add_argument("--annotator", default="a")
    cmd.add_argument("--with-gold", type=Path, help="render the spans this gold file has for the notice")
    cmd = commands.add_parser("merge", help="check a work file and put its spans into a gold file")
    cmd.add_argument("work_file", type=Path)
    cmd.add_argument("--into", type=Path)
    cmd = commands.add_parser("agree", help="agreement between two annotations of the same notices")
    cmd.add_argument("first", type=Path)
    cmd.add_argument("second", type=Path)
    cmd.add_argument("--errors", type=Path, help="write every disagreement here (JSON lines)")
    cmd.add_argument("--json", action="store_true")
    cmd = commands.add_parser("diff", help="every span two annotations do not share, with its context")
    cmd.add_argument("first", type=Path)
    cmd.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    params = default_params()
    try:
        if args.command == "outline":
            for offset, heading in outline(args.name, params):
                print(f"{offset:>8}  {heading}")
        elif args.command == "prepare":
            print(prepare(args.name, params, args.region, args.annotator, args.with_gold))
        elif args.command == "merge":
            into, record = merge(args.work_file, params, args.into)
            counts: dict[str, int] = {}
            for span in record["spans"]:
                counts[span["label"]] = counts.get(span["label"], 0) + 1
            print(f"merged {record['id']} into {into}: {len(record['spans'])} spans "
                  + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
        elif args.command == "diff":
            for row in differences(args.first, args.second):
                print(json.dumps(row, ensure_ascii=False))
        else:
            from pipeline.evaluate import table

            scores, errors = agree(args.first, args.second)
            if args.errors:
                write_atomic(args.errors, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))
            print(json.dumps(scores, indent=1) if args.json else table(
                scores, f"{args.second} against {args.first} ({scores['notices']} notices, "
                f"{scores['characters']} characters)"))
    except (GoldError, MarkupError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
