"""Own area keys are kept between requests, sealed in the session like the data key, and
a rotation is noticed by its new key version (issue 16, item 5)."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cove.ladder.models import ComfortStep
from cove.vault import areas, crypto
from cove.vault.services import rotate_area_key
from cove.vault.session import AREA_KEYS_FIELD
from cove.vault.testing import ciphertext_of

pytestmark = pytest.mark.django_db


def a_ladder_step(person):
    ladder = person.api("post", "/ladder/ladders", {"title": "Closer"}).json()["id"]
    return person.api("post", f"/ladder/ladders/{ladder}/steps", {"title": "Hold hands"}).json()["id"]


def area_key_queries(person, path):
    with CaptureQueriesContext(connection) as queries:
        answer = person.api("get", path)
    assert answer.status_code == 200
    return [q["sql"] for q in queries.captured_queries if "vault_areakey" in q["sql"]]


def test_a_second_request_opens_records_without_fetching_the_area_key(survivor):
    step = a_ladder_step(survivor)
    area_key_queries(survivor, f"/ladder/steps/{step}")
    assert area_key_queries(survivor, f"/ladder/steps/{step}") == []


def test_the_kept_keys_are_sealed_in_the_session(survivor):
    step = a_ladder_step(survivor)
    survivor.api("get", f"/ladder/steps/{step}")
    session = Session.objects.get(session_key=survivor.client.session.session_key)
    stored = session.get_decoded()[AREA_KEYS_FIELD]
    key = survivor.vault().key_for(survivor.user.pk, areas.LADDER)
    assert crypto.b64(key) not in stored and crypto.b64(key)[:20] not in str(session.session_data)


def test_a_record_resealed_by_a_rotation_opens_with_kept_keys_from_before(survivor):
    step = a_ladder_step(survivor)
    survivor.api("get", f"/ladder/steps/{step}")  # keeps version 1
    rotate_area_key(survivor.vault(), areas.LADDER)  # another session stops sharing
    answer = survivor.api("get", f"/ladder/steps/{step}")
    assert answer.json()["title"] == "Hold hands"


def test_a_write_after_a_rotation_seals_with_the_new_key(survivor):
    step = a_ladder_step(survivor)
    survivor.api("get", f"/ladder/steps/{step}")
    rotate_area_key(survivor.vault(), areas.LADDER)
    ladder = survivor.api("get", f"/ladder/steps/{step}").json()["ladder_id"]
    added = survivor.api("post", f"/ladder/ladders/{ladder}/steps", {"title": "Kiss"}).json()["id"]
    assert crypto.value_key_version(ciphertext_of(ComfortStep.objects.get(pk=added), "title")) == 2


def test_a_page_of_records_makes_its_key_ready_once(survivor, monkeypatch):
    ladder = survivor.api("post", "/ladder/ladders", {"title": "Closer"}).json()["id"]
    for title in ("Hold hands", "Sit close", "Talk a while"):
        survivor.api("post", f"/ladder/ladders/{ladder}/steps", {"title": title})
    made = []
    real = crypto.cipher

    def counted(key):
        made.append(key)
        return real(key)

    monkeypatch.setattr(crypto, "cipher", counted)
    answer = survivor.api("get", f"/ladder/ladders/{ladder}")
    assert answer.status_code == 200
    assert len(made) == 1


def test_a_ready_key_opens_only_what_the_key_itself_opens():
    key, other = crypto.new_key(), crypto.new_key()
    blob = crypto.seal_value(key, 1, b'"Hold hands"', b"cove/v1|here")
    assert crypto.open_value(crypto.cipher(key), blob, b"cove/v1|here") == b'"Hold hands"'
    with pytest.raises(crypto.VaultError):
        crypto.open_value(crypto.cipher(other), blob, b"cove/v1|here")
    with pytest.raises(crypto.VaultError):
        crypto.open_value(crypto.cipher(key), blob, b"cove/v1|elsewhere")
