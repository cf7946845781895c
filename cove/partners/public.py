"""What other apps may use from partner links (the `together` app builds on this).

Contract (these signatures stay stable; ask the partners app before changing them):

    active_links(user) -> list[Link]              # the person's active links, oldest first
    link_between(a, b) -> Link | None             # the active link of two people, if any
    get_active_link_or_404(user, link_id) -> Link # one of the person's active links, or 404
    other_member(link, user) -> User              # the partner on the other side
    link_key(vault, link) -> bytes                # the link key; NoAccess unless active member
    LinkRecord                                    # abstract SealedRecord sealed under it
    link_records(Model, vault, link)              # a LinkRecord queryset, ready to open
    get_link_record_or_404(Model, vault, link, pk)
    get_link_record_for_update(Model, vault, link, pk, version=n, yours={...})

Writing a record both partners can read:

    class Agreement(LinkRecord):          # in cove/together/models.py
        text = SealedTextField()

    link = get_active_link_or_404(request.person, link_id)        # 404 if not theirs/active
    Agreement(vault=request.vault, link=link, text="…").save()     # owner = the writer
    rows = link_records(Agreement, request.vault, link).order_by("created_at")

A LinkRecord's `owner` is the person who wrote it; both members open it with the link
key while the link is active. When either member unlinks, the link, its keys and every
LinkRecord pointing at it are deleted (foreign key cascade), so nothing is left that
either side could open, and the other person is not told. A LinkRecord is never part of
an area grant (its sharing area is `LINK_AREA`, which no Grant or AreaKey can name).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.http import Http404

from cove.vault import crypto
from cove.vault.fields import VaultLocked
from cove.vault.keyring import NoAccess
from cove.vault.records import SealedRecord

from .models import Link, LinkKey, LinkState

if TYPE_CHECKING:
    from cove.accounts.models import User
    from cove.vault.keyring import Vault

__all__ = [
    "LINK_AREA", "Link", "LinkRecord", "LinkState", "NoAccess", "active_links",
    "get_active_link_or_404", "get_link_record_for_update", "get_link_record_or_404",
    "link_between", "link_key", "link_key_aad", "link_records", "other_member",
]

# The sharing area name of every LinkRecord. Not in cove.vault.areas on purpose: no
# AreaKey or Grant can ever carry it, so area sharing and rotation never touch these rows.
LINK_AREA = "link"


def active_links(user: User) -> list[Link]:
    """The person's active links (both confirmed), oldest first, with both members loaded."""
    return list(
        Link.objects.active().of(user.pk).select_related("inviter", "invitee")
        .order_by("linked_at", "id")
    )


def link_between(a: User, b: User) -> Link | None:
    """The active link between two people, or None (pending links do not count)."""
    if a.pk == b.pk:
        return None
    return (
        Link.objects.active()
        .filter(models.Q(inviter_id=a.pk, invitee_id=b.pk)
                | models.Q(inviter_id=b.pk, invitee_id=a.pk))
        .first()
    )


def get_active_link_or_404(user: User, link_id: Any) -> Link:
    """One of the person's active links by id; anyone else's or a missing one is 404."""
    try:
        pk = uuid.UUID(str(link_id))
    except ValueError:
        raise Http404 from None
    link = Link.objects.active().of(user.pk).filter(pk=pk).first()
    if link is None:
        raise Http404
    return link


def other_member(link: Link, user: User) -> User:
    """The member of `link` who is not `user`."""
    other_id = link.other_id(user.pk)
    for member in (link.inviter, link.invitee):
        if member.pk == other_id:
            return member
    return get_user_model().objects.get(pk=other_id)  # pragma: no cover


def link_key_aad(link_id: uuid.UUID, version: int) -> bytes:
    """What a link key is bound to (informational: sealed boxes take no associated data)."""
    return f"cove/link-key|{link_id}|{version}".encode()


