"""Cove's starter catalogue: boundary items, wishes and consent phrases, as data.

The text here is public and the same for everyone, so it lives in code (and goes through
i18n). What a person *answers* about an item is private and is sealed in the database;
even which item an answer belongs to is sealed (see models.py).

All wording is written for Cove. Keys never change once shipped: answers refer to them.
Category slugs appear in URLs, so they are neutral words on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cove.boundaries.choices import BoundaryState, ReviewCadence, WishAnswer, Zone
from cove.boundaries.choices import Category as CategoryChoice
from cove.boundaries.choices import Moment as MomentChoice


@dataclass(frozen=True)
class Category:
    slug: str
    title: str | Promise
    description: str | Promise


@dataclass(frozen=True)
class Item:
    key: str
    category: str
    title: str | Promise


# Titles come from choices.Category (declared once); descriptions live here.
_DESCRIPTIONS = {
    CategoryChoice.TALK:
        _("Sharing feelings, being listened to, talking about the past or the future."),
    CategoryChoice.TOUCH:
        _("Kinds of touch that are not sexual: hugs, holding hands, sitting close."),
    CategoryChoice.AREAS: _("Parts of the body, for touch that is not sexual."),
    CategoryChoice.GENTLE: _("Slow, tender touch such as massage, kissing and stroking."),
    CategoryChoice.MORE: _("Sexual kinds of closeness. Skip this part if you like."),
    CategoryChoice.WORDS: _("Names you like or don't like, and how people talk to you."),
    CategoryChoice.SETTING: _("Light, time, place, sound and what you wear."),
    CategoryChoice.START: _("Who asks, how they ask, and what helps you feel free to say no."),
    CategoryChoice.AFTER: _("What helps after closeness of any kind."),
}
CATEGORIES: tuple[Category, ...] = tuple(
    Category(str(c.value), c.label, _DESCRIPTIONS[c]) for c in CategoryChoice
)

CATEGORY_BY_SLUG = {c.slug: c for c in CATEGORIES}

ITEMS: tuple[Item, ...] = (
    # Closeness and talk
    Item("talk.feelings", "talk", _("Talking about how I feel")),
    Item("talk.their_feelings", "talk", _("Hearing how the other person feels")),
    Item("talk.past", "talk", _("Talking about my past")),
    Item("talk.hard_memory", "talk", _("Being asked about hard memories")),
    Item("talk.future", "talk", _("Making plans for the future together")),
    Item("talk.eye_contact", "talk", _("Eye contact while we talk")),
    Item("talk.silence", "talk", _("Quiet time together without talking")),
    Item("talk.advice", "talk", _("Getting advice when I share something")),
    Item("talk.just_listen", "talk", _("Someone just listening, no advice")),
    # Everyday touch
    Item("touch.hold_hands", "touch", _("Holding hands")),
    Item("touch.hug_front", "touch", _("Hugs from the front")),
    Item("touch.hug_behind", "touch", _("Hugs from behind")),
    Item("touch.long_hug", "touch", _("Long hugs")),
    Item("touch.sit_close", "touch", _("Sitting close, side by side")),
    Item("touch.lie_side", "touch", _("Lying side by side")),
    Item("touch.cuddle", "touch", _("Cuddling on the sofa or in bed")),
    Item("touch.sleep_same_bed", "touch", _("Sleeping in the same bed")),
    Item("touch.surprise", "touch", _("Touch I did not see coming")),
    Item("touch.public", "touch", _("Touch when other people are around")),
    # Where touch feels okay
    Item("areas.hands", "areas", _("Hands")),
    Item("areas.arms", "areas", _("Arms")),
    Item("areas.shoulders", "areas", _("Shoulders")),
    Item("areas.back", "areas", _("Back")),
    Item("areas.hair", "areas", _("Hair and head")),
    Item("areas.face", "areas", _("Face")),
    Item("areas.neck", "areas", _("Neck")),
    Item("areas.feet", "areas", _("Feet")),
    Item("areas.legs", "areas", _("Legs")),
    Item("areas.belly", "areas", _("Belly")),
    # Sensual touch
    Item("gentle.massage_clothed", "gentle", _("Massage with clothes on")),
    Item("gentle.massage_skin", "gentle", _("Massage on bare skin")),
    Item("gentle.kiss_cheek", "gentle", _("Kisses on the cheek or forehead")),
    Item("gentle.kiss_lips", "gentle", _("Kissing on the lips")),
    Item("gentle.kiss_deep", "gentle", _("Deep kissing")),
    Item("gentle.stroke", "gentle", _("Slow stroking of skin")),
    Item("gentle.bath", "gentle", _("Bathing or showering together")),
    Item("gentle.undress_self", "gentle", _("Undressing myself while someone is there")),
    Item("gentle.undressed_by", "gentle", _("Being undressed by someone")),
    Item("gentle.see_body", "gentle", _("Someone seeing my body")),
    # Sexual activities
    Item("more.touch_chest", "more", _("Touching of the chest or breasts")),
    Item("more.touch_genitals_me", "more", _("Someone touching my genitals")),
    Item("more.touch_genitals_them", "more", _("Me touching someone else's genitals")),
    Item("more.self_touch_together", "more", _("Touching myself while someone is with me")),
    Item("more.oral_give", "more", _("Giving oral sex")),
    Item("more.oral_receive", "more", _("Receiving oral sex")),
    Item("more.penetration_me", "more",
         _("Penetration of my body (with fingers, a toy or a penis)")),
    Item("more.penetration_them", "more", _("Penetrating someone else's body")),
    Item("more.toys", "more", _("Using toys")),
    Item("more.positions_on_top", "more", _("Positions where I am on top or in control")),
    Item("more.positions_under", "more", _("Positions where I am underneath")),
    Item("more.lights_on", "more", _("Sexual closeness with the lights on")),
    # Words
    Item("words.my_name", "words", _("Being called by my name")),
    Item("words.pet_names", "words", _("Pet names like “love” or “babe”")),
    Item("words.told_what", "words", _("Being told what is about to happen")),
    Item("words.check_ins", "words", _("Being asked how I am doing, during")),
    Item("words.praise", "words", _("Hearing kind words about my body")),
    Item("words.dirty_talk", "words", _("Sexual or explicit talk")),
    Item("words.quiet", "words", _("Quiet, with few words")),
    Item("words.body_names", "words", _("The words used for my body parts")),
    # Setting
    Item("setting.light_on", "setting", _("Lights on")),
    Item("setting.dim", "setting", _("Soft or dim light")),
    Item("setting.dark", "setting", _("Full dark")),
    Item("setting.daytime", "setting", _("Daytime")),
    Item("setting.night", "setting", _("Late at night")),
    Item("setting.my_place", "setting", _("At my place")),
    Item("setting.their_place", "setting", _("At someone else's place")),
    Item("setting.door_open", "setting", _("The door open or unlocked")),
    Item("setting.door_closed", "setting", _("The door closed")),
    Item("setting.music", "setting", _("Music playing")),
    Item("setting.clothes_on", "setting", _("Keeping some clothes on")),
    Item("setting.after_alcohol", "setting", _("After drinking alcohol")),
    # How things start
    Item("start.asked_first", "start", _("Being asked first, every time")),
    Item("start.i_start", "start", _("Me being the one who starts")),
    Item("start.they_start", "start", _("The other person starting")),
    Item("start.plan_ahead", "start", _("Planning closeness ahead of time")),
    Item("start.spontaneous", "start", _("Closeness that happens without a plan")),
    Item("start.woken", "start", _("Being woken up with touch")),
    Item("start.signal", "start", _("Using a sign or word we agreed on")),
    Item("start.no_reason", "start", _("Saying no without giving a reason")),
    # Afterwards
    Item("after.hold", "after", _("Being held afterwards")),
    Item("after.space", "after", _("Some space alone afterwards")),
    Item("after.talk", "after", _("Talking about how it went")),
    Item("after.no_talk", "after", _("Not talking about it straight away")),
    Item("after.drink_snack", "after", _("A drink or a snack")),
    Item("after.blanket", "after", _("A blanket, a shower or getting dressed")),
    Item("after.reassure", "after", _("Hearing that I did nothing wrong")),
    Item("after.check_next_day", "after", _("A check-in the next day")),
)

ITEM_BY_KEY = {i.key: i for i in ITEMS}
# A neutral number per item for page anchors, which end up in the browser's history.
ITEM_NUMBER = {i.key: n for n, i in enumerate(ITEMS, start=1)}


def items_in(category: str) -> list[Item]:
    return [i for i in ITEMS if i.category == category]


# Boundary states (choices.BoundaryState). The order is the order shown; "" is "not
# answered yet".
YES, MAYBE, NOT_NOW, NO = (BoundaryState.YES.value, BoundaryState.MAYBE.value,
                           BoundaryState.NOT_NOW.value, BoundaryState.NO.value)
STATES = (YES, MAYBE, NOT_NOW, NO)
STATE_LABELS = {str(value): label for value, label in BoundaryState.choices}


# Situations map zones (choices.Zone).
MANAGEABLE, NEEDS_PLAN, AVOID = Zone.MANAGEABLE.value, Zone.NEEDS_PLAN.value, Zone.AVOID.value
ZONES = (MANAGEABLE, NEEDS_PLAN, AVOID)
ZONE_LABELS = {str(value): label for value, label in Zone.choices}


# Wishes and curiosities: answers and a few ideas to start from. Shared keys are what
# lets two people's answers be matched later (see matching.mutual_reveal).
WISH_ANSWERS = tuple(str(a.value) for a in WishAnswer if a.value)
WISH_LABELS = {str(value): label for value, label in WishAnswer.choices}


@dataclass(frozen=True)
class Wish:
    key: str
    title: str | Promise


WISHES: tuple[Wish, ...] = (
    Wish("wish.slow_evening", _("A slow evening with no plan and no pressure")),
    Wish("wish.massage_turns", _("Taking turns giving a massage")),
    Wish("wish.bath_together", _("A bath or shower together")),
    Wish("wish.dance", _("Dancing together at home")),
    Wish("wish.read_aloud", _("Reading to each other in bed")),
    Wish("wish.nap", _("Napping together in the afternoon")),
    Wish("wish.touch_guided", _("Guiding someone's hand to show what I like")),
    Wish("wish.sensory", _("Exploring textures: feathers, silk, warm oil")),
    Wish("wish.blindfold", _("Wearing a blindfold, with a way to stop at any time")),
    Wish("wish.take_lead", _("Taking the lead for a while")),
    Wish("wish.be_led", _("Letting someone else lead for a while")),
    Wish("wish.talk_fantasies", _("Talking about fantasies without acting on them")),
    Wish("wish.toys_shop", _("Looking at toys together")),
    Wish("wish.lingerie", _("Wearing something that makes me feel good")),
    Wish("wish.new_place", _("Closeness somewhere new, like a trip away")),
    Wish("wish.morning", _("Slow closeness in the morning")),
    Wish("wish.mirror", _("Looking at myself kindly in a mirror")),
    Wish("wish.solo_time", _("Time alone to explore my own body")),
)

WISH_BY_KEY = {w.key: w for w in WISHES}


# Consent phrases. Moments appear in URLs (rehearse), so they are neutral words.
@dataclass(frozen=True)
class Moment:
    slug: str
    title: str | Promise


MOMENTS: tuple[Moment, ...] = tuple(Moment(str(m.value), m.label) for m in MomentChoice)

MOMENT_BY_SLUG = {m.slug: m for m in MOMENTS}


@dataclass(frozen=True)
class Phrase:
    key: str
    moment: str
    text: str | Promise


PHRASES: tuple[Phrase, ...] = (
    Phrase("p.ask.hug", "asking", _("Would you like a hug?")),
    Phrase("p.ask.sit", "asking", _("Can I sit next to you?")),
    Phrase("p.ask.what", "asking", _("What would feel good to you right now?")),
    Phrase("p.ask.kiss", "asking", _("May I kiss you?")),
    Phrase("p.offer.hand", "offering", _("I'd like to hold your hand, if you want to.")),
    Phrase("p.offer.here", "offering", _("I'm here if you want to be close. No rush.")),
    Phrase("p.offer.other", "offering",
           _("We could also just sit together. Either is fine with me.")),
    Phrase("p.before.feel", "before_check", _("How are you feeling about this today?")),
    Phrase("p.before.safe", "before_check", _("Do you feel safe and want this right now?")),
    Phrase("p.before.stopword", "before_check", _("Shall we go over our stop word first?")),
    Phrase("p.before.me", "before_check", _("I want this, and I'll tell you if that changes.")),
    Phrase("p.during.ok", "during_check", _("Is this still okay?")),
    Phrase("p.during.more", "during_check", _("Do you want more, less, or the same?")),
    Phrase("p.during.me_ok", "during_check", _("I'm okay. I'm still here with you.")),
    Phrase("p.slow.slower", "slowing", _("Can we go slower?")),
    Phrase("p.slow.lighter", "slowing", _("Lighter, please.")),
    Phrase("p.slow.stay", "slowing", _("Can we stay here for a bit?")),
    Phrase("p.pause.pause", "pausing", _("I need a pause.")),
    Phrase("p.pause.breathe", "pausing", _("Let's stop and breathe for a minute.")),
    Phrase("p.pause.hold", "pausing", _("Can you just hold me for a moment?")),
    Phrase("p.stop.stop", "stopping", _("Stop, please.")),
    Phrase("p.stop.done", "stopping", _("I'm done for today.")),
    Phrase("p.stop.thanks", "stopping", _("Thank you for stopping. I feel safe with you.")),
    Phrase("p.stop.heard", "stopping", _("Okay, stopping now. You're safe.")),
    Phrase("p.debrief.liked", "debrief", _("What did you like about that?")),
    Phrase("p.debrief.change", "debrief",
           _("Is there anything you'd like to be different next time?")),
    Phrase("p.debrief.mine", "debrief", _("This part felt good for me. This part was harder.")),
    Phrase("p.reassure.nothing_wrong", "reassure", _("You did nothing wrong.")),
    Phrase("p.reassure.glad", "reassure", _("I'm glad you told me what you needed.")),
    Phrase("p.reassure.pace", "reassure", _("We can go at your pace. Always.")),
    Phrase("p.no.plain", "no", _("No, thank you.")),
    Phrase("p.no.not_that", "no", _("Not that, but I'd like this instead.")),
    Phrase("p.no.no_reason", "no", _("No. I don't need to explain why.")),
    Phrase("p.no.still_care", "no", _("No, and I still care about you.")),
    Phrase("p.not_today.plain", "not_today", _("Not today.")),
    Phrase("p.not_today.tired", "not_today", _("Not today. Can we just be close another way?")),
    Phrase("p.not_today.later", "not_today", _("Not today. I'll tell you when I feel ready.")),
    Phrase("p.not_today.ok", "not_today", _("That's okay. Thank you for telling me.")),
)

PHRASE_BY_KEY = {p.key: p for p in PHRASES}


# Comfort list: kept short on purpose.
COMFORT_LIMIT = 5
COMFORT_IDEAS = (
    _("Making me a cup of tea"),
    _("Sitting with me in silence"),
    _("A hand on my shoulder"),
    _("Asking how my day was, and listening"),
    _("Wrapping me in a blanket"),
)

# Review cadence choices, in days (choices.ReviewCadence). 0 means "never ask me".
REVIEW_CHOICES = tuple((int(days), label) for days, label in ReviewCadence.choices)
REVIEW_DAYS = tuple(days for days, _label in REVIEW_CHOICES)
