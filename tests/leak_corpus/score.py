"""Score a leak guard against the corpus: recall on leaking spans, false positives on
clean sentences, and where it goes wrong.

    .venv/bin/python -m tests.leak_corpus.score

prints the scores of `gpseeker.core.privacy.leak_guard` and its first misses per kind.

Recall is the share of labelled spans that are no longer in the guard's output
(each span once per sentence, all its occurrences gone). A span is looked for as a
word when it starts or ends with a Latin letter or digit ("Li" is not found in
"Linux"), as a plain substring otherwise (Japanese has no spaces). "Whole-span
recall" is stricter: no letter or digit of the span may survive, so hiding "5678"
of "090-1234-5678", or only the name inside "ana dot souza at example dot com",
counts as a miss there although the span as a whole is gone. It relies on the
guard's contract (the output is the input with spans replaced by "[hidden]"); where
the output cannot be lined up with the input that way, it falls back to recall.

The false-positive rate is the share of clean sentences whose output differs from
the input at all. Issue 13 asks for recall of at least 97% and false positives of
at most 1% (`RECALL_FLOOR`, `FALSE_POSITIVE_CEILING`).
"""

from __future__ import annotations

import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from gpseeker.core.models import Profile

from . import CLEAN, LEAKS, PEOPLE
from .identities import profile_with_other_names
from .records import KINDS, LANGUAGES, Clean, Kind, Language, Leak, Span

Guard = Callable[[str, Profile, str], tuple[str, Sequence[Any]]]
"""(text, profile, field) -> (masked text, redactions), as `leak_guard`."""

HIDDEN = "[hidden]"
RECALL_FLOOR = 0.97
FALSE_POSITIVE_CEILING = 0.01

# Words a guard may hide along with a span without losing the candidate anything:
# the title before a name ("Mr. Li" as one "[hidden]"), the platform label before a
# handle ("github: zquixote"). Over-hiding reports every other word.
_BENIGN_NEIGHBOURS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "herr", "frau", "mme", "sr", "sra",
        "さん", "様", "さま", "氏", "先生", "くん", "ちゃん",
        "github", "gitlab", "twitter", "x", "instagram", "insta", "ig", "line", "line id",
        "wechat", "微信", "kakaotalk", "kakaotalk id", "telegram", "discord", "skype",
        "facebook", "messenger", "linkedin", "mastodon", "tiktok", "qiita", "zenn",
        "weibo", "kaggle", "github id", "インスタ", "ツイッター",
    }
)  # fmt: skip

# The guard's own names for its reasons, where they differ from the corpus's kinds.
_REASON_ALIASES = {"any_email": "email", "url": "link", "current_company": "company"}


# --- finding a span -------------------------------------------------------------------


def _is_word(char: str) -> bool:
    """A letter or digit of a space-separated script: what may not touch a span's
    edge for it to count as found ("Li" in "Linux" is not "Li")."""
    return char.isalnum() and unicodedata.east_asian_width(char) not in ("W", "F")


def occurrences(text: str, span: str) -> list[int]:
    """Where `span` stands in `text`, as a word if its edge characters are word
    characters, anywhere otherwise."""
    starts: list[int] = []
    guard_left, guard_right = _is_word(span[0]), _is_word(span[-1])
    start = text.find(span)
    while start != -1:
        end = start + len(span)
        left_ok = not (guard_left and start > 0 and _is_word(text[start - 1]))
        right_ok = not (guard_right and end < len(text) and _is_word(text[end]))
        if left_ok and right_ok:
            starts.append(start)
        start = text.find(span, start + 1)
    return starts


def present(text: str, span: str) -> bool:
    return bool(occurrences(text, span))


def survivors(original: str, masked: str, hidden: str = HIDDEN) -> list[bool] | None:
    """For each character of `original`, whether it is still in `masked`, assuming
    `masked` is `original` with some non-empty spans replaced by `hidden`; None when
    it is not (the guard rewrote something else)."""
    pieces = masked.split(hidden)
    kept = [False] * len(original)
    if len(pieces) == 1:
        return [True] * len(original) if masked == original else None
    first, last = pieces[0], pieces[-1]
    if not original.startswith(first) or not original.endswith(last):
        return None
    limit = len(original) - len(last)  # where the last piece starts
    for index in range(len(first)):
        kept[index] = True
    cursor = len(first)
    for piece in pieces[1:-1]:
        # Each hidden stretch replaced at least one character.
        found = original.find(piece, cursor + 1)
        if found == -1 or found + len(piece) >= limit:
            return None
        for index in range(found, found + len(piece)):
            kept[index] = True
        cursor = found + len(piece)
    if limit <= cursor:
        return None
    for index in range(limit, len(original)):
        kept[index] = True
    return kept


