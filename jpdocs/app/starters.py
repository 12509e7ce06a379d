"""Commented starter specs (`generate.py new notice|agreement|both|report`, the app's 新規作成).

A starter says nothing of its own: every value is left empty for the user to fill
(an empty value is YAML's null, so the key and its comment stay), and `check`
names each empty required key until it is filled. The first line points editors
that use yaml-language-server (VS Code's YAML extension …) at the JSON Schema
written beside it (spec.schema.json), so they complete keys and flag mistakes.

KINDS is the one list of starters: the command's choices and the app's 新規作成 menu
(server.py writes TITLES into the page) both read it.
"""
from __future__ import annotations

import os
from pathlib import Path

from .schema_export import schema_text

SCHEMA_FILE = "spec.schema.json"
KINDS = ("notice", "agreement", "both", "report")

_HEAD = f"""\
# yaml-language-server: $schema={SCHEMA_FILE}
# {{what}}の spec です。各行の「:」の後ろに書き入れてください（# から後ろは説明で、印刷されません）。
# 日付は 2024-02-27 または 令和6年2月27日、時刻は "11:00" のように引用符で囲んで書きます。
# ページにない部分（{{absent}} など）は、その行から下の字下げした行までを消します（空のままでは check がエラーにします）。
# 確かめる: python generate.py check このファイル   作る: python generate.py このファイル
"""

_PARTIES = """\
issuer:                        # 文書を出す組織（北海道オホーツク総合振興局）

parties:                       # 協定の当事者。書いた順に甲・乙・丙 …
  party1:                      # 甲。記号（party1）は半角英字で自由に付けられます
    name:                      # 名称
    formal_name:               # 正式名称（名称と違う場合）
    address:                   # 所在地
    representative:            # 代表者
      title:                   # 職名
      name:                    # 氏名
    statements: []             # 協定の概要に◆で載る文
  party2:                      # 乙
    name:
    formal_name:
    address:
    representative:
      title:
      name:
    honorific:                 # 相手方の代表者の敬称（様）
    statements: []
"""

_AGREEMENT_NOTICE = """
agreement:
  title:                       # 協定の名称（…との包括連携協定）
  signing_date:                # 締結日
  areas: []                    # 連携事項（協定の概要）: 事項（heading）とその項目（items）
"""

_AGREEMENT_FULL = """
agreement:
  title:                       # 協定の名称（…との包括連携協定）
  signing_date:                # 締結日
  department:                  # 担当課（年次一覧に載る）
  number:                      # 役所の一覧での番号（年次一覧の№: 12）。書くときは年度のどの協定にも書きます
  validity:                    # 有効期間
    end:                       # 終期（2025-03-31）
  document:                    # 協定書
    standard: 包括連携           # 標準条文の名前（templates/articles.yaml）
    purpose:                   # 目的: …することにより、＿＿ことを目的とする。
  areas: []                    # 連携事項: 事項（heading）とその項目（items）
"""

_NOTICE = """
press_notice:                  # 報道発表（報道機関各位）
  issue_date:                  # 配布日（日付を示さないページは none）
  subject:                     # 件名（…協定締結式について）
  attachments: [{title: 連携協定の概要, document: overview}]   # 配付資料（協定の概要を付ける）
  opening: []                  # 本文: 段落ごとに一つ
  ceremony:                    # 記: 締結式
    date:                      # 日付
    start:                     # 開始時刻（"11:00"）
    duration_note:             # 所要時間（30分程度）
    venue:                     # 場所
    venue_address:             # 場所の住所
    signatories: [party1, party2]   # 締結者（当事者の記号）
    agenda: []                 # 次第
  background:                  # 締結に至った経緯
    heading:
    paragraphs: []
  press_request:               # 報道に当たってのお願い
    deadline:                  # 期限（2024-02-21T17:00）
    contact:
      department:
      name_label:              # 担当
      name:
      phone:
      phone_kind:              # 直通・代表・IP・携帯 など
  contacts:                    # 問合せ先
    - role: 担当窓口
      department:
      title:
      name:
      phone:
      phone_kind:
"""

