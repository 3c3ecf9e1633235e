"""Checks on the corpus itself, so that a score measures the guard and not a typo.

`problems()` lists what is wrong (empty when all is well):

- every person's profile validates again from its own dump, and every sentence
  belongs to a person;
- every labelled span occurs in its sentence (as a word where it starts or ends with
  a letter or digit), once per sentence, with one of the seven kinds;
- a perfect guard (hiding exactly the labelled spans) scores 100% recall and 100%
  whole-span recall, and a guard that hides nothing changes no clean sentence, so
  the scorer's matching and the labels agree;
- no sentence is in the corpus twice, and there are at least 300 of each;
- hygiene: no clean sentence, and no leaking sentence outside its labelled spans,
  carries its person's identity (a name part, the street's area name, the building,
  the postal code, the e-mail, the phone digits, the current company) or anything
  shaped like an e-mail, URL, handle or phone number. This is a lint with its own
  simple folding, independent of `gpseeker.core.privacy`; near misses that a good guard
  must leave alone ("Li-ion" for Li Wei, "森林" for 林 美玲, "リーダー" for リー・ウェイ)
  pass it because of the rules below, not because it is lenient.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from gpseeker.core.models import Profile

from . import CLEAN, LEAKS, PEOPLE
from .records import KINDS, Clean, Leak, Person
from .score import HIDDEN, present, score, survivors, wholly_hidden

MINIMUM = 300

_TITLES = r"(?:mr|mrs|ms|miss|dr|prof|herr|frau|mme|mlle|sr|sra|sir)\.?"
_JA_TITLES = "(?:さん|様|さま|氏|先生|宛|くん|ちゃん|店長|部長|課長)"
_KANA = "\u30a0-\u30ffー\uff66-\uff9f"
# Words of street names that say nothing on their own ("cho" of "Kano-cho").
_STREET_WORDS = frozenset({"cho", "chome", "machi", "minami", "nishi", "kita", "higashi", "jo"})
_COMPANY_WORDS = frozenset(
    {"kk", "gk", "co", "ltd", "inc", "llc", "corp", "corporation", "limited", "japan"}
)
_JA_LEGAL = ("株式会社", "合同会社", "有限会社", "(株)")
_TLDS = (
    "com|net|org|jp|io|dev|co|me|info|biz|app|ai|uk|de|fr|us|ca|au|cn|kr|tw|hk|sg|in|nz|"
    "eu|xyz|tech|site|online|page|ly|tv|cc|blog|edu|gov|ru|br|es|it|nl|ch|se|tokyo|link|"
    "ph|vn|th|id|my|np|ie|social|example"
)
_DOMAIN = re.compile(rf"(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:{_TLDS})(?![\w-])")
# Technology names shaped like domains; a clean sentence may carry them.
_NOT_DOMAINS = frozenset({"asp.net", "vb.net", "ado.net", "socket.io", "dot.net"})
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
# Letters no decomposition takes apart, written without their stroke all the same.
_STROKES = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "ß": "ss"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def fold(text: str) -> str:
    """NFKC, case, no accents, no invisible characters; 'ё' and such kept."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text)).casefold()
    kept = (char for char in text if unicodedata.category(char) not in ("Mn", "Cf"))
    return unicodedata.normalize("NFC", "".join(kept)).translate(_STROKES)


def _is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F") or "\uff66" <= char <= "\uff9f"


def _parts(value: str) -> list[str]:
    return [part for part in re.split(r"[\W_]+", fold(value)) if part]


def _find_part(text: str, part: str, profile_parts: Sequence[str]) -> bool:
    """Whether name part `part` stands in folded `text` the way a guard must hide it."""
    escaped = re.escape(part)
    if all(_is_cjk(char) for char in part):
        if all("\u30a0" <= char <= "\u30ff" for char in part):
            # Katakana: a whole katakana run ("リー", not the "リー" of "リーダー").
            return re.search(rf"(?<![{_KANA}]){escaped}(?![{_KANA}])", text) is not None
        if len(part) == 1:
            others = "|".join(re.escape(p) for p in profile_parts if p != part)
            pattern = rf"{escaped}\s*{_JA_TITLES}"
            if others:
                pattern += rf"|{escaped}\s*(?:{others})|(?:{others})\s*{escaped}"
            return re.search(pattern, text) is not None
        return part in text
    word = rf"(?<![^\W_]){escaped}(?![^\W_])"
    if len(part) >= 3:
        return re.search(word, text) is not None
    if len(part) == 2:
        others = "|".join(re.escape(p) for p in profile_parts if p != part and len(p) > 1)
        beside = rf"{_TITLES}\s*{word}|{word}[\s-]*(?:san|sensei){{1}}(?![^\W_])"
        if others:
            beside += rf"|{word}[\s,-]*(?:{others})(?![^\W_])|(?<![^\W_])(?:{others})[\s,-]*{word}"
        return re.search(beside, text) is not None
    return False


