"""Write traffic for the fault tests: writers that count what was acknowledged."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from cove.testing_server import Visitor


def journal_bodies(reader: Visitor) -> set[str]:
    """Every journal entry body the signed-in reader can see, over all pages."""
    bodies: set[str] = set()
    page, pages = 1, 1
    while page <= pages:
        answer = reader.api("GET", f"/journal/entries?page={page}")
        assert answer.status_code == 200, answer.text
        data = answer.json()
        bodies |= {entry["answers"]["body"] for entry in data["entries"]}
        pages = data["pages"]
        page += 1
    return bodies


@dataclass
class Writers:
    """One thread per person, each writing journal entries until stopped."""

    people: list[Visitor]
    acknowledged: dict[str, list[str]] = field(default_factory=dict)
    unacknowledged: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> None:
        self.acknowledged = {p.username: [] for p in self.people}
        self._threads = [threading.Thread(target=self._write, args=(p,)) for p in self.people]
        for thread in self._threads:
            thread.start()

    def _write(self, person: Visitor) -> None:
        n = 0
        while not self._stop.is_set():
            body = f"{person.username} {n}"
            n += 1
            try:
                response = person.api("POST", "/journal/entries",
                                      {"kind": "free", "answers": {"body": body}})
                done = response.status_code == 201
            except httpx.HTTPError:
                done = False  # the connection dropped: not acknowledged, maybe stored
            with self._lock:
                if done:
                    self.acknowledged[person.username].append(body)
                else:
                    self.unacknowledged += 1
                    time.sleep(0.05)

    @property
    def count(self) -> int:
        with self._lock:
            return sum(map(len, self.acknowledged.values()))

    def wait_for(self, total: int, timeout: float = 60.0) -> None:
        wait_until(lambda: self.count >= total, timeout)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def lost(self, reader_for: Callable[[Visitor], Visitor]) -> int:
        """How many acknowledged entries are missing, read back by a fresh session per person."""
        missing = 0
        for person in self.people:
            stored = journal_bodies(reader_for(person))
            missing += len(set(self.acknowledged[person.username]) - stored)
        return missing


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the traffic did not get there in time")
        time.sleep(0.05)
