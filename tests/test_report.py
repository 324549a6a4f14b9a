"""The HTML report and the diff of two versions: pages, key figures, comparison, two-version pages.
Records are written inline in the gold markup (``⟦DATA contact|adresse e-mail⟧``); the sentences
are written for these tests."""

from __future__ import annotations

import html
import json
import re

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.gold.markup import parse
from pipeline.report.diff import diff_records, diff_table, normalise, NoticeDiff
from pipeline.report.figures import figures, iso_days, iso_words, same_length
from pipeline.report.html import Mark, Text, diff_page, nest, notice_page, write_pages
from pipeline.report.versions import two_versions

from conftest import SEEDS

runner = CliRunner()


def record(markup: str, nid: str = "notice") -> dict:
    text, spans = parse(markup)
    return {"id": nid, "text": text, "spans": spans}


NOTICE = (
    "Politique de confidentialité\n\n"
    "Nous collectons votre ⟦DATA contact|adresse e-mail⟧ et votre ⟦DATA identity|nom⟧ afin de "
    "⟦PURPOSE marketing|vous envoyer nos offres⟧, sur la base de votre ⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧.\n"
    "Elles sont conservées ⟦DURATION P3Y max after=la fin de la relation|au plus 3 ans après la fin de la relation⟧.\n"
    "Vos ⟦DATA financial|coordonnées bancaires⟧ sont transmises à ⟦RECIPIENT processor country=US|PayFast Inc.⟧ "
    "et à ⟦RECIPIENT group country=FR|nos filiales⟧, puis conservées ⟦DURATION P10Y exact|10 ans⟧.\n"
    "Les données de navigation sont gardées ⟦DURATION null exact|tant que votre compte est actif⟧.\n"
    "<script>alert('pas de script dans la page')</script>\n"
)


# --- pieces of text ------------------------------------------------------------------------------


def _flatten(nodes, out=None, path=()):
    """The text of every piece in order, with the spans around it."""
    out = [] if out is None else out
    for node in nodes:
        if isinstance(node, Text):
            out.append((node.text, path))
        else:
            _flatten(node.children, out, path + (node.index,))
    return out


def _pieces_of(nodes, index, out=None):
    out = [] if out is None else out
    for node in nodes:
        if isinstance(node, Mark):
            if node.index == index:
                out.append(node)
            _pieces_of(node.children, index, out)
    return out


def _text(node) -> str:
    return node.text if isinstance(node, Text) else "".join(_text(c) for c in node.children)


@pytest.mark.parametrize("spans", [
    [(0, 10), (2, 5)],                      # nested
    [(0, 6), (4, 10)],                      # crossing: the second is cut where the first ends
    [(0, 4), (0, 4), (0, 10)],              # the same range twice, inside a longer one
    [(3, 8), (1, 9), (5, 12), (6, 7), (11, 14)],
])
def test_report_nest_gives_back_the_text_and_every_span_whole(spans):
    text = "abcdefghijklmnopq"
    records = [{"start": a, "end": b, "label": "DATA", "text": text[a:b]} for a, b in spans]
    nodes = nest(text, records)
    flat = _flatten(nodes)
    assert "".join(t for t, _ in flat) == text
    for i, (a, b) in enumerate(spans):
        pieces = _pieces_of(nodes, i)
        assert pieces[0].first and not any(p.first for p in pieces[1:])
        assert "".join(_text(p) for p in pieces) == text[a:b]
        # every character of the span, and no other, stands inside one of its pieces
        pos, covered = 0, set()
        for t, path in flat:
            if i in path:
                covered |= set(range(pos, pos + len(t)))
            pos += len(t)
        assert covered == set(range(a, b))


# --- the notice page -----------------------------------------------------------------------------


