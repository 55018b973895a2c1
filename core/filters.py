"""What the listing filters (repository, agenda, reports) share: an option a visitor can tick,
and the bound on values read from one URL parameter."""

from dataclasses import dataclass

# More values than any filter has options is a malformed URL, not a query.
MAX_VALUES = 20


@dataclass
class Option:
    value: str
    label: str
    active: bool = False
    remove_url: str = ""  # the same listing without this option, when it is active