def collateral(original: str, spans: Iterable[str], kept: list[bool] | None) -> tuple[str, ...]:
    """The words of `original` hidden although no labelled span covers them."""
    if kept is None:
        return ()
    covered = [False] * len(original)
    for span in spans:
        for start in occurrences(original, span):
            for index in range(start, start + len(span)):
                covered[index] = True
    words: list[str] = []
    current: list[str] = []
    for index, char in enumerate(original):
        lost = not kept[index] and not covered[index]
        if lost and char.isalnum():
            current.append(char)
        elif current and not (lost and not char.isalnum()):
            words.append("".join(current))
            current = []
        elif current and lost:
            current.append(char)
    if current:
        words.append("".join(current))
    kept_words = (word.strip() for word in words)
    return tuple(
        word
        for word in kept_words
        if word and word.casefold().rstrip(" .:：") not in _BENIGN_NEIGHBOURS
    )


def wholly_hidden(original: str, span: str, kept: list[bool] | None, masked: str) -> bool:
    """No letter or digit of any occurrence of `span` survived."""
    if kept is None:
        return not present(masked, span)
    for start in occurrences(original, span):
        for index in range(start, start + len(span)):
            if kept[index] and original[index].isalnum():
                return False
    return True


# --- results --------------------------------------------------------------------------


@dataclass(frozen=True)
class SpanResult:
    leak: Leak
    span: Span
    masked: str
    hidden: bool
    whole: bool


@dataclass(frozen=True)
class LeakResult:
    leak: Leak
    masked: str
    reasons: tuple[str, ...]
    aligned: bool
    error: str | None = None
    collateral: tuple[str, ...] = ()
    """Words outside every labelled span that were hidden too ("projects at" of
    "projects at zquixote.github.io"): not a miss, but text the candidate loses."""


@dataclass(frozen=True)
class CleanResult:
    clean: Clean
    masked: str
    reasons: tuple[str, ...]
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.error is not None or self.masked != self.clean.text


@dataclass(frozen=True)
class Tally:
    total: int
    hidden: int
    whole: int

    @property
    def recall(self) -> float:
        return self.hidden / self.total if self.total else 1.0

    @property
    def whole_recall(self) -> float:
        return self.whole / self.total if self.total else 1.0


def _tally(results: Iterable[SpanResult]) -> Tally:
    results = list(results)
    return Tally(
        total=len(results),
        hidden=sum(result.hidden for result in results),
        whole=sum(result.whole for result in results),
    )


