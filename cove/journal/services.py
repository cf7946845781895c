"""Journal actions and reads. Views and the API call these; nothing else touches entries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cove.core.errors import Conflict, InputError
from cove.journal import kinds
from cove.journal.forms import EntryForm
from cove.journal.models import JournalEntry
from cove.vault.records import get_owned_for_update

if TYPE_CHECKING:
    from cove.vault.keyring import Vault

PAGE_SIZE = 20
# Search and patterns open at most this many of the newest entries, in memory, per
# request: there is no plaintext index, so the cost must have a ceiling. The page says so.
SCAN_LIMIT = 500
MAX_RESULTS = 100


@dataclass(frozen=True)
class EntryInput:
    """An entry's words, checked by the same form the pages use."""

    kind: kinds.Kind
    answers: dict[str, Any]
    tags: list[str]
    shareable: bool


def _form_data(kind: kinds.Kind, answers: dict[str, Any], tags: list[str],
               shareable: bool) -> dict[str, Any]:
    """JSON answers as the entry form's data; refuses prompts the kind does not have."""
    unknown = sorted(set(answers) - {p.name for p in kind.prompts})
    if unknown:
        raise InputError({f"answers.{name}": [_("This kind of entry has no such question.")]
                          for name in unknown})
    data: dict[str, Any] = {}
    wrong: list[str] = []
    for prompt in kind.prompts:
        value = answers.get(prompt.name)
        if value is None:
            continue
        if prompt.style in (kinds.PICKS, kinds.BODY):
            data[prompt.name] = value if isinstance(value, list) else [value]
        elif isinstance(value, bool) or not isinstance(value, str | int):
            wrong.append(prompt.name)
        else:
            data[prompt.name] = str(value)
    if wrong:
        raise InputError({f"answers.{name}": [_("Please send text or a number.")]
                          for name in wrong})
    data["tags"] = ", ".join(str(t) for t in tags)
    if shareable:
        data["shareable"] = "on"
    return data


def entry_input(kind_key: str, answers: dict[str, Any], tags: list[str],
                shareable: bool) -> EntryInput:
    """Check an entry sent as JSON exactly as the page's form checks it (InputError if not)."""
    kind = kinds.get_kind(str(kind_key))
    if kind is None:
        raise InputError({"kind": [_("There is no such kind of entry.")]})
    form = EntryForm(kind, data=_form_data(kind, answers, tags, shareable))
    if not form.is_valid():
        prompts = {p.name for p in kind.prompts}
        raise InputError({
            (f"answers.{name}" if name in prompts else "" if name == "__all__" else name):
            [str(m) for m in messages] for name, messages in form.errors.items()})
    return EntryInput(kind, form.answers(), form.cleaned_data["tags"],
                      form.cleaned_data["shareable"])


def write_entry(vault: Vault, kind: str, answers: dict[str, Any], tags: list[str],
                shareable: bool = False) -> JournalEntry:
    entry = JournalEntry(owner=vault.user, kind=kind, answers=answers, tags=tags,
                         shareable=shareable).bind(vault)
    entry.save()
    return entry


@transaction.atomic  # the row lock needs a transaction, whoever calls
def update_entry(vault: Vault, entry_id: Any, answers: dict[str, Any], tags: list[str],
                 shareable: bool, *, version: int | None = None) -> JournalEntry:
    """Change an entry on a locked, current row; a change of `shareable` re-seals it under
    the other area's key. If the person's copy (`version`) is older, nothing is written and
    Conflict carries what is saved now: the answers, the tags and whether it is shareable."""
    entry = get_owned_for_update(JournalEntry, vault, entry_id)
    if version is not None and version != entry.version:
        raise Conflict(
            current={"answers": entry.answer_map, "tags": entry.tag_list,
                     "shareable": entry.shareable},
            yours={"answers": answers, "tags": tags, "shareable": shareable},
            version=entry.version)
    entry.answers = answers
    entry.tags = tags
    entry.shareable = shareable
    entry.save()
    return entry


@transaction.atomic  # the row lock needs a transaction, whoever calls
def set_shareable(vault: Vault, entry_id: Any, shareable: bool) -> JournalEntry:
    entry = get_owned_for_update(JournalEntry, vault, entry_id)
    entry.shareable = shareable
    entry.save(update_fields=["shareable", "updated_at"])
    return entry


def delete_entry(entry: JournalEntry) -> None:
    with transaction.atomic():
        entry.delete()


def entries_page(vault: Vault, number: Any) -> Page:
    """One page of entries, newest first; only that page's rows are fetched and opened."""
    queryset = JournalEntry.objects.owned_by(vault).order_by("-created_at", "-id")
    return Paginator(queryset, PAGE_SIZE).get_page(number)


def newest(vault: Vault, limit: int = SCAN_LIMIT) -> list[JournalEntry]:
    return list(JournalEntry.objects.owned_by(vault).order_by("-created_at", "-id")[:limit])


def kind_of(entry: JournalEntry) -> kinds.Kind | None:
    return kinds.get_kind(str(entry.kind))