# A report of a signing that has happened (…を締結しました): the text says when, where and
# who signed, so the spec writes no ceremony: (no 記 block, no 締結者 listed by default) and
# no request to the press. Each wording a notice prints by default and a report's page
# often has not (報道機関各位, the office under the date, 配布, 項　目, 内容) is written
# false or "" with what to write to have it: nothing is printed that the spec did not say.
# The lists hold one empty row each, so that an unfilled one is refused (an empty list
# would be a report with no text, or no photo, without a word). The empty paragraph is
# "- " as the app's writer (ruamel.yaml) writes it, so that a save changes no other line.
_REPORT = """\
issuer:                        # 文書を出す組織（栗山町、長崎県立大学）

parties:                       # 協定の当事者（書いた順）。署名した人は本文に書きます
  party1:                      # 記号（party1）は半角英字で自由に付けられます
    name:                      # 名称
  party2:
    name:

agreement:
  title:                       # 協定の名称（災害時における物資供給に関する協定）
  signing_date:                # 締結日

press_notice:                  # 締結の報告（…を締結しました）。締結式の記（日時・場所・締結者）は作りません
  header: false                # 宛先の行なし。報道発表として出すときは 報道機関各位 と書きます
  issuing_office: false        # 日付の下の発信部署の行なし。書くときは部署名（…課）
  issue_date:                  # 掲載日・発表日（ページに日付がないときは none）
  date_suffix: ""              # 日付の後ろの語なし（報道発表では 配布）。日付が none ならこの行を消します
  subject_label: false         # 件名の前の見出し（項　目、件名 など）なし
  subject:                     # 件名（…と協定を締結しました）。ページに件名がないときは false
  opening_heading: false       # 本文の前の見出し（内容 など）なし
  opening:                     # 本文: 段落ごとに「- 」の行を一つ。いつ、どこで、だれが署名したかを書きます
    -\x20
  sections:                    # 本文の後
    - photos:                  # 締結式の写真（二枚ずつ並び、説明はその下に）
        - file:                # 写真のファイル（この spec と同じフォルダからの場所: photos/sign.jpg）
          caption:             # 写真の説明（協定書を手にする町長（左）と理事長（右））
  contacts:                    # 問合せ先
    - role: 担当窓口
      department:
      title:
      name:
      phone:
      phone_kind:              # 直通・代表・IP・携帯 など
"""

# kind: (the menu's title, what the head says the spec makes, the parts it names to delete, body)
_PARTS = {
    "notice": ("報道発表と協定の概要", "報道発表（報道機関各位）と協定の概要", "経緯、報道に当たってのお願い",
               _PARTIES + _AGREEMENT_NOTICE + _NOTICE),
    "agreement": ("協定書と協定の概要", "協定書と協定の概要", "経緯、報道に当たってのお願い",
                  _PARTIES + _AGREEMENT_FULL),
    "both": ("報道発表・協定の概要・協定書", "報道発表（報道機関各位）、協定の概要と協定書",
             "経緯、報道に当たってのお願い", _PARTIES + _AGREEMENT_FULL + _NOTICE),
    "report": ("締結の報告（締結しました）", "締結の報告（…を締結しました）", "写真、問合せ先", _REPORT),
}
TITLES = {kind: _PARTS[kind][0] for kind in KINDS}


def starter_text(kind: str) -> str:
    _, what, absent, body = _PARTS[kind]
    return _HEAD.format(what=what, absent=absent) + "\n" + body


def write_starter(path: Path, kind: str) -> list[Path]:
    """Write the starter to `path` (never over an existing file: FileExistsError) and,
    if the folder has none, the JSON Schema beside it. Returns the files written."""
    path = Path(path)
    written = [path]
    with open(path, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(starter_text(kind))
    schema = path.parent / SCHEMA_FILE
    if not schema.exists():
        write_schema(schema)
        written.append(schema)
    return written


def write_schema(path: Path) -> None:
    """The JSON Schema, written whole (a temporary file renamed over the old one)."""
    path = Path(path)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    part.write_text(schema_text(), encoding="utf-8")
    os.replace(part, path)
