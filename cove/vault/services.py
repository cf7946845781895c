"""Actions on a person's keys: create, unlock, re-wrap, recover, share, rotate, shred."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction

from cove.audit import services as audit
from cove.vault import areas, crypto, keystore
from cove.vault.kdf import current_kdf_params
from cove.vault.keyring import Vault, area_key_aad, private_key_aad
from cove.vault.models import AreaKey, Grant, KeyBundle
from cove.vault.records import sealed_models

if TYPE_CHECKING:
    from cove.accounts.models import User


def _passphrase_aad(user_id: int) -> bytes:
    return f"cove/data-key/passphrase|{user_id}".encode()


def _recovery_aad(user_id: int) -> bytes:
    return f"cove/data-key/recovery|{user_id}".encode()


def _passphrase_wrapping_key(bundle: KeyBundle, passphrase: str, params: crypto.KdfParams) -> bytes:
    stretched = crypto.derive_passphrase_key(passphrase, bytes(bundle.kdf_salt), params)
    shred_key = keystore.get(bundle.shred_key_id)
    return crypto.derive_subkey(stretched + shred_key, b"cove/passphrase-wrap v1")


def _recovery_wrapping_key(bundle: KeyBundle, code: str) -> bytes:
    stretched = crypto.derive_recovery_key(code, bytes(bundle.recovery_salt))
    shred_key = keystore.get(bundle.shred_key_id)
    return crypto.derive_subkey(stretched + shred_key, b"cove/recovery-wrap v1")


def _wrap_with_passphrase(bundle: KeyBundle, data_key: bytes, passphrase: str) -> None:
    params = current_kdf_params()
    bundle.kdf_salt = crypto.new_salt()
    bundle.kdf_memory_kib = params.memory_kib
    bundle.kdf_iterations = params.iterations
    bundle.kdf_lanes = params.lanes
    bundle.data_key_by_passphrase = crypto.seal(
        _passphrase_wrapping_key(bundle, passphrase, params),
        data_key,
        _passphrase_aad(bundle.user_id),
    )


def _wrap_with_recovery_code(bundle: KeyBundle, data_key: bytes) -> str:
    code = crypto.new_recovery_code()
    bundle.recovery_salt = crypto.new_salt()
    bundle.data_key_by_recovery = crypto.seal(
        _recovery_wrapping_key(bundle, code), data_key, _recovery_aad(bundle.user_id)
    )
    return code


def create_keys(user: User, passphrase: str) -> tuple[bytes, str]:
    """Make a new person's data key, its two wraps and their sharing key pair.

    Returns the data key (for this session) and the recovery code (shown once, never kept).
    """
    data_key = crypto.new_key()
    private, public = crypto.new_keypair()
    shred_key_id, _shred_key = keystore.create()
    bundle = KeyBundle(user=user, public_key=public, shred_key_id=shred_key_id)
    bundle.private_key_by_data_key = crypto.seal(data_key, private, private_key_aad(user.pk))
    _wrap_with_passphrase(bundle, data_key, passphrase)
    code = _wrap_with_recovery_code(bundle, data_key)
    bundle.save()
    return data_key, code


def _stored_params(bundle: KeyBundle) -> crypto.KdfParams:
    return crypto.KdfParams(bundle.kdf_memory_kib, bundle.kdf_iterations, bundle.kdf_lanes)


def unlock_with_passphrase(user: User, passphrase: str) -> bytes | None:
    """Open the data key with the passphrase; raise the stored cost if it is below today's."""
    bundle = KeyBundle.objects.filter(user=user).first()
    if bundle is None:
        return None
    try:
        key = _passphrase_wrapping_key(bundle, passphrase, _stored_params(bundle))
        data_key = crypto.open_sealed(key, bundle.data_key_by_passphrase, _passphrase_aad(user.pk))
    except (crypto.VaultError, keystore.ShredKeyMissing):
        return None
    if _stored_params(bundle).weaker_than(current_kdf_params()):
        _wrap_with_passphrase(bundle, data_key, passphrase)
        bundle.save()
    return data_key


def unlock_with_recovery_code(user: User, code: str) -> bytes | None:
    bundle = KeyBundle.objects.filter(user=user).first()
    if bundle is None:
        return None
    try:
        key = _recovery_wrapping_key(bundle, code)
        return crypto.open_sealed(key, bundle.data_key_by_recovery, _recovery_aad(user.pk))
    except (crypto.VaultError, keystore.ShredKeyMissing):
        return None


def rewrap_passphrase(user: User, data_key: bytes, new_passphrase: str) -> None:
    """Passphrase change: only the wrap changes, nothing is re-encrypted."""
    bundle = KeyBundle.objects.get(user=user)
    _wrap_with_passphrase(bundle, data_key, new_passphrase)
    bundle.save()


def renew_recovery_code(user: User, data_key: bytes) -> str:
    bundle = KeyBundle.objects.get(user=user)
    code = _wrap_with_recovery_code(bundle, data_key)
    bundle.save()
    return code


# Sharing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareResult:
    area: str
    grantee_id: int


