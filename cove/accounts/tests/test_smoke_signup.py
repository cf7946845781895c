import pytest

pytestmark = pytest.mark.django_db


def test_sign_up_returns_a_recovery_code(survivor):
    assert len(survivor.recovery_code.replace("-", "")) == 32


def test_signed_up_person_sees_their_home(survivor):
    response = survivor.client.get("/")
    assert response.status_code == 200
    assert b"Welcome back" in response.content
