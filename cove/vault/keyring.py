"""The per-request Vault: the unlocked data key and the area keys it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from cove.vault import areas, crypto
from cove.vault.models import AreaKey, Grant, KeyBundle

if TYPE_CHECKING:
    from cove.accounts.models import User


class NoAccess(Exception):
    """The vault's owner holds no key for that owner's area (no grant, or it was revoked)."""


def area_key_aad(owner_id: int, area: str, version: int) -> bytes:
    return f"cove/area-key|{owner_id}|{area}|{version}".encode()


def private_key_aad(user_id: int) -> bytes:
    return f"cove/private-key|{user_id}".encode()


class Vault:
    """Keys of one signed-in person for the length of one request."""

    def __init__(self, user: User, data_key: bytes) -> None:
        self.user = user
        self._data_key = data_key
        self._area_keys: dict[tuple[int, str], bytes] = {}
        self._private_key: bytes | None = None

    @property
    def data_key(self) -> bytes:
        return self._data_key

    def key_for(self, owner_id: int, area: str) -> bytes:
        """Return the key of `owner_id`'s `area`, or raise NoAccess."""
        cached = self._area_keys.get((owner_id, area))
        if cached is not None:
            return cached
        key = (
            self._own_area_key(area)
            if owner_id == self.user.pk
            else self._granted_area_key(owner_id, area)
        )
        self._area_keys[(owner_id, area)] = key
        return key

    def forget_area_key(self, owner_id: int, area: str) -> None:
        self._area_keys.pop((owner_id, area), None)

    def remember_area_key(self, owner_id: int, area: str, key: bytes) -> None:
        self._area_keys[(owner_id, area)] = key

    def private_key(self) -> bytes:
        if self._private_key is None:
            bundle = KeyBundle.objects.only("private_key_by_data_key").get(user_id=self.user.pk)
            self._private_key = crypto.open_sealed(
                self._data_key, bundle.private_key_by_data_key, private_key_aad(self.user.pk)
            )
        return self._private_key

    def _own_area_key(self, area: str) -> bytes:
        if not areas.is_known(area):
            raise ValueError(f"unknown sharing area {area!r}")
        row = AreaKey.objects.filter(owner_id=self.user.pk, area=area).first()
        if row is None:
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
                    return key
        return crypto.open_sealed(
            self._data_key, row.key_by_data_key, area_key_aad(self.user.pk, area, row.version)
        )

    def _granted_area_key(self, owner_id: int, area: str) -> bytes:
        grant = (
            Grant.objects.live()
            .filter(owner_id=owner_id, grantee_id=self.user.pk, area=area)
            .only("sealed_area_key")
            .first()
        )
        if grant is None:
            raise NoAccess(area)
        try:
            return crypto.open_sealed_box(self.private_key(), grant.sealed_area_key)
        except crypto.VaultError as exc:
            raise NoAccess(area) from exc
