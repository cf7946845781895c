"""Let the idle limit follow the site's default unless a person chose a shorter one."""

from django.db import migrations, models


def forget_the_old_default(apps, schema_editor):
    # 15 was the fixed default, so nobody could tell it apart from a choice: from now on it
    # means "the site's default" (COVE_IDLE_TIMEOUT_MINUTES, 15 unless the operator says).
    User = apps.get_model("accounts", "User")
    User.objects.filter(idle_timeout_minutes=15).update(idle_timeout_minutes=None)


def restore_the_old_default(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(idle_timeout_minutes__isnull=True).update(idle_timeout_minutes=15)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="idle_timeout_minutes",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(forget_the_old_default, restore_the_old_default),
    ]
