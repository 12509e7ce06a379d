"""The wording that follows from the kind of document and its parties: the title
(…に関する協定書), the labels (甲, 乙 …) and the phrases the articles use for them,
です・ます, the generated closing (本書Ｎ通…) and the term of validity's article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ... import enumeration, japanese
from ...spec.term import Term

CLOSING = "{self}の{act}を証するため、本書{n}通を作成し、{compact}記名押印の上、各自その{one}通を保有する。"
# the same, the signers writing their names by hand (document.signed_by_hand): 署名, no seal
CLOSING_BY_HAND = CLOSING.replace("記名押印", "署名")


@dataclass(frozen=True)
class Kind:
    """The wording that follows the kind of document: its word (本協定, 協定を締結する),
    the act its closing attests (締結; 確認書: 成立), the preamble's verb, and the stem
    a title ends with (…協定 → …協定書).

    A kind without a word (盟約書, 協議書, 合意書, 協約書, 共同声明, 議定書, 憲章) is one whose real texts do not agree on how
    they name themselves or what they do: 江東区's 盟約書 (1989) and 芦屋市's 盟約 (1961)
    end their one paragraph …盟約する。 and name themselves nowhere; 大河原町's 協議書
    (1969, 1973) say 次のとおり協定する and 上記のとおり協定したことを証するため, not
    本協議書. For such a kind the product composes no sentence that would name it — no
    preamble, no closing, no standard article using {doc}, no generated term — and
    asks the spec for each (kind_wording.py)."""
    word: str | None
    act: str = "締結"
    verb: str = ""        # the preamble's verb when the spec gives none ("": <word>を締結する)
    stem: str = ""        # what a title ends with for …<stem> → …<stem>書 (default: word)


KINDS = {"協定書": Kind("協定"), "覚書": Kind("覚書"), "契約書": Kind("契約"),
         "確認書": Kind("確認書", act="成立", verb="確認する"),
         "盟約書": Kind(None, stem="盟約"), "協議書": Kind(None, stem="協議"),
         # 法務省 and 国税庁's 合意書 (2021): titled 合意書 alone, …次のとおり合意した。, and no
         # closing: it never names itself, as the two above
         "合意書": Kind(None, stem="合意"),
         # 常光・中丸・加納三か村's 仮協約書案 (大正, 北本市史): its preamble says 左ノ協約ヲ締結ス and its
         # closing 本協定約: a 協約書 that calls itself by no one word either
         "協約書": Kind(None, stem="協約"),
         # 鳥取県・ハバロフスク地方 (2010) and 神奈川県・ペナン州 (1991): a statement, not a 締結: 本共同声明を、
         # …保管する and この共同声明は、…再確認するものである; nothing to compose for it either
         "共同声明": Kind(None, stem="共同声明"),
         # 和歌山県・山東省's 友好県省関係締結議定書 (1984): …友好県省関係を締結する。 and この議定書は、…発効する。;
         # a kind offices and states use apart from the 協定 it may amend or found: composed for by no one word
         "議定書": Kind(None, stem="議定書"),
         # 東京医科歯科大学・東京外国語大学・東京工業大学・一橋大学's 四大学連合憲章 (2001): …ここに、四大学連合を
         # 結成する。 and …努力するものとする。; a charter that founds a union, named by no one word in its text
         "憲章": Kind(None, stem="憲章")}


# Each kind's words a title may end in (協定書, 協定; 盟約書, 盟約 …), the longest first,
# so that …協定書 is not read as …協定.
_TITLE_WORDS = sorted(((w, key) for key, k in KINDS.items() for w in {key, k.word, k.stem} if w),
                      key=lambda pair: (-len(pair[0]), pair[0]))


def title_kind(title: str) -> str | None:
    """The kind of document a title names by its last word (…協定 and …協定書: 協定書;
    …覚書; …契約: 契約書; …盟約: 盟約書 …), or None where it ends in no kind's word
    (…包括連携, …について)."""
    return next((key for w, key in _TITLE_WORDS if title.endswith(w)), None)


def named_kind(title: str) -> str | None:
    """The kind the title's last word names; where it ends in a nickname in brackets,
    the word before them (篠山市's …相互応援に関する協定（義士協定）: a 協定)."""
    found = title_kind(title)
    if found is None and title.endswith("）") and "（" in title:
        found = title_kind(title[:title.rindex("（")])
    return found


def kind_said_by_title(title: str, kind: str) -> str | None:
    """Why an agreement of several's `kind:` cannot stand, or None. Its title's last
    word names that kind already (…協定 a 協定書): the annual book counts it so without
    the key, which has no effect. Or it names another (…協定 with kind: 覚書): the book
    would list a …協定 among 覚書 under 覚書名, which the title contradicts."""
    named = named_kind(title)
    if named == kind:
        return (f"the title ({title}) ends in a {kind}'s word, so the annual book counts it as a {kind}"
                " already: kind: would have no effect; remove it")
    if named is not None:
        return (f"the title ({title}) ends in a {named}'s word, and kind: says {kind}: the annual book would"
                f" count a {named} by its title as a {kind}; write the title as the signed text has it, or"
                " remove kind:")
    return None


def title_refused(title: str, kind: str) -> str | None:
    """Why the default title (document_title) may be wrong for the agreement's name and
    the document's kind, or None where it is the name's own wording:

    - the name ends in another kind's word (a 覚書 named …連携協定): the default would
      print …協定に関する覚書 or …連携に関する覚書, a title that contradicts the name or the kind;
    - a kind without a word (盟約書, 協議書) whose name does not end in it: real texts do
      not agree on how such a document names itself, and …に関する盟約書 would be a guess."""
    named = title_kind(title)
    if named is not None and named != kind:
        word = next(w for w in (named, KINDS[named].word, KINDS[named].stem) if w and title.endswith(w))
        return (f"the agreement's name ({title}) ends in {word}, a {named}'s word, and the document is a"
                f" {kind}: a title made from the two would contradict one of them")
    if KINDS[kind].word is None and named != kind:
        return (f"the agreement's name ({title}) does not end in {KINDS[kind].stem} or {kind}, and a {kind}"
                " has no title the product may make up (real ones do not agree on how they name themselves)")
    return None


# What a 連携協定 already says it is about: …との観光振興に関する連携協定's document is the
# …連携協定書, not a second に関する (…観光振興に関する連携に関する協定書)
_QUALIFIED = ("に関する", "に係る", "にかかる", "における", "のための", "についての", "に向けた", "による")


def document_title(title: str, kind: str = "協定書") -> str:
    """The agreement's own title from the name of the agreement:
    …との包括連携協定 → …との包括連携に関する協定書 (a 覚書: …との包括連携に関する覚書),
    but …に関する連携協定 → …に関する連携協定書;
    …協定 → …協定書; 契約 → 契約書; …盟約 → …盟約書; else …に関する<kind> (unless the
    name ends with it)."""
    if title.endswith(kind):
        return title
    word = KINDS[kind].stem or KINDS[kind].word
    if title.endswith("連携協定") and not title[:-4].endswith(_QUALIFIED):
        return title[:-2] + "に関する" + kind
    if word != kind and title.endswith(word):
        return title + "書"
    return title + "に関する" + kind


def polite(text: str, writing: str) -> str:
    """Generated sentences in the document's style: …とする。 → …とします。 in です・ます."""
    if writing != "です・ます":
        return text
    return re.sub(r"(する|交わす)。", lambda m: {"する": "します", "交わす": "交わします"}[m.group(1)] + "。", text)


# What a title's との may lead into and a proof-reader keeps on its line: 東京工業大学と
# 慶應義塾大学との間における / 学生交流に関する協定書 (東京工業大学's guide), not …との / 間における…,
# which the line-breaking rules allow but no one sets.
_BETWEEN = ("間における", "間の")


def title_lines(title: str, max_chars: int = 30) -> tuple[str, ...]:
    """A long title broken after its last との (…北見工業大学との / 包括連携に関する協定書),
    the way a title is set on two lines, rather than wherever the line fills; after the
    phrase the との begins where it is …との間における or …との間の and the first line still
    holds `max_chars` (…との間における / 学生交流に関する協定書)."""
    if len(title) <= max_chars:
        return (title,)
    cut = title.rfind("との")
    if cut <= 0 or cut + 2 >= len(title):
        return (title,)
    end = cut + 2
    end += next((len(p) for p in _BETWEEN if title.startswith(p, end) and end + len(p) < len(title)
                 and end + len(p) <= max_chars), 0)
    return title[:end], title[end:]


def party_label_words(spec_labels, n: int, collective: str | None = None,
                      ids: list[str] | None = None, comma: str = "、",
                      conjunction: str = "及び") -> tuple[list[str], dict[str, str]]:
    """(the labels, one per party, or [] with a collective word) and the phrases
    the articles use: all, compact, any, other. `spec_labels` is 甲乙 (甲, 乙, 丙 … by
    order), one word for all (両市), or a label per party id ({city: 市, univ: 大学});
    `collective` (両者) is then the word for all of them in {all} and {compact}.
    `conjunction` joins the last two labels (甲及び乙; と: 甲と乙, as some texts write the pair)."""
    other = "相手方" if n == 2 else "他の当事者"
    if isinstance(spec_labels, dict) or spec_labels == "甲乙":
        if isinstance(spec_labels, dict):
            labels = [spec_labels[i] for i in ids]
            compact = enumeration.join_japanese(labels, conjunction=conjunction, comma=comma) + "が"   # 市及び大学が
        else:
            labels = enumeration.party_labels(n)
            compact = enumeration.join_japanese(labels, compact=True)   # 甲乙協議の上
        return labels, {
            "all": collective or enumeration.join_japanese(labels, conjunction=conjunction, comma=comma),
            "compact": collective or compact,
            "any": enumeration.join_japanese(labels, conjunction="又は", comma=comma),
            "other": other,
        }
    word = spec_labels
    return [], {"all": word, "compact": word, "any": word, "other": other}


def validity_text(term: Term, digit_style: str, self_word: str = "本協定", writing: str = "である",
                  blank_date: str = "", calendar: str = "era", comma: str = "、") -> str:
    """第Ｎ条（有効期間）: the term as term.py computes it (to its end, or for its
    length), with its renewal, in the document's word (本協定, 本覚書) and style, its
    dates in the house's agreement calendar; a draft's open end is its blank date."""
    fmt = lambda d: japanese.date_in(d, calendar, "none", digit_style) if d else blank_date  # noqa: E731
    if term.until_ended:
        return polite(until_ended_text(term, digit_style, self_word, fmt), writing).replace("、", comma)
    begin = fmt(term.start) if term.start_given else f"{self_word}の締結の日"
    if term.length is not None:         # 締結の日から１年間: a length, as the spec gives it
        span = japanese.format_period(*term.length, digit_style, duration=True)
        text = f"{self_word}の有効期間は、{begin}から{span}とする。"
    else:
        text = f"{self_word}の有効期間は、{begin}から{fmt(term.end)}までとする。"
    if term.renewal:
        length = japanese.format_period(*term.term, digit_style, duration=True)
        by = (f"有効期間満了の日の{japanese.format_period(*term.notice, digit_style)}前までに"
              if term.notice else "有効期間満了の日までに")
        # 書面による only where the spec says the notice is in writing (validity.notice_in_writing):
        # a condition of the agreement, which no default may add
        form = "書面による" if term.in_writing else ""
        text += (f"ただし、{by}、{{any}}のいずれからも{form}別段の意思表示がないときは、"
                 f"有効期間満了の日の翌日から起算して{length}延長するものとし、以後も同様とする。")
    return polite(text, writing).replace("、", comma)      # every word of it is the generator's


def until_ended_text(term: Term, digit_style: str, self_word: str, fmt) -> str:
    """The article of a term without an end (期限の定めなし), as disaster-relief agreements
    word it: in force from its start until a party's notice ends it. Only for a spec that
    says a notice ends it (compose refuses the article otherwise); 書面により and the
    notice period only where the spec says them, as they are conditions of the agreement."""
    begin = fmt(term.start) if term.start_given else "締結の日"
    form = "書面により" if term.in_writing else ""
    text = f"{self_word}は、{begin}から効力を生じ、{{any}}のいずれかから{form}終了の申出があるまでの間、その効力を有する。"
    if term.ending_notice:
        before = japanese.format_period(*term.ending_notice, digit_style)
        text += f"ただし、終了の申出は、終了しようとする日の{before}前までに行うものとする。"
    return text
