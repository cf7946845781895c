
"""The partner guide (issue 13 item 7), readable without an account, in Cove's own words.

It covers what the partners issue lists: signs of overwhelm (breath, posture, going still
or quiet), how to answer a pause, what not to say, aftercare, supporting without pressure,
looking after yourself, and when to seek couples help, with the plain note that couples
work is not advised where there is abuse and a link to the domestic-violence lines
(docs/clinical.md, "Partners").
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cove.learn.model import Link, Section, Topic

PARTNER_GUIDE = Topic(
    slug="partners",
    title=_("A guide for partners"),
    summary=_("How to support someone you love without pressure, and how to look after "
              "yourself too."),
    sections=(
        Section(_("Signs of overwhelm"), (
            _("Your partner may not say when things are too much. Watch for changes like "
              "these, and gently check in."),
        ), (
            _("Breath: fast and shallow, or held."),
            _("Posture: tense shoulders, a body turned away, or curling up."),
            _("Going still or quiet, a blank look, or seeming far away."),
            _("Flinching, or a sudden change in voice or mood."),
        )),
        Section(_("How to answer a pause"), (
            _("When your partner pauses, or uses their stop word or signal, stop at once. Do "
              "not ask why, and do not try to keep going. Move back a little and follow the "
              "plan you agreed on: space, quiet company, a blanket or a glass of water."),
            _("A stop is a sign of trust, not a rejection of you."),
        )),
        Section(_("What not to say"), (
            _("Try to leave out words that blame, push, or turn the moment toward you. "
              "Instead you could say: “Thank you for telling me.” “You are safe. I am here.” "
              "“We can stop. There is no rush.”"),
        ), (
            _("Blame, like “You are overreacting.”"),
            _("Pushing, like “Just try a little more.”"),
            _("Your own upset in that moment, like “I am so let down.”"),
            _("Questions about the past that they have not chosen to share."),
        )),
        Section(_("Aftercare"), (
            _("Aftercare is the care you give after closeness or after a hard moment. Ask what "
              "helps: a hug, space, a warm drink, quiet, or kind words. Later, a gentle talk "
              "about what felt good and what did not can help you both. Let your partner "
              "lead it."),
        )),
        Section(_("Support without pressure"), (
            _("Let your partner set the pace. Do not keep count of steps or time. Celebrate "
              "small wins together, like a hug that felt good. A list of things you are both "
              "grateful for can help you notice what is going well."),
        )),
        Section(_("Look after yourself too"), (
            _("Supporting someone through trauma can be hard. At times you may feel sad, "
              "helpless or left out. Those feelings are okay. Talk to a friend, a support "
              "group or your own therapist. You do not have to carry this alone."),
        )),
        Section(_("When to seek couples help"), (
            _("If talks keep getting stuck, or you both feel far apart, a couples therapist "
              "who knows trauma can help."),
            _("Couples work is not advised where there is abuse. If anyone in the "
              "relationship hurts, controls or frightens the other, please call a domestic "
              "abuse line instead. They can talk it through safely and in private."),
        )),
    ),
    links=(
        Link(_("Support lines if someone at home is hurting you"), "help:index",
             anchor="topic-domestic_violence"),
        Link(_("Arousal is not consent"), "learn:topic", "your-say"),
        Link(_("Your window of tolerance"), "learn:topic", "window"),
    ),
)
