"""SealedRecord: the base class for every model that holds a person's sensitive data.

Feature code writes:

    class JournalEntry(SealedRecord):
        sharing_area = areas.JOURNAL
        title = SealedTextField()
        body = SealedTextField()

and reads and writes only through a vault:

    entry = JournalEntry(vault=request.vault, title="…")
    entry.save()
    entries = JournalEntry.objects.owned_by(request.vault)
    entry = get_owned_or_404(JournalEntry, request.vault, pk)

A record without a bound vault cannot be sealed or opened (VaultLocked), so sensitive
plaintext cannot reach the database by accident.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.http import Http404

from cove.vault import areas, crypto
from cove.vault.fields import SealedField, VaultLocked
from cove.vault.keyring import NoAccess, Vault, hold_area_keys

if TYPE_CHECKING:
    from cove.accounts.models import User


class SealedFieldMisuse(TypeError):
    """A queryset operation that would read or write sealed columns as raw bytes, skipping
    the vault (docs/architecture.md, "Dangerous constructs")."""


def _sealed_names(model: Any) -> dict[str, str]:
    """Every name a sealed field answers to (its name and its column's attname) -> name."""
    names: dict[str, str] = {}
    for field in model._meta.concrete_fields:
        if isinstance(field, SealedField):
            names[field.name] = names[field.attname] = field.name
    return names


def _refuse_sealed(model: Any, operation: str, names: Iterable[str], advice: str) -> None:
    sealed = _sealed_names(model)
    hit = sorted({sealed[n.split("__")[0]] for n in names if n.split("__")[0] in sealed})
    if hit:
        raise SealedFieldMisuse(
            f"{operation} on sealed field(s) {', '.join(hit)} of {model.__name__} would "
            f"bypass the vault. {advice}"
        )


_LOAD_AND_SAVE = "Load the records through owned_by() and save() each one."


# The key version named by values a record seals under a key of its own (a link key),
# not under one of its owner's area keys.
OWN_KEY_VERSION = 0


class SealedQuerySet(models.QuerySet):
    """A queryset that hands its vault to every record it yields.

    Operations that would treat sealed columns as plain bytes are refused with
    SealedFieldMisuse: update(), bulk_update(), values() and values_list() naming a sealed
    field (or all fields). bulk_create() seals each record as save() would; only() and
    defer() load a deferred sealed value on first use, and it opens as usual.
    """

    _vault: Vault | None = None

    def update(self, **kwargs: Any) -> int:
        _refuse_sealed(self.model, "update()", kwargs, _LOAD_AND_SAVE)
        return super().update(**kwargs)

    def bulk_update(self, objs: Iterable[Any], fields: Iterable[str],
                    batch_size: int | None = None) -> int:
        fields = list(fields)
        _refuse_sealed(self.model, "bulk_update()", fields, _LOAD_AND_SAVE)
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def values(self, *fields: Any, **expressions: Any) -> Any:
        self._refuse_reading(fields or [f.name for f in self.model._meta.concrete_fields],
                             "values()")
        return super().values(*fields, **expressions)

    def values_list(self, *fields: Any, flat: bool = False, named: bool = False) -> Any:
        self._refuse_reading(fields or [f.name for f in self.model._meta.concrete_fields],
                             "values_list()")
        return super().values_list(*fields, flat=flat, named=named)

    def _refuse_reading(self, fields: Iterable[Any], operation: str) -> None:
        _refuse_sealed(self.model, operation, [f for f in fields if isinstance(f, str)],
                       "It would give ciphertext, not values: load records through "
                       "owned_by() and read the attributes.")

    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> list[Any]:
        """Seal each record as save() would (each needs its vault), with one key lookup per
        owner and area for the whole batch."""
        objs = list(objs)
        keys: dict[tuple[int, int, str], tuple[int, bytes]] = {}
        for obj in objs:
            if isinstance(obj, SealedRecord):
                vault = obj._require_vault()
                area = obj.get_sharing_area()
                if obj.seals_with_own_key():
                    obj._sealing = (OWN_KEY_VERSION, obj.sealing_key())
                    continue
                slot = (id(vault), obj.owner_id, area)
                if slot not in keys:
                    keys[slot] = vault.sealing_key(obj.owner_id, area)
                obj._sealing = keys[slot]
        try:
            return super().bulk_create(objs, *args, **kwargs)
        finally:
            for obj in objs:
                obj._sealing = None

    def _clone(self) -> Self:
        clone = super()._clone()  # type: ignore[misc]
        clone._vault = self._vault
        return clone

    def unlocked(self, vault: Vault) -> Self:
        clone = self._chain()  # type: ignore[attr-defined]
        clone._vault = vault
        return clone

    def owned_by(self, vault: Vault) -> Self:
        """Records of the vault's own person, ready to open."""
        return self.filter(owner_id=vault.user.pk).unlocked(vault)

    def _iterator(self, use_chunked_fetch: bool, chunk_size: int | None) -> Iterator[Any]:
        # .iterator() bypasses _fetch_all: bind the vault here too.
        for obj in super()._iterator(use_chunked_fetch, chunk_size):  # type: ignore[misc]
            if self._vault is not None and isinstance(obj, SealedRecord):
                obj._vault = self._vault
            yield obj

    def _fetch_all(self) -> None:
        super()._fetch_all()
        if self._vault is not None and self._result_cache:
            for obj in self._result_cache:
                if isinstance(obj, SealedRecord):
                    obj._vault = self._vault


SealedManager = models.Manager.from_queryset(SealedQuerySet)


class SealedRecord(models.Model):
    """Abstract base: a UUID id known before saving, an owner, timestamps, sealed fields."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saved edits. A change based on an older copy is refused with Conflict
    # (`get_owned_for_update(..., version=n)`), never written over the newer one.
    version = models.PositiveIntegerField(default=1)

    # Which sharing area the record's key comes from. Override get_sharing_area() when it
    # depends on the row (a journal entry marked shareable), and rows_in_area() with it.
    sharing_area: ClassVar[str] = areas.PRIVATE
    # Plain (unencrypted) fields beyond id/owner/timestamps/relations, each with a reason.
    # The vault test fails on any other plain field: see cove.vault.testing.
    plain_fields: ClassVar[dict[str, str]] = {}
    # Values that are machinery, not what the person wrote (a file's key, how many chunks
    # it fills): left out where a record is shown in words (cove.vault.readable: the
    # readable export, a clinician's page). The JSON export keeps every value.
    machinery_fields: ClassVar[frozenset[str]] = frozenset()

    objects = SealedManager()

    class Meta:
        abstract = True

    def __init__(self, *args: Any, vault: Vault | None = None, **kwargs: Any) -> None:
        if vault is not None and "owner" not in kwargs and "owner_id" not in kwargs and not args:
            kwargs["owner"] = vault.user
        super().__init__(*args, **kwargs)
        self._vault = vault

    def save(self, *args: Any, bump_version: bool = True, **kwargs: Any) -> None:
        """Seal and store. An edit of a stored row counts one more version, unless
        `bump_version=False` (re-sealing the same values under a new key changes nothing a
        person wrote, so it must not make their open copy look stale)."""
        if self._vault is None:
            raise VaultLocked(f"{type(self).__name__} has no vault bound")
        if not self._state.adding and bump_version:
            self.version = (self.version or 0) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version", "updated_at"}
        stored = getattr(self, "_stored_area", None)
        current = self.get_sharing_area()
        if stored is not None and stored != current:
            self.reseal_all()  # opened with the old area's key ...
            if kwargs.get("update_fields") is not None:
                names = {f.name for f in self.sealed_fields()}
                kwargs["update_fields"] = set(kwargs["update_fields"]) | names
        self._stored_area = None  # ... and sealed with the new one
        # The key version to seal with, read once for this save (and, in a transaction,
        # held against a concurrent rotation: see Vault.sealing_key).
        self._sealing: tuple[int, bytes] | None
        try:
            self._sealing = (
                (OWN_KEY_VERSION, self.sealing_key()) if self.seals_with_own_key()
                else self._vault.sealing_key(self.owner_id, current)
            )
        except NoAccess as exc:
            raise VaultLocked(f"no key for {current}") from exc
        try:
            super().save(*args, **kwargs)
        finally:
            self._sealing = None
        self._stored_area = current

    def refresh_from_db(self, using: str | None = None, fields: Any = None,
                        from_queryset: Any = None) -> None:
        """Reload from the database and forget opened values, so reading a sealed field
        afterwards opens what is stored now (never the plaintext from before)."""
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        sealed = _sealed_names(type(self))
        names = set(sealed.values()) if fields is None else {
            sealed[f] for f in fields if f in sealed}
        dirty = self.__dict__.get("_sealed_dirty", set())
        for name in names:
            self.__dict__.pop(f"_plain_{name}", None)
            dirty.discard(name)
        if fields is None:
            self._stored_area = self.get_sharing_area()

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> Self:  # type: ignore[override]
        instance = super().from_db(db, field_names, values)
        instance._vault = None
        # The area whose key sealed the stored values; save() re-seals if it changes.
        instance._stored_area = instance.get_sharing_area()
        return instance

    def bind(self, vault: Vault) -> Self:
        self._vault = vault
        return self

    def get_sharing_area(self) -> str:
        return self.sharing_area

    @classmethod
    def rows_in_area(cls, area: str) -> models.Q | None:
        """A filter for the rows that may belong to `area` (None: none can), so a reader
        fetches only those. It only narrows the query: `get_sharing_area()` still decides
        each row. A model that overrides get_sharing_area overrides this too, by the plain
        column that decides it; otherwise every row may be in any area."""
        if cls.get_sharing_area is not SealedRecord.get_sharing_area:
            return models.Q()
        return models.Q() if cls.sharing_area == area else None

    def in_words(self) -> list[tuple[str, Any]] | None:
        """Its values as (label, value) for reading (the readable export, a clinician's
        page), when its stored fields would not read well one by one (answers keyed by
        question); None reads each field. Only its dates are added from the fields."""
        return None

    def sound_url(self, shared_by: str | None = None) -> str | None:
        """Where this record's sound plays: for its owner (`shared_by` None) or for someone
        the owner `shared_by` shares it with. None for a record without sound."""
        return None

    def sealing_key(self) -> bytes:
        """The current key of this record's area (sealing goes through `sealing_now`).

        A subclass may override this to seal under a key of its own (a link key both people
        of a link hold): its values are then sealed and opened with that key only, name
        `OWN_KEY_VERSION`, and area rotation leaves them alone.
        """
        return self.sealing_now()[1]

    @classmethod
    def seals_with_own_key(cls) -> bool:
        """True for a subclass that overrides `sealing_key` (see there)."""
        return cls.sealing_key is not SealedRecord.sealing_key

    def sealing_now(self) -> tuple[int, bytes]:
        """(key version, key) for sealing this record's values now."""
        sealing = getattr(self, "_sealing", None)
        if sealing is not None:
            return sealing
        if self.seals_with_own_key():
            return OWN_KEY_VERSION, self.sealing_key()
        vault = self._require_vault()
        area = self.get_sharing_area()
        try:
            return vault.sealing_key(self.owner_id, area)
        except NoAccess as exc:
            raise VaultLocked(f"no key for {area}") from exc

    def open_value(self, blob: bytes, aad: bytes) -> bytes:
        """Open one stored value with the key version it names (suite 1 names none: the
        current key, then retired ones)."""
        if self.seals_with_own_key():
            return crypto.open_value(self.sealing_key(), blob, aad)
        vault = self._require_vault()
        area = getattr(self, "_stored_area", None) or self.get_sharing_area()
        try:
            version = crypto.value_key_version(blob)
            if version is not None:
                return crypto.open_value(vault.cipher_of_version(self.owner_id, area, version),
                                         blob, aad)
            try:
                return crypto.open_value(vault.key_for(self.owner_id, area), blob, aad)
            except crypto.VaultError:
                for older in vault.older_keys(self.owner_id, area):
                    with contextlib.suppress(crypto.VaultError):
                        return crypto.open_value(older, blob, aad)
                raise
        except NoAccess as exc:
            raise VaultLocked(f"no key for {area}") from exc

    def _require_vault(self) -> Vault:
        if self._vault is None:
            raise VaultLocked(f"{type(self).__name__} has no vault bound")
        return self._vault

    @classmethod
    def sealed_fields(cls) -> list[SealedField]:
        return [f for f in cls._meta.concrete_fields if isinstance(f, SealedField)]

    def plaintext(self) -> dict[str, Any]:
        """Every sealed value of this record, opened (for export and re-keying)."""
        return {f.name: getattr(self, f.name) for f in self.sealed_fields()}

    def reseal_all(self) -> None:
        """Open every sealed value now, so the next save seals all of them again."""
        for name, value in self.plaintext().items():
            setattr(self, name, value)


R = TypeVar("R", bound=SealedRecord)


def get_owned_or_404(model: type[R], vault: Vault, pk: Any) -> R:
    """The one access helper for a person's own record: someone else's gives the same 404."""
    try:
        record_id = uuid.UUID(str(pk))
    except ValueError:
        raise Http404 from None
    try:
        return model.objects.owned_by(vault).get(pk=record_id)
    except model.DoesNotExist:
        _refused(vault, model)
        raise Http404 from None


def _refused(vault: Vault, model: type[SealedRecord]) -> None:
    """Someone else's id and an id of nobody's get the same answer after the same work:
    the refusal is logged in both cases, after the answer is sent (cove.audit.deferred).
    Checking which case it was, or logging only one, made someone else's id measurably
    slower (issue 11, finding 13)."""
    from cove.audit.services import record_denied_access

    record_denied_access(vault.user, model._meta.label_lower)


def get_owned_for_update(
    model: type[R],
    vault: Vault,
    pk: Any,
    *,
    version: int | None = None,
    yours: dict[str, Any] | None = None,
) -> R:
    """Load one's own record to change it: the one way an edit starts.

    The row stays locked until the transaction ends (PostgreSQL row lock; SQLite's write
    transaction already excludes other writers), so two edits at once queue instead of one
    silently undoing the other. `version` is the version the person's copy was based on
    (a hidden form field, the API's `version`); if the record has moved on since, this
    raises `Conflict` carrying what is stored now and `yours` (what they tried to save).
    Someone else's id gives the same 404 as a missing one.
    """
    from cove.core.errors import Conflict

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("get_owned_for_update() must run inside transaction.atomic()")
    try:
        record_id = uuid.UUID(str(pk))
    except ValueError:
        raise Http404 from None
    hold_area_keys(vault.user.pk)  # area keys before the record, as a rotation locks them
    try:
        record = model.objects.select_for_update().owned_by(vault).get(pk=record_id)
    except model.DoesNotExist:
        _refused(vault, model)
        raise Http404 from None
    if version is not None and version != record.version:
        raise Conflict(current=record.plaintext(), yours=yours or {}, version=record.version)
    return record


def sealed_models() -> Iterator[type[SealedRecord]]:
    for model in apps.get_models():
        if issubclass(model, SealedRecord):
            yield model


def records_of(user: User, vault: Vault) -> Iterator[SealedRecord]:
    for model in sealed_models():
        yield from model.objects.owned_by(vault).order_by("created_at")
