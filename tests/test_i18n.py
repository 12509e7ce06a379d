"""Messages in Japanese where the reader's language is Japanese (jpdocs/i18n.py).

The build's messages are written in English in the code; the catalogue
jpdocs/locale/ja/LC_MESSAGES/jpdocs.po holds their English templates with Japanese
beside them. These tests run the real generator: the bad-spec corpus, the bundled
specs and a set of one-mistake variants of the seed spec, and check that

- with LANG=ja_JP.UTF-8 each problem is said in Japanese, at the same file, line and key;
- every template of the catalogue still matches a message the code really writes
  (a changed English text cannot silently lose its translation);
- without a Japanese locale the output is byte for byte the English one;
- the app shows a problem at its field in the request's language;
- each .mo is what its .po compiles to.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jpdocs import i18n
from jpdocs.errors import InputError

from conftest import ROOT, SEED_SPEC

BAD = Path(__file__).resolve().parent / "bad_specs"
SPECS = ROOT / "specs"
JA = i18n.messages("ja")
KANA = re.compile(r"[ぁ-んァ-ン]")

# One mistake each in the seed spec (text replaced: old → new), for the messages the
# bad-spec corpus does not reach. Each must give a problem, a warning or a note.
SEED = SEED_SPEC.read_text(encoding="utf-8")
VARIANTS = {
    "month-13": ("issue_date: 2024-02-16", "issue_date: 2024-13-01"),
    "standard-not-comprehensive": ("  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定",
                                   "  title: 北海道オホーツク総合振興局と北見工業大学との観光振興に関する連携協定"),
    "paragraph-begun-with-space": ("    - つきましては、", "    - 　つきましては、"),
    "email-full-width": ("      phone: 0152-41-0618", "      phone: 0152-41-0618\n      email: chiiki＠pref.example.jp"),
    "venue-left-empty": [("venue: オホーツク合同庁舎　１階保健所会議室", "venue:"),
                         ("    venue_address: 網走市北７条西３丁目\n", "")],
    "era-ended": ("issue_date: 2024-02-16", "issue_date: 平成31年5月1日"),
    "minute-61": ('start: "11:00"', 'start: "11:61"'),
    "start-note-beside-end": ('start: "11:00"', 'start: "11:00"\n    end: "11:30"\n    start_note: 現地時間'),
    "time-prefix-without-time": ('start: "11:00"', 'time_prefix: 現地時間'),
    "time-words": ('start: "11:00"', 'start: "eleven"'),
    "date-words": ("issue_date: 2024-02-16", "issue_date: 2月16日"),
    "year-0": ("issue_date: 2024-02-16", 'issue_date: "0000-02-16"'),
    "undeclared-no-close": ("signatories: [bureau, kitami_it]", "signatories: [bureau, zzz]"),
    "text-got-list": ("  subject: 北海道", "  subject: [北海道"),
    "text-got-bool": ("  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について",
                      "  subject: true"),
    # a text that cannot be false (agreement.title; the subject may be false since subject: false)
    "subject-of-one-line": ("  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について",
                            "  subject: [北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について]"),
    "text-got-bool-title": ("  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定\n", "  title: true\n"),
    # the same for an agreement document's title (checks.py)
    "title-of-one-line": ("    standard: 包括連携           # the house's standard articles (templates/articles.yaml)",
                          "    standard: 包括連携\n    title: [北海道オホーツク総合振興局と北見工業大学との包括連携協定書]"),
    "empty-text": ("  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について",
                   '  subject: ""'),
    "block-got-number": ("  ceremony:\n    date: 2024-02-27", "  ceremony: 5\n  ceremonyx:\n    date: 2024-02-27"),
    "list-got-block": ("  opening:\n    - 今般", "  opening:\n    a: 今般"),
    "unknown-no-close": ("press_notice:\n", "press_notice:\n  zzzzzzzzzz: 1\n"),
    "moved-key": ("  document:                    # the agreement document (協定書), 甲乙 labels\n",
                  "  purpose: x\n  document:\n"),
    "soft-hyphen": ("venue: オホーツク合同庁舎", "venue: オホーツク\u00ad合同庁舎"),
    "two-emoji": ("  subject: 北海道", "  subject: 🎉🎊北海道"),
    "ascii-space": ("venue: オホーツク合同庁舎", "venue: オホーツク 合同庁舎"),
    "radical": ("name: 中島　和彦", "name: 中島　和\u2F24"),
    "term-chosen": ("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n", ""),
    "term-from-start": ("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n",
                        "    start: 2024-05-01\n"),
    "writing-three": ("    standard: 包括連携", "    writing: x\n    standard: 包括連携"),
    "too-few": ("  opening:\n    - 今般", "  opening: []\n  openingx:\n    - 今般"),
    "attachment-missing": ("attachments: [{title: 連携協定の概要, document: overview}]",
                           "attachments: [{title: 連携協定の概要, file: nowhere.pdf}]"),
    "attachment-not-pdf": ("attachments: [{title: 連携協定の概要, document: overview}]",
                           "attachments: [{title: 連携協定の概要, file: 'variant.yaml'}]"),
    "too-tall": ("      - 公共サービスの充実", "      - " + "長い文章。" * 900 + "公共サービスの充実"),
    "yaml-no-colon": ("  subject: 北海道", "  subject 北海道"),
    "yaml-indent": ("    date: 2024-02-27\n    start:", "    date: 2024-02-27\n   start:"),
    "yaml-open-quote": (SEED, SEED + 'x: "abc\n'),
    "yaml-alias": ("    venue: ", "    venue: *nowhere\n    venuex: "),
    "yaml-unhashable": ("press_notice:\n", "press_notice:\n  ? [a, b]\n  : c\n"),
    "yaml-anchor-twice": ("    venue: ", "    venue: &a x\n    venuey: &a y\n    venuex: "),
    "text-got-block": ("  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について",
                       "  subject: {a: 1}"),
    "draft": [("  signing_date: 2024-02-27", "  signing_date: null"),
              ("    standard: 包括連携", "    draft: true\n    standard: 包括連携"),
              ("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n", "")],
    "draft-nothing-open": ("    standard: 包括連携", "    draft: true\n    standard: 包括連携"),
    "term-in-the-year": [("  signing_date: 2024-02-27", "  signing_date: 2024-06-03"),
                         ("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n",
                          "")],
    "term-late-start": ("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n",
                        "    start: 2025-01-10\n"),
    "term-long-notice": [("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n",
                          "    start: 2024-10-01\n"), ("renewal_notice: 1か月", "renewal_notice: 6か月")],
    "term-long-notice-signing": [("  signing_date: 2024-02-27", "  signing_date: 2024-10-01"),
                                 ("    end: 2025-03-31            # the first term runs to the end of the next"
                                  " fiscal year\n", ""), ("renewal_notice: 1か月", "renewal_notice: 6か月")],
    "articles-changed-and-own": ("    standard: 包括連携",
                                 "    standard: 包括連携\n    articles: {costs: {heading: 経費負担}}\n"
                                 "    extra_articles: [{heading: 個人情報の保護, after: confidentiality,"
                                 " text: [甲及び乙は、個人情報を適正に取り扱う。]}]"),
    "articles-changed": ("    standard: 包括連携", "    standard: 包括連携\n    articles: {costs: {heading: 経費負担}}"),
    "articles-own": ("    standard: 包括連携",
                     "    standard: 包括連携\n    extra_articles: [{heading: 個人情報の保護, after: confidentiality,"
                     " text: [甲及び乙は、個人情報を適正に取り扱う。]}]"),
    "honorific-own": ("    short_name: オホーツク総合振興局\n", "    short_name: オホーツク総合振興局\n    honorific: 様\n"),
    "no-representative": ("    representative:\n      title: 北海道オホーツク総合振興局長\n      name: 中島　和彦\n", ""),
    "unknown-article": ("    standard: 包括連携", "    standard: 包括連携\n    articles: {costz: {heading: 経費負担}}"),
    "unknown-article-far": ("    standard: 包括連携", "    standard: 包括連携\n    articles: {zzzzzzzz: {heading: 経費負担}}"),
    "unknown-set": ("    standard: 包括連携", "    standard: 包括連帯"),
    "unknown-set-far": ("    standard: 包括連携", "    standard: ぜんぜんちがう"),
    "term-unmeetable": ("renewal_notice: 1か月", "renewal_notice: 14か月"),
    "time-and-part-of-day": ('    start: "11:00"', '    start: "11:00"\n    time_of_day: 午前'),
    "end-without-start": ('    start: "11:00"', '    end: "12:00"'),
    "time-without-date": ("    date: 2024-02-27\n    start:", "    start:"),
    "address-without-venue": ("    venue: オホーツク合同庁舎　１階保健所会議室\n", ""),
    "honorific-issuing": ("    honorific: 様\n", "    honorific: 様\n    issuing: true\n"),
    "title-only-in-agreement": ("      name: 中島　和彦\n", ""),
    "title-only-notice": [
        ("      name: 中島　和彦\n", ""),
        ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
         "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
         "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n", "")],
    "title-only-reading-honorific": ("      name: 鈴木　聡一郎\n", "      reading: すずき　そういちろう\n"),
    # (without the ceremony's signatories and 次第, refused where ki lists neither: the note is the build's)
    "note-no-notice": [("      name: 中島　和彦\n", "      name: 中島　和彦\n      note: 予定\n"),
                       ("  closing_ijo:", "  ki: [date, place]\n  closing_ijo:"),
                       ("    signatories: [bureau, kitami_it]\n    agenda: [出席者紹介, 協定書への署名, 記念撮影,"
                        " 局長及び学長からの挨拶, 質疑応答（事務方対応）]\n", "")],
    # a head beside the signatory who signs in its place: printed nowhere (spec/signer_checks.py)
    "head-beside-signatory": ("      name: 中島　和彦\n",
                              "      name: 中島　和彦\n    signatory: {title: 副局長, name: 北見　太郎}\n"),
    # … whose name the signatory's title writes: taken, its one effect said in a note (build/unprinted.py)
    "head-named-by-signatory": ("      name: 中島　和彦\n",
                                "      name: 中島　和彦\n    signatory: {title: \"局長　中島　和彦　代理　副局長\","
                                " name: 北見　太郎}\n"),
    "note-not-signing": [("      name: 中島　和彦\n", "      name: 中島　和彦\n      note: 予定\n"),
                         ("    representative:\n      title: 北海道オホーツク総合振興局長\n",
                          "    signatory: {title: 副局長, name: 北見　太郎}\n"
                          "    representative:\n      title: 北海道オホーツク総合振興局長\n")],
    "no-representative-after": [
        ("    representative:\n      title: 北海道オホーツク総合振興局長\n      name: 中島　和彦\n", ""),
        ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
         "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
         "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n", ""),
        ("  closing_ijo: false", "  ki: [date, place, agenda]\n  closing_ijo: false"),
        ("    signatories: [bureau, kitami_it]\n", ""),
        ("  contacts:\n", "  after: {issue_date: 2024-02-27, opening: [締結しました。]}\n  contacts:\n")],
    "no-representative-notice-only": [
        ("    representative:\n      title: 北海道オホーツク総合振興局長\n      name: 中島　和彦\n", ""),
        ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
         "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
         "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n", "")],
    "annex-two-kinds": ("    standard: 包括連携", "    annexes: [{heading: 別表, parts: [{text: 記, title: 様式}]}]\n"
                                              "    standard: 包括連携"),
    "annex-align-alone": ("    standard: 包括連携", "    annexes: [{heading: 別表, parts: [{title: 様式, align: right}]}]\n"
                                                "    standard: 包括連携"),
    "annex-21-items": ("    standard: 包括連携", "    annexes: [{heading: 別表, parts: [{item_marker: ⑴, items: ["
                                             + ", ".join(["項目"] * 21) + "]}]}]\n    standard: 包括連携"),
}
# An agreement's text in another language (document.translations): one mistake each.
_EN_BLOCKS = "{party: bureau, lines: [Director]}, {party: kitami_it, lines: [President]}"


def _en(signers: str = _EN_BLOCKS, paragraph: str = "We agree.", twice: bool = False) -> tuple[str, str]:
    one = f"{{language: en, title: AGREEMENT, paragraphs: [{paragraph}], signers: [{signers}]}}"
    return ("    standard: 包括連携", f"    translations: [{one}{', ' + one if twice else ''}]\n    standard: 包括連携")


VARIANTS.update({
    # the document saying what the house says already (article_numerals: figures)
    "article-numerals-as-house": ("    standard: 包括連携", "    article_numerals: figures\n    standard: 包括連携"),
    "translation-twice": _en(twice=True),
    "translation-japanese": _en(paragraph="We agree、"),
    "translation-unknown-party": _en(signers=_EN_BLOCKS.replace("party: kitami_it", "party: kitami")),
    "translation-party-twice": _en(signers=_EN_BLOCKS.replace("party: kitami_it", "party: bureau")),
    "translation-party-missing": _en(signers="{party: bureau, lines: [Director]}"),
})
# The 記 block (ki:) and the contacts (notice.py): each variant one mistake.
_KI = "  closing_ijo: false"


def _ki(body: str) -> tuple[str, str]:
    return _KI, "  ki:\n" + body + _KI


_C0 = "    - role: 担当窓口\n      department: オホーツク総合振興局地域創生部\n"
VARIANTS.update({
    "access-without-venue": ("    venue: オホーツク合同庁舎　１階保健所会議室\n    venue_address: 網走市北７条西３丁目\n",
                             "    access: [網走駅から徒歩10分]\n"),
    "ki-unknown-item": _ki("    - date\n    - plase\n"),
    "ki-unknown-item-far": _ki("    - zzzzzzzz\n"),
    "ki-builtin-with-text": _ki("    - {item: date, text: [x]}\n"),
    "ki-unlabelled-builtin": _ki("    - {item: date, label: false}\n"),
    "ki-unlabelled-list": _ki("    - {label: false, list: [x]}\n"),
    "ki-label-list": _ki("    - {label: [x], text: [y]}\n"),
    "ki-twice": _ki("    - date\n    - date\n"),
    "ki-fact-missing": _ki("    - schedule\n"),
    "ki-no-label": _ki("    - {text: [x]}\n"),
    "ki-holds-nothing": _ki("    - {label: 出席者}\n"),
    "ki-two-contents": _ki("    - {label: 出席者, text: [a], list: [b]}\n"),
    "ki-empty": _ki("    - {label: 出席者, text: []}\n"),
    "ki-others-without-people": _ki("    - {label: 出席者, text: [a], others: ほか}\n"),
    "ki-table-ragged": _ki("    - {label: 出席者, table: [[a, b], [c]]}\n"),
    "ki-person-empty": _ki("    - {label: 出席者, people: [{note: 予定}]}\n"),
    # a person's honorific and role (佐藤　章　様（立会人）): without a name, in brackets, in a contact
    "ki-person-honorific-no-name": _ki("    - {label: 出席者, people: [{title: 北見市長, honorific: 様, role: 立会人}]}\n"),
    # 様 typed into a name (h126): twice with the honorific, on the office's own, or as typed
    "name-sama-no-honorific": [("      name: 鈴木　聡一郎", "      name: 鈴木　聡一郎　様"), ("    honorific: 様\n", "")],
    "name-sama-own-head": ("      name: 中島　和彦", "      name: 中島　和彦　様"),
    "name-sama-contact": ("name: 杉村　勝彦", "name: 杉村　勝彦　様"),
    "ki-person-name-sama": _ki("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 出席者, people: [{title: 北見市長, name: 辻　直孝　様}]}\n"),
    "ki-person-name-sama-honorific": _ki("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 出席者, people: [{title: 北見市長, name: 辻　直孝　様, honorific: 様}]}\n"),
    "ki-person-role-brackets": _ki("    - {label: 出席者, people: [{name: 佐藤, role: （立会人）}]}\n"),
    # each party's words after its last signer (others_per_party): where it has no effect or no party
    "ki-others-per-party-own-item": _ki("    - {label: 出席者, people: [{name: 辻}], others_per_party: {bureau: ら3名}}\n"),
    "ki-others-per-party-builtin": _ki("    - {item: date, others_per_party: {bureau: ら3名}}\n"),
    "ki-others-per-party-empty": _ki("    - {item: signatories, others_per_party: {}}\n"),
    "ki-others-per-party-and-others": _ki("    - {item: signatories, others: ほか, others_per_party: {bureau: ら3名}}\n"),
    "ki-others-per-party-unknown": _ki("    - {item: signatories, others_per_party: {zzz: ら3名}}\n"),
    "ki-others-per-party-not-signing": [_ki("    - {item: signatories, others_per_party: {kitami_it: ら3名}}\n"),
                                        ("signatories: [bureau, kitami_it]", "signatories: [bureau]")],
    "ki-extra-items": [_ki("    - date\n    - place\n    - signatories\n    - agenda\n"),
                       ("    agenda:", "    extra_items: [{label: 内容, text: [a]}]\n    agenda:")],
    "ki-heading-with-item": _ki("    - {heading: ＜概要＞, item: date}\n    - place\n    - signatories\n    - agenda\n"),
    "ki-heading-last": _ki("    - date\n    - place\n    - signatories\n    - agenda\n    - {heading: ＜概要＞}\n"),
    "ki-heading-twice": _ki("    - {heading: ＜概要＞}\n    - {heading: ＜日時＞}\n    - date\n    - place\n"
                            "    - signatories\n    - agenda\n"),
    "ki-label-twice": _ki("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 出席者, text: [a]}\n    - {label: 出席者, text: [b]}\n"),
    "contact-people-and-name": (_C0, _C0 + "      people: [{title: 課長, name: 杉村}]\n"),
    "contact-person-empty": (_C0, _C0.replace("      department", "      people: [{note: 予定}]\n      department")),
    "contact-person-honorific": (_C0, _C0.replace("      department",
                                                   "      people: [{name: 杉村, honorific: 様}]\n      department")),
    "name-label-without-name": ("      name: 道下\n", ""),
    "person-label-with-people": (_C0, _C0 + "      person_label: 担当：\n      people: [{title: 課長, name: 杉村}]\n"),
    "person-label-beside-name-label": ("      name_label: 担当\n", "      name_label: 担当\n      person_label: 担当：\n"),
    "person-label-without-person": ("      name_label: 担当\n      name: 道下\n", "      person_label: 担当：\n"),
    "contact-phones-and-phone": (_C0, _C0 + "      phones: [{number: 0152-41-0618}]\n"),
    "phone-kind-without-phone": ("      phone: 0152-41-0618\n", ""),
    "phone-kind-extension": ("      phone_kind: 直通\n", "      phone_kind: 内線\n"),
    "phone-kind-fax": ("      phone_kind: 直通\n", "      phone_kind: ＦＡＸ\n"),
    "postal-without-address": (_C0, _C0 + "      postal_code: 093-8585\n"),
    "postal-bad": (_C0, _C0 + "      postal_code: '0938585'\n      address: 網走市\n"),
})
# The agreement's articles, parties and labels (articles.py, spec/checks.py), a part
# too tall for any page (writers/problems.py); a final- variant is checked with --final.
_STD = "    standard: 包括連携"
_STD_LINE = "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
_PURPOSE = "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n"
_AREAS = SEED[SEED.index("  areas:\n"):SEED.index("\npress_notice:") + 1]
_EXTRA = "    extra_articles: [{heading: 個人情報の保護, text: [甲及び乙は、個人情報を適正に取り扱う。]}]\n"
_CITY = "  city:\n    name: 網走市\n    representative: {title: 網走市長, name: 水谷　洋一}\n\nagreement:"
_DEADLINE = "    deadline: 2024-02-21T17:00\n"
_CLOSING = "本協定の締結を証するため、本書３通を作成し、甲、乙及び立会人が記名押印の上、各自その１通を保有する。"
VARIANTS.update({
    "writing-mismatch": (_STD, "    writing: です・ます\n" + _STD),
    "no-article": (_STD_LINE, ""),
    "two-headings": (_STD, _STD + "\n    extra_articles: [{heading: 費用負担, text: [甲及び乙は、協議する。]}]"),
    "chapter-unknown": (_STD, _STD + "\n    chapters: [{heading: 総則, first: nosuch}]"),
    "chapter-late": (_STD, _STD + "\n    chapters: [{heading: 連携, first: areas}]"),
    "chapter-order": (_STD, _STD + "\n    chapters: [{heading: 総則, first: purpose}, {heading: 雑則, first: costs},"
                                   " {heading: 連携, first: areas}]"),
    "purpose-missing": (_PURPOSE, ""),
    "no-subject": (_STD_LINE, _EXTRA),
    "mixed-style": (_STD, _STD + "\n    extra_articles: [{heading: 個人情報の保護, text: [甲及び乙は、個人情報を適正に取り扱います。]}]"),
    "kind-word": (_STD, _STD + "\n    extra_articles: [{heading: 個人情報の保護, text: [本覚書に基づき、甲及び乙は協議する。]}]"),
    # a kind without a word (盟約書): its preamble, closing and the set's {doc} articles refused
    "kind-covenant": (_STD, _STD + "\n    kind: 盟約書"),
    # a 盟約書 named …盟約 (its title its own): what its own words need, unrefused
    "kind-covenant-named": [("  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定",
                             "  title: 北海道オホーツク総合振興局と北見工業大学との友好盟約"),
                            (_STD, _STD + "\n    kind: 盟約書")],
    # a 盟約書 named in no kind's word: its title refused, then its own words
    "kind-covenant-unnamed": [("  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定",
                               "  title: 北海道オホーツク総合振興局と北見工業大学との友好"),
                              (_STD, _STD + "\n    kind: 盟約書")],
    # one agreement's own kind: beside its document, whose document.kind says it
    "kind-beside-document": ("  document:                    # the agreement document (協定書), 甲乙 labels\n",
                             "  kind: 覚書\n  document:\n"),
    "preamble-number": (_STD, _STD + "\n    preamble: 7"),
    "preamble-list": (_STD, _STD + "\n    preamble: [a]"),
    # a preamble as its paragraphs: a heading after them, a centred line before them, none at all
    "preamble-heading-late": (_STD, _STD + "\n    preamble: [a, {heading: 基本方針}]"),
    "preamble-centred-early": (_STD, _STD + "\n    preamble: [{text: 記, align: center}, a]"),
    "preamble-heading-alone": (_STD, _STD + "\n    preamble: [{heading: 基本方針}]"),
    "preamble-heading-numbered": (_STD, _STD + "\n    preamble: [{heading: 基本方針}, a, b]"),
    "closing-one-paragraph": (_STD, _STD + "\n    closing: [a]"),
    "closing-true": (_STD, _STD + "\n    closing: true"),
    # an article's paragraphs from the first: as the house numbers them already, or no article of two
    "paragraph-numbers-house": (_STD, _STD + "\n    paragraph_numbers: from_second"),
    "paragraph-numbers-no-article-of-two": (_STD_LINE, _EXTRA + "    subject: 連携\n    paragraph_numbers: from_first\n"),
    "header-number": (_KI, _KI + "\n  header: 7"),
    "labels-number": (_STD, _STD + "\n    labels: 7"),
    "labels-list": (_STD, _STD + "\n    labels: [a]"),
    "preamble-labels": (_STD, _STD + "\n    preamble: 北海道オホーツク総合振興局と北見工業大学は、次のとおり協定を締結する。"),
    "preamble-label": (_STD, _STD + "\n    preamble: 北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学は、次のとおり協定を締結する。"),
    "preamble-and-subject": (_STD, _STD + "\n    subject: 連携\n    preamble: 北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」という。）は、次のとおり協定を締結する。"),
    "articles-without-set": (_STD_LINE, _EXTRA + "    articles: {costs: {heading: 経費負担}}\n"),
    "article-from-areas": [(_AREAS, ""), ("attachments: [{title: 連携協定の概要, document: overview}]", "attachments: [連携協定の概要]"),
                           (_STD, _STD + "\n    articles: {areas: {heading: 連携の内容}}")],
    "remove-and-heading": (_STD, _STD + "\n    articles: {costs: {remove: true, heading: 経費}}"),
    "extra-after-unknown": (_STD, _STD + "\n    extra_articles: [{heading: 個人情報の保護, after: confidentialty, text: [甲及び乙は、協議する。]}]"),
    "extra-after-unknown-far": (_STD, _STD + "\n    extra_articles: [{heading: 個人情報の保護, after: zzzzzzzzz, text: [甲及び乙は、協議する。]}]"),
    "ref-removed": (_STD, _STD + "\n    articles: {purpose: {remove: true}}"),
    "catch-all-twice": ("        - 公共交通の利用促進　等\n", "        - 公共交通の利用促進　等\n    - heading: その他必要と認める事項\n"),
    "one-party": [(SEED[SEED.index("  kitami_it:"):SEED.index("\nagreement:")], ""),
                  ("signatories: [bureau, kitami_it]", "signatories: [bureau]")],
    "deadline-no-tail": (_DEADLINE, _DEADLINE + "    tail: ' '\n"),
    "tail-madeni": (_DEADLINE, _DEADLINE + "    tail: までに下記連絡先までお知らせください。\n"),
    "sub-items-run-out": (_STD, _STD + "\n    extra_articles: [{heading: 事業, text: [{text: 次の事業を行う。, items: [{text: 事業, items: ["
                          + ", ".join(f"事業{i}" for i in range(50)) + "]}]}]}]"),
    "two-party-word": [("\nagreement:", "\n" + _CITY), (_STD, _STD + "\n    collective: 両者")],
    "labels-unknown-party": (_STD, _STD + "\n    labels: {bureau: 甲, kitami: 乙}"),
    "labels-unknown-party-far": (_STD, _STD + "\n    labels: {bureau: 甲, zzzzzzz: 乙}"),
    "labels-same": (_STD, _STD + "\n    labels: {bureau: 甲, kitami_it: 甲}"),
    "labels-word-and-collective": (_STD, _STD + "\n    labels: 両者\n    collective: 双方"),
    "area-items-without-areas": [(_AREAS, ""), ("attachments: [{title: 連携協定の概要, document: overview}]", "attachments: [連携協定の概要]"),
                                 (_STD, _STD + "\n    area_items: true")],
    "overview-without-areas": (_AREAS, ""),
    "fiscal-year-out": ("  signing_date: 2024-02-27", "  signing_date: 9999-05-01"),
    "amended-before": ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  amendments: [{date: 2024-01-01}]"),
    "amends-not-before": ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  amends: {title: 包括連携協定, signing_date: 2024-02-27}"),
    # the document's own text dating the 原協定 otherwise than agreement.amends, or where it gives no date
    "amends-other-day": [("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  amends: {title: 包括連携協定, signing_date: 2020-04-01}"),
                         (_STD, _STD + "\n    preamble: 北海道オホーツク総合振興局（以下「甲」という。）と国立大学法人北海道国立大学機構　北見工業大学（以下「乙」という。）は、令和２年４月２日付包括連携協定の一部を次のとおり変更する。")],
    "amends-no-day": [("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  amends: {title: 包括連携協定}"),
                      (_STD, _STD + "\n    preamble: 北海道オホーツク総合振興局（以下「甲」という。）と国立大学法人北海道国立大学機構　北見工業大学（以下「乙」という。）は、令和２年４月２日に締結した包括連携協定の一部を次のとおり変更する。")],
    "empty-field": ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  fields: {' ': 包括連携}"),
    "too-tall-cell": ("  closing_ijo: false", "  ki:\n    - date\n    - place\n    - signatories\n    - agenda\n    - label: 内容\n      table: [[a, " + "長い文章。" * 900 + "]]\n  closing_ijo: false"),
    "witness-no-closing": (_STD, _STD + "\n    witnesses: [{representative: {title: 北海道知事, name: 北　一郎}}]"),
    "witness-title-only": (_STD, _STD + "\n    closing: " + _CLOSING + "\n    witnesses: [{representative: {title: 北海道知事}}]"),
    "witness-label-reading": (_STD, _STD + "\n    closing: " + _CLOSING + "\n    witnesses: [{label: 乙, representative:"
                              " {title: 北海道知事, name: 北　一郎, reading: きた いちろう}}]"),
    # a fact of the ceremony no item of ki: prints: refused by the build (spec/unprinted.py)
    "ki-venue-unlisted": ("  closing_ijo:", "  ki: [date, signatories, agenda]\n  closing_ijo:"),
    # (the reading alone: refused by the build, after the agreement's text refused the label above)
    "witness-reading": (_STD, _STD + "\n    closing: " + _CLOSING + "\n    witnesses: [{representative:"
                        " {title: 北海道知事, name: 北　一郎, reading: きた いちろう}}]"),
    "witness-note": (_STD, _STD + "\n    closing: " + _CLOSING + "\n    witnesses: [{representative:"
                     " {title: 北海道知事, name: 北　一郎, note: 予定}}]"),
    "witness-name-sama": (_STD, _STD + "\n    closing: " + _CLOSING + "\n    witnesses: [{representative: {title: 北海道知事, name: 北　一郎　様}}]"),
    "witness-copies": (_STD, _STD + "\n    copies: true\n    closing: " + _CLOSING
                       + "\n    witnesses: [{representative: {title: 北海道知事, name: 北　一郎}}]"),
    "final-draft": [("  signing_date: 2024-02-27", "  signing_date: null"), (_STD, "    draft: true\n" + _STD),
                    ("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n", "")],
    "final-draft-nothing-open": (_STD, "    draft: true\n" + _STD),
    "new-page-first-paragraph": (_STD, _STD + "\n    extra_articles: [{heading: 個人情報の保護,"
                                              " text: [{text: 甲及び乙は、個人情報を適正に取り扱う。, new_page: true}]}]"),
    "new-page-no-heading-line": (_STD, _STD + "\n    extra_articles: [{text: [甲及び乙は、個人情報を適正に取り扱う。],"
                                              " new_page: after_heading}]"),
    "new-page-removed": (_STD, _STD + "\n    articles: {costs: {remove: true, new_page: true}}"),
    # the text before a new page longer than a page (build/page_notes.py): from the text's
    # beginning, and from the break before it
    "new-page-text-too-long": (_STD, _STD + "\n    articles: {promotion: {new_page: true}}\n    extra_articles:"
                               " [{heading: 長文, after: purpose, text: [%s]}]" % ", ".join(["甲及び乙は、相互に協力する。"] * 45)),
    "new-page-after-break-too-long": (_STD, _STD + "\n    articles: {areas: {new_page: true}, promotion: {new_page: true}}"
                                      "\n    extra_articles: [{heading: 長文, after: areas, text: [%s]}]"
                                      % ", ".join(["甲及び乙は、相互に協力する。"] * 45)),
    "eleven-parties": ("\nagreement:", "".join(f"\n  p{i}:\n    name: 団体{i}\n    representative: {{title: 代表, name: 氏名{i}}}" for i in range(9)) + "\n\nagreement:"),
})
# A joint ceremony (press_notice.also, joint.py): the other specs a variant names are
# COMPANIONS, written beside the variants but not in the corpus themselves.
_AGREEMENT_ONLY = SEED[:SEED.index("press_notice:")]
_PARTIES_ONLY = SEED[:SEED.index("\nagreement:") + 1]
COMPANIONS = {
    "companion-agreement.yaml": _AGREEMENT_ONLY,
    "companion-notice.yaml": SEED,
    "companion-joint.yaml": SEED.replace("press_notice:\n", "press_notice:\n  also: [companion-agreement.yaml]\n", 1),
    "companion-parties-only.yaml": _PARTIES_ONLY,
    "companion-broken.yaml": _AGREEMENT_ONLY.replace("signing_date: 2024-02-27", "signing_date: 2024-02-30"),
    "companion-other-signer.yaml": _AGREEMENT_ONLY.replace("name: 中島　和彦", "name: 中島　和夫"),
    "companion-honorific.yaml": _AGREEMENT_ONLY.replace("    short_name: オホーツク総合振興局\n",
                                                       "    short_name: オホーツク総合振興局\n    honorific: 様\n").replace(
        "    honorific: 様\n    statements:\n      - 「人を", "    statements:\n      - 「人を").replace(
        "issuer: 北海道オホーツク総合振興局", "issuer: 北見工業大学"),
    "companion-null-name.yaml": _AGREEMENT_ONLY.replace("name: 中島　和彦", "name: null").replace(
        "  signing_date: 2024-02-27", "  signing_date: null").replace("    standard: 包括連携", "    draft: true\n    standard: 包括連携"),
    "companion-no-areas.yaml": _AGREEMENT_ONLY[:_AGREEMENT_ONLY.index("  areas:\n")],
    # the same head by the title alone (no document, which would need the name)
    "companion-title-only.yaml": _AGREEMENT_ONLY.replace("      name: 中島　和彦\n", "").replace(
        _AGREEMENT_ONLY[_AGREEMENT_ONLY.index("  document:"):_AGREEMENT_ONLY.index("  areas:")], ""),
    # an agreement for the annual book only (no document): its parties need no signer of their own
    "companion-no-representative.yaml": _AGREEMENT_ONLY.replace(
        "    representative:\n      title: 北海道オホーツク総合振興局長\n      name: 中島　和彦\n", "").replace(
        _AGREEMENT_ONLY[_AGREEMENT_ONLY.index("  document:"):_AGREEMENT_ONLY.index("  areas:")], ""),
}


def _also(*names, extra=()):
    return [("press_notice:\n", "press_notice:\n  also: [" + ", ".join(names) + "]\n"), *extra]


VARIANTS.update({
    "also-ok": _also("companion-agreement.yaml"),
    "also-self": _also("also-self.yaml"),
    "also-twice": _also("companion-agreement.yaml", "./companion-agreement.yaml"),
    "also-missing": _also("nowhere.yaml"),
    "also-broken": _also("companion-broken.yaml"),
    "also-joint-too": _also("companion-joint.yaml"),
    "also-notice": _also("companion-notice.yaml"),
    "also-no-agreement": _also("companion-parties-only.yaml"),
    "also-other-signer": _also("companion-other-signer.yaml"),
    "also-honorific": _also("companion-honorific.yaml"),
    "also-null-name": _also("companion-null-name.yaml"),
    "also-no-representative": _also("companion-no-representative.yaml"),
    "also-title-only": _also("companion-title-only.yaml"),
    "also-others-per-party": _also("companion-agreement.yaml", extra=[
        _ki("    - date\n    - place\n    - {item: signatories, others_per_party: {bureau: ら3名}}\n    - agenda\n")]),
    "group-without-also": ("    signatories: [bureau, kitami_it]", "    signatories: [bureau, kitami_it]\n    group_signatories: true"),
    "also-with-after": _also("companion-agreement.yaml", extra=[("  contacts:\n", "  after: {issue_date: 2024-02-27, opening: [締結しました。]}\n  contacts:\n")]),
    "also-signatories-no-agreement": _also("companion-agreement.yaml", extra=[
        (SEED[SEED.index("\nagreement:") + 1:SEED.index("press_notice:")], ""),
        ("attachments: [{title: 連携協定の概要, document: overview}]", "attachments: [連携協定の概要]")]),
    "also-ki-without-signatories": _also("companion-agreement.yaml", extra=[("  closing_ijo: false", "  ki: [date, place, agenda]\n  closing_ijo: false"),
                                                                           ("    signatories: [bureau, kitami_it]\n", "")]),
    "attachment-spec-not-also": ("attachments: [{title: 連携協定の概要, document: overview}]",
                                 "attachments: [{title: 連携協定の概要, document: overview}, {title: 別の協定の概要, document: overview, spec: companion-agreement.yaml}]"),
    "attachment-other-no-areas": _also("companion-no-areas.yaml", extra=[("attachments: [{title: 連携協定の概要, document: overview}]",
                                 "attachments: [{title: 連携協定の概要, document: overview}, {title: 別の協定の概要, document: overview, spec: companion-no-areas.yaml}]")]),
})
# The agreement's notes (build/documents.py) and a house style that cannot be used.
VARIANTS.update({
    "writing-note": (_STD, "    standard: 包括連携（です・ます）"),
    "draft-no-areas": [(_AREAS, ""), ("attachments: [{title: 連携協定の概要, document: overview}]", "attachments: []"),
                       (_STD, "    draft: true\n" + _STD)],
    "draft-no-areas-open": [(_AREAS, ""), ("attachments: [{title: 連携協定の概要, document: overview}]", "attachments: []"),
                            (_STD, "    draft: true\n" + _STD), ("  signing_date: 2024-02-27", "  signing_date: null"),
                            ("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n", "")],
    "draft-copies": (_STD, "    draft: true\n    copies: true\n" + _STD),
    "attachment-title-only": ("attachments: [{title: 連携協定の概要, document: overview}]", "attachments: [連携協定の概要]"),
    "style-not-a-style": ("issuer: 北海道オホーツク総合振興局\n", "issuer: 北海道オホーツク総合振興局\nstyle: variant.yaml\n"),
    "style-missing": ("issuer: 北海道オホーツク総合振興局\n", "issuer: 北海道オホーツク総合振興局\nstyle: nowhere.yaml\n"),
})
# For whoever writes templates (--templates): the seed built with a press-notice
# template of one mistake each (templating.py, markup.py).
# validity.notice_in_writing where nothing would print its 書面による (h157)
_WRITING = ("    renewal_notice: 1か月\n", "    renewal_notice: 1か月\n    notice_in_writing: true\n")
VARIANTS.update({
    "notice-in-writing-no-renewal": ("    renewal_notice: 1か月\n",
                                     "    renewal_notice: 1か月\n    renewal: false\n    notice_in_writing: true\n"),
    "notice-in-writing-no-document": [
        _WRITING,
        ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
         "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
         "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n", "")],
    "notice-in-writing-article-removed": [
        _WRITING, ("    standard: 包括連携", "    articles: {validity: {remove: true}}\n    standard: 包括連携")],
})
# validity.until_ended: a term without an end, and how it is ended (h191)
_TERM = "    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n    renewal_notice: 1か月\n"
_UNTIL_ENDED = (_TERM, "    until_ended: true\n    ended_by_notice: true\n    ending_notice: 3か月\n")
VARIANTS.update({
    "until-ended-with-an-end": (_TERM, "    until_ended: true\n    end: 2025-03-31\n"),
    "until-ended-how-unsaid": (_TERM, "    until_ended: true\n"),
    "until-ended-notice-unsaid": (_TERM, "    until_ended: true\n    ending_notice: 3か月\n    notice_in_writing: true\n"),
    "ended-by-notice-with-an-end": (_TERM, _TERM + "    ended_by_notice: true\n"),
    "ended-by-notice-no-document": [
        _UNTIL_ENDED,
        ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
         "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
         "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n", "")],
    "ended-by-notice-article-removed": [
        _UNTIL_ENDED, ("    standard: 包括連携", "    articles: {validity: {remove: true}}\n    standard: 包括連携")],
})

TEMPLATE_VARIANTS = {
    "syntax": "{% if %}",
    "undefined": "<document kind='press-notice'>{{ nosuch.attr }}</document>",
    "sandbox": "{{ ''.__class__.__mro__ }}",
    "zero": "{{ 1/0 }}",
    "not-found": "{% include 'nowhere.j2' %}",
    "not-xml": "<document kind='press-notice'><p>x</document>",
    "root": "<page/>",
    "kind": "<document kind='overview'><p>x</p></document>",
    # a user's notice printing the subject alone: what the bundled one prints is left out
    "leaves-out": "<document kind='press-notice' title='t' author='a'><p>{{ notice.subject }}</p></document>",
    "unknown": "<document kind='press-notice'><blink/></document>",
    "text-outside": "<document kind='press-notice'>text</document>",
    "text-after": "<document kind='press-notice'><p>a</p>tail</document>",
    "orientation": '<document kind="press-notice" orientation="sideways"></document>',
    "attribute": '<document kind="press-notice"><p><spread width="wide">日時</spread></p></document>',
    "img": "<document kind='press-notice'><img/></document>",
    "seal": "<document kind='press-notice'><seal/></document>",
    "ref": "<document kind='press-notice'><p><ref>x</ref></p></document>",
    "ref-nested": '<document kind="press-notice"><p><ref article="1"><b>x</b></ref></p></document>',
    "inline": "<document kind='press-notice'><p><p>x</p></p></document>",
    # a link with nothing to stand on, and an <a> where a paragraph links (<p link>)
    "link-empty": "<document kind='press-notice'><p link='https://www.example.jp/'></p></document>",
    "link-number": "<document kind='press-notice'><p list='paragraph' number='2' link='https://www.example.jp/'>2</p>"
                   "</document>",
    "link-a": "<document kind='press-notice'><p><a href='https://www.example.jp/'>x</a></p></document>",
    # what a letter-spaced line (drawn as plain text) cannot draw
    "tracked-bold": "<document kind='press-notice'><p tracking='1'><b>x</b></p></document>",
    "tracked-spread": '<document kind="press-notice"><p tracking="1"><spread width="3">x</spread></p></document>',
    "header": '<document kind="press-notice"><table widths="10"><tr><td header="x">a</td></tr></table></document>',
    "valign": '<document kind="press-notice"><table widths="10"><tr><td valign="under">a</td></tr></table></document>',
    "glyph": "<document kind='press-notice'><p>\U00020BB7</p></document>",
    "spread": '<document kind="press-notice"><p><spread width="3">日<b>時</b></spread></p></document>',
    # a notice template printing the date of issue of a notice that has none
    "issued-none": "<document kind='press-notice'><p>{{ 'none'|issued }}</p></document>",
    "img-missing": "<document kind='press-notice'><img src='nowhere.png' width='9' height='9' alt='x'/></document>",
    # what the writers cannot draw, refused by the markup's parser (tests/test_template_markup.py)
    "table-empty": "<document kind='press-notice'><table widths='1'></table></document>",
    "table-not-tr": "<document kind='press-notice'><table widths='1'><p>x</p></table></document>",
    "table-not-td": "<document kind='press-notice'><table widths='1'><tr><p>x</p></tr></table></document>",
    "table-widths": "<document kind='press-notice'><table widths='0'><tr><td>x</td></tr></table></document>",
    "table-widths-sum": "<document kind='press-notice'><table widths='0.8 0.8'><tr><td>x</td><td>y</td></tr></table></document>",
    "table-more-cells": "<document kind='press-notice'><table widths='1'><tr><td>a</td><td>b</td></tr></table></document>",
    "number-range": "<document kind='press-notice'><spacer height='1e9'/></document>",
    "whole-number": "<document kind='press-notice'><h level='99'>x</h></document>",
    "choice": "<document kind='press-notice'><p align='diagonal'>x</p></document>",
    "pagebreak-in-cell": "<document kind='press-notice'><table widths='1'><tr><td><pagebreak/></td></tr></table></document>",
    "seal-twice": "<document kind='press-notice'><seal field='x'/><seal field='x'/></document>",
    "column-too-narrow": "<document kind='press-notice'><table widths='1 0.0001'><tr><td>a</td><td>b</td></tr></table></document>",
    "attribute-unknown": "<document kind='press-notice'><p colour='red'>x</p></document>",
    "deep": "<document kind='press-notice'>" + "<keep>" * 50 + "<p>x</p>" + "</keep>" * 50 + "</document>",
    "deep-items": "<document kind='press-notice'>" + "<item marker='1'>" * 11 + "x" + "</item>" * 11 + "</document>",
    "colour": "<document kind='press-notice'><table widths='1'><tr><td colour='zz'>x</td></tr></table></document>",
    "style": "<document kind='press-notice'><p style='zz'>x</p></document>",
    "font": "<document kind='press-notice'><p><span font='zz'>x</span></p></document>",
    # a refusal in a macro a macro called: named at the macro's line, "in the macro called at …, from …"
    "style-in-macro": "{% macro m(s) %}\n<p style='{{ s }}'>x</p>\n{% endmacro %}\n{% macro n(s) %}{{ m(s) }}"
                      "{% endmacro %}\n<document kind='press-notice'>\n{{ n('zz') }}\n</document>",
}
# House styles of one mistake each (style.py, article_sets.py, fonts/registry.py), named by a
# variant's style: (written beside the variants, like the COMPANIONS).
_STYLE = "issuer: 北海道オホーツク総合振興局\n"
STYLE_VARIANTS = {
    "label-on-title": "agreement:\n  block_label_line: organisation\n",   # the seed's 甲: a note
    "placeholder": "wording:\n  original_mark: 正本（{party}）\n",
    "article-heading": "agreement:\n  article_heading: 第{number}条　{title}\n",
    "item-digits-circled": "agreement:\n  item_marker: ⑴\n  item_digits: half\n",
    "western-year": "name: 旧\nwestern_year: true\n",
    "western-year-false": "name: 旧\nwestern_year: false\n",
    "font-role": "styles:\n  body: {font: minchoo, size: 10.5, leading: 1.5, align: justify}\n",
    "font-missing": "fonts:\n  mincho: nowhere.ttf\n",
    "font-not-a-font": "fonts:\n  mincho: ../README.md\n",
    "article-sets-missing": "article_sets: nowhere.yaml\n",
    "article-sets-not-sets": "article_sets: sets-list.yaml\n",
    "article-sets-bad": "article_sets: sets-bad.yaml\n",
    "article-sets-twice": "article_sets: sets-twice.yaml\n",
    "article-sets-new-page": "article_sets: sets-new-page.yaml\n",
    "grid-zero": "typesetting:\n  grid: {chars: 0, lines: 40}\n",
    "grid-half": "typesetting:\n  grid: {chars: 40.5, lines: 40}\n",
    "grid-narrow": "typesetting:\n  grid: {chars: 60, lines: 40}\n",
    "size-zero": "styles:\n  body: {font: mincho, size: 0, leading: 0.5, align: justify}\n",
    "margins-negative": "page:\n  margins: {top: -10, bottom: 20, left: 25, right: 25}\n",
    "margins-wide": "page:\n  margins: {top: 20, bottom: 20, left: 100, right: 80}\n",
    "size-text": "styles:\n  body: {font: mincho, size: big, leading: 1.5, align: justify}\n",
    "source": "name: 別\nsource: other.yaml\n",
    "colon-zero-minutes": "times:\n  notation: colon\n  zero_minutes: false\n",
    "western-agreement-era-blank": "agreement:\n  calendar: western\n",
    "name-line-labelled": "agreement:\n  name_line: with_title\n  signature_labels: {name: 氏名}\n",
    "ki-marker": "notice:\n  ki_marker: \"{n}.\"\n",
    "ki-heading-none-word": "notice:\n  ki_heading: none\nwording:\n  ki: 【概要】\n",
    "ki-label-gap-line": "notice:\n  ki_label_gap: \"：\"\n",
    "ki-people-label-line": "notice:\n  ki_people_label: line\n",
    "ki-label-align-line": "notice:\n  ki_label_align: own\n",
    "office-date-line-title": "notice:\n  date_place: before_title\n  office_place: date_line\n",
    "ki-digits-no-number": "notice:\n  ki_marker: ◯\n  ki_digits: half\n",
    "ki-marker-gap-range": "notice:\n  ki_marker_gap: -1\n",
    "ki-marker-gap-none": "notice:\n  ki_marker: \"\"\n  ki_marker_gap: 0.5\n",
    "ki-marker-gap-inline": "notice:\n  ki_label: inline\n  ki_marker_gap: 0.5\n",
    "date-time-gap-long-plain": "dates:\n  weekday: long_plain\nnotice:\n  date_time_gap: \"\"\n",
    "paragraph-lead": "agreement:\n  paragraph_lead: \"第{n}項\"\n",
    "item-marker": "agreement:\n  item_marker: \"（）\"\n",
    "item-marker-parenthesized": "agreement:\n  item_marker: \"⑴\"\n",
    "item-digits-kanji": "agreement:\n  item_marker: 一\n  item_digits: half\n",
    "spread-width": "notice:\n  ki_label_spread: 1\n",
    "comma-other": "wording:\n  comma: ．\n",
    "signer-order": "notice:\n  signer_order: name_title\n",
    "comma": "wording:\n  comma: ，\n",
    "chapter-heading": "agreement:\n  chapter_heading: \"{heading}\"\n",
    "chapter-indent": "agreement:\n  chapter_indent: 12\n",
    "block-label-suffix-space": "agreement:\n  block_label_suffix: \"：　\"\n",
    "agreement-text-em": "agreement:\n  date_indent: 12\n",
    "agreement-text-points": "agreement:\n  space_before_items: 100\n",
    "heading-indent-run-in": "agreement:\n  article_heading: \"\"\n  article_lead: \"{number}（{heading}）　\"\n"
                             "  heading_indent: 0\n",
    "agenda-marker": "notice:\n  agenda: numbered\n  agenda_marker: \"{n}.\"\n",
    "agenda-marker-joined": "notice:\n  agenda_marker: \"{number}.\"\n",
    "venue-address-form": "notice:\n  venue_address: under\n",
    "duration-note-plain": "notice:\n  duration_note: plain\n",     # the seed's 11時00分～ before the note
    "schedule-form": "notice:\n  schedule: list\n",
    "schedule-place": "notice:\n  schedule: lines\n  schedule_place: 【】\n",
    "people-form": "notice:\n  people: table\n",
    "people-mark-columns": "notice:\n  people_mark: ・\n",
    "people-mark-joined": "notice:\n  people: joined\n  people_mark: ・\n",
    "people-gap-columns": "notice:\n  people_gap: ：\n",
    "people-gap-name-first": "notice:\n  people: run\n  people_gap: ：\n  signer_order: name_title\n",
    "people-title-spread-run": "notice:\n  people: run\n  people_title_spread: 4\n",
    "group-label-columns": "notice:\n  group_label: inline\n",
    "people-mark-agenda-unmarked": "notice:\n  agenda: numbered\n  people: run\n  people_mark_agenda: false\n",
    "people-mark-agenda-joined": "notice:\n  people: run\n  people_mark: ・\n  people_mark_agenda: false\n",
    "list-marker": "notice:\n  list_marker: \"({n})\"\n",
    "list-digits-circled": "notice:\n  list_marker: ⑴\n  list_digits: half\n",
    "list-digits-marked": "notice:\n  list_marker: •\n  list_digits: half\n",
    "signature-indent": "agreement:\n  signature_indent: 0.5\n",
    "date-above-empty-header": "notice:\n  date_above_header: true\nwording:\n  press_header: \"\"\n",
    "iso-weekday": "dates:\n  issue_calendar: iso\n  issue_weekday: none\n",
    "iso-two-digits": "dates:\n  issue_calendar: iso\n  issue_two_digits: true\n",
    "dots-weekday": "dates:\n  issue_calendar: dots\n  issue_weekday: none\n",
    "dots-two-digits": "dates:\n  issue_calendar: dots\n  issue_two_digits: true\n",
    "slashes-weekday": "dates:\n  issue_calendar: slashes\n  issue_weekday: none\n",
    "slashes-two-digits": "dates:\n  issue_calendar: slashes\n  issue_two_digits: true\n",
    "short-year-weekday": "dates:\n  issue_calendar: dots_short_year\n  issue_weekday: none\n",
    "short-year-two-digits": "dates:\n  issue_calendar: dots_short_year\n  issue_two_digits: true\n",
    "era-year-weekday": "dates:\n  issue_calendar: dots_era_year\n  issue_weekday: none\n",
    "era-year-pad": "dates:\n  issue_calendar: dots_era_year\n  issue_pad: \" \"\n",
    "era-year-no-year": "dates:\n  issue_calendar: dots_era_year\n  issue_year: false\n",
    "date-after-title-left": "notice:\n  date_place: after_title\n  date_align: left\n",
    "era-year-two-digits": "dates:\n  issue_calendar: dots_era_year\n  issue_two_digits: true\n",
    "iso-pad": "dates:\n  issue_calendar: iso\n  issue_pad: \" \"\n",
    "dots-pad": "dates:\n  issue_calendar: dots\n  issue_pad: \" \"\n",
    "slashes-pad": "dates:\n  issue_calendar: slashes\n  issue_pad: \"　\"\n",
    "short-year-pad": "dates:\n  issue_calendar: dots_short_year\n  issue_pad: \" \"\n",
    "two-digits-pad": "dates:\n  issue_two_digits: true\n  issue_pad: \" \"\n",
    "iso-no-year": "dates:\n  issue_calendar: iso\n  issue_year: false\n",
    "dots-no-year": "dates:\n  issue_calendar: dots\n  issue_year: false\n",
    "slashes-no-year": "dates:\n  issue_calendar: slashes\n  issue_year: false\n",
    "short-year-no-year": "dates:\n  issue_calendar: dots_short_year\n  issue_year: false\n",
    "no-year-anywhere": "dates:\n  event_year: false\n  issue_year: false\n",
    "date-before-title-left": "notice:\n  date_place: before_title\n  date_align: left\n",
    "until-with-tilde": "times:\n  until: \"\"\n",
    "end-period-24h": "times:\n  end_period: always\n",
    "ki-attachment-empty": "wording:\n  ki_attachment: \"\"\n",
    "ki-label-line-gap-spaces": "notice:\n  ki_label: inline\n  ki_label_line_gap: false\n",
    "document-details-once": "wording:\n  document_details: \"（{form}）\"\n",
    "section-marker": "notice:\n  section_marker: \"{n}.\"\n",
    "date-suffix-gap": "notice:\n  date_suffix_gap: \"・\"\n",
    # date_prefix_line: own beside a date with no line of its own (in the title's line, in the head's table)
    "date-prefix-line-title": "notice:\n  date_prefix_line: own\n  date_place: after_title\n",
    "date-prefix-line-table": "notice:\n  date_prefix_line: own\n  head_form: label_table\n",
    "role-place-top": "notice:\n  contacts_at: top\ncontacts:\n  role_place: above\n",
    "role-place-head": "notice:\n  contacts_at: head\ncontacts:\n  role_place: above\n",
    "role-place-foot-line": "notice:\n  contacts_at: foot_line\ncontacts:\n  role_place: above\n",
    "role-place-head-table": "notice:\n  contacts_at: head_table\ncontacts:\n  role_place: above\n",
    "role-place-foot-unboxed": "notice:\n  contacts_at: foot_unboxed\ncontacts:\n  role_place: above\n",
    "foot-line-phone-beside-boxes": "contacts:\n  foot_line_phone: spaced\n",
    "own-lines-twice": "contacts:\n  own_lines: [fax, postal_code, fax]\n",
    "own-lines-extension-bracketed": "contacts:\n  own_lines: [extension]\n",
    "name-line-without-own-line": "contacts:\n  name_line: under_department\n",
    "date-place-beside-date-above": "notice:\n  date_above_header: true\n  date_place: foot\n",
    "office-place-beside-head": "notice:\n  office_place: with_date\n",
    "office-place-under-title-beside-date-under-title": "notice:\n  date_place: under_title\n  office_place: under_title\n",
    "header-place-beside-date-above": "notice:\n  date_above_header: true\n  header_place: under_title\n",
}
COMPANIONS.update({f"style-{name}.yaml": text for name, text in STYLE_VARIANTS.items()})
COMPANIONS["sets-list.yaml"] = "- a\n- b\n"
COMPANIONS["sets-new-page.yaml"] = ("包括連携:\n  subject: 連携\n  articles:\n"
                                    "    - {name: a, heading: 目的, text: [x, {text: y, new_page: true}]}\n")
COMPANIONS["sets-twice.yaml"] = "包括連携:\n  subject: 連携\n  articles: [{name: a, heading: 目的, text: [x]}, {name: a, heading: 協議, text: [y]}]\n"
COMPANIONS["sets-bad.yaml"] = ("包括連携:\n  subject: 連携\n  articles:\n    - {name: a, heading: 目的, text: [x], generated: areas}\n"
                               "    - {name: b, heading: 連携, generated: areas}\n    - {name: c, heading: 推進, text: [y], lead: z}\n"
                               "    - {name: c, heading: 協議, text: [w]}\n")
VARIANTS.update({f"house-style-{name}": (_STYLE, _STYLE + f"style: style-{name}.yaml\n") for name in STYLE_VARIANTS})
# a house that dates its notices above the header line, and a notice without one
COMPANIONS["style-date-above-header.yaml"] = "notice:\n  date_above_header: true\n"
VARIANTS["date-above-no-header"] = [(_STYLE, _STYLE + "style: style-date-above-header.yaml\n"),
                                    ("press_notice:\n", "press_notice:\n  header: false\n")]
# the sections counted on from the 記 block's items where the house's items have no number,
# and beside a numbered heading over the items (press_notice.sections_follow_items)
COMPANIONS["style-items-unnumbered.yaml"] = "notice:\n  ki_marker: ○\n  section_marker: \"{number}.\"\n"
_FOLLOW = "  sections_follow_items: true\n  sections: [{heading: 【参考】, paragraphs: [網走市は…]}]\n  closing_ijo: false\n"
VARIANTS["follow-items-unnumbered"] = [(_STYLE, _STYLE + "style: style-items-unnumbered.yaml\n"),
                                       ("  closing_ijo: false\n", _FOLLOW)]
VARIANTS["follow-items-beside-heading"] = [_ki("    - {heading: 締結式, numbered: true}\n    - date\n    - place\n"
                                               "    - signatories\n    - agenda\n"),
                                           ("press_notice:\n", "press_notice:\n  section_marker: \"{number}.\"\n"
                                            + _FOLLOW.replace("  closing_ijo: false\n", ""))]
# a house that sets the words before the date on a line of their own, and a prefix
# ending in a space (written for the date's line): full-width and ASCII
COMPANIONS["style-prefix-own-line.yaml"] = "notice:\n  date_prefix_line: own\n"
_PREFIX_OWN = (_STYLE, _STYLE + "style: style-prefix-own-line.yaml\n")
# a preamble's heading in a house that runs its articles' headings into their text
COMPANIONS["style-heading-run-in.yaml"] = 'agreement:\n  article_heading: ""\n  article_lead: "{number}（{heading}）　"\n'
VARIANTS["preamble-heading-run-in"] = [(_STYLE, _STYLE + "style: style-heading-run-in.yaml\n"),
                                       (_STD, _STD + "\n    preamble: [{heading: 基本方針}, a, b]")]
VARIANTS["prefix-own-line-space"] = [_PREFIX_OWN, ("issue_date: 2024-02-16",
                                                   "issue_date: 2024-02-16\n  date_prefix: \"発表日\u3000\"")]
VARIANTS["prefix-own-line-ascii-space"] = [_PREFIX_OWN, ("issue_date: 2024-02-16",
                                                         "issue_date: 2024-02-16\n  date_prefix: \"発表日 \"")]
# a notice without a date of issue (issue_date: none): the words that would stand beside
# it, the release after the signing's own, a capital None, and a house that leaves the
# ceremony's year out where it is the issue date's
_NO_DATE = ("issue_date: 2024-02-16", "issue_date: none")
VARIANTS["no-date-prefix"] = ("issue_date: 2024-02-16", "date_prefix: 公開日：\n  issue_date: none")
VARIANTS["no-date-suffix"] = ("issue_date: 2024-02-16", "issue_date: none\n  date_suffix: 配布")
VARIANTS["no-date-after-suffix"] = ("  closing_ijo:", "  after:\n    issue_date: none\n    date_suffix: 発表\n"
                                    "    opening: [本日、締結しました。]\n  closing_ijo:")
VARIANTS["no-date-capital"] = ("issue_date: 2024-02-16", "issue_date: None")
# a corrected release (press_notice.correction): dated before the issue, an empty reason,
# no date of issue to stand under, and a house that sets the date under the title
_CORRECTED = "issue_date: 2024-02-16\n  correction: {date: 2024-02-16, reason: 取材の時間を改めたため、修正します。}"
VARIANTS["correction-before-issue"] = ("issue_date: 2024-02-16", _CORRECTED.replace("date: 2024-02-16,", "date: 2024-02-15,"))
VARIANTS["correction-empty-reason"] = ("issue_date: 2024-02-16", _CORRECTED.replace("取材の時間を改めたため、修正します。", '"　"'))
VARIANTS["correction-no-issue-date"] = ("issue_date: 2024-02-16", _CORRECTED.replace("issue_date: 2024-02-16", "issue_date: none"))
COMPANIONS["style-date-under-title.yaml"] = "notice:\n  date_place: under_title\n"
VARIANTS["correction-date-elsewhere"] = [(_STYLE, _STYLE + "style: style-date-under-title.yaml\n"),
                                         ("issue_date: 2024-02-16", _CORRECTED)]
# its changed parts (correction.changed): an empty list, a part not printed, one printed many times
VARIANTS["correction-changed-empty"] = ("issue_date: 2024-02-16", _CORRECTED.replace("}", ", changed: []}"))
VARIANTS["correction-changed-absent"] = ("issue_date: 2024-02-16", _CORRECTED.replace("}", ", changed: [ぶら下がり取材]}"))
VARIANTS["correction-changed-several"] = ("issue_date: 2024-02-16", _CORRECTED.replace("}", ", changed: [北見]}"))
COMPANIONS["style-no-event-year.yaml"] = "dates:\n  event_year: false\n"
# a listed person's honorific under a house that sets the title after the name (部長　様)
VARIANTS["ki-person-honorific-name-first"] = [
    (_STYLE, _STYLE + "style: style-signer-order.yaml\n"), ("    honorific: 様\n", ""),
    _ki("    - date\n    - place\n    - signatories\n    - agenda\n"
        "    - {label: 出席者, people: [{title: 北見市長, name: 辻　直孝, honorific: 様}]}\n")]
VARIANTS["no-date-event-year"] = [(_STYLE, _STYLE + "style: style-no-event-year.yaml\n"), _NO_DATE]
# the ceremony in the issue date's Western year but another era's (平成31年 issuing 令和元年５月１日)
VARIANTS["event-year-another-era"] = [
    (_STYLE, _STYLE + "style: style-no-event-year.yaml\n"), ("issue_date: 2024-02-16", "issue_date: 2019-04-26"),
    ("    date: 2024-02-27", "    date: 2019-05-01"), ("signing_date: 2024-02-27", "signing_date: 2019-05-01"),
    ("deadline: 2024-02-21T17:00", "deadline: 2019-04-30T17:00"), ("end: 2025-03-31", "end: 2020-03-31")]
# a person's title given as lines (two offices): under a house that cannot set them, as a list of one, in a contact
_OFFICES = "    - {label: 出席者, people: [{title: [北見市公営企業管理者, 北見市長], name: 辻　直孝}]}\n"
COMPANIONS["style-people-joined.yaml"] = "notice:\n  people: joined\n"
COMPANIONS["style-people-tabulated.yaml"] = "notice:\n  people: tabulated\n"
COMPANIONS["style-people-run-marked.yaml"] = "notice:\n  people: run\n  people_mark: ・\n"
VARIANTS.update({f"offices-{name}": [(_STYLE, _STYLE + f"style: style-{name}.yaml\n"), ("    honorific: 様\n", ""),
                                     _ki("    - date\n    - place\n    - signatories\n    - agenda\n" + _OFFICES)]
                 for name in ("people-joined", "people-tabulated", "people-run-marked", "signer-order")})
VARIANTS["offices-one-line"] = _ki("    - date\n    - place\n    - signatories\n    - agenda\n"
                                   "    - {label: 出席者, people: [{title: [北見市長], name: 辻　直孝}]}\n")
VARIANTS["offices-contact"] = ("      phone: 0152-41-0618\n",
                               "      phone: 0152-41-0618\n      people: [{title: [主幹, 係長], name: 山田　太郎}]\n")
# the date and place on a line above the text (press_notice.event_line): without a date,
# beside a 記 item that prints the date too, with a place of two lines
_EVENT = ("  ceremony:\n", "  event_line: true\n  ceremony:\n")
COMPANIONS["style-venue-line.yaml"] = "notice:\n  venue_address: line\n"
VARIANTS.update({
    "event-line-no-date": [_EVENT, ('    date: 2024-02-27\n    start: "11:00"\n    duration_note: 30分程度\n', "")],
    "event-line-twice": [("  ceremony:\n", "  event_line: true\n  ki: [date, signatories]\n  ceremony:\n")],
    "event-line-place-lines": [_EVENT, (_STYLE, _STYLE + "style: style-venue-line.yaml\n")],
    "time-under-place": [("  ceremony:\n", "  ki: [date, {item: place, time_under: true}, signatories, agenda]\n"
                                         "  ceremony:\n")],
})
# Rarer checks of a spec (spec/schema/'s validators, a period, a house style leaving the
# year out, standard articles of the wrong style, a key that starts with a space).
_ATT = "attachments: [{title: 連携協定の概要, document: overview}]"
_END = "    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n"
_AG = SEED[SEED.index("\nagreement:") + 1:SEED.index("press_notice:")]
COMPANIONS.update({
    "style-two-columns.yaml": "agreement:\n  signature_columns: 2\n",
    "style-three-columns.yaml": "agreement:\n  signature_columns: 3\n",
    "style-western-blank.yaml": "wording:\n  blank_date: \"　　　　年　　月　　日\"\n",
    "style-event-year.yaml": "dates:\n  event_year: false\n",
    "style-sets-style.yaml": "article_sets: sets-style.yaml\n",
    "sets-style.yaml": "包括連携:\n  subject: 連携\n  articles:\n    - {name: a, heading: 目的, text: [本協定は、連携を目的とします。]}\n",
})
# The 次第's steps: something under a step of a joined 次第, more steps than ア to ワ.
_AGENDA = "    agenda: [出席者紹介, 協定書への署名, 記念撮影, 局長及び学長からの挨拶, 質疑応答（事務方対応）]\n"
VARIANTS.update({
    "agenda-joined-signers": (_AGENDA, "    agenda: [出席者紹介, {step: 協定書への署名, signatories: true}]\n"),
    "contacts-lead-alone": (SEED[SEED.index("  contacts:\n"):SEED.index("      phone_kind: 直通\n", SEED.index("  contacts:\n")) + len("      phone_kind: 直通\n")],
                            "  contacts_lead: お問い合わせは、下記まで。\n"),
    "unnumbered-first": (_STD, _STD + "\n    extra_articles: [{heading: 経費, text: [{unnumbered: true, text: 経費は各自の負担とする。}]}]"),
    "prose-with-standard": (_STD, _STD + "\n    prose: [両者は連携する。]\n    closing: ここに協定書を交換する。"),
    "prose-block-labels": (_STD, "    prose: [両者は連携する。]\n    closing: ここに協定書を交換する。\n    block_labels: false"),
    "prose-catch-all": (_STD, "    prose: [両者は連携する。]\n    closing: ここに協定書を交換する。\n    catch_all: false"),
    "prose-no-closing": (_STD, "    prose: [両者は連携する。]\n    block_labels: true"),
    "prose-list-first": (_STD, "    prose: [{items: [連携すること]}, 両者は連携する。]\n    closing: ここに協定書を交換する。"),
    "section-before-no-ki": ("  closing_ijo:", "  ki: []\n  sections: [{heading: 【本件のポイント】, before_ki: true,"
                                               " paragraphs: [●　連携します。]}]\n  closing_ijo:"),
    "section-part-empty": ("  closing_ijo:", "  sections: [{heading: 協定の概要, parts: [{heading: 協定締結先}]}]\n"
                                             "  closing_ijo:"),
    "section-parts-table": ("  closing_ijo:", "  sections: [{heading: 協定の概要, parts: [{heading: 協定締結先,"
                                              " paragraphs: [・網走市]}], table: [[番号, 事項], [１, 防災]]}]\n"
                                              "  closing_ijo:"),
    "agenda-parties-also": [(_AGENDA, "    agenda: [開会, {step: 協定書署名, parties: true}]\n"),
                            ("press_notice:\n", "press_notice:\n  also: [companion-agreement.yaml]\n")],
    "agenda-too-many-steps": (_AGENDA, "    agenda: [{step: 署名, steps: [" + ", ".join(f"署名{i}" for i in range(45)) + "]}]\n"),
    "agenda-too-many-parenthesized": [(_AGENDA, "    agenda: [" + ", ".join(f"段階{i}" for i in range(21)) + "]\n"),
                                      (_STYLE, _STYLE + "style: style-agenda-parenthesized.yaml\n")],
})
COMPANIONS["style-agenda-parenthesized.yaml"] = "notice:\n  agenda: numbered\n  agenda_marker: ⑴\n"
# a 記 list of more entries than ⑴ to ⒇, where the house marks them so (notice.list_marker)
COMPANIONS["style-list-parenthesized.yaml"] = "notice:\n  list_marker: ⑴\n"
VARIANTS["list-too-many-parenthesized"] = [
    _ki("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 内容, list: ["
        + ", ".join(f"事項{i}" for i in range(21)) + "]}\n"),
    (_STYLE, _STYLE + "style: style-list-parenthesized.yaml\n")]
# Where the contacts stand and how a contact's person is set (content/contacts.py): what
# the line at the top cannot print, a second person on the department's line.
COMPANIONS["style-contacts-top.yaml"] = "notice:\n  contacts_at: top\n"
COMPANIONS["style-contacts-head.yaml"] = "notice:\n  contacts_at: head\n"
COMPANIONS["style-contacts-foot-line.yaml"] = "notice:\n  contacts_at: foot_line\n"
COMPANIONS["style-contacts-head-table.yaml"] = "notice:\n  contacts_at: head_table\n"
COMPANIONS["style-contacts-foot-unboxed.yaml"] = "notice:\n  contacts_at: foot_unboxed\n"
COMPANIONS["style-address-above-top.yaml"] = "notice:\n  contacts_at: top\ncontacts:\n  address_place: above\n"
COMPANIONS["style-person-line.yaml"] = "contacts:\n  person_line: with_department\n"
_TOP = (_STYLE, _STYLE + "style: style-contacts-top.yaml\n")
_SEED_CONTACT = SEED[SEED.index("    - role: 担当窓口\n"):]
VARIANTS.update({
    "contacts-top-keys": [_TOP],       # the seed's contact has a title, a name and a phone's kind
    "contacts-top-two": [_TOP, (_SEED_CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"
                                               "    - {role: 取材受付, department: 広報室}\n")],
    "contacts-top-lead": [_TOP, (_SEED_CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"),
                          ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n")],
    "contacts-head-lead": [(_STYLE, _STYLE + "style: style-contacts-head.yaml\n"),
                           ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n")],
    "contacts-foot-line-keys": [(_STYLE, _STYLE + "style: style-contacts-foot-line.yaml\n")],
    "contacts-foot-line-lead": [(_STYLE, _STYLE + "style: style-contacts-foot-line.yaml\n"),
                                (_SEED_CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"),
                                ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n")],
    "contacts-foot-unboxed-lead": [(_STYLE, _STYLE + "style: style-contacts-foot-unboxed.yaml\n"),
                                   ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n")],
    "contacts-foot-line-extension": [(_STYLE, _STYLE + "style: style-contacts-foot-line.yaml\n"),
                                     (_SEED_CONTACT, "    - {role: 担当窓口, department: 地域政策課,"
                                                     " phone: 0152-41-0618, extension: \"2345\"}\n")],
    "contacts-head-table-keys": [(_STYLE, _STYLE + "style: style-contacts-head-table.yaml\n")],
    "contacts-head-table-lead": [(_STYLE, _STYLE + "style: style-contacts-head-table.yaml\n"),
                                 (_SEED_CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"),
                                 ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n")],
    "person-line-two": [(_STYLE, _STYLE + "style: style-person-line.yaml\n"),
                        ("      title: 地域政策課長\n      name: 杉村　勝彦\n",
                         "      people: [{title: 地域政策課長, name: 杉村　勝彦}, {title: 主査, name: 北野}]\n")],
    "listed-person-phone": _ki("    - label: 出席者\n      people: [{title: 北見市長, name: 辻, phone: 0157-00-0000}]\n"),
    "address-above-no-request": [(_STYLE, _STYLE + "style: style-address-above-top.yaml\n"),
                                 (SEED[SEED.index("  press_request:\n"):SEED.index("  contacts:\n")], "")],
    "person-line-group": [(_STYLE, _STYLE + "style: style-person-line.yaml\n"),
                          ("      title: 地域政策課長\n", "      group: 地域政策グループ\n      title: 地域政策課長\n")],
})
# A table in an article: its heading row alone, a row short of a cell.
_COSTS = "\n    articles:\n      costs: {text: [{text: 経費は、次表のとおり負担する。, table: %s}]}"
VARIANTS.update({
    "article-table-head-only": (_STD, _STD + _COSTS % "[[費目, 負担者]]"),
    "article-table-ragged": (_STD, _STD + _COSTS % "[[費目, 負担者], [旅費]]"),
    "article-item-marker-no-items": (_STD, _STD + "\n    articles:\n      costs: {text: [{text: 経費は、各自の負担とする。,"
                                            " item_marker: \"（例{number}）\"}]}"),
})
# Groups of people in one 記 item: a group of neither kind, an empty one, the signers twice.
_KI_GROUPS = "  ki:\n    - date\n    - place\n    - signatories\n    - agenda\n    - label: 出席者\n      groups:\n"
VARIANTS.update({
    "ki-group-neither": ("  closing_ijo:", _KI_GROUPS + "        - {label: 来賓}\n  closing_ijo:"),
    "ki-group-empty": ("  closing_ijo:", _KI_GROUPS + "        - {label: 来賓, people: []}\n  closing_ijo:"),
    "ki-group-signers-twice": ("  closing_ijo:", _KI_GROUPS + "        - {label: 協定締結者, item: signatories}\n  closing_ijo:"),
})
# The day's schedule under the date: listed twice, or on another item.
_SCHEDULE = "    schedule: [{time: \"11:00〜\", item: 協定締結式}]\n    venue: オホーツク"
VARIANTS.update({
    "schedule-under-twice": [("    venue: オホーツク", _SCHEDULE), ("  closing_ijo:", "  ki:\n    - {item: date, schedule_under: true}\n"
                             "    - place\n    - signatories\n    - agenda\n    - schedule\n  closing_ijo:")],
    "schedule-under-place": [("    venue: オホーツク", _SCHEDULE), ("  closing_ijo:", "  ki:\n    - date\n    - {item: place, schedule_under: true}\n"
                             "    - signatories\n    - agenda\n    - schedule\n  closing_ijo:")],
})
# An item's own marker (ki: - {…, marker:}), a phone of several numbers (numbers:), a
# subtitle run on after the subject (subtitle_joined): each where it is malformed or
# would have no effect.
_PHONE = "      phone: 0152-41-0618\n      phone_kind: 直通\n"
VARIANTS.update({
    "ki-marker-placeholder": _ki("    - {item: date, marker: \"{number}{n}\"}\n    - place\n    - signatories\n    - agenda\n"),
    "ki-marker-house": _ki("    - {item: date, marker: \"{number}\"}\n    - place\n    - signatories\n    - agenda\n"),
    "phone-no-number": (_PHONE, "      phones: [{kind: 直通}]\n"),
    "phone-numbers-one": (_PHONE, "      phones: [{numbers: [0152-41-0618], kind: 直通}]\n"),
    "phone-numbers-extension": (_PHONE, "      phones: [{numbers: [0152-41-0618, 0152-41-0619], kind: 代表,"
                                        " extension: \"2345\"}]\n"),
    "phone-numbers-note": (_PHONE, "      phones: [{numbers: [0152-41-0618, 0152-41-0619], note: 政策企画担当}]\n"),
    "phone-note-bracketed": (_PHONE, "      phones: [{number: 0152-41-0618, note: （政策企画担当）}]\n"),
    "subtitle-joined-alone": ("  attachments:", "  subtitle_joined: true\n  attachments:"),
})
# A notice without a title (subject: false): built (the note naming the file's title),
# beside a label of its own, a subtitle, and a house that dates notices in the title's line
_SUBJECT = "  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について\n"
COMPANIONS["style-date-before-title.yaml"] = "notice:\n  date_place: before_title\n"
VARIANTS.update({
    "no-title": (_SUBJECT, "  subject: false\n"),
    "no-title-label": (_SUBJECT, "  subject: false\n  subject_label: 件名\n"),
    "no-title-subtitle": (_SUBJECT, "  subject: false\n  subtitle: 副題\n"),
    "no-title-date-before": [(_STYLE, _STYLE + "style: style-date-before-title.yaml\n"), (_SUBJECT, "  subject: false\n")],
})
# The place under the date: listed twice, or on another item.
VARIANTS.update({
    "place-under-twice": ("  closing_ijo:", "  ki:\n    - {item: date, place_under: true}\n"
                          "    - place\n    - signatories\n    - agenda\n  closing_ijo:"),
    "place-under-signatories": ("  closing_ijo:", "  ki:\n    - date\n    - place\n    - {item: signatories, place_under: true}\n"
                                "    - agenda\n  closing_ijo:"),
    "date-label-without-place-under": ("  closing_ijo:", '  ki:\n    - {item: date, date_label: "日時:"}\n'
                                       "    - place\n    - signatories\n    - agenda\n  closing_ijo:"),
})
# Signed by hand: a closing that says 記名押印, or nothing left for the key to do.
VARIANTS.update({
    "by-hand-sealed-closing": (_STD, _STD + "\n    signed_by_hand: true\n    closing: 以上の証として、甲乙記名押印の上、各自１通を保有する。"),
    "by-hand-no-effect": (_STD, _STD + "\n    signed_by_hand: true\n    closing: 以上の証として、甲乙署名の上、各自１通を保有する。"),
    "by-hand-despite-no-kimei": (_STD, _STD + "\n    signed_by_hand: despite_closing\n    closing: 以上の証として、甲乙署名の上、各自１通を保有する。"),
    "by-hand-despite-generated": (_STD, _STD + "\n    signed_by_hand: despite_closing"),
    # the generated closing named in a note: signed by hand (署名の上), and 記名押印 with the
    # seal places left unmarked (seal_places: blank); the seed itself has the sealed one
    "generated-closing-by-hand": (_STD, _STD + "\n    signed_by_hand: true"),
    "generated-closing-seal-places-blank": (_STD, _STD + "\n    seal_places: blank"),
})
# A new user's first spec (thirty-third session): an empty date of issue; a blank name and
# head where the spec makes no agreement document; a head left out where the notice lists
# 締結者 by default.
_DOCUMENT = ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
             "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
             "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n")
_KITAMI_HEAD = "    representative:\n      title: 北見工業大学学長\n      name: 鈴木　聡一郎\n"
VARIANTS.update({
    "issue-date-empty": ("issue_date: 2024-02-16", "issue_date:"),
    "blank-without-document": [(_DOCUMENT, ""), ("    name: 北見工業大学\n", "    name: null\n"),
                               ("      name: 鈴木　聡一郎\n", "      name: null\n")],
    "head-out-notice-lists": [(_DOCUMENT, ""), (_KITAMI_HEAD, ""), ("    honorific: 様\n", "")],
})
# The names withheld as the published copy withholds them: the note, a name given, a draft, signed by hand.
_TITLES_ALONE = [("      name: 中島　和彦\n", ""), ("      name: 鈴木　聡一郎\n", ""), ("    honorific: 様\n", "")]
VARIANTS.update({
    "withheld-note": _TITLES_ALONE + [(_STD, _STD + "\n    signer_names: withheld")],
    # the note's word on 印: by each (a sealing closing, above), none asked, none the copy marks
    "withheld-note-unsealed": _TITLES_ALONE + [(_STD, _STD + "\n    signer_names: withheld\n"
                                                "    closing: 以上の証として、甲乙署名の上、各自１通を保有する。")],
    "withheld-note-seal-blank": _TITLES_ALONE + [(_STD, _STD + "\n    signer_names: withheld\n    seal_places: blank")],
    "withheld-name-note-unsealed": _TITLES_ALONE + [(_STD, _STD + "\n    signer_names: withheld\n"
                                                     "    withheld_name: （氏名省略）\n"
                                                     "    closing: 以上の証として、甲乙署名の上、各自１通を保有する。")],
    "withheld-name-note-seal-blank": _TITLES_ALONE + [(_STD, _STD + "\n    signer_names: withheld\n"
                                                       "    withheld_name: （氏名省略）\n    seal_places: blank")],
    "withheld-name-given": (_STD, _STD + "\n    signer_names: withheld"),
    "withheld-draft": (_STD, _STD + "\n    signer_names: withheld\n    draft: true"),
    "withheld-by-hand": (_STD, _STD + "\n    signer_names: withheld\n    signed_by_hand: true"),
    # the copy's words in place of each name (withheld_name): the note, without signer_names, blank, no block
    "withheld-name-note": _TITLES_ALONE + [(_STD, _STD + "\n    signer_names: withheld\n    withheld_name: （氏名省略）")],
    "withheld-name-alone": (_STD, _STD + "\n    withheld_name: （氏名省略）"),
    "withheld-name-blank": _TITLES_ALONE + [(_STD, _STD + "\n    signer_names: withheld\n    withheld_name: \"　\"")],
    "withheld-name-no-block": _TITLES_ALONE + [(_STD, _STD + "\n    signature_blocks: withheld\n    withheld_name: （氏名省略）")],
})
# A signer's line as the signed copy types it (typed:): where it has no effect, does not spell the name, or
# leaves less room than the name's own space; the house's gap and column without the title's line.
_NAKAJIMA = "      name: 中島　和彦\n"
_DOC = SEED[SEED.index("  document:"):SEED.index("  areas:")]


def _typed(form: str, extra=()):
    return [(_NAKAJIMA, _NAKAJIMA + f"      typed: {form}\n"), *extra]


VARIANTS.update({
    "typed-no-document": _typed("{name: 中島　　和彦}", [(_DOC, "")]),
    "typed-not-signing": _typed("{name: 中島　　和彦}", [("    statements:\n      - 公共", "    signatory: {title: 副局長, name: 山田　太郎}\n    statements:\n      - 公共")]),
    "typed-empty": _typed("{}"),
    "typed-withheld": [(_NAKAJIMA, "      typed: {name: 中島　　和彦}\n"), ("      name: 鈴木　聡一郎\n", ""),
                       ("    honorific: 様\n", ""), (_STD, _STD + "\n    signer_names: withheld")],
    "typed-title-only": [(_NAKAJIMA, "      typed: {name: 中島　　和彦}\n")],
    "typed-edge-gap": _typed('{name: "中島　和彦　"}'),
    "typed-other-name": _typed("{name: 中島　和夫}"),
    "typed-narrower": _typed("{name: 中 島 和 彦}"),
    "typed-as-written": _typed("{name: 中島　和彦}"),
    "typed-no-block": _typed("{name: 中島　　和彦}", [(_STD, _STD + "\n    signature_blocks: withheld")]),
})
STYLE_VARIANTS.update({
    "name-gap-own-line": "agreement:\n  name_gap: 2\n",
    "name-gap-range": "agreement:\n  name_line: with_title\n  name_gap: 0.3\n",
    "unlabelled-lines-no-labels": "agreement:\n  unlabelled_lines: at_margin\n",
    "label-margin-column": "agreement:\n  label_margin: under\n",
    "labelled-indent-after-labels": "agreement:\n  signature_labels: {title: 代表者}\n  labelled_indent: 1\n",
    "organisation-line-never-labelled": "agreement:\n  organisation_line: never\n  signature_labels: {organisation: 団体名}\n",
})
STYLE_VARIANTS.update({            # the name in a type of its own (agreement.name_size)
    "name-size-range": "agreement:\n  name_size: 40\n",
    "name-size-body": "agreement:\n  name_size: 10.5\n",
    "name-size-half-gap": "agreement:\n  name_size: 14\n  name_line: with_title\n  name_gap: 0.5\n",
    "signature-spread-quarter": "agreement:\n  signature_spread: {name: 9.25}\n",
    "name-size-typed": "agreement:\n  name_size: 14\n",
})
STYLE_VARIANTS["cover-date-digits-same"] = "digits: half\nagreement:\n  cover_date_digits: half\n"
_NEW_STYLES = ("cover-date-digits-same", "name-gap-own-line", "name-gap-range", "unlabelled-lines-no-labels", "label-margin-column",
               "labelled-indent-after-labels", "name-size-range", "name-size-body", "name-size-half-gap",
               "signature-spread-quarter", "organisation-line-never-labelled")
VARIANTS.update({f"house-style-{name}": (_STYLE, _STYLE + f"style: style-{name}.yaml\n") for name in _NEW_STYLES})
COMPANIONS.update({f"style-{name}.yaml": STYLE_VARIANTS[name] for name in _NEW_STYLES})
COMPANIONS["style-name-size-typed.yaml"] = STYLE_VARIANTS["name-size-typed"]
VARIANTS["name-size-typed"] = _typed("{name: 中島　　和彦}", [(_STYLE, _STYLE + "style: style-name-size-typed.yaml\n")])
# The annual book's house style (annual:, spec/style_checks.py): a column of both or neither
# of data: and field:, dates: or amended: where they print nothing, count: off the partners
# column or without a number, two columns of one heading, areas_mark without the areas, empty: on a column never empty,
# a placeholder the prose list has not, prose: beside web: table.
_ANNUAL_STYLES = {
    "annual-no-columns": "annual:\n  columns: []\n",
    "annual-column-neither": "annual:\n  columns:\n    - {heading: 備考}\n",
    "annual-column-both": "annual:\n  columns:\n    - {data: title, field: 分類}\n",
    "annual-dates-data": "annual:\n  columns:\n    - {data: title, dates: short}\n",
    "annual-dates-field": "annual:\n  columns:\n    - {field: 分類, dates: short}\n",
    "annual-amended": "annual:\n  columns:\n    - {data: validity, amended: true}\n",
    "annual-amends-not-title": "annual:\n  columns:\n    - {data: partners, amends: true}\n",
    "annual-amends-twice": "annual:\n  columns:\n    - {data: title, amends: true}\n    - {data: amends}\n",
    "annual-amended-twice": "annual:\n  columns:\n    - {data: signing_date, amended: true}\n    - {data: amendments}\n",
    "annual-field-empty": "annual:\n  columns:\n    - {field: \" \"}\n",
    "annual-count-not-partners": "annual:\n  columns:\n    - {data: title, count: '（{parties}者間）'}\n",
    "annual-count-placeholder": "annual:\n  columns:\n    - {data: partners, count: '（{members}者間）'}\n",
    "annual-count-no-number": "annual:\n  columns:\n    - {data: partners, count: （連名）}\n",
    "annual-together-not-partners": "annual:\n  columns:\n    - {data: title, together: '（{names}と共同）'}\n",
    "annual-together-placeholder": "annual:\n  columns:\n    - {data: partners, together: '（{towns}と共同）'}\n",
    "annual-together-no-names": "annual:\n  columns:\n    - {data: partners, together: （共同締結）}\n",
    "annual-heading-twice": "annual:\n  columns:\n    - {data: title}\n    - {data: partners, heading: 協定名}\n",
    "annual-areas-mark": "annual:\n  columns:\n    - {data: title}\n  areas_mark: ・\n",
    "annual-empty-title": "annual:\n  columns:\n    - {data: title, empty: ''}\n",
    "annual-prose-placeholder": "annual:\n  web: prose\n  prose: \"{name}を締結しました\"\n",
    "annual-prose-table": "annual:\n  prose: \"{title}を締結しました\"\n",
}
STYLE_VARIANTS.update(_ANNUAL_STYLES)
COMPANIONS.update({f"style-{name}.yaml": text for name, text in _ANNUAL_STYLES.items()})
VARIANTS.update({f"house-style-{name}": (_STYLE, _STYLE + f"style: style-{name}.yaml\n") for name in _ANNUAL_STYLES})
# A wording nothing reads (build/wording_keys.py): a typo of a known key, and a key near none.
_WORDING_STYLES = {
    "wording-unknown-close": "wording:\n  ki_datte: 日時\n",
    "wording-unknown-far": "wording:\n  zzqqyy: x\n",
}
STYLE_VARIANTS.update(_WORDING_STYLES)
COMPANIONS.update({f"style-{name}.yaml": text for name, text in _WORDING_STYLES.items()})
VARIANTS.update({f"house-style-{name}": (_STYLE, _STYLE + f"style: style-{name}.yaml\n") for name in _WORDING_STYLES})
# A party's organisation line as the copy types it (typed_name): no block to print it in, not
# the written name, the name as written, no name to type (a draft's), no organisation line.
_FORMAL = "    formal_name: 国立大学法人北海道国立大学機構　北見工業大学\n"


def _typed_name(form: str, extra=()):
    return [(_FORMAL, _FORMAL + f"    typed_name: {form}\n"), *extra]


VARIANTS.update({
    "typed-name-no-document": _typed_name("国立大学法人北海道国立大学機構　北見工業大学", [(_DOC, "")]),
    "typed-name-other": _typed_name("国立大学法人北海道国立大学機構　北見大学"),
    "typed-name-as-written": _typed_name("国立大学法人北海道国立大学機構　北見工業大学"),
    "typed-name-left-open": [("    name: 北海道オホーツク総合振興局\n", "    name: null\n    typed_name: ｵﾎｰﾂｸ\n"),
                             (_STD, _STD + "\n    draft: true"), (SEED[SEED.index("press_notice:"):], "")],
    "typed-name-no-line": [("    name: 北海道オホーツク総合振興局\n",
                            "    name: 北海道オホーツク総合振興局\n    typed_name: 北海道ｵﾎｰﾂｸ総合振興局\n")],
})

# What a published copy leaves out (content/agreement/published.py): no closing after
# articles, or beside despite_closing (and its note after prose); seal places left blank
# with no block or no seal asked (and the note); a conjunction nothing composed joins; no
# signature block beside what only a block prints, a signer no notice prints (and the note).
_PROSE_OPEN = "    prose: [両者は連携する。]\n    closing: false"
_NO_NOTICE = (SEED[SEED.index("press_notice:"):], "")
VARIANTS.update({
    "closing-false-articles": (_STD, _STD + "\n    closing: false"),
    # the text's own word of another kind (kind_words_as_written): its note, a word of no
    # other kind and one the text never writes, and a kind held to no kind's word
    "kind-words-note": (_STD, _STD + "\n    kind_words_as_written: [本覚書]\n    extra_articles: [{heading: 現協定の適用,"
                        " name: original, after: consultation, text: [本覚書に定めのない事項は、原協定の定めによる。]}]"),
    "kind-words-no-effect": (_STD, _STD + "\n    kind_words_as_written: [本協定, 本契約]"),
    "kind-words-no-kind": (_STD, "    kind: 協議書\n    kind_words_as_written: [本覚書]\n    preamble: 甲と乙は、次のとおり協定する。"
                           "\n    closing: 上記のとおり協定する。\n    extra_articles: [{heading: 協議, name: talk, text: [本覚書の事項は、甲乙が協議する。]}]"),
    "closing-false-despite": (_STD, _PROSE_OPEN + "\n    signed_by_hand: despite_closing"),
    "closing-false-note": [(_STD, _PROSE_OPEN), ("    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n", "")],
    "closing-article-note": (_STD, _STD + "\n    closing: false\n    extra_articles: [{heading: 協定書の保管, name: copies,"
                             " after: consultation, text: [この協定の成立を証するため、甲及び乙は協定書２通を作成し、"
                             "記名押印のうえ各１通を保管するものとする。]}]"),
    "seal-places-no-seal": (_STD, _STD + "\n    seal_places: blank\n    closing: 以上の証として、甲乙署名の上、各自１通を保有する。"),
    "seal-places-note": (_STD, _STD + "\n    seal_places: blank"),
    "conjunction-no-effect": (_STD, _STD + "\n    labels: 両者\n    conjunction: と"),
    "blocks-withheld-keys": (_STD, _STD + "\n    signature_blocks: withheld\n    seal_places: blank\n"
                             "    block_labels: true\n    copies: true"),
    "blocks-withheld-by-hand": (_STD, _STD + "\n    signature_blocks: withheld\n    signed_by_hand: true"),
    "blocks-withheld-names": _TITLES_ALONE + [(_STD, _STD + "\n    signature_blocks: withheld\n    signer_names: withheld")],
    "blocks-withheld-witness": (_STD, _STD + "\n    signature_blocks: withheld\n    closing: 甲乙及び立会人が記名押印する。\n"
                                "    witnesses: [{name: 北海道, representative: {title: 北海道知事, name: 鈴木　直道}}]"),
    "blocks-withheld-signer": [(_STD, _STD + "\n    signature_blocks: withheld"), _NO_NOTICE],
    "blocks-withheld-note": [(_STD, _STD + "\n    signature_blocks: withheld"), ("    address: 北海道網走市北７条西３丁目\n", ""),
                             ("    address: 北海道北見市公園町165番地\n", "")],
})
# An article numbered as the text numbers it: a gap (the note), backwards, the number it has anyway, not a number.
_NUMBERED = _STD + "\n    extra_articles: [{heading: 個人情報の保護, after: %s, number: %s, text: [甲及び乙は、協議する。]}]"
VARIANTS.update({
    "article-number-gap": (_STD, _NUMBERED % ("costs", "99")),
    "article-number-backwards": (_STD, _NUMBERED % ("purpose", "1")),
    "article-number-anyway": (_STD, _NUMBERED % ("purpose", "2")),
    "article-number-words": (_STD, _NUMBERED % ("purpose", "八")),
    # an annex the text names and the document does not print (content/agreement/annex_refs.py)
    "annex-unprinted": (_STD, _STD + "\n    extra_articles: [{heading: 事業, after: purpose,"
                        " text: [甲及び乙は、別表に定める事業を行う。]}]"),
    "annex-unprinted-other": (_STD, _STD + "\n    extra_articles: [{heading: 事業, after: purpose,"
                              " text: [甲及び乙は、別表第2に定める事業を行う。]}]\n"
                              "    annexes: [{heading: 別表第1, parts: [事業の一覧]}]"),
    "annex-unprinted-several": (_STD, _STD + "\n    extra_articles: [{heading: 事業, after: purpose,"
                                " text: [甲及び乙は、別表第1及び第2に定める事業を行う。]}]"),
    "annex-unprinted-several-other": (_STD, _STD + "\n    extra_articles: [{heading: 事業, after: purpose,"
                                      " text: [甲及び乙は、別表第2から第4までに定める事業を行う。]}]\n"
                                      "    annexes: [{heading: 別表第1, parts: [事業の一覧]}]"),
})
# A party's co-signers (学長 beside the 理事長): without a signer, and in two columns.
_CO = ("      name: 鈴木　聡一郎\n", "      name: 鈴木　聡一郎\n    co_signers: [{title: 理事長, name: 山田　花子}]\n")
VARIANTS.update({
    "co-signers-two-columns": [(_STYLE, _STYLE + "style: style-two-columns.yaml\n"), _CO],
    "co-signers-without-signer": [("    representative:\n      title: 北見工業大学学長\n      name: 鈴木　聡一郎\n",
                                   "    co_signers: [{title: 理事長, name: 山田　花子}]\n")],
})
VARIANTS.update({
    "attachment-both": (_ATT, "attachments: [{title: 連携協定の概要, document: overview, file: map.pdf}]"),
    "attachment-spec-without-document": (_ATT, "attachments: [{title: 連携協定の概要, spec: other.yaml}]"),
    "extra-after-and-before": (_STD, _STD + "\n    extra_articles: [{heading: 個人情報の保護, after: costs, before: costs, text: [甲及び乙は、協議する。]}]"),
    "period-words": ("renewal_notice: 1か月", "renewal_notice: ひと月"),
    "event-year-other": [(_STYLE, _STYLE + "style: style-event-year.yaml\n"), ("    date: 2024-02-27", "    date: 2025-02-27")],
    "after-without-agreement": [(_AG, ""), (_ATT, "attachments: []"),
                                ("  contacts:\n", "  after: {issue_date: 2024-02-27, opening: [締結しました。]}\n  contacts:\n")],
    "house-style-sets-style": (_STYLE, _STYLE + "style: style-sets-style.yaml\n"),
    "too-many-items": [(_STYLE, _STYLE + "style: style-item-marker-parenthesized.yaml\n"),
                       (_STD, _STD + "\n    extra_articles: [{heading: 経費, text: [{text: 次のとおりとする。, items: ["
                        + ", ".join(f"費目{i}" for i in range(1, 22)) + "]}]}]")],
    "key-full-width-space": ("  subject: 北海道", "  \u3000subjectx: 1\n  subject: 北海道"),
    "before-meiji": ("  signing_date: 2024-02-27", "  signing_date: 1868-01-01"),
    "key-tab": ("  subject: 北海道", '  "\\tsubjectx": 1\n  subject: 北海道'),
    # the term as a length, seals, labels before no block, renewal defaults
    "length-and-end": (_END, _END + "    length: 1年\n"),
    "length-too-short": (_END, "    length: 1か月\n"),
    "block-labels-one-word": (_STD, _STD + "\n    labels: 両者\n    block_labels: false"),
    # the text after the last new_page, to the signatures, past its page (build/page_notes.py)
    "new-page-text-after-runs-on": (_STD, _STD + "\n    articles:\n      consultation:\n        new_page: true\n"
                                    "        text: [" + ", ".join(["甲及び乙は、本協定に定めのない事項について協議する。"] * 45)
                                    + "]"),
    "block-labels-list-one-word": (_STD, _STD + "\n    labels: 両者\n    block_labels: [bureau]"),
    "block-labels-no-party": (_STD, _STD + "\n    block_labels: [kitami]"),
    "block-labels-twice": (_STD, _STD + "\n    block_labels: [bureau, bureau]"),
    "block-labels-every-party": (_STD, _STD + "\n    block_labels: [bureau, kitami_it]"),
    "closing-without-seals": (_STD, _STD + "\n    closing: 以上のとおり協定する。"),
    "renewal-notice-default": ("    renewal_notice: 1か月\n", "    renewal_term: 1年\n"),
    "renewal-defaults": (_END + "    renewal_notice: 1か月\n", "    start: 2024-02-27\n"),
    "signing-year-with-date": ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  signing_year: 2024"),
    "signing-year-no-document": [(_AG, _AG[:_AG.index("  document:")]), (_ATT, "attachments: []"),
                                 ("  signing_date: 2024-02-27", "  signing_date: null\n  signing_year: 2025")],
})
VARIANTS.update({f"draft-signing-year-{year}": [
    (_AREAS, ""), (_ATT, "attachments: []"), (_STD, "    draft: true\n" + _STD),
    ("  signing_date: 2024-02-27", f"  signing_date: null\n  signing_year: {year}"), (_END, "")]
    for year in (1850, 2019, '"二〇二五"')})
VARIANTS.update({f"draft-signing-month-{name}": [
    (_AREAS, ""), (_ATT, "attachments: []"), (_STD, "    draft: true\n" + _STD),
    ("  signing_date: 2024-02-27", f"  signing_date: null\n{lines}"), (_END, "")]
    for name, lines in (("boundary", "  signing_year: 1989\n  signing_month: 1"), ("no-year", "  signing_month: 3"),
                        ("thirteen", "  signing_year: 2025\n  signing_month: 13"))})
# a date given in part (agreement.amends.signing_date, related's date: spec/values.py date_or_part_value),
# and one an era changed within, which the seed's era house cannot write (japanese.part_era_problem)
VARIANTS.update({f"date-in-part-{name}": ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n"
                                          f"  amends: {{title: 旧協定, signing_date: {value}}}")
                 for name, value in (("number", "1997"), ("bare-year", "'1997'"), ("words", "平成の初め"),
                                     ("before-meiji", "1868年"), ("before-era", "令和元年4月"),
                                     ("after-era", "平成31年5月"), ("two-eras", "1989年"))})
VARIANTS["agreement-number-text"] = ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  number: 第3号")
VARIANTS.update({
    "signing-month-with-date": ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  signing_month: 2"),
    # signature_mark ((署名) before the names) where it would stand before no name, or in a draft
    "signature-mark-withheld": ("    standard: 包括連携", "    signature_mark: (署名)\n    signature_blocks: withheld\n"
                                                        "    standard: 包括連携"),
    "signature-mark-draft": [(_AREAS, ""), (_ATT, "attachments: []"),
                             (_STD, "    draft: true\n    signature_mark: (署名)\n" + _STD),
                             ("  signing_date: 2024-02-27", "  signing_date: null"), (_END, "")],
    "signature-mark-no-name": [(_STD, "    signature_mark: (署名)\n    signer_names: withheld\n" + _STD),
                               ("      name: 中島　和彦\n", ""), ("      name: 鈴木　聡一郎\n    honorific: 様\n", "")],
    # before a blank line to sign on (a signer named by the title alone, signed_by_hand)
    "signature-mark-blank-line": [(_STD, "    signature_mark: (署名)\n    signed_by_hand: true\n"
                                         "    closing: 以上の証として、甲乙署名の上、各自１通を保有する。\n" + _STD),
                                  ("      name: 鈴木　聡一郎\n    honorific: 様\n", "")],
    # an amending agreement's generated preamble (named by the build), and a subject beside it
    "amends-preamble": ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n"
                                                     "  amends: {title: 旧協定, signing_date: 2019-02-05}"),
    "amends-subject": [("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  amends: {title: 旧協定}"),
                       (_STD, "    subject: 連携\n" + _STD)],
    # signing_era (a draft's open date in its own era): beside a date, beside a year, with no
    # document, and under a house whose blank date has no era
    "signing-era-with-date": ("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  signing_era: 大正"),
    "signing-era-with-year": [(_AREAS, ""), (_ATT, "attachments: []"), (_STD, "    draft: true\n" + _STD),
                              ("  signing_date: 2024-02-27", "  signing_date: null\n  signing_year: 1915\n"
                                                             "  signing_era: 大正"), (_END, "")],
    "signing-era-no-document": [(_AG, _AG[:_AG.index("  document:")]), (_ATT, "attachments: []"),
                                ("  signing_date: 2024-02-27", "  signing_date: null\n  signing_era: 大正")],
    "signing-era-western-blank": [(_AREAS, ""), (_ATT, "attachments: []"), (_STD, "    draft: true\n" + _STD),
                                  ("  signing_date: 2024-02-27", "  signing_date: null\n  signing_era: 大正"),
                                  (_END, ""), (_STYLE, _STYLE + "style: style-western-blank.yaml\n")],
    "co-signers-three-columns": [(_STYLE, _STYLE + "style: style-three-columns.yaml\n"), _CO],
    "country-no-document": [(_AG, _AG[:_AG.index("  document:")]), (_ATT, "attachments: []"),
                            ("    name: 北見工業大学\n", "    name: 北見工業大学\n    country: 日本国\n")],
    "signing-month-no-document": [(_AG, _AG[:_AG.index("  document:")]), (_ATT, "attachments: []"),
                                  ("  signing_date: 2024-02-27",
                                   "  signing_date: null\n  signing_year: 2025\n  signing_month: 3")],
})
# A 記 item that points at one of the notice's attachments (ki: - {label:, attachment:}):
# at none by number or title, at two of one title, beside text, with no attachment at all.
_KI_ATT = "  ki: [date, place, {label: 概要, attachment: %s}]\n  closing_ijo: false\n"
VARIANTS.update({
    "ki-attachment-number": ("  closing_ijo: false\n", _KI_ATT % "2"),
    "ki-attachment-title": ("  closing_ijo: false\n", _KI_ATT % "概要"),
    "ki-attachment-twice": [("  closing_ijo: false\n", _KI_ATT % "連携協定の概要"),
                            (_ATT, _ATT[:-1] + ", 連携協定の概要]")],
    "ki-attachment-text": ("  closing_ijo: false\n", _KI_ATT.replace("%s}", "1, text: [別紙]}")),
    "ki-attachment-none": [("  closing_ijo: false\n", _KI_ATT % "1"), (_ATT, "attachments: []")],
})
# The number before the notice's own sections' headings (press_notice.section_marker):
# malformed, with no headed section to number, "" where the house numbers none already.
_SECTION = "  sections: [{heading: 【参考】, paragraphs: [網走市は…]}]\n  closing_ijo: false\n"
VARIANTS.update({
    "section-marker-form": ("  closing_ijo: false\n", "  section_marker: \"{n}.\"\n" + _SECTION),
    "section-marker-no-heading": ("  closing_ijo: false\n", "  section_marker: \"{number}.\"\n  closing_ijo: false\n"),
    "section-marker-empty": ("  closing_ijo: false\n", "  section_marker: \"\"\n" + _SECTION),
    # a section's numbered: true (the default restated), false without a heading or a marker
    "section-numbered-true": ("  closing_ijo: false\n", _SECTION.replace("【参考】,", "【参考】, numbered: true,")),
    "section-numbered-no-heading": ("  closing_ijo: false\n", _SECTION.replace("heading: 【参考】,", "numbered: false,")),
    "follow-items-no-marker": ("  closing_ijo: false\n", "  sections_follow_items: true\n" + _SECTION),
    "follow-items-no-section": ("  closing_ijo: false\n", "  section_marker: \"{number}.\"\n  sections_follow_items: true\n"
                                "  sections: [{heading: 【参考】, before_ki: true, paragraphs: [網走市は…]}]\n"
                                "  closing_ijo: false\n"),
    "section-numbered-no-marker": ("  closing_ijo: false\n", _SECTION.replace("【参考】,", "【参考】, numbered: false,")),
    # a nested line typed with its own mark where the house prints one (content/typed_bullets.py)
    "typed-bullet-mark": ("  closing_ijo: false\n", "  sections: [{heading: 連携項目, paragraphs: [{text: 締結式,"
                          " bullets: [・会場　市役所]}]}]\n  closing_ijo: false\n"),
    # a signing date left open beside an agreement document that is no draft
    "null-outside-draft": ("  signing_date: 2024-02-27", "  signing_date: null"),
    # an agreement not yet signed (signing_date: null, no document): allowed, and said in a note
    "not-yet-signed": [("  signing_date: 2024-02-27\n", "  signing_date: null\n"),
                       ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
                        "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
                        "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n", "")],
    # an agreement not yet signed (signing_date: null) whose release after the signing prints the date
    "not-yet-signed-after": [("  signing_date: 2024-02-27\n", "  signing_date: null\n"),
                             ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
                              "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
                              "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n", ""),
                             ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n"
                                             "    opening: [本日、締結しました。]\n  closing_ijo:")],
    # a heading over the 記 items numbered as the sections: beside an item, or with no marker
    "ki-numbered-item": _ki("    - {item: date, numbered: true}\n    - place\n    - signatories\n    - agenda\n"),
    "ki-numbered-no-marker": _ki("    - {heading: 締結式, numbered: true}\n    - date\n    - place\n    - signatories\n"
                                 "    - agenda\n"),
})
_STD = "    standard: 包括連携"
_COVER = "    cover: {%s}\n" + _STD
_PARTIES_AGAIN = ("parties:\n", "parties:\n  p3: {name: 北見市, representative: {title: 北見市長, name: 辻　直孝}}\n"
                  "  p4: {name: 網走市, representative: {title: 網走市長, name: 水谷　洋一}}\n")
VARIANTS.update({
    "cover-unknown-party": (_STD, _COVER % "names: {zzz: 北見市}"),
    "cover-names-missing": (_STD, _COVER % "names: {bureau: 北海道オホーツク総合振興局}"),
    "cover-name-not-the-party": (_STD, _COVER % "names: {bureau: 北見市役所, kitami_it: 北見工業大学}"),
    "cover-name-open": [(_STD, "    draft: true\n" + _COVER % "names: {bureau: 北海道オホーツク総合振興局, kitami_it: 北見工業大学}"),
                        ("    name: 北見工業大学\n", "    name: null\n"),
                        ("    formal_name: 国立大学法人北海道国立大学機構　北見工業大学\n", ""),
                        (SEED[SEED.index("press_notice:"):], "")],     # (the notice would print the name)
    "cover-title-lines": (_STD, _COVER % "title: [北海道と北見工業大学との, 包括連携に関する協定書]"),
    "cover-side-by-side-many": [(_STD, _COVER % "side_by_side: true"), _PARTIES_AGAIN],
    "cover-side-by-side-no-names": (_STD, _COVER % "names: false, side_by_side: true"),
})
# No date line where the closing states the date of signing (document.date_line: in_closing):
# beside the generated closing, closing: false or a draft's open date; a closing naming
# another day and not the signing's, or without the key beside the date line; the note
# of a closing that states it; and a signer with no title (title: false) without a name,
# or with a typed title; a place of signing with no date line to stand under.
_OWN_CLOSING = "    closing: 本協定の締結を証するため、%s、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。\n"
VARIANTS.update({
    "date-line-generated": (_STD, "    date_line: in_closing\n" + _STD),
    "date-line-closing-false": (_STD, "    date_line: in_closing\n    closing: false\n" + _STD),
    "date-line-draft": [(_AREAS, ""), (_ATT, "attachments: []"),
                        (_STD, "    draft: true\n    date_line: in_closing\n" + _OWN_CLOSING % "令和６年２月27日" + _STD),
                        ("  signing_date: 2024-02-27", "  signing_date: null"), (_END, "")],
    "date-line-other-day": (_STD, "    date_line: in_closing\n" + _OWN_CLOSING % "令和６年２月28日" + _STD),
    "date-line-in-closing": (_STD, "    date_line: in_closing\n" + _OWN_CLOSING % "2024年2月27日" + _STD),
    "date-line-prints-other-day": (_STD, _OWN_CLOSING % "令和６年２月28日" + _STD),
    # the date over each signature block (date_line: over_each_signer): its note, and beside no block
    # (signature_blocks: withheld) or a place of signing with no date line to stand under
    "date-over-each-signer": (_STD, "    date_line: over_each_signer\n" + _STD),
    "date-over-no-block": (_STD, "    date_line: over_each_signer\n    signature_blocks: withheld\n" + _STD),
    "date-over-signing-place": (_STD, "    date_line: over_each_signer\n    signing_place: 北海道網走市にて\n" + _STD),
    # a prose list numbered ① to ⑳ (marker: ①) with a 21st entry
    "prose-marker-past-twenty": (_STD, "    prose: [両者は、次の事項に取り組む。, {marker: ①, items: ["
                                 + ", ".join(f"事項{n}" for n in range(21)) + "]}]\n    closing: ここに協定書を交換する。\n" + _STD),
    "pdfa-release-binding-a-file": (_ATT, "attachments: [{title: 連携協定の概要, document: overview},"
                                          " {title: チラシ, file: flyer.pdf}]"),
    "untrue-weekday": ("本協定の締結式を次のとおり執り行います。", "令和６年２月27日（月）に締結式を行います。"),
    "untrue-two-years": ("本協定の締結式を次のとおり執り行います。", "令和６年（2023年）２月27日に締結式を行います。"),
    "yearless-weekday-none": ("本協定の締結式を次のとおり執り行います。", "２月27日（水）に締結式を行います。"),
    "yearless-weekday-other-year": ("本協定の締結式を次のとおり執り行います。", "昨年２月27日（月）の懇談会を経ました。"),
    "untrue-day": ("本協定の締結式を次のとおり執り行います。", "令和６年２月30日に締結式を行います。"),
    "untrue-holiday": ("本協定の締結式を次のとおり執り行います。", "令和６年２月26日（月・祝）に締結式を行います。"),
    "day-off-on-a-holiday": ("本協定の締結式を次のとおり執り行います。", "令和６年５月３日（金・休）に締結式を行います。"),
    "yearless-day-off-on-a-holiday": ("本協定の締結式を次のとおり執り行います。", "５月３日（金・休）に締結式を行います。"),
    "holiday-of-a-later-year": ("本協定の締結式を次のとおり執り行います。", "令和12年３月22日（金・祝）に締結式を行います。"),
    "yearless-holiday-none": ("本協定の締結式を次のとおり執り行います。", "３月22日（木・祝）に締結式を行います。"),
    "yearless-holiday-certain": ("本協定の締結式を次のとおり執り行います。", "３月21日（木・祝）に締結式を行います。"),
    "yearless-holiday-name-other": ("本協定の締結式を次のとおり執り行います。", "２月12日（月、建国記念の日）に締結式を行います。"),
    "yearless-mark-none": ("本協定の締結式を次のとおり執り行います。", "５月７日（祝）に締結式を行います。"),
    "yearless-mark-other-year": ("本協定の締結式を次のとおり執り行います。", "３月21日（祝）に締結式を行います。"),
    "holiday-name-other": ("本協定の締結式を次のとおり執り行います。", "令和６年11月４日（月、文化の日）に締結式を行います。"),
    "holiday-forecast": ("本協定の締結式を次のとおり執り行います。", "令和12年３月20日（水・祝）に締結式を行います。"),
    "holiday-name-of-a-later-year": ("本協定の締結式を次のとおり執り行います。", "令和12年３月20日（水、文化の日）に締結式を行います。"),
    # a day written without its year, read around an issue date after holidays.KNOWN_THROUGH
    "yearless-holiday-forecast": [("  issue_date: 2024-02-16", "  issue_date: 2030-02-15"),
                                  ("本協定の締結式を次のとおり執り行います。", "３月20日（水・祝）に締結式を行います。")],
    "yearless-holiday-forecast-none": [("  issue_date: 2024-02-16", "  issue_date: 2030-02-15"),
                                       ("本協定の締結式を次のとおり執り行います。", "３月21日（木・祝）に締結式を行います。")],
    "yearless-holiday-name-forecast": [("  issue_date: 2024-02-16", "  issue_date: 2030-02-15"),
                                       ("本協定の締結式を次のとおり執り行います。", "３月20日（水、建国記念の日）に締結式を行います。")],
    "yearless-holiday-other-year": ("本協定の締結式を次のとおり執り行います。", "昨年３月21日（火・祝）の懇談会を経ました。"),
    "signing-place-no-date-line": (_STD, "    date_line: in_closing\n    signing_place: 北海道網走市にて\n"
                                   + _OWN_CLOSING % "令和６年２月27日" + _STD),
    "title-false-no-name": ("      title: 北見工業大学学長\n      name: 鈴木　聡一郎\n", "      title: false\n"),
    "title-false-typed": ("      title: 北見工業大学学長\n", "      title: false\n      typed: {title: 北見}\n"),
})
# Whole files, not variants of the seed: (bytes, what they are).
FILES = {
    "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    "docx": b"PK\x03\x04\x14\x00",
    "xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF",
    "scalar": "これはテキストです\n".encode("utf-8"),
}


def _photo_left_out(folder: Path) -> list:
    """A notice with a photo, under a user's notice template that prints no photos."""
    from PIL import Image
    from test_photos import notice_template_without_photos
    folder.mkdir()
    Image.new("RGB", (40, 30), (120, 140, 160)).save(folder / "sign.jpg")
    spec = folder / "photo.yaml"
    spec.write_text(SEED.replace("  press_request:\n", _SECTION % "      photos: [{file: sign.jpg, alt: 握手}]\n", 1),
                    encoding="utf-8")
    (folder / "templates").mkdir()
    (folder / "templates" / "press-notice.xml.j2").write_text(notice_template_without_photos(), encoding="utf-8")
    return _findings(spec, folder / "templates")