@dataclass(frozen=True)
class Score:
    spans: tuple[SpanResult, ...]
    leaks: tuple[LeakResult, ...]
    cleans: tuple[CleanResult, ...]
    seconds: float

    @property
    def recall(self) -> float:
        return _tally(self.spans).recall

    @property
    def whole_recall(self) -> float:
        return _tally(self.spans).whole_recall

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_positives) / len(self.cleans) if self.cleans else 0.0

    @property
    def misses(self) -> tuple[SpanResult, ...]:
        """Spans still in the output."""
        return tuple(result for result in self.spans if not result.hidden)

    @property
    def partial(self) -> tuple[SpanResult, ...]:
        """Spans gone as a whole but with letters or digits left standing."""
        return tuple(result for result in self.spans if result.hidden and not result.whole)

    @property
    def false_positives(self) -> tuple[CleanResult, ...]:
        return tuple(result for result in self.cleans if result.changed)

    @property
    def collateral(self) -> tuple[LeakResult, ...]:
        """Leaking sentences where the guard hid words outside the labelled spans."""
        return tuple(result for result in self.leaks if result.collateral)

    @property
    def errors(self) -> tuple[str, ...]:
        found = [r.error for r in self.leaks if r.error] + [r.error for r in self.cleans if r.error]
        return tuple(found)

    def by_kind(self) -> dict[Kind, Tally]:
        return {kind: _tally(r for r in self.spans if r.span.kind == kind) for kind in KINDS}

    def by_language(self) -> dict[Language, tuple[Tally, int, int]]:
        """Per language: the span tally, clean sentences, and those changed."""
        table: dict[Language, tuple[Tally, int, int]] = {}
        for language in LANGUAGES:
            cleans = [r for r in self.cleans if r.clean.language == language]
            table[language] = (
                _tally(r for r in self.spans if r.leak.language == language),
                len(cleans),
                sum(r.changed for r in cleans),
            )
        return table

    def by_theme(self) -> dict[str, Tally]:
        themes = dict.fromkeys(result.leak.theme for result in self.spans)
        return {theme: _tally(r for r in self.spans if r.leak.theme == theme) for theme in themes}

    def false_positives_by_theme(self) -> dict[str, tuple[int, int]]:
        themes = dict.fromkeys(result.clean.theme for result in self.cleans)
        return {
            theme: (
                sum(r.changed for r in self.cleans if r.clean.theme == theme),
                sum(r.clean.theme == theme for r in self.cleans),
            )
            for theme in themes
        }

    def reasons_right(self) -> tuple[int, int]:
        """Of the leaking sentences hidden whole, how many carry exactly the labelled
        reasons (issue 13 item 3: one reason per span, the right one)."""
        by_leak: dict[int, list[SpanResult]] = {}
        for span_result in self.spans:
            by_leak.setdefault(id(span_result.leak), []).append(span_result)
        right = total = 0
        for leak_result in self.leaks:
            spans = by_leak.get(id(leak_result.leak), [])
            if leak_result.error or not all(span.whole for span in spans):
                continue
            total += 1
            labelled = {span.span.kind for span in spans}
            reported = {_REASON_ALIASES.get(reason, reason) for reason in leak_result.reasons}
            right += labelled == reported
        return right, total

    def passes(
        self, recall_floor: float = RECALL_FLOOR, ceiling: float = FALSE_POSITIVE_CEILING
    ) -> bool:
        return self.recall >= recall_floor and self.false_positive_rate <= ceiling

    def report(self, examples: int = 5) -> str:
        return _report(self, examples)


# --- scoring --------------------------------------------------------------------------


def _reason_kinds(redactions: Sequence[Any]) -> tuple[str, ...]:
    return tuple(str(getattr(item, "kind", item)) for item in redactions)


def score(
    guard: Guard,
    *,
    leaks: Sequence[Leak] = LEAKS,
    cleans: Sequence[Clean] = CLEAN,
    hidden: str = HIDDEN,
) -> Score:
    """Run `guard` over every sentence of the corpus and tally what it hid."""
    profiles = {key: profile_with_other_names(person) for key, person in PEOPLE.items()}
    span_results: list[SpanResult] = []
    leak_results: list[LeakResult] = []
    clean_results: list[CleanResult] = []
    elapsed = 0.0

    def run(text: str, who: str, field: str) -> tuple[str, tuple[str, ...], str | None]:
        nonlocal elapsed
        started = time.perf_counter()
        try:
            masked, redactions = guard(text, profiles[who], field)
        except Exception as error:  # a crash is a result too: every span missed
            return text, (), f"{type(error).__name__}: {error}"
        finally:
            elapsed += time.perf_counter() - started
        return masked, _reason_kinds(redactions), None

    for item in leaks:
        masked, reasons, error = run(item.text, item.who, item.field)
        kept = survivors(item.text, masked, hidden) if error is None else None
        lost = collateral(item.text, [span.text for span in item.spans], kept)
        leak_results.append(LeakResult(item, masked, reasons, kept is not None, error, lost))
        for span in item.spans:
            gone = error is None and not present(masked, span.text)
            whole = gone and wholly_hidden(item.text, span.text, kept, masked)
            span_results.append(SpanResult(item, span, masked, gone, whole))

    for sentence in cleans:
        masked, reasons, error = run(sentence.text, sentence.who, sentence.field)
        clean_results.append(CleanResult(sentence, masked, reasons, error))

    return Score(
        spans=tuple(span_results),
        leaks=tuple(leak_results),
        cleans=tuple(clean_results),
        seconds=elapsed,
    )


# --- the report -----------------------------------------------------------------------


def shown(text: str) -> str:
    """`text` on one line with its invisible characters spelled out, so that
    "Qui\\u200bxote" does not print as "Quixote"."""
    out: list[str] = []
    for char in text:
        if char == "\n":
            out.append("⏎")
        elif char != " " and unicodedata.category(char) in ("Cf", "Mn", "Me", "Zs", "Cc"):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _percent(value: float) -> str:
    return f"{value * 100:5.1f}%"