def _cache(vault: Vault) -> dict[tuple[uuid.UUID, int], bytes]:
    cache: dict[tuple[uuid.UUID, int], bytes] | None = getattr(vault, "_cove_link_keys", None)
    if cache is None:
        cache = {}
        vault._cove_link_keys = cache  # type: ignore[attr-defined]
    return cache


def link_key(vault: Vault, link: Link | uuid.UUID) -> bytes:
    """The link's symmetric key, opened with the vault person's private key.

    Checked against the database on every call that misses this request's cache: raises
    `NoAccess` unless the link exists, is active and the vault's person is a member. The
    cache lives only as long as the Vault (one request), so an unlink takes effect on the
    next request.
    """
    link_id = link.pk if isinstance(link, Link) else link
    row = (
        LinkKey.objects.filter(
            link_id=link_id,
            member_id=vault.user.pk,
            link__state=LinkState.ACTIVE,
            version=models.F("link__key_version"),
        )
        .only("sealed_key", "version")
        .first()
    )
    if row is None:
        raise NoAccess(LINK_AREA)
    cached = _cache(vault).get((link_id, row.version))
    if cached is not None:
        return cached
    try:
        key = crypto.open_sealed_box(vault.private_key(), row.sealed_key)
    except crypto.VaultError as exc:
        raise NoAccess(LINK_AREA) from exc
    _cache(vault)[(link_id, row.version)] = key
    return key


class LinkRecord(SealedRecord):
    """Abstract base for records both partners of a link may read and write.

    Add your sealed fields; `link` is the foreign key to the Link (cascade: unlinking
    deletes the rows). `owner` is whoever wrote the row (`vault.user` when created with
    `vault=`). Sealed under the link key, so either member's vault opens it while the
    link is active and nobody's does afterwards (`VaultLocked`).
    """

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="+")
    link_id: uuid.UUID

    sharing_area = LINK_AREA

    class Meta:
        abstract = True

    def sealing_key(self) -> bytes:
        if self._vault is None:
            raise VaultLocked(f"{type(self).__name__} has no vault bound")
        try:
            return link_key(self._vault, self.link_id)
        except NoAccess as exc:
            raise VaultLocked("no key for this link") from exc


R = TypeVar("R", bound=LinkRecord)


def link_records(model: type[R], vault: Vault, link: Link) -> models.QuerySet[R]:
    """Every `model` row of `link` (written by either member), ready to open.

    404 unless the vault's person is a member of the active link. Order by plain columns
    (`created_at`) and bound the list (cove/core/paging.py) before opening the rows.
    """
    if not (link.is_active and link.has_member(vault.user.pk)):
        raise Http404
    return model.objects.filter(link=link).unlocked(vault)  # type: ignore[return-value]


def get_link_record_or_404(model: type[R], vault: Vault, link: Link, pk: Any) -> R:
    """One row of the link by id; another link's or a missing one is the same 404."""
    try:
        record_id = uuid.UUID(str(pk))
    except ValueError:
        raise Http404 from None
    found = link_records(model, vault, link).filter(pk=record_id).first()
    if found is None:
        raise Http404
    return found


def get_link_record_for_update(
    model: type[R], vault: Vault, link: Link, pk: Any, *,
    version: int | None = None, yours: dict[str, Any] | None = None,
) -> R:
    """Like `cove.vault.records.get_owned_for_update`, for a row of the link written by
    either member: locked for this transaction, `Conflict` if `version` is stale."""
    from cove.core.errors import Conflict

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("get_link_record_for_update() must run inside transaction.atomic()")
    try:
        record_id = uuid.UUID(str(pk))
    except ValueError:
        raise Http404 from None
    found = link_records(model, vault, link).select_for_update().filter(pk=record_id).first()
    if found is None:
        raise Http404
    if version is not None and version != found.version:
        raise Conflict(current=found.plaintext(), yours=yours or {}, version=found.version)
    return found