def test_report_notice_page_marks_every_span_with_its_values_and_loads_nothing():
    rec = record(NOTICE)
    page = notice_page(rec)
    for i, span in enumerate(rec["spans"]):
        mark = re.search(rf'<mark class="sp l-{span["label"].lower()}[^"]*" data-span="{i}"[^>]*id="span-{i}" tabindex="0">'
                         rf'<span class="tag">{span["label"]}</span>', page)
        assert mark, span
        desc = re.search(rf'<div id="d-{i}" class="desc">(.*?)</div>', page, re.S).group(1)
        for value in (span.get("category"), span.get("value"), span.get("country")):
            if value:
                assert value in desc
    assert "at most 3 years after la fin de la relation" in page  # the DURATION read in words
    assert "GDPR-6-1-a (consent)" in page
    assert "&lt;script&gt;alert(" in page and "<script>alert(" not in page  # the notice's text is text
    assert not re.search(r'(src|href)="(https?:)?//', page) and "@import" not in page and "url(" not in page
    assert page.count("<script>") == 1 and page.count("<style>") == 1  # inlined, one of each


def test_report_notice_page_shows_who_found_each_span_and_its_score():
    rec = record(NOTICE)
    rec["spans"][0].update(origin="model", score=0.8125)
    rec["spans"][1].update(origin="both", score=None)
    page = notice_page(rec)
    first = re.search(r'<div id="d-0" class="desc">(.*?)</div>', page, re.S).group(1)
    second = re.search(r'<div id="d-1" class="desc">(.*?)</div>', page, re.S).group(1)
    third = re.search(r'<div id="d-2" class="desc">(.*?)</div>', page, re.S).group(1)
    assert "<dt>found by</dt><dd>the trained model</dd>" in first and "<dt>score</dt><dd>0.81</dd>" in first
    assert "<dt>found by</dt><dd>the rules and the trained model</dd>" in second and "score" not in second
    assert "found by" not in third  # a record without origins (gold, or rules alone) says nothing


def test_report_notice_page_key_figures():
    rec = record(NOTICE)
    f = figures(rec)
    assert f.counts == {"DATA": 3, "PURPOSE": 1, "DURATION": 3, "RECIPIENT": 2, "LEGAL_BASIS": 1}
    assert [r.text for r in f.longest] == ["10 ans"] and f.event_periods == 1
    assert [(r.text, r.country) for r in f.outside_eea] == [("PayFast Inc.", "US")]
    page = notice_page(rec)
    figures_html = page[page.index('id="figures"'):page.index('id="practices"')]
    assert f'href="#span-{f.longest[0].index}">10 years</a>' in figures_html
    assert "PayFast Inc.</a> (US)" in figures_html and "nos filiales" not in figures_html
    assert "1 bound to an event" in figures_html


def test_report_longest_retention_is_by_length_not_by_text():
    rec = record("⟦DURATION P18M exact|18 mois⟧, ⟦DURATION P1Y max|un an au plus⟧, ⟦DURATION P540D exact|540 jours⟧, "
                 "⟦DURATION P18M exact|dix-huit mois⟧.")
    f = figures(rec)
    assert [r.text for r in f.longest] == ["18 mois", "dix-huit mois"]  # 540 days is a little shorter
    assert figures(record("rien")).longest == []


@pytest.mark.parametrize("iso, days, words", [
    ("P1Y", 365.2425, "1 year"), ("P12M", 365.2425, "12 months"), ("P3Y6M", 3.5 * 365.2425, "3 years 6 months"),
    ("P4W", 28, "4 weeks"), ("P180D", 180, "180 days"), ("PT4H", 4 / 24, "4 hours"),
    ("PT2M30S", 150 / 86400, "2 minutes 30 seconds"), ("P1DT12H", 1.5, "1 day 12 hours"),
])
def test_report_iso_lengths(iso, days, words):
    assert iso_days(iso) == pytest.approx(days)
    assert iso_words(iso) == words


def test_report_same_length_adds_up_units_exactly():
    assert same_length("P1Y", "P12M") and same_length("P2W", "P14D") and same_length("PT1H", "PT60M")
    assert not same_length("P6M", "P180D") and not same_length("P1Y", "P365D")


