"""Re-link the audit log under the integrity key, after checking its old unkeyed chain.

Walks the events in order while their plain SHA-256 chain holds and gives each one a keyed
link instead. At the first event that does not follow (a log changed before this upgrade),
it stops: that event and every one after keep their old hashes, so `cove audit verify`
keeps reporting the break there instead of this migration hiding it.

The payload and hash rules are copied here (not imported from cove.audit.services) so this
migration keeps doing what it did when the rules change later; the keyed tag comes from
cove.core.integrity, whose key lives outside the database.
"""

import hashlib
import json

from django.db import migrations

GENESIS = "0" * 64


def _payload(event):
    fields = {
        "subject_id": event.subject_id,
        "actor_id": event.actor_id,
        "kind": event.kind,
        "detail": event.detail,
        "created_at": event.created_at.isoformat(),
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)


def key_the_chain(apps, schema_editor):
    from cove.core import integrity

    AuditEvent = apps.get_model("audit", "AuditEvent")
    prev_plain = prev_keyed = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        payload = _payload(event)
        plain = hashlib.sha256((prev_plain + payload).encode()).hexdigest()
        if event.prev_hash != prev_plain or event.hash != plain:
            break
        keyed = integrity.tag("audit", prev_keyed, payload).hex()
        AuditEvent.objects.filter(pk=event.pk).update(prev_hash=prev_keyed, hash=keyed)
        prev_plain, prev_keyed = plain, keyed


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(key_the_chain, migrations.RunPython.noop)]
