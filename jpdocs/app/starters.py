"""Commented starter specs (`generate.py new notice|agreement|both`, the app's 新規作成).

A starter says nothing of its own: every value is left empty for the user to fill
(an empty value is YAML's null, so the key and its comment stay), and `check`
names each empty required key until it is filled. The first line points editors
that use yaml-language-server (VS Code's YAML extension …) at the JSON Schema
written beside it (spec.schema.json), so they complete keys and flag mistakes.
"""
from __future__ import annotations

import os
from pathlib import Path

from .schema_export import schema_text

SCHEMA_FILE = "spec.schema.json"
KINDS = ("notice", "agreement", "both")

_HEAD = f"""\
# yaml-language-server: $schema={SCHEMA_FILE}
# {{what}}の spec です。各行の「:」の後ろに書き入れてください（# から後ろは説明で、印刷されません）。
# 日付は 2024-02-27 または 令和6年2月27日、時刻は "11:00" のように引用符で囲んで書きます。
# ページにない部分（経緯、報道に当たってのお願い など）は、その行から下の字下げした行までを消します（空のままでは check がエラーにします）。
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

_PARTS = {
    "notice": ("報道発表（報道機関各位）と協定の概要", _PARTIES + _AGREEMENT_NOTICE + _NOTICE),
    "agreement": ("協定書と協定の概要", _PARTIES + _AGREEMENT_FULL),
    "both": ("報道発表（報道機関各位）、協定の概要と協定書", _PARTIES + _AGREEMENT_FULL + _NOTICE),
}


def starter_text(kind: str) -> str:
    what, body = _PARTS[kind]
    return _HEAD.format(what=what) + "\n" + body


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
