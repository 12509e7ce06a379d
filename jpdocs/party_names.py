"""A party's name as a sheet sets it on several lines: the legal forms that open a
formal name (国立大学法人, 株式会社), their short forms (（株）, ㈱), and the lines of the
formal name above the usual name (name_lines). Apart from japanese.py: only the
templates that print parties' names use it."""

import re

# ---------------------------------------------------------------- names
# Legal forms that open a formal name (国立大学法人北海道国立大学機構 北見工業大学):
# a name is broken after them when it is set on several lines.
LEGAL_FORMS = ("国立大学法人", "公立大学法人", "地方独立行政法人", "独立行政法人", "国立研究開発法人",
               "学校法人", "社会福祉法人", "医療法人", "公益社団法人", "公益財団法人", "一般社団法人",
               "一般財団法人", "特定非営利活動法人", "株式会社", "有限会社", "合同会社")


# Abbreviated legal forms a usual name is written with: （株）セブン‐イレブン・ジャパン.
LEGAL_FORM_SHORT = {"株": "株式会社", "有": "有限会社", "同": "合同会社", "一社": "一般社団法人",
                    "一財": "一般財団法人", "公社": "公益社団法人", "公財": "公益財団法人",
                    "独": "独立行政法人", "国研": "国立研究開発法人", "学": "学校法人", "福": "社会福祉法人",
                    "医": "医療法人", "特非": "特定非営利活動法人", "NPO": "特定非営利活動法人"}
_SHORT_FORM = re.compile(r"[（(](" + "|".join(map(re.escape, LEGAL_FORM_SHORT)) + r")[）)]|[㈱㈲]")


def name_lines(formal_name: str | None, name: str) -> tuple[list[str], str]:
    """A party's name as a sheet sets it: the lines of the formal name that come
    before the usual name (国立大学法人 / 北海道国立大学機構), then the name (北見工業大学).
    The formal name is split after a leading legal form and at full-width spaces;
    one that does not end with the name is shown above it whole — unless it holds
    the name (written with its short legal form or without one) elsewhere
    (株式会社セブン‐イレブン・ジャパン for （株）セブン‐イレブン・ジャパン,
    トヨタ自動車株式会社 for トヨタ自動車㈱ or トヨタ自動車, 日本郵便株式会社北海道支社
    for 日本郵便): then the formal name alone is shown, not the same name twice."""
    if not formal_name or formal_name == name:
        return [], name
    core = _SHORT_FORM.sub("", name).strip()
    if core and not formal_name.endswith(name) and core in formal_name:
        if formal_name.endswith(core):
            return name_lines(formal_name, core)       # 株式会社 / セブン‐イレブン・ジャパン
        return [], formal_name                         # トヨタ自動車株式会社
    head = formal_name[:-len(name)] if formal_name.endswith(name) else formal_name
    lines = []
    for part in head.split("\u3000"):
        part = part.strip()
        form = next((f for f in LEGAL_FORMS if part.startswith(f) and part != f), None)
        lines += [form, part[len(form):]] if form else ([part] if part else [])
    return lines, name
