"""Voice-note operations: upload (multipart), list, metadata, download, change, delete."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from cove.core import policy
from cove.core.http import CoveRequest
from cove.core.paging import Paging
from cove.voice import media, responses, services, uploads
from cove.voice.models import VoiceNote

PREFIX = "/voice/"
router = Router(tags=["voice"])


class Message(Schema):
    detail: str


class Problem(Schema):
    detail: str
    errors: list[dict[str, Any]] = []


class NoteOut(Schema):
    id: str
    title: str
    transcript: str
    seconds: int
    journal_entry: str | None
    practice: str | None
    created_at: str
    version: int
    audio_type: str = media.OUTPUT_TYPE


class NoteChange(Schema):
    title: str | None = Field(default=None, max_length=services.TITLE_MAX)
    transcript: str | None = Field(default=None, max_length=services.TRANSCRIPT_MAX)
    version: int | None = Field(default=None, ge=1, description="The version your copy is "
                                "based on; if the note changed since, the answer is 409.")


UPLOAD_SCHEMA = {
    "type": "object",
    "required": ["audio"],
    "properties": {
        "audio": {"type": "string", "format": "binary",
                  "description": "WAV, OGG, WebM or M4A; at most COVE_VOICE_MAX_MB and "
                                 "COVE_VOICE_MAX_MINUTES"},
        "title": {"type": "string", "maxLength": services.TITLE_MAX},
        "transcript": {"type": "string", "maxLength": services.TRANSCRIPT_MAX},
        "journal_entry": {"type": "string", "format": "uuid",
                          "description": "keep the note with this journal entry of yours"},
        "practice": {"type": "string", "format": "uuid",
                     "description": "or with this practice of yours (its debrief)"},
    },
}


def _out(note: VoiceNote) -> dict[str, Any]:
    return {
        "id": str(note.pk), "title": note.title, "transcript": note.transcript,
        "seconds": int(note.seconds or 0),
        "journal_entry": str(note.journal_entry_id) if note.journal_entry_id else None,
        "practice": str(note.practice_id) if note.practice_id else None,
        "created_at": note.created_at.isoformat(), "version": note.version,
    }


@router.post("/notes", response={201: NoteOut, 404: Message, 422: Problem}, auth=django_auth,
             summary="Keep a recording (multipart: audio, and optionally title, transcript, "
                     "journal_entry)",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "multipart/form-data": {"schema": UPLOAD_SCHEMA, "encoding": {
                     "audio": {"contentType": ", ".join(media.KINDS.values())}}}}}})
@policy.signed_in
@transaction.non_atomic_requests
def upload(request: CoveRequest) -> Any:
    # Read from the parsed form rather than as ninja File/Form parameters, so that a file
    # over the size limit (dropped by cove.voice.uploads) gets our own clear message.
    form = request.POST
    note = services.keep_recording(
        request.vault, request.FILES.get("audio"),
        services.NewNote(title=form.get("title", ""), transcript=form.get("transcript", ""),
                         journal_entry=form.get("journal_entry") or None,
                         practice=form.get("practice") or None),
        too_large=uploads.too_large(request))
    return Status(201, _out(note))


@router.get("/notes", response=list[NoteOut], auth=django_auth, summary="Your voice notes, "
            "newest first")
@policy.signed_in
def list_notes(request: CoveRequest, paging: Query[Paging]) -> Any:
    query = VoiceNote.objects.owned_by(request.vault).order_by("-created_at")
    return [_out(note) for note in paging.slice(query)]


@router.get("/notes.zip", response={200: None}, auth=django_auth,
            summary="Every voice note as one zip (sound files and voice-notes.json)",
            openapi_extra={"responses": {"200": {"description": "The zip", "content": {
                "application/zip": {"schema": {"type": "string", "format": "binary"}}}}}})
@policy.signed_in
def download_all(request: CoveRequest) -> Any:
    return responses.zip_of_all(request.vault)


@router.get("/notes/{note_id}", response={200: NoteOut, 404: Message}, auth=django_auth,
            summary="One voice note's details (not its sound)")
@policy.signed_in
def read_note(request: CoveRequest, note_id: str) -> Any:
    return _out(services.get_note(request.vault, note_id))


_SOUND = {media.OUTPUT_TYPE: {"schema": {"type": "string", "format": "binary"}}}
# A player may ask for one range of bytes with a Range header (to seek).
SOUND_RESPONSES = {"responses": {
    "200": {"description": "The sound", "content": _SOUND},
    "206": {"description": "The range of the sound asked for (Content-Range says which)",
            "content": _SOUND},
    "416": {"description": "The range asked for starts past the end of the sound"},
}}


@router.get("/notes/{note_id}/audio", response={200: None, 404: Message}, auth=django_auth,
            summary="The recording itself (Opus in WebM), never cached",
            openapi_extra=SOUND_RESPONSES)
@policy.signed_in
def download(request: CoveRequest, note_id: str) -> Any:
    return responses.audio(request, services.get_note(request.vault, note_id), download=True)


@router.get("/shared/{username}/{area}/{note_id}/audio", response={200: None, 404: Message},
            auth=django_auth, summary="A recording someone shares with you (logged for them)",
            openapi_extra=SOUND_RESPONSES)
@policy.grantee("any")
def shared_audio(request: CoveRequest, username: str, area: str, note_id: str) -> Any:
    note = services.shared_note(request.vault, username, area, note_id)
    return responses.audio(request, note, download=True)


@router.patch("/notes/{note_id}", response={200: NoteOut, 404: Message, 409: dict,
                                            422: Problem}, auth=django_auth,
              summary="Change a note's name or typed words")
@policy.signed_in
def change_note(request: CoveRequest, note_id: str, payload: NoteChange) -> Any:
    note = services.describe(request.vault, note_id, title=payload.title,
                             transcript=payload.transcript, version=payload.version)
    return _out(note)


@router.delete("/notes/{note_id}", response={204: None, 404: Message}, auth=django_auth,
               summary="Delete a note and its recording")
@policy.signed_in
def delete_note(request: CoveRequest, note_id: str) -> Any:
    services.delete_note(request.vault, note_id)
    return Status(204, None)
