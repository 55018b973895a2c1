from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage
from search.indexing import deliver


def publish(page):
    page.save_revision().publish()
    return page


def new_experience(language="en", **fields):
    """A published experience whose document has been delivered."""
    index = ExperienceIndexPage.objects.get(locale__language_code=language)
    page = publish(ExperiencePageFactory(parent=index, **fields))
    deliver()
    return page