def _caption_name_announced(folder: Path) -> list:
    """A photo's names: repeating a name only the spec the notice also announces holds
    (a companion of the seed with 北見市 for 北見工業大学, its mayor 辻　直孝): refused where
    the announced specs are loaded."""
    from PIL import Image
    folder.mkdir()
    Image.new("RGB", (40, 30), (120, 140, 160)).save(folder / "sign.jpg")
    city = _AGREEMENT_ONLY.replace("北見工業大学学長", "北見市長").replace("北見工業大学", "北見市").replace(
        "鈴木　聡一郎", "辻　直孝").replace("kitami_it", "kitami_city")
    (folder / "companion-city.yaml").write_text(city, encoding="utf-8")
    spec = folder / "photo.yaml"
    photo = "      photos: [{file: sign.jpg, caption: 辻直孝市長, names: [辻　直孝]}]\n"
    spec.write_text(SEED.replace("  press_request:\n", _SECTION % photo, 1).replace(
        "press_notice:\n", "press_notice:\n  also: [companion-city.yaml]\n", 1), encoding="utf-8")
    return _findings(spec)


def _too_few_copies(folder: Path) -> list:
    """The four parties and the witness of tests/data/witness under a closing that makes
    four originals for the five who keep one."""
    folder.mkdir()
    witness = ROOT / "tests" / "data" / "witness" / "four-parties-witness.yaml"
    spec = folder / "copies.yaml"
    spec.write_text(witness.read_text(encoding="utf-8").replace("本書５通", "本書４通"), encoding="utf-8")
    return _findings(spec)


