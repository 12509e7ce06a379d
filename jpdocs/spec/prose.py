"""A list in an agreement's prose (document.prose): 渋川市・ファカタネ市's friendship
agreement (2016) lists its six purposes under 協定を結ぶ目的は以下のとおりとする。 Printed as
written, each entry a line of its own; a mark only where the spec gives the text's own."""
from __future__ import annotations
# The annotations are kept as text, evaluated at each model's first use: strict/model.py's _build.

from typing import Annotated, Literal, Optional

from .base import Line, Strict
from .strict.fields import MinLen


class ProseList(Strict):
    """A list in an agreement's prose (document.prose), under the paragraph that leads it
    (協定を結ぶ目的は以下のとおりとする。): each entry a line of its own at the
    paragraphs' indent, its later lines under its first. No mark unless the text has one."""
    items: Annotated[list[Line], MinLen(1)]
    # the text's own mark before each entry (・, ○); ① or ⑴ numbers them (① ② ③, as 四大学連合憲章
    # 2001 marks its aims); none by default
    marker: Optional[Line] = None


class ProseHeading(Strict):
    """A heading in the prose, a line of its own at the margin above the paragraphs it leads,
    as a text of numbered sections sets it (慶應義塾大学大学院 and 国税庁's 覚書, 1996:
    １　プログラムの目的 / 主として開発途上国の…), where a paragraph would stand one em in."""
    heading: Line


class ProseCentred(Strict):
    """A line of the prose set in the middle of the page, as the text sets it: 記 between a
    preamble and its numbered paragraphs (法務省 and 国税庁's 合意書, 2021: …次のとおり合意した。
    / 記 / １　乙は，…), where a paragraph would stand one em in at the left. Written as an
    annex's centred line is ({text: 記, align: center})."""
    text: Line
    align: Literal["center"]
