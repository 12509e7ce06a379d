"""The parties of a spec (`parties:`): each declared once, its order giving the
labels 甲, 乙, 丙 …, and its head or signer (Representative)."""
from __future__ import annotations
# The annotations are kept as text (above), evaluated at each model's first use:
# strict/model.py's _build.

from typing import ClassVar, Literal, Optional, Union

from ..typed import Typed
from ..base import Line, Strict


class Representative(Strict):
    # 北海道オホーツク総合振興局長; null (written so) leaves it blank in a draft; false: the
    # person has no title where the copy names them (モンゴル国中央県 / チェベクミディン
    # バトボルド, 鳥取県's 覚書 of 1997): the body and the name alone, nothing made up for it
    title: Union[Line, Literal[False], None]
    # 中島 和彦; null (written so) leaves it blank in a draft (document.draft). Left out,
    # the person is known by the title alone (山形県知事, as many notices name the heads):
    # printed so in the notice's 締結者; an agreement's signature block needs the name
    # (spec/checks.py), as nothing may be printed that the spec did not say.
    name: Optional[Line] = None
    reading: Optional[Line] = None    # なかじま かずひこ: printed in the notice only, never in a signature block
    # what the notice says of the signer, in （） on the signer's line after the name (or the
    # title alone): H30.4.1付け人事異動により池田秀明に変更 → 秋田森林管理署長　二村　信三（H30.4.1付け…）,
    # as 秋田森林管理署 notes a head changed since; printed in the notices' 締結者 only
    note: Optional[Line] = None
    # the agreement's signature line as the signed copy types it: {title: 赤 磐 市 長, name: 友　實　　武　則},
    # the same characters with gaps of its own (typed.py); never in a notice
    typed: Optional[Typed] = None

    @property
    def title_only(self) -> bool:
        """Named by the title alone: `name` left out (null, written so, is a draft's blank)."""
        return "name" not in self.model_fields_set

    @property
    def shown_title(self) -> str | None:
        """The title as printed: "" for none (title: false), None for a draft's blank."""
        return "" if self.title is False else self.title


class Party(Strict):
    template_api: ClassVar[tuple[str, ...]] = ("organisation_before_title", "signer")
    name: Optional[Line]              # 北見工業大学; null (written so) leaves it blank in a draft (document.draft)
    formal_name: Optional[Line] = None  # 国立大学法人北海道国立大学機構 北見工業大学
    # the organisation's line in the agreement's signature block as the signed copy types it
    # (特定非営利活動法人ｸﾗｲｼｽﾏｯﾊﾟｰｽﾞ･ｼﾞｬﾊﾟﾝ, half-width kana so that it stands on one line):
    # the same name as formal_name (else name) under NFKC (spec/typed.py); the block only
    typed_name: Optional[Line] = None
    short_name: Optional[Line] = None
    address: Optional[Line] = None
    # 日本国 | フィリピン共和国: the first line of the party's signature block, where an
    # agreement with a city abroad names each side's country above it
    country: Optional[Line] = None
    # the head (代表者); needed where a document prints who signs (the notice's 締結者 item,
    # the release after the signing, the agreement's signature blocks): a spec that only
    # lists the agreement (annual), or a notice naming no signer, may leave it out
    representative: Optional[Representative] = None
    signatory: Optional[Representative] = None   # who signs for the party, when not the head
    # who else signs for the party, beside the signer above (公立大学法人: 理事長, then 学長):
    # each is named in the notice's 締結者 and signs under the party's block in the agreement
    co_signers: list[Representative] = []
    honorific: Optional[Line] = None  # 様 for a partner; never on one's own head
    statements: list[Line] = []       # the overview sheet's ◆ lines
    logo: Optional[Line] = None       # PNG/JPEG path, relative to the spec
    issuing: Optional[bool] = None    # of the issuing office's own side (default: named as the issuer)
    # signs beside the issuer, on its side, and is not it (小豆島町 beside 土庄町: 土庄町と小豆島町は、
    # …と結びました): the annual book lists it after the partners, （小豆島町と共同締結）, not as one
    with_issuer: bool = False

    def names(self) -> list[str]:
        return [n for n in (self.name, self.formal_name, self.short_name) if n]

    def signer(self) -> Optional[Representative]:
        """Who signs for the party: the signatory where one is named, else the head
        (None only in a spec no document of which prints a signer: spec/checks.py)."""
        return self.signatory or self.representative

    def signers(self) -> list[tuple[tuple, Representative]]:
        """Everyone who signs for the party, in order, each with its key path under the
        party: the signer (signatory, else representative), then the co-signers."""
        first = self.signer()
        if first is None:
            return []
        who = ("signatory",) if self.signatory else ("representative",)
        return [(who, first)] + [(("co_signers", i), p) for i, p in enumerate(self.co_signers)]

    def people(self) -> list[tuple[tuple, Representative]]:
        """Every person the party names, with its key path under the party: the head,
        the signatory, the co-signers (None for a head or signatory not given)."""
        return ([(("representative",), self.representative), (("signatory",), self.signatory)]
                + [(("co_signers", i), p) for i, p in enumerate(self.co_signers)])

    def organisation_before_title(self, title: str | None = None) -> str:
        """The organisation to print before a signer's title (市長 → ○○市　市長), or ""
        where the title already begins with one of the party's names
        (北海道オホーツク総合振興局長). `title`: a co-signer's; default the signer's."""
        if title is None:
            title = (self.signer().shown_title or "") if self.signer() else ""
        if any(title.startswith(n) for n in self.names()):
            return ""
        return self.name

    def is_named(self, issuer: str) -> bool:
        """Whether the issuer is one of the party's names, spaces aside: 国立研究開発法人
        防災科学技術研究所 issues as 国立研究開発法人防災科学技術研究所, the same body."""
        return "".join(issuer.split()) in ["".join(n.split()) for n in self.names()]

    def on_issuing_side(self, issuer: str) -> bool:
        """Whether the party is the issuing office itself (or of its side): said by
        `issuing:`, or else the issuer is one of the party's names (spaces aside)."""
        return self.issuing if self.issuing is not None else self.is_named(issuer)
