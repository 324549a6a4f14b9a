"""The package's imports, read from its source (``ast``, nothing is imported): no cycle, and
``dvc.yaml`` lists for each stage every project module it runs and every params key it reads."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

import pipeline
from pipeline.config import Params

PACKAGE = Path(pipeline.__file__).resolve().parent

# the modules run by ``python -m pipeline stage NAME`` that hold every command or every stage: read
# function by function, from the stage's own (other modules are read whole)
ENTRY_MODULES = ("pipeline.__main__", "pipeline.cli", "pipeline.stages")
# functions whose params reads decide no output: ``_protected`` names every path of the project so
# that a stage refuses to write over one, and a refusal is no output DVC could keep stale
NOT_OUTPUT = {("pipeline.stages", "_protected")}


# --- the graph ------------------------------------------------------------------------------------


def modules(package: Path = PACKAGE, name: str = "pipeline") -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name, for ``__init__``)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = [name, *path.relative_to(package).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(node: ast.AST, module: str, is_package: bool, known: dict[str, Path]) -> set[str]:
    """The known modules an ``import`` statement anywhere under ``node`` loads, with the packages
    above them that are not already loading (those above ``module`` itself)."""
    names: set[str] = set()
    for statement in ast.walk(node):
        if isinstance(statement, ast.Import):
            candidates = [alias.name for alias in statement.names]
        elif isinstance(statement, ast.ImportFrom):
            if statement.level:
                base = module.split(".")[: None if is_package else -1]
                base = base[: len(base) - (statement.level - 1)]
                source = ".".join(base + ([statement.module] if statement.module else []))
            else:
                source = statement.module or ""
            candidates = [source] + [f"{source}.{alias.name}" for alias in statement.names]
        else:
            continue
        for candidate in candidates:
            if candidate not in known:
                continue
            names.add(candidate)
            parts = candidate.split(".")
            names |= {".".join(parts[:i]) for i in range(1, len(parts)) if not module.startswith(".".join(parts[:i]) + ".")}
    names.discard(module)
    return names


def graph(known: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the modules it imports, at its top or inside a function."""
    return {
        name: imported(ast.parse(path.read_text(encoding="utf-8")), name, path.name == "__init__.py", known)
        for name, path in known.items()
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_import_cycle_in_the_package():
    known = modules()
    assert len(known) > 30 and "pipeline.components.retention.component" in known
    assert cycles(graph(known)) == []


def test_a_cycle_through_a_package_or_a_function_is_found(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from pkg.low import helper\n")
    (package / "low.py").write_text("def helper():\n    from pkg.high import run\n")
    (package / "high.py").write_text("from .sub import thing\n")
    (package / "alone.py").write_text("import pkg.low\n")
    known = modules(package, "pkg")
    assert cycles(graph(known)) == [["pkg.high", "pkg.low", "pkg.sub"]]
    (package / "low.py").write_text("def helper():\n    pass\n")
    assert cycles(graph(known)) == []


def test_no_component_imports_the_cli_the_stages_or_the_start_up_module():
    known = modules()
    edges = graph(known)
    higher = {"pipeline.cli", "pipeline.stages", "pipeline.startup", "pipeline.extract"}
    for name, targets in edges.items():
        if name.startswith(("pipeline.components", "pipeline.layout", "pipeline.clean")):
            assert not targets & higher, name


# --- what each dvc.yaml stage runs and reads ---------------------------------------------------------


def _functions(tree: ast.Module) -> dict[str, ast.AST]:
    return {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def stage_code(stage: str, known: dict[str, Path]) -> tuple[set[str], list[tuple[str, ast.AST]]]:
    """The modules ``python -m pipeline stage STAGE`` runs, and the code read for params: the entry
    modules' top level and the functions reached from the stage's command, other modules whole."""
    trees = {name: ast.parse(known[name].read_text(encoding="utf-8")) for name in known}
    roots = {"pipeline.__main__": set(), "pipeline.cli": {"run", f"stage_{stage}_command"}, "pipeline.stages": set()}
    reached: dict[str, set[str]] = {name: set() for name in ENTRY_MODULES}
    run: set[str] = {"pipeline.__main__"}
    code: list[tuple[str, ast.AST]] = []
    whole: list[str] = []
    queue = [(name, root) for name, names in roots.items() for root in names]
    for name in ENTRY_MODULES:  # their top level, without the bodies of their functions
        tree = trees[name]
        top = ast.Module(body=[n for n in tree.body if not isinstance(n, (ast.FunctionDef, ast.ClassDef))], type_ignores=[])
        code.append((name, top))
        for target in imported(top, name, False, known):
            (whole if target not in ENTRY_MODULES else []).append(target)
        queue += [(name, n) for n in _names(top) if n in _functions(tree)]
    if "pipeline.cli" in imported(trees["pipeline.__main__"], "pipeline.__main__", False, known):
        run.add("pipeline.cli")
    while queue:
        name, function = queue.pop()
        if function in reached[name]:
            continue
        reached[name].add(function)
        run.add(name)
        node = _functions(trees[name])[function]
        if (name, function) not in NOT_OUTPUT:
            code.append((name, node))
        queue += [(name, n) for n in _names(node) if n in _functions(trees[name])]
        for statement in ast.walk(node):
            if isinstance(statement, ast.ImportFrom) and statement.module in ENTRY_MODULES:
                queue += [(statement.module, alias.name) for alias in statement.names]
        whole += [t for t in imported(node, name, False, known) if t not in ENTRY_MODULES]
    while whole:
        name = whole.pop()
        if name in run:
            continue
        run.add(name)
        code.append((name, trees[name]))
        whole += list(imported(trees[name], name, known[name].name == "__init__.py", known))
    return run, code


def params_read(code: list[tuple[str, ast.AST]]) -> set[str]:
    """The params keys read in ``code``: each chain ``params.section.key...`` of attributes (on a
    name that ends in ``params``) that names fields of ``Params``, to its last field
    (``params.extract.model_dump(...)``: ``extract``)."""
    keys = set()
    for _, node in code:
        inner = {id(n.value) for n in ast.walk(node) if isinstance(n, ast.Attribute)}
        for attribute in ast.walk(node):
            if not isinstance(attribute, ast.Attribute) or id(attribute) in inner:
                continue
            chain = []
            part: ast.AST = attribute
            while isinstance(part, ast.Attribute):
                chain.insert(0, part.attr)
                part = part.value
            if not isinstance(part, ast.Name) or not part.id.endswith("params"):  # params, run_params
                continue
            model, fields = Params, []
            for attr in chain:
                if model is None or attr not in model.model_fields:
                    break
                fields.append(attr)
                annotation = model.model_fields[attr].annotation
                model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
            if fields:
                keys.add(".".join(fields))
    return keys


def _dvc_stages(root: Path) -> dict[str, dict]:
    return yaml.safe_load((root / "dvc.yaml").read_text(encoding="utf-8"))["stages"]


def _covered(item: str, listed: list[str]) -> bool:
    return any(item == entry or item.startswith(entry.rstrip("/") + ("/" if "/" in item else ".")) for entry in listed)


@pytest.mark.parametrize("stage", sorted(yaml.safe_load((PACKAGE.parent / "dvc.yaml").read_text(encoding="utf-8"))["stages"]))
def test_each_stage_lists_the_modules_it_runs_and_the_params_it_reads(root, stage):
    spec = _dvc_stages(root)[stage]
    command = re.fullmatch(r"python -m pipeline stage (\w+)", spec["cmd"])
    assert command and command.group(1) == stage
    known = modules()
    run, code = stage_code(stage, known)
    deps = [str(d) for d in spec.get("deps", [])]
    files = {known[name].relative_to(root).as_posix() for name in run}
    assert sorted(f for f in files if not _covered(f, deps)) == [], f"{stage}: deps"
    listed = [str(p) for p in spec.get("params", [])]
    assert sorted(k for k in params_read(code) if not _covered(k, listed)) == [], f"{stage}: params"
    assert not [p for p in listed if not any(_covered(k, [p]) or _covered(p, [k]) for k in params_read(code))], \
        f"{stage}: params listed that it never reads"


def test_the_stage_reader_sees_params_read_in_a_helper_and_modules_imported_in_a_function():
    known = modules()
    run, code = stage_code("clean", known)
    assert {"pipeline.clean", "pipeline.clean.rules", "pipeline.io", "pipeline.config"} <= run
    assert "pipeline.nlp" not in run and "pipeline.extract" not in run
    keys = params_read(code)
    assert {"corpus.dir", "corpus.clean_dir", "clean", "extract.max_bytes"} <= keys  # max_bytes: in _read_notices
    assert not any(k.startswith("gold") for k in keys)  # read by _protected only
    tree = ast.parse("def f(params, scorer):\n    return params.evaluate.scores, getattr(params.build, 'x'), "
                     "params.nope, scorer.report()\n")
    assert params_read([("m", tree)]) == {"evaluate.scores", "build"}
