"""Actions on a person's keys: create, unlock, re-wrap, recover, share, rotate, shred."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from cove.audit import services as audit
from cove.core import integrity
from cove.core.errors import InputError
from cove.vault import areas, crypto, kdf, keystore
from cove.vault.kdf import current_kdf_params
from cove.vault.keyring import Vault, area_key_aad, lock_area_keys, private_key_aad
from cove.vault.models import AreaKey, Grant, KeyBundle, RetiredAreaKey
from cove.vault.records import sealed_models
from cove.vault.repair import opens

if TYPE_CHECKING:
    from cove.accounts.models import User


def _passphrase_aad(user_id: int) -> bytes:
    return f"cove/data-key/passphrase|{user_id}".encode()


def _recovery_aad(user_id: int) -> bytes:
    return f"cove/data-key/recovery|{user_id}".encode()


# The login verifier is kept where Django keeps a password hash (User.password), so that
# changing it ends the person's other sessions exactly as a password change does. It is not
# a Django hash: `check_password()` refuses it; only `unlock_with_passphrase` reads it.
VERIFIER_PREFIX = "cove-kdf1$"
_DUMMY_SALT = b"cove/no-such-acct"[:16]


class KeysChanged(Exception):
    """The key bundle changed after it was checked: another change or recovery came first."""


@dataclass(frozen=True)
class Stretched:
    """One Argon2id run over a passphrase: the slow part, done before any transaction."""

    salt: bytes
    params: crypto.KdfParams
    key: bytes


@dataclass(frozen=True)
class Unlocked:
    """A data key opened with a passphrase or recovery code, and what the keys looked like.

    `stamp` lets a later write refuse if the keys changed in between (two passphrase changes
    at once: the second must not silently undo the first).
    """

    data_key: bytes
    stamp: bytes


def stretch(passphrase: str, params: crypto.KdfParams | None = None,
            salt: bytes | None = None) -> Stretched:
    """Run Argon2id once (queued within the memory budget; see cove.vault.kdf)."""
    params = params or current_kdf_params()
    salt = salt or crypto.new_salt()
    return Stretched(salt=salt, params=params, key=kdf.derive(passphrase, salt, params))


def _material(bundle: KeyBundle, stretched: Stretched) -> bytes:
    return stretched.key + keystore.get(bundle.shred_key_id)


def _verifier(material: bytes) -> str:
    # From the same Argon2id run as the wrap key, under another HKDF label: checking a guess
    # against the verifier costs exactly what checking it against the wrap costs.
    return VERIFIER_PREFIX + crypto.b64(crypto.derive_subkey(material, b"cove/login-verifier v1"))


def _wrap_key(material: bytes) -> bytes:
    return crypto.derive_subkey(material, b"cove/passphrase-wrap v1")


def _recovery_wrapping_key(bundle: KeyBundle, code: str) -> bytes:
    stretched = crypto.derive_recovery_key(code, bytes(bundle.recovery_salt))
    shred_key = keystore.get(bundle.shred_key_id)
    return crypto.derive_subkey(stretched + shred_key, b"cove/recovery-wrap v1")


def _wrap_with_passphrase(bundle: KeyBundle, data_key: bytes, stretched: Stretched) -> str:
    """Wrap the data key under a stretched passphrase; return the matching login verifier."""
    bundle.kdf_salt = stretched.salt
    bundle.kdf_memory_kib = stretched.params.memory_kib
    bundle.kdf_iterations = stretched.params.iterations
    bundle.kdf_lanes = stretched.params.lanes
    material = _material(bundle, stretched)
    bundle.data_key_by_passphrase = crypto.seal(
        _wrap_key(material), data_key, _passphrase_aad(bundle.user_id)
    )
    return _verifier(material)


def _wrap_with_recovery_code(bundle: KeyBundle, data_key: bytes) -> str:
    code = crypto.new_recovery_code()
    bundle.recovery_salt = crypto.new_salt()
    bundle.data_key_by_recovery = crypto.seal(
        _recovery_wrapping_key(bundle, code), data_key, _recovery_aad(bundle.user_id)
    )
    return code


def _stamp(bundle: KeyBundle, verifier: str) -> bytes:
    return (verifier.encode() + b"|" + bytes(bundle.data_key_by_passphrase) + b"|"
            + bytes(bundle.data_key_by_recovery))


def _save_verifier(user: User, verifier: str) -> None:
    user.password = verifier
    user.save(update_fields=["password"])


def _bundle_unchanged_since(user: User, stamp: bytes) -> KeyBundle:
    """Lock the person's keys for this transaction; raise KeysChanged if they moved on."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("call inside transaction.atomic()")
    # Lock the account row first (both engines queue here; SQLite's IMMEDIATE transaction
    # already holds the write lock), then read what is stored now.
    verifier = get_user_model().objects.select_for_update().values_list("password", flat=True).get(
        pk=user.pk
    )
    bundle = KeyBundle.objects.select_for_update().get(user_id=user.pk)
    if not crypto.constant_time_equal(_stamp(bundle, verifier), stamp):
        raise KeysChanged
    return bundle


