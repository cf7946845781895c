"""Record versions: every edit counts, and an edit based on an old copy is refused."""

import pytest
from django.db import transaction
from django.http import Http404

from cove.core.errors import Conflict
from cove.vault.records import get_owned_for_update
from cove.vault.tests.sampleapp.models import SampleStep

pytestmark = pytest.mark.django_db


def test_a_new_record_starts_at_version_one(survivor):
    step = SampleStep(vault=survivor.vault(), words="hold hands")
    step.save()
    assert SampleStep.objects.get(pk=step.pk).version == 1


def test_each_saved_edit_counts_one_version(survivor):
    step = SampleStep(vault=survivor.vault(), words="hold hands")
    step.save()
    step.words = "hold hands, standing"
    step.save()
    step.done = True
    step.save(update_fields=["done"])
    assert SampleStep.objects.get(pk=step.pk).version == 3


def test_resealing_without_a_change_keeps_the_version(survivor):
    step = SampleStep(vault=survivor.vault(), words="hold hands")
    step.save()
    step.reseal_all()
    step.save(bump_version=False)
    assert SampleStep.objects.get(pk=step.pk).version == 1


def test_an_edit_based_on_the_current_version_goes_through(survivor):
    vault = survivor.vault()
    step = SampleStep(vault=vault, words="hold hands")
    step.save()
    with transaction.atomic():
        loaded = get_owned_for_update(SampleStep, vault, step.pk, version=1)
        loaded.words = "hold hands, sitting"
        loaded.save()
    assert SampleStep.objects.owned_by(vault).get().words == "hold hands, sitting"


def test_an_edit_based_on_an_old_version_is_a_conflict_with_both_sides(survivor):
    vault = survivor.vault()
    step = SampleStep(vault=vault, words="hold hands")
    step.save()
    step.words = "changed in another window"
    step.save()
    with pytest.raises(Conflict) as caught, transaction.atomic():
        get_owned_for_update(SampleStep, vault, step.pk, version=1, yours={"words": "mine"})
    body = caught.value.api_body()
    assert (body["version"], body["current"]["words"], body["yours"]) == (
        2, "changed in another window", {"words": "mine"})


def test_someone_elses_record_is_not_found_for_update(survivor, other_survivor):
    step = SampleStep(vault=other_survivor.vault(), words="theirs")
    step.save()
    with pytest.raises(Http404), transaction.atomic():
        get_owned_for_update(SampleStep, survivor.vault(), step.pk)


@pytest.mark.django_db(transaction=True)
def test_loading_for_update_outside_a_transaction_is_refused(survivor):
    step = SampleStep(vault=survivor.vault(), words="hold hands")
    step.save()
    with pytest.raises(RuntimeError):
        get_owned_for_update(SampleStep, survivor.vault(), step.pk)
