"""Accounts: a username and a passphrase, nothing more is required."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Shorter limits a person may choose; the site's COVE_IDLE_TIMEOUT_MINUTES is the default
# and the longest (cove.accounts.presence.idle_choices).
IDLE_TIMEOUT_MINUTES = (15, 10, 5, 2)

username_validator = RegexValidator(
    r"^[A-Za-z0-9_.-]{3,40}$",
    _("Use 3 to 40 letters, numbers, dots, dashes or underscores."),
)


def username_key(username: str) -> str:
    """The form a username is stored and compared in: "Sam" and "sam" are one account."""
    return username.casefold()


class UserManager(BaseUserManager["User"]):
    def find(self, username: str | None) -> User | None:
        """The one lookup by username: case-insensitive, and safe for any text on any engine.

        Text no username can be (too long, or with a NUL byte, which PostgreSQL refuses to
        compare) finds nobody, the same answer as an unknown name.
        """
        if not username or len(username) > 40 or "\x00" in username:
            return None
        return self.filter(username_key=username_key(username)).first()

    def get_by_natural_key(self, username: str | None) -> User:
        found = self.find(username)
        if found is None:
            raise self.model.DoesNotExist
        return found


class User(AbstractBaseUser):
    """A person with a Cove account: survivor, partner or clinician."""

    username = models.CharField(max_length=40, validators=[username_validator])
    # The case-folded username is the unique login name, so "Sam" and "sam" are one account.
    username_key = models.CharField(max_length=40, unique=True)
    email = models.EmailField(blank=True)
    is_active = models.BooleanField(default=True)
    # Clinicians get the caseload views of the clinician issue; set by the operator.
    is_clinician = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # None: the site's default (COVE_IDLE_TIMEOUT_MINUTES). A chosen value only ever
    # shortens it; see cove.accounts.presence.idle_limit_seconds.
    idle_timeout_minutes = models.PositiveSmallIntegerField(null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "username_key"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.username_key = username_key(self.username)
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.username


class UserSession(models.Model):
    """What a person sees on their sessions page: when and roughly from what device."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    device = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)


class SignInThrottle(models.Model):
    """Failed sign-ins for one account name or one network address (stored hashed)."""

    key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    next_allowed_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)


class PendingShred(models.Model):
    """A deleted account's shred key that is still to be destroyed.

    Deletion removes every row in one transaction and writes this row in the same one; the
    key is destroyed after the commit and this row removed. If the process stops between
    the two, the next start or sign-in attempt finishes it (cove.accounts.deletion).
    """

    shred_key_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
