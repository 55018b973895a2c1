"""What the site's settings say of the observatory in its schema.org Organization
(core/seo.py): its logo, email, postal address and profiles elsewhere."""

from core.seo import image_url

from .models import FooterText, SiteSettings


def organization_details(request):
    settings = SiteSettings.cached_for_request(request)
    data = {}
    if settings.logo_id:
        data["logo"] = image_url(request, settings.logo, "height-256")
    if settings.contact_email:
        data["email"] = settings.contact_email
    address = FooterText.cached_for_request(request).get("address")
    if address:
        data["address"] = address
    same_as = [link.value["url"] for link in settings.social_links if link.value.get("url")]
    if same_as:
        data["sameAs"] = same_as
    return data
