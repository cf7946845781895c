"""Audit entries written after the response has gone out, in a transaction of their own.

Two kinds of entry must not ride in the request's own transaction:

- a refused request for someone else's record (`authz.denied`): writing it before
  answering made "someone else's id" a few milliseconds slower than "nobody's id", which
  told an attacker which ids exist (issue 11, finding 13). Both now answer after the same
  work; the entry is written once the answer is on its way;
- a refusal that rolls the request back (a swapped public key): the entry must survive
  the rollback.

Outside a request (the shell, a management command, a test calling a service) the entry
is written at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from django.core.signals import request_finished, request_started
from django.db import transaction

logger = logging.getLogger(__name__)
_state = threading.local()


def later(write: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """Queue `write(*args, **kwargs)` for after the current response; False outside a
    request (the caller then writes at once). Used by `audit.record_after_response`."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        return False
    pending.append((write, args, kwargs))
    return True


def _start(**_: Any) -> None:
    _state.pending = []


def _finish(**_: Any) -> None:
    pending = getattr(_state, "pending", None)
    _state.pending = None
    for write, args, kwargs in pending or ():
        try:
            with transaction.atomic():
                write(*args, **kwargs)
        except Exception:  # the answer is already sent; never lose the rest of the queue
            logger.exception("could not write a deferred audit entry (%s)", args[:1])


def connect() -> None:
    request_started.connect(_start, dispatch_uid="cove.audit.deferred.start")
    request_finished.connect(_finish, dispatch_uid="cove.audit.deferred.finish")
