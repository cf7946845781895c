"""Partner links: two accounts that chose each other, and the key they share.

A `Link` starts from a single-use `Invitation` (code shown once, only its keyed digest
stored, valid 24 hours). The other person redeems the code from their own account, which
makes a *pending* link; it becomes *active* when both have confirmed. At that moment a
fresh symmetric **link key** is made and sealed to each member's public key (one `LinkKey`
row per member), so records both may read and write (`cove.partners.public.LinkRecord`)
can be sealed under it. Linking alone shares nothing else.

Unlinking deletes the link, its keys and every record sealed under them (cascade): the
other person is not told and afterwards sees what they would see had they never linked.

Nothing here holds content. The plain columns are who is linked to whom, since when, and
which step the link is at: the server must know that much to hand each member their key.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cove.core import choices
from cove.vault import areas
from cove.vault.fields import SealedJSONField
from cove.vault.records import SealedRecord


class LinkState(models.TextChoices):
    PENDING = "pending", _("Waiting for both to confirm")
    ACTIVE = "active", _("Linked")


choices.register("partners.link_state", LinkState)


class Invitation(models.Model):
    """A code one person made for someone to link with them: single use, 24 hours."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # cove.core.invite_codes.code_digest("partner", code): the code itself is never stored.
    code_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    plain_fields = {
        "code_digest": "a keyed hash of the code, looked up when someone redeems it",
    }


class LinkQuerySet(models.QuerySet):
    def active(self) -> LinkQuerySet:
        return self.filter(state=LinkState.ACTIVE)

    def of(self, user_id: int) -> LinkQuerySet:
        """Links the person is a member of (either side)."""
        return self.filter(models.Q(inviter_id=user_id) | models.Q(invitee_id=user_id))


class Link(models.Model):
    """Two accounts linked as partners. Several links per person are allowed, one per pair."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=16, choices=LinkState.choices,
                             default=LinkState.PENDING)
    inviter_confirmed = models.BooleanField(default=False)
    invitee_confirmed = models.BooleanField(default=False)
    # The version of the link key the LinkKey rows hold (counts up if it is ever replaced).
    key_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    linked_at = models.DateTimeField(null=True, blank=True)

    objects = LinkQuerySet.as_manager()

    plain_fields = {
        "state": "which step the link is at: the server hands out keys only when active",
        "inviter_confirmed": "which member has confirmed, so the link knows when to start",
        "invitee_confirmed": "which member has confirmed, so the link knows when to start",
        "key_version": "names the link key the members' sealed copies hold",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inviter", "invitee"], name="one_link_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(inviter=models.F("invitee")), name="no_link_to_self"
            ),
        ]

    def __str__(self) -> str:
        return f"Link {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.state == LinkState.ACTIVE

    def member_ids(self) -> tuple[int, int]:
        return (self.inviter_id, self.invitee_id)

    def has_member(self, user_id: int) -> bool:
        return user_id in self.member_ids()

    def other_id(self, user_id: int) -> int:
        """The other member's id (the caller must be a member)."""
        return self.invitee_id if user_id == self.inviter_id else self.inviter_id

    def confirmed_by(self, user_id: int) -> bool:
        return self.inviter_confirmed if user_id == self.inviter_id else self.invitee_confirmed


class LinkKey(models.Model):
    """One member's copy of the link key, sealed to their public key (X25519 sealed box)."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="keys")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveIntegerField()
    sealed_key = models.BinaryField()

    plain_fields = {
        "version": "which link key this copy is",
        "sealed_key": "the link key sealed to the member's public key; opens only with theirs",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "member"], name="one_link_key_per_member")
        ]


class SharePart(models.TextChoices):
    """The parts of one's own data a person may show a linked partner, one area each."""

    BOUNDARIES = "boundaries", _("My boundaries")
    PAUSE = "pause", _("My pause plan")
    AFTERCARE = "aftercare", _("The aftercare I want")
    COMFORT = "comfort", _("My comfort list")
    LADDER = "ladder", _("Steps to practise together")
    SAFETY = "safety", _("Parts of my safety plan")


choices.register("partners.part", SharePart)

AREA_OF_PART = {
    SharePart.BOUNDARIES: areas.PARTNER_BOUNDARIES,
    SharePart.PAUSE: areas.PARTNER_PAUSE,
    SharePart.AFTERCARE: areas.PARTNER_AFTERCARE,
    SharePart.COMFORT: areas.PARTNER_COMFORT,
    SharePart.LADDER: areas.PARTNER_LADDER,
    SharePart.SAFETY: areas.PARTNER_SAFETY,
}
PART_OF_AREA = {area: part for part, area in AREA_OF_PART.items()}


class SharedPart(SealedRecord):
    """The published snapshot of one part: exactly what a partner given it reads.

    Sealed under that part's own partner area key, which `grant_area` hands to each
    chosen partner. Re-published from the owner's requests when the source changes.
    """

    part = models.CharField(max_length=16, choices=SharePart.choices)
    content = SealedJSONField(plain_default={})

    plain_fields = {
        "part": "names the partner area key that seals the row (the grant names it anyway)",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "part"], name="one_shared_part_per_owner")
        ]

    def get_sharing_area(self) -> str:
        return AREA_OF_PART[SharePart(self.part)]

    @classmethod
    def rows_in_area(cls, area: str) -> models.Q | None:
        part = PART_OF_AREA.get(area)
        return None if part is None else models.Q(part=part)


class SharingChoices(SealedRecord):
    """The owner's own choices about what each part includes (one row per person).

    {"boundaries": {"history": bool}, "ladder": {"steps": [step ids]},
     "safety": {"parts": [plan part keys], "contacts": [contact lines chosen one by one]}}
    """

    sharing_area = areas.PRIVATE
    options = SealedJSONField(plain_default={})


class RotationDue(models.Model):
    """A partner area whose key must be rotated on the owner's next request.

    When the *other* person unlinks, their grant from the owner is deleted at once (so the
    next request reads nothing), but rotating the owner's key needs the owner's vault.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    area = models.CharField(max_length=32)

    plain_fields = {"area": "which of the owner's keys to replace"}

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "area"], name="one_rotation_due_per_area")
        ]
