import factory
import wagtail_factories
from wagtail.models import Locale

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = factory.Faker("sentence")

    class Meta:
        model = StandardPage