def _findings(path: Path, templates: Path | None = None) -> list:
    """Problems, warnings and notes of one spec, as `check` finds them (cli.run_check);
    a spec whose name starts with final- as `check --final` does, and one whose name
    starts with pdfa- as a build with --pdfa lays it out."""
    from jpdocs.build.documents import render_spec
    from jpdocs.output import safe_folder_name
    from jpdocs.spec.load import load_spec
    found = []
    try:
        loaded = load_spec(path)
        found += loaded.warnings
        safe_folder_name(loaded.name, loaded.path)
        render_spec(loaded, final=path.name.startswith("final-"), templates=templates,
                    pdfa=path.name.startswith("pdfa-"))
    except InputError as exc:
        return found + exc.problems
    return found + loaded.warnings[len(found):] + loaded.notes


def _build_findings(tmp: Path) -> dict[str, list]:
    """The problems of real builds (batch.run, one spec at a time, in this process) that
    `check` never meets: the output folder in the way, two specs for one folder, a time
    limit."""
    from jpdocs.build import batch
    out: dict[str, list] = {}

    def spec(rel: str) -> Path:
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SEED, encoding="utf-8")
        return path

    def run(specs, root, **kw) -> list:
        res = batch.run(specs, root, ("pdf",), extra={"kinds": ("press-notice",)}, **kw)
        return [p for r in res["failed"] for p in r.problems]

    root = tmp / "out"
    out["clash"] = run([spec("a/clash.yaml"), spec("b/clash.yaml")], root)
    run([spec("a/owner.yaml")], root)
    out["owner"] = run([spec("b/owner.yaml")], root)
    (root / "foreign").mkdir(parents=True)
    (root / "foreign" / "press-notice.pdf").write_bytes(b"mine")
    out["foreign"] = run([spec("foreign.yaml")], root)
    run([spec("edited.yaml")], root)
    (root / "edited" / "press-notice.pdf").write_bytes(b"edited in Word")
    (tmp / "edited.yaml").write_text(SEED + "# changed\n", encoding="utf-8")      # so that it is built again
    out["edited"] = run([tmp / "edited.yaml"], root)
    (root / "not-plain" / "press-notice.pdf").mkdir(parents=True)
    out["not-plain"] = run([spec("not-plain.yaml")], root)
    (tmp / "elsewhere").mkdir()
    (root / "linked").symlink_to(tmp / "elsewhere")
    out["linked"] = run([spec("linked.yaml")], root)
    # a limit no build meets (0.01 s was met by a warm notice, in process, on a fast run)
    out["slow"] = run([spec("slow.yaml")], root, time_limit=1e-6)
    (tmp / "a-file").write_text("x", encoding="utf-8")
    out["no-folder"] = run([spec("no-folder.yaml")], tmp / "a-file" / "out")
    # a fault of jpdocs itself in one spec's build: said, and the batch goes on
    def fault(*args, **kwargs):
        raise RuntimeError("a fault of the test's making")
    from jpdocs.build import documents
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(documents, "build_in_memory", fault)
        out["internal-error"] = run([spec("internal-error.yaml")], root)
    # a spec deleted since an earlier run, its folder left in the output
    gone = spec("gone.yaml")
    run([gone], root)
    gone.unlink()
    res = batch.run([spec("after-gone.yaml")], root, ("pdf",), extra={"kinds": ("press-notice",)})
    out["gone"] = [w for r in res["gone"] for w in r.warnings]
    assert out["gone"]
    return {f"build-{name}": found for name, found in out.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, list]:
    """{spec name: its problems, warnings and notes}: the bad specs, the bundled specs,
    the variants of the seed, the odd files, and the builds that meet the output folder."""
    folder = tmp_path_factory.mktemp("i18n")
    paths = sorted(BAD.glob("*.yaml")) + sorted(SPECS.glob("*.yaml"))
    for name, text in COMPANIONS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "damaged.ttf").write_bytes(_DAMAGED_FONT)
    (folder / "style-font-damaged.yaml").write_text(f"fonts:\n  mincho: {folder / 'damaged.ttf'}\n", encoding="utf-8")
    from reportlab.pdfgen.canvas import Canvas      # a PDF of another's making, for a release to bind
    flyer = Canvas(str(folder / "flyer.pdf"), invariant=1)
    flyer.drawString(72, 720, "flyer")
    flyer.save()
    from PIL import Image                            # a picture, for a photo that is one
    Image.new("RGB", (40, 30), (120, 140, 160)).save(folder / "photo.jpg")
    for name, changes in VARIANTS.items():
        text = SEED
        for old, new in changes if isinstance(changes, list) else [changes]:
            assert old in text, name
            text = text.replace(old, new, 1)
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    for cp in (0x200C, 0x200D, 0x2060, 0xFEFF):        # the other invisible characters, by name
        path = folder / f"invisible-{cp:04X}.yaml"
        path.write_text(SEED.replace("venue: オホーツク合同庁舎", f"venue: オホーツク{chr(cp)}合同庁舎", 1),
                        encoding="utf-8")
        paths.append(path)
    (folder / "variant.yaml").write_text("not a pdf\n", encoding="utf-8")
    for name, data in FILES.items():
        (folder / f"file-{name}.yaml").write_bytes(data)
        paths.append(folder / f"file-{name}.yaml")
    big = folder / "file-big.yaml"
    with big.open("wb") as fh:
        fh.truncate(1_000_001)
    paths.append(big)
    out = {p.name: _findings(p) for p in paths}
    for name, text in TEMPLATE_VARIANTS.items():
        (folder / f"templates-{name}").mkdir()
        (folder / f"templates-{name}" / "press-notice.xml.j2").write_text(text, encoding="utf-8")
        out[f"templates-{name}"] = _findings(SEED_SPEC, folder / f"templates-{name}")
    out["templates-leaves-photo-out"] = _photo_left_out(folder / "photo")
    out["templates-before-foot-line"] = _findings(ROOT / "tests" / "data" / "real" / "hiroshima-labour-hatsukaichi-2024.yaml",
                                                  ROOT / "tests" / "data" / "old_templates" / "before-foot-line")
    # a setting an old template does not heed: one it prints as if it were not there, and
    # one that turns off text the template prints all the same
    old = ROOT / "tests" / "data" / "old_templates"
    out["templates-before-subtitle-joined"] = _findings(ROOT / "tests" / "data" / "real" / "reitaku-sakai-2015.yaml",
                                                        old / "before-subtitle-joined")
    out["templates-before-header-false"] = _findings(ROOT / "tests" / "data" / "real" / "ageo-fire-2018.yaml",
                                                     old / "before-header-false")
    # a spec's key an old template does not print: an entry of a form newer than it (the
    # opening's photos), a linked document's address it links nothing to
    out["templates-before-opening-photos"] = _findings(ROOT / "tests" / "data" / "real" / "ageo-motomiya-2013.yaml",
                                                       old / "before-opening-photos")
    out["templates-before-document-links"] = _findings(_with_address(folder / "links"), old / "before-document-links")
    # a notice without a title and without an agreement (豊沢川土地改良区's report): the note
    # naming the issuer's name as the file's title
    out["no-title-no-agreement"] = _findings(ROOT / "tests" / "data" / "real" / "toyosawagawa-hanamaki-838.yaml")
    # witnesses without a label (小山町's 協定書 of 1955): the note naming each signature field
    out["unlabelled-witnesses"] = _findings(ROOT / "tests" / "data" / "real" / "oyama-ashigara-1955.yaml")
    out["closing-too-few-copies"] = _too_few_copies(folder / "copies")
    out["caption-name-announced"] = _caption_name_announced(folder / "announced")
    out.update(_build_findings(folder / "build"))
    out.update(_worker_findings())
    assert all(out.values()), [n for n, found in out.items() if not found]
    return out


