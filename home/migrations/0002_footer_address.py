"""The postal address moves from the site settings, one for every language, to the footer text,
which has one per language, so translators can write it in theirs."""

from django.db import migrations, models


def copy_address(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    FooterText = apps.get_model("home", "FooterText")
    address = next(
        (s.contact_address for s in SiteSettings.objects.all() if s.contact_address), ""
    )
    # Every language keeps what visitors saw until a translator writes it in theirs.
    FooterText.objects.filter(address="").update(address=address)


def copy_back(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    FooterText = apps.get_model("home", "FooterText")
    first = FooterText.objects.exclude(address="").order_by("pk").first()
    if first is not None:
        SiteSettings.objects.update(contact_address=first.address)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="footertext",
            name="address",
            field=models.TextField(
                blank=True,
                help_text="One line per line of the address; also given to search engines.",
                verbose_name="postal address",
            ),
        ),
        migrations.RunPython(copy_address, copy_back),
        migrations.RemoveField(
            model_name="sitesettings",
            name="contact_address",
        ),
    ]
