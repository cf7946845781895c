# ruff: noqa: RUF001 - typographic apostrophes and dashes are intended in what people read
"""The "knowing when to get more help" guides, as data, written for Cove.

The signs and the kinds of help follow Cove's product brief ("Knowing when to get more
help") and the clinical brief ("Kinds of help": trauma therapists with EMDR, somatic
approaches and trauma-focused CBT; sex therapists; couples therapy, not when there is
abuse; support groups; medical care; a first session needs no full story). Pain during
touch or sex is always treated as a reason for a medical check, never as something to push
through, and bleeding or sharp pain as a reason to seek care soon ("pain is never normal").
PHQ-9 and GAD-7 totals of 10 or more are where their authors suggest a closer look
(docs/measures.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Text = str | Promise


@dataclass(frozen=True)
class Section:
    heading: Text
    paragraphs: tuple[Text, ...] = ()
    items: tuple[Text, ...] = ()
    # Kinds of help (anchors on the kinds-of-help guide) that fit this sign.
    helps: tuple[str, ...] = ()
    crisis: bool = False
    # A topic on the help page whose support lines fit this sign ("topic-domestic_violence").
    lines_anchor: str = ""


@dataclass(frozen=True)
class Guide:
    slug: str
    title: Text
    summary: Text
    intro: tuple[Text, ...]
    sections: tuple[Section, ...]
    content_note: Text = ""

    def all_text(self) -> str:
        """Every sentence a reader sees, for the reading-level test."""
        parts: list[str] = [str(self.title), str(self.summary), str(self.content_note)]
        parts += [str(p) for p in self.intro]
        for section in self.sections:
            parts.append(str(section.heading))
            parts += [str(p) for p in section.paragraphs]
            parts += [str(i) for i in section.items]
        return "\n".join(p for p in parts if p)


KINDS: dict[str, Text] = {
    "trauma-therapy": _("A therapist who knows trauma"),
    "sex-therapy": _("A sex therapist"),
    "couples": _("Couples therapy"),
    "groups": _("A support group"),
    "medical": _("A doctor or pelvic floor care"),
}

SIGNS = Guide(
    slug="more-support",
    title=_("Knowing when to get more help"),
    summary=_("Signs that it may be time to get support from someone else, and what kind."),
    content_note=_("This page talks about trauma, abuse, pain and thoughts of suicide. You "
                   "can skip any part, or come back to it later."),
    intro=(
        _("Many people work through hard things on their own for a while. Asking for more "
          "help is not a sign that you did something wrong. It is a way of caring for "
          "yourself."),
        _("Here are some signs that more support could help. Each one lists kinds of help "
          "that fit."),
    ),
    sections=(
        Section(
            _("You have thoughts of ending your life or hurting yourself"),
            (_("Please reach out now. You don’t have to wait until it gets worse. Crisis "
               "lines are free, and someone is there day and night."),),
            crisis=True,
        ),
        Section(
            _("Panic, flashbacks or bad dreams keep coming"),
            (_("If panic attacks, sudden memories that feel like now, or bad dreams keep "
               "coming back, a therapist who knows trauma can help. Some kinds of therapy "
               "were made for this."),),
            helps=("trauma-therapy", "medical"),
        ),
        Section(
            _("You often feel far away or numb"),
            (_("If you often feel cut off from your body, lose track of time, or feel like "
               "the world is not real, you are not alone. A therapist who knows trauma can "
               "help you feel more here."),),
            helps=("trauma-therapy",),
        ),
        Section(
            _("Low mood or worry will not lift"),
            (_("If you feel low, hopeless or very worried most days for two weeks or more, "
               "or it is hard to sleep, eat or get through the day, please see a doctor or a "
               "therapist. Help for this works, and you do not have to wait."),),
            helps=("medical", "trauma-therapy"),
        ),
        Section(
            _("Closeness always feels unsafe or too much"),
            (_("If being close to someone, even in small ways, keeps feeling scary or "
               "unbearable, a therapist can help you go at a pace that feels safe."),),
            helps=("trauma-therapy", "sex-therapy"),
        ),
        Section(
            _("Triggers get in the way of daily life"),
            (_("If reminders of what happened often knock you off balance at home, at work "
               "or with friends, support can help you feel steady again."),),
            helps=("trauma-therapy", "groups"),
        ),
        Section(
            _("Talks with your partner keep getting stuck"),
            (_("If you try to talk about closeness and it keeps ending in hurt or silence, a "
               "couples therapist can help you both be heard."),
             _("Couples therapy is not advised if your partner hurts you, controls you or "
               "makes you afraid. If a partner brushes your limits aside, that is not okay. "
               "Your “no” counts every time. A domestic abuse line can help you think about "
               "your safety first.")),
            helps=("couples", "trauma-therapy"),
            lines_anchor="topic-domestic_violence",
        ),
        Section(
            _("Shame takes over"),
            (_("If shame or blame fills your days, talking with someone who understands "
               "trauma can help. What happened was not your fault."),),
            helps=("trauma-therapy", "groups"),
        ),
        Section(
            _("Touch or sex hurts, or you bleed"),
            (_("Pain is not something to push through. Please see a doctor or nurse. A "
               "pelvic floor physio can help too. You can ask for a person of a gender you "
               "feel safe with, and you can bring someone with you."),
             _("Bleeding after sex that is not your period, or sharp pain, is a reason to "
               "see a doctor or nurse soon. If the pain is very bad, get urgent care.")),
            helps=("medical", "sex-therapy"),
        ),
    ),
)

KINDS_GUIDE = Guide(
    slug="kinds-of-help",
    title=_("Kinds of help"),
    summary=_("Who does what, so you can choose the help that fits you."),
    intro=(
        _("There is no wrong place to start. Many people try more than one kind of help, "
          "at the same time or one after another."),
    ),
    sections=(
        Section(KINDS["trauma-therapy"], (
            _("A therapist trained in trauma can help with memories, triggers, shame and "
              "feeling safe in your body. Ask if they have worked with people after sexual "
              "harm."),
            _("Some kinds of therapy were made for trauma:"),
        ), (
            _("Trauma-focused CBT, which helps you change thoughts and habits that keep fear "
              "going, step by step."),
            _("EMDR, which helps your mind work through hard memories while you follow a back "
              "and forth rhythm."),
            _("Body-based (somatic) therapy, which works with breath, movement and what you "
              "feel in your body."),
        )),
        Section(KINDS["sex-therapy"], (
            _("A sex therapist is a counsellor who helps with closeness, desire, touch and "
              "pain. Sessions are talk only. There is no touching and you never undress."),)),
        Section(KINDS["couples"], (
            _("Couples therapy helps two people talk about hard things and find ways "
              "forward together. You can still have your own therapist too."),
            _("It is not advised when a partner hurts you, controls you or makes you afraid. "
              "Then it can make things more dangerous. A domestic abuse line is a safer "
              "first step."),
        ), lines_anchor="topic-domestic_violence"),
        Section(KINDS["groups"], (
            _("In a support group, you meet other people who have been through something "
              "like you. You can listen and share only what you want. Some groups meet "
              "online."),)),
        Section(KINDS["medical"], (
            _("A doctor or nurse can check for causes of pain, and help with sleep, "
              "worry or low mood. A pelvic floor physio helps with pain and tight muscles "
              "in the lower belly and hips."),
            _("You can ask them to explain each step first, and you can say stop at any "
              "time."),)),
    ),
)

QUESTIONS_GUIDE = Guide(
    slug="questions",
    title=_("Questions to ask, and your first session"),
    summary=_("Things you can ask a new therapist, doctor or group, and ways to get ready for "
              "a first session."),
    intro=(
        _("It is fine to ask questions before you choose someone. A good provider will be "
          "glad you asked. You can ask by phone, by email or in a first short call."),
    ),
    sections=(
        Section(_("About how they work"), items=(
            _("Have you worked with people after sexual harm?"),
            _("How do you help people feel safe in sessions?"),
            _("Will you ask me to talk about what happened? Can I choose not to?"),
            _("What happens if I want to pause or stop?"),
        )),
        Section(_("About the practical side"), items=(
            _("How much does it cost? Is there a lower price, or can insurance pay?"),
            _("How long is a session, and how often would we meet?"),
            _("Can we meet online or by phone?"),
            _("Is the building step-free? Can I bring someone with me?"),
        )),
        Section(_("About privacy"), items=(
            _("Who else can see my notes?"),
            _("When would you have to tell someone else what I said?"),
        )),
        Section(_("Getting ready for a first session"), (
            _("A first session is mostly about getting to know each other. These ideas can "
              "help, if you want them:"),
        ), (
            _("Write down a few words about what you want help with."),
            _("Think about what helps you feel safe in a room, like where to sit or the door "
              "open."),
            _("You do not have to tell your whole story. You can say “I am not ready to talk "
              "about that.”"),
            _("Bring a list of your medicines and the questions you want to ask."),
            _("You can bring someone with you, or ask them to wait nearby."),
            _("Plan something calm for after, like a walk or a warm drink."),
        )),
        Section(_("For yourself, after the first talk"), items=(
            _("Did I feel listened to?"),
            _("Did I feel I could say no?"),
            _("Would I like to go back?"),
        )),
    ),
)

GUIDES: tuple[Guide, ...] = (SIGNS, KINDS_GUIDE, QUESTIONS_GUIDE)
BY_SLUG: dict[str, Guide] = {guide.slug: guide for guide in GUIDES}
