"""Fixtures for the clinician third: an approved clinician and a client who shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from cove.clinic import services
from cove.conftest import Person, sign_up_person
from cove.vault import areas


@dataclass
class Pair:
    clinician: Person
    client: Person
    link_id: str


def make_clinician(name: str = "ash", shown: str = "Dr Ash") -> Person:
    person = sign_up_person(name)
    response = person.post("/clinic/profile/", {"name": shown, "practice": "Riverside"})
    assert response.status_code == 302
    services.approve(person.username)
    return person


def invite_code(clinician: Person) -> str:
    response = clinician.post("/clinic/invite/")
    assert response.status_code == 200
    found = re.search(r'class="code">([A-Z0-9]{4}-[A-Z0-9]{4})<', response.content.decode())
    assert found is not None
    return found.group(1)


def join(client: Person, code: str, share: list[str], **extra: object):
    data: dict[str, object] = {"code": code, "areas": share, "end": "none", **extra}
    return client.post("/clinic/join/", data)


def link_with(clinician: Person, client: Person, share: list[str] | None = None,
              **extra: object) -> str:
    response = join(client, invite_code(clinician), share or [areas.MEASURES, areas.LADDER],
                    **extra)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"].rstrip("/").split("/")[-1]


@pytest.fixture
def clinician(db: None) -> Person:
    return make_clinician()


@pytest.fixture
def pair(db: None, clinician: Person) -> Pair:
    client = sign_up_person("river")
    return Pair(clinician, client, link_with(clinician, client))


def answer_phq9(person: Person, answers: list[int]) -> None:
    response = person.api("post", "/measures/phq9/responses", {"answers": answers})
    assert response.status_code == 201, response.content
