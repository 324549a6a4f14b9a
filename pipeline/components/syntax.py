"""Noun phrases and clause context from the dependency parse, shared by the extractors (the layout of
the text, its lines and sentences, is ``doc._.layout``: ``pipeline.layout``)."""

from __future__ import annotations


from spacy.tokens import Span, Token

DETERMINER_WORDS = frozenset(
    "le la les l' l’ un une des du de d' d’ au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos "
    "votre vos leur leurs certain certaine certains certaines tout toute tous toutes quelques plusieurs".split()
)
LEFT_DEPS = frozenset({"amod", "compound", "nummod", "flat:name", "flat:foreign", "fixed", "advmod"})
NEGATIONS = frozenset({"ne", "n'", "n’", "pas", "jamais", "aucun", "aucune", "ni"})


COMPLEMENT_CASES = frozenset({"de", "du", "des", "d'", "d’"})  # ``à nos partenaires`` names a recipient, not the thing
STOP_DEPS = frozenset({"conj", "cc", "punct", "acl:relcl", "appos", "acl", "advcl", "parataxis"})


def _right_edge(token: Token) -> int:
    """The last token of ``token``'s phrase, leaving out coordination and clauses."""
    edge = token.i
    for child in token.rights:
        if child.dep_ in STOP_DEPS:
            break
        edge = max(edge, _right_edge(child))
    return edge


def _is_complement(child: Token) -> bool:
    """``de votre appareil``, ``à la sécurité``: a complement that is part of the name; not ``avec soin``."""
    if child.dep_ != "nmod":
        return True
    cases = [c.lower_ for c in child.children if c.dep_ == "case"]
    return not cases or cases[0] in COMPLEMENT_CASES


def phrase_tokens(head: Token, max_right: int = 8) -> tuple[int, int]:
    """Token range of the noun phrase around ``head``: its modifiers and ``de`` complements,
    without leading determiners, relative clauses, coordination or punctuation."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS and child.i < start and not child.is_punct:
            start = min(start, child.left_edge.i if child.dep_ != "advmod" else child.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("amod", "nmod", "flat:name", "flat:foreign", "compound", "fixed", "nummod") and _is_complement(child):
            right = _right_edge(child) + 1
            if right - head.i <= max_right and not any(t.is_punct and t.text not in "-’'" for t in head.doc[end:right]):
                end = max(end, right)
            else:
                break
        elif child.dep_ in STOP_DEPS or child.dep_ == "nmod":
            break
    doc = head.doc
    while start < head.i and doc[start].lower_ in DETERMINER_WORDS:
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in DETERMINER_WORDS or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def phrase(head: Token, label: str, max_right: int = 8) -> Span:
    start, end = phrase_tokens(head, max_right)
    return Span(head.doc, start, end, label=label)


def conjuncts(token: Token) -> list[Token]:
    """All the heads coordinated with ``token`` (``nom, prénom et adresse``)."""
    return [t for t in token.conjuncts if t.pos_ in ("NOUN", "PROPN", "X")]


def negated(token: Token) -> bool:
    """``nous ne collectons pas``, ``ne vous seront jamais demandés``."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # Token objects are not unique
        verb = verb.head
    return any(child.lower_ in NEGATIONS for child in verb.children)
