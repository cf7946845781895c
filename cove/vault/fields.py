"""Sealed model fields: the one way feature code stores sensitive values.

A sealed field named `title` stores AES-256-GCM ciphertext in the column `title`
(attribute `title_sealed`) and exposes the plaintext as `instance.title`. The
ciphertext is bound by associated data to the model, field, row id and owner, so a
ciphertext copied into any other row or field fails to open. Values are JSON inside.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

from django.db import models

from cove.vault import crypto

_UNSET = object()
_json_decode = json.JSONDecoder().decode
T = TypeVar("T")


class VaultLocked(Exception):
    """A sealed value was read or written without an unlocked vault bound to the record."""


class SealedDescriptor:
    def __init__(self, field: SealedField) -> None:
        self.field = field

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        plain = instance.__dict__.get(self.field.plain_key, _UNSET)
        if plain is _UNSET:
            plain = self.field.decrypt_from(instance)
            instance.__dict__[self.field.plain_key] = plain
        return plain

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.field.plain_key] = self.field.coerce(value)
        instance.__dict__.setdefault("_sealed_dirty", set()).add(self.field.name)


class SealedField(models.BinaryField, Generic[T]):
    """Base sealed field; use one of the typed subclasses below.

    Generic in the value it holds, so type checkers see `step.title` as a `str` and
    `step.minutes` as an `int | None` (the attribute is a SealedDescriptor at run time;
    these signatures exist for the type checker only).
    """

    if TYPE_CHECKING:

        @overload  # type: ignore[override]
        def __get__(self, instance: None, owner: Any) -> Self: ...

        @overload
        def __get__(self, instance: models.Model, owner: Any) -> T: ...

        def __get__(self, instance: Any, owner: Any) -> Any: ...

        def __set__(self, instance: models.Model, value: T) -> None: ...

    python_types: tuple[type, ...] = (object,)

    def __init__(self, *args: Any, plain_default: Any = None,
                 pad_minimum: int = crypto.PAD_MINIMUM, **kwargs: Any) -> None:
        self.plain_default = plain_default
        self._aad_prefix: str | None = None
        # Values shorter than this all seal to one length. Raise it for a structured value
        # whose size depends on a choice (a questionnaire's result); not part of the
        # schema, so changing it needs no migration and applies from the next save.
        self.pad_minimum = pad_minimum
        kwargs.setdefault("editable", False)
        kwargs["default"] = b""
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("default", None)
        kwargs.pop("editable", None)
        if self.plain_default is not None:
            kwargs["plain_default"] = self.plain_default
        return name, path, args, kwargs

    def get_attname(self) -> str:
        return f"{self.name}_sealed"

    def get_attname_column(self) -> tuple[str, str]:
        return self.get_attname(), self.db_column or self.name

    def contribute_to_class(self, cls: Any, name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, name, SealedDescriptor(self))

    def set_attributes_from_name(self, name: str) -> None:
        super().set_attributes_from_name(name)
        # Where the opened value is kept on the record (read once per value opened).
        self.plain_key = f"_plain_{self.name}"

    def coerce(self, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, self.python_types) or (
            bool not in self.python_types and isinstance(value, bool) and int in self.python_types
        ):
            raise TypeError(f"{self.model.__name__}.{self.name} takes {self.python_types}, "
                            f"not {type(value).__name__}")
        return value

    def aad(self, instance: Any) -> bytes:
        pk, owner_id = instance.pk, instance.owner_id
        if pk is None or owner_id is None:
            raise VaultLocked("a sealed record needs its id and owner before sealing")
        prefix = self._aad_prefix
        if prefix is None:  # the model's label is known only once the class is made
            prefix = self._aad_prefix = f"cove/v1|{self.model._meta.label_lower}|{self.name}|"
        return f"{prefix}{pk}|{owner_id}".encode()

    def decrypt_from(self, instance: Any) -> Any:
        blob = getattr(instance, self.attname)
        if not blob:
            return self.plain_default
        # Sealed values are always UTF-8 JSON (encrypt_for): decoding it directly skips
        # json.loads' guessing of the encoding.
        return _json_decode(instance.open_value(bytes(blob), self.aad(instance)).decode())

    def encrypt_for(self, instance: Any, version: int, key: bytes) -> bytes:
        value = instance.__dict__.get(self.plain_key, self.plain_default)
        payload = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
        return crypto.seal_value(key, version, payload, self.aad(instance), self.pad_minimum)

    def pre_save(self, model_instance: Any, add: bool) -> Any:
        dirty = model_instance.__dict__.get("_sealed_dirty", set())
        version, key = model_instance.sealing_now()
        blob = getattr(model_instance, self.attname)
        # Sealed again when changed, and also when it was sealed by an older key version or
        # an older suite (unpadded): an edit never writes back a value under a retired key.
        if add or self.name in dirty or not blob or not crypto.value_is_current(blob, version):
            if self.plain_key not in model_instance.__dict__ and not add:
                # Never re-seal a default over a value that was simply not read.
                model_instance.__dict__[self.plain_key] = self.decrypt_from(model_instance)
            blob = self.encrypt_for(model_instance, version, key)
            setattr(model_instance, self.attname, blob)
            dirty.discard(self.name)
            return blob
        return blob


class SealedTextField(SealedField[str]):
    python_types = (str,)

    def __init__(self, *args: Any, plain_default: Any = "", **kwargs: Any) -> None:
        super().__init__(*args, plain_default=plain_default, **kwargs)

    def deconstruct(self) -> tuple[str, str, list[Any], dict[str, Any]]:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("plain_default") == "":
            kwargs.pop("plain_default")
        return name, path, args, kwargs


class SealedIntegerField(SealedField[int | None]):
    python_types = (int,)


class SealedBooleanField(SealedField[bool]):
    python_types = (bool,)


class SealedJSONField(SealedField[Any]):
    python_types = (dict, list, str, int, float, bool)
