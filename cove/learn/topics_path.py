# ruff: noqa: RUF001 - typographic apostrophes and quotes are intended in what people read
"""Learn topics about pacing, health and getting help, in Cove's own words.

What they teach follows the team's clinical brief (docs/clinical.md): pace by the nervous
system's readiness, not a timetable; setbacks are part of healing; sleep, stress and
medication change desire and arousal; pain during intimacy is never "normal" (see a
trauma-informed doctor or a pelvic-floor physiotherapist; bleeding or sharp pain means seek
care); the kinds of help, and couples therapy is not for a relationship with abuse; the
expected-versus-actual comparison after a practice (Craske et al. 2014, inhibitory learning).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cove.learn.model import Link, Section, Topic

SMALL_STEPS = Topic(
    slug="small-steps",
    title=_("Why small steps work"),
    summary=_("Going at your own pace is not slow. It is how your body learns it is safe."),
    sections=(
        Section(_("Your body learns by doing"), (
            _("Your body learns that closeness can be safe by having safe moments, one at a "
              "time. A small step you can stay present for teaches more than a big step you "
              "get through by going numb."),
        )),
        Section(_("Pace by how you feel, not by a calendar"), (
            _("There is no timetable. Some steps take a day, and some take months. You can "
              "stay on a step as long as you like, make it smaller, or step back. Every step "
              "is optional."),
        )),
        Section(_("What a small step can look like"), items=(
            _("Sitting close on the sofa for five minutes."),
            _("Holding hands while you talk."),
            _("Touching your own arm and noticing warm or cool, rough or smooth."),
            _("Saying a boundary out loud, even once."),
        )),
        Section(_("Notice what you learn"), (
            _("Before a step, you might expect it to feel scary. Afterwards, ask yourself what "
              "really happened, and what you learned. That comparison is where a lot of the "
              "change happens."),
        )),
    ),
    links=(
        Link(_("Setbacks are part of the path"), "learn:topic", "hard-days"),
        Link(_("Your window of tolerance"), "learn:topic", "window"),
    ),
)

SETBACKS = Topic(
    slug="hard-days",
    title=_("Setbacks are part of the path"),
    summary=_("A hard day does not undo what you have learned."),
    sections=(
        Section(_("Healing is not a straight line"), (
            _("Most people have good weeks and hard weeks. A step that felt fine last week "
              "might feel like too much today. Stress, tiredness, a date that brings back "
              "memories, or a reminder can all make things harder for a while."),
        )),
        Section(_("A step back is not a return to the start"), (
            _("What you have learned is still there. Going back to an easier step is a wise "
              "choice, not a loss. Many people find the next step is easier after a rest."),
        )),
        Section(_("Be kind to yourself"), items=(
            _("Rest, and do something soothing."),
            _("Look at your plan or your comfort box."),
            _("Talk to someone you trust."),
            _("Write down one thing that helped, however small."),
        )),
        Section(_("When to ask for more help"), (
            _("If hard days keep coming, or you feel stuck for a long time, it may be a good "
              "time to talk with a therapist. Needing more help does not mean you did "
              "anything wrong."),
        )),
    ),
    links=(
        Link(_("Knowing when to get more help"), "help:guide", "more-support"),
        Link(_("Why small steps work"), "learn:topic", "small-steps"),
    ),
)

DESIRE = Topic(
    slug="sleep-and-stress",
    title=_("Sleep, stress, medicines and desire"),
    summary=_("Desire goes up and down for many reasons, and none of them are your fault."),
    sections=(
        Section(_("Desire changes"), (
            _("How much you want closeness can change from day to day and year to year. That "
              "is true for everyone, with or without trauma."),
        )),
        Section(_("Sleep and stress"), (
            _("Poor sleep and long stress use up your energy. They can lower desire, make "
              "your body slower to respond, and make it harder to feel safe. Caring for your "
              "sleep and rest is part of caring for closeness."),
        )),
        Section(_("Medicines"), (
            _("Some medicines can change desire or arousal. Some pills for low mood, some "
              "birth control and some blood pressure pills are examples. If you notice a "
              "change, talk to your doctor. Please do not stop a medicine on your own. There "
              "are often other choices."),
        )),
        Section(_("Your body, your pace"), (
            _("Low desire does not need to change on anyone else’s timetable. You get to "
              "decide what you want, and when."),
        )),
    ),
    links=(
        Link(_("Pain is never something to push through"), "learn:topic", "body-care"),
    ),
)

PAIN = Topic(
    slug="body-care",
    title=_("Pain is never something to push through"),
    summary=_("Pain during touch or sex is a sign to stop and get checked, not to keep going."),
    content_note=_("This topic talks about pain during sex and about medical care."),
    sections=(
        Section(_("Pain is a signal"), (
            _("Pain during touch or sex is common after trauma, but it is never something you "
              "have to put up with. It is your body telling you something. Stopping is always "
              "okay."),
        )),
        Section(_("Where pain can come from"), (
            _("Pain can come from tight muscles low in the body, which can tense up to "
              "protect you. It can come from dryness, an infection, a skin problem or another "
              "health issue. Often it is a mix of body and feelings. A doctor can help find "
              "out."),
        )),
        Section(_("Pelvic floor care"), (
            _("A pelvic floor physio helps with pain and tight muscles in the lower belly, "
              "hips and pelvis. They explain each step first. You can ask to start with "
              "talking only, ask for a person of a gender you feel safe with, bring someone "
              "with you, and say stop at any time."),
        )),
        Section(_("When to see a doctor soon"), (
            _("Please see a doctor or nurse soon if you have any of these. If the pain is very "
              "bad, get urgent care."),
        ), (
            _("Bleeding after sex that is not your period."),
            _("Sharp or sudden pain."),
            _("Pain with a fever, or an odd discharge."),
            _("Pain that does not go away."),
        )),
        Section(_("Asking for care that fits you"), (
            _("You can tell a doctor that you are a survivor, as much or as little as you "
              "like. You can ask them to explain before they touch you, to go slowly, and to "
              "stop when you say so."),
        )),
    ),
    links=(
        Link(_("Kinds of help"), "help:guide", "kinds-of-help"),
        Link(_("Questions to ask, and your first session"), "help:guide", "questions"),
    ),
)

THERAPY = Topic(
    slug="support",
    title=_("What to expect in therapy"),
    summary=_("The kinds of therapy that can help, and what a first session is like."),
    sections=(
        Section(_("A first session"), (
            _("A first session is mostly about getting to know each other. You do not have "
              "to tell your whole story, or any of it. You can ask questions, say what you "
              "need to feel safe, and decide later if you want to go back."),
        )),
        Section(_("Therapies made for trauma"), (
            _("These have been studied with people after trauma. A good therapist goes at "
              "your pace and checks in with you often."),
        ), (
            _("Trauma-focused CBT helps you notice and change thoughts and habits that keep "
              "fear going, step by step, at a pace you agree on."),
            _("EMDR helps your mind work through hard memories while you follow a back and "
              "forth rhythm, such as eye movements or taps."),
            _("Body-based (somatic) therapies work with breath, movement and what you feel in "
              "your body, to help your body settle."),
        )),
        Section(_("Sex therapy"), (
            _("A sex therapist is a counsellor who helps with closeness, desire, touch and "
              "pain. Sessions are talk only. There is no touching and you never undress. They "
              "may suggest slow touch exercises to try at home, only if you want to."),
        )),
        Section(_("Couples therapy, and when it is not advised"), (
            _("Couples therapy can help two people talk about hard things and find a way "
              "forward together."),
            _("It is not advised when a partner hurts you, controls you or makes you afraid. "
              "Then it can make things more dangerous. Talking alone with a domestic abuse "
              "service, or with your own therapist, is safer."),
        )),
        Section(_("Finding the right fit"), (
            _("Feeling safe with your therapist matters a lot. It is okay to try someone else "
              "if it does not feel right."),
        )),
    ),
    links=(
        Link(_("Questions to ask, and your first session"), "help:guide", "questions"),
        Link(_("Kinds of help"), "help:guide", "kinds-of-help"),
        Link(_("Support lines if a partner is hurting you"), "help:index",
             anchor="topic-domestic_violence"),
    ),
)

LEGAL = Topic(
    slug="your-options",
    title=_("Legal help and support"),
    summary=_("Your choices about reporting, and the people who can help you through them."),
    content_note=_("This topic talks about reporting sexual violence or abuse. It is your "
                   "choice whether to read on."),
    sections=(
        Section(_("It is your choice"), (
            _("Whether to report to the police, and when, is up to you. There is no right "
              "answer. Many people never report. Some report years later. Your healing does "
              "not depend on it."),
        )),
        Section(_("Advocates can help"), (
            _("Many support lines have advocates. An advocate can explain your options, go "
              "with you to the police, a hospital or court, and help with forms. They are on "
              "your side, and talking to one does not mean you have to report."),
        )),
        Section(_("After a recent assault"), (
            _("If it happened in the last few days, a hospital or a special center for sexual "
              "assault can check your health. They can also collect evidence in case you "
              "decide to report later. In many places you can have this done without "
              "reporting. A support line can tell you what is near you."),
        )),
        Section(_("Other legal help"), (
            _("A lawyer or a free legal advice service can explain orders that keep someone "
              "away from you, and help with housing and family matters. Some give free advice "
              "to survivors."),
        )),
        Section(_("Staying safe online"), (
            _("If someone checks your phone or computer, use a device they cannot reach. The "
              "page about leaving quickly explains what that button can and cannot do."),
        )),
    ),
    links=(
        Link(_("Support lines after sexual violence"), "help:index", anchor="topic-sexual_violence"),
        Link(_("What leaving quickly does and does not do"), "help:leaving"),
    ),
)

TOPICS: tuple[Topic, ...] = (SMALL_STEPS, SETBACKS, DESIRE, PAIN, THERAPY, LEGAL)