def test_report_practices_block_from_the_records_links_evidence():
    rec = record(NOTICE)
    assert "No practice records" in notice_page({**rec, "spans": []})
    linked = {**rec, "spans": [{**s, "links": [2]} if s["label"] == "DATA" else s for s in rec["spans"]]}
    table = notice_page(linked)[notice_page(linked).index('<table class="practices">'):]
    assert f'<a href="#span-2">{rec["spans"][2]["text"]}</a>' in table[: table.index("</table>")]
    practices = [{"data": {"text": "adresse e-mail", "evidence": [0]},
                  "purposes": [{"text": "vous envoyer nos offres", "evidence": [2]}],
                  "legal_bases": [{"text": "consent", "evidence": [3]}],
                  "retention": [{"text": "at most 3 years", "evidence": [4]}],
                  "recipients": [], "countries": []}]
    page = notice_page(rec, practices)
    table = page[page.index('<table class="practices">'):page.index("</table>")]
    assert "No practice records" not in page
    for i, text in ((0, "adresse e-mail"), (2, "vous envoyer nos offres"), (3, "consent"), (4, "at most 3 years")):
        assert f'<a href="#span-{i}">{text}</a>' in table


def test_report_index_and_pages_written_with_links_back(tmp_path):
    first, second = record(NOTICE, "alpha"), record("Votre ⟦DATA contact|adresse⟧ est gardée ⟦DURATION P1Y exact|1 an⟧.", "beta")
    assert write_pages(tmp_path, [("", [first]), ("extra", [second])]) == 2
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<a href="alpha.html">alpha</a>' in index and '<a href="extra/beta.html">beta</a>' in index
    assert 'href="extra/beta.html#span-1">1 year</a>' in index
    assert '<a href="../index.html">' in (tmp_path / "extra" / "beta.html").read_text(encoding="utf-8")
    assert '<a href="index.html">' in (tmp_path / "alpha.html").read_text(encoding="utf-8")


# --- the diff ------------------------------------------------------------------------------------


def _changes(old: str, new: str) -> list[tuple]:
    return [(c.label, c.change, c.key) for c in diff_records(record(old), record(new))]


def test_diff_normalises_case_determiners_and_punctuation():
    assert normalise("Vos données d’identité,") == "données identité"
    assert normalise("L'adresse E-mail") == normalise("votre adresse e-mail") == "adresse e-mail"


def test_diff_kinds_added_and_removed_by_category_and_normalised_text():
    old = "Nous traitons votre ⟦DATA contact|adresse e-mail⟧ et votre ⟦DATA identity|nom⟧."
    new = "Nous traitons l’⟦DATA contact|Adresse E-mail⟧, la ⟦DATA identity|date de naissance⟧ et le ⟦DATA identity|nom⟧."
    assert _changes(old, new) == [("DATA", "added", "identity: date naissance")]
    assert _changes(new, old) == [("DATA", "removed", "identity: date naissance")]
    # the same words in another category are another kind
    assert _changes(old, old.replace("DATA contact", "DATA technical")) == [
        ("DATA", "removed", "contact: adresse e-mail"), ("DATA", "added", "technical: adresse e-mail")]


def test_diff_ignores_moved_text_and_repeats():
    a = "Nous traitons votre ⟦DATA identity|nom⟧ pour ⟦PURPOSE service|gérer votre compte⟧."
    b = "Vos données sont gardées ⟦DURATION P2Y exact|2 ans⟧ après la clôture du compte."
    c = "Elles sont partagées avec nos ⟦RECIPIENT processor|hébergeurs⟧ sur la base du ⟦LEGAL_BASIS GDPR-6-1-b|contrat⟧."
    assert _changes("\n".join([a, b, c]), "\n\n".join([c, a, b, a])) == []


