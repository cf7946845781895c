"""Integrity tags: bound to purpose and parts, and useless without the key."""

from __future__ import annotations

from django.test import override_settings

from cove.core import integrity


def test_a_tag_verifies_only_for_the_same_purpose_and_parts():
    made = integrity.tag("public-key", 7, b"\x01\x02")
    assert integrity.verify("public-key", made, 7, b"\x01\x02")
    assert not integrity.verify("audit", made, 7, b"\x01\x02")
    assert not integrity.verify("public-key", made, 8, b"\x01\x02")
    assert not integrity.verify("public-key", made, "7", b"\x01")


def test_parts_cannot_be_shifted_between_each_other():
    assert integrity.tag("p", "ab", "c") != integrity.tag("p", "a", "bc")


def test_another_key_makes_every_tag_fail():
    made = integrity.tag("public-key", 7)
    with override_settings(COVE_INTEGRITY_KEY="x" * 64):
        assert not integrity.verify("public-key", made, 7)