def create_keys(user: User, stretched: Stretched) -> tuple[bytes, str]:
    """Make a new person's data key, its two wraps, their sharing key pair and verifier.

    Call inside the transaction that creates the account. Returns the data key (for this
    session) and the recovery code (shown once, never kept).
    """
    data_key = crypto.new_key()
    private, public = crypto.new_keypair()
    shred_key_id, _shred_key = keystore.create()
    bundle = KeyBundle(user=user, public_key=public, shred_key_id=shred_key_id,
                       public_key_tag=public_key_tag(user.pk, public))
    bundle.private_key_by_data_key = crypto.seal(data_key, private, private_key_aad(user.pk))
    verifier = _wrap_with_passphrase(bundle, data_key, stretched)
    code = _wrap_with_recovery_code(bundle, data_key)
    bundle.save()
    _save_verifier(user, verifier)
    return data_key, code


def _stored_params(bundle: KeyBundle) -> crypto.KdfParams:
    return crypto.KdfParams(bundle.kdf_memory_kib, bundle.kdf_iterations, bundle.kdf_lanes)


def pretend_to_unlock(passphrase: str) -> None:
    """Do the work of a passphrase check for an account that does not exist (same timing)."""
    kdf.derive(passphrase, _DUMMY_SALT, current_kdf_params())


def unlock_with_passphrase(user: User, passphrase: str) -> Unlocked | None:
    """Check the passphrase with one Argon2id run and open the data key, or return None.

    Accounts from before the shared verifier, or with a cost below today's, are moved to the
    current verifier and cost here (one more Argon2id run, only on that first success).
    """
    # The verifier is read with the bundle, in one statement: read apart, a reset committing
    # between the two reads would pair the old verifier with the new salt and refuse the
    # right passphrase.
    bundle = KeyBundle.objects.filter(user_id=user.pk).select_related("user").first()
    if bundle is None:
        pretend_to_unlock(passphrase)
        return None
    params = _stored_params(bundle)
    try:
        material = _material(bundle, stretch(passphrase, params, bytes(bundle.kdf_salt)))
    except keystore.ShredKeyMissing:
        return None
    verifier = _verifier(material)
    current = bundle.user.password or ""
    if current.startswith(VERIFIER_PREFIX) and not crypto.constant_time_equal(
        current.encode(), verifier.encode()
    ):
        return None
    try:
        data_key = crypto.open_sealed(
            _wrap_key(material), bundle.data_key_by_passphrase, _passphrase_aad(user.pk)
        )
    except crypto.VaultError:
        return None
    stamp = _stamp(bundle, current)
    if current != verifier or params.weaker_than(current_kdf_params()):
        stamp = _upgrade(user, data_key, passphrase, stamp, params, verifier)
    return Unlocked(data_key=data_key, stamp=stamp)


def _upgrade(user: User, data_key: bytes, passphrase: str, stamp: bytes,
             params: crypto.KdfParams, verifier: str) -> bytes:
    stronger = stretch(passphrase) if params.weaker_than(current_kdf_params()) else None
    try:
        with transaction.atomic():
            bundle = _bundle_unchanged_since(user, stamp)
            if stronger is not None:
                verifier = _wrap_with_passphrase(bundle, data_key, stronger)
                bundle.save()
            _save_verifier(user, verifier)
            return _stamp(bundle, verifier)
    except KeysChanged:
        return stamp  # someone changed the keys meanwhile; theirs stands


def unlock_with_recovery_code(user: User, code: str) -> Unlocked | None:
    # The verifier for the stamp comes with the bundle, as in unlock_with_passphrase.
    bundle = KeyBundle.objects.filter(user_id=user.pk).select_related("user").first()
    if bundle is None:
        return None
    try:
        key = _recovery_wrapping_key(bundle, code)
        data_key = crypto.open_sealed(key, bundle.data_key_by_recovery, _recovery_aad(user.pk))
    except (crypto.VaultError, keystore.ShredKeyMissing):
        return None
    return Unlocked(data_key=data_key, stamp=_stamp(bundle, bundle.user.password or ""))


def rewrap_passphrase(user: User, unlocked: Unlocked, new: Stretched) -> Unlocked:
    """Passphrase change: only the wrap and the verifier change, nothing is re-encrypted.

    Raises KeysChanged when the keys changed after `unlocked` was checked; returns the
    data key with the new stamp for a further change in the same transaction.
    """
    with transaction.atomic():
        bundle = _bundle_unchanged_since(user, unlocked.stamp)
        verifier = _wrap_with_passphrase(bundle, unlocked.data_key, new)
        bundle.save()
        _save_verifier(user, verifier)
    return Unlocked(data_key=unlocked.data_key, stamp=_stamp(bundle, verifier))


