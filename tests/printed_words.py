"""The proof-reader's check of words: every word a built document prints is the spec's,
its house style's, or the product's standard wording (listed here, each where it comes
from). A fact the spec did not give (a name, a title, 様, a term) shows as a residue.

The PDF's text is read with its spaces and line breaks removed (NFKC, as the real
cases' facts are compared); every string the spec and its house style (and the
product's default house style) hold is taken out, longest first, then the product's
standard phrases; figures and punctuation are printed_figures.py's to check. What is
left must be one of the characters the product sets of its own: the parts of its dates
and times, its numbering and marks, 印, 記, 案. A word of one character the spec or its
style writes (a label 甲 or 市, an honorific 氏) counts as its own.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
HOUSE_STYLE = TEMPLATES / "house-style.yaml"

# the product's standard phrases (the 記 item of an attachment, 別添「協定概要」のとおり; a
# phone's 内線 (extension); the agreement's 附則 heading; a draft's 案; the kind's own word,
# 本協定). Not the generated closing's (jpdocs/content/agreement/wording.py's CLOSING:
# …の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。): its words
# are the product's only where the closing prints, the sentence the build's note quotes
# (closings_in_notes), so that its wording leaking into another place is a residue
STANDARD = ("本協定", "本覚書", "別添「", "」のとおり", "内線", "附則", "及び", "が",
            # the generated preamble and document title (content/agreement/compose.py,
            # wording.document_title): 北見市（以下「甲」という。）と…とは、<subject>に関し、
            # 次のとおり協定を締結する。; …との包括連携に関する協定書 — the spec's names and
            # subject are its own; these joints are the product's
            "以下", "という", "）と", "とは", "に関し", "次のとおり", "協定を締結する", "に関する協定書")
# the wording a notice takes where its spec leaves the key out (jpdocs/spec/schema/
# notice.py's defaults: wording, never a fact): key path → its default text
NOTICE_DEFAULTS = {("press_request", "label"): "報道に当たってのお願い",
                   ("press_request", "lead"): "当日取材いただける場合は、",
                   ("press_request", "tail"): "下記連絡先までお知らせください。",
                   ("date_suffix",): "配布",
                   ("correction", "word"): "修正"}
# the 有効期間 article the product writes from agreement.validity (content/agreement/
# wording.validity_text): 本協定の有効期間は、本協定の締結の日から…までとする。ただし、
# 有効期間満了の日の１か月前までに、甲又は乙のいずれからも別段の意思表示がないときは、
# 有効期間満了の日の翌日から起算して１年間延長するものとし、以後も同様とする。（書面による
# before 別段 where the spec says validity.notice_in_writing: its word, set in the product's phrase)
# Its dates and lengths are printed_figures.py's to check
VALIDITY = ("の有効期間は、", "の締結の日", "から", "までとする。", "とする。", "ただし、", "有効期間満了の日の",
            "前までに", "有効期間満了の日までに", "又は", "のいずれからも書面による別段の意思表示がないときは、",
            "のいずれからも別段の意思表示がないときは、",
            "翌日から起算して", "延長するものとし、以後も同様とする。", "年間", "か月間")
# the standard sets' placeholders (wording.py): {any} 甲又は乙, {other} 相手方
ARTICLE_WORDS = ("又は", "相手方", "他の当事者")
# what the product prints of its own, a character at a time: the parts of dates and times
# (令和元年７月１日（月曜日）午後２時), numbering (第３条, 第２章, 一, ア), marks and brackets,
# the seal place 印, 記, 案, 〒
OWN = set("年月日時分曜月火水木金土日午前後元平成令和昭和大正明治第条章項号印記案〒甲乙丙丁戊己"
          "一二三四五六七八九十アイウエオカキクケコ"
          "○◯●■•・◆【】[]<>/()（）「」『』:：~～-－.,、。 ")


def _strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        if node and all(isinstance(v, str) for v in node):
            yield "".join(node)           # a title broken as the text breaks it: [一行目, 二行目]
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _defaults_taken(spec: dict) -> list[str]:
    """The notice's default wording for each key its spec leaves out (NOTICE_DEFAULTS)."""
    notice = spec.get("press_notice") or {}
    taken = []
    for path, text in NOTICE_DEFAULTS.items():
        node = notice
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and path[-1] not in node:
            taken.append(text)
    return taken


def _agreements(spec: dict) -> list[dict]:
    found = [spec["agreement"]] if isinstance(spec.get("agreement"), dict) else []
    several = spec.get("agreements") or {}
    return found + [a for a in (several.values() if isinstance(several, dict) else several) if isinstance(a, dict)]


def _standard_articles(spec: dict, style: dict | None) -> list:
    """The standard article sets (雛形) the spec's agreements name (document.standard):
    the product's (or the house's) wording, chosen by the spec, which the build lists in
    a note (agreement.document.standard: articles from the standard set …)."""
    sets_file = TEMPLATES / "articles.yaml"
    if isinstance((style or {}).get("article_sets"), str):
        return []           # a house's own sets: its file is beside the spec, not known here
    named = [(a.get("document") or {}).get("standard") for a in _agreements(spec)]
    named = [n for n in named if isinstance(n, str)]
    if not named:
        return []
    sets = yaml.safe_load(sets_file.read_text(encoding="utf-8"))
    return [sets[n] for n in named if n in sets] + [list(ARTICLE_WORDS)]