def _with_address(folder: Path) -> Path:
    """鹿児島市's notice with its 4.協定書's address, beside a copy of its house style."""
    real = ROOT / "tests" / "data" / "real"
    (folder / "styles").mkdir(parents=True)
    shutil.copy(real / "styles" / "kagoshima-city.yaml", folder / "styles")
    spec = folder / "kagoshima-ogaki-2024.yaml"
    spec.write_text((real / spec.name).read_text(encoding="utf-8").replace(
        "document: {title: 協定書}", "document: {title: 協定書, address: https://www.example.jp/kyotei.pdf}"),
        encoding="utf-8")
    return spec


def _fully_translated(message: str, depth: int = 0) -> bool:
    """The message matches a template, and so does each msg… hole of it."""
    found = JA._templates.match(message)
    return found is not None and all(_fully_translated(v, depth + 1)
                                     for k, v in found[2].items() if k.startswith("msg"))


def test_every_message_of_the_corpus_is_in_japanese(corpus):
    """Each message, and what its file and line are of where it says (a template's
    line: the markup it rendered, the macro's calls)."""
    said = [(name, text) for name, found in corpus.items() for p in found for text in (p.message, p.about) if text]
    left = [(name, text) for name, text in said if not _fully_translated(text)]
    assert left == [], "\n".join(map(repr, left))
    for _, text in said:
        assert KANA.search(JA.message(text)), text
    assert any(text.startswith("in the macro called at ") and ", from " in text for _, text in said)


