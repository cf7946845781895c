"""Session prep: the client writes a brief, previews it, leaves parts out, and shares it for
one session. The draft is sealed under the client's own key; only the kept parts are copied,
sealed under the link key, so a part left out never reaches the clinician in any form.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cove.audit import services as audit
from cove.clinic.choices import BriefPart
from cove.clinic.models import ClinicLink, SessionBrief, SharedBrief
from cove.core.errors import InputError

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

MAX_PART = 4000


def draft_of(vault: Vault, link: ClinicLink) -> SessionBrief | None:
    return (SessionBrief.objects.owned_by(vault).filter(link=link)
            .order_by("-created_at").first())


def save_draft(vault: Vault, link: ClinicLink, session_date: date | None,
               parts: dict[str, str], hidden: list[str]) -> SessionBrief:
    if session_date is None:
        raise InputError({"session_date": [_("Please write the date of the session.")]})
    clean = {key: (parts.get(key) or "").strip() for key in BriefPart.values}
    if any(len(v) > MAX_PART for v in clean.values()):
        raise InputError({"": [_("Please keep each part under 4,000 characters.")]})
    if any(h not in BriefPart.values for h in hidden):
        raise InputError({"hidden": [_("Please choose from the list.")]})
    with transaction.atomic():
        brief = draft_of(vault, link) or SessionBrief(vault=vault, link=link)  # type: ignore[misc]
        brief.session_date = session_date.isoformat()
        brief.parts = clean
        brief.hidden = sorted(set(hidden))
        brief.save()
    return brief


def kept_parts(brief: SessionBrief) -> dict[str, str]:
    """What the clinician would see: the parts with words in them that are not left out."""
    hidden = set(cast(list[str], brief.hidden or []))
    return {key: text for key, text in cast(dict[str, str], brief.parts or {}).items()
            if text and key not in hidden}


def share(vault: Vault, link: ClinicLink) -> SharedBrief:
    brief = draft_of(vault, link)
    if brief is None:
        raise InputError({"": [_("Please write your brief first.")]})
    with transaction.atomic():
        SharedBrief.objects.filter(link=link, owner_id=vault.user.pk).delete()
        shared = SharedBrief(vault=vault, link=link, session_date=brief.session_date,
                             parts=kept_parts(brief))  # type: ignore[misc]
        shared.save()
        audit.record("clinic.brief_shared", subject=vault.user, actor=vault.user,
                     detail={"parts": len(shared.parts)})
    return shared


def unshare(vault: Vault, link: ClinicLink) -> None:
    with transaction.atomic():
        SharedBrief.objects.filter(link=link, owner_id=vault.user.pk).delete()
        audit.record("clinic.brief_unshared", subject=vault.user, actor=vault.user, detail={})


def shared_for(vault: Vault, link: ClinicLink) -> SharedBrief | None:
    """The brief shared on this link while its session is today or ahead (for that session
    only: from the day after, it is no longer shown)."""
    brief = (SharedBrief.objects.unlocked(vault).filter(link=link, owner_id=link.owner_id)
             .order_by("-created_at").first())
    if brief is None:
        return None
    try:
        day = date.fromisoformat(str(brief.session_date))
    except ValueError:
        return None
    return brief if day + timedelta(days=1) > timezone.localdate() else None


def labelled(parts: dict[str, str]) -> list[tuple[str, str]]:
    labels = dict(BriefPart.choices)
    return [(str(labels[key]), parts[key]) for key in BriefPart.values if parts.get(key)]
