"""One Argon2id run gives both the login verifier and the key wrap; memory stays bounded."""

import threading
import time

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client

from cove.accounts.models import User
from cove.conftest import sign_up_person
from cove.core import serving
from cove.vault import crypto, kdf
from cove.vault.models import KeyBundle
from cove.vault.services import VERIFIER_PREFIX, unlock_with_passphrase

pytestmark = pytest.mark.django_db


def test_the_verifier_costs_what_the_wrap_costs(survivor):
    """The stored verifier is checked only through the bundle's own Argon2id parameters."""
    bundle = KeyBundle.objects.get(user=survivor.user)
    survivor.user.refresh_from_db()
    assert survivor.user.password.startswith(VERIFIER_PREFIX)
    assert (bundle.kdf_memory_kib, bundle.kdf_iterations) == (kdf.current_kdf_params().memory_kib,
                                                              kdf.current_kdf_params().iterations)
    assert survivor.passphrase not in survivor.user.password


def test_a_wrong_passphrase_fails_the_verifier(survivor):
    survivor.user.refresh_from_db()
    assert unlock_with_passphrase(survivor.user, "not the passphrase at all, sorry") is None


def test_a_tampered_verifier_stops_sign_in(survivor):
    User.objects.filter(pk=survivor.user.pk).update(password=VERIFIER_PREFIX + "AAAA")
    response = Client().post("/account/login/", {"username": survivor.username,
                                                 "passphrase": survivor.passphrase})
    assert response.status_code == 200 and b"do not match" in response.content


def test_an_account_with_an_old_cheap_verifier_moves_over_at_sign_in(survivor):
    # Before: Django's Argon2id hash at 19 MiB, t=2 (or none, after the migration).
    User.objects.filter(pk=survivor.user.pk).update(
        password=make_password(survivor.passphrase, hasher="argon2"))
    response = Client().post("/account/login/", {"username": survivor.username,
                                                 "passphrase": survivor.passphrase})
    assert response.status_code == 302
    survivor.user.refresh_from_db()
    assert survivor.user.password.startswith(VERIFIER_PREFIX)
    # ...and the old hash is gone, so it can no longer be guessed against cheaply.
    assert "argon2" not in survivor.user.password


def test_the_migration_leaves_no_cheap_verifier_behind():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("cove.accounts.migrations.0003_pending_shred")
    person = sign_up_person()
    User.objects.filter(pk=person.user.pk).update(
        password=make_password(person.passphrase, hasher="argon2"))
    migration.retire_cheap_verifiers(apps, None)
    person.user.refresh_from_db()
    assert person.user.password.startswith("!")
    person.client.post("/api/v1/auth/logout", HTTP_X_CSRFTOKEN=person.csrf_token())
    response = Client().post("/account/login/", {"username": person.username,
                                                 "passphrase": person.passphrase})
    assert response.status_code == 302


@pytest.fixture
def eight_cpus(monkeypatch):
    monkeypatch.setattr(serving, "cpu_count", lambda: 8)


def test_the_memory_budget_sets_how_many_derivations_run_at_once(settings, eight_cpus):
    settings.COVE_ARGON2_MEMORY_MIB = 256
    assert kdf.concurrent_derivations() == 4
    settings.COVE_ARGON2_MEMORY_MIB = 10
    assert kdf.concurrent_derivations() == 1


def test_each_worker_runs_no_more_derivations_than_its_share_of_the_cpus(settings, monkeypatch,
                                                                          eight_cpus):
    settings.COVE_ARGON2_MEMORY_MIB = 1024
    monkeypatch.setattr(serving, "_running", serving.Shape(workers=4, threads=8))
    assert kdf.concurrent_derivations() == 2


@pytest.fixture
def budget_of_two_derivations(settings, eight_cpus):
    settings.COVE_ARGON2_MEMORY_MIB = 128  # two runs of 64 MiB
    settings.COVE_SIGNINS_AT_ONCE = 8  # all eight wait their turn; none is turned away
    kdf._slots.cache_clear()
    yield
    kdf._slots.cache_clear()


def test_derivations_beyond_the_budget_wait_their_turn(monkeypatch, budget_of_two_derivations):
    running, most = [0], [0]
    lock = threading.Lock()

    def slow_argon2(passphrase, salt, params):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return b"k" * 32

    monkeypatch.setattr(crypto, "derive_passphrase_key", slow_argon2)
    threads = [threading.Thread(target=kdf.derive, args=("p", b"s" * 16, crypto.TEST_KDF))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 2


def test_argon2_runs_at_a_lower_cpu_priority_than_the_request(monkeypatch):
    import os

    seen = []

    def note_priority(passphrase, salt, params):
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return b"k" * 32

    monkeypatch.setattr(crypto, "derive_passphrase_key", note_priority)
    kdf.derive("p", b"s" * 16, crypto.TEST_KDF)
    assert seen[0] > os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_two_thread_worker_takes_one_sign_in_and_keeps_a_thread_for_pages(settings,
                                                                            monkeypatch):
    settings.COVE_SIGNINS_AT_ONCE = 0
    workers, threads = serving.machine_defaults(cpus=2, mem_mib=24_000)
    assert (workers, threads) == (6, 2)  # cove serve's default on the development machine
    monkeypatch.setattr(serving, "_running", serving.Shape(workers=workers, threads=threads))
    assert kdf.admitted_at_once() == 1


def test_an_eight_thread_worker_takes_six_sign_ins_at_once(settings, monkeypatch, eight_cpus):
    settings.COVE_SIGNINS_AT_ONCE = 0
    monkeypatch.setattr(serving, "_running", serving.Shape(workers=2, threads=8))
    assert kdf.admitted_at_once() == 6


def test_a_sign_in_that_read_the_person_just_before_an_emergency_reset_still_opens(survivor):
    """A reset keeps the passphrase under a new salt: a sign-in that read the person before
    the reset committed and the key bundle after it must not pair the old verifier with the
    new salt and refuse the right passphrase."""
    read_before = User.objects.get(pk=survivor.user.pk)
    reset = survivor.api("post", "/account/emergency-reset", {"passphrase": survivor.passphrase})
    assert reset.status_code == 200, reset.content
    assert unlock_with_passphrase(read_before, survivor.passphrase) is not None
