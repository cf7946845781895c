"""The shape of a Learn topic: short sections in Cove's own words, as data."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise

Text = str | Promise


@dataclass(frozen=True)
class Section:
    heading: Text
    paragraphs: tuple[Text, ...] = ()
    items: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Link:
    """A link to somewhere else in Cove, by URL name (and slug), with the words to show."""

    label: Text
    url_name: str
    slug: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class Topic:
    slug: str
    title: Text
    summary: Text
    sections: tuple[Section, ...]
    # Shown before the text with a choice to read on or stop (principles.md: content that
    # mentions trauma carries a short note first and can be skipped).
    content_note: Text = ""
    links: tuple[Link, ...] = ()

    def blocks(self) -> list[str]:
        """Each piece a reader takes in at once, for the reading-grade test."""
        found = [f"{self.title}\n{self.summary}"]
        if self.content_note:
            found.append(str(self.content_note))
        for section in self.sections:
            found.append("\n".join([str(section.heading)] + [str(p) for p in section.paragraphs]
                                   + [str(i) for i in section.items]))
        return found
