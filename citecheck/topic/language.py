"""A small language guess for titles and abstracts: script first, then stop words.

Embedding backends cover a fixed set of languages; a text outside it embeds as
noise and would look off-topic. This guess only has to tell covered from not
covered, so it knows scripts, common function words of the Latin-script languages
we meet in manuscripts, and the letters that mark Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata

# Function words that are frequent in titles and abstracts and rare elsewhere.
_STOP: dict[str, frozenset[str]] = {
    "en": frozenset("the of and in for with on by from to an is are its their using among".split()),
    "id": frozenset(
        "dan yang di pada terhadap dalam untuk dengan dari ke sebagai studi kasus pengaruh "
        "analisis hubungan antara oleh atas tentang tahun melalui secara adalah ini itu".split()
    ),
    "es": frozenset("el la los las del de y en para con por una un sobre entre según".split()),
    "pt": frozenset("o os da do das dos e em para com por uma um sobre entre não na no".split()),
    "fr": frozenset("le la les des du de et en pour avec par une un sur dans entre au aux".split()),
    "de": frozenset("der die das und in für mit von zur zum bei auf eine einer den dem im".split()),
    "it": frozenset(
        "il lo la gli le del della dei e in per con una un sulla nel nella tra".split()
    ),
    "nl": frozenset("de het een en van in voor met op bij naar over tussen".split()),
    "tr": frozenset("ve bir ile için bu üzerine olarak arasında etkisi".split()),
    "pl": frozenset("i w na z do dla oraz przez jako się od".split()),
}
#: Every function word above, for callers that only need "is this a function word".
STOP_WORDS = frozenset().union(*_STOP.values())
_VIETNAMESE = re.compile("[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Unicode script name prefix -> language code (the script alone decides).
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("HANGUL", "ko"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("CJK", "zh"),
    ("THAI", "th"),
    ("DEVANAGARI", "hi"),
    ("BENGALI", "bn"),
    ("TAMIL", "ta"),
    ("GREEK", "el"),
    ("HEBREW", "he"),
    ("GEORGIAN", "ka"),
    ("ARMENIAN", "hy"),
)


def _script(text: str) -> str | None:
    counts: dict[str, int] = {}
    latin = 0
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN"):
            latin += 1
            continue
        for prefix, lang in _SCRIPTS:
            if name.startswith(prefix):
                counts[lang] = counts.get(lang, 0) + 1
                break
        else:
            counts["other"] = counts.get("other", 0) + 1
    if not counts:
        return None
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    # Japanese text mixes kanji (CJK) with kana: any kana means Japanese.
    if lang == "zh" and counts.get("ja"):
        lang = "ja"
    return lang if n > latin else None


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is no evidence.

    Malay is reported as ``id`` (the function words overlap and the backends treat
    the two alike). A Latin-script text with no known function words gives None.
    """
    script = _script(text)
    if script is not None:
        return script
    if len(_VIETNAMESE.findall(text)) >= 2:
        return "vi"
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return None
    best, best_hits = None, 0
    for lang, stop in _STOP.items():
        hits = sum(1 for w in words if w in stop)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best
