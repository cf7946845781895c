"""The `cove` command: serve, demo, backup, restore, keystore, audit, and Django's commands."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path
from typing import Any

from cove.core.serving import machine_defaults


class Refused(Exception):
    """A clear sentence for the operator; the command exits with status 2."""


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cove.settings")
    import django
    from django.apps import apps
    from django.core.exceptions import ImproperlyConfigured

    if apps.ready:  # already set up (tests call main() in-process): keep logging as it is
        return
    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise Refused(f"Cove will not start: {exc}") from exc


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
    _prepare_to_serve()
    call_command("collectstatic", interactive=False, verbosity=0)
    from cove.accounts.deletion import finish_interrupted

    finish_interrupted()  # a deletion stopped by a crash is finished before anyone signs in
    from gunicorn.app.base import BaseApplication

    from cove.core.serving import started_as
    from cove.wsgi import application

    started_as(args.workers, args.threads)  # sizes the sign-in queue (cove.vault.kdf)

    class CoveServer(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("threads", args.threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("accesslog", None)  # request paths are nobody's business
            self.cfg.set("errorlog", "-")
            self.cfg.set("loglevel", "warning")
            # The same proxies Cove trusts for client addresses (COVE_TRUSTED_PROXIES).
            self.cfg.set("forwarded_allow_ips",
                         ",".join(str(network) for network in settings.COVE_TRUSTED_PROXIES))
            self.cfg.set("when_ready", lambda server: print(
                f"Cove is running at http://{args.host}:{args.port}/  (data: {settings.DATA_DIR}; "
                f"{args.workers} workers x {args.threads} threads)\nPress Ctrl+C to stop.", flush=True))

        def load(self) -> Any:
            return application

    CoveServer().run()
    return 0


def _prepare_to_serve() -> None:
    """Migrate, then check the keystore; refuse to serve with anything missing."""
    from django.core.management import call_command
    from django.db import DatabaseError, connections

    from cove.vault import keystore

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as exc:
        raise Refused(f"Cove cannot use its database ({exc}). Check DATABASE_URL and that the "
                      "database server is running, then start again.") from exc
    try:
        keystore.ensure_ready()
    except keystore.KeystoreUnavailable as exc:
        raise Refused(
            f"Cove will not start: {exc}. Without the keystore nobody can open their data, so "
            "Cove will not make a new one. Put it back (cove keystore restore BACKUP.keystore "
            "brings its keys back from a backup) and start again."
        ) from exc
    finally:
        # Nothing opened here may be shared with the workers gunicorn forks next.
        keystore.close()
        connections.close_all()


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
    from cove.core.backup import BackupError
    from cove.core.restore import apply_restore, plan_restore

    try:
        plan = plan_restore(args.path, with_keystore=args.with_keystore,
                            keystore_file=args.keystore, no_keystore=args.no_keystore)
        for line in plan.lines():
            print(line)
        if args.dry_run:
            print("Dry run: nothing was changed.")
            return 0
        apply_restore(plan)
    except BackupError as exc:
        print(f"Restore refused: {exc}", file=sys.stderr)
        return 1
    print(f"Safety copy of the data as it was: {plan.safety_copy[0]}")
    print(f"Restored from {plan.source}")
    return 0


def keystore_cmd(args: argparse.Namespace) -> int:
    _setup()
    from cove.vault import keystore, keystore_move

    try:
        if args.action == "check":
            print(keystore.ensure_ready() if args.create else _check_keystore())
        elif args.action == "restore":
            added = keystore.restore_from(Path(args.file).resolve())
            print(f"Added {added} keys from {args.file}; keys already there were kept.")
            print(_check_keystore())
        else:
            for line in keystore_move.move_file_to_postgresql(args.source, keep_file=args.keep_file):
                print(line)
    except (keystore.KeystoreUnavailable, keystore_move.MoveRefused) as exc:
        print(f"Keystore: {exc}", file=sys.stderr)
        return 1
    finally:
        keystore.close()
    return 0


def _check_keystore() -> str:
    from cove.vault import keystore

    keystore.check()
    return f"The keystore at {keystore.describe()} opens and holds {keystore.count()} keys."


def audit_cmd(args: argparse.Namespace) -> int:
    _setup()
    from cove.audit.services import verify_report

    report = verify_report()
    if report.broken_at is not None:
        print(f"The audit log breaks at event {report.broken_at}: it or the event before it was "
              f"changed, removed or added outside Cove ({report.checked} events before it follow).",
              file=sys.stderr)
        return 1
    print(f"All {report.checked} audit events follow, keyed under the integrity key.")
    if report.head_id is not None:
        print(f"Newest event: {report.head_id} {report.head_hash} (note it to detect events removed "
              "from the end later).")
    return 0


def clinician_cmd(args: argparse.Namespace) -> int:
    _setup()
    from cove.clinic import services
    from cove.core.errors import InputError

    if args.action == "approve":
        try:
            profile = services.approve(args.username)
        except InputError as exc:
            print(exc.first_message, file=sys.stderr)
            return 1
        print(f"{args.username} is now an approved clinician (shown to clients as "
              f"\"{profile.name}\").")
        return 0
    if not services.withdraw(args.username):
        print("There is no account with that name.", file=sys.stderr)
        return 1
    print(f"{args.username} is no longer a clinician.")
    return 0


def manage(argv: list[str]) -> int:
    try:
        _setup()
    except Refused as exc:
        print(exc, file=sys.stderr)
        return 2
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cove manage", *argv])
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["manage"]:
        return manage(argv[1:])
    parser = argparse.ArgumentParser(prog="cove", description="Run and look after Cove.")
    sub = parser.add_subparsers(dest="command", required=True)
    workers, threads = machine_defaults()
    p_serve = sub.add_parser("serve", help="apply migrations and serve Cove")
    p_serve.add_argument("--host", default="127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)
    p_serve.add_argument("--workers", type=int, default=workers,
                         help=f"worker processes (default from this machine: {workers})")
    p_serve.add_argument("--threads", type=int, default=threads,
                         help=f"threads per worker (default: {threads}; sign-ins may take up to three "
                         "quarters of them, always leaving one for pages; see "
                         "COVE_SIGNINS_AT_ONCE)")
    p_serve.set_defaults(func=serve)
    p_demo = sub.add_parser("demo", help="create demo accounts with sample data")
    p_demo.set_defaults(func=demo)
    p_backup = sub.add_parser("backup", help="write a verified backup to PATH and PATH.keystore")
    p_backup.add_argument("path")
    p_backup.set_defaults(func=backup)
    p_restore = sub.add_parser("restore", help="check a backup, keep a safety copy, then restore it")
    p_restore.add_argument("path")
    p_restore.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    p_restore.add_argument("--with-keystore", action="store_true",
                           help="also add the backup's keys to the keystore (brings back deleted "
                           "accounts' keys)")
    p_restore.add_argument("--keystore", metavar="FILE",
                           help="the backup's keystore, when it is not PATH.keystore")
    p_restore.add_argument("--no-keystore", action="store_true",
                           help="restore without the backup's keystore; keep this Cove's")
    p_restore.set_defaults(func=restore)
    p_keystore = sub.add_parser("keystore", help="check the keystore, or move it into PostgreSQL")
    ks_sub = p_keystore.add_subparsers(dest="action", required=True)
    p_check = ks_sub.add_parser("check", help="check that the keystore opens and matches the database")
    p_check.add_argument("--create", action="store_true",
                         help="make the keystore if there are no accounts yet")
    p_ks_restore = ks_sub.add_parser("restore", help="add the keys of a backup's .keystore file "
                                     "(the database is left as it is)")
    p_ks_restore.add_argument("file")
    p_move = ks_sub.add_parser("migrate", help="move a keystore file into COVE_KEYSTORE_URL")
    p_move.add_argument("--from", dest="source", metavar="FILE",
                        help="the keystore file (default: COVE_KEYSTORE_PATH)")
    p_move.add_argument("--keep-file", action="store_true", help="leave the file in place afterwards")
    p_keystore.set_defaults(func=keystore_cmd)
    p_audit = sub.add_parser("audit", help="verify the audit log's keyed chain")
    audit_sub = p_audit.add_subparsers(dest="action", required=True)
    audit_sub.add_parser("verify", help="check every event; say where the chain breaks")
    p_audit.set_defaults(func=audit_cmd)
    p_clin = sub.add_parser("clinician", help="approve or withdraw a clinician account")
    clin_sub = p_clin.add_subparsers(dest="action", required=True)
    clin_sub.add_parser("approve", help="let USER use the clinician pages").add_argument("username")
    clin_sub.add_parser("withdraw", help="stop USER being a clinician").add_argument("username")
    p_clin.set_defaults(func=clinician_cmd)
    sub.add_parser("manage", help="run a Django management command")
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except Refused as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
