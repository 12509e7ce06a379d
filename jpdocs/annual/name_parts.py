"""Where a party's name written in kanji alone may part inside it in the annual book's
narrow cells, as printed lists of agreements part it: before a company's legal form
that follows its name (東日本高速道路 / 株式会社), and between a body and the member of
it that is the party (独立行政法人国立青少年教育振興機構 / 国立山口徳地青少年自然の家,
埼玉大学 / 大学院政策科学研究科), the places a user would mark with a full-width space.
(After a legal form that opens a name, 独立行政法人 / 国立…, a word starts already:
jlreq_lines.after_word.) Only the book's names use it (lines.words with `parts`): a
name set in a notice's running text or a signature keeps its own rules."""
from __future__ import annotations

from functools import lru_cache

# A company's legal form, which may follow its name (トヨタ自動車株式会社) as well as open it.
COMPANY_FORMS = ("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "相互会社")

# A body whose name is followed by the name of its member (a facility, a hospital, a
# school): 独立行政法人国立病院機構刀根山病院, 独立行政法人国立高等専門学校機構長野工業
# 高等専門学校. 機構 closes a body's name; it opens no word a name goes on with.
BODIES = ("機構",)

# A university followed by its faculty, graduate school or hospital: 日本大学 / 文理学部,
# 札幌医科大学 / 附属病院. Only where the rest starts or ends as a member's name does
# (大学入試センター, 放送大学学園, 国立大学法人 go on with no member: 大学 inside a word).
UNIVERSITY = "大学"
MEMBER_STARTS = ("大学院", "附属", "付属")
MEMBER_ENDS = ("学部", "研究科", "研究院", "研究所", "病院", "センター")
# What goes on with 大学 in one word: 大学院, 大学校, 国立大学法人.
NOT_A_MEMBER = ("院", "校", "法人")


@lru_cache(maxsize=1 << 14)
def inner_bounds(name: str) -> frozenset[int]:
    """The places inside `name` it may part at besides where a word starts: before a
    company's legal form that is not its start, after a body (機構) with more of the
    name after it, after 大学 before a member of the university. A part of one
    character is no word: no bound leaves one."""
    out = set()
    for i in range(2, len(name) - 1):
        rest = name[i:]
        if rest.startswith(COMPANY_FORMS):
            out.add(i)
        elif name.endswith(BODIES, 0, i) and len(rest) >= 2:
            out.add(i)
        elif name.endswith(UNIVERSITY, 0, i) and len(rest) >= 2 and not rest.startswith(NOT_A_MEMBER) and (
                rest.startswith(MEMBER_STARTS) or rest.endswith(MEMBER_ENDS)):
            out.add(i)
    return frozenset(out)
