from urllib.parse import urlsplit

from django.core.management.base import BaseCommand
from django.test import Client

from opendata.catalogue import build_catalogue, command_absolute
from opendata.quality import assess, by_dimension, rating


def site_status(url):
    """The status the site answers for one of its own URLs (asked in-process, so the check
    needs no network); None for another host's."""
    base = urlsplit(command_absolute("/"))
    parts = urlsplit(url)
    if parts.netloc != base.netloc:
        return None
    response = Client(HTTP_HOST=parts.netloc).get(parts.path, {}, secure=parts.scheme == "https")
    if getattr(response, "streaming", False):
        # Read to the end: the test client then closes the response as a server would.
        for _chunk in response.streaming_content:
            pass
    return response.status_code


class Command(BaseCommand):
    help = (
        "Score the DCAT-AP catalogue's metadata as the data.europa.eu metadata quality "
        "assessment does: findability, accessibility, interoperability, reusability, "
        "contextuality."
    )

    def handle(self, *args, **options):
        graph = build_catalogue(command_absolute)
        scores, report = assess(graph, site_status)
        width = max(len(score.indicator.name) for score in scores)
        current = None
        for score in scores:
            if score.indicator.dimension != current:
                current = score.indicator.dimension
                self.stdout.write(f"\n{current.upper()}")
            self.stdout.write(
                f"  {score.indicator.name:<{width}}  {score.met:>3}/{score.total:<3}"
                f"  {score.points:6.1f} / {score.indicator.weight}"
            )
        self.stdout.write("")
        dimensions = by_dimension(scores)
        total = sum(points for points, _maximum in dimensions.values())
        maximum = sum(maximum for _points, maximum in dimensions.values())
        self.stdout.write(f"{'dimension':<18} points")
        for dimension, (points, most) in dimensions.items():
            self.stdout.write(f"{dimension:<18} {points:>3} / {most}")
        self.stdout.write(f"{'total':<18} {total:>3} / {maximum}  ({rating(total)})")
        if report:
            self.stdout.write("\nDCAT-AP (SHACL) violations:\n" + report)
