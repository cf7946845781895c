"""Wish rounds through HTTP: who starts, who sees first, and what can never be told apart."""

from __future__ import annotations

import re

import pytest

from cove.together import rules
from cove.together.models import PartnerAnswers, StarterAnswers, WishRound
from cove.together.testing import api_base, base, link_people
from cove.vault.testing import ciphertext_of

pytestmark = pytest.mark.django_db

A, B, C = rules.WISH_KEYS[:3]


def start(person, link, days=7):
    response = person.api("post", api_base(link) + "wishes/rounds", {"cooldown_days": days})
    assert response.status_code == 201, response.content
    return response.json()["id"]


def answer(person, link, round_id, answers):
    response = person.api("put", api_base(link) + f"wishes/rounds/{round_id}/answers",
                          {"answers": answers})
    assert response.status_code == 204, response.content


def test_only_items_both_chose_are_in_the_overlap(pair):
    river, sol, link = pair
    round_id = start(river, link)
    answer(river, link, round_id, {A: "yes", B: "curious", C: "yes"})
    answer(sol, link, round_id, {A: "yes", B: "yes", C: "no"})
    found = river.api("get", api_base(link) + f"wishes/rounds/{round_id}/overlap").json()
    assert [(i["key"], i["overlap"]) for i in found] == [(A, "both_yes"), (B, "both_curious")]


def test_the_other_person_cannot_see_the_overlap_before_release(pair):
    river, sol, link = pair
    round_id = start(river, link)
    assert sol.api("get", api_base(link) + f"wishes/rounds/{round_id}/overlap").status_code == 404


def test_held_back_items_never_reach_the_partner(pair):
    river, sol, link = pair
    round_id = start(river, link)
    answer(river, link, round_id, {A: "yes", B: "yes"})
    answer(sol, link, round_id, {A: "yes", B: "yes"})
    river.api("post", api_base(link) + f"wishes/rounds/{round_id}/release", {"keep": [A]})
    shared = sol.api("get", api_base(link) + "wishes").json()["shared"]
    assert [i["key"] for i in shared[0]["items"]] == [A]


def test_only_the_pace_holder_starts_later_rounds(pair):
    river, sol, link = pair
    round_id = start(river, link)
    river.api("post", api_base(link) + f"wishes/rounds/{round_id}/release", {"keep": []})
    response = sol.api("post", api_base(link) + "wishes/rounds", {"cooldown_days": 7})
    assert response.status_code == 422


def test_a_new_round_waits_for_the_chosen_cool_down(pair):
    river, _sol, link = pair
    round_id = start(river, link, days=30)
    river.api("post", api_base(link) + f"wishes/rounds/{round_id}/release", {"keep": []})
    response = river.api("post", api_base(link) + "wishes/rounds", {"cooldown_days": 7})
    assert response.status_code == 422


def test_ending_a_round_deletes_both_answer_sets(pair):
    river, sol, link = pair
    round_id = start(river, link)
    answer(river, link, round_id, {A: "yes"})
    answer(sol, link, round_id, {A: "yes"})
    river.api("post", api_base(link) + f"wishes/rounds/{round_id}/release", {"keep": [A]})
    assert not StarterAnswers.objects.exists() and not PartnerAnswers.objects.exists()


def test_no_and_not_now_are_not_kept_for_the_person_either(pair):
    river, sol, link = pair
    round_id = start(river, link)
    answer(sol, link, round_id, {A: "no", B: "curious", C: "not_now"})
    kept = sol.api("get", api_base(link) + f"wishes/rounds/{round_id}/answers").json()
    assert kept == {"answers": {B: "curious"}}


def test_the_page_flow_answers_and_releases(pair):
    river, sol, link = pair
    river.post(base(link) + "wishes/start/", {"cooldown_days": "14"})
    wish_round = WishRound.objects.get()
    river.post(base(link) + f"wishes/{wish_round.pk}/answer/", {"w1": "yes", "w2": "curious"})
    sol.post(base(link) + f"wishes/{wish_round.pk}/answer/", {"w1": "yes", "w2": "yes"})
    river.post(base(link) + f"wishes/{wish_round.pk}/overlap/", {"keep": [A]})
    page = sol.client.get(base(link) + "wishes/").content.decode()
    assert "Both yes" in page and "Both curious" not in page


