import pycountry

from .data.regions import REGION_BY_COUNTRY


def sync_countries(country_model):
    """Add the ISO 3166-1 countries that are missing; takes the model so migrations can use it."""
    existing = set(country_model.objects.values_list("code", flat=True))
    created = country_model.objects.bulk_create(
        country_model(code=c.alpha_2, name_en=c.name, region=REGION_BY_COUNTRY.get(c.alpha_2, ""))
        for c in pycountry.countries
        if c.alpha_2 not in existing
    )
    return len(created)