def test_diff_periods_by_value_not_text():
    old = "Vos factures sont conservées ⟦DURATION P10Y exact|10 ans⟧. Les cookies expirent après ⟦DURATION P13M max|13 mois au plus⟧."
    assert _changes(old, old.replace("P10Y exact|10 ans", "P10Y exact|dix ans")) == []  # other words, same value
    assert _changes(old, old.replace("P13M max|13 mois", "P13M max|treize mois")) == []
    lengthened = diff_records(record(old), record(old.replace("P10Y exact|10 ans", "P15Y exact|15 ans")))
    assert [(c.change, c.old_value, c.new_value) for c in lengthened] == [("lengthened", "P10Y exact", "P15Y exact")]
    assert lengthened[0].old[0].text == "10 ans" and lengthened[0].new[0].text == "15 ans"
    shortened = _changes(old, old.replace("P13M max|13 mois", "P6M max|6 mois"))
    assert shortened == [("DURATION", "shortened", "P13M max")]
    # a year is twelve months: the same length in other units is no change
    assert _changes(old, old.replace("P13M max|13 mois au plus", "P1Y1M max|un an et un mois au plus")) == []


def test_diff_periods_bound_event_added_and_removed():
    old = "Vos factures sont conservées ⟦DURATION P10Y exact|10 ans⟧ à compter de leur émission."
    bound = _changes(old, old.replace("P10Y exact|10 ans", "P10Y max|10 ans au plus"))
    assert bound == [("DURATION", "changed", "P10Y exact")]
    event = _changes(old, old.replace("P10Y exact|10 ans", "null exact|tant que la loi l’exige"))
    assert event == [("DURATION", "changed", "P10Y exact")]
    added = old + " Les enregistrements d’appels sont gardés ⟦DURATION P30D exact|30 jours⟧ puis effacés."
    assert _changes(old, added) == [("DURATION", "added", "P30D exact")]
    assert _changes(added, old) == [("DURATION", "removed", "P30D exact")]


def test_diff_a_period_changed_in_one_of_two_sentences_is_paired_by_its_sentence():
    old = ("Les données de prospection sont gardées ⟦DURATION P3Y exact|3 ans⟧ après le dernier contact. "
           "Les relevés de connexion sont gardés ⟦DURATION P1Y exact|1 an⟧ pour la sécurité.")
    new = ("Les relevés de connexion sont gardés ⟦DURATION P6M exact|6 mois⟧ pour la sécurité. "
           "Les données de prospection sont gardées ⟦DURATION P5Y exact|5 ans⟧ après le dernier contact.")
    changes = diff_records(record(old), record(new))
    assert sorted((c.change, c.old_value, c.new_value) for c in changes) == [
        ("lengthened", "P3Y exact", "P5Y exact"), ("shortened", "P1Y exact", "P6M exact")]


def test_diff_legal_bases_by_ground_and_recipients_by_country():
    old = "Sur la base de votre ⟦LEGAL_BASIS GDPR-6-1-a|consentement⟧, nous partageons vos données avec ⟦RECIPIENT processor country=IE|Cloudy⟧."
    same_ground = old.replace("GDPR-6-1-a|consentement", "GDPR-6-1-a|accord")
    assert _changes(old, same_ground) == []
    other = old.replace("GDPR-6-1-a|consentement", "GDPR-6-1-f|intérêt légitime").replace("country=IE", "country=US")
    changes = diff_records(record(old), record(other))
    assert [(c.label, c.change, c.key) for c in changes] == [
        ("RECIPIENT", "changed", "processor: cloudy"), ("LEGAL_BASIS", "removed", "GDPR-6-1-a"),
        ("LEGAL_BASIS", "added", "GDPR-6-1-f")]
    assert (changes[0].old_value, changes[0].new_value) == ("IE", "US")


