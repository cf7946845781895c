"""A request whose session keys were replaced meanwhile (an emergency reset in another
window, while this request ran) asks for the passphrase again: never a 500."""

import pytest

from cove.vault import services
from cove.vault.models import AreaKey

pytestmark = pytest.mark.django_db


def replace_keys_behind_the_session(person):
    """What an emergency reset in another window does to the keys while a request of this
    session is already under way (its sign-in still counts for that request)."""
    person.user.refresh_from_db()
    verifier = person.user.password
    unlocked = services.unlock_with_passphrase(person.user, person.passphrase)
    assert unlocked is not None
    services.rotate_data_key(person.user, unlocked, services.stretch(person.passphrase))
    type(person.user).objects.filter(pk=person.user.pk).update(password=verifier)


def test_an_api_write_with_replaced_keys_answers_401(survivor):
    replace_keys_behind_the_session(survivor)
    answer = survivor.api("post", "/ladder/ladders", {"title": "Again"})
    assert answer.status_code == 401


def test_no_area_key_is_made_with_a_replaced_data_key(survivor):
    replace_keys_behind_the_session(survivor)
    survivor.api("post", "/ladder/ladders", {"title": "Again"})
    assert not AreaKey.objects.filter(owner=survivor.user, area="ladder").exists()
