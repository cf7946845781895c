from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cove.core.navigation import NavItem


class BoundariesConfig(AppConfig):
    name = "cove.boundaries"
    label = "boundaries"
    verbose_name = _("Boundaries")
    cove_nav = [
        NavItem(
            label=_("Boundaries"),
            url_name="boundaries:index",
            description=_("Your yes, maybe, not now and no, in your own time. "
                          "Plus a comfort list and words for asking and saying no."),
            order=30,
        )
    ]

    def export_label(self, key: str) -> str | None:
        """Words for a catalogue key in the readable export (cove/vault/readable.py)."""
        from cove.boundaries import catalogue

        item = catalogue.ITEM_BY_KEY.get(key) or catalogue.WISH_BY_KEY.get(key)
        if item is not None:
            return str(item.title)
        phrase = catalogue.PHRASE_BY_KEY.get(key)
        if phrase is not None:
            return str(phrase.text)
        category = catalogue.CATEGORY_BY_SLUG.get(key)
        if category is not None:
            return str(category.title)
        label = catalogue.STATE_LABELS.get(key) or catalogue.ZONE_LABELS.get(key)
        return str(label) if label else None
