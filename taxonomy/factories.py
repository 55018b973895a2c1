import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from .models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic


class TermFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class TopicFactory(TermFactory):
    class Meta:
        model = Topic


class MechanismFactory(TermFactory):
    class Meta:
        model = Mechanism


class TargetGroupFactory(TermFactory):
    class Meta:
        model = TargetGroup


class GovernmentLevelFactory(TermFactory):
    class Meta:
        model = GovernmentLevel


def country(code):
    """Countries are reference data loaded by a migration, so tests look them up."""
    return Country.objects.get(code=code)
