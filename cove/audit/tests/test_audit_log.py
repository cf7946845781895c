"""The audit log: append-only, hash-chained, content-free, and visible to its owner."""

import pytest
from django.test import Client

from cove.audit import services as audit
from cove.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_sign_up_and_sign_in_are_recorded(survivor):
    Client().post("/account/login/", {"username": survivor.username,
                                      "passphrase": survivor.passphrase})
    kinds = list(AuditEvent.objects.filter(subject_id=survivor.user.pk).values_list("kind", flat=True))
    assert kinds[:2] == ["auth.signup", "auth.login"]


def test_the_chain_verifies(survivor, other_survivor):
    Client().post("/account/login/", {"username": survivor.username, "passphrase": "wrong one, sorry"})
    assert AuditEvent.objects.count() >= 3
    assert audit.verify_chain() is None


def test_changing_an_event_breaks_the_chain_at_that_event(survivor, other_survivor):
    first = AuditEvent.objects.order_by("id")[0]
    AuditEvent.objects.filter(pk=first.pk).update(kind="auth.logout")  # bypasses the model
    assert audit.verify_chain() == first.pk


def test_deleting_an_event_breaks_the_chain(survivor, other_survivor):
    events = list(AuditEvent.objects.order_by("id"))
    AuditEvent.objects.filter(pk=events[0].pk)._raw_delete(AuditEvent.objects.db)
    assert audit.verify_chain() == events[1].pk


def test_events_cannot_be_edited_or_deleted_through_the_model(survivor):
    event = AuditEvent.objects.order_by("id")[0]
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()


def test_a_person_sees_their_own_activity_and_nobody_elses(survivor, other_survivor):
    Client().post("/account/login/", {"username": other_survivor.username,
                                      "passphrase": "a wrong passphrase here"})
    page = survivor.client.get("/account/activity/").content.decode()
    assert "Account created" in page
    assert "wrong passphrase" not in page.lower()


def test_a_refused_request_for_someone_elses_record_is_logged(survivor, other_survivor):
    from cove.vault.tests.sampleapp.models import SampleNote

    theirs = SampleNote(vault=other_survivor.vault(), title="theirs")
    theirs.save()
    from django.http import Http404

    from cove.vault.records import get_owned_or_404

    with pytest.raises(Http404):
        get_owned_or_404(SampleNote, survivor.vault(), theirs.pk)
    assert AuditEvent.objects.filter(kind="authz.denied", subject_id=survivor.user.pk).exists()
