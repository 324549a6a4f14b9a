"""``privex bench``: speed, memory and incremental rebuilds, each measured side by side in one run.

The machines are shared and noisy, so every figure that has a target is a
ratio of two timings taken in the same run, in alternating rounds, best
round kept:

- words per second of the whole extraction (cleaning, the pipeline, the
  records) against bare ``fr_core_news_md`` ``nlp.pipe`` on the same raw texts;
- the extraction with 2 worker processes against 1;
- peak resident memory of ``privex extract`` over N=100 and N=1000 notices;
- the extract stage after one notice of 200 changed, against a full run;
- ``privex extract`` on one notice from a cold start (seconds);
- a plain ``spacy.load`` of the built model against ``privex``'s own load, each in a new process;
- the Dask engine on 1 and 2 local workers against the process pool of 1 and 2 processes.

The notices are copies of the corpus notices with their numbers and the
organisation's names varied, so that no two texts are the same.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Callable

from pipeline.config import Params, project_path
from pipeline.io import PrivexError
from pipeline.notices import Notice

NAME_PARTS = ("nor", "va", "lis", "ter", "ca", "mon", "bel", "ri", "as", "to", "quin", "del", "sa", "ro", "fi")
DIGITS = re.compile(r"\d")
CAPITALISED = re.compile(r"\b[A-Z][A-Za-zÀ-ÿ]{2,}\b")


def _own_names(text: str, count: int = 3) -> list[str]:
    """The capitalised words a notice repeats most inside its sentences: the organisation's names."""
    words = Counter(m.group() for m in CAPITALISED.finditer(text) if text[max(0, m.start() - 2) : m.start()].strip())
    return [word for word, n in words.most_common(count) if n >= 3]


def vary(text: str, rng: random.Random) -> str:
    """The same notice for another organisation: its names replaced, its digits drawn again."""
    for name in _own_names(text):
        new = "".join(rng.choice(NAME_PARTS) for _ in range(3)).capitalize()
        text = re.sub(rf"\b{re.escape(name)}\b", new, text)
    return DIGITS.sub(lambda m: str(rng.randrange(1, 10)), text)


def scaled_corpus(n: int, seed: int = 0, corpus: Path | None = None) -> list[Notice]:
    """``n`` notices, cycling over the corpus notices, each copy varied."""
    sources = sorted((corpus or project_path(Params().corpus.dir)).glob("*.txt"))
    if not sources:
        raise PrivexError("bench needs the corpus notices (corpus/*.txt)")
    texts = [p.read_text(encoding="utf-8") for p in sources]
    rng = random.Random(seed)
    return [
        Notice(f"{sources[i % len(sources)].stem}-{i:05d}", vary(texts[i % len(texts)], rng), f"bench:{i}")
        for i in range(n)
    ]


