"""Comparing words as people read them."""

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