def readable_answers(entry: JournalEntry) -> list[tuple[str, str]]:
    """(prompt, answer in words) for each answered prompt, in the kind's order."""
    return [(str(label), text) for label, text in _answers_in_words(entry)]


def _answers_in_words(entry: JournalEntry) -> Iterator[tuple[object, str]]:
    """(prompt label, answer in words), one at a time, so a preview stops at the first."""
    return kinds.answers_in_words(kind_of(entry), entry.answer_map)


def preview(entry: JournalEntry, length: int = 90) -> str:
    for _label, text in _answers_in_words(entry):
        if text:
            return text if len(text) <= length else text[: length - 1].rstrip() + "…"
    return ""


def _choice_words() -> dict[str, str]:
    """Every picker key with its words, turned into text once per search, not per entry."""
    words = {key: str(label) for key, label in kinds.BODY_AREAS.items()}
    for kind in kinds.KINDS:
        for prompt in kind.prompts:
            words.update((key, str(label)) for key, label in prompt.choices)
    return words


def _haystack(entry: JournalEntry, words: dict[str, str], kind_words: dict[str, str]) -> str:
    parts = [kind_words.get(str(entry.kind), "")]
    for value in entry.answer_map.values():
        if isinstance(value, list):
            parts += [words.get(str(v), str(v)) for v in value]
        elif isinstance(value, str):
            parts.append(words.get(value, value))
        else:
            parts.append(str(value))
    parts += entry.tag_list
    return "\n".join(parts).casefold()


@dataclass
class SearchResult:
    entries: list[JournalEntry]
    scanned: int
    more_matches: bool


def search(vault: Vault, query: str) -> SearchResult:
    """Entries among the newest SCAN_LIMIT whose words or tags contain every search word."""
    wanted = [w.casefold() for w in query.split() if w.strip()]
    words = _choice_words()
    kind_words = {kind.key: str(kind.label) for kind in kinds.KINDS}
    scanned = newest(vault)
    found = [e for e in scanned
             if all(w in _haystack(e, words, kind_words) for w in wanted)]
    return SearchResult(found[:MAX_RESULTS], len(scanned), len(found) > MAX_RESULTS)


# ---- Patterns (on request only): counts and plain sentences, no predictions -------------


@dataclass
class HelperRow:
    key: str
    label: str
    tried: int
    helped: int


@dataclass
class Patterns:
    moments_scanned: int
    moments: int
    contexts: list[tuple[str, int]]
    helpers: list[HelperRow]
    practices: int
    practice_helpers: list[tuple[str, int]]
    sentences: list[str]


def _mid_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "At home" becomes "at home"."""
    return label[:1].lower() + label[1:]


def patterns(vault: Vault) -> Patterns:
    from cove.ladder.public import recent_practices

    scanned = newest(vault)
    moments = [e for e in scanned if e.kind == "moment"]
    contexts: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    helped: Counter[str] = Counter()
    for entry in moments:
        answers = entry.answer_map
        contexts.update(set(answers.get("context") or []))
        helped_here = set(answers.get("helped") or [])
        tried.update(set(answers.get("tried") or []) | helped_here)
        helped.update(helped_here)

    context_rows = [(str(kinds.CONTEXT_LABELS.get(k, k)), n) for k, n in contexts.most_common()]
    helper_rows = sorted(
        (HelperRow(k, str(kinds.HELPER_LABELS.get(k, k)), n, helped[k]) for k, n in tried.items()),
        key=lambda row: (-row.helped, -row.tried, row.label),
    )

    practices = recent_practices(vault, limit=200)
    practice_helped: Counter[str] = Counter()
    for fact in practices:
        practice_helped.update({" ".join(w.split()) for w in fact.what_helped if w.strip()})
    practice_rows = practice_helped.most_common()

    sentences: list[str] = []
    if context_rows:
        top = context_rows[:3]
        listed = ", ".join(
            ngettext("%(what)s (%(n)s time)", "%(what)s (%(n)s times)", n)
            % {"what": _mid_sentence(w), "n": n}
            for w, n in top
        )
        sentences.append(_("Across %(count)s notes about hard moments, what came up most "
                           "often was: %(list)s.") % {"count": len(moments), "list": listed})
    for row in helper_rows[:5]:
        values = {"what": row.label, "helped": row.helped, "tried": row.tried}
        if row.tried == 1:
            sentence = (_("You tried %(what)s once, and it helped.") if row.helped
                        else _("You tried %(what)s once."))
            sentences.append(sentence % {"what": _mid_sentence(row.label)})
        else:
            sentences.append(_("%(what)s helped %(helped)s of the %(tried)s times you tried "
                               "it.") % values)
    for what, n in practice_rows[:5]:
        sentences.append(
            ngettext("In %(n)s of your %(total)s practices, you noted that “%(what)s” helped.",
                     "In %(n)s of your %(total)s practices, you noted that “%(what)s” helped.",
                     len(practices))
            % {"n": n, "total": len(practices), "what": what}
        )
    return Patterns(
        moments_scanned=len(scanned), moments=len(moments), contexts=context_rows,
        helpers=helper_rows, practices=len(practices), practice_helpers=practice_rows,
        sentences=sentences,
    )
