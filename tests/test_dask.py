"""Issue 19: extraction on a Dask cluster gives the local output, byte for byte, and survives faults.

One ``LocalCluster`` (2 worker processes of one thread, loopback only) serves the module; the
``privex`` runs are new processes, as a user runs them, and the local runs beside them are the
reference.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

import pipeline
from pipeline.cache import SpanCache, fingerprint
from pipeline.config import params_file
from pipeline.io import Notice

from conftest import SEEDS

pytestmark = pytest.mark.slow

CODE_ROOT = Path(pipeline.__file__).resolve().parent.parent

FRENCH = ("Politique de confidentialité\n\nNous collectons votre nom et votre adresse e-mail pour gérer votre "
          "compte client. Vos données sont conservées pendant {n} ans, puis elles sont supprimées.\n")
ENGLISH = ("Privacy policy\n\nWe collect your name and your email address to manage your account. Your data "
           "is kept for three years and then deleted. It is shared with our hosting providers only.\n")


@pytest.fixture(scope="module")
def built_model(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("model") / "privex-fr"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and 2 worker processes of one thread each, on the loopback only."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as local, Client(local, set_as_default=False) as client:
        yield local.scheduler_address, client


def _privex(*args, cwd: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(CODE_ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=cwd or CODE_ROOT, env=env,
                          capture_output=True, timeout=timeout)


def _params_file(tmp_path: Path, **extract) -> Path:
    values = yaml.safe_load(params_file().read_text(encoding="utf-8"))
    values["extract"].update(extract)
    path = tmp_path / "params.yaml"
    path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _no_traceback(stderr: bytes) -> str:
    text = stderr.decode()
    assert "Traceback" not in text and " - ERROR - " not in text, text
    return text


# --- 3. the same output as local, byte for byte ---------------------------------------------------


def test_dask_gives_the_local_output_byte_for_byte_with_bad_files_in_a_batch(tmp_path, built_model, cluster):
    folder = tmp_path / "notices"
    folder.mkdir()
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    # sorted among the corpus notices: the English one is in the first batch of four, beside good notices
    (folder / "c-binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 50)  # refused where it is read
    (folder / "d-english.txt").write_text(ENGLISH, encoding="utf-8")  # refused on the worker, once cleaned
    (folder / "j-empty.txt").write_text("  \n", encoding="utf-8")
    address, _ = cluster

    local = _privex("extract", "--model", built_model, folder)
    remote = _privex("extract", "--model", built_model, "--scheduler", address, folder)

    assert local.returncode == remote.returncode == 1
    assert remote.stdout == local.stdout
    ids = [json.loads(line)["id"] for line in remote.stdout.splitlines()]
    assert ids == [seed.stem for seed in SEEDS]
    errors = sorted(_no_traceback(remote.stderr).splitlines())
    assert errors == sorted(_no_traceback(local.stderr).splitlines())
    assert [e.split(": ")[1].rsplit("/", 1)[-1] for e in errors] == ["c-binary.txt", "d-english.txt", "j-empty.txt"]
    assert "does not look like French" in next(e for e in errors if "d-english" in e)

    # the extract stage, as `dvc repro` runs it with extract.scheduler: the files the local run's
    # records make, then the same again from the cache
    project = tmp_path / "project"
    (project / "corpus").mkdir(parents=True)
    for seed in SEEDS:
        (project / "corpus" / seed.name).write_bytes(seed.read_bytes())
    values = yaml.safe_load(params_file().read_text(encoding="utf-8"))
    values["corpus"].update(extra_dirs=[], train_dirs=[])
    values["build"]["model_dir"] = str(built_model)
    values["extract"]["scheduler"] = address
    (project / "params.yaml").write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    (project / "dvc.yaml").write_text("stages: {}\n", encoding="utf-8")
    expected = {f"{json.loads(line)['id']}.json": json.dumps(json.loads(line), ensure_ascii=False, indent=1) + "\n"
                for line in local.stdout.decode().splitlines()}
    for told in ("5 notices extracted, 0 taken from the cache", "0 notices extracted, 5 taken from the cache"):
        stage = _privex("stage", "extract", cwd=project)
        assert stage.returncode == 0, stage.stderr
        assert told in _no_traceback(stage.stderr)
        written = {p.name: p.read_text(encoding="utf-8") for p in (project / "data" / "extract").glob("*.json")}
        assert written == expected


# --- 1. streamed, bounded, the cache --------------------------------------------------------------


def _notices(n: int, pulled: list[int] | None = None):
    for i in range(n):
        if pulled is not None:
            pulled.append(i)
        yield Notice(f"n{i}", FRENCH.format(n=i + 1), f"n{i}.txt")


def test_records_stream_in_order_with_a_bounded_number_of_notices_read_ahead(built_model, cluster, params):
    from pipeline.engines.dask import BATCHES_PER_THREAD, extract_dask

    address, _ = cluster
    pulled: list[int] = []
    records = extract_dask(address, _notices(500, pulled), params, pytest.fail, model=built_model)
    first = next(records)
    ahead = len(pulled)
    second = next(records)
    records.close()
    assert (first["id"], second["id"]) == ("n0", "n1")
    # two threads: at most two batches each in flight, one more being filled
    assert ahead <= (BATCHES_PER_THREAD * 2 + 2) * params.extract.batch_size, ahead


@pytest.mark.parametrize("shared", [True, False])
def test_the_cache_is_written_by_the_workers_when_they_share_it_else_by_the_client(
        tmp_path, built_model, cluster, params, shared):
    from pipeline.engines.dask import extract_dask

    address, _ = cluster
    key = fingerprint(params, built_model)
    cache = SpanCache(tmp_path / "cache", key)
    puts: list[str] = []
    own_put = cache.put
    cache.put = lambda text, spans: (puts.append(text), own_put(text, spans))
    records = list(extract_dask(address, _notices(6), params, pytest.fail, model=built_model, cache=cache,
                                shared_cache=shared))
    assert [r["id"] for r in records] == [f"n{i}" for i in range(6)]
    assert len(list((tmp_path / "cache" / key).glob("*.json"))) == 6
    assert len(puts) == (0 if shared else 6) and (cache.misses, cache.hits) == (6, 0)

    again = SpanCache(tmp_path / "cache", key)
    assert list(extract_dask(address, _notices(6), params, pytest.fail, model=built_model, cache=again,
                             shared_cache=shared)) == records
    assert (again.misses, again.hits) == (0, 6) and len(again.used) == 6


def test_workers_on_this_machine_are_found_to_share_the_cache_folder(tmp_path, built_model, cluster, params):
    from pipeline.engines.dask import _Run, connected, sees

    address, _ = cluster
    run = _Run(connected(address, 5), params, pytest.fail, built_model, SpanCache(tmp_path / "cache", "f" * 16),
               None, None)
    try:
        assert run._cache_is_shared()
        assert not list((tmp_path / "cache").rglob(".probe-*"))  # the probe file is gone
    finally:
        run.client.close()
    assert not sees(str(tmp_path / "absent"), "token")


# --- 4. faults --------------------------------------------------------------------------------------


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    params = _params_file(tmp_path, connect_timeout=1)
    notice = tmp_path / "a.txt"
    notice.write_text(FRENCH.format(n=3), encoding="utf-8")
    address = f"tcp://127.0.0.1:{_free_port()}"
    for args in (("--scheduler", address), ("--scheduler", "nowhere://x")):
        run = _privex("extract", "--params", params, *args, notice)
        assert run.returncode == 2 and run.stdout == b""
        lines = _no_traceback(run.stderr).splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"privex: cannot reach the Dask scheduler at {args[1]}: "), lines
    # the same from params.yaml, as `dvc repro` runs the stage
    project = tmp_path / "project"
    (project / "corpus").mkdir(parents=True)
    notice.rename(project / "corpus" / "a.txt")
    values = yaml.safe_load(params.read_text(encoding="utf-8"))
    values["corpus"].update(extra_dirs=[], train_dirs=[])
    values["extract"]["scheduler"] = address
    (project / "params.yaml").write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    (project / "dvc.yaml").write_text("stages: {}\n", encoding="utf-8")
    stage = _privex("stage", "extract", cwd=project)
    assert stage.returncode == 2
    lines = _no_traceback(stage.stderr).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"privex: cannot reach the Dask scheduler at {address}: "), lines


def test_processes_and_a_scheduler_together_are_refused(tmp_path):
    notice = tmp_path / "a.txt"
    notice.write_text(FRENCH.format(n=3), encoding="utf-8")
    run = _privex("extract", "-j", "2", "--scheduler", "tcp://127.0.0.1:1", notice)
    assert run.returncode == 2 and "-j/--processes" in _no_traceback(run.stderr)


def test_a_batch_whose_workers_all_died_fails_alone():
    from distributed import KilledWorker

    from pipeline.engines.dask import _Batch, outcomes_of

    class Dead:
        def result(self):
            raise KilledWorker("privex-extract-0", "tcp://127.0.0.1:1", 3)

    notices = [Notice("a", "texte", "a.txt"), Notice("b", "texte", "b.txt")]
    outcomes = outcomes_of(_Batch(notices, Dead()))
    assert [o.spans for o in outcomes] == [None, None]
    assert [o.error.split(":")[0] for o in outcomes] == ["a.txt", "b.txt"]
    assert all("workers died" in o.error for o in outcomes)


def test_a_worker_with_other_code_refuses_to_extract(cluster, params):
    from pipeline.engines.dask import EngineError, ModelPlugin, run_batch

    _, client = cluster
    plugin = ModelPlugin("0" * 16, params, None)  # not the fingerprint these workers give
    client.register_plugin(plugin)
    try:
        future = client.submit(run_batch, plugin.name, [Notice("a", FRENCH.format(n=2), "a.txt")], None, "0" * 16)
        with pytest.raises(EngineError, match="differ from those of the machine that started the run"):
            future.result()
    finally:
        client.unregister_worker_plugin(plugin.name)


def test_a_worker_killed_mid_run_loses_no_notice(tmp_path, built_model, cluster, nlp, params):
    """Run last of the tests on the module's cluster: the worker started in place of the killed one
    loads the model again."""
    from pipeline.extract import extract

    address, client = cluster
    folder = tmp_path / "notices"
    folder.mkdir()
    notices = []
    for i in range(10):
        text = FRENCH.format(n=i + 1) * 12
        (folder / f"n{i}.txt").write_text(text, encoding="utf-8")
        notices.append(Notice(f"n{i}", text, f"n{i}.txt"))
    local = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in extract(nlp, notices, params, pytest.fail))
    settings = _params_file(tmp_path, batch_size=1)  # one notice per task: several in flight on each worker

    env = {**os.environ, "PYTHONPATH": str(CODE_ROOT)}
    run = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", "--model", str(built_model), "--params",
                            str(settings), "--scheduler", address, str(folder)], cwd=CODE_ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = run.stdout.readline()  # a first record: the workers are at work
    busy = [worker for worker, keys in client.processing().items() if keys]
    assert busy, "every notice was done before a worker could be killed"
    victim = busy[0]
    os.kill(client.run(os.getpid, workers=[victim])[victim], signal.SIGKILL)
    rest, errors = run.communicate(timeout=600)

    assert run.returncode == 0, errors
    _no_traceback(errors)
    assert (first + rest).decode() == local  # complete, and in order
    client.wait_for_workers(2, timeout=120)  # the nanny starts a new worker in its place


def test_a_run_with_another_model_replaces_the_former_on_the_workers(cluster, params, tmp_path):
    from pipeline.engines.dask import MODEL_KEY, PLUGIN_PREFIX, _Run, connected

    address, client = cluster
    names = []
    for share in (0.25, 0.3):  # another param that reaches extraction: another fingerprint
        other = params.model_copy(update={"extract": params.extract.model_copy(update={"min_french_share": share})})
        run = _Run(connected(address, 5), other, pytest.fail, None, None, None, False)
        try:
            names.append(run._register())
        finally:
            run.client.close()
    assert names[0] != names[1] and client.get_metadata(MODEL_KEY) == names[1]
    held = client.run(lambda dask_worker: sorted(n for n in dask_worker.plugins if n.startswith(PLUGIN_PREFIX)))
    assert list(held.values()) == [[names[1]], [names[1]]]


# --- 2. privex cluster ------------------------------------------------------------------------------


def test_privex_cluster_serves_until_stopped_and_a_lost_scheduler_is_one_line(tmp_path, built_model):
    """``privex cluster`` prints its address, ``privex cluster --join`` adds a machine's workers to it
    (one thread each, without Dask's memory trimming), extractions run on them until SIGTERM, and both
    end cleanly; the run left half-way ends with one line and exit 1."""
    from distributed import Client

    # the module's LocalCluster put Dask's MALLOC_TRIM_THRESHOLD_ in this process's environment (a
    # nanny sets it in its own process before it starts a worker): a user's shell has no such thing
    env = {**{k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}, "PYTHONPATH": str(CODE_ROOT)}

    def start(*args: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "pipeline", "cluster", *args], cwd=tmp_path, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    server = start("--workers", "0", "--port", "0")
    joined = None
    try:
        address = server.stdout.readline().strip()
        assert address.startswith("tcp://127.0.0.1:"), server.stderr.read() if server.poll() is not None else address
        joined = start("--join", address, "--workers", "1")
        notice = tmp_path / "a.txt"
        notice.write_text(FRENCH.format(n=3), encoding="utf-8")
        params = _params_file(tmp_path, connect_timeout=2)
        with Client(address, set_as_default=False, timeout=30) as client:
            client.wait_for_workers(1, timeout=120)
            assert list(client.nthreads().values()) == [1]
            assert list(client.run(os.getenv, "MALLOC_TRIM_THRESHOLD_").values()) == [None]  # read on the worker
            run = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", "--model", str(built_model),
                                    "--params", str(params), "--scheduler", address, str(notice)], cwd=CODE_ROOT,
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            while not any(client.processing().values()) and run.poll() is None:  # the worker is at the notice
                time.sleep(0.1)
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=120) == 0
        out, errors = run.communicate(timeout=120)
        joined.send_signal(signal.SIGTERM)
        assert joined.wait(timeout=120) == 0
    finally:
        for process in (server, joined):
            if process is not None and process.poll() is None:
                process.kill()
    assert run.returncode == 1 and out == b""
    lines = _no_traceback(errors).splitlines()
    assert len(lines) == 1 and lines[0].startswith("privex: lost the Dask scheduler during the run"), lines
    assert "Traceback" not in server.stderr.read() + joined.stderr.read()


def test_privex_cluster_joining_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    params = _params_file(tmp_path, connect_timeout=1)
    address = f"tcp://127.0.0.1:{_free_port()}"
    run = _privex("cluster", "--join", address, "--workers", "1", "--params", params, timeout=120)
    assert run.returncode == 2
    lines = _no_traceback(run.stderr).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"privex: cannot reach the Dask scheduler at {address}: "), lines


def test_privex_cluster_on_a_port_in_use_is_one_line_and_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = _privex("cluster", "--workers", "0", "--port", port, timeout=120)
    assert run.returncode == 2 and run.stdout == b""
    lines = _no_traceback(run.stderr).splitlines()
    assert lines == [f"privex: cannot start a Dask scheduler on 127.0.0.1:{port}: [Errno 98] Address already in use"]