def renew_recovery_code(user: User, unlocked: Unlocked) -> str:
    """A new recovery code; the old one stops working. Raises KeysChanged like rewrap."""
    with transaction.atomic():
        bundle = _bundle_unchanged_since(user, unlocked.stamp)
        code = _wrap_with_recovery_code(bundle, unlocked.data_key)
        bundle.save()
    return code


# Sharing -------------------------------------------------------------------------------


class PublicKeyRefused(InputError):
    """A grantee's public key is not the one made for them (changed in the database)."""

    status = 409

    def __init__(self) -> None:
        super().__init__(_(
            "This can't be shared with that account right now: its sharing key does not "
            "check out. Nothing was shared. The people who run Cove can look into it."
        ))

    def api_body(self) -> dict[str, Any]:
        return {"detail": self.first_message}


def public_key_tag(user_id: int, public_key: bytes) -> bytes:
    return integrity.tag("public-key", user_id, public_key)


def public_key_of(grantee_id: int, *, owner: User) -> bytes:
    """A grantee's public key, checked against its integrity tag before anything is sealed
    to it. A swapped key raises PublicKeyRefused and leaves an audit entry for the owner
    that outlives the refused request's rollback."""
    public = _checked_public_key(grantee_id)
    if public is None:
        audit.record_after_response(
            "security.public_key_refused", subject=owner, actor=owner,
            detail={"grantee_id": grantee_id},
        )
        raise PublicKeyRefused
    return public


def _checked_public_key(grantee_id: int) -> bytes | None:
    bundle = KeyBundle.objects.only("public_key", "public_key_tag").get(user_id=grantee_id)
    public = bytes(bundle.public_key)
    if not integrity.verify("public-key", bytes(bundle.public_key_tag), grantee_id, public):
        return None
    return public


@dataclass(frozen=True)
class ShareResult:
    area: str
    grantee_id: int


def grant_area(vault: Vault, grantee: User, area: str,
               ends_at: datetime | None = None) -> ShareResult:
    """Share one of the vault owner's areas with another account (until `ends_at`, if set)."""
    if area not in areas.GRANTABLE:
        raise ValueError(f"{area!r} cannot be shared")
    if grantee.pk == vault.user.pk:
        raise ValueError("cannot share with yourself")
    grantee_public = public_key_of(grantee.pk, owner=vault.user)
    with transaction.atomic():
        # Taken for update: a rotation of this area waits, or runs first and this share
        # then carries the new key.
        vault.current_key(vault.user.pk, area)  # makes the area's key if it has none
        row = next(r for r in lock_area_keys(vault.user.pk) if r.area == area)
        key = vault.key_of_version(vault.user.pk, area, row.version)
        Grant.objects.update_or_create(
            owner_id=vault.user.pk,
            grantee=grantee,
            area=area,
            defaults={
                "key_version": row.version,
                "sealed_area_key": crypto.seal_to_public_key(grantee_public, key),
                "ends_at": ends_at,
            },
        )
        audit.record(
            "security.grant_added", subject=vault.user, actor=vault.user, detail={"area": area}
        )
    return ShareResult(area=area, grantee_id=grantee.pk)


def revoke_area(vault: Vault, grantee_id: int, area: str) -> None:
    """Stop sharing: the grant goes now, then the area key is rotated."""
    with transaction.atomic():
        deleted, _count = Grant.objects.filter(
            owner_id=vault.user.pk, grantee_id=grantee_id, area=area
        ).delete()
        if deleted:
            rotate_area_key(vault, area)
            audit.record(
                "security.grant_revoked", subject=vault.user, actor=vault.user, detail={"area": area}
            )