def test_every_template_matches_a_message_the_code_writes(corpus, commands):
    """A template that no message matches is an English text that changed (or went):
    its translation would silently stop being used."""
    used = set()

    def use(message: str):
        found = JA._templates.match(message)
        if found:
            used.add(found[0])
            for k, v in found[2].items():
                if k.startswith("msg"):
                    use(v)

    for found in corpus.values():
        for p in found:
            use(p.message)
            if p.about:
                use(p.about)
    for line in _command_line_lines():
        use(line)
    for runs in commands.values():
        for stream in runs[None][1:]:
            for message in _command_messages(stream):
                use(message)
    for text in _help_texts():
        use(text)
    catalogue = {msgid for _, msgid, _ in JA._templates.entries}
    assert sorted(catalogue - used) == [], "\n".join(sorted(catalogue - used))


def _command_line_lines() -> list[str]:
    """The command line's own lines (not a spec's), as cli/ writes them, with the
    words that start a line (error:, note: …) and the summary."""
    from jpdocs import cli
    src = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(cli.__file__).parent.glob("*.py")))
    out = ["error:", "warning:", "note:", "ok:", "built:", "unchanged:", "failed:",
           "built 2, unchanged 0, failed 1 (2.5 s); output in /tmp/out",
           "reads /a/b.png, outside the spec's folder", "no specs found",
           "/tmp/x: --templates needs a folder of templates",
           "interrupted: files already written are complete; nothing is half-written",
           "out of memory (is a spec or a template unusually large?)",
           "internal error: ValueError: boom\nThis is a fault in jpdocs, not in your spec. Files already written"
           " are complete. Please report it with the spec (set JPDOCS_DEBUG=1 to see the details)."]
    # each of those (but the words, the summary and the internal error) is in cli/ as written here
    for line in out[8:13]:
        fixed = line.replace("/a/b.png", "{outside}").replace("/tmp/x", "{folder}")
        assert fixed in src, fixed
    # sign's prompt for the key's password (only where standard input is a terminal)
    assert 'getpass(messages().message(f"password for {args.p12}: "))' in src
    return out + ["password for /a/b.p12: ", "made nothing:"]


