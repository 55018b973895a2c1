import factory
import wagtail_factories

from .models import ExperienceIndexPage, ExperiencePage


class ExperienceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Experiences"

    class Meta:
        model = ExperienceIndexPage


class ExperiencePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Experience {n}")
    summary = factory.Faker("paragraph")
    place = factory.Faker("city")
    start_year = 2015

    class Meta:
        model = ExperiencePage
