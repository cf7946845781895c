"""The demo: demo-ash has demo-river as a client, with answered suggestions and a receipt."""

import pytest

from cove.audit.models import AuditEvent
from cove.clinic.models import ClinicLink, Homework
from cove.core.demo import create_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    create_demo()


def test_demo_river_shares_questionnaires_and_the_ladder_with_demo_ash(demo):
    from cove.clinic.services import live_areas

    link = ClinicLink.objects.select_related("owner", "clinician").get()
    assert (link.owner.username, link.clinician.username) == ("demo-river", "demo-ash")
    assert live_areas(link.owner_id, link.clinician_id) == ["ladder", "measures"]


def test_one_suggestion_is_accepted_and_one_declined(demo):
    from cove.accounts.models import User
    from cove.vault.keyring import Vault
    from cove.vault.services import unlock_with_passphrase

    river = User.objects.get(username="demo-river")
    unlocked = unlock_with_passphrase(river, "quiet river under the old bridge")
    assert unlocked is not None
    vault = Vault(river, unlocked.data_key)
    answers = sorted(str(h.answer) for h in Homework.objects.owned_by(vault))
    assert answers == ["accepted", "declined"]


def test_demo_rivers_receipts_are_not_empty(demo):
    from cove.accounts.models import User

    river = User.objects.get(username="demo-river")
    assert AuditEvent.objects.filter(kind="shared.read", subject_id=river.pk,
                                     detail__area="measures").count() == 1
