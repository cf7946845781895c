
"""Learn topics about the body and feelings, in Cove's own words.

What they teach follows the team's clinical brief (docs/clinical.md, "What the source
articles teach"): trauma can live in the body as body memory; fight, flight, freeze and fawn
are protective; arousal is not consent and never an obligation; arousal and anxiety can
feel alike; the window of tolerance (Siegel 1999).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cove.learn.model import Link, Section, Topic

BODY = Topic(
    slug="body",
    title=_("How trauma can live in the body"),
    summary=_("Why a touch, a smell or a sound can set off old alarms, and why that makes "
              "sense."),
    content_note=_("This topic talks about how trauma can show up in the body. It does not "
                   "describe any harm."),
    sections=(
        Section(_("Your body remembers"), (
            _("After something scary, your body can hold on to it, not just your mind. A "
              "touch, a smell, a sound or a place can bring the old feelings back. This is "
              "called body memory. It can happen even when you are safe, with someone you "
              "trust."),
            _("It is not a sign that something is wrong with you. It is your body trying to "
              "keep you safe."),
        )),
        Section(_("Fight, flight, freeze and fawn"), (
            _("When your body senses danger, it acts fast, before you have time to think. "
              "It may get ready to fight or to run. It may go still, or try to please the "
              "other person so the danger will pass."),
        ), (
            _("Fight: anger, a tight jaw, a wish to push away."),
            _("Flight: a racing heart, a wish to leave the room."),
            _("Freeze: going still, quiet or numb, or feeling far away."),
            _("Fawn: saying yes to keep the peace, or smiling when you feel scared."),
        )),
        Section(_("These were ways to stay safe"), (
            _("Tension, numbness, pain and feeling far away are ways your body once kept you "
              "safe. They are not signs that you are broken. With time and care, your body "
              "can learn that now is not then."),
        )),
        Section(_("What can help"), (
            _("Go slowly. Notice what your body tells you, and try not to judge it. Grounding "
              "can help you come back to the here and now. A therapist who knows trauma can "
              "help too."),
        )),
    ),
    links=(
        Link(_("Grounding and breathing exercises"), "grounding:index"),
        Link(_("Your window of tolerance"), "learn:topic", "window"),
        Link(_("Feeling far away, and coming back"), "learn:topic", "coming-back"),
    ),
)

DISSOCIATION = Topic(
    slug="coming-back",
    title=_("Feeling far away, and coming back"),
    summary=_("What it means to feel numb or far away, and gentle ways to come back to now."),
    content_note=_("This topic talks about feeling cut off from your body during closeness. "
                   "You can stop at any time."),
    sections=(
        Section(_("What it can feel like"), (
            _("Sometimes part of you steps away from what is going on. Doctors call this "
              "dissociation. You might feel numb, foggy or far away. The room might seem "
              "unreal. You might lose track of time, or feel like you are watching yourself "
              "from outside."),
            _("Many people who have lived through trauma know this feeling. It often began "
              "as a way to get through something that was too much."),
        )),
        Section(_("Why it can happen during closeness"), (
            _("Touch and closeness can remind your body of the past, even when you are safe "
              "now. Your mind may step away to protect you. This is not your fault."),
        )),
        Section(_("Ways to come back"), items=(
            _("Pause. You can stop at any time, and say so in any way you can."),
            _("Look around and name five things you can see."),
            _("Press your feet into the floor. Feel the ground under you."),
            _("Hold something with a clear feel: cold, warm, rough or smooth."),
            _("Say where you are, what day it is, and that you are safe now."),
            _("Breathe out slowly, a little longer than you breathe in."),
        )),
        Section(_("Afterwards"), (
            _("Be gentle with yourself. It can help to rest, drink some water, or write a few "
              "words about what happened. If it happens often, a therapist who knows trauma "
              "can help you find what works for you."),
        )),
    ),
    links=(
        Link(_("5-4-3-2-1: notice what is around you"), "grounding:exercise", "senses"),
        Link(_("Slow, steady breathing"), "grounding:exercise", "paced"),
    ),
)

AROUSAL_NOT_CONSENT = Topic(
    slug="your-say",
    title=_("Arousal is not consent"),
    summary=_("Your body can react without your say. That never means yes, and it never "
              "means you owe anyone anything."),
    content_note=_("This topic talks about bodies reacting during sex that was not wanted. "
                   "Read it only if and when you want to."),
    sections=(
        Section(_("Bodies react on their own"), (
            _("Getting wet, getting hard or other signs of arousal can happen without your "
              "choice. They can happen when you are scared, or when you do not want what is "
              "going on. They are reflexes, like a knee jerk. They are not a message from "
              "you."),
        )),
        Section(_("It never means you wanted it"), (
            _("Many survivors feel shame because their body reacted during abuse. That does "
              "not mean you wanted it, liked it or asked for it. Only a clear and free yes is "
              "consent. What happened was not your fault."),
        )),
        Section(_("Arousal is not a promise"), (
            _("Feeling turned on does not mean you owe anyone anything. You can feel aroused "
              "and still say no, wait, or stop. You can change your mind at any moment, even "
              "in the middle of being close."),
        )),
        Section(_("If this stirs up feelings"), (
            _("It is common to feel mixed up, angry or sad when you read this. You could talk "
              "it over with a therapist, or call a support line."),
        )),
    ),
    links=(
        Link(_("Support lines after sexual violence"), "help:index", anchor="topic-sexual_violence"),
        Link(_("Is it arousal or fear?"), "learn:topic", "racing-heart"),
    ),
)

AROUSAL_OR_ANXIETY = Topic(
    slug="racing-heart",
    title=_("Is it arousal or fear?"),
    summary=_("Both can make your heart race. Learning to tell them apart takes time, and "
              "that is okay."),
    sections=(
        Section(_("They can feel alike"), (
            _("A fast heart, quick breath, warm skin and a fluttery stomach can come with "
              "excitement. They can also come with fear or worry. After trauma, the body can "
              "mix them up. Excitement might suddenly feel like danger."),
        )),
        Section(_("Gentle questions to ask yourself"), items=(
            _("Do I want to move toward this, or away from it?"),
            _("Do my hands, jaw and shoulders feel loose or tight?"),
            _("Can I still think clearly and talk?"),
            _("If I pause now, do I feel relief, or do I miss it?"),
        )),
        Section(_("There is no wrong answer"), (
            _("Some moments hold both feelings at once. You can slow down, pause or stop to "
              "find out more. Noticing, without rushing to a yes or a no, is part of the "
              "work."),
        )),
        Section(_("Writing it down can help"), (
            _("After a close moment, a few notes about what you felt, and where in your body, "
              "can show you patterns over time."),
        )),
    ),
    links=(
        Link(_("Your window of tolerance"), "learn:topic", "window"),
        Link(_("Arousal is not consent"), "learn:topic", "your-say"),
    ),
)

WINDOW = Topic(
    slug="window",
    title=_("Your window of tolerance"),
    summary=_("A simple picture of the zone where you can feel, think and stay close."),
    sections=(
        Section(_("The zone in the middle"), (
            _("Picture a window. Inside it, you can have feelings, even strong ones, and "
              "still think, talk and stay in touch with the people around you. The idea comes "
              "from the doctor Dan Siegel."),
        )),
        Section(_("Above the window"), (
            _("Too much energy. You might feel panic, anger, a racing heart, or a strong wish "
              "to run. Your thoughts may speed up and be hard to slow down."),
        )),
        Section(_("Below the window"), (
            _("Too little energy. You might feel numb, flat, far away or frozen. It can be "
              "hard to move or speak."),
        )),
        Section(_("Your window can grow"), (
            _("Trauma can make the window narrow, so it is easy to be pushed out of it. Small "
              "safe steps, rest and support can widen it over time."),
            _("When you notice you are above or below your window, that is a good time to "
              "pause and ground yourself."),
        )),
    ),
    links=(
        Link(_("Grounding and breathing exercises"), "grounding:index"),
        Link(_("Why small steps work"), "learn:topic", "small-steps"),
    ),
)

TOPICS: tuple[Topic, ...] = (BODY, DISSOCIATION, AROUSAL_NOT_CONSENT, AROUSAL_OR_ANXIETY, WINDOW)