def grant_area(vault: Vault, grantee: User, area: str) -> ShareResult:
    """Share one of the vault owner's areas with another account."""
    if area not in areas.SHAREABLE:
        raise ValueError(f"{area!r} cannot be shared")
    if grantee.pk == vault.user.pk:
        raise ValueError("cannot share with yourself")
    key = vault.key_for(vault.user.pk, area)
    version = AreaKey.objects.get(owner_id=vault.user.pk, area=area).version
    grantee_public = bytes(KeyBundle.objects.get(user=grantee).public_key)
    with transaction.atomic():
        Grant.objects.update_or_create(
            owner_id=vault.user.pk,
            grantee=grantee,
            area=area,
            defaults={
                "key_version": version,
                "sealed_area_key": crypto.seal_to_public_key(grantee_public, key),
            },
        )
        audit.record(
            "security.grant_added", subject=vault.user, actor=vault.user, detail={"area": area}
        )
    return ShareResult(area=area, grantee_id=grantee.pk)


def revoke_area(vault: Vault, grantee_id: int, area: str) -> None:
    """Stop sharing: the grant goes now, then the area key is rotated."""
    with transaction.atomic():
        deleted, _ = Grant.objects.filter(
            owner_id=vault.user.pk, grantee_id=grantee_id, area=area
        ).delete()
        if deleted:
            rotate_area_key(vault, area)
            audit.record(
                "security.grant_revoked", subject=vault.user, actor=vault.user, detail={"area": area}
            )


def rotate_area_key(vault: Vault, area: str) -> None:
    """Give an area a new key: re-seal its records and re-wrap it for remaining grantees."""
    owner_id = vault.user.pk
    with transaction.atomic():
        row = AreaKey.objects.select_for_update().filter(owner_id=owner_id, area=area).first()
        if row is None:
            return
        records = []
        for model in sealed_models():
            for record in model.objects.owned_by(vault):
                if record.get_sharing_area() == area:
                    record.reseal_all()  # opened with the old key
                    records.append(record)
        new_key = crypto.new_key()
        row.version += 1
        row.key_by_data_key = crypto.seal(
            vault.data_key, new_key, area_key_aad(owner_id, area, row.version)
        )
        row.save(update_fields=["version", "key_by_data_key"])
        vault.remember_area_key(owner_id, area, new_key)
        for record in records:
            names = [f.name for f in record.sealed_fields()]
            record.save(update_fields=[*names, "updated_at"])
        for grant in Grant.objects.filter(owner_id=owner_id, area=area).select_related("grantee"):
            public = bytes(KeyBundle.objects.get(user_id=grant.grantee_id).public_key)
            grant.sealed_area_key = crypto.seal_to_public_key(public, new_key)
            grant.key_version = row.version
            grant.save(update_fields=["sealed_area_key", "key_version"])


def revoke_everything(vault: Vault) -> int:
    """Emergency reset, sharing half: end every grant and rotate every area key."""
    with transaction.atomic():
        count, _ = Grant.objects.filter(owner_id=vault.user.pk).delete()
        for area in AreaKey.objects.filter(owner_id=vault.user.pk).values_list("area", flat=True):
            rotate_area_key(vault, area)
    return count


def shred(user: User) -> None:
    """Destroy every wrap of the person's keys and every sealed row they own.

    Once the key bundle is gone, copies of the rows in old backups cannot be opened:
    their keys were only ever stored wrapped by the data key this deletes.
    """
    bundle = KeyBundle.objects.filter(user=user).first()
    if bundle is not None:
        keystore.destroy(bundle.shred_key_id)
    with transaction.atomic():
        Grant.objects.filter(owner=user).delete()
        Grant.objects.filter(grantee=user).delete()
        for model in sealed_models():
            model.objects.filter(owner=user).delete()
        AreaKey.objects.filter(owner=user).delete()
        KeyBundle.objects.filter(user=user).delete()


def rotate_data_key(user: User, old_data_key: bytes, passphrase: str) -> tuple[bytes, str]:
    """Give the person a new data key: re-wrap area keys and the private key, new recovery code.

    Content is not re-encrypted: it is sealed under area keys, which are re-wrapped here.
    """
    new_data_key = crypto.new_key()
    with transaction.atomic():
        for row in AreaKey.objects.select_for_update().filter(owner=user):
            aad = area_key_aad(user.pk, row.area, row.version)
            area_key = crypto.open_sealed(old_data_key, row.key_by_data_key, aad)
            row.key_by_data_key = crypto.seal(new_data_key, area_key, aad)
            row.save(update_fields=["key_by_data_key"])
        bundle = KeyBundle.objects.select_for_update().get(user=user)
        private = crypto.open_sealed(old_data_key, bundle.private_key_by_data_key, private_key_aad(user.pk))
        bundle.private_key_by_data_key = crypto.seal(new_data_key, private, private_key_aad(user.pk))
        _wrap_with_passphrase(bundle, new_data_key, passphrase)
        code = _wrap_with_recovery_code(bundle, new_data_key)
        bundle.save()
    return new_data_key, code
