"""The clinician third: profiles, invitations, client links and what they share.

A client and a clinician share a *link key*: a random key sealed once to the client's
public key and once to the clinician's. Homework suggestions and shared session briefs are
sealed under it, so exactly those two people can open them (docs/security.md, "Clinicians").
The clinician's copy opens only while the link is open and the client has at least one live
grant for them, so stopping every share (or a Safety Check) closes these records too.
"""

from __future__ import annotations

import base64
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cove.vault import areas, crypto
from cove.vault.fields import SealedBooleanField, SealedJSONField, SealedTextField, VaultLocked
from cove.vault.models import Grant, KeyBundle
from cove.vault.records import SealedRecord


class ClinicianProfile(models.Model):
    """How a clinician introduces themself to clients. Not a person's private content: it
    is what the clinician chose to show every client and the operator who approves them."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="clinician_profile")
    name = models.CharField(max_length=80)
    practice = models.CharField(max_length=120, blank=True)
    note = models.CharField(max_length=300, blank=True)
    asked_at = models.DateTimeField(default=timezone.now)
    approved_at = models.DateTimeField(null=True, blank=True)

    plain_fields: ClassVar[dict[str, str]] = {
        "name": "shown to clients in invitations and access receipts; the clinician's choice",
        "practice": "shown to clients beside the name; professional, not personal",
        "note": "a short public introduction the clinician writes for clients",
    }


class ClinicInvite(models.Model):
    """A one-time code a clinician gives a client. Only its keyed digest is stored."""

    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="+")
    code_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    plain_fields: ClassVar[dict[str, str]] = {
        "code_digest": "a keyed hash of the code, so the database alone cannot redeem it",
    }


class ClinicLink(SealedRecord):
    """A client's link with one clinician. Owned by the client (their export, their deletion)."""

    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="+")
    # Base64 of sealed boxes (text, so the export can carry them as they are).
    key_for_client = models.TextField()
    key_for_clinician = models.TextField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    # The next session date, "until after my next session", and the flags the client allows.
    next_session = SealedTextField(_("next session"))
    until_after_session = SealedBooleanField(_("until after my next session"),
                                             plain_default=False)
    flags = SealedJSONField(_("flags I allow"), plain_default=[])

    plain_fields: ClassVar[dict[str, str]] = {
        "key_for_client": "the link key sealed to the client's public key (ciphertext)",
        "key_for_clinician": "the link key sealed to the clinician's public key (ciphertext); "
                             "emptied when the client stops sharing",
    }

    class Meta:
        verbose_name = _("link with a clinician")
        verbose_name_plural = _("links with clinicians")

    def sealing_key(self) -> bytes:
        return self.link_key()

    def link_key(self) -> bytes:
        """The link key as the bound vault's person may open it, or VaultLocked."""
        vault = self._vault
        if vault is None:
            raise VaultLocked("ClinicLink has no vault bound")
        cached: dict[Any, bytes] = vault.__dict__.setdefault("_clinic_link_keys", {})
        if self.pk in cached:
            return cached[self.pk]
        me = vault.user.pk
        if me == self.owner_id:
            sealed = base64.b64decode(self.key_for_client)
        elif me == self.clinician_id and self.open_for_clinician():
            sealed = base64.b64decode(self.key_for_clinician or "")
        else:
            raise VaultLocked("not a party to this link")
        try:
            key = crypto.open_sealed_box(vault.private_key(), sealed)
        except crypto.VaultError as exc:
            raise VaultLocked("link key does not open") from exc
        cached[self.pk] = key
        return key

    def open_for_clinician(self) -> bool:
        return (
            self.ended_at is None
            and bool(self.key_for_clinician)
            and Grant.objects.live().filter(owner_id=self.owner_id,
                                            grantee_id=self.clinician_id).exists()
        )

    @classmethod
    def seal_new_key(cls, client_id: int, clinician_id: int) -> tuple[str, str]:
        """A new link key, sealed to the client and to the clinician."""
        key = crypto.new_key()
        client_pub = bytes(KeyBundle.objects.get(user_id=client_id).public_key)
        clinician_pub = bytes(KeyBundle.objects.get(user_id=clinician_id).public_key)
        return (sealed_text(client_pub, key), sealed_text(clinician_pub, key))


def sealed_text(public_key: bytes, key: bytes) -> str:
    return base64.b64encode(crypto.seal_to_public_key(public_key, key)).decode()


class LinkedRecord(SealedRecord):
    """A record the client and their clinician both read: sealed under the link key."""

    link = models.ForeignKey(ClinicLink, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def sealing_key(self) -> bytes:
        if self._vault is None:
            raise VaultLocked(f"{type(self).__name__} has no vault bound")
        link = ClinicLink.objects.unlocked(self._vault).get(pk=self.link_id)
        return link.link_key()


class Homework(LinkedRecord):
    """A suggestion from the clinician. The client accepts, changes or declines it; there is
    no due date and nothing is ever overdue."""

    kind = SealedTextField(_("kind"))
    title = SealedTextField(_("suggestion"))
    detail = SealedTextField(_("more about it"))
    answer = SealedTextField(_("my answer"))  # "" (not yet), accepted, changed, declined
    my_version = SealedTextField(_("my version"))
    how_it_went = SealedTextField(_("how it went, in my words"))

    class Meta:
        verbose_name = _("suggestion from my clinician")
        verbose_name_plural = _("suggestions from my clinician")


class SessionBrief(SealedRecord):
    """The client's own draft before a session: sealed under their private key only."""

    sharing_area = areas.PRIVATE
    link = models.ForeignKey(ClinicLink, on_delete=models.CASCADE, related_name="+")
    session_date = SealedTextField(_("session date"))
    parts = SealedJSONField(_("my notes"), plain_default={})
    hidden = SealedJSONField(_("parts left out"), plain_default=[])

    class Meta:
        verbose_name = _("session brief (draft)")
        verbose_name_plural = _("session briefs (drafts)")


class SharedBrief(LinkedRecord):
    """What the client chose to share from a brief: only the parts they kept, for one session."""

    session_date = SealedTextField(_("session date"))
    parts = SealedJSONField(_("shared notes"), plain_default={})

    class Meta:
        verbose_name = _("shared session brief")
        verbose_name_plural = _("shared session briefs")


class ClinicianNote(SealedRecord):
    """A clinician's own note about a client: sealed under the clinician's private key."""

    sharing_area = areas.PRIVATE
    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    body = SealedTextField(_("note"))

    class Meta:
        verbose_name = _("clinician note")
        verbose_name_plural = _("clinician notes")