def identity_traces(text: str, person: Person) -> list[str]:
    """What of `person`'s identity `text` still carries, by the lint's own rules."""
    profile: Profile = person.profile
    identity = profile.identity
    folded = fold(text)
    squeezed = re.sub(r"[\W_]+", "", folded)
    found: list[str] = []

    parts: list[str] = []
    for name in (identity.full_name, *person.other_names):
        german = unicodedata.normalize("NFC", name.casefold()).translate(_UMLAUTS)
        for part in _parts(name) + _parts(german):
            if part not in parts:
                parts.append(part)
    found.extend(f"name part {part!r}" for part in parts if _find_part(folded, part, parts))

    email = fold(str(identity.email))
    local = email.split("@")[0]
    if email in folded or re.search(rf"(?<![\w.]){re.escape(local)}(?![\w])", folded):
        found.append("the e-mail address")
    if identity.phone:
        digits = re.sub(r"\D", "", folded.translate(_KANJI_DIGITS))
        national = identity.phone.removeprefix("+81")
        if national in digits:
            found.append("the phone number")

    address = identity.address
    if address is not None:
        if address.postal_code and address.postal_code.replace("-", "") in re.sub(
            r"\D", "", folded
        ):
            found.append("the postal code")
        for word in _parts(re.sub(r"[0-9０-９]+", " ", address.street)):
            if word in _STREET_WORDS:
                continue
            if all(_is_cjk(char) for char in word):
                if word in folded:
                    found.append(f"the street {word!r}")
            elif re.search(rf"(?<![^\W_]){re.escape(word)}", folded):
                found.append(f"the street {word!r}")
        building = "".join(_parts(re.sub(r"[0-9０-９]+", " ", address.building)))
        if building and building in squeezed:
            found.append(f"the building {address.building!r}")

    companies = [identity.current_company or ""]
    companies += [entry.company for entry in profile.experience if entry.end is None]
    for company in dict.fromkeys(filter(None, companies)):
        core = fold(company)
        for form in _JA_LEGAL:
            core = core.replace(form, " ")
        words = _parts(core)
        while words and words[-1] in _COMPANY_WORDS:
            words.pop()
        joined = "".join(words)
        if joined and joined in squeezed:
            found.append(f"the company {company!r}")
    return found


def contact_shapes(text: str) -> list[str]:
    """Anything shaped like an e-mail, URL, handle or phone number."""
    folded = fold(text).translate(_KANJI_DIGITS)
    found: list[str] = []
    if re.search(r"@[a-z0-9_]", folded):
        found.append("an @")
    if re.search(r"https?:|www\.|\[at\]|\(at\)|\[dot\]", folded):
        found.append("a URL or spelled-out address")
    found.extend(
        f"a domain {match.group()!r}"
        for match in _DOMAIN.finditer(folded)
        if match.group() not in _NOT_DOMAINS
    )
    for match in re.finditer(r"\+?\d(?:[\s\-.()/・]{0,2}\d)+", folded):
        if len(re.sub(r"\D", "", match.group())) >= 9:
            found.append(f"a phone-shaped number {match.group()!r}")
    return found


def _without(text: str, spans: Iterable[str]) -> str:
    for span in sorted(spans, key=len, reverse=True):
        text = text.replace(span, " ")
    return text


def _oracle(text: str, spans: Iterable[str]) -> str:
    """A perfect guard's output: every labelled span replaced."""
    for span in sorted(spans, key=len, reverse=True):
        text = text.replace(span, HIDDEN)
    return text


def problems(
    people: dict[str, Person] = PEOPLE,
    leaks: Sequence[Leak] = LEAKS,
    cleans: Sequence[Clean] = CLEAN,
) -> list[str]:
    found: list[str] = []
    for key, person in people.items():
        if person.key != key:
            found.append(f"person {key!r} is filed under another key")
        dumped = person.profile.model_dump(mode="json")
        if Profile.model_validate(dumped) != person.profile:
            found.append(f"{key}: the profile does not survive validation unchanged")

    counts = Counter([item.text for item in leaks] + [item.text for item in cleans])
    found.extend(f"twice in the corpus: {text!r}" for text, n in counts.items() if n > 1)
    if len(leaks) < MINIMUM:
        found.append(f"only {len(leaks)} leaking sentences")
    if len(cleans) < MINIMUM:
        found.append(f"only {len(cleans)} clean sentences")

    for item in leaks:
        where = f"leak {item.text!r}"
        if item.who not in people:
            found.append(f"{where}: no person {item.who!r}")
            continue
        if not item.spans:
            found.append(f"{where}: no spans")
        if not item.theme:
            found.append(f"{where}: no theme")
        texts = [span.text for span in item.spans]
        if len(set(texts)) != len(texts):
            found.append(f"{where}: a span is labelled twice")
        for span in item.spans:
            if span.kind not in KINDS:
                found.append(f"{where}: unknown kind {span.kind!r}")
            if not span.text.strip():
                found.append(f"{where}: an empty span")
            elif not present(item.text, span.text):
                found.append(f"{where}: span {span.text!r} is not in the sentence")
        perfect = _oracle(item.text, texts)
        kept = survivors(item.text, perfect)
        for span in item.spans:
            if present(perfect, span.text) or not wholly_hidden(
                item.text, span.text, kept, perfect
            ):
                found.append(f"{where}: hiding every span still leaves {span.text!r}")
        rest = _without(item.text, texts)
        person = people[item.who]
        found.extend(
            f"{where}: unlabelled {trace}"
            for trace in identity_traces(rest, person) + contact_shapes(rest)
        )

    for sentence in cleans:
        where = f"clean {sentence.text!r}"
        if sentence.who not in people:
            found.append(f"{where}: no person {sentence.who!r}")
            continue
        if not sentence.theme:
            found.append(f"{where}: no theme")
        person = people[sentence.who]
        found.extend(
            f"{where} ({sentence.who}): {trace}"
            for trace in identity_traces(sentence.text, person) + contact_shapes(sentence.text)
        )

    # The scorer's own sanity: a guard that hides nothing changes no clean sentence
    # and hides no span.
    nothing = score(lambda text, profile, field: (text, []), leaks=leaks, cleans=cleans)
    if nothing.false_positives or nothing.recall > 0:
        found.append("a guard that hides nothing scores above zero")
    return found


if __name__ == "__main__":
    listed = problems()
    for problem in listed:
        print(problem)
    print(f"{len(listed)} problems")