def rotate_area_key(vault: Vault, area: str) -> int:
    """Give an area a new key: re-seal its records and re-wrap it for remaining grantees.

    The area key's row is taken for update first, so writers (which hold it shared while
    they seal: Vault.sealing_key) either committed before and are re-sealed here, or wait
    and seal with the new key. The old key is kept as a retired version, so nothing sealed
    under it is ever lost. A record that does not open is skipped (left as it is, counted,
    logged for its owner, listed on the repair page) and never stops the rest. Returns the
    number skipped.
    """
    owner_id = vault.user.pk
    with transaction.atomic():
        row = next((r for r in lock_area_keys(owner_id) if r.area == area), None)
        if row is None:
            return 0
        old_key = vault.key_of_version(owner_id, area, row.version)
        RetiredAreaKey.objects.create(
            owner_id=owner_id, area=area, version=row.version, key_by_data_key=row.key_by_data_key
        )
        vault.remember_area_key(owner_id, area, old_key, row.version)
        new_key = crypto.new_key()
        row.version += 1
        row.key_by_data_key = crypto.seal(
            vault.data_key, new_key, area_key_aad(owner_id, area, row.version)
        )
        row.save(update_fields=["version", "key_by_data_key"])
        vault.remember_area_key(owner_id, area, new_key, row.version)
        skipped = _reseal_area(vault, area)
        for grant in Grant.objects.filter(owner_id=owner_id, area=area):
            public = _checked_public_key(grant.grantee_id)
            if public is None:
                # Never seal the new key to a key swapped in the database: that share ends
                # here instead (safe for the owner), and the owner's log says why.
                grant.delete()
                audit.record("security.public_key_refused", subject=vault.user,
                             actor=vault.user, detail={"grantee_id": grant.grantee_id})
                continue
            grant.sealed_area_key = crypto.seal_to_public_key(public, new_key)
            grant.key_version = row.version
            grant.save(update_fields=["sealed_area_key", "key_version"])
        if skipped:
            audit.record("vault.unreadable_skipped", subject=vault.user, actor=vault.user,
                         detail={"area": area, "count": skipped})
    return skipped


def _reseal_area(vault: Vault, area: str) -> int:
    skipped = 0
    for model in sealed_models():
        if model.seals_with_own_key():  # under a link key, not an area key
            continue
        narrowed = model.rows_in_area(area)
        if narrowed is None:
            continue
        names = [f.name for f in model.sealed_fields()]
        for record in model.objects.owned_by(vault).filter(narrowed).order_by("pk"):
            if record.get_sharing_area() != area:
                continue
            if not opens(record):  # left as it is, still under the key version it names
                skipped += 1
                continue
            record.reseal_all()
            record.save(update_fields=[*names, "updated_at"], bump_version=False)
    return skipped


def revoke_everything(vault: Vault) -> int:
    """Emergency reset, sharing half: end every grant and rotate every area key."""
    with transaction.atomic():
        count, _count = Grant.objects.filter(owner_id=vault.user.pk).delete()
        for row in lock_area_keys(vault.user.pk):
            rotate_area_key(vault, row.area)
    return count


def erase_keys_and_rows(user: User) -> uuid.UUID | None:
    """Delete every sealed row, grant, area key and the key bundle of a person.

    Call inside the deletion's transaction; returns the shred key id, which the caller
    destroys with `destroy_shred_key` only after that transaction has committed. Until
    then a failure rolls everything back and the person can still sign in; afterwards the
    rows are gone and destroying the key makes every older backup of them unreadable.
    """
    bundle = KeyBundle.objects.filter(user=user).only("shred_key_id").first()
    Grant.objects.filter(owner=user).delete()
    Grant.objects.filter(grantee=user).delete()
    for model in sealed_models():
        model.objects.filter(owner=user).delete()
    AreaKey.objects.filter(owner=user).delete()
    RetiredAreaKey.objects.filter(owner=user).delete()
    KeyBundle.objects.filter(user=user).delete()
    return bundle.shred_key_id if bundle is not None else None


def destroy_shred_key(shred_key_id: uuid.UUID) -> None:
    """Crypto-shred: without this key no copy of the person's wraps can ever be opened."""
    keystore.destroy(shred_key_id)


def rotate_data_key(user: User, unlocked: Unlocked, stretched: Stretched) -> tuple[bytes, str]:
    """Give the person a new data key: re-wrap area keys and the private key, new recovery code.

    Content is not re-encrypted: it is sealed under area keys, which are re-wrapped here.
    `stretched` is the (unchanged) passphrase, stretched before the transaction.
    """
    old_data_key = unlocked.data_key
    new_data_key = crypto.new_key()
    with transaction.atomic():
        bundle = _bundle_unchanged_since(user, unlocked.stamp)
        wrapped: list[AreaKey | RetiredAreaKey] = [*AreaKey.objects.select_for_update().filter(owner=user),
                   *RetiredAreaKey.objects.select_for_update().filter(owner=user)]
        for row in wrapped:
            aad = area_key_aad(user.pk, row.area, row.version)
            area_key = crypto.open_sealed(old_data_key, row.key_by_data_key, aad)
            row.key_by_data_key = crypto.seal(new_data_key, area_key, aad)
            row.save(update_fields=["key_by_data_key"])
        private = crypto.open_sealed(old_data_key, bundle.private_key_by_data_key, private_key_aad(user.pk))
        bundle.private_key_by_data_key = crypto.seal(new_data_key, private, private_key_aad(user.pk))
        verifier = _wrap_with_passphrase(bundle, new_data_key, stretched)
        code = _wrap_with_recovery_code(bundle, new_data_key)
        bundle.save()
        _save_verifier(user, verifier)
    return new_data_key, code
