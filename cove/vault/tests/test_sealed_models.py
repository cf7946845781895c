"""Feature apps cannot store content in plain columns by accident."""

from django.db import models

from cove.vault.testing import plain_content_fields


def test_no_feature_model_has_a_plain_content_field():
    assert plain_content_fields() == []


def test_the_check_catches_a_plain_text_field(monkeypatch):
    from cove.vault.tests.sampleapp.models import SampleStep

    field = models.TextField(name="leak")
    field.set_attributes_from_name("leak")
    field.model = SampleStep
    monkeypatch.setattr(SampleStep._meta, "concrete_fields",
                        (*SampleStep._meta.concrete_fields, field))
    assert "vaultsample.SampleStep.leak" in plain_content_fields(["vaultsample"])


def test_allowlisted_plain_fields_are_accepted():
    # SampleNote.shareable is plain on purpose and says why.
    assert plain_content_fields(["vaultsample"]) == []
