"""``displacy.render(doc, style="span")`` shows the pipeline's spans with no option."""

from __future__ import annotations

import subprocess
import sys
import warnings

from spacy import displacy

from pipeline.components import SPAN_KEY

TEXT = ("Nous conservons votre adresse e-mail pendant 3 ans à des fins de prospection commerciale. "
        "Elle est transmise à nos sous-traitants.")


def test_displacy_reads_the_span_group_of_the_components(nlp):
    doc = nlp(TEXT)
    assert SPAN_KEY == "sc" and len(doc.spans[SPAN_KEY]) >= 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # displaCy warns (W117) when its span key holds no span
        html = displacy.render(doc, style="span")
    for span in doc.spans[SPAN_KEY]:
        assert span.label_ in html and span.text.split()[0] in html


def test_displacy_renders_the_saved_model_in_a_fresh_process(nlp, tmp_path):
    """``spacy.load`` of the saved model, in a process that never imported the package first."""
    path = tmp_path / "model"
    nlp.to_disk(path)
    code = (
        "import sys, warnings, spacy\n"
        "from spacy import displacy\n"
        "warnings.simplefilter('error')\n"
        "doc = spacy.load(sys.argv[1])(sys.argv[2])\n"
        "html = displacy.render(doc, style='span')\n"
        "print(sorted({s.label_ for s in doc.spans['sc']}), html.count('span-label'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path), TEXT], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    labels, _ = out.stdout.split("]")
    assert "DATA" in labels and "DURATION" in labels and "RECIPIENT" in labels
