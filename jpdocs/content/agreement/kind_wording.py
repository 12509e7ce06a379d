"""A kind of document whose real texts do not agree on how they name themselves
(盟約書, 協議書: wording.Kind without a word): every sentence the product would
compose naming it — the preamble (…次のとおり協定を締結する。), the closing
(本協定の締結を証するため、…), a standard article using {doc} (本協定は、…) and the
generated term of validity (本協定の有効期間は、…) — is the spec's to write. Each
is refused here, at the key that would make it, never guessed."""
from __future__ import annotations

from .fill import all_text, refs_in

D = ("agreement", "document")
SELF = "{doc}"      # the placeholder of the document's word (articles.yaml); drafts.py puts it in the term too


def check_kind_wording(doc, kind, drafts, problem) -> None:
    """Nothing composed that would name a document of a kind without a word."""
    if kind.word is not None:
        return
    if not doc.prose and doc.preamble is None:
        problem(D + ("preamble",), f"a {doc.kind} says what it does in its own words (real ones: 盟約する,"
                                   " 協定する), and the generated preamble would say 次のとおり…を締結する。:"
                                   " write document.preamble as the text has it, or preamble: false")
    if not doc.prose and doc.closing is None:
        problem(D + ("closing",), f"a {doc.kind} names itself in its own words, where at all (real ones do not"
                                  " agree), and the generated closing would say 本…の締結を証するため:"
                                  " write document.closing as the text has it")
    order = [d.name for d in drafts]
    for d in drafts:
        if not d.fill:
            continue                      # the spec's own text, printed as written
        text = d.text
        if d.otherwise is not None and any(r not in order for r in refs_in(text)):
            text = d.otherwise            # the text compose() prints (an article it names is missing)
        if SELF in all_text(text):
            problem(D + ("standard",), f"the article 「{d.heading or d.name}」 of the standard set"
                                       f" '{doc.standard}' names the document by its word ({SELF}: 本協定,"
                                       f" 本覚書 …), and a {doc.kind} has none the product may write (real ones"
                                       f" do not agree): give the article a text of its own"
                                       f" (document.articles.{d.name}.text), or remove it")
