"""Key material. Nothing here is readable without the person's passphrase or recovery code."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class KeyBundle(models.Model):
    """A person's wrapped data key, recovery wrap and sharing key pair."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="key_bundle"
    )
    # Names this person's key in the keystore (cove.vault.keystore); every wrap needs it.
    shred_key_id = models.UUIDField(unique=True)
    kdf_salt = models.BinaryField()
    kdf_memory_kib = models.PositiveIntegerField()
    kdf_iterations = models.PositiveSmallIntegerField()
    kdf_lanes = models.PositiveSmallIntegerField()
    data_key_by_passphrase = models.BinaryField()
    recovery_salt = models.BinaryField()
    data_key_by_recovery = models.BinaryField()
    public_key = models.BinaryField()
    # `cove.core.integrity.tag("public-key", user_id, public_key)`: made with a key kept
    # outside the database, so a public key swapped in the database is refused before any
    # area key is sealed to it (cove.vault.services.public_key_of).
    public_key_tag = models.BinaryField(default=b"")
    private_key_by_data_key = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)


class AreaKey(models.Model):
    """The key of one sharing area of one owner, wrapped by the owner's data key."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="area_keys"
    )
    area = models.CharField(max_length=32)
    version = models.PositiveIntegerField(default=1)
    key_by_data_key = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "area"], name="one_key_per_owner_area")
        ]


class RetiredAreaKey(models.Model):
    """An area key replaced by rotation, still wrapped by the owner's data key.

    Every sealed value names the key version that sealed it, so a value written while a
    rotation ran (or skipped by it) still opens for its owner; the next save or rotation
    seals it under the current key. A grantee never receives a retired key.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    area = models.CharField(max_length=32)
    version = models.PositiveIntegerField()
    key_by_data_key = models.BinaryField()
    retired_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "area", "version"], name="one_retired_key_per_version"
            )
        ]


class GrantQuerySet(models.QuerySet):
    def live(self) -> GrantQuerySet:
        """Grants in force now: not past the end the owner chose."""
        return self.filter(models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=timezone.now()))


class Grant(models.Model):
    """An owner's area shared with another account: the area key sealed to their public key."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants_given"
    )
    grantee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants_received"
    )
    area = models.CharField(max_length=32)
    key_version = models.PositiveIntegerField()
    sealed_area_key = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    # When the owner chose to let it end ("until a date"); None: until they stop it. A grant
    # past its end opens nothing (cove.vault.sharing checks it on every read).
    ends_at = models.DateTimeField(null=True, blank=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "grantee", "area"], name="one_grant_per_pair_area"
            )
        ]
