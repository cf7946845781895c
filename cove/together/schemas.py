"""API shapes of the together operations (closed sets use the registered choices)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Schema
from pydantic import Field

from cove.together import rules
from cove.together.choices import (
    AgreementTopic,
    ChangeStatus,
    CheckInPart,
    NoteKind,
    Overlap,
    PartnerWishAnswer,
    PracticeState,
)

Line = Field(max_length=rules.ITEM_MAX)
Text = Field(default="", max_length=rules.TEXT_MAX)


class TogetherLinkOut(Schema):
    id: UUID
    partner: str


class AfterPause(Schema):
    together: str = Text
    mine: str = Text
    theirs: str = Text


class Terms(Schema):
    stop_words: list[str] = Field(default_factory=list, max_length=rules.LIST_MAX_ITEMS)
    signals: list[str] = Field(default_factory=list, max_length=rules.LIST_MAX_ITEMS)
    aftercare: list[str] = Field(default_factory=list, max_length=rules.LIST_MAX_ITEMS)
    limits: list[str] = Field(default_factory=list, max_length=rules.LIST_MAX_ITEMS)
    session_minutes: int | None = Field(default=None, ge=rules.MINUTES_MIN,
                                        le=rules.MINUTES_MAX)
    after_pause: AfterPause = Field(default_factory=AfterPause)


class TermsIn(Terms):
    version: int | None = Field(default=None, description="The agreement version your copy "
                                "was based on; omit to change whatever is there now.")


class AgreementChangeOut(Schema):
    id: UUID
    by_me: bool
    status: ChangeStatus
    topics: list[AgreementTopic]
    changes: Terms
    created_at: datetime
    decided_at: datetime | None


class AgreementOut(Schema):
    terms: Terms
    version: int | None
    waiting: AgreementChangeOut | None


class SuggestedOut(Schema):
    at_once: list[AgreementTopic]
    waiting: AgreementChangeOut | None


class WishItem(Schema):
    key: str
    title: str
    overlap: Overlap


class SharedRound(Schema):
    id: UUID
    closed_at: datetime | None
    items: list[WishItem]


class OpenRound(Schema):
    id: UUID
    started_by_me: bool


class WishesOut(Schema):
    open_round: OpenRound | None
    can_start: bool
    start_after: datetime | None
    shared: list[SharedRound]


class StartIn(Schema):
    cooldown_days: int = Field(default=14, description="7, 14, 30 or 90")


class AnswersIn(Schema):
    answers: dict[str, PartnerWishAnswer] = Field(
        description="By wish key (GET /boundaries catalogue). Leave a wish out to skip it; "
        "no, not now and skipping are stored the same way: not at all.")


class AnswersOut(Schema):
    answers: dict[str, PartnerWishAnswer]


class ReleaseIn(Schema):
    keep: list[str] = Field(default_factory=list, max_length=len(rules.WISH_KEYS))


class TogetherStepOut(Schema):
    id: str
    title: str
    ladder_title: str
    minutes: int | None


class PauseOut(Schema):
    together: str
    mine: str
    from_my_plan: str


class SharedPracticeOut(Schema):
    id: UUID
    state: PracticeState
    version: int
    step_title: str
    minutes: int | None
    started_by_me: bool
    aftercare_done: list[str]
    pause: PauseOut | None


class PracticeHome(Schema):
    current: SharedPracticeOut | None
    steps: list[TogetherStepOut]


class PracticeStartIn(Schema):
    step_id: str


class AftercareIn(Schema):
    done: list[str] = Field(default_factory=list, max_length=rules.LIST_MAX_ITEMS)


class DebriefIn(Schema):
    private_text: str = Field(default="", max_length=rules.TEXT_MAX * 4)
    shared_text: str = Field(default="", max_length=rules.TEXT_MAX * 4)


class SharedText(Schema):
    id: UUID
    by_me: bool
    text: str
    created_at: datetime


class TrustCheckInIn(Schema):
    parts: dict[CheckInPart, str]
    share: list[CheckInPart] = Field(default_factory=list)


class TrustCheckInOut(Schema):
    id: UUID
    by_me: bool
    parts: dict[CheckInPart, str]
    created_at: datetime


class KeptOut(Schema):
    kept: list[CheckInPart]


class TogetherNoteIn(Schema):
    kind: NoteKind
    text: str = Field(max_length=500)


class TogetherNoteOut(Schema):
    id: UUID
    by_me: bool
    kind: NoteKind
    text: str
    created_at: datetime
