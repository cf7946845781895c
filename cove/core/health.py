"""Health checks for a load balancer: is this process alive, and can it serve people?

Readiness is true only when everything a person's request needs works: the database
answers, has every migration this code knows, takes a write, has room to grow (SQLite),
and the keystore opens and holds the keys of the accounts in the database. Anything less
answers 503, so a load balancer sends people to a node that can keep what they write.
"""

from __future__ import annotations

import logging
import shutil
import socket
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from cove.core.models import ReadinessProbe
from cove.vault import keystore

logger = logging.getLogger(__name__)

OK = "ok"


@cache
def known_migrations() -> frozenset[tuple[str, str]]:
    """Every migration this code ships (read from disk once per process)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return frozenset(loader.disk_migrations)


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return OK


def _migrations() -> str:
    applied = set(MigrationRecorder(connection).applied_migrations())
    missing = known_migrations() - applied
    return OK if not missing else f"{len(missing)} migrations not applied"


def _writable() -> str:
    node = socket.gethostname()[:255]
    try:
        with transaction.atomic():
            ReadinessProbe.objects.update_or_create(node=node, defaults={"checked_at": timezone.now()})
    except IntegrityError:
        # Two first checks raced to insert the row; the other one made it, so update it.
        with transaction.atomic():
            ReadinessProbe.objects.filter(node=node).update(checked_at=timezone.now())
    return OK


def _disk() -> str:
    if connection.vendor != "sqlite":
        return OK
    free_mb = shutil.disk_usage(Path(settings.DATABASES["default"]["NAME"]).parent).free // 2**20
    return OK if free_mb >= settings.COVE_MIN_FREE_MB else "nearly full"


def _keystore() -> str:
    keystore.check()
    return OK


CHECKS = {
    "database": _database,
    "migrations": _migrations,
    "writable": _writable,
    "disk": _disk,
    "keystore": _keystore,
}


def readiness() -> tuple[bool, dict[str, str]]:
    """Run every check; (all passed, {check: "ok" or a short reason})."""
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        if results and results.get("database") != OK and name != "keystore":
            results[name] = "skipped"
            continue
        try:
            results[name] = check()
        except (DatabaseError, keystore.KeystoreUnavailable, OSError) as exc:
            # The reason goes to the log for the operator; the public answer stays short.
            logger.warning("readiness check %s failed: %s", name, exc)
            results[name] = "failed"
    return all(value == OK for value in results.values()), results