def _report(score: Score, examples: int) -> str:
    lines: list[str] = []
    add = lines.append
    people = {r.leak.who for r in score.leaks} | {r.clean.who for r in score.cleans}
    add(
        f"leak corpus: {len(score.leaks)} leaking sentences ({len(score.spans)} spans), "
        f"{len(score.cleans)} clean sentences, {len(people)} people; "
        f"guard time {score.seconds * 1000:.0f} ms"
    )
    total = _tally(score.spans)
    fps = len(score.false_positives)
    add(
        f"recall          {_percent(score.recall)}  ({total.hidden}/{total.total} spans gone)"
        f"   floor {_percent(RECALL_FLOOR).strip()}"
    )
    add(f"whole-span      {_percent(score.whole_recall)}  ({total.whole}/{total.total})")
    add(
        f"false positives {_percent(score.false_positive_rate)}  "
        f"({fps}/{len(score.cleans)} clean sentences changed)"
        f"   ceiling {_percent(FALSE_POSITIVE_CEILING).strip()}"
    )
    right, judged = score.reasons_right()
    add(f"reasons right   {right}/{judged} of the sentences hidden whole")
    add(
        f"over-hiding     {len(score.collateral)}/{len(score.leaks)} leaking sentences "
        "lost words outside their spans"
    )
    unaligned = sum(not r.aligned for r in score.leaks)
    if unaligned:
        add(f"output not lined up with the input (whole-span fell back): {unaligned}")
    if score.errors:
        add(f"guard raised on {len(score.errors)} sentences, e.g. {score.errors[0]}")
    add(f"verdict: {'PASS' if score.passes() else 'FAIL'}")

    add("")
    add("by kind:")
    for kind, tally in score.by_kind().items():
        add(
            f"  {kind:8} {_percent(tally.recall)}  ({tally.hidden}/{tally.total})"
            f"  whole {_percent(tally.whole_recall)}"
        )
    add("by language (leak recall | clean sentences changed):")
    for language, (tally, cleans, changed) in score.by_language().items():
        if tally.total or cleans:
            add(
                f"  {language:8} {_percent(tally.recall)}  ({tally.hidden}/{tally.total})"
                f"  |  {changed}/{cleans}"
            )
    add("leak themes, worst first:")
    for theme, tally in sorted(score.by_theme().items(), key=lambda item: item[1].recall):
        add(f"  {_percent(tally.recall)}  ({tally.hidden:3}/{tally.total:3})  {theme}")
    add("clean themes (changed/total):")
    for theme, (changed, count) in score.false_positives_by_theme().items():
        add(f"  {changed:3}/{count:3}  {theme}")

    add("")
    add(f"first misses per kind (up to {examples}):")
    misses = Counter(result.span.kind for result in score.misses)
    for kind in KINDS:
        found = [result for result in score.misses if result.span.kind == kind]
        if not found:
            continue
        add(f"  {kind} ({misses[kind]} missed):")
        for result in found[:examples]:
            add(f"    [{result.leak.who}] {shown(result.span.text)!s}")
            add(f"        in:  {shown(result.leak.text)}")
            add(f"        out: {shown(result.masked)}")
    if score.partial:
        add(f"partly hidden (letters or digits left; {len(score.partial)}):")
        for result in score.partial[:examples]:
            add(f"    [{result.leak.who}] {shown(result.span.text)} -> {shown(result.masked)}")
    if score.collateral:
        add(f"words hidden outside the spans ({len(score.collateral)} sentences):")
        for leak_result in score.collateral[:examples]:
            words = ", ".join(repr(word) for word in leak_result.collateral)
            add(f"    [{leak_result.leak.who}] {words}: {shown(leak_result.masked)}")
    if score.false_positives:
        add(f"false positives ({fps}):")
        for clean_result in score.false_positives[: examples * 4]:
            add(f"    [{clean_result.clean.who}] {shown(clean_result.clean.text)}")
            add(f"        out: {shown(clean_result.masked)}  {', '.join(clean_result.reasons)}")
    return "\n".join(lines)


def main() -> None:
    from gpseeker.core.privacy import leak_guard

    from .check import problems

    found = problems()
    if found:
        print(f"the corpus has {len(found)} problems:")
        for problem in found:
            print(f"  {problem}")
        print()
    print("gpseeker.core.privacy.leak_guard")
    print(score(leak_guard).report())


if __name__ == "__main__":
    main()
