"""Journal operations: list, write, read, change, delete, search, patterns."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.paging import PageNumber
from cove.core.schemas import VERSION_HELP, Conflicted, Invalid, Message
from cove.journal import kinds, services
from cove.journal.choices import JournalKind
from cove.journal.models import JournalEntry
from cove.vault.records import get_owned_or_404

PREFIX = "/journal/"
router = Router(tags=["journal"])


class EntryIn(Schema):
    kind: JournalKind = Field(description="One of the keys from GET /journal/kinds")
    answers: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list, max_length=12)
    shareable: bool = False


class EntryChange(Schema):
    answers: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list, max_length=12)
    shareable: bool = False
    version: int | None = Field(default=None, ge=1, description=VERSION_HELP)


class EntryOut(Schema):
    id: uuid.UUID
    version: int
    kind: JournalKind
    answers: dict[str, Any]
    tags: list[str]
    shareable: bool
    created_at: datetime
    updated_at: datetime


class EntryPage(Schema):
    page: int
    pages: int
    count: int
    entries: list[EntryOut]


class SearchOut(Schema):
    scanned: int
    more_matches: bool
    entries: list[EntryOut]


class PromptOut(Schema):
    name: str
    label: str
    style: str
    choices: list[str]


class KindOut(Schema):
    key: str
    label: str
    description: str
    content_note: str
    prompts: list[PromptOut]


class HelperOut(Schema):
    key: str
    label: str
    tried: int
    helped: int


class PatternsOut(Schema):
    scanned: int
    moments: int
    sentences: list[str]
    contexts: list[tuple[str, int]]
    helpers: list[HelperOut]
    practices: int
    practice_helpers: list[tuple[str, int]]


class PageQuery(PageNumber):
    pass


class SearchQuery(Schema):
    q: str = Field(min_length=1, max_length=100)


def _out(entry: JournalEntry) -> dict[str, Any]:
    return {"id": entry.pk, "version": entry.version, "kind": entry.kind,
            "answers": entry.answer_map,
            "tags": entry.tag_list, "shareable": entry.shareable,
            "created_at": entry.created_at, "updated_at": entry.updated_at}


@router.get("/kinds", response=list[KindOut], auth=django_auth,
            summary="The kinds of entry and their prompts")
@policy.signed_in
def list_kinds(request: CoveRequest) -> Any:
    return [
        {"key": k.key, "label": str(k.label), "description": str(k.description),
         "content_note": str(k.content_note),
         "prompts": [{"name": p.name, "label": str(p.label), "style": p.style,
                      "choices": [c for c, _label in p.choices] or
                      (list(kinds.BODY_AREAS) if p.style == kinds.BODY else [])}
                     for p in k.prompts]}
        for k in kinds.KINDS
    ]


@router.get("/entries", response=EntryPage, auth=django_auth,
            summary="Your entries, newest first, 20 a page")
@policy.signed_in
def list_entries(request: CoveRequest, query: Query[PageQuery]) -> Any:
    page = services.entries_page(request.vault, query.page)
    return {"page": page.number, "pages": page.paginator.num_pages,
            "count": page.paginator.count, "entries": [_out(e) for e in page.object_list]}


@router.post("/entries", response={201: EntryOut, 422: Invalid}, auth=django_auth,
             summary="Write an entry")
@policy.signed_in
def create_entry(request: CoveRequest, payload: EntryIn) -> Any:
    checked = services.entry_input(payload.kind, payload.answers, payload.tags,
                                   payload.shareable)
    entry = services.write_entry(request.vault, checked.kind.key, checked.answers,
                                 checked.tags, checked.shareable)
    return Status(201, _out(entry))


@router.get("/entries/{entry_id}", response={200: EntryOut, 404: Message}, auth=django_auth,
            summary="One entry")
@policy.signed_in
def read_entry(request: CoveRequest, entry_id: str) -> Any:
    return _out(get_owned_or_404(JournalEntry, request.vault, entry_id))


@router.put("/entries/{entry_id}",
            response={200: EntryOut, 404: Message, 409: Conflicted, 422: Invalid},
            auth=django_auth, summary="Change an entry (answers, tags, shareable)")
@policy.signed_in
def change_entry(request: CoveRequest, entry_id: str, payload: EntryChange) -> Any:
    entry = get_owned_or_404(JournalEntry, request.vault, entry_id)
    checked = services.entry_input(str(entry.kind), payload.answers, payload.tags,
                                   payload.shareable)
    return _out(services.update_entry(request.vault, entry.pk, checked.answers, checked.tags,
                                      checked.shareable, version=payload.version))


@router.delete("/entries/{entry_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Delete an entry")
@policy.signed_in
def delete_entry(request: CoveRequest, entry_id: str) -> Any:
    services.delete_entry(get_owned_or_404(JournalEntry, request.vault, entry_id))
    return Status(204, None)


@router.post("/search", response=SearchOut, auth=django_auth,
             summary="Search your newest 500 entries (opened in memory, never indexed)",
             description="The words go in the body, never in the address, so they reach no "
                         "server log or browser history.")
@policy.signed_in
def search(request: CoveRequest, payload: SearchQuery) -> Any:
    result = services.search(request.vault, payload.q)
    return {"scanned": result.scanned, "more_matches": result.more_matches,
            "entries": [_out(e) for e in result.entries]}


@router.get("/patterns", response=PatternsOut, auth=django_auth,
            summary="Counts of where hard moments came up and what helped")
@policy.signed_in
def patterns(request: CoveRequest) -> Any:
    found = services.patterns(request.vault)
    return {"scanned": found.moments_scanned, "moments": found.moments,
            "sentences": found.sentences, "contexts": found.contexts,
            "helpers": [vars(row) for row in found.helpers], "practices": found.practices,
            "practice_helpers": found.practice_helpers}
