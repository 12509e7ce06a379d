"""The writing style of a text: である (plain) or です・ます (polite), never mixed in
one document (other_style finds the first sentence in the other). Apart from
japanese.py: only the checks of an agreement's wording ask it."""

import re

# ---------------------------------------------------------------- style of the text
# である (plain) or です・ます (polite): a document is written in one style, never mixed.
_POLITE_END = re.compile(r"(です|ます|ません|ました|でした|ましょう|でしょう|ください|下さい)$")
# A plain sentence ends with a verb or adjective in its plain form (…する, …である,
# …定める, …行う, …ない, …した). A phrase that ends with a noun (…に関すること。,
# …事項。, the items of a list) is in neither style, and fits both.
_PLAIN_END = re.compile(r"(る|た|だ|ない|う|く|す|つ|ぬ|む|ぶ|ぐ|い)$")


def _sentences(text: str) -> list[str]:
    """The sentences of a text that end with 。, without what stands in brackets
    (（以下「甲」という。） is no sentence of the text's own)."""
    prev = None
    while prev != text:
        prev, text = text, re.sub(r"（[^（）]*）|「[^「」]*」|\([^()]*\)", "", text)
    parts = text.split("。")
    return [p.strip() for p in parts[:-1] if p.strip()]


def other_style(text: str, writing: str) -> str | None:
    """The first sentence of `text` written in the other style than `writing`
    (です・ます in a である text, or the reverse), or None."""
    for sentence in _sentences(text):
        if _POLITE_END.search(sentence):
            if writing != "です・ます":
                return sentence + "。"
        elif _PLAIN_END.search(sentence) and writing == "です・ます":
            return sentence + "。"
    return None
