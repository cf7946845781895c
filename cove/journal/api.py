"""Journal operations: list, write, read, change, delete, search, patterns."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.core import policy
from cove.core.paging import PageNumber
from cove.journal import kinds, services
from cove.journal.forms import EntryForm
from cove.journal.models import JournalEntry
from cove.vault.keyring import Vault
from cove.vault.records import get_owned_or_404

PREFIX = "/journal/"
router = Router(tags=["journal"])


class Message(Schema):
    detail: str


class Invalid(Schema):
    detail: str
    errors: list[dict[str, Any]]


class EntryIn(Schema):
    kind: str = Field(max_length=20, description="One of the keys from GET /journal/kinds")
    answers: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list, max_length=12)
    shareable: bool = False


class EntryChange(Schema):
    answers: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list, max_length=12)
    shareable: bool = False


class EntryOut(Schema):
    id: uuid.UUID
    kind: str
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


def _vault(request: HttpRequest) -> Vault:
    vault = getattr(request, "vault", None)
    assert isinstance(vault, Vault)  # policy.signed_in guarantees it
    return vault


def _out(entry: JournalEntry) -> dict[str, Any]:
    return {"id": entry.pk, "kind": entry.kind, "answers": entry.answer_map,
            "tags": entry.tag_list, "shareable": entry.shareable,
            "created_at": entry.created_at, "updated_at": entry.updated_at}


def _invalid(form: EntryForm) -> Any:
    return Status(422, {
        "detail": "Some of what was sent could not be used.",
        "errors": [{"loc": ["body", "answers" if name in form.fields and name not in
                            ("tags", "shareable") else name], "field": name, "msg": str(msg)}
                   for name, messages in form.errors.items() for msg in messages],
    })


def _bound_form(kind: kinds.Kind, answers: dict[str, Any], tags: list[str],
                shareable: bool) -> EntryForm | dict[str, Any]:
    unknown = sorted(set(answers) - {p.name for p in kind.prompts})
    if unknown:
        return {"detail": "Some of what was sent could not be used.",
                "errors": [{"loc": ["body", "answers", name], "msg": "Not a prompt of this kind."}
                           for name in unknown]}
    data: dict[str, Any] = {}
    wrong: list[str] = []
    for prompt in kind.prompts:
        if prompt.name not in answers or answers[prompt.name] is None:
            continue
        value = answers[prompt.name]
        if prompt.style in (kinds.PICKS, kinds.BODY):
            data[prompt.name] = value if isinstance(value, list) else [value]
        elif isinstance(value, bool) or not isinstance(value, str | int):
            wrong.append(prompt.name)
        else:
            data[prompt.name] = str(value)
    if wrong:
        return {"detail": "Some of what was sent could not be used.",
                "errors": [{"loc": ["body", "answers", name], "msg": "Expected text or a number."}
                           for name in wrong]}
    data["tags"] = ", ".join(str(t) for t in tags)
    if shareable:
        data["shareable"] = "on"
    return EntryForm(kind, data=data)


@router.get("/kinds", response=list[KindOut], auth=django_auth,
            summary="The kinds of entry and their prompts")
@policy.signed_in
def list_kinds(request: HttpRequest) -> Any:
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
def list_entries(request: HttpRequest, query: Query[PageQuery]) -> Any:
    page = services.entries_page(_vault(request), query.page)
    return {"page": page.number, "pages": page.paginator.num_pages,
            "count": page.paginator.count, "entries": [_out(e) for e in page.object_list]}


@router.post("/entries", response={201: EntryOut, 422: Invalid}, auth=django_auth,
             summary="Write an entry")
@policy.signed_in
def create_entry(request: HttpRequest, payload: EntryIn) -> Any:
    kind = kinds.get_kind(payload.kind)
    if kind is None:
        return Status(422, {"detail": "Some of what was sent could not be used.",
                            "errors": [{"loc": ["body", "payload", "kind"],
                                        "msg": "Unknown kind; see GET /journal/kinds."}]})
    form = _bound_form(kind, payload.answers, payload.tags, payload.shareable)
    if isinstance(form, dict):
        return Status(422, form)
    if not form.is_valid():
        return _invalid(form)
    entry = services.write_entry(_vault(request), kind.key, form.answers(),
                                 form.cleaned_data["tags"], form.cleaned_data["shareable"])
    return Status(201, _out(entry))


@router.get("/entries/{entry_id}", response={200: EntryOut, 404: Message}, auth=django_auth,
            summary="One entry")
@policy.signed_in
def read_entry(request: HttpRequest, entry_id: str) -> Any:
    return _out(get_owned_or_404(JournalEntry, _vault(request), entry_id))


@router.put("/entries/{entry_id}", response={200: EntryOut, 404: Message, 422: Invalid},
            auth=django_auth, summary="Change an entry (answers, tags, shareable)")
@policy.signed_in
def change_entry(request: HttpRequest, entry_id: str, payload: EntryChange) -> Any:
    entry = get_owned_or_404(JournalEntry, _vault(request), entry_id)
    kind = services.kind_of(entry)
    if kind is None:
        return Status(404, {"detail": "Not found."})
    form = _bound_form(kind, payload.answers, payload.tags, payload.shareable)
    if isinstance(form, dict):
        return Status(422, form)
    if not form.is_valid():
        return _invalid(form)
    services.update_entry(entry, form.answers(), form.cleaned_data["tags"],
                          form.cleaned_data["shareable"])
    return _out(entry)


@router.delete("/entries/{entry_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Delete an entry")
@policy.signed_in
def delete_entry(request: HttpRequest, entry_id: str) -> Any:
    services.delete_entry(get_owned_or_404(JournalEntry, _vault(request), entry_id))
    return Status(204, None)


@router.post("/search", response=SearchOut, auth=django_auth,
             summary="Search your newest 500 entries (opened in memory, never indexed)",
             description="The words go in the body, never in the address, so they reach no "
                         "server log or browser history.")
@policy.signed_in
def search(request: HttpRequest, payload: SearchQuery) -> Any:
    result = services.search(_vault(request), payload.q)
    return {"scanned": result.scanned, "more_matches": result.more_matches,
            "entries": [_out(e) for e in result.entries]}


@router.get("/patterns", response=PatternsOut, auth=django_auth,
            summary="Counts of where hard moments came up and what helped")
@policy.signed_in
def patterns(request: HttpRequest) -> Any:
    found = services.patterns(_vault(request))
    return {"scanned": found.moments_scanned, "moments": found.moments,
            "sentences": found.sentences, "contexts": found.contexts,
            "helpers": [vars(row) for row in found.helpers], "practices": found.practices,
            "practice_helpers": found.practice_helpers}
