"""Someone else's id and nobody's id: the same answer, the same work, the same log entry."""

import uuid

import pytest

from cove.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def a_step_of(person):
    ladder = person.api("post", "/ladder/ladders", {"title": "Closer"}).json()["id"]
    return person.api("post", f"/ladder/ladders/{ladder}/steps", {"title": "Hold hands"}).json()["id"]


def denials(person):
    return list(AuditEvent.objects.filter(kind="authz.denied", subject_id=person.user.pk)
                .values_list("detail", flat=True))


def test_someone_elses_id_and_nobodys_id_leave_the_same_entry(survivor, other_survivor):
    theirs = a_step_of(other_survivor)
    assert survivor.api("get", f"/ladder/steps/{theirs}").status_code == 404
    assert survivor.api("get", f"/ladder/steps/{uuid.uuid4()}").status_code == 404
    assert denials(survivor) == [{"what": "ladder.comfortstep"}] * 2


def test_a_refused_edit_is_logged_although_its_transaction_rolls_back(survivor, other_survivor):
    theirs = a_step_of(other_survivor)
    answer = survivor.api("patch", f"/ladder/steps/{theirs}", {"title": "mine now"})
    assert answer.status_code == 404
    assert denials(survivor) == [{"what": "ladder.comfortstep"}]
