"""Feed helpers shared by news, search and collections."""

import re

# XML 1.0 forbids these; Django's feed writer raises on them, and editors paste them from
# word processors (a vertical tab for a soft line break, say).
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    """`value` as text that any XML feed may carry."""
    return _XML_FORBIDDEN.sub(" ", str(value)) if value else ""
