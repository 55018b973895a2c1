"""The blocks an experience is written with. Numbers stay numbers, so translations share them
and only the words around them are translated."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from core.blocks import LinkBlock, ParagraphBlock, registered_blocks


class SectionBlock(ParagraphBlock):
    """Formatted text under a fixed, translated heading (context, objectives, lessons...)."""

    class Meta:
        template = "blocks/section_block.html"
        icon = "doc-full"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = self.meta.heading
        return context


def section(heading, description):
    return SectionBlock(
        heading=heading, label=heading, description=description, group=_("Description")
    )


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150, label=_("Step"))
    description = blocks.TextBlock(required=False, default="", max_length=800, label=_("Details"))


class StepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        template = "blocks/steps_block.html"
        label = _("How it works")
        description = _("The process step by step, in the order people go through it.")


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.DecimalBlock(min_value=0, decimal_places=2, label=_("Number"))
    label = blocks.CharBlock(max_length=120, label=_("What it counts"))


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=8, label=_("Figures"))

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Participation figures")
        description = _("Key numbers: participants, proposals, votes, budget decided...")


class IndicatorBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=150, label=_("Indicator"))
    baseline = blocks.DecimalBlock(required=False, decimal_places=2, label=_("Baseline"))
    result = blocks.DecimalBlock(decimal_places=2, label=_("Result"))
    unit = blocks.CharBlock(required=False, default="", max_length=40, label=_("Unit"))
    source = blocks.CharBlock(required=False, default="", max_length=200, label=_("Source"))


class ResultsBlock(blocks.StructBlock):
    summary = ParagraphBlock(required=False, label=_("Summary"))
    indicators = blocks.ListBlock(IndicatorBlock(), min_num=0, label=_("Indicators"))

    class Meta:
        icon = "success"
        template = "blocks/results_block.html"
        label = _("Results and impact")
        description = _("What changed, with measured indicators against their baseline.")


class GalleryBlock(blocks.StructBlock):
    images = blocks.ListBlock(ImageBlock(), min_num=2, max_num=12, label=_("Images"))

    class Meta:
        icon = "image"
        template = "blocks/gallery_block.html"
        label = _("Gallery")
        description = _("Several images shown together.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, default="", max_length=200, label=_("Title"))

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/document_block.html"
        label = _("Document")
        description = _("An evaluation report or another file to download.")


class LinksBlock(blocks.StructBlock):
    links = blocks.ListBlock(LinkBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "link"
        template = "blocks/links_block.html"
        label = _("Links")
        description = _("A list of links to pages or websites.")


class DataTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        description = _("Data in rows and columns, with a header row.")


class ExperienceStreamBlock(blocks.StreamBlock):
    context = section(_("Context"), _("The situation the experience responds to."))
    objectives = section(_("Objectives"), _("What the experience sets out to achieve."))
    how_it_works = StepsBlock(group=_("Description"))
    participation_figures = KeyFiguresBlock(group=_("Description"))
    results = ResultsBlock(group=_("Evaluation"))
    lessons = section(_("Lessons learned"), _("What others can learn from it."))
    gallery = GalleryBlock(group=_("Media"))
    document = DocumentBlock(group=_("Media"))
    table = DataTableBlock(group=_("Media"))
    links = LinksBlock(group=_("Links"))

    def __init__(self, local_blocks=None, **kwargs):
        local_blocks = [
            *registered_blocks("heading", "paragraph", "quote", "image", "video"),
            *(local_blocks or []),
        ]
        super().__init__(local_blocks, **kwargs)
