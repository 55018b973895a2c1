"""Loads the demo content once; running it again only adds what is missing and never
changes a page or snippet that already exists, so editors' work survives."""

import json
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from award import demo as award_demo
from core.demo import content
from core.localize import MissingStrings, translate
from home.models import (
    FooterText,
    HomePage,
    NavigationMenu,
    NavigationMenuItem,
    SiteSettings,
    StandardPage,
)
from legal import data as legal_data
from legal.models import LegalFramework
from network import demo as network_demo
from opendata import demo as opendata_demo
from publications.demo import events as demo_events
from publications.demo import news as demo_news
from publications.demo import reports
from publications.models import (
    EventIndexPage,
    NewsIndexPage,
    NewsPage,
    ReportIndexPage,
)
from repository.coding import CODED_VARIABLES
from repository.models import ExperienceIndexPage, ExperiencePage
from search.models import CollectionPage
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic


def stream(*blocks):
    """StreamField content from raw block values, so that every block gets its defaults."""
    return json.dumps([{"type": name, "value": value} for name, value in blocks])


def paragraphs(texts):
    return stream(*[("paragraph", f"<p>{text}</p>") for text in texts])


class Command(BaseCommand):
    help = "Load the demo content in every enabled language (idempotent)."

    def handle(self, *args, **options):
        self.created = 0
        with transaction.atomic():
            locales = self.ensure_locales()
            # A flushed test database lacks the root collection that Wagtail's migrations create.
            if Collection.get_first_root_node() is None:
                Collection.add_root(name="Root")
            call_command("load_vocabularies", stdout=self.stdout)
            call_command("load_frameworks", stdout=self.stdout)
            home = self.ensure_home()
            self.ensure_site_address()
            pages = self.ensure_pages(home)
            for locale in locales[1:]:
                self.translate_tree(home, locale)
            # Reports carry their own translations (after the home page's exist).
            pages["reports"] = reports.load(home)
            pages["members"] = network_demo.load(home)
            pages["award"] = award_demo.load(home)
            pages["opendata"] = opendata_demo.load(home)
            # The menu links every section, so it is written (and translated) once they all are.
            self.ensure_layout(pages)
            for locale in locales[1:]:
                self.translate_snippets(locale)
            call_command("setup_roles", stdout=self.stdout)
        self.stdout.write(f"Demo content ready ({self.created} objects created).")

    # Locales and the page tree ------------------------------------------------------------

    def ensure_locales(self):
        locales = []
        for code, _name in settings.LANGUAGES:
            locale, _created = Locale.objects.get_or_create(language_code=code)
            locales.append(locale)
        return locales

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        default_locale = Locale.get_default()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=default_locale, live=True)
        )
        # Wagtail's placeholder "Welcome" page makes way for the real home page.
        for placeholder in root.get_children().filter(
            content_type__model="page", content_type__app_label="wagtailcore"
        ):
            if placeholder.numchild == 0:
                placeholder.delete()
        root.refresh_from_db()
        home = HomePage(
            title=content.HOME["title"],
            slug=content.HOME["slug"],
            locale=default_locale,
            body=stream(
                (
                    "hero",
                    {
                        "heading": content.HOME["hero_heading"],
                        "introduction": content.HOME["hero_intro"],
                    },
                )
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        self.created += 1
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "IOPD"
        site.save()
        return home

    @staticmethod
    def ensure_site_address():
        """The default Site names the address the site is served on (WAGTAILADMIN_BASE_URL,
        which `make run` sets from its host and port) while it still has Wagtail's
        placeholder, localhost:80; an address an administrator chose is kept."""
        site = Site.objects.get(is_default_site=True)
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL or "")
        if (site.hostname, site.port) != ("localhost", 80) or not base.hostname:
            return
        site.hostname = base.hostname
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.save()

    def child(self, parent, model, slug, **fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def experience(self, parent, item):
        default = Locale.get_default()
        terms = {
            "topics": Topic.objects.filter(slug__in=item["topics"], locale=default),
            "mechanisms": Mechanism.objects.filter(slug__in=item["mechanisms"], locale=default),
            "target_groups": TargetGroup.objects.filter(slug__in=item["groups"], locale=default),
        }
        for variable in CODED_VARIABLES:  # the research tier, where the text supports it
            value = item.get("coding", {}).get(variable.field)
            if value is None:
                continue
            found = variable.model.objects.filter(locale=default)
            terms[variable.field] = (
                found.filter(slug__in=value) if variable.many else found.get(slug=value)
            )
        # The laws it rests on, as legal/data/frameworks.csv says.
        terms["legal_frameworks"] = LegalFramework.objects.filter(
            identifier__in=legal_data.governing(item["slug"]), locale=default
        )
        amount, currency = item.get("budget", (None, ""))
        return self.child(
            parent,
            ExperiencePage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            place=item["place"],
            country=Country.objects.get(code=item["country"]),
            latitude=Decimal(item["latitude"]),
            longitude=Decimal(item["longitude"]),
            government_level=GovernmentLevel.objects.get(slug=item["level"], locale=default),
            start_year=item["start_year"],
            ongoing=item["ongoing"],
            end_year=item.get("end_year"),
            population=item["population"],
            budget_amount=Decimal(amount) if amount else None,
            budget_currency=currency,
            body=paragraphs(item["paragraphs"]),
            **terms,
        )

    def ensure_pages(self, home):
        about = self.child(
            home,
            StandardPage,
            content.ABOUT["slug"],
            title=content.ABOUT["title"],
            introduction=content.ABOUT["introduction"],
            body=paragraphs(content.ABOUT["paragraphs"]),
        )
        experiences = self.child(
            home,
            ExperienceIndexPage,
            content.EXPERIENCE_INDEX["slug"],
            title=content.EXPERIENCE_INDEX["title"],
            introduction=content.EXPERIENCE_INDEX["introduction"],
        )
        featured = [self.experience(experiences, item) for item in content.EXPERIENCES]
        news = self.child(
            home,
            NewsIndexPage,
            content.NEWS_INDEX["slug"],
            title=content.NEWS_INDEX["title"],
            introduction=content.NEWS_INDEX["introduction"],
        )
        for item in content.NEWS:
            self.child(
                news,
                NewsPage,
                item["slug"],
                title=item["title"],
                date=item["date"],
                summary=item["summary"],
                body=paragraphs(item["paragraphs"]),
                topics=Topic.objects.filter(slug__in=item["topics"], locale=Locale.get_default()),
            )
        for item in demo_news.NEWS:
            english = item["en"]
            self.child(
                news,
                NewsPage,
                english["slug"],
                title=english["title"],
                date=item["date"],
                summary=english["summary"],
                body=paragraphs([english["paragraph"]]),
                topics=Topic.objects.filter(slug__in=item["topics"], locale=Locale.get_default()),
            )
        agenda = self.child(
            home,
            EventIndexPage,
            content.EVENT_INDEX["slug"],
            title=content.EVENT_INDEX["title"],
            introduction=content.EVENT_INDEX["introduction"],
        )
        demo_events.ensure_events(self, agenda)

        collection = self.child(
            home,
            CollectionPage,
            content.COLLECTION["slug"],
            title=content.COLLECTION["title"],
            introduction=content.COLLECTION["introduction"],
            regions=content.COLLECTION["regions"],
            scope=content.COLLECTION["scope"],
        )
        if not collection.topics.exists():
            collection.topics = Topic.objects.filter(
                slug__in=content.COLLECTION["topics"], locale=home.locale
            )
            collection.save_revision().publish()

        # The home page's listings are added once, after the pages they show exist.
        if len(home.body) == 1:
            home.body = stream(
                *[(block["type"], block["value"]) for block in home.body.raw_data],
                (
                    "featured_experiences",
                    {
                        "heading": content.HOME["featured_heading"],
                        "experiences": [page.pk for page in featured],
                    },
                ),
                ("latest_news", {"heading": content.HOME["news_heading"], "count": 3}),
                ("upcoming_events", {"heading": content.HOME["events_heading"], "count": 3}),
            )
            home.save_revision().publish()
        return {"about": about, "experiences": experiences, "news": news, "agenda": agenda}

    def ensure_layout(self, pages):
        locale = Locale.get_default()
        for location, keys in (("main", content.MAIN_MENU), ("footer", content.FOOTER_MENU)):
            menu, created = NavigationMenu.objects.get_or_create(location=location, locale=locale)
            if created:
                for order, key in enumerate(keys):
                    NavigationMenuItem.objects.create(
                        menu=menu, page=pages[key], sort_order=order, locale=locale
                    )
                self.created += 1
        if not FooterText.objects.filter(locale=locale).exists():
            FooterText.objects.create(
                body=content.FOOTER, address=content.CONTACT_ADDRESS, locale=locale
            )
            self.created += 1
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        if not site_settings.contact_email:
            site_settings.contact_email = content.CONTACT_EMAIL
            site_settings.save()

    # Translations through wagtail-localize ------------------------------------------------

    @staticmethod
    def strings(code):
        """Every demo translation into `code`: the site's own and those of each section."""
        return {
            **content.TRANSLATIONS.get(code, {}),
            **demo_news.TRANSLATIONS.get(code, {}),
            **demo_events.TRANSLATIONS.get(code, {}),
        }

    def translate(self, instance, locale):
        try:
            translate(instance, locale, self.strings(locale.language_code))
        except MissingStrings as error:
            raise CommandError(f"Demo content lacks a translation: {error}") from error
        self.created += 1

    def translate_tree(self, page, locale):
        # The sixty experiences of load_demo_experiences carry their own translations.
        ours = {item["slug"] for item in content.EXPERIENCES}
        if isinstance(page, ExperiencePage) and page.slug not in ours:
            return
        if isinstance(page, ReportIndexPage):  # see publications/demo/reports.py
            return
        if not page.has_translation(locale):
            self.translate(page, locale)
        for child in page.get_children().specific():
            self.translate_tree(child, locale)

    def translate_snippets(self, locale):
        for model in (FooterText, NavigationMenu):
            for instance in model.objects.filter(locale=Locale.get_default()):
                if not instance.has_translation(locale):
                    self.translate(instance, locale)
