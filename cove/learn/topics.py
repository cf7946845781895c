"""Every Learn topic, in the order the library lists them."""

from __future__ import annotations

from cove.learn import partner, topics_body, topics_path
from cove.learn.model import Topic

TOPICS: tuple[Topic, ...] = (*topics_body.TOPICS, *topics_path.TOPICS, partner.PARTNER_GUIDE)
BY_SLUG: dict[str, Topic] = {topic.slug: topic for topic in TOPICS}
