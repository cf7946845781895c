"""Every API schema has a name of its own, so the OpenAPI document describes each operation.

django-ninja names a schema's OpenAPI component after its class; two different classes with
one name end up as a single component, and one of the operations is then documented with
the other's fields.
"""

from collections import defaultdict

from ninja import Schema

from cove.api import api


def _subclasses(cls: type[Schema]) -> list[type[Schema]]:
    found: list[type[Schema]] = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_no_two_different_schemas_share_a_name():
    api.get_openapi_schema()  # imports every router
    shapes: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for schema in _subclasses(Schema):
        if schema.__module__.startswith("cove."):
            shapes[schema.__name__].add(tuple(sorted(schema.model_fields)))
    clashes = {name: found for name, found in shapes.items() if len(found) > 1}
    assert clashes == {}


def test_no_two_choice_sets_share_a_name():
    """Choice classes become OpenAPI enum components by class name too."""
    from django.db import models

    from cove.core import choices

    api.get_openapi_schema()
    seen: dict[str, set[str]] = defaultdict(set)
    for base in (models.TextChoices, models.IntegerChoices):
        for cls in _subclasses(base):  # type: ignore[arg-type]
            if cls.__module__.startswith("cove."):
                seen[cls.__name__].add(cls.__module__)
    assert choices is not None
    assert {name: found for name, found in seen.items() if len(found) > 1} == {}
