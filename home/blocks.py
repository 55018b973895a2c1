from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import LinkBlock, registered_blocks
from core.i18n import visible_pages
from core.locales import active_locale
from core.privacy import public


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150, label=_("Heading"))
    introduction = blocks.TextBlock(
        required=False, default="", max_length=400, label=_("Introduction")
    )
    # A decorative background (empty alt text); an optional ImageBlock trips wagtail-localize's
    # segment extraction when it is left empty.
    image = ImageChooserBlock(required=False, label=_("Background image"))
    link = LinkBlock(required=False, label=_("Button"))

    class Meta:
        icon = "image"
        template = "blocks/hero_block.html"
        label = _("Hero")
        description = _("The opening banner: a heading, a sentence and one button.")
        preview_value = {
            "heading": "Participatory democracy, city by city",
            "introduction": "Experiences, reports and events from the network.",
        }


class FeaturedExperiencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150, label=_("Heading"))
    experiences = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="repository.ExperiencePage"),
        min_num=1,
        max_num=6,
        label=_("Experiences"),
    )

    class Meta:
        icon = "pick"
        template = "blocks/featured_experiences_block.html"
        label = _("Featured experiences")
        description = _("Up to six experiences from the repository, chosen by the editor.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Show each experience in the visitor's language when that translation is live;
        # drafts and private pages chosen earlier are left out rather than leaked.
        context["pages"] = visible_pages(value["experiences"])
        return context


class LatestListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150, label=_("Heading"))
    count = blocks.IntegerBlock(min_value=1, max_value=12, default=3, label=_("How many"))

    def items(self, count):
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = self.items(value["count"])
        return context


class LatestNewsBlock(LatestListBlock):
    class Meta:
        icon = "doc-full"
        template = "blocks/latest_news_block.html"
        label = _("Latest news")
        description = _("The most recent news in the visitor's language, updated by itself.")
        preview_value = {"heading": "Latest news", "count": 3}

    def items(self, count):
        from publications.models import NewsPage

        return list(
            public(NewsPage.objects.live())
            .filter(locale=active_locale())
            .order_by("-date", "-pk")[:count]
        )


class UpcomingEventsBlock(LatestListBlock):
    class Meta:
        icon = "date"
        template = "blocks/upcoming_events_block.html"
        label = _("Next events")
        description = _("The next events of the agenda in the visitor's language.")
        preview_value = {"heading": "Next events", "count": 3}

    def items(self, count):
        from publications.models import EventPage

        return list(EventPage.objects.upcoming().filter(locale=active_locale())[:count])


class HomeStreamBlock(blocks.StreamBlock):
    hero = HeroBlock(group=_("Home"))
    featured_experiences = FeaturedExperiencesBlock(group=_("Home"))
    latest_news = LatestNewsBlock(group=_("Home"))
    upcoming_events = UpcomingEventsBlock(group=_("Home"))

    def __init__(self, local_blocks=None, **kwargs):
        local_blocks = [
            *registered_blocks("heading", "paragraph", "quote", "image", "call_to_action"),
            *(local_blocks or []),
        ]
        super().__init__(local_blocks, **kwargs)