def write_corpus(notices: list[Notice], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for notice in notices:
        (folder / f"{notice.id}.txt").write_text(notice.text, encoding="utf-8")
    return folder


def words(notices: list[Notice]) -> int:
    return sum(len(n.text.split()) for n in notices)


def best_of(rounds: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Seconds of each run, best of ``rounds``, the runs alternating within every round."""
    best = {name: float("inf") for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def throughput(params: Params, n: int, rounds: int) -> dict:
    import spacy

    from pipeline.extract import extract, extract_parallel
    from pipeline.nlp import load  # imports spaCy's French language fast (pipeline.startup): the bare model too

    notices = scaled_corpus(n, seed=1)
    texts = [notice.text for notice in notices]
    bare = spacy.load(params.build.base_model)
    nlp = load(None, params.build, params.components)

    def fail(err):
        raise PrivexError(f"bench: {err}")

    runs = {
        "bare": lambda: list(bare.pipe(texts, batch_size=params.extract.batch_size)),
        "extract": lambda: list(extract(nlp, notices, params, fail)),
        "extract_2_processes": lambda: list(extract_parallel(lambda: nlp, notices, params, fail, processes=2)),
    }
    seconds = best_of(rounds, runs)
    count = words(notices)
    rate = {name: count / s for name, s in seconds.items()}
    return {
        "notices": n,
        "words": count,
        "words_per_second": {k: round(v) for k, v in rate.items()},
        "extract_vs_bare": round(rate["extract"] / rate["bare"], 3),
        "two_vs_one_process": round(rate["extract_2_processes"] / rate["extract"], 3),
    }


PROJECTED_NOTICES, PROJECTED_WORDS = 100_000, 6_000  # issue 19's watcher: every French service, 6,000 words each


def own_cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended."""
    here, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return here.ru_utime + here.ru_stime + children.ru_utime + children.ru_stime


def dask_engine(params: Params, n: int, rounds: int) -> dict:
    """The Dask engine on local clusters of 1 and 2 worker processes against the local process pool
    of as many processes, on the same texts, in alternating rounds; the output must be the same.

    Besides wall seconds, each run's CPU seconds (this process, the pool's processes, the clusters'
    workers), which a machine busy with other work changes far less: the engine's overhead shows
    there even when the wall clock cannot tell it. The load average is kept beside the figures.
    A cluster's first run sends the model to its workers and loads it there: it is timed apart
    (``first_run_seconds``), as a long-lived cluster pays it once."""
    from distributed import Client, LocalCluster

    from pipeline.engines.dask import WORKER_CONFIG, extract_dask, quiet
    from pipeline.extract import extract, extract_parallel
    from pipeline.nlp import load

    notices = scaled_corpus(n, seed=1)
    nlp = load(None, params.build, params.components)

    def fail(err):
        raise PrivexError(f"bench: {err}")

    import dask

    with quiet(), dask.config.set(WORKER_CONFIG), ExitStack() as clusters_open:  # as `privex cluster` starts them
        clusters = {workers: clusters_open.enter_context(LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address="127.0.0.1:0")) for workers in (1, 2)}

        def on(workers: int):
            return lambda: list(extract_dask(clusters[workers].scheduler_address, notices, params, fail))

        clients = [clusters_open.enter_context(Client(c, set_as_default=False)) for c in clusters.values()]

        def cpu() -> float:
            return own_cpu_seconds() + sum(sum(client.run(own_cpu_seconds).values()) for client in clients)

        load_before = os.getloadavg()[0]
        local = list(extract(nlp, notices, params, fail))
        first = {}
        for workers in (1, 2):
            start = time.perf_counter()
            if on(workers)() != local:
                raise PrivexError(f"bench: Dask on {workers} workers gave another output than the local run")
            first[str(workers)] = round(time.perf_counter() - start, 1)
        runs = {
            "pool_1": lambda: list(extract(nlp, notices, params, fail)),
            "pool_2": lambda: list(extract_parallel(lambda: nlp, notices, params, fail, processes=2)),
            "dask_1": on(1),
            "dask_2": on(2),
        }
        seconds = {name: float("inf") for name in runs}
        cpu_seconds = dict(seconds)
        for _ in range(rounds):
            for name, run in runs.items():
                start, start_cpu = time.perf_counter(), cpu()
                run()
                seconds[name] = min(seconds[name], time.perf_counter() - start)
                cpu_seconds[name] = min(cpu_seconds[name], cpu() - start_cpu)
        load_after = os.getloadavg()[0]
    count = words(notices)
    rate = {name: count / s for name, s in seconds.items()}
    return {
        "notices": n,
        "words": count,
        "words_per_second": {k: round(v) for k, v in rate.items()},
        "dask_2_vs_1_worker": round(rate["dask_2"] / rate["dask_1"], 3),
        "overhead_vs_pool": {str(w): round(seconds[f"dask_{w}"] / seconds[f"pool_{w}"] - 1, 3) for w in (1, 2)},
        "cpu_seconds": {k: round(v, 1) for k, v in cpu_seconds.items()},
        "cpu_overhead_vs_pool": {str(w): round(cpu_seconds[f"dask_{w}"] / cpu_seconds[f"pool_{w}"] - 1, 3) for w in (1, 2)},
        "pool_2_vs_1_process": round(seconds["pool_1"] / seconds["pool_2"], 3),
        "load_average": [round(load_before, 1), round(load_after, 1)],
        "first_run_seconds": first,
        "projected_hours": {
            "notices": PROJECTED_NOTICES, "words_per_notice": PROJECTED_WORDS,
            **{str(w): round(PROJECTED_NOTICES * PROJECTED_WORDS / rate[f"dask_{w}"] / 3600, 1) for w in (1, 2)},
        },
    }


def _run_measured(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB, the largest process) of a command that must succeed."""
    with open(os.devnull, "wb") as sink, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        error = errors.read().decode(errors="replace").strip()
    if code:
        raise PrivexError(f"bench: {' '.join(command)} failed: {error.splitlines()[-1] if error else code}")
    return wall, usage.ru_maxrss // 1024


def memory(sizes: list[int], work: Path) -> dict:
    """Peak memory of ``privex extract`` streaming N notices to /dev/null, for each N."""
    out = {}
    notices = scaled_corpus(max(sizes), seed=2)
    for n in sizes:
        folder = write_corpus(notices[:n], work / f"memory-{n}")
        wall, peak = _run_measured([sys.executable, "-m", "pipeline", "extract", str(folder)], project_path("."))
        out[str(n)] = {"peak_rss_mb": peak, "seconds": round(wall, 1)}
        shutil.rmtree(folder)
    if len(sizes) >= 2:
        first, last = out[str(sizes[0])]["peak_rss_mb"], out[str(sizes[-1])]["peak_rss_mb"]
        out["growth"] = round(last / first - 1, 3)
    return out


def incremental(params: Params, n: int, work: Path) -> dict:
    """The extract stage over n notices, full, then after one notice changed."""
    from pipeline.stages import stage_extract

    corpus = write_corpus(scaled_corpus(n, seed=3), work / "incremental" / "corpus")
    settings = params.model_dump()
    settings["corpus"].update(dir=str(corpus), extra_dirs=[])
    settings["extract"].update(out_dir=str(work / "incremental" / "extract"), cache_dir=str(work / "incremental" / "cache"))
    settings["build"]["model_dir"] = str(project_path(params.build.model_dir))
    run_params = Params.model_validate(settings)

    start = time.perf_counter()
    stage_extract(run_params)
    full = time.perf_counter() - start
    changed = sorted(corpus.glob("*.txt"))[n // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nLes données sont conservées 2 ans.\n", encoding="utf-8")
    start = time.perf_counter()
    stage_extract(run_params)
    again = time.perf_counter() - start
    shutil.rmtree(work / "incremental")
    return {"notices": n, "full_seconds": round(full, 1), "one_changed_seconds": round(again, 1),
            "one_changed_vs_full": round(again / full, 3)}


def cold_start(rounds: int, work: Path, base_model: str) -> dict:
    """``privex extract`` on one notice in a new process, seconds (best of ``rounds``), and beside it
    a new process that only imports spaCy and loads the bare base model."""
    notice = write_corpus(scaled_corpus(1, seed=4), work / "cold")
    file = next(notice.glob("*.txt"))
    commands = {
        "privex": [sys.executable, "-m", "pipeline", "extract", str(file)],
        "bare_load": [sys.executable, "-c", f"import spacy; spacy.load({base_model!r})"],
    }
    walls = best_of(rounds, {name: lambda c=c: _run_measured(c, project_path(".")) for name, c in commands.items()})
    return {"seconds": round(walls["privex"], 2), "bare_load_seconds": round(walls["bare_load"], 2),
            "words": len(file.read_text(encoding="utf-8").split())}


def model_load(rounds: int, model: Path) -> dict:
    """A new process that loads the built model with a plain ``spacy.load``, against one that loads
    it with ``pipeline.nlp.load``, seconds (best of ``rounds``, alternating): the start-up work
    (``pipeline.startup``) must reach the plain load, which the model's config names."""
    if not (model / "config.cfg").is_file():
        raise PrivexError(f"bench: no built model in {model}; run `dvc repro` (or the build stage) first")
    commands = {
        "spacy": [sys.executable, "-c", "import sys, spacy; spacy.load(sys.argv[1])", str(model)],
        "privex": [sys.executable, "-c", "import sys; from pathlib import Path; from pipeline.nlp import load; "
                   "load(Path(sys.argv[1]))", str(model)],
    }
    walls = best_of(rounds, {name: lambda c=c: _run_measured(c, project_path(".")) for name, c in commands.items()})
    return {"spacy_load_seconds": round(walls["spacy"], 2), "privex_load_seconds": round(walls["privex"], 2),
            "spacy_vs_privex": round(walls["spacy"] / walls["privex"], 3)}


#: the measures, in the order they run (memory first: see ``run``)
MEASURES = ("memory", "cold_start", "load", "throughput", "dask", "incremental")


def run(params: Params, *, throughput_n: int, rounds: int, memory_sizes: list[int], incremental_n: int,
        skip: set[str], say: Callable[[str], None]) -> dict:
    results: dict = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory(prefix="privex-bench-") as tmp:
        work = Path(tmp)
        # memory first: a child process starts with its parent's peak memory on record (Linux keeps
        # it across exec), so it is measured while this process holds no model
        steps = {
            "memory": lambda: memory(memory_sizes, work),
            "cold_start": lambda: cold_start(3, work, params.build.base_model),
            "load": lambda: model_load(3, project_path(params.build.model_dir)),
            "throughput": lambda: throughput(params, throughput_n, rounds),
            "dask": lambda: dask_engine(params, throughput_n, rounds),
            "incremental": lambda: incremental(params, incremental_n, work),
        }
        for name in MEASURES:
            if name in skip:
                continue
            step = steps[name]
            say(f"bench: {name} ...")
            results[name] = step()
            say(f"bench: {name}: {json.dumps(results[name])}")
    return results


def table(results: dict) -> str:
    """The figures against the targets of issues #7 and #19, as a markdown table."""
    rows = []
    if "throughput" in results:
        t = results["throughput"]
        w = t["words_per_second"]
        rows.append(("extraction vs bare `fr_core_news_md` (1 process)", f"{t['extract_vs_bare']:.2f}× ({w['extract']} vs {w['bare']} words/s)", "≥ 1.0×"))
        rows.append(("extraction, 2 processes vs 1", f"{t['two_vs_one_process']:.2f}× ({w['extract_2_processes']} words/s)", "≥ 1.7×"))
    if "dask" in results:
        d = results["dask"]
        w, o, h = d["words_per_second"], d["overhead_vs_pool"], d["projected_hours"]
        rows.append(("Dask, 2 local workers vs 1", f"{d['dask_2_vs_1_worker']:.2f}× ({w['dask_2']} vs {w['dask_1']} words/s)", "≥ 1.7×"))
        rows.append(("Dask vs the process pool, 1 / 2 workers", f"{o['1']:+.1%} / {o['2']:+.1%} time "
                     f"({w['pool_1']} / {w['pool_2']} words/s)", "≤ +10%"))
        if "cpu_overhead_vs_pool" in d:
            c = d["cpu_overhead_vs_pool"]
            rows.append(("the same in CPU seconds, 1 / 2 workers", f"{c['1']:+.1%} / {c['2']:+.1%} (the pool, 2 processes "
                         f"vs 1: {d['pool_2_vs_1_process']:.2f}×; load average {d['load_average'][0]}–{d['load_average'][1]})", "≤ +10%"))
        rows.append((f"{h['notices']:,} notices of {h['words_per_notice']:,} words on Dask, 1 / 2 workers",
                     f"{h['1']} h / {h['2']} h (projected)", ""))
    if "memory" in results:
        m = results["memory"]
        sizes = [k for k in m if k != "growth"]
        rows.append(("peak memory, " + " / ".join(f"N={k}" for k in sizes),
                     " / ".join(f"{m[k]['peak_rss_mb']} MB" for k in sizes) + (f" ({m['growth']:+.0%})" if "growth" in m else ""), "within 20%"))
    if "incremental" in results:
        i = results["incremental"]
        rows.append((f"extract stage, 1 of {i['notices']} notices changed vs full run",
                     f"{i['one_changed_vs_full']:.1%} ({i['one_changed_seconds']} s vs {i['full_seconds']} s)", "< 10%"))
    if "cold_start" in results:
        c = results["cold_start"]
        rows.append(("`privex extract` one notice, cold", f"{c['seconds']} s (bare `spacy.load` alone: {c['bare_load_seconds']} s)", "< 3 s"))
    if "load" in results:
        c = results["load"]
        rows.append(("plain `spacy.load` of the model vs `privex`'s load", f"{c['spacy_vs_privex']:.2f}× "
                     f"({c['spacy_load_seconds']} s vs {c['privex_load_seconds']} s)", "≤ 1.2×"))
    lines = ["| measure | measured | target |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)