def _document_titles(spec: dict) -> list[str]:
    """The agreement's own title made from its name (wording.document_title): …との包括連携
    協定 → …との包括連携に関する協定書, whose 協定書 is the product's (STANDARD)."""
    titles = ["".join(a["title"]) if isinstance(a.get("title"), list) else a.get("title") for a in _agreements(spec)]
    return [t[:-2] for t in titles if isinstance(t, str) and t.endswith("連携協定")]


def _validity_article(spec: dict) -> list:
    return list(VALIDITY) if any("validity" in a for a in _agreements(spec)) else []


def said_words(spec: dict, style: dict | None = None) -> list[str]:
    """The spec's strings (and its style's, and the default house style's, the notice's
    default wording for the keys it leaves out, the standard articles it names), folded,
    longest first."""
    house = yaml.safe_load(HOUSE_STYLE.read_text(encoding="utf-8"))
    parts = (spec, style or {}, house, _defaults_taken(spec), _standard_articles(spec, style),
             _validity_article(spec), _document_titles(spec))
    # a house style's form ({number}.) is its words around the placeholders: （例{number}） → （例, ）
    found = {piece for part in parts for s in _strings(part)
             for piece in re.split(r"\{[a-z_:]*\}", fold(s))}
    return sorted((w for w in found if w), key=len, reverse=True)


# the build's note of the generated closing (jpdocs/build/notes.generated_closing_note),
# which quotes it: its spec's file, and the closing
CLOSING_NOTE = re.compile(r"^note: (.+?):\d+: agreement\.document\.closing: not given; the generated closing"
                          r" says [^「\n]*「([^」\n]+)」", re.M)


def closings_in_notes(output: str, spec: Path | str) -> list[str]:
    """The generated closings the build's notes (its standard output) quote for the spec
    at `spec` (by its file's name, as one run names many specs): the sentence whose
    words are the product's own where it prints (unsaid_words), and nowhere else."""
    return [closing for file, closing in CLOSING_NOTE.findall(output) if Path(file).name == Path(spec).name]


def unsaid_words(text: str, said: list[str], closings: list[str] = ()) -> list[str]:
    """The runs of `text` that are neither the spec's words nor the product's own. A
    character is the spec's where any of its words (of two characters or more) covers
    it: words may overlap (総務省消防庁 and 消防庁長官 over 総務省消防庁長官). A generated
    closing (`closings`: closings_in_notes) covers where it is printed whole."""
    folded = fold(text)
    covered = [False] * len(folded)
    for word in [w for w in said if len(w) > 1] + [fold(w) for w in STANDARD] + [fold(c) for c in closings]:
        at = folded.find(word)
        while at >= 0:
            covered[at:at + len(word)] = [True] * len(word)
            at = folded.find(word, at + 1)
    own = OWN | {w for w in said if len(w) == 1}
    rest = "".join("|" if hit or c in own or c.isdigit() else c for c, hit in zip(folded, covered))
    return [run for run in rest.split("|") if run]


# what the annual book writes of its own in a row (jpdocs/annual/columns.py): its term
# （令和元年７月１日から１年間（自動更新）, …～…）, the co-signers beside the partners
# （千葉市、市原市と共同締結）, its dash for a fact not given, and the amendment's line
# （…の改定）, whose title and word are the spec's (book_row_words joins them); an
# amendment's date under the signing date, （令和３年３月23日改定）
BOOK_ROW = ("から", "年間", "か月間", "（自動更新）", "と共同締結", "－", "改定")


def book_row_words(spec: dict, style: dict | None = None) -> list[str]:
    """The words a row of the annual book may print: its own spec's (said_words), the
    book's own (BOOK_ROW), and its amendment line's 「[締結の]<title>の<word>」 (columns.py's
    （{day}締結の{title}の{word}）, 変更 where the spec names no word)."""
    joined = [fold(("締結の" if a["amends"].get("signing_date") else "") + a["amends"]["title"] + "の"
                   + (a["amends"].get("word") or "変更"))
              for a in _agreements(spec) if isinstance(a.get("amends"), dict) and a["amends"].get("title")]
    # （期限の定めなし）: the book's words for a term the spec says has no end (validity.until_ended)
    no_end = [fold("（期限の定めなし）") for a in _agreements(spec) if (a.get("validity") or {}).get("until_ended")]
    return sorted(set(said_words(spec, style)) | {fold(w) for w in BOOK_ROW} | set(joined) | set(no_end),
                  key=len, reverse=True)

# what the annual book writes of its own around its rows (jpdocs/annual/blocks.py,
# kinds.py): its title (令和６年度　連携協定締結状況, 協定等締結状況 …: the year's label
# and the book's word for what it lists), the span（令和６年４月１日～令和７年３月31日締結分）,
# 締結件数　12件, 目次, 締結状況一覧, 各協定の概要, 原協定 over an amended agreement and
# 改定日 over its amendments (the plain sheet)
BOOK = ("年度", "連携協定締結状況", "協定締結状況", "協定等締結状況", "盟約締結状況", "覚書締結状況",
        "確認書成立状況", "締結分", "締結件数", "件", "目次", "締結状況一覧", "各協定の概要", "各協定等の概要",
        "各盟約の概要", "各覚書の概要", "原協定", "改定日")
