"""The spec's schema: what one YAML file may say about one event.

English keys, Japanese values. Parties are declared once under `parties:` (their
order gives the labels 甲, 乙, 丙 …) and referred to by id from the documents. Every
model refuses unknown keys; spec/load.py turns the findings into messages.

The models by part: parties.py, notice.py (press_notice:), agreement.py
(agreement:); the root, Spec, here, and every model importable from here."""
from __future__ import annotations
# The annotations are kept as text (above), evaluated at each model's first use:
# strict/model.py's _build.

from typing import Optional

from ..base import AgreementKey, Line, PartyKey, Strict
from ..strict import Field
from .parties import (  # noqa: F401  (the models, importable from spec.schema)
    Representative, Party)
from .notice import (  # noqa: F401  (the models, importable from spec.schema)
    Person, PhoneKind, Phone, Contact, ScheduleRow, ExtraItem, Site, AgendaSubStep, AgendaStep,
    Ceremony, CeremonyOfSeveral, KI_BUILTINS, KiGroup, KiEntry, KiItemSpec, Background, SectionPart, Section, PressRequest,
    Attachment, Attachments, AfterNotice, PressNotice)
from .agreement import (  # noqa: F401  (the models, importable from spec.schema)
    Area, SubItemSpec, ClauseSpec, ArticleText, ArticleOverride, ExtraArticle, Chapter, Validity,
    Witness, DOCUMENT_KINDS, WRITING_STYLES, AgreementDocument, Amendment, Related, Agreement,
    AgreementOfSeveral)


class Spec(Strict):
    issuer: Line                      # author of the documents
    style: Optional[Line] = None      # house style file, relative to the spec
    parties: dict[PartyKey, Party] = Field(min_length=1)
    agreement: Optional[Agreement] = None
    # several agreements one notice announces, by id (instead of agreement:): each its
    # own row of the annual book (annual/rows.py)
    agreements: Optional[dict[AgreementKey, AgreementOfSeveral]] = None
    press_notice: Optional[PressNotice] = None

    def party_list(self) -> list[tuple[str, Party]]:
        return list(self.parties.items())

    def signatories(self) -> list[Party]:
        ids = self.press_notice.ceremony.signatories or list(self.parties)
        return [self.parties[i] for i in ids]
