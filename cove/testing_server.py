"""A real Cove server in its own processes, for concurrency and fault tests.

`CoveServer` runs `cove serve` (gunicorn with several workers) against a database and a
data directory of its own: a new PostgreSQL database when the suite runs on PostgreSQL,
otherwise a new SQLite file. Tests send it real parallel requests, kill it with SIGKILL
and start it again on the same data, exactly as an operator's machine would see it.

    def test_something(cove_server):
        river = cove_server.sign_up("river")
        river.api("POST", "/ladder/", {"title": "Closer"})
        cove_server.kill()           # kill -9 the master and every worker
        cove_server.start()          # same database, same data directory

`Visitor` is one browser-like client (its own cookies and CSRF token) built on httpx; make
one per person or per session. It is safe to use one Visitor per thread.

Several nodes of one Cove (docs/operations.md, "Several app servers"): give each
`CoveServer` the same `database_url` and `keystore_url` (from `new_database()`) and the same
keys in `env`, and put a `ReverseProxy` (a real nginx) in front of them.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.conf import settings

PASSPHRASE = "a calm blue lake at dawn, 2026"  # noqa: S105 - a test account
_names = itertools.count(1)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _postgres_admin_url() -> str | None:
    """The suite's PostgreSQL server (as a URL without a database), or None on SQLite."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return None
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}"


