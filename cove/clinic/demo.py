"""Demo: demo-ash is an approved clinician; demo-river shares questionnaires and the ladder
with her, has accepted one suggestion and declined another, and demo-ash has looked at her
questionnaires once (so demo-river's access receipts are not empty)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from cove.clinic import homework, services
from cove.clinic.choices import HomeworkAnswer, HomeworkKind, ShareEnd
from cove.vault import areas
from cove.vault.keyring import Vault
from cove.vault.services import unlock_with_passphrase
from cove.vault.sharing import shared_records

CLIENT = "demo-river"


def populate(vault: Vault, role: str) -> None:
    if role != "clinician":
        return
    services.save_profile(vault.user, "Dr Ash", "Riverside Counselling",
                          "I work with adults at their own pace.")
    services.approve(vault.user.username)
    vault.user.refresh_from_db()
    river = get_user_model().objects.find(CLIENT)
    if river is None:
        return
    from cove.core.demo import DEMO_ACCOUNTS

    passphrase = next(p for _r, name, p in DEMO_ACCOUNTS if name == CLIENT)
    unlocked = unlock_with_passphrase(river, passphrase)
    if unlocked is None:
        return
    river_vault = Vault(river, unlocked.data_key)
    invite = services.find_invite(river, services.new_invite(vault.user).code)
    next_session = timezone.localdate() + timedelta(days=5)
    link = services.join(river_vault, invite, services.ShareChoice(
        areas=[areas.MEASURES, areas.LADDER], end=ShareEnd.NONE, next_session=next_session,
        flags=["phq9_item9"]))
    link.bind(vault)
    first = homework.suggest(vault, link, HomeworkKind.GROUNDING, "Try the 5-4-3-2-1 exercise "
                             "once, on a calm day", "Only if it feels okay.")
    second = homework.suggest(vault, link, HomeworkKind.JOURNAL_PROMPT,
                              "Write a few lines about a moment you felt safe")
    homework.answer(river_vault, first.pk, HomeworkAnswer.ACCEPTED,
                    how_it_went="It helped a little on Sunday.")
    homework.answer(river_vault, second.pk, HomeworkAnswer.DECLINED)
    shared_records(vault, river, areas.MEASURES)  # one look, so her receipts show it
