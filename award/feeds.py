"""The award's published results as RSS or Atom, in the award page's language: one entry per
edition whose results a coordinator published, dated by that publication, naming its
distinctions (members only when they are shown to the public)."""

from django.utils.translation import gettext as _

from core.feeds import PageFeed, xml_text
from core.locales import default_locale

from .models import AwardEditionPage, ResultsPublication
from .results import localized_results


class ResultsFeed(PageFeed):
    def title(self):
        return self.site_title(_("%(award)s: results") % {"award": self.index.title})

    def items(self):
        editions = list(AwardEditionPage.objects.live().public().child_of(self.index))
        published = dict(
            ResultsPublication.objects.filter(
                edition__locale=default_locale(),
                edition__translation_key__in=[edition.translation_key for edition in editions],
            ).values_list("edition__translation_key", "published_at")
        )
        shown = [edition for edition in editions if edition.translation_key in published]
        for edition in shown:
            edition._results_published = True
            edition.results_published_at = published[edition.translation_key]
        shown.sort(key=lambda edition: edition.results_published_at, reverse=True)
        return shown[: self.ITEMS]

    def item_title(self, item):
        return xml_text(_("%(award)s: results") % {"award": item.title})

    def item_description(self, item):
        lines = []
        for result in localized_results(item):
            line = f"{result['distinction']}: {result['experience'].title}"
            if result["member"] is not None:
                line += f" ({result['member'].name})"
            lines.append(line)
        return xml_text("; ".join(lines))

    def item_pubdate(self, item):
        return item.results_published_at

    item_updateddate = item_pubdate