def _pg_admin(admin_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(sql.encode())


def new_database(purpose: str = "db", *, migrated: bool = False) -> str:
    """A new PostgreSQL database on the suite's server; returns its URL.

    Empty, or with `migrated=True` a copy of a database Cove has already migrated: each
    server still runs `migrate` when it starts, which then has nothing left to do. Copying
    a template saves every server test the whole migration run.
    """
    admin_url = _postgres_admin_url()
    if admin_url is None:
        raise RuntimeError("new_database() needs the suite to run on PostgreSQL")
    name = f"cove_srv_{os.getpid()}_{next(_names)}_{purpose}"
    template = f' TEMPLATE "{_migrated_template(admin_url)}"' if migrated else ""
    _pg_admin(admin_url, f'CREATE DATABASE "{name}"{template}')
    return f"{admin_url}/{name}"


_templates: dict[str, str] = {}


def _migrate(env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cove", "manage", "migrate", "--verbosity", "0"],
        env={**_server_base_environment(), **env}, capture_output=True, text=True,
        timeout=600, check=False)
    if done.returncode:
        raise RuntimeError(f"migrating the template failed:\n{done.stdout}{done.stderr}")


def _migrated_template(admin_url: str) -> str:
    """The name of this test process's migrated PostgreSQL template (made once)."""
    if "postgresql" not in _templates:
        name = f"cove_tpl_{os.getpid()}"
        _pg_admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _pg_admin(admin_url, f'CREATE DATABASE "{name}"')
        atexit.register(_pg_admin, admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        data_dir = tempfile.mkdtemp(prefix="cove-template-")
        atexit.register(shutil.rmtree, data_dir, True)
        _migrate({"DATABASE_URL": f"{admin_url}/{name}", "COVE_DATA_DIR": data_dir})
        _templates["postgresql"] = name
    return _templates["postgresql"]


def _migrated_sqlite_file() -> Path:
    """A SQLite database file Cove has migrated, made once per test process."""
    if "sqlite" not in _templates:
        data_dir = Path(tempfile.mkdtemp(prefix="cove-template-"))
        atexit.register(shutil.rmtree, data_dir, True)
        _migrate({"COVE_DATA_DIR": str(data_dir)})
        _templates["sqlite"] = str(data_dir / "cove.sqlite3")
    return Path(_templates["sqlite"])


def _server_base_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COVE_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update({"DJANGO_SETTINGS_MODULE": "cove.settings", "COVE_TESTING": "1",
                "COVE_KDF_PROFILE": "test", "COVE_LOG_LEVEL": "WARNING"})
    return env


def drop_database(url: str) -> None:
    admin_url, name = url.rsplit("/", 1)
    _pg_admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def at_once(*calls: Any) -> list[Any]:
    """Run each call in its own thread, released together; return their answers in order."""
    import threading

    barrier = threading.Barrier(len(calls))
    answers: list[Any] = [None] * len(calls)

    def run(index: int, call: Any) -> None:
        barrier.wait()
        answers[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


class Visitor:
    """One browser-like client of a running server: cookies, CSRF token, JSON and forms."""

    def __init__(self, base_url: str, timeout: float = 60.0) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=timeout, follow_redirects=False)
        self.username = ""
        self.passphrase = ""
        self.recovery_code = ""

    def csrf(self) -> str:
        token = self.http.cookies.get("csrftoken")
        if not token:
            self.http.get("/api/v1/auth/csrf")
            token = self.http.cookies.get("csrftoken")
        return str(token or "")

    def api(self, method: str, path: str, json: Any | None = None, **kwargs: Any) -> httpx.Response:
        headers = {"X-CSRFToken": self.csrf(), **kwargs.pop("headers", {})}
        return self.http.request(method, f"/api/v1{path}", json=json, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.get(path, **kwargs)

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
        """Send a form, with the CSRF token a browser's form would carry."""
        headers = {"X-CSRFToken": self.csrf(), **kwargs.pop("headers", {})}
        return self.http.post(path, data=data or {}, headers=headers, **kwargs)

    def sign_in(self, username: str, passphrase: str = PASSPHRASE) -> httpx.Response:
        self.username, self.passphrase = username, passphrase
        response = self.api("POST", "/auth/login", {"username": username, "passphrase": passphrase})
        self.http.cookies.delete("csrftoken")  # the token rotates at sign-in
        return response

    def close(self) -> None:
        self.http.close()


class Entrance:
    """Somewhere people reach Cove (a server, or a proxy in front of several): make visitors."""

    url: str

    def visitor(self) -> Visitor:
        return Visitor(self.url)

    def sign_up(self, username: str, passphrase: str = PASSPHRASE) -> Visitor:
        """A new account, signed in on a new Visitor."""
        visitor = self.visitor()
        response = visitor.api("POST", "/auth/signup", {"username": username, "passphrase": passphrase})
        if response.status_code != 201:
            raise AssertionError(f"sign-up failed: {response.status_code} {response.text}")
        visitor.username, visitor.passphrase = username, passphrase
        visitor.recovery_code = response.json()["recovery_code"]
        visitor.http.cookies.delete("csrftoken")
        return visitor

    def another_session(self, person: Visitor) -> Visitor:
        """The same person signed in a second time (another device or tab)."""
        visitor = self.visitor()
        response = visitor.sign_in(person.username, person.passphrase)
        if response.status_code != 200:
            raise AssertionError(f"sign-in failed: {response.status_code} {response.text}")
        return visitor


class CoveServer(Entrance):
    """`cove serve` in its own process group, on its own database and data directory."""

    def __init__(
        self,
        workers: int = 2,
        threads: int = 4,
        env: dict[str, str] | None = None,
        *,
        database_url: str | None = None,
        keystore_url: str | None = None,
    ) -> None:
        """A server with a data directory of its own.

        Without `database_url` it gets a new database of its own (dropped by `close()`);
        with one it shares that database, which its creator drops. Likewise `keystore_url`;
        without it the keystore is a PostgreSQL database of its own when the suite runs with
        COVE_KEYSTORE_URL, otherwise a file in the data directory.
        """
        self.workers = workers
        self.threads = threads
        self.extra_env = dict(env or {})
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = Path(tempfile.mkdtemp(prefix="cove-server-"))
        self.log_path = self.data_dir / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self._admin_url = _postgres_admin_url()
        self._owned: list[str] = []
        self.database_url = database_url or ""
        if not self.database_url and self._admin_url:
            self.database_url = new_database(migrated=True)
            self._owned.append(self.database_url)
        elif not self.database_url:
            shutil.copy(_migrated_sqlite_file(), self.data_dir / "cove.sqlite3")  # mode too
        self.keystore_url = keystore_url or ""
        if not self.keystore_url and self._admin_url and settings.COVE_KEYSTORE_URL:
            self.keystore_url = new_database("keystore")
            self._owned.append(self.keystore_url)

    @property
    def engine(self) -> str:
        return "postgresql" if self.database_url else "sqlite"

    def environment(self) -> dict[str, str]:
        env = _server_base_environment()
        env["COVE_DATA_DIR"] = str(self.data_dir)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        if self.keystore_url:
            env["COVE_KEYSTORE_URL"] = self.keystore_url
        env.update(self.extra_env)
        return env

    def command(self, *args: str, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
        """Run `cove ARGS…` with this server's environment (backup, restore, keystore, audit)."""
        return subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "cove", *args], env=self.environment(),
            capture_output=True, text=True, timeout=timeout, check=False,
        )

    def start(self, timeout: float = 90.0) -> None:
        """Start (or start again) and wait until /healthz answers 200."""
        if self.process is not None and self.process.poll() is None:
            raise RuntimeError("the server is already running")
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "cove", "serve", "--port", str(self.port),
             "--workers", str(self.workers), "--threads", str(self.threads)],
            env=self.environment(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cove serve exited early:\n{self.log()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"cove serve did not become healthy in {timeout} s:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL the master and every worker at once, as a power cut would."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            self.kill()

    def close(self) -> None:
        self.kill()  # nothing left to keep: no need to wait for a graceful stop
        for url in self._owned:
            drop_database(url)
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream cove {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 21m;
        location / {{
            proxy_pass http://cove;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            # Which node answered: for tests only, never in production (docs/operations.md).
            add_header X-Cove-Node $upstream_addr always;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
        }}
    }}
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


class ReverseProxy(Entrance):
    """A real nginx from Debian in front of several `CoveServer`s, round robin."""

    def __init__(self, servers: list[CoveServer]) -> None:
        binary = nginx_binary()
        if binary is None:
            raise RuntimeError("nginx is not installed (scripts/ensure-proxy.sh installs it)")
        self.binary = binary
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.dir = Path(tempfile.mkdtemp(prefix="cove-proxy-"))
        upstreams = "\n".join(f"        server 127.0.0.1:{s.port} max_fails=1 fail_timeout=5s;"
                               for s in servers)
        (self.dir / "nginx.conf").write_text(
            NGINX_CONF.format(dir=self.dir, servers=upstreams, port=self.port))
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 20.0) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - Debian's nginx, our configuration
            [self.binary, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited early: {self.error_log()}")
            try:
                if httpx.get(f"{self.url}/livez", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"nginx did not answer in {timeout} s: {self.error_log()}")

    def error_log(self) -> str:
        path = self.dir / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cove_server() -> Iterator[CoveServer]:
    """A running Cove server of this test's own (see CoveServer)."""
    server = CoveServer()
    try:
        server.start()
        yield server
    finally:
        server.close()
