
"""The Learn library over HTTP: public, short, gentle, with a way out of every topic."""

from __future__ import annotations

import gzip
import re
from typing import Any

import pytest
from django.test import Client

from cove.learn.topics import BY_SLUG, TOPICS

PAGES = ["/learn/", "/learn/pause/"] + [f"/learn/{t.slug}/" for t in TOPICS]
PRESSURE = re.compile(r"\b(should|must|failed|failure|fail|streak|overdue|hurry|you missed|"
                      r"deadline|behind|lazy)\b", re.IGNORECASE)

# Issue 15 item 6 and issue 13 item 7: the topics the library promises.
PROMISED = {
    "body", "coming-back", "your-say", "racing-heart",
    "window", "small-steps", "hard-days", "sleep-and-stress", "body-care",
    "support", "your-options", "partners",
}


def _text(topic) -> str:
    return "\n".join(topic.blocks()) + "\n" + "\n".join(str(link.label) for link in topic.links)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_learn_pages_are_public_and_make_no_database_queries(
    anonymous: Client, django_assert_num_queries, path: str
) -> None:
    with django_assert_num_queries(0):
        response = anonymous.get(path)
    assert response.status_code == 200


def test_urls_and_titles_use_neutral_words(anonymous: Client) -> None:
    # Browser history and titles must not say what a person was reading (architecture.md).
    sensitive = re.compile(r"trauma|sex|abuse|assault|rape|violence|arousal|consent|pain|"
                           r"dissociat|legal|ptsd", re.IGNORECASE)
    for path in PAGES:
        assert not sensitive.search(path), path
        title = re.search(r"<title>(.*?)</title>", anonymous.get(path).content.decode(), re.S)
        assert title is not None and not sensitive.search(title.group(1)), path


def test_an_unknown_topic_is_not_found(anonymous: Client) -> None:
    assert anonymous.get("/learn/nothing-here/").status_code == 404


def test_the_library_has_every_promised_topic() -> None:
    assert set(BY_SLUG) >= PROMISED


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_every_topic_offers_a_way_out_at_the_top_and_the_end(anonymous: Client, topic) -> None:
    html = anonymous.get(f"/learn/{topic.slug}/").content.decode()
    exits = [m.start() for m in re.finditer(r'href="/learn/pause/">This is hard to read right now<', html)]
    assert len(exits) == 2
    assert exits[0] < html.index(str(topic.sections[0].heading))
    assert exits[1] > html.index(str(topic.sections[-1].heading))


@pytest.mark.parametrize("slug", ["body", "coming-back",
                                  "your-say", "body-care", "your-options"])
def test_topics_that_touch_on_harm_start_with_a_note_and_a_choice(anonymous: Client, slug) -> None:
    topic = BY_SLUG[slug]
    html = anonymous.get(f"/learn/{slug}/").content.decode()
    note = html.index("Before you read:")
    assert note < html.index(str(topic.sections[0].heading))
    assert html.index('href="#read">Read on<') > note
    assert 'href="/learn/pause/">Not now<' in html


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_every_topic_is_short(topic) -> None:
    words = len(re.findall(r"\w+", _text(topic)))
    assert words <= 450, f"{topic.slug}: {words} words"


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_no_pressure_words_in_any_topic(topic) -> None:
    assert not PRESSURE.findall(_text(topic)), topic.slug


def test_the_pause_page_is_calm_and_offers_gentle_next_steps(anonymous: Client) -> None:
    html = anonymous.get("/learn/pause/").content.decode()
    assert "You can stop here" in html
    for href in ('href="/grounding/paced/"', 'href="/help/"', 'href="/learn/"'):
        assert href in html


def test_the_partner_guide_covers_what_partners_need() -> None:
    text = _text(BY_SLUG["partners"]).lower()
    for needed in ("breath", "posture", "still or quiet", "stop at once", "what not to say",
                   "aftercare", "set the pace", "look after yourself",
                   "couples work is not advised where there is abuse", "domestic abuse line"):
        assert needed in text, needed


def test_the_partner_guide_links_the_domestic_violence_lines(anonymous: Client) -> None:
    html = anonymous.get("/learn/partners/").content.decode()
    assert 'href="/help/#topic-domestic_violence"' in html


def test_the_pain_topic_says_pain_is_not_normal_and_bleeding_means_care() -> None:
    text = _text(BY_SLUG["body-care"]).lower()
    assert "never something you have to put up with" in text
    assert "pelvic floor physio" in text
    assert "bleeding after sex" in text and "see a doctor or nurse soon" in text


def test_the_therapy_topic_names_the_kinds_and_when_couples_work_is_not_advised() -> None:
    text = _text(BY_SLUG["support"])
    for kind in ("Trauma-focused CBT", "EMDR", "somatic", "sex therapist", "Couples therapy"):
        assert kind in text, kind
    assert "not advised when a partner hurts you" in text
    assert "do not have to tell your whole story" in text


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/help/", "/grounding/", "/help/guide/more-support/"])
def test_learn_is_linked_where_people_look_for_it(anonymous: Client, path: str) -> None:
    assert 'href="/learn/' in anonymous.get(path).content.decode()


def test_learn_is_on_the_signed_in_home_page(survivor) -> None:
    assert 'href="/learn/"' in survivor.client.get("/").content.decode()


def test_the_offline_worker_keeps_every_learn_page_and_its_styles(anonymous: Client) -> None:
    body = anonymous.get("/sw.js").content.decode()
    for path in PAGES:
        assert f'"{path}"' in body
    assert "learn/learn" in body and ".css" in body


@pytest.mark.parametrize("path", PAGES)
def test_learn_pages_fit_in_30_kb_compressed(anonymous: Client, path: str) -> None:
    html = anonymous.get(path).content
    total = len(gzip.compress(html))
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html.decode()):
        response: Any = anonymous.get(asset)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body))
    assert total <= 30 * 1024, f"{path}: {total} bytes"
