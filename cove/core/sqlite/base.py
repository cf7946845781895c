"""Django's SQLite backend, with connections kept between requests made safe.

Cove keeps each thread's SQLite connection between requests (`CONN_MAX_AGE`): opening one
and running its PRAGMAs cost about a millisecond per request (docs/performance.md). A
kept connection holds the database file it opened, even after that file is removed or
replaced on disk; it would go on reading and writing a file nobody will ever see again.
So before a kept connection is used for a new request (`CONN_HEALTH_CHECKS`), this backend
checks that the path still names the same file, and opens a new connection if not.
"""

from __future__ import annotations

import os
from typing import Any

from django.db.backends.sqlite3 import base


def _identity(name: Any) -> tuple[int, int] | None:
    try:
        found = os.stat(name)
    except (OSError, TypeError, ValueError):
        return None  # missing, or an in-memory database
    return found.st_dev, found.st_ino


class DatabaseWrapper(base.DatabaseWrapper):
    _opened_file: tuple[int, int] | None = None

    def get_new_connection(self, conn_params: Any) -> Any:
        connection = super().get_new_connection(conn_params)
        self._opened_file = _identity(self.settings_dict["NAME"])
        return connection

    def is_usable(self) -> bool:
        return _identity(self.settings_dict["NAME"]) == self._opened_file
