"""The per-request Vault: the unlocked data key and the area keys it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from cove.vault import areas, crypto
from cove.vault.fields import VaultLocked
from cove.vault.models import AreaKey, Grant, KeyBundle, RetiredAreaKey

if TYPE_CHECKING:
    from cove.accounts.models import User


class KeysReplaced(VaultLocked):
    """This session's data key no longer opens the person's keys: they were replaced in
    another session (emergency reset). The person signs in again; nothing is lost."""


class NoAccess(Exception):
    """The vault's owner holds no key for that owner's area (no grant, or it was revoked)."""


def area_key_aad(owner_id: int, area: str, version: int) -> bytes:
    return f"cove/area-key|{owner_id}|{area}|{version}".encode()


def private_key_aad(user_id: int) -> bytes:
    return f"cove/private-key|{user_id}".encode()


class Vault:
    """Keys of one signed-in person for the length of one request.

    Area keys are versioned: rotation makes a new version and keeps the old ones (wrapped
    by the data key, `RetiredAreaKey`), and every sealed value names the version that
    sealed it. Opened keys are kept here for the request, so a page opens each area key
    once, however many records it shows.
    """

    def __init__(self, user: User, data_key: bytes) -> None:
        self.user = user
        self._data_key = data_key
        # (owner, area) -> (current version, key), as last read from the database.
        self._area_keys: dict[tuple[int, str], tuple[int, bytes]] = {}
        # (owner, area, version) -> key, every version opened so far.
        self._versions: dict[tuple[int, str, int], bytes] = {}
        # key -> that key made ready to open values (crypto.cipher), made once per key
        # and dropped with the vault, like the keys themselves.
        self._ciphers: dict[bytes, crypto.Cipher] = {}
        self._private_key: bytes | None = None

    @property
    def data_key(self) -> bytes:
        return self._data_key

    def key_for(self, owner_id: int, area: str) -> bytes:
        """Return the current key of `owner_id`'s `area`, or raise NoAccess."""
        return self.current_key(owner_id, area)[1]

    def current_key(self, owner_id: int, area: str) -> tuple[int, bytes]:
        """(version, key) of the area's key as known to this request, or raise NoAccess."""
        cached = self._area_keys.get((owner_id, area))
        if cached is not None:
            return cached
        found = (
            self._own_area_key(area)
            if owner_id == self.user.pk
            else self._granted_area_key(owner_id, area)
        )
        self._keep(owner_id, area, *found)
        return found

    def sealing_key(self, owner_id: int, area: str) -> tuple[int, bytes]:
        """(version, key) to seal with now, agreed with any rotation running at the time.

        Inside a transaction the area key's row is read again and, on PostgreSQL, held with
        a shared lock until the transaction ends: a rotation (which takes the row for
        update) waits for this write to commit and then re-seals it, and a write that
        starts during a rotation waits for it and seals with the new key. SQLite's write
        transaction (IMMEDIATE) already excludes a rotation. One small query per save.
        """
        if owner_id != self.user.pk:
            return self.current_key(owner_id, area)
        if not areas.is_known(area):
            raise ValueError(f"unknown sharing area {area!r}")
        version = _locked_version(owner_id, area)
        cached = self._area_keys.get((owner_id, area))
        if version is not None and cached is not None and cached[0] == version:
            return cached
        known = self._versions.get((owner_id, area, version)) if version is not None else None
        if version is not None and known is not None:
            self._keep(owner_id, area, version, known)
            return version, known
        self._area_keys.pop((owner_id, area), None)
        return self.current_key(owner_id, area)

    def key_of_version(self, owner_id: int, area: str, version: int) -> bytes:
        """The key that sealed a value naming `version`; retired versions only for the owner."""
        known = self._versions.get((owner_id, area, version))
        if known is not None:
            return known
        current_version, key = self.current_key(owner_id, area)
        if version == current_version:
            return key
        if owner_id != self.user.pk:
            raise NoAccess(area)
        row = AreaKey.objects.filter(owner_id=owner_id, area=area).first()
        if row is not None and row.version == version:
            # Rotated by another request since this one read the key.
            key = crypto.open_sealed(
                self._data_key, row.key_by_data_key, area_key_aad(owner_id, area, version)
            )
            self._keep(owner_id, area, version, key)
            return key
        retired = RetiredAreaKey.objects.filter(
            owner_id=owner_id, area=area, version=version
        ).first()
        if retired is None:
            raise NoAccess(area)
        key = crypto.open_sealed(
            self._data_key, retired.key_by_data_key, area_key_aad(owner_id, area, version)
        )
        self._versions[(owner_id, area, version)] = key
        return key

    def cipher_of_version(self, owner_id: int, area: str, version: int) -> crypto.Cipher:
        """`key_of_version`, made ready to open many values (one per key and vault)."""
        key = self.key_of_version(owner_id, area, version)
        found = self._ciphers.get(key)
        if found is None:
            found = self._ciphers[key] = crypto.cipher(key)
        return found

    def older_keys(self, owner_id: int, area: str) -> list[bytes]:
        """Every retired key of one's own area, newest first (for values that name none)."""
        if owner_id != self.user.pk:
            return []
        rows = RetiredAreaKey.objects.filter(owner_id=owner_id, area=area).order_by("-version")
        return [self.key_of_version(owner_id, area, row.version) for row in rows]

    def forget_area_key(self, owner_id: int, area: str) -> None:
        self._area_keys.pop((owner_id, area), None)

    def remember_area_key(self, owner_id: int, area: str, key: bytes,
                          version: int | None = None) -> None:
        if version is None:
            version = AreaKey.objects.values_list("version", flat=True).get(
                owner_id=owner_id, area=area
            )
        self._keep(owner_id, area, version, key)

    def _keep(self, owner_id: int, area: str, version: int, key: bytes) -> None:
        self._area_keys[(owner_id, area)] = (version, key)
        self._versions[(owner_id, area, version)] = key

    # Keeping one's own opened area keys between requests (cove.vault.session seals them
    # in the session under the cookie key, exactly like the data key). Keyed by version:
    # the key of a version never changes, so a kept key is never stale, and a rotation
    # shows up as a version this session has not seen yet.

    def own_keys(self) -> dict[str, str]:
        """{"area|version": key (base64)} of every own area key opened so far."""
        return {f"{area}|{version}": crypto.b64(key)
                for (owner, area, version), key in self._versions.items()
                if owner == self.user.pk}

    def preload_own_keys(self, kept: dict[str, str]) -> None:
        for name, key in kept.items():
            area, _sep, version = name.rpartition("|")
            if areas.is_known(area) and version.isdigit():
                self._versions[(self.user.pk, area, int(version))] = crypto.unb64(key)

    def private_key(self) -> bytes:
        if self._private_key is None:
            bundle = KeyBundle.objects.only("private_key_by_data_key").get(user_id=self.user.pk)
            self._private_key = crypto.open_sealed(
                self._data_key, bundle.private_key_by_data_key, private_key_aad(self.user.pk)
            )
        return self._private_key

    def _own_area_key(self, area: str) -> tuple[int, bytes]:
        if not areas.is_known(area):
            raise ValueError(f"unknown sharing area {area!r}")
        row = AreaKey.objects.filter(owner_id=self.user.pk, area=area).first()
        if row is None:
            # Never wrap a new area key with a data key that is no longer the person's
            # (replaced by an emergency reset while this request ran): the new key would
            # open for nobody. The private key opens only with the current data key.
            try:
                self.private_key()
            except crypto.VaultError as exc:
                raise KeysReplaced from exc
            with transaction.atomic():
                key = crypto.new_key()
                row, created = AreaKey.objects.get_or_create(
                    owner_id=self.user.pk,
                    area=area,
                    defaults={
                        "version": 1,
                        "key_by_data_key": crypto.seal(
                            self._data_key, key, area_key_aad(self.user.pk, area, 1)
                        ),
                    },
                )
                if created:
                    return 1, key
        try:
            return row.version, crypto.open_sealed(
                self._data_key, row.key_by_data_key, area_key_aad(self.user.pk, area, row.version)
            )
        except crypto.VaultError as exc:
            # This session's data key was replaced meanwhile (an emergency reset elsewhere).
            raise KeysReplaced from exc

    def _granted_area_key(self, owner_id: int, area: str) -> tuple[int, bytes]:
        grant = (
            Grant.objects.live()
            .filter(owner_id=owner_id, grantee_id=self.user.pk, area=area)
            .only("sealed_area_key", "key_version")
            .first()
        )
        if grant is None:
            raise NoAccess(area)
        try:
            return grant.key_version, crypto.open_sealed_box(
                self.private_key(), grant.sealed_area_key
            )
        except crypto.VaultError as exc:
            raise NoAccess(area) from exc


