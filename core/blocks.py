"""Content blocks shared by every page type. Each block says what it is for (`description`),
how it looks (`template`) and what a fresh one looks like in the preview (`preview_value`)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
        help_text=_("Keep levels in order: a level 3 heading belongs under a level 2 heading."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading that screen readers list in the page outline.")
        preview_value = {"text": "How the budget was decided", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Paragraph")
        description = _("Formatted text with links and lists.")
        preview_value = "<p>Residents proposed and voted on projects for their neighbourhood.</p>"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, default="", max_length=300, label=_("Caption"))
    credit = blocks.CharBlock(required=False, default="", max_length=200, label=_("Credit"))

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Image")
        description = _("An image with its alternative text, an optional caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(
        required=False, default="", max_length=200, label=_("Attribution")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("Words of a participant, an official or a researcher.")
        preview_value = {
            "quote": "For the first time, young people decided how the city spends.",
            "attribution": "A participant",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"))
    caption = blocks.CharBlock(required=False, default="", max_length=300, label=_("Caption"))
    transcript_url = blocks.URLBlock(
        required=False,
        default="",
        label=_("Transcript"),
        help_text=_("A link to a text transcript makes the video accessible."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("A video embedded from a hosting service, with caption and transcript.")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another website; exactly one of the two."""

    page = blocks.PageChooserBlock(required=False, label=_("Page of this site"))
    url = blocks.URLBlock(required=False, default="", label=_("External address"))
    text = blocks.CharBlock(required=False, default="", max_length=120, label=_("Link text"))

    class Meta:
        icon = "link"
        template = "blocks/link_block.html"
        label = _("Link")
        description = _("A link to a page of the site or to another website.")

    def get_context(self, value, parent_context=None):
        from core.i18n import visible_translation

        context = super().get_context(value, parent_context)
        context["target"] = visible_translation(value.get("page"))
        return context

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter an address, not both.")
            if not value.get("page") and not value.get("url"):
                message = _("Choose a page or enter an address.")
            raise StructBlockValidationError(block_errors={"url": ValidationError(message)})
        if value.get("url") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError(_("An external link needs a link text."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150, label=_("Heading"))
    text = blocks.TextBlock(required=False, default="", max_length=400, label=_("Text"))
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A short invitation with one button, such as joining the network.")


# A registry lets every page type offer the same blocks by name, grouped in the picker.
BLOCK_REGISTRY = {
    "heading": (HeadingBlock, _("Text")),
    "paragraph": (ParagraphBlock, _("Text")),
    "quote": (QuoteBlock, _("Text")),
    "image": (FigureBlock, _("Media")),
    "video": (VideoBlock, _("Media")),
    "call_to_action": (CallToActionBlock, _("Links")),
}


def registered_blocks(*names):
    return [(name, BLOCK_REGISTRY[name][0](group=BLOCK_REGISTRY[name][1])) for name in names]


class BodyStreamBlock(blocks.StreamBlock):
    """The body of standard, news and event pages."""

    def __init__(self, local_blocks=None, **kwargs):
        local_blocks = [
            *registered_blocks("heading", "paragraph", "quote", "image", "video", "call_to_action"),
            *(local_blocks or []),
        ]
        super().__init__(local_blocks, **kwargs)
