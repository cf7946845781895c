"""Patterns: counts on request, as plain sentences and tables, with no guesses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cove.journal import services
from cove.ladder.public import PracticeFact

pytestmark = pytest.mark.django_db


def fact(helped: list[str]) -> PracticeFact:
    return PracticeFact("s1", "Sitting close", "Closeness", datetime(2026, 5, 1, tzinfo=UTC),
                        30, 50, 20, False, False, helped)


def test_patterns_appear_only_when_asked(survivor):
    services.write_entry(survivor.vault(), "moment", {"tried": ["breathing"]}, [])
    html = survivor.client.get("/journal/patterns/").content.decode()
    assert "Show the counts" in html
    assert "Not now" in html
    assert "times you tried it" not in html


def test_sentences_and_tables_from_moments_and_practices(survivor, monkeypatch):
    practices = [fact(["breathing", "music"]), fact(["breathing"]), fact([])]
    monkeypatch.setattr("cove.ladder.public.recent_practices",
                        lambda vault, limit=200: practices)
    vault = survivor.vault()
    for helped in (["breathing"],) * 7 + ([],) * 2:
        services.write_entry(vault, "moment", {"context": ["partner", "night"],
                                               "tried": ["breathing"], "helped": helped}, [])
    services.write_entry(vault, "moment", {"context": ["work"], "helped": ["talking"]}, [])
    services.write_entry(vault, "free", {"body": "not a hard moment"}, [])
    html = survivor.client.get("/journal/patterns/", {"show": "1"}).content.decode()
    assert "Slow breathing helped 7 of the 9 times you tried it." in html
    assert "You tried talking to someone I trust once, and it helped." in html
    assert "Across 10 notes about hard moments" in html
    assert "with a partner (9 times)" in html
    assert "In 2 of your 3 practices, you noted that “breathing” helped." in html
    assert "<table" in html
    for word in ("will", "predict", "should", "better than", "worse"):
        assert word not in html.split("In plain words")[1].split("</section>")[0]


def test_patterns_with_nothing_to_count_say_so_kindly(survivor):
    html = survivor.client.get("/journal/patterns/", {"show": "1"}).content.decode()
    assert "There is nothing to count yet." in html