def _locked_version(owner_id: int, area: str) -> int | None:
    """The area key's current version; None when the area has no key yet.

    Inside a transaction on PostgreSQL every area key row of the owner is held with a
    shared lock, in id order, until the transaction ends (see Vault.sealing_key). Always
    all of them and always in that order, like a rotation's `lock_area_keys`, so a writer
    and a rotation never wait for each other crosswise.
    """
    connection = transaction.get_connection()
    table = connection.ops.quote_name(AreaKey._meta.db_table)
    sql = f"SELECT area, version FROM {table} WHERE owner_id = %s ORDER BY id"  # noqa: S608
    if connection.in_atomic_block and connection.vendor == "postgresql":
        sql += " FOR SHARE"
    with connection.cursor() as cursor:
        cursor.execute(sql, [owner_id])
        versions = dict(cursor.fetchall())
    found = versions.get(area)
    return int(found) if found is not None else None


def hold_area_keys(owner_id: int) -> None:
    """Hold the owner's area keys (shared) before locking a record to edit it, so an edit
    and a rotation always lock in the same order: area keys, then records."""
    if transaction.get_connection().in_atomic_block:
        _locked_version(owner_id, "")


def lock_area_keys(owner_id: int) -> list[AreaKey]:
    """A rotation's lock: every area key row of the owner, for update, in id order."""
    return list(AreaKey.objects.select_for_update().filter(owner_id=owner_id).order_by("id"))