def _run(args, language: str | None, **extra) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = language or "C.UTF-8"
    env.update(extra)
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=600)


# error: file:line: key: message (a key may be an option: --password-file)
PROBLEM = re.compile(r"^(error|warning|note): (\S+?)(?::(\d+))?: (?:((?:--)?[A-Za-z_][\w.\[\]-]*): )?(.*)$", re.DOTALL)


def _annual_style_specs(folder: Path) -> list[Path]:
    """The seed under each house style of _ANNUAL_STYLES (one mistake of the annual book's
    columns, count:, areas_mark, prose or web each), its style file beside it."""
    paths = []
    for name, text in _ANNUAL_STYLES.items():
        (folder / f"style-{name}.yaml").write_text(text, encoding="utf-8")
        path = folder / f"house-style-{name}.yaml"
        path.write_text(SEED.replace(_STYLE, _STYLE + f"style: style-{name}.yaml\n", 1), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def check_both(tmp_path_factory):
    """`check` of every bad spec, the bundled specs and the seed under the annual book's
    faulty house styles, in English and in Japanese."""
    files = (sorted(BAD.glob("*.yaml")) + sorted(SPECS.glob("*.yaml"))
             + _annual_style_specs(tmp_path_factory.mktemp("annual-styles")))
    return _run(["check", *files], None), _run(["check", *files], "ja_JP.UTF-8")


def test_the_command_line_says_each_problem_in_japanese_at_the_same_place(check_both):
    english, japanese = check_both
    assert english.returncode == japanese.returncode == 1
    words = {"error": "エラー", "note": "備考", "ok": "OK"}
    for stream in ("stderr", "stdout"):
        en, ja = getattr(english, stream).splitlines(), getattr(japanese, stream).splitlines()
        assert len(en) == len(ja) and en
        for e, j in zip(en, ja):
            if e.startswith("ok: "):
                assert j == "OK: " + e[4:]
                continue
            word, file, line, key, message = PROBLEM.match(e).groups()
            place = f"{file}:{line}:" if line else f"{file}:"
            prefix = f"{words[word]}: {place} {key}: " if key else f"{words[word]}: {place} "
            assert j.startswith(prefix), (e, j)
            said = j[len(prefix):]
            assert said == JA.message(message) and said != message and KANA.search(said), (e, j)
    assert english.stderr.count("error: ") == 63 + 21       # 59 specs, some with more than one mistake; 21 styles
    # each annual house style's one mistake, at its style file's line and key under annual.
    for name in _ANNUAL_STYLES:
        [line] = [e for e in english.stderr.splitlines() if f"/style-{name}.yaml:" in e]
        assert PROBLEM.match(line).group(4).startswith("annual."), line


def test_english_stays_exactly_as_it_was_without_a_japanese_locale(check_both, tmp_path):
    english, _ = check_both
    assert "エラー" not in english.stderr and "備考" not in english.stdout
    for language in (None, "en_US.UTF-8", "C", "fr_FR.UTF-8"):
        again = _run(["check", BAD / "30-unknown-key.yaml", SEED_SPEC], language)
        assert again.stderr == ("error: tests/bad_specs/30-unknown-key.yaml:14: press_notice.subject: this key is"
                                " required but missing (is it the misspelt 'subjet' at line 16?)\n"
                                "error: tests/bad_specs/30-unknown-key.yaml:16: press_notice.subjet: unknown key"
                                " 'subjet'; did you mean 'subject'?\n").replace("tests/", str(BAD.parent) + "/")
        assert again.stdout.startswith("note: ") and "ok: " in again.stdout


def test_the_build_says_its_summary_and_progress_in_japanese(tmp_path):
    result = _run([SPECS, BAD / "23-february-30.yaml", "-o", tmp_path, "--format", "pdf"], "ja_JP.UTF-8")
    assert result.returncode == 1
    assert re.search(r"^作成 2 件、変更なし 0 件、失敗 1 件（[\d.]+ 秒）。出力先: ", result.stdout, re.M), result.stdout
    assert "失敗: " in result.stdout and "作成: " in result.stdout
    assert "2024-02-30 という日付はありません。2024年2月は 29 日までです" in result.stderr
    assert "備考: " in result.stdout and "標準の条文セット「包括連携」" in result.stdout
    assert "error" not in result.stderr and "built" not in result.stdout


def test_a_message_no_template_matches_stays_english_and_whole():
    for message in ("something new went wrong: {x}", "", "unknown key", "the file is empty, or not"):
        assert JA.message(message) == message
    # a value with braces or a hole's own name is filled in as it is
    assert JA.message("unknown key '{close}'; did you mean 'a{b}'?") == \
        "「{close}」というキーはありません。「a{b}」の書き間違いではありませんか？"


def test_the_language_follows_the_locale_and_the_browser(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert i18n.environment_language() is None
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert i18n.environment_language() == "ja"
    monkeypatch.setenv("LC_ALL", "C")                  # LC_ALL comes before LANG
    assert i18n.environment_language() is None
    monkeypatch.setenv("LANGUAGE", "ja:en")
    assert i18n.environment_language() == "ja"
    for header, language in (("ja,en-US;q=0.9", "ja"), ("en-US,en;q=0.9,ja;q=0.8", None), (None, None),
                             ("fr, ja;q=0.5", "ja"), ("ja;q=x, en", None)):
        assert i18n.accept_language(header) == language, header


@pytest.mark.parametrize("po", list(i18n.po_files()), ids=lambda p: p.name)
def test_each_compiled_catalogue_is_what_its_po_compiles_to(po):
    catalogue = i18n.read_po(po.read_text(encoding="utf-8"))
    assert po.with_suffix(".mo").read_bytes() == i18n.compile_mo(catalogue), \
        f"{po.with_suffix('.mo')} is stale: run python -m jpdocs.i18n"
    import gettext
    with po.with_suffix(".mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)      # Python's own reader agrees
    for msgid, msgstr in catalogue.items():
        if msgid:
            assert compiled.gettext(msgid) == msgstr
            # the same holes (a hole may be said twice), and a translation, not the English again
            assert set(re.findall(r"\{\w+\}", msgid)) == set(re.findall(r"\{\w+\}", msgstr)), msgid
            assert msgstr and msgstr != msgid, msgid


def test_the_app_shows_a_problem_at_its_field_in_the_browsers_language(tmp_path):
    """The preview's problems and notes, and a spec that does not open, in Japanese for
    Accept-Language: ja; in English for a browser that prefers English."""
    from test_app import Client
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / SEED_SPEC.name).write_text(SEED, encoding="utf-8")
    (folder / "broken.yaml").write_text("issuer: x\nparties:\n\tbureau: {}\n", encoding="utf-8")
    client = Client(folder)
    try:
        ja, en = {"Accept-Language": "ja,en;q=0.8"}, {"Accept-Language": "en-US,en;q=0.9,ja;q=0.5"}
        status, spec = client.json("GET", f"/api/spec?name={SEED_SPEC.name}", headers=ja)
        data = spec["data"]
        data["press_notice"]["ceremony"]["date"] = "2024-02-30"
        body = {"name": SEED_SPEC.name, "data": data}
        status, out = client.json("POST", "/api/preview", body, headers=ja)
        [problem] = out["problems"]
        assert status == 200 and problem["key"] == "press_notice.ceremony.date"      # at its field
        assert problem["message"] == "2024-02-30 という日付はありません。2024年2月は 29 日までです"
        assert problem["text"].startswith("エラー: ") and problem["text"].endswith(
            ": press_notice.ceremony.date: 2024-02-30 という日付はありません。2024年2月は 29 日までです")
        status, out = client.json("POST", "/api/preview", body, headers=en)
        assert out["problems"][0]["message"] == "2024-02-30 is not a valid date: 2024年2月 has 29 days"
        assert out["problems"][0]["text"].startswith("error: ")
        # the notes of a spec that builds
        del data["agreement"]["validity"]["end"]
        data["press_notice"]["ceremony"]["date"] = "2024-02-27"
        status, out = client.json("POST", "/api/preview", body, headers=ja)
        assert out["problems"] == [] and any(n["text"].startswith("備考: ") and "翌年度の末日です" in n["text"]
                                             for n in out["notes"]), out["notes"]
        # a spec that is not YAML opens with the loader's message
        status, out = client.json("GET", "/api/spec?name=broken.yaml", headers=ja)
        [problem] = out["problems"]
        assert problem["line"] == 3 and problem["message"].startswith(
            "YAML として正しくありません。字下げにタブ文字が使われています"), problem
    finally:
        client.close()


@pytest.mark.parametrize("fault, english, japanese", [
    (ValueError("boom"), "internal error: ValueError: boom\nThis is a fault in jpdocs, not in your spec.",
     "内部エラー: ValueError: boom\nspec ではなく jpdocs の不具合です。"),
    (KeyboardInterrupt(), "interrupted: files already written are complete",
     "中断しました。書き出し済みのファイルは完全で"),
    (MemoryError(), "error: out of memory", "エラー: メモリが足りません"),
])
def test_the_command_lines_own_fault_messages_follow_the_locale(fault, english, japanese, monkeypatch, capsys):
    from jpdocs import cli

    def broken(argv):
        raise fault
    monkeypatch.setitem(cli.COMMANDS, "check", broken)
    for language, expected in ((None, english), ("ja_JP.UTF-8", japanese)):
        monkeypatch.setenv("LANG", language or "C.UTF-8")
        cli.main(["check", "x.yaml"])
        assert capsys.readouterr().err.startswith(expected)


# ---------------------------------------------------------------- sign and annual
# Their own messages, through the command line's display path (cli.main, in this
# process, once in English and once under LANG=ja_JP.UTF-8).

def _cli(argv: list, language: str | None, **env) -> tuple[int, str, str]:
    import contextlib
    import io
    from jpdocs import cli
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "JPDOCS_P12_PASSWORD"):
            mp.delenv(name, raising=False)
        mp.setenv("LANG", language or "C.UTF-8")
        for name, value in env.items():
            mp.setenv(name, value)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main([str(a) for a in argv])
            except SystemExit as exc:           # argparse: --help, wrong usage
                code = exc.code
    return code, out.getvalue(), err.getvalue()


def _command_scenarios(tmp: Path, agreement_pdf: Path) -> dict[str, tuple[list, dict]]:
    """{name: (argv, environment)} of `sign` and `annual` runs, each meeting one of
    their own messages (the files they need made under tmp)."""
    from certs import make_p12
    good, _ = make_p12(tmp)
    expired, _ = make_p12(tmp, name="Old Signer", valid=(-60, -1))
    certs_only, _ = make_p12(tmp, name="Certs Only", with_key=False)
    key_only = tmp / "key-only.p12"           # a private key without its certificate
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    key_only.write_bytes(pkcs12.serialize_key_and_certificates(
        b"k", rsa.generate_private_key(public_exponent=65537, key_size=2048), None, None,
        BestAvailableEncryption(b"secret")))
    src = tmp / "agreement.pdf"
    src.write_bytes(agreement_pdf.read_bytes())
    (tmp / "not-a-pdf.pdf").write_text("text\n", encoding="utf-8")
    (tmp / "exists.pdf").write_bytes(b"%PDF-1.7\n")
    key = {"JPDOCS_P12_PASSWORD": "secret"}
    password = tmp / "password.txt"
    password.write_bytes(b"\xff\xfesecret\n")

    def sign(pdf, field, p12, out, *extra, env=key):
        return ["sign", pdf, "--field", field, "--p12", p12, "-o", tmp / out, *extra], env

    twice = tmp / "signed-once.pdf"
    from jpdocs.pdf.signing import sign_file
    signed = sign_file(src, "甲", good, b"secret", tmp / "signed.pdf").read_bytes()
    at = signed.index(b"/Producer")                       # a byte the signature covers
    (tmp / "tampered.pdf").write_bytes(signed[:at + 3] + b"X" + signed[at + 4:])
    early, _ = make_p12(tmp, name="Early Signer", valid=(2, 30))
    specs = tmp / "specs"
    (specs / "styles").mkdir(parents=True)
    (specs / "seed.yaml").write_text(SEED, encoding="utf-8")
    (specs / "styles" / "house.yaml").write_text("name: 別の標準\n", encoding="utf-8")
    (tmp / "twice").mkdir()
    for name in ("a.yaml", "b.yaml"):
        (tmp / "twice" / name).write_text(SEED, encoding="utf-8")
    era_year = tmp / "era-year"               # FY2019, begun in 平成: its name 令和元年度 is noted
    era_year.mkdir()
    (era_year / "moved.yaml").write_text(SEED.replace("2024-02-", "2019-06-").replace("2025-03-31", "2021-03-31"),
                                         encoding="utf-8")
    chosen = tmp / "chosen-end.yaml"          # no validity: the book lists the standard article's end
    chosen.write_text(SEED.replace("  validity:\n" + _END + "    renewal_notice: 1か月\n", ""), encoding="utf-8")
    office = tmp / "issuing-office.yaml"      # no department: the book's 担当課 is the notice's issuing office
    office.write_text(SEED.replace("  department: オホーツク総合振興局地域創生部地域政策課   # 担当課 (the annual book)\n", "")
                      .replace("  issue_date: 2024-02-16\n", "  issue_date: 2024-02-16\n  issuing_office: 地域政策課\n"),
                      encoding="utf-8")
    # an issuing office that is no unit of the issuer: the book's 担当課 left empty, said why
    refused = {"person": "地域政策課長　杉村　勝彦", "whole": "北海道オホーツク総合振興局", "other": "北見工業大学　総務課"}
    for name, line in refused.items():
        (tmp / "office-refused" / name).mkdir(parents=True)
        (tmp / "office-refused" / name / f"{name}.yaml").write_text(
            office.read_text(encoding="utf-8").replace("  issuing_office: 地域政策課\n", f"  issuing_office: {line}\n"),
            encoding="utf-8")
    # a partner's name the book prints with a character no font of the book's style has
    (tmp / "book-glyph").mkdir()
    (tmp / "book-glyph" / "yoshi.yaml").write_text(SEED.replace("    name: 北見工業大学\n", "    name: 𠮷見工業大学\n", 1),
                                                   encoding="utf-8")
    book_style = tmp / "book-style.yaml"
    book_style.write_text("name: 一覧\n", encoding="utf-8")
    side = tmp / "side-unknown.yaml"          # 北海道 issues; its bureau says no issuing: refused
    side.write_text(SEED.replace("issuer: 北海道オホーツク総合振興局", "issuer: 北海道", 1), encoding="utf-8")
    elsewhere = tmp / "side-chosen.yaml"      # an issuer that is no party: every party listed, noted
    elsewhere.write_text(SEED.replace("issuer: 北海道オホーツク総合振興局", "issuer: 網走市", 1), encoding="utf-8")
    issuer_column = tmp / "issuer-column.yaml"   # the 締結者 column over an issuer that is no party
    issuer_column.write_text("name: 一覧\nannual:\n  columns:\n    - {data: title}\n    - {data: issuer}\n",
                             encoding="utf-8")
    fields = tmp / "fields.yaml"
    fields.write_text(SEED.replace("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n  fields: {分野: 包括連携}"),
                      encoding="utf-8")
    related = tmp / "related.yaml"                 # a 覚書 under it, in the standard book (no column of related)
    related.write_text(SEED.replace("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n"
                                    "  related: [{title: インターンシップに関する覚書, date: 2024-09-02}]"), encoding="utf-8")
    amends_word = tmp / "amends-word" / "amends-word.yaml"    # amends.word in a book printing no line for it
    amends_word.parent.mkdir()
    amends_word.write_text(SEED.replace("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n"
                                        "  amends: {title: 旧協定, word: 一部変更}"), encoding="utf-8")
    no_amends_line = tmp / "no-amends-line.yaml"
    no_amends_line.write_text("name: 一覧\nannual:\n  columns:\n    - {data: title}\n    - {data: amends}\n",
                              encoding="utf-8")
    amends_false = tmp / "amends-false.yaml"
    amends_false.write_text("name: 一覧\nannual:\n  columns:\n    - {data: title, amends: false}\n", encoding="utf-8")
    no_title = tmp / "no-title.yaml"
    no_title.write_text("name: 一覧\nannual:\n  columns:\n    - {data: signing_date}\n", encoding="utf-8")
    field_columns = tmp / "field-columns.yaml"     # columns of other fields than the spec's 分野
    field_columns.write_text("name: 一覧\nannual:\n  columns:\n    - {data: title}\n    - {field: 分類}\n"
                             "    - {field: 備考}\n", encoding="utf-8")
    kind = tmp / "kind" / "kind.yaml"              # a title of no kind's word, no document.kind: counted as 協定書
    kind.parent.mkdir()
    kind.write_text(SEED.replace("  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定",
                                 "  title: 北海道オホーツク総合振興局と北見工業大学との包括連携", 1), encoding="utf-8")
    # one of several agreements (agreements:) whose title ends in no kind's word: counted as 協定書,
    # said at its title (it can hold no document.kind)
    several = tmp / "kind-several" / "fire.yaml"
    several.parent.mkdir()
    (several.parent / "photos").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "real" / "photos" / "stand-in.jpg", several.parent / "photos")
    several.write_text((ROOT / "tests" / "data" / "real" / "amatobu-fire-2020.yaml").read_text(encoding="utf-8")
                       .replace("    title: 大規模災害時におけるLPガス供給の協力に関する協定\n",
                                "    title: 大規模災害時におけるLPガス供給の協力について\n"), encoding="utf-8")
    # a form (雛形) beside an agreement signed: its party's blank (○○大学) leaves it out of the book, said
    form = tmp / "form"
    form.mkdir()
    (form / "signed.yaml").write_text(SEED, encoding="utf-8")
    (form / "form.yaml").write_text(SEED.replace("    formal_name: 国立大学法人北海道国立大学機構　北見工業大学\n", "", 1)
                                    .replace("    name: 北見工業大学\n", "    name: ○○大学\n", 1), encoding="utf-8")
    # the book's day (annual/as_of.py): an amendment and a 覚書 after the year's end, and with
    # --as-of within the year an agreement signed after that day too
    later = tmp / "later"
    later.mkdir()
    (later / "amended.yaml").write_text(SEED.replace("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n"
                                                     "  amendments: [{date: 2024-06-01}]\n  related: [{title:"
                                                     " インターンシップに関する覚書, date: 2024-09-02}]"), encoding="utf-8")
    # a 覚書 dated by its year alone, whose year runs past the book's year and day
    (later / "in-part.yaml").write_text(SEED.replace("  signing_date: 2024-02-27", "  signing_date: 2024-02-27\n"
                                                     "  related: [{title: 防災に関する覚書, date: 2024年}]").replace(
        "  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定",
        "  title: 北海道オホーツク総合振興局と北見工業大学との観光に関する連携協定", 1), encoding="utf-8")
    (later / "signed-later.yaml").write_text(SEED.replace("2024-02-27", "2024-03-15").replace(
        "  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定",
        "  title: 北海道オホーツク総合振興局と北見工業大学との防災に関する連携協定", 1), encoding="utf-8")
    # agreement.number (annual/numbers.py): given by one agreement of the book and not the other, or
    # the same number twice
    for name, numbers in (("missing", (3, None)), ("twice", (3, 3))):
        (tmp / f"number-{name}").mkdir()
        for stem, day, number in zip(("a", "b"), ("2024-02-27", "2024-03-15"), numbers):
            given = f"  number: {number}\n" if number else ""
            (tmp / f"number-{name}" / f"{stem}.yaml").write_text(SEED.replace("2024-02-27", day).replace(
                "  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定",
                given + f"  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定（{stem}）", 1), encoding="utf-8")
    related_column = tmp / "related-column.yaml"
    related_column.write_text("name: 一覧\nannual:\n  columns:\n    - {data: title}\n    - {data: amendments}\n"
                              "    - {data: related}\n", encoding="utf-8")
    # with_issuer: where it cannot apply (sides.with_issuer_problems): each spec in a folder of its own
    kitami, bureau = "    name: 北見工業大学\n", "    name: 北海道オホーツク総合振興局\n"
    beside = {"with-issuing": SEED.replace(kitami, kitami + "    with_issuer: true\n    issuing: false\n", 1),
              "the-issuer": SEED.replace(bureau, bureau + "    with_issuer: true\n", 1),
              "no-issuer": SEED.replace(kitami, kitami + "    with_issuer: true\n", 1)
              .replace("issuer: 北海道オホーツク総合振興局", "issuer: 網走市", 1),
              "no-partner": SEED.replace(kitami, kitami + "    with_issuer: true\n", 1)}
    for name, text in beside.items():
        assert text != SEED, name
        (tmp / "beside" / name).mkdir(parents=True)
        (tmp / "beside" / name / f"{name}.yaml").write_text(text, encoding="utf-8")
    # the prose list's placeholders with no fact to print: each spec in a folder of its own
    prose = tmp / "prose.yaml"
    prose.write_text("name: 一覧\nannual:\n  web: prose\n"
                     "  prose: \"{partners}と{issuer}との{title}を締結しました（{date}、{department}）\"\n", encoding="utf-8")
    no_party = SEED.replace("    name: 北見工業大学\n", "    name: 北見工業大学\n    short_name: 北海道オホーツク総合振興局\n"
                            "    issuing: true\n", 1).replace("      name: 鈴木　聡一郎\n    honorific: 様\n",
                                                          "      name: 鈴木　聡一郎\n", 1)
    unfilled = {"no-department": SEED.replace("  department: オホーツク総合振興局地域創生部地域政策課"
                                              "   # 担当課 (the annual book)\n", ""),
                "issuer-no-party": SEED.replace("issuer: 北海道オホーツク総合振興局", "issuer: 網走市", 1),
                "no-partner": no_party}           # both parties of the issuer's own name and side
    # --kinds asking for a release these specs cannot make: an attachment without pages, none at all
    listed = "  attachments: [{title: 連携協定の概要, document: overview}]\n"
    assert listed in SEED
    (tmp / "kinds").mkdir()
    (tmp / "kinds" / "titled.yaml").write_text(SEED.replace(listed, "  attachments: [{title: 連携協定の概要}]\n"),
                                               encoding="utf-8")
    (tmp / "kinds" / "unlisted.yaml").write_text(SEED.replace(listed, "  attachments: []\n"), encoding="utf-8")
    for name, text in unfilled.items():
        assert text != SEED, name
        (tmp / "prose" / name).mkdir(parents=True)
        (tmp / "prose" / name / f"{name}.yaml").write_text(text, encoding="utf-8")
    return {
        "sign-missing-pdf": sign(tmp / "nowhere.pdf", "甲", good, "out-1.pdf"),
        "sign-missing-p12": sign(src, "甲", tmp / "nowhere.p12", "out-2.pdf"),
        "sign-output-exists": sign(src, "甲", good, "exists.pdf"),
        "sign-output-a-folder": sign(src, "甲", good, "twice"),
        "sign-not-a-pdf": sign(tmp / "not-a-pdf.pdf", "甲", good, "out-3.pdf"),
        "sign-no-such-field": sign(src, "丁", good, "out-4.pdf"),
        "sign-wrong-password": sign(src, "甲", good, "out-5.pdf", env={"JPDOCS_P12_PASSWORD": "wrong"}),
        "sign-no-password": sign(src, "甲", good, "out-6.pdf", env={}),
        "sign-not-pkcs12": sign(src, "甲", src, "out-7.pdf"),
        "sign-certificates-only": sign(src, "甲", certs_only, "out-8.pdf"),
        "sign-expired": sign(src, "甲", expired, "out-9.pdf"),
        "sign-expired-allowed": sign(src, "甲", expired, "out-10.pdf", "--allow-expired"),
        "sign-not-yet-valid": sign(src, "甲", early, "out-13.pdf"),
        "sign-tampered": sign(tmp / "tampered.pdf", "乙", good, "out-14.pdf"),
        "sign-damaged-pdf": sign(tmp / "exists.pdf", "甲", good, "out-15.pdf"),
        "sign-password-not-utf8": sign(src, "甲", good, "out-17.pdf", "--password-file", password, env={}),
        "sign-key-without-certificate": sign(src, "甲", key_only, "out-18.pdf"),
        "sign-cannot-write": sign(src, "甲", good, "not-a-pdf.pdf/sub/out-19.pdf"),
        "check-style-missing": (["check", SEED_SPEC, "--style", tmp / "nowhere.yaml"], {}),
        "sign-first": sign(src, "甲", good, twice.name),
        "sign-already-signed": sign(twice, "甲", good, "out-11.pdf"),
        "sign-certify-later": sign(twice, "乙", good, "out-12.pdf", "--certify"),
        "annual-year": (["annual", "--fiscal-year", "1800", specs, "-o", tmp / "annual"], {}),
        "annual-format": (["annual", "--fiscal-year", "2023", specs, "-o", tmp / "annual", "--format", "xls"], {}),
        "annual-none": (["annual", "--fiscal-year", "2030", specs, "-o", tmp / "annual"], {}),
        "annual-twice": (["annual", "--fiscal-year", "2023", tmp / "twice", "-o", tmp / "annual"], {}),
        "annual-field": (["annual", "--fiscal-year", "2023", fields, "-o", tmp / "annual"], {}),
        "annual-chosen-end": (["annual", "--fiscal-year", "2023", chosen, "-o", tmp / "annual-chosen"], {}),
        "annual-era-year": (["annual", "--fiscal-year", "2019", era_year, "-o", tmp / "annual-era-year"], {}),
        "annual-issuing-office": (["annual", "--fiscal-year", "2023", office, "-o", tmp / "annual-office"], {}),
        **{f"annual-office-refused-{name}": (["annual", "--fiscal-year", "2023", tmp / "office-refused" / name, "-o",
                                             tmp / f"annual-office-{name}"], {}) for name in refused},
        "annual-glyph-standard": (["annual", "--fiscal-year", "2023", tmp / "book-glyph", "-o", tmp / "annual-glyph"], {}),
        "annual-glyph-style": (["annual", "--fiscal-year", "2023", tmp / "book-glyph", "-o", tmp / "annual-glyph",
                                "--style", book_style], {}),
        "annual-side-unknown": (["annual", "--fiscal-year", "2023", side, "-o", tmp / "annual-side"], {}),
        "annual-side-chosen": (["annual", "--fiscal-year", "2023", elsewhere, "-o", tmp / "annual-chosen-side"], {}),
        "annual-issuer-column": (["annual", "--fiscal-year", "2023", elsewhere, "-o", tmp / "annual-issuer",
                                  "--style", issuer_column], {}),
        "annual-written": (["annual", "--fiscal-year", "2023", specs, "-o", tmp / "annual", "--format", "csv"], {}),
        "annual-field-columns": (["annual", "--fiscal-year", "2023", fields, "-o", tmp / "annual-fields",
                                  "--style", field_columns], {}),
        "annual-related": (["annual", "--fiscal-year", "2023", related, "-o", tmp / "annual-related"], {}),
        **{f"annual-amends-word-{name}": (["annual", "--fiscal-year", "2023", amends_word.parent, "-o",
                                          tmp / f"annual-amends-{name}", "--style", style], {})
           for name, style in (("column", no_amends_line), ("false", amends_false), ("no-title", no_title))},
        "annual-after-the-year": (["annual", "--fiscal-year", "2023", later, "-o", tmp / "annual-later",
                                   "--style", related_column], {}),
        "annual-as-of": (["annual", "--fiscal-year", "2023", later, "-o", tmp / "annual-as-of", "--style",
                          related_column, "--as-of", "2024-03-01"], {}),
        "annual-as-of-not-a-date": (["annual", "--fiscal-year", "2023", specs, "-o", tmp / "annual", "--as-of",
                                     "2024-02-30"], {}),
        "annual-as-of-before": (["annual", "--fiscal-year", "2023", specs, "-o", tmp / "annual", "--as-of",
                                 "2023-03-31"], {}),
        "annual-as-of-to-come": (["annual", "--fiscal-year", "2023", specs, "-o", tmp / "annual", "--as-of",
                                  "2999-01-01"], {}),
        **{f"annual-number-{name}": (["annual", "--fiscal-year", "2023", tmp / f"number-{name}", "-o",
                                     tmp / f"annual-number-{name}"], {}) for name in ("missing", "twice")},
        "annual-kind-counted": (["annual", "--fiscal-year", "2023", kind.parent, "-o", tmp / "annual-kind"], {}),
        "annual-kind-several": (["annual", "--fiscal-year", "2020", several, "-o", tmp / "annual-kind-several"], {}),
        "annual-form-left-out": (["annual", "--fiscal-year", "2023", form, "-o", tmp / "annual-form"], {}),
        **{f"annual-with-issuer-{name}": (["annual", "--fiscal-year", "2023", tmp / "beside" / name, "-o",
                                          tmp / f"annual-beside-{name}"], {}) for name in beside},
        **{f"annual-prose-{name}": (["annual", "--fiscal-year", "2023", tmp / "prose" / name, "-o",
                                     tmp / f"annual-prose-{name}", "--style", prose], {}) for name in unfilled},
        "build-kinds-unmade": (["--kinds", "release,release-after", tmp / "kinds", "-o", tmp / "kinds-out"], {}),
        "build-kinds-docx": (["--kinds", "release", "--format", "docx", SEED_SPEC, "-o", tmp / "kinds-docx"], {}),
        # wrong usage (argparse, exit 2): its last line is the message
        "usage-required": (["sign", src], {}),
        "usage-unrecognized": (["--bogus"], {}),
        "usage-one-argument": (["-o"], {}),
        "usage-format": (["--format", "xls"], {}),
        "usage-kinds": (["--kinds", "foo"], {}),
        "usage-jobs": (["--jobs", "0"], {}),
        "usage-time-limit": (["--time-limit", "x"], {}),
        "usage-choice": (["new", "zzz"], {}),
        "usage-int": (["annual", "--fiscal-year", "x"], {}),
    }