def test_diff_table_and_page():
    old = "Vos données sont gardées ⟦DURATION P1Y exact|un an⟧ et partagées avec nos ⟦RECIPIENT partner|partenaires⟧."
    new = old.replace("P1Y exact|un an", "P2Y exact|deux ans").replace("nos ⟦RECIPIENT partner|partenaires⟧",
                                                                        "nos ⟦RECIPIENT processor|prestataires⟧")
    a, b = record(old, "n"), record(new, "n")
    d = NoticeDiff(id="n", old="v1/n.txt", new="v2/n.txt", changes=diff_records(a, b))
    lines = diff_table([d]).splitlines()
    assert lines[0] == "== n  (v1/n.txt -> v2/n.txt)"
    assert lines[1].split() == ["label", "change", "old", "new"]
    assert lines[2].split() == ["DURATION", "lengthened", "un", "an", "(P1Y", "exact)", "deux", "ans", "(P2Y", "exact)"]
    assert lines[3].split() == ["RECIPIENT", "removed", "partenaires", "(partner)"]
    assert lines[4].split() == ["RECIPIENT", "added", "prestataires", "(processor)"]
    page = diff_page(d, a, b)
    assert re.search(r'<mark [^>]*data-span="0" data-label="DURATION" aria-describedby="old-d-0" id="old-span-0"', page)
    assert re.search(r'<mark class="sp l-duration chg chg-lengthened"[^>]*id="new-span-0"', page)
    assert re.search(r'<mark class="sp l-recipient chg chg-removed"[^>]*id="old-span-1"', page)
    assert re.search(r'<mark class="sp l-recipient chg chg-added"[^>]*id="new-span-1"', page)
    assert '<a href="#old-span-0">un an</a> (P1Y exact)' in page
    assert diff_table([NoticeDiff(id="n", changes=[])]).splitlines()[1].strip().startswith("no change")


# --- a page holding two versions -----------------------------------------------------------------

SECTIONS = [
    "Politique de confidentialité",
    "Dernière mise à jour : 1er mars 2024",
    "Quelles données collectons-nous ?",
    "Nous collectons votre nom, votre adresse e-mail et votre numéro de téléphone lors de l'inscription.",
    "Pourquoi les utilisons-nous ?",
    "Nous les utilisons pour gérer votre compte et vous envoyer des offres si vous l'avez accepté.",
    "Combien de temps les gardons-nous ?",
    "Les données du compte sont conservées trois ans après votre dernière connexion.",
    "À qui les transmettons-nous ?",
    "Elles sont transmises à nos hébergeurs et à nos prestataires de paiement, dans l'Union européenne.",
    "Vos droits",
    "Vous pouvez accéder à vos données, les rectifier ou les effacer en écrivant à notre délégué.",
]


def test_versions_a_previous_version_below_a_marker_is_found():
    previous = [line.replace("trois ans", "cinq ans") for line in SECTIONS[2:]]
    for marker in ("Version précédente (en vigueur jusqu'au 1er mars 2024)", "## Ancienne version",
                   "Politique en vigueur du 12/05/2021 au 29/02/2024"):
        page = "\n\n".join(SECTIONS + [marker] + previous)
        found = two_versions(page)
        assert found is not None, marker
        assert page.splitlines()[found.line - 1].strip() == marker.strip()
        assert found.repeated > 0.8 and "two versions" in found.message("n.txt")


def test_versions_a_marker_or_a_repeat_alone_is_one_version():
    one = "\n\n".join(SECTIONS)
    assert two_versions(one) is None
    assert two_versions(one + "\n\n[Consultez la version précédente de cette politique](https://exemple.fr/v1)") is None
    assert two_versions("\n\n".join(SECTIONS + SECTIONS[8:])) is None  # a repeated section, no marker
    assert two_versions("\n\n".join(SECTIONS + SECTIONS[1:])) is None  # the same update date again: a copy
    for seed in SEEDS:
        assert two_versions(seed.read_text(encoding="utf-8")) is None, seed.name


# --- the commands --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_model(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("model") / "privex-fr"
    nlp.to_disk(path)
    return path


V1 = ("Politique de confidentialité\n\n"
      "Nous collectons votre adresse e-mail et votre numéro de téléphone pour gérer votre compte.\n\n"
      "Vos données sont conservées pendant 3 ans après la clôture de votre compte.\n\n"
      "Elles sont transmises à nos sous-traitants.\n")
V2 = ("Politique de confidentialité\n\n"
      "Elles sont transmises à nos sous-traitants et à nos partenaires publicitaires.\n\n"
      "Nous collectons votre adresse e-mail et votre numéro de téléphone pour gérer votre compte.\n\n"
      "Vos données sont conservées pendant 5 ans après la clôture de votre compte.\n")


