"""Assemble, save and load the spaCy pipeline.

The saved model names all it needs in its ``config.cfg``: its language (``fr_privex``, spaCy's
French loaded fast: ``pipeline.startup``), its lemmatizer and the project's components, each found
through the package's entry points. Loading it is a plain ``spacy.load``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pipeline.startup as startup  # first: the French language is imported there, fast
import spacy
from spacy.language import Language

from pipeline.config import BuildParams, CombineParams, ComponentsParams, project_path
from pipeline.io import PrivexError, UsageError, one_line

# the project's components, in pipeline order: factory, where it goes, its settings in ``components:``
COMPONENTS: tuple[tuple[str, dict, str | None], ...] = (
    ("privacy_layout", {"before": "parser"}, None),
    ("privacy_retention", {"last": True}, "retention"),
    ("privacy_recipients", {"last": True}, "recipients"),
    ("privacy_data_categories", {"last": True}, "data_categories"),
    ("privacy_purposes", {"last": True}, "purposes"),
    ("privacy_legal_basis", {"last": True}, "legal_basis"),
)
SHARING_ENTITIES = "privacy_sharing_entities"
COUNTRIES = "privacy_countries"  # after ``privacy_combine``: it reads the final RECIPIENT spans
PRACTICES = "privacy_practices"  # last: it links the final spans and reads the recipients' countries


def register_factories() -> None:
    """Import the components' factories, which registers them in this process (a new process that
    loads the saved model finds them through the package's entry points), their large patterns
    built from their kept code as a model's loading does (``pipeline.startup.loading``)."""
    with startup.loading():
        import pipeline.components.data_categories.factory  # noqa: F401
        import pipeline.components.layout.factory  # noqa: F401
        import pipeline.components.legal_basis.factory  # noqa: F401
        import pipeline.components.purposes.factory  # noqa: F401
        import pipeline.components.recipients.factory  # noqa: F401
        import pipeline.components.retention.factory  # noqa: F401
        import pipeline.components.sharing_entities.factory  # noqa: F401
        import pipeline.components.combine.factory  # noqa: F401
        import pipeline.components.countries.factory  # noqa: F401
        import pipeline.components.practices.factory  # noqa: F401


def assemble(params: BuildParams | None = None, components: ComponentsParams | None = None,
             combine: CombineParams | None = None, trained: Path | None = None) -> Language:
    """``fr_core_news_md`` with this project's components added, each with its settings, and the
    lexicons of those that have one taken in (``initialize``); with ``combine``, also the trained
    span model of ``trained`` (``train.out_dir``; disabled, run by the combiner) and ``privacy_combine``,
    merging rule and model spans by ``combine.policy``; ``privacy_countries`` last, giving the final
    RECIPIENT spans their country, then ``privacy_practices``, linking the final spans."""
    params = params or BuildParams()
    components = components or ComponentsParams()
    register_factories()
    try:
        nlp = spacy.load(params.base_model, exclude=list(params.disable), config=startup.base_model_overrides())
    except (OSError, ValueError, ImportError) as err:
        raise UsageError(f"params.yaml: build.base_model: cannot load {params.base_model!r} ({one_line(err)})") from None
    for factory, where, key in COMPONENTS:
        config = getattr(components, key).model_dump() if key else {}
        pipe = nlp.add_pipe(factory, config=config, **where)
        if hasattr(pipe, "initialize"):
            pipe.initialize(lambda: [], nlp=nlp)
    if params.ner == "sharing_sentences" and "ner" in nlp.pipe_names:
        _ner_on_sharing_sentences(nlp)
    if combine is not None:
        add_combiner(nlp, combine, trained if combine.model else None)
    nlp.add_pipe(COUNTRIES, config=components.countries.model_dump(), last=True).initialize(lambda: [], nlp=nlp)
    nlp.add_pipe(PRACTICES, config=components.practices.model_dump(), last=True)
    return nlp


def _ner_on_sharing_sentences(nlp: Language) -> None:
    """Put ``privacy_sharing_entities`` in place of ``ner``, with its model and weights."""
    config = {k: v for k, v in nlp.config["components"]["ner"].items() if k != "factory"}
    weights = nlp.get_pipe("ner").to_bytes(exclude=["vocab"])
    nlp.add_pipe(SHARING_ENTITIES, config=config, after="ner").from_bytes(weights, exclude=["vocab"])
    nlp.remove_pipe("ner")


def add_combiner(nlp: Language, combine: CombineParams, trained: Path | None) -> None:
    """Source the trained component of ``trained`` (its ``config.cfg`` names it) into ``nlp``, disabled,
    and add ``privacy_combine`` last."""
    model = ""
    if trained is not None:
        if not (Path(trained) / "config.cfg").is_file():
            raise UsageError(f"params.yaml: train.out_dir: no trained model in {trained}; run `dvc repro train`")
        config = spacy.util.load_config(Path(trained) / "config.cfg")
        model = config["nlp"]["pipeline"][0]
        config["nlp"]["lang"] = nlp.lang  # trained on spaCy's French; the base model loads as ``fr_privex``
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


def build(params: BuildParams | None = None, out: Path | None = None, components: ComponentsParams | None = None,
          combine: CombineParams | None = None, trained: Path | None = None) -> Path:
    """Assemble the pipeline and save it with ``nlp.to_disk``."""
    params = params or BuildParams()
    out = out or project_path(params.model_dir)
    nlp = assemble(params, components, combine, trained)
    nlp.meta["name"] = "privex_fr"
    if (Path(out) / "config.cfg").is_file():
        shutil.rmtree(out)  # a former model: none of its files may outlive it
    nlp.to_disk(out)
    if params.prune_strings:
        # the base vocabulary's strings (some 600,000 words) only turn hashes back into text; tokens,
        # labels, lemmas and lexicons add the strings they use as they load or are read
        (Path(out) / "vocab" / "strings.json").write_text("[]", encoding="utf-8")
    return out


class ModelError(PrivexError):
    """The model cannot be loaded; the message is one line for the user."""


def load_or_fail(model: Path | None, params: BuildParams, components: ComponentsParams | None = None) -> Language:
    """``load``, with any failure as a ``ModelError``."""
    try:
        return load(model, params, components)
    except (OSError, ValueError, ImportError) as err:
        raise ModelError(f"cannot load the model: {one_line(err)}") from None


def load(model: Path | None = None, params: BuildParams | None = None, components: ComponentsParams | None = None) -> Language:
    """The built model in ``models/`` when there is one, else one assembled in memory."""
    params = params or BuildParams()
    path = model or project_path(params.model_dir)
    if (Path(path) / "config.cfg").exists():
        register_factories()  # what the entry points would find in a new process, registered here
        return spacy.load(path)
    if model is not None:
        raise FileNotFoundError(f"no spaCy model at {model}")
    return assemble(params, components)
