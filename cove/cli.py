"""The `cove` command: serve, demo, backup, restore, and Django's management commands."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from typing import Any


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cove.settings")
    import django

    django.setup()


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(args: argparse.Namespace) -> int:
    _setup()
    from django.conf import settings
    from django.core.management import call_command

    if not _is_loopback(args.host) and not settings.COVE_TLS and not os.environ.get(
        "COVE_ALLOW_PLAIN_HTTP"
    ):
        print(
            "Cove will not listen on a network address without TLS: passphrases would travel "
            "in the clear.\nPut Cove behind a TLS proxy and set COVE_TLS=1, or serve on "
            "127.0.0.1.",
            file=sys.stderr,
        )
        return 2
    if settings.DEBUG and not _is_loopback(args.host):
        print("COVE_DEBUG=1 is only allowed on 127.0.0.1.", file=sys.stderr)
        return 2
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from gunicorn.app.base import BaseApplication

    from cove.wsgi import application

    class CoveServer(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("threads", args.threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("accesslog", None)  # request paths are nobody's business
            self.cfg.set("errorlog", "-")
            self.cfg.set("loglevel", "warning")
            self.cfg.set("forwarded_allow_ips", os.environ.get("COVE_FORWARDED_ALLOW_IPS",
                                                               "127.0.0.1"))
            self.cfg.set("when_ready", lambda server: print(
                f"Cove is running at http://{args.host}:{args.port}/  (data: {settings.DATA_DIR})\n"
                "Press Ctrl+C to stop.", flush=True))

        def load(self) -> Any:
            return application

    CoveServer().run()
    return 0


def demo(args: argparse.Namespace) -> int:
    _setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from cove.core.demo import create_demo

    accounts = create_demo()
    print("Demo accounts (sign in at /account/login/):")
    for role, username, passphrase in accounts:
        print(f"  {role:<10} username: {username:<12} passphrase: {passphrase}")
    print("Start Cove with `cove serve` if it is not running.")
    return 0


def backup(args: argparse.Namespace) -> int:
    _setup()
    from cove.core.backup import BackupError, make_backup

    try:
        written = make_backup(args.path)
    except BackupError as exc:
        print(f"Backup failed: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Wrote and verified {path}")
    return 0


def restore(args: argparse.Namespace) -> int:
    _setup()
    from cove.core.backup import BackupError, restore_backup

    try:
        restore_backup(args.path, with_keystore=args.with_keystore)
    except BackupError as exc:
        print(f"Restore failed: {exc}", file=sys.stderr)
        return 1
    print(f"Restored from {args.path}")
    return 0


def manage(argv: list[str]) -> int:
    _setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cove manage", *argv])
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["manage"]:
        return manage(argv[1:])
    parser = argparse.ArgumentParser(prog="cove", description="Run and look after Cove.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_serve = sub.add_parser("serve", help="apply migrations and serve Cove")
    p_serve.add_argument("--host", default="127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)
    p_serve.add_argument("--workers", type=int, default=2)
    p_serve.add_argument("--threads", type=int, default=4)
    p_serve.set_defaults(func=serve)
    p_demo = sub.add_parser("demo", help="create demo accounts with sample data")
    p_demo.set_defaults(func=demo)
    p_backup = sub.add_parser("backup", help="write a verified backup to PATH")
    p_backup.add_argument("path")
    p_backup.set_defaults(func=backup)
    p_restore = sub.add_parser("restore", help="restore the database from a backup at PATH")
    p_restore.add_argument("path")
    p_restore.add_argument("--with-keystore", action="store_true",
                           help="also restore the keystore (brings back deleted accounts' keys)")
    p_restore.set_defaults(func=restore)
    sub.add_parser("manage", help="run a Django management command")
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
