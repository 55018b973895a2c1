"""Serializers for the API fields page types declare: taxonomy terms, countries and images as
an open-data user wants them (slugs, codes and names in the page's language, sized renditions).
Importable from models, unlike the API views."""

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField


class TermsField(serializers.Field):
    """Taxonomy terms as slug and name, named in the page's own language where translated."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        terms = list(getattr(page, self.field_name).all())
        if not terms:
            return []
        model = type(terms[0])
        names = dict(
            model.objects.filter(
                translation_key__in=[term.translation_key for term in terms],
                locale_id=page.locale_id,
            ).values_list("translation_key", "name")
        )
        return [
            {"slug": term.slug, "name": names.get(term.translation_key, term.name)}
            for term in terms
        ]


def terms(name):
    return APIField(name, serializer=TermsField())


class OnRequestHost(serializers.Field):
    """A field whose addresses are absolute on the host the reader asked for."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def absolute(self, url):
        return self.context["request"].build_absolute_uri(url) if url else url

    def to_representation(self, value):
        return value


class RenditionField(ImageRenditionField):
    """Wagtail's rendition, whose `full_url` names WAGTAILADMIN_BASE_URL, not the host asked for."""

    def to_representation(self, image):
        data = super().to_representation(image)
        if data.get("url"):
            data["full_url"] = self.context["request"].build_absolute_uri(data["url"])
        return data


def image(name, spec="fill-1200x630"):
    return APIField(name, serializer=RenditionField(spec))


class TermField(TermsField):
    """One taxonomy term (a foreign key), as slug and name in the page's language."""

    def to_representation(self, page):
        term = getattr(page, self.field_name)
        if term is None:
            return None
        translated = (
            type(term)
            .objects.filter(translation_key=term.translation_key, locale_id=page.locale_id)
            .first()
        )
        return {"slug": term.slug, "name": (translated or term).name}


class CountryField(TermsField):
    """A country as its ISO code, region and name in the page's language."""

    def to_representation(self, page):
        from django.utils import translation

        country = getattr(page, self.field_name)
        if country is None:
            return None
        with translation.override(page.locale.language_code):
            return {"code": country.code, "name": str(country.name), "region": country.region}


def term(name):
    return APIField(name, serializer=TermField())


def country(name):
    return APIField(name, serializer=CountryField())