# "No", "not now" and "unanswered" must look the same to the other person ----------------

UNANSWERED = None
HIDDEN_CASES = ("no", "not_now", UNANSWERED)


def masked(body: bytes, *people) -> bytes:
    """Mask what differs between any two runs: ids, names, per-response tokens, dates."""
    text = body.decode()
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>", text)
    text = re.sub(r'nonce="[^"]+"', 'nonce=""', text)
    text = re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', r'\1""', text)
    # The idle lock's own countdown and the session owner's tag (cove/accounts/presence.py).
    text = re.sub(r'data-(seconds-left|owner)="[^"]+"', r'data-\1=""', text)
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)?", "<time>", text)
    for person in people:
        text = text.replace(person.username, "<name>")
    return text.encode()


def run(make_person, starter_says, partner_says):
    """One round where item C is answered as given (None: left out), then released whole.

    Returns every response the partner and the starter saw, and the partner's stored
    ciphertext length.
    """
    river, sol = make_person(), make_person()
    link = link_people(river, sol)
    round_id = start(river, link)
    mine = {A: "yes", B: "curious"}
    theirs = {A: "yes", B: "yes"}
    if starter_says:
        mine[C] = starter_says
    if partner_says:
        theirs[C] = partner_says
    answer(river, link, round_id, mine)
    answer(sol, link, round_id, theirs)
    seen = {
        "starter overlap api": river.api("get", api_base(link) + f"wishes/rounds/{round_id}/overlap"),
        "starter overlap page": river.client.get(base(link) + f"wishes/{round_id}/overlap/"),
        "partner wishes page, open": sol.client.get(base(link) + "wishes/"),
        "partner answer page": sol.client.get(base(link) + f"wishes/{round_id}/answer/"),
    }
    released = river.api("post", api_base(link) + f"wishes/rounds/{round_id}/release",
                         {"keep": [A, B, C]})
    seen["partner wishes api"] = sol.api("get", api_base(link) + "wishes")
    seen["partner wishes page"] = sol.client.get(base(link) + "wishes/")
    seen["release answer"] = released
    return {name: (r.status_code, masked(r.content, river, sol)) for name, r in seen.items()}


@pytest.mark.parametrize("side", ["starter", "partner"])
def test_no_not_now_and_unanswered_look_identical_to_the_other_person(make_person, side):
    """The partner's view of the starter's answer, and the starter's view of the partner's,
    are the same bytes (status and body) whether it was no, not now or left out, while the
    other person answered yes to it."""
    outcomes = []
    for hidden in HIDDEN_CASES:
        if side == "starter":  # the starter's answer varies; the partner must not tell
            seen = run(make_person, hidden, "yes")
            names: tuple[str, ...] = ("partner wishes page, open", "partner answer page",
                                      "partner wishes api", "partner wishes page")
        else:  # the partner's answer varies; the starter must not tell
            seen = run(make_person, "yes", hidden)
            names = ("starter overlap api", "starter overlap page", "release answer")
        outcomes.append({name: seen[name] for name in names})
    assert outcomes[0] == outcomes[1] == outcomes[2]
    assert all(status == 200 for status, _body in outcomes[0].values())


def test_stored_answers_are_the_same_size_whatever_was_answered(pair):
    river, sol, link = pair
    round_id = start(river, link)
    answer(sol, link, round_id, {})
    empty = len(ciphertext_of(PartnerAnswers.objects.get(owner=sol.user), "codes"))
    answer(sol, link, round_id, dict.fromkeys(rules.WISH_KEYS, "curious"))
    full = len(ciphertext_of(PartnerAnswers.objects.get(owner=sol.user), "codes"))
    assert empty == full