@pytest.fixture(scope="module")
def commands(tmp_path_factory, seed_build) -> dict[str, dict]:
    """{scenario: {language: (exit status, stdout, stderr)}}, English first; each
    language in a folder of its own made the same way (the same names and files)."""
    out: dict[str, dict] = {}
    for language in (None, "ja_JP.UTF-8"):
        tmp = tmp_path_factory.mktemp("commands")
        for name, (argv, env) in _command_scenarios(tmp, seed_build / "agreement.pdf").items():
            code, stdout, stderr = _cli(argv, language, **env)
            # a build's summary says how long it took: not the same in both languages' runs
            stdout = re.sub(r"\d+\.\d( s\)| 秒）)", r"0.0\1", stdout)
            out.setdefault(name, {})[language] = (code, stdout.replace(str(tmp), "TMP"),
                                                  stderr.replace(str(tmp), "TMP"))
    return out


_WORDS = {"error": "エラー", "warning": "警告", "note": "備考"}
_PROGRESS = ("built", "unchanged", "failed", "made nothing")
USAGE_ERROR = re.compile(r"^generate\.py(?: \w+)?: error: (.*)$")


def _command_messages(text: str) -> list[str]:
    """The messages of a command's output lines: the first word (error: …) taken off,
    and the place (TMP/x.yaml:12: key:, --format:) where it is a Problem's rather than
    part of the message (a warning's message names its file itself)."""
    out = []
    for line in text.splitlines():
        word, _, rest = line.partition(": ")
        found = PROBLEM.match(line)
        usage = USAGE_ERROR.match(line)
        if usage:
            out.append(usage.group(1))
            continue
        if word in _PROGRESS:                  # a build's line per spec: the word, then the spec's path
            out.append(f"{word}:")
            continue
        if word not in _WORDS or _fully_translated(rest) or not found:
            out.append(rest if word in _WORDS else line)
        else:
            out.append(found.group(5))
    return out


def test_sign_and_annual_say_their_own_messages_in_japanese(commands):
    for name, runs in commands.items():
        en, ja = runs[None], runs["ja_JP.UTF-8"]
        assert en[0] == ja[0], name
        if name.startswith("usage-"):            # the usage lines wrap differently: the message
            [message] = _command_messages(en[2].splitlines()[-1])
            prog = en[2].splitlines()[-1].partition(": error: ")[0]
            assert en[0] == 2 and _fully_translated(message), (name, message)
            assert ja[2].splitlines()[-1] == f"{prog}: エラー: {JA.message(message)}", (name, ja[2])
            assert ja[2].startswith("使い方: "), (name, ja[2])
            continue
        for stream in (1, 2):
            en_lines, ja_lines = en[stream].splitlines(), ja[stream].splitlines()
            assert len(en_lines) == len(ja_lines), (name, en[stream], ja[stream])
            for e, j, message in zip(en_lines, ja_lines, _command_messages(en[stream])):
                assert _fully_translated(message), (name, message)
                assert j != e and KANA.search(j), (name, e, j)
                word = e.partition(": ")[0]
                if word in _WORDS:
                    assert j.startswith(_WORDS[word] + ": "), (name, j)
                if word in _PROGRESS:        # the word, then the spec's path
                    assert j.startswith(JA.message(message) + " "), (name, e, j)
                else:
                    assert j.endswith(JA.message(message)), (name, e, j)
    assert commands["sign-first"][None][0] == 0 and commands["annual-written"][None][0] == 0
    # the annual book's own checks of a spec, each met where its scenario says
    for name, said in {"annual-field-columns": "prints the field 分野 (the columns name 分類, 備考), so",
                       "annual-related": "agreement.related: no column of the house style's annual.columns prints related",
                       **{f"annual-amends-word-{name}": f"naming the change ({listed}"
                          for name, listed in (("column", "a column of data: amends lists the 原協定"),
                                               ("false", "its title column says amends: false"),
                                               ("no-title", "it has no title column"))},
                       "annual-kind-counted": "the book counts it as a 協定書;",
                       "annual-form-left-out": "○○大学 is a form's blank, not a party:",
                       "annual-prose-no-department": "agreement.department: not given, and the house style's annual.prose",
                       "annual-prose-issuer-no-party": ") says the issuer concluded the agreement ({issuer}), and 網走市",
                       "annual-prose-no-partner": "parties: no party is a partner (相手方) of the issuer, and"}.items():
        code, stdout, stderr = commands[name][None]
        assert said in stdout + stderr and code == (0 if name in ("annual-kind-counted", "annual-form-left-out")
                                                     else 1), (name, stdout, stderr)
    assert commands["sign-first"]["ja_JP.UTF-8"][1] == "書き出しました: TMP/signed-once.pdf\n"
    assert commands["sign-expired"]["ja_JP.UTF-8"][2].startswith(
        "エラー: TMP/Old-Signer.p12: Old Signer の証明書は ")


def test_the_real_sign_and_annual_commands_speak_japanese_under_a_japanese_locale(tmp_path, seed_build):
    """generate.py itself, as a user runs it: a warning and the file written, a refusal,
    and a year without agreements, in Japanese; in English under C."""
    import datetime as dt
    from certs import make_p12
    p12, _ = make_p12(tmp_path, valid=(-60, -1))
    ended = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=-1)).strftime("%Y-%m-%d")
    out = tmp_path / "signed.pdf"
    sign = ["sign", seed_build / "agreement.pdf", "--field", "甲", "--p12", p12, "-o", out]
    result = _run(sign + ["--allow-expired"], "ja_JP.UTF-8", JPDOCS_P12_PASSWORD="secret")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (f"警告: {p12}: Test Signer の証明書は {ended} に期限が切れています。--allow-expired の指定により、"
                             "そのまま署名しました\n")
    assert result.stdout == f"書き出しました: {out}\n"
    again = ["sign", out, "--field", "甲", "--p12", p12, "-o", tmp_path / "again.pdf", "--allow-expired"]
    result = _run(again, "ja_JP.UTF-8", JPDOCS_P12_PASSWORD="secret")
    assert (result.returncode, result.stderr) == (1, f"エラー: {out}: 署名欄「甲」はすでに署名されています\n")
    result = _run(again, None, JPDOCS_P12_PASSWORD="secret")
    assert (result.returncode, result.stderr) == (1, f"error: {out}: the field '甲' is already signed\n")
    annual = ["annual", "--fiscal-year", "2030", SPECS, "-o", tmp_path / "annual"]
    result = _run(annual, "ja_JP.UTF-8")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("エラー: 2 件の spec に、令和12年度（2030-04-01 から 2031-03-31 まで）の協定はありません。"
                             "何も書き出していません\n")
    assert _run(annual, None).stderr == ("error: no agreement of 令和12年度 (2030-04-01 to 2031-03-31) among 2 spec(s);"
                                         " nothing written\n")


# ---------------------------------------------------------------- --help