def test_cli_diff_two_files_table_json_and_html(tmp_path, built_model):
    (tmp_path / "v1").mkdir(), (tmp_path / "v2").mkdir()
    old, new = tmp_path / "v1" / "n.txt", tmp_path / "v2" / "n.txt"
    old.write_text(V1, encoding="utf-8"), new.write_text(V2, encoding="utf-8")
    table = runner.invoke(app, ["diff", str(old), str(new), "--model", str(built_model), "--html", str(tmp_path / "out")])
    assert table.exit_code == 0, table.output
    assert "lengthened" in table.stdout and "P3Y" in table.stdout and "P5Y" in table.stdout
    assert re.search(r"RECIPIENT\s+added\s+partenaires publicitaires", table.stdout)
    assert "DATA" not in table.stdout  # moved, not changed
    page = (tmp_path / "out" / "n.html").read_text(encoding="utf-8")
    assert "chg-lengthened" in page and "chg-added" in page
    as_json = runner.invoke(app, ["diff", str(old), str(new), "--model", str(built_model), "-f", "json"])
    (d,) = json.loads(as_json.stdout)
    assert d["status"] == "compared" and {(c["label"], c["change"]) for c in d["changes"]} == {
        ("DURATION", "lengthened"), ("RECIPIENT", "added")}
    period = next(c for c in d["changes"] if c["label"] == "DURATION")
    assert V1[period["old"][0]["start"]:period["old"][0]["end"]] == period["old"][0]["text"]
    assert V2[period["new"][0]["start"]:period["new"][0]["end"]] == period["new"][0]["text"]


def test_cli_diff_folders_by_name_and_a_page_with_two_versions(tmp_path, built_model):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir(), new.mkdir()
    (old / "a.txt").write_text(V1, encoding="utf-8")
    (new / "a.txt").write_text(V1, encoding="utf-8")
    (old / "gone.txt").write_text(V1, encoding="utf-8")
    (old / "b.txt").write_text(V1, encoding="utf-8")
    both = "\n\n".join(SECTIONS + ["Version précédente (en vigueur jusqu'au 1er mars 2024)"] + SECTIONS[2:])
    (new / "b.txt").write_text(both, encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--model", str(built_model), "-f", "json",
                                 "--html", str(tmp_path / "pages")])
    assert result.exit_code == 1
    diffs = {d["id"]: d for d in json.loads(result.stdout)}
    assert diffs["a"]["status"] == "compared" and diffs["a"]["changes"] == []
    assert diffs["gone"]["status"] == "only_old"
    assert diffs["b"]["status"] == "two_versions" and "b.txt holds two versions" in diffs["b"]["message"]
    assert "holds two versions of the notice: after line" in result.stderr
    assert {p.name for p in (tmp_path / "pages").iterdir()} == {"a.html", "b.html", "gone.html", "index.html"}
    assert "holds two versions" in html.unescape((tmp_path / "pages" / "b.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("args, code, message", [
    (["diff", "missing.txt", "missing2.txt"], 1, "missing.txt: no such file or folder"),
    (["report", "--html", "out"], 2, "--html OUT_DIR and notices go together"),
])
def test_cli_report_and_diff_bad_arguments_are_one_line(tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == code
    (line,) = result.stderr.splitlines()  # one line, no traceback
    assert line.startswith(f"privex: {message}")


def test_cli_diff_a_file_and_a_folder_is_refused(tmp_path):
    (tmp_path / "n.txt").write_text(V1, encoding="utf-8")
    result = runner.invoke(app, ["diff", str(tmp_path / "n.txt"), str(tmp_path)])
    assert result.exit_code == 2 and "both be notices or both be folders" in result.stderr


def test_cli_report_html_writes_a_page_per_notice_and_the_index(tmp_path, built_model):
    notice = tmp_path / "n.txt"
    notice.write_text(V1, encoding="utf-8")
    result = runner.invoke(app, ["report", "--html", str(tmp_path / "out"), str(notice), "--model", str(built_model)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "n.html").read_text(encoding="utf-8")
    assert page.count('tabindex="0"') >= 3 and "P3Y" in page
    assert '<a href="n.html">n</a>' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
