"""Comparing words as people read them."""

import re
import unicodedata


class _Uncombined(dict):
    """str.translate table that drops combining characters, filled as characters are met."""

    def __missing__(self, code):
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_UNCOMBINED = _Uncombined()


def fold(text):
    """Lower case without accents: how the database fallback compares words."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    if decomposed.isascii():  # no combining characters to drop
        return decomposed
    return decomposed.translate(_UNCOMBINED)


def printable(text):
    """`text` with every control character a space, as it separates words ("bud\\0get" is two
    words, not "budget"), and runs of spaces one."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())


def has_word(text):
    """False for quotes, brackets or operators alone: nothing to look for."""
    return re.search(r"\w", text) is not None


def plain_words(text):
    """The words of a query for a plain-text search: its punctuation (unbalanced quotes,
    brackets, operators) dropped, which a plain-text search would not read anyway."""
    return " ".join(re.findall(r"\w+", printable(text)))


def edition_ordinal(number):
    """An edition's number as an ordinal in the active language: "21st", "21e", "21.ª"
    (French and Spanish agree with "édition" and "edición", both feminine)."""
    from django.utils.translation import get_language

    language = (get_language() or "en").split("-")[0]
    if language == "fr":
        return "1re" if number == 1 else f"{number}e"
    if language == "es":
        return f"{number}.ª"
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