def _help_texts() -> list[str]:
    """Every fixed text the command line's parsers pass through arguments.tr (the
    descriptions, each option's help, argparse's own words), as the code writes them:
    every parser is built and asked for its help once."""
    import contextlib
    import io
    from jpdocs import arguments
    from jpdocs.app import commands as app_commands
    from jpdocs.cli import annual, build, sign
    seen: list[str] = []

    def record(text: str) -> str:
        seen.append(text)
        return text
    with pytest.MonkeyPatch.context() as mp:
        for module in (arguments, build, sign, annual, app_commands):
            mp.setattr(module, "tr", record)
        parsers = [build.build_parser(), build.check_parser(), sign.sign_parser(), annual.annual_parser()]
        for p in parsers:
            p.format_help()
        for name in ("serve", "new", "schema"):
            with contextlib.redirect_stdout(io.StringIO()), pytest.raises(SystemExit):
                getattr(app_commands, f"run_{name}")(["--help"])
    return list(dict.fromkeys(seen))


def test_every_help_text_has_its_japanese():
    texts = _help_texts()
    assert len(texts) > 40 and "show this help message and exit" in texts and "usage: " in texts
    for text in texts:
        assert JA.gettext(text) != text and re.search(r"[ぁ-んァ-ン一-龯]", JA.gettext(text)), text


def _plain_argparse(mp):
    """The parsers built by argparse alone (what the help was before arguments.py)."""
    import argparse
    from jpdocs import arguments
    from jpdocs.app import commands as app_commands
    from jpdocs.cli import annual, build, sign
    plain = {arguments.Formatter: argparse.HelpFormatter, arguments.RawFormatter: argparse.RawDescriptionHelpFormatter}

    def parser(**kwargs):
        kwargs["formatter_class"] = plain[kwargs.get("formatter_class", arguments.Formatter)]
        return argparse.ArgumentParser(**kwargs)
    for module in (build, sign, annual, app_commands):
        mp.setattr(module, "Parser", parser)


@pytest.mark.parametrize("command", ["", "check", "sign", "annual", "serve", "new", "schema"])
@pytest.mark.parametrize("columns", ["100", "60"])
def test_english_help_and_usage_errors_are_argparses_own(command, columns, monkeypatch):
    """Without a Japanese locale, --help and a wrong option print exactly what argparse
    alone prints, byte for byte."""
    monkeypatch.setenv("COLUMNS", columns)
    argv = [command] if command else []
    ours = [_cli(argv + ["--help"], None), _cli(argv + ["--bogus"], None)]
    with pytest.MonkeyPatch.context() as mp:
        _plain_argparse(mp)
        theirs = [_cli(argv + ["--help"], None), _cli(argv + ["--bogus"], None)]
    assert ours == theirs and ours[0][0] == 0 and ours[1][0] == 2
    assert ours[0][1].startswith("usage: generate.py") and "generate.py" in ours[1][2].splitlines()[-1]


def test_help_is_japanese_under_a_japanese_locale():
    """The real command: every help text in Japanese, argparse's own words too, and the
    lines wrapped by columns (a wide character counts two)."""
    import unicodedata
    result = _run(["sign", "--help"], "ja_JP.UTF-8", COLUMNS="80")
    assert result.returncode == 0 and result.stderr == ""
    out = result.stdout
    assert out.startswith("使い方: generate.py sign [-h] --field NAME --p12 FILE")
    for said in ("\n位置引数:\n", "\nオプション:\n", "  -h, --help            このヘルプを表示して終了します\n",
                 "  --field NAME          署名する署名欄: 甲、乙 …\n", "PDF（協定書）の空の署名欄1つに"):
        assert said in out, said
    for english in ("usage:", "options:", "positional arguments", "show this help", "the field to sign"):
        assert english not in out
    width = max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in out.splitlines())
    assert width <= 80, out
    english = _run(["sign", "--help"], None, COLUMNS="80")
    assert english.stdout.startswith("usage: generate.py sign") and "the field to sign: 甲, 乙 …" in english.stdout


def test_a_wrong_option_is_said_in_japanese():
    result = _run(["--format", "xls"], "ja_JP.UTF-8")
    assert result.returncode == 2 and result.stderr.startswith("使い方: generate.py")
    assert result.stderr.splitlines()[-1] == ("generate.py: エラー: 引数 --format: 形式は pdf と docx で、コンマで区切って"
                                              "指定してください（指定された値: 'xls'）")


def test_japanese_help_wraps_by_columns_and_keeps_ascii_words_whole():
    from jpdocs.arguments import wrap_japanese
    lines = wrap_japanese("出力フォルダ。spec ごとに DIR/<spec の名前>/ に書き出します（省略時: output/）", 20)
    assert "".join(lines).replace(" ", "") == "出力フォルダ。specごとにDIR/<specの名前>/に書き出します（省略時:output/）"
    # SJIS: 2 bytes a wide character; only closing punctuation may hang past the width
    assert all(len(line.encode("shift_jis")) <= 20 or len(line[:-1].encode("shift_jis")) <= 20 and line[-1] in "、。）」"
               for line in lines), lines
    assert not any(line.startswith(("、", "。", "）")) for line in lines[1:])
    assert any(line.endswith("DIR/<spec") or "DIR/<spec" in line for line in lines)
    assert wrap_japanese("これは、とても長い文です。", 6) == ["これは、", "とても", "長い文", "です。"]   # 、。 hang


# ---------------------------------------------------------------- the gap, measured

def test_the_modules_whose_messages_are_all_in_japanese_stay_so():
    """tools/i18n_gap.py's scan: in these modules every message written out in the code
    has its template (a new message there needs its Japanese), and overall no fewer
    than when measured for the README."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("i18n_gap", ROOT / "tools" / "i18n_gap.py")
    gap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gap)
    result, catalogue = gap.scan()
    full = ("content/agreement/article_sets.py", "spec/schema/notice.py", "spec/schema/agreement.py",
            "content/templating.py", "spec/load.py", "writers/problems.py", "content/agreement/checks.py",
            "content/agreement/prose.py", "content/markup.py", "build/batch.py")
    for module in full:
        done, left, _ = result[module]
        assert done and not left, (module, left)
    assert sum(len(done) for done, _, _ in result.values()) >= 580 and catalogue >= 946
    # the README's table is what --readme prints (counted, not written by hand)
    table = gap.readme(result, catalogue).split("\n\n")[0]
    assert sum(k for k in gap.catalogue_kinds().values()) == catalogue
    assert table.splitlines()[0].startswith("| templates in the catalogue | 139 |"), table


# a label wider than its line (writers/problems.too_wide_marker)
VARIANTS["label-too-wide"] = ("press_notice:\n", 'press_notice:\n  subject_label: "' + "あ" * 60 + '"\n')

# a lone surrogate written as an escape (text_checks)
VARIANTS["lone-surrogate"] = ("issuer: 北海道オホーツク総合振興局\n", 'issuer: "北海道\\ud800"\n')

# a key YAML reads as a number where a party's id is asked for (schema_messages._written_key)
VARIANTS["key-a-number"] = ("parties:\n", "parties:\n  1.5: {name: 変異}\n")

# a blank note beside the agreement's title (document.title_note)
VARIANTS["title-note-blank"] = ("    standard: 包括連携", "    title_note: \"　\"\n    standard: 包括連携")

# the date over each block beside a witness: the note names the witness dated too
VARIANTS["date-over-blocks-witness"] = ("    standard: 包括連携", (
    "    date_line: over_each_signer\n"
    "    witnesses: [{name: みなみ県, representative: {title: みなみ県知事, name: 南野　五郎}}]\n"
    "    closing: 本協定の締結を証するため、本書３通を作成し、甲、乙及び立会人記名押印の上、各自その１通を保有する。\n"
    "    standard: 包括連携"))

# Photos of a notice's sections, and a logo, that cannot be printed (the pictures' words,
# 写真 and ロゴ, translated with their messages): file-jpeg.yaml begins as a JPEG and is
# none, variant.yaml is text
_SECTION = "  sections:\n    - heading: 【締結式の様子】\n%s  press_request:\n"
VARIANTS.update({
    "photo-no-text": ("  press_request:\n", _SECTION % "      photos: [{file: variant.yaml}]\n"),
    "photo-missing": ("  press_request:\n", _SECTION % "      photos: [{file: nowhere.jpg, caption: 握手}]\n"),
    "photo-damaged": ("  press_request:\n", _SECTION % "      photos: [{file: file-jpeg.yaml, caption: 握手, alt: \"　\"}]\n"),
    # a caption's blank line, and its names: none to name, one character, not in it, held already
    "photo-caption-names": ("  press_request:\n", _SECTION % (
        "      photos:\n        - {file: variant.yaml, caption: [左から, \"　\"]}\n"
        "        - {file: variant.yaml, alt: 握手, names: [錦織　孝一]}\n"
        "        - {file: variant.yaml, caption: 中島和彦局長, names: [中, 錦織　孝一, 中島　和彦]}\n")),
    # a caption given as no lines: the schema's own "needs at least 1 entry"
    "photo-caption-no-lines": ("  press_request:\n", _SECTION % "      photos: [{file: variant.yaml, caption: []}]\n"),
    "section-empty": ("  press_request:\n", _SECTION % ""),
    # a section's table with a hole (a heading row alone; a blank cell; an empty row)
    "table-heading-only": ("  press_request:\n", _SECTION % "      table: [[番号, 連携事項]]\n"),
    "table-holes": ("  press_request:\n", _SECTION % "      table: [[番号, 連携事項], [１, \"　\"], []]\n"),
    "logo-missing": ("    name: 北見工業大学\n", "    name: 北見工業大学\n    logo: nowhere.png\n"),
    # a linked document misused (sections[].document, documents): a heading beside the
    # document, content under it, before the 記 block, an address that is no web address;
    # and one in the product's marks, named in a note
    "document-heading": ("  press_request:\n", _SECTION % "      document: {title: 協定書}\n"),
    "document-content": ("  press_request:\n", "  sections:\n    - document: {title: 協定書}\n"
                                                 "      paragraphs: [本文]\n      before_ki: true\n  press_request:\n"),
    "document-address": ("  press_request:\n", _SECTION % "      documents: [{title: 協定書, address: kyotei.pdf}]\n"),
    "document-marks": ("  press_request:\n", _SECTION % "      documents: [{title: 協定書, form: PDF, size: 294KB}]\n"),
})

# The head as a table of a label and a value a row (notice.head_form: label_table,
# content/label_table.py): an hour of release without it; what the table leaves no place
# for; the house's settings that contradict it; the minutes unpadded beside the colon.
COMPANIONS["style-label-table.yaml"] = "notice:\n  head_form: label_table\n"
_LABEL_TABLE = (_STYLE, _STYLE + "style: style-label-table.yaml\n")
VARIANTS.update({
    "issue-time-no-table": ("issue_date: 2024-02-16", "issue_date: 2024-02-16\n  issue_time: \"14:00\""),
    "label-table-prefix": [_LABEL_TABLE, ("issue_date: 2024-02-16", "issue_date: 2024-02-16\n  date_prefix: 提供日")],
    "label-table-suffix": [_LABEL_TABLE, ("issue_date: 2024-02-16", "issue_date: 2024-02-16\n  date_suffix: 配布")],
    "label-table-lead": [_LABEL_TABLE, ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n")],
    "label-table-photos": [_LABEL_TABLE, ("  opening:\n    - 今般", "  opening:\n    - photos: [{file: photo.jpg,"
                                                                  " caption: 握手}]\n    - 今般")],
    "label-table-after": [_LABEL_TABLE, ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n"
                                                          "    opening: [本日、締結しました。]\n  closing_ijo:")],
})
_TABLE_STYLES = {
    "label-table-contacts-at": "notice:\n  head_form: label_table\n  contacts_at: top\n",
    "label-table-date-place": "notice:\n  head_form: label_table\n  date_place: foot\n",
    "label-table-role-place": "notice:\n  head_form: label_table\ncontacts:\n  role_place: above\n",
    "label-table-wording": "wording:\n  issue_date_label: 発表日\n",
    "pad-minutes-colon": "times:\n  notation: colon\n  pad_minutes: false\n",
}
STYLE_VARIANTS.update(_TABLE_STYLES)
VARIANTS.update({f"house-style-{name}": (_STYLE, _STYLE + f"style: style-{name}.yaml\n") for name in _TABLE_STYLES})
COMPANIONS.update({f"style-{name}.yaml": text for name, text in _TABLE_STYLES.items()})
# Several agreements and ceremonies in one spec (spec/several.py): every misuse, and the
# note of a ceremony's signers chosen for the user.
_CEREMONY = SEED[SEED.index("  ceremony:\n"):SEED.index("  closing_ijo: false\n")]
_TWO_AGREEMENTS = ("agreements:\n  one: {title: 協定一, parties: [bureau, kitami_it], signing_date: 2024-02-27,"
                   " areas: [{heading: 防災に関する事項}]}\n"
                   "  two: {title: 協定二, parties: [kitami_it, bureau], signing_date: 2024-02-27}\n\n")
_TWO_CEREMONIES = ("  ceremonies:\n    - {label: 式一, agreements: [one], date: 2024-02-27, venue: 会議室}\n"
                   "    - {label: 式二, agreements: [two], date: 2024-02-27, venue: 会議室}\n")
VARIANTS.update({
    "several-misused": [
        ("\npress_notice:\n", "\nagreements:\n  one:\n    title: 協定一\n    parties: [bureau, bureau, nobody]\n"
                              "    signing_date: 2024-02-27\n    document: {kind: 協定書}\n\npress_notice:\n"
                              "  event_line: true\n  ki: [{label: 内容, text: [x]}]\n"),
        ("  closing_ijo: false\n", "  ceremonies:\n    - {label: 式, agreements: [one, one, onee, zzz], date: 2024-02-28,"
                                   " signatories: [kitami_it], schedule: [{time: \"10:00\", item: 開会}]}\n"
                                   "    - {label: 式, agreements: [one], start: \"10:00\"}\n  closing_ijo: false\n")],
    "several-ceremonies-without-agreements": [(_CEREMONY, _TWO_CEREMONIES)],
    "several-one-ceremony": [(_AG, _TWO_AGREEMENTS), (_ATT, "attachments: []"),
                             (_CEREMONY, _TWO_CEREMONIES[:_TWO_CEREMONIES.index("    - {label: 式二")])],
    "several-after-also": [(_AG, _TWO_AGREEMENTS), (_ATT, "attachments: []"),
                           ("  closing_ijo: false\n", "  also: [companion-agreement.yaml]\n  ki: [date, ceremonies,"
                                                      " {item: place, signatories_label: 会場：}]\n"
                                                      "  after: {issue_date: 2024-02-27, opening: [締結しました。]}\n"
                                                      "  closing_ijo: false\n")],
    "several-ok": [(_AG, _TWO_AGREEMENTS), (_ATT, "attachments: []"), (_CEREMONY, _TWO_CEREMONIES)],
    # a kind: that the agreement's title says already (…協定: a 協定書) has no effect; one
    # that the title contradicts (…協定 as a 覚書) is refused
    "several-kind-said": [(_AG, _TWO_AGREEMENTS.replace("{title: 協定二,", "{title: 第二の協定, kind: 協定書,")
                           .replace("{title: 協定一,", "{title: 第一の協定, kind: 覚書,")),
                          (_ATT, "attachments: []")],
    # a ceremony's 次第 (its item's labelled line): a step with lines under it, the ceremonies'
    # entry with notes (whose?), agenda_label on an item of one's own
    "several-ceremony-agenda-misused": [
        (_AG, _TWO_AGREEMENTS), (_ATT, "attachments: []"),
        (_CEREMONY, _TWO_CEREMONIES.replace("venue: 会議室}\n    - {label: 式二",
                                            "venue: 会議室, agenda: [署名, {step: 撮影, signatories: true}]}\n"
                                            "    - {label: 式二")
         + "  ki:\n    - {item: ceremonies, notes: [※　予定]}\n"
           "    - {label: 内容, text: [署名], agenda_label: 内容：}\n")],
    # the house sets a 次第 item a step a line: a ceremony's is joined on its line all the same (a note)
    "several-ceremony-agenda-numbered": [
        (_STYLE, _STYLE + "style: style-agenda-parenthesized.yaml\n"), (_AG, _TWO_AGREEMENTS),
        (_ATT, "attachments: []"),
        (_CEREMONY, _TWO_CEREMONIES.replace("venue: 会議室}\n    - {label: 式二",
                                            "venue: 会議室, agenda: [署名, 撮影]}\n    - {label: 式二"))],
})

# Messages tools/i18n_gap.py listed without a template (h103): one case each.
# No preamble and nothing else defining the labels: each of them, one of them, where the
# signature blocks print them or only the text uses them; one word for all the parties
# that the standard set's articles, or the generated closing, would print.
_NO_PREAMBLE = "    preamble: false\n"
_OWN_NAME = "    labels: {bureau: 甲, kitami_it: 北見工業大学}\n"
_UNBLOCKED = "    block_labels: false\n"
VARIANTS.update({
    "no-preamble-labels-blocks": (_STD, _NO_PREAMBLE + _STD),
    "no-preamble-label-blocks": (_STD, _NO_PREAMBLE + _OWN_NAME + _STD),
    "no-preamble-labels-used": (_STD, _NO_PREAMBLE + _UNBLOCKED + _STD),
    "no-preamble-label-used": (_STD, _NO_PREAMBLE + _UNBLOCKED + _OWN_NAME + _STD),
    "no-preamble-one-word-standard": (_STD, _NO_PREAMBLE + "    labels: 両者\n" + _STD),
    "no-preamble-one-word-closing": (_STD, _NO_PREAMBLE + "    labels: 両者\n"
                                     "    extra_articles: [{heading: 目的, text: [両者は連携する。]}]"),
    # a heading as the prose's last entry, heading nothing
    "prose-heading-last": (_STD, "    prose: [両者は連携する。, {heading: 第二}]"),
    # numbered notes: a mark pointing at no note, a note no mark points at, two notes of one number
    "note-mark-no-note": ("    - つきましては、", "    - 連携協約(※2)を結びます。\n    - つきましては、"),
    "note-mark-bare-no-note": ("    - つきましては、", "    - 空き家率は13.9％※で最も高い。\n    - つきましては、"),
    "pointer-nothing-after": ("  contacts:\n", "  sections: []\n  ki: []\n  contacts:\n"),
    # 第２０条 named in an article's text, none printed: refused; in a draft, a note
    "article-ref-missing": (_STD, _STD + "\n    extra_articles: [{heading: 経費, text: [第２０条の経費は、甲が負担する。]}]"),
    "article-ref-missing-draft": (_STD, _STD + "\n    draft: true\n    extra_articles: [{heading: 経費, text: [第２０条の経費は、甲が負担する。]}]"),
    "note-mark-uncited": ("    - つきましては、", "    - {note: ※1　学内の窓口です。}\n    - つきましては、"),
    "note-mark-twice": ("    - つきましては、", "    - 窓口(※1)です。\n    - {note: ※1　一。}\n    - {note: ※1　二。}\n"
                                          "    - つきましては、"),
    # a note under no paragraph: after a block of lines (first, it heads the text)
    "note-after-lines": ("  opening:\n", "  opening:\n    - {label: 日時, lines: [二月]}\n    - {note: 予定}\n"),
    # an alias repeating a long text past the characters a spec may expand to
    "alias-text-too-long": ("press_notice:\n", "press_notice:\n  zz: &long " + "x" * 300_000
                            + "\n  zy: [" + ", ".join(["*long"] * 8) + "]\n"),
    # a house style's font file that begins as a TrueType font and is none (the corpus
    # writes the file and the style, which names it by its absolute path)
    "house-style-font-damaged": (_STYLE, _STYLE + "style: style-font-damaged.yaml\n"),
    # a document's own title ending in another kind's word than its kind (a 覚書's over 本協定)
    "title-of-another-kind-default": (_STD, "    title: 包括連携に関する覚書\n" + _STD),
    "title-of-another-kind-given": (_STD, "    title: 包括連携に関する覚書\n    kind: 契約書\n" + _STD),
})
_DAMAGED_FONT = b"\x00\x01\x00\x00" + bytes(200)
# a template's markup, one mistake each (content/markup.py)
TEMPLATE_VARIANTS.update({
    "spread-gaps": '<document kind="press-notice"><p><spread width="3" gaps="1">日時計</spread></p></document>',
    "breaks": '<document kind="press-notice"><p breaks="lines">x</p></document>',
    "lang": '<document kind="press-notice"><p lang="fr">x</p></document>',
    "item-inline-after-block": '<document kind="press-notice"><item marker="1"><p>a</p><b>x</b></item></document>',
    "link": '<document kind="press-notice"><p link="ftp://example.jp/x">x</p></document>',
    "span-size": '<document kind="press-notice"><p><span size="99">x</span></p></document>',
    "spread-width": '<document kind="press-notice"><p><spread width="50">日時</spread></p></document>',
    "whole-lines": '<document kind="press-notice"><p><whole>a<b>b</b></whole></p></document>',
})

# the site's category under the date of issue (notice.category_place: under_date): beside
# a date with no line of its own, and a notice without a date of issue
STYLE_VARIANTS["category-under-date-in-title"] = "notice:\n  date_place: before_title\n  category_place: under_date\n"
COMPANIONS["style-category-under-date-in-title.yaml"] = STYLE_VARIANTS["category-under-date-in-title"]
VARIANTS["house-style-category-under-date-in-title"] = (_STYLE, _STYLE + "style: style-category-under-date-in-title.yaml\n")
COMPANIONS["style-category-under-date.yaml"] = "notice:\n  category_place: under_date\n"
VARIANTS["category-under-no-date"] = [(_STYLE, _STYLE + "style: style-category-under-date.yaml\n"),
                                      ("issue_date: 2024-02-16", "category_line: お知らせ\n  issue_date: none")]
# a message's closing (press_notice.closing): no one signing it, its lines empty, a line
# of no part, a part twice, a part not given, a part given and placed nowhere
_CLOSING = "  closing_ijo: false\n"
VARIANTS.update({f"closing-{name}": (_CLOSING, _CLOSING + f"  closing: {closing}\n") for name, closing in (
    ("no-signer", "{date: 2024-02-16}"),
    ("lines-empty", "{name: 北見　太郎, lines: []}"),
    ("line-empty", "{name: 北見　太郎, lines: [[name], []]}"),
    ("part-twice", "{name: 北見　太郎, lines: [[name, name]]}"),
    ("part-not-given", "{name: 北見　太郎, lines: [[title, name]]}"),
    ("part-unplaced", "{title: 局長, name: 北見　太郎, lines: [[name]]}"),
)})
# a closing after the opening where nothing follows the opening (no ceremony, no background)
VARIANTS["closing-after-opening-alone"] = [
    (SEED[SEED.index("  ceremony:\n"):SEED.index("  closing_ijo:")], ""),
    (SEED[SEED.index("  background:\n"):SEED.index("  press_request:\n")], ""),
    ("    - つきましては、本協定の締結式を次のとおり執り行います。\n", ""),
    ("  closing_ijo: false\n", "  closing_ijo: false\n  closing: {name: 北見　太郎, place: after_opening}\n")]


def _square_or_die(task: int) -> int:
    """A worker's task (build/workers.py) whose process is killed as it builds."""
    import signal
    os.kill(os.getpid(), signal.SIGKILL)
    return task


def _worker_findings() -> dict[str, list]:
    """A spec whose worker process was killed, and specs no worker lived to take (the
    pool's real outcomes, said as a batch says them)."""
    from jpdocs.build import batch
    from jpdocs.build.workers import run_tasks
    died = dict(run_tasks([1], 1, init=lambda: None, work=_square_or_die))[1]
    unstarted = dict(run_tasks([1], 1, init=lambda: os._exit(7), work=_square_or_die))[1]
    assert (died.status, unstarted.status) == ("died", "not-started")
    return {f"worker-{name}": batch._from_outcome("a.yaml", outcome, None).problems
            for name, outcome in (("killed", died), ("not-started", unstarted))}
