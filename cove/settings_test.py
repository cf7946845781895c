"""Settings for the test suite: a fresh data directory per process and a cheap KDF.

The cheap Argon2 profile is refused anywhere COVE_TESTING is not set (cove.vault.kdf).
"""

import os
import tempfile

os.environ.setdefault("COVE_TESTING", "1")
os.environ.setdefault("COVE_KDF_PROFILE", "test")
os.environ["COVE_DATA_DIR"] = tempfile.mkdtemp(prefix="cove-test-")
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# there unless told it is safe, which it is for tests that never share a connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _own_keystore_database() -> None:
    """With COVE_KEYSTORE_URL, give each test process a keystore database of its own."""
    # xdist workers inherit the controller's environment, already changed here once.
    base = os.environ.get("COVE_TEST_KEYSTORE_BASE") or os.environ.get("COVE_KEYSTORE_URL")
    if not base:
        return
    os.environ["COVE_TEST_KEYSTORE_BASE"] = base
    import psycopg

    name = f"{base.rsplit('/', 1)[1]}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    server = base.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"'.encode())
    os.environ["COVE_KEYSTORE_URL"] = f"{server}/{name}"


_own_keystore_database()

from cove.settings import *  # noqa: E402, F403

INSTALLED_APPS = [*INSTALLED_APPS, "cove.vault.tests.sampleapp"]  # noqa: F405
COVE_QUICK_EXIT_URL = "https://weather.example.org/"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
