"""The report's pages in a real browser: headless Chromium (Debian's ``chromium``), driven by
Playwright. Skipped, with the reason, only where no Chromium is installed; ``.ci/run`` installs it.

Checked: no console error, no request but the page itself, every span of the record highlighted in
the DOM with exactly its text, its values shown on hover and on keyboard focus, sortable index
columns. A screenshot of a corpus notice's page is saved as ``metrics/report-page.png`` for the
README."""

from __future__ import annotations

import shutil

import pytest

from pipeline.extract import extract
from pipeline.notices import Notice
from pipeline.report.diff import NoticeDiff, diff_records
from pipeline.report.html import diff_page, write_pages

from conftest import seed_text
from test_report import NOTICE, record

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # playwright adds --headless
SCREENSHOT = "metrics/report-page.png"
SCREENSHOT_NOTICE = "belfius-web-commercial"


def chromium() -> str | None:
    return next(filter(None, (shutil.which(name) for name in ("chromium", "chromium-browser"))), None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium installed (Debian: apt-get install chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a fresh --user-data-dir
            executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 860},
        )
        yield context
        context.close()


def open_page(browser, path):
    """The page at ``path``, and the list its problems go to: console errors and warnings, script
    errors, any request for a file outside the report's folder (the network above all)."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    folder = path.parent.as_uri() + "/"
    page.on("request", lambda r: None if r.url.startswith(folder) else problems.append(f"request: {r.url}"))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


# what the DOM holds of each span: its pieces' text (tags left out), and whether each piece is painted
SPANS_IN_DOM = """(args) => {
  const [count, prefix] = args;
  const textOf = (node) => { const c = node.cloneNode(true); c.querySelectorAll('.tag').forEach(t => t.remove()); return c.textContent; };
  const out = [];
  for (let i = 0; i < count; i++) {
    const pieces = [...document.querySelectorAll(`#${prefix}text mark[data-span="${i}"]`)];
    out.push({
      text: pieces.map(textOf).join(''),
      painted: pieces.length > 0 && pieces.every(p => { const s = getComputedStyle(p);
        return s.backgroundColor !== 'rgba(0, 0, 0, 0)' && p.getClientRects().length > 0 && s.visibility === 'visible'; }),
      first: pieces.length ? pieces[0].id : null,
      tabbable: pieces.length ? pieces[0].tabIndex : null,
    });
  }
  return {spans: out, text: textOf(document.getElementById(prefix + 'text'))};
}"""


def assert_every_span_highlighted(page, rec, prefix=""):
    dom = page.evaluate(SPANS_IN_DOM, [len(rec["spans"]), prefix])
    assert dom["text"] == rec["text"]  # the raw text, whole, in order
    for i, (span, found) in enumerate(zip(rec["spans"], dom["spans"])):
        assert found == {"text": span["text"], "painted": True, "first": f"{prefix}span-{i}", "tabbable": 0}, span


def values_of(span: dict) -> list[str]:
    return [str(span[k]) for k in ("label", "category", "value", "bound", "country") if span.get(k)]


def assert_tooltip_shows(page, span):
    tip = page.locator("#tip")
    assert tip.is_visible()
    box = tip.bounding_box()
    assert box["width"] > 50 and box["height"] > 20
    shown = tip.inner_text()
    for value in values_of(span):
        assert value in shown, (value, shown)


def nested_record() -> dict:
    """The test notice, with a span inside another and two spans that cross."""
    rec = record(NOTICE.replace("⟦PURPOSE marketing|vous envoyer nos offres⟧",
                                "⟦PURPOSE marketing|vous envoyer nos offres sur votre ⟦DATA contact|téléphone⟧⟧"))
    start = rec["text"].index("nom")
    crossing = {"start": start, "end": start + 12, "label": "PURPOSE", "text": rec["text"][start:start + 12],
                "category": "other"}
    rec["spans"] = sorted(rec["spans"] + [crossing], key=lambda s: (s["start"], s["end"]))
    return rec


def test_browser_notice_page_every_span_highlighted_with_values_on_hover_and_focus(browser, tmp_path):
    rec = nested_record()
    write_pages(tmp_path, [("", [rec])])
    page, problems = open_page(browser, tmp_path / "notice.html")
    assert_every_span_highlighted(page, rec)
    for i, span in enumerate(rec["spans"]):
        page.locator(f"#span-{i} > .tag").hover()  # the span's own tag: never inside a nested span
        assert_tooltip_shows(page, span)
    page.mouse.move(1, 1)
    assert page.locator("#tip").is_hidden()
    # by keyboard: Tab reaches every span, each showing its values; Escape hides
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.dataset.span ?? null")
        if focused is not None:
            reached.append(int(focused))
            assert_tooltip_shows(page, rec["spans"][int(focused)])
        if len(reached) == len(rec["spans"]):
            break
    assert sorted(reached) == list(range(len(rec["spans"])))  # each once, in the text's order
    starts = [rec["spans"][i]["start"] for i in reached]
    assert starts == sorted(starts)
    page.keyboard.press("Escape")
    assert page.locator("#tip").is_hidden()
    assert problems == []


def test_browser_corpus_notice_page_and_screenshot(browser, nlp, params, tmp_path, root):
    notice = Notice(SCREENSHOT_NOTICE, seed_text(SCREENSHOT_NOTICE), SCREENSHOT_NOTICE)
    (rec,) = extract(nlp, [notice], params, pytest.fail)
    assert len(rec["spans"]) > 5
    write_pages(tmp_path, [("", [rec])])
    page, problems = open_page(browser, tmp_path / f"{SCREENSHOT_NOTICE}.html")
    assert_every_span_highlighted(page, rec)
    for i, span in enumerate(rec["spans"]):
        page.locator(f"#span-{i}").focus()
        assert_tooltip_shows(page, span)
    assert problems == []
    # the picture of the README: a data kind's values shown, the key figures beside the text
    shown = next(i for i, s in enumerate(rec["spans"]) if s["label"] == "DATA" and s["start"] > 700)
    page.locator(f"#span-{shown}").scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(f"#span-{shown} > .tag").hover()
    (root / SCREENSHOT).parent.mkdir(exist_ok=True)
    page.screenshot(path=str(root / SCREENSHOT))
    assert (root / SCREENSHOT).stat().st_size > 10_000


def test_browser_index_sorts_and_links(browser, tmp_path):
    records = [
        record("⟦DATA contact|a⟧ ⟦DATA contact|b⟧ ⟦DURATION P2Y exact|2 ans⟧", "beta"),
        record("⟦DATA contact|a⟧ ⟦DURATION P6M exact|6 mois⟧ ⟦RECIPIENT processor country=US|Cloud⟧", "alpha"),
        record("⟦DATA contact|a⟧ ⟦DATA contact|b⟧ ⟦DATA contact|c⟧", "gamma"),
    ]
    write_pages(tmp_path, [("", records)])
    page, problems = open_page(browser, tmp_path / "index.html")

    def names():
        return page.locator("#notices tbody th").all_inner_texts()

    assert names() == ["beta", "alpha", "gamma"]  # as written; the notice column says ascending
    page.locator("#notices thead th", has_text="notice").locator("button").click()
    assert names() == ["gamma", "beta", "alpha"]  # it was ascending: now descending
    data = page.locator("#notices thead th").nth(2)
    data.locator("button").click()
    assert names() == ["alpha", "beta", "gamma"] and data.get_attribute("aria-sort") == "ascending"
    data.locator("button").click()
    assert names() == ["gamma", "beta", "alpha"] and data.get_attribute("aria-sort") == "descending"
    page.locator("#notices thead th", has_text="longest retention").locator("button").click()
    assert names() == ["gamma", "alpha", "beta"]  # no period, 6 months, 2 years
    page.get_by_role("link", name="Cloud").click()
    assert page.url.endswith("alpha.html#span-2")
    assert page.locator("#span-2").evaluate("m => m.matches(':target')")
    assert problems == []


def test_browser_diff_page_marks_the_changes(browser, tmp_path):
    old = record("Vos données sont gardées ⟦DURATION P1Y exact|un an⟧ et partagées avec nos ⟦RECIPIENT partner|partenaires⟧.", "n")
    new = record("Vos données sont gardées ⟦DURATION P2Y exact|deux ans⟧ et partagées avec nos "
                 "⟦RECIPIENT processor|prestataires⟧ et ⟦RECIPIENT partner|partenaires⟧.", "n")
    d = NoticeDiff(id="n", old="v1/n.txt", new="v2/n.txt", changes=diff_records(old, new))
    (tmp_path / "n.html").write_text(diff_page(d, old, new), encoding="utf-8")
    page, problems = open_page(browser, tmp_path / "n.html")
    assert_every_span_highlighted(page, old, "old-")
    assert_every_span_highlighted(page, new, "new-")
    assert page.locator("#new-span-0").get_attribute("class").split()[-1] == "chg-lengthened"
    assert page.locator("#new-span-1").get_attribute("class").split()[-1] == "chg-added"
    assert "added" in page.locator("#new-span-1 .tag").inner_text().lower()
    assert "chg" not in page.locator("#new-span-2").get_attribute("class")  # unchanged
    page.locator("#new-span-0").focus()
    assert_tooltip_shows(page, new["spans"][0])
    assert problems == []
