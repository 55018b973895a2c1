"""Each experience shows where it took place: a locator map drawn from the project's own world
shapes (the country marked, the point circled), with a text alternative and the coordinates
written in the visitor's language."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage, ExperiencePage
from search.worldmap import bounds, project
from taxonomy.models import Country

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def figure(content):
    match = re.search(r'<figure class="locator-map">(.*?)</figure>', content, re.S)
    assert match, "no locator map"
    src = re.search(r'<img src="([^"]+)"', match.group(1)).group(1).replace("&amp;", "&")
    alt = re.search(r'alt="([^"]*)"', match.group(1)).group(1)
    caption = re.sub(
        r"\s+", " ", re.search(r"<figcaption>(.*?)</figcaption>", match.group(1)).group(1)
    )
    return src, alt, caption


def drawing(client, src):
    response = client.get(src)
    assert response.status_code == 200, src
    assert response["Content-Type"] == "image/svg+xml"
    assert "max-age" in response["Cache-Control"]
    return ET.fromstring(response.content)


def test_an_experience_shows_its_country_and_point_on_a_map_in_the_visitors_language(client):
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    brazil = Country.objects.get(code="BR")
    page = ExperiencePageFactory(
        parent=index,
        title="Neighbourhood budgets of Porto Alegre",
        place="Porto Alegre",
        country=brazil,
        latitude=Decimal("-30.0346"),
        longitude=Decimal("-51.2177"),
    )
    src, alt, caption = figure(client.get(page.url).content.decode())
    assert alt == "Map: Porto Alegre, Brazil, its location marked by a circle"
    assert caption == "Porto Alegre, Brazil · 30.03° S, 51.22° W"

    svg = drawing(client, src)
    x, y, width, height = (float(n) for n in svg.get("viewBox").split())
    marked = [path for path in svg.iter(f"{SVG}path") if path.get("fill") == "#0b5c8a"]
    assert len(marked) == 1, "the country, and only it, is marked"
    left, top, right, bottom = bounds()["BR"]
    assert x <= left and right <= x + width and y <= top and bottom <= y + height
    [circle] = svg.iter(f"{SVG}circle")
    cx, cy = float(circle.get("cx")), float(circle.get("cy"))
    assert (cx, cy) == project(-51.2177, -30.0346)
    assert left < cx < right and top < cy < bottom, "Porto Alegre lies in Brazil"
    assert len(list(svg.iter(f"{SVG}path"))) > 5, "its neighbours give the context"

    # A French page: the words, the decimal mark and the compass letters of French.
    src, alt, caption = figure(
        client.get("/fr/experiences/budget-participatif-porto-alegre/").content.decode()
    )
    assert (
        alt == "Carte : Porto Alegre, Rio Grande do Sul, Brésil, son emplacement marqué d’un cercle"
    )
    assert re.fullmatch(
        r"Porto Alegre, Rio Grande do Sul, Brésil · \d+,\d\d° S, \d+,\d\d° O", caption
    ), caption
    drawing(client, src)


def test_a_country_without_coordinates_is_marked_without_a_point(client):
    page = ExperiencePage.objects.filter(country__isnull=False).first()
    page.latitude = page.longitude = None
    page.save_revision().publish()
    src, alt, caption = figure(client.get(page.url).content.decode())
    assert "circle" not in alt and "°" not in caption
    svg = drawing(client, src)
    assert not list(svg.iter(f"{SVG}circle"))


@pytest.mark.parametrize(
    "query",
    [
        "ZZ.svg",
        "br.svg?lat=1&lon=1",
        "BR.svg?lat=abc&lon=1",
        "BR.svg?lat=91&lon=1",
        "BR.svg?lat=1&lon=-181",
        "BR.svg?lat=1",
        "BR.svg?lat=NaN&lon=1",
        "BR.svg?lat=1&lon=Infinity",
        "-.svg",
    ],
)
def test_a_map_of_nowhere_is_not_found(client, query):
    assert client.get(f"/maps/locator/{query}").status_code == 404


def marked_boxes(svg):
    """The boxes of the marked country's parts, moved as drawn (`translate`)."""
    from search.worldmap import _SUBPATH, _box

    found = []
    for path in svg.iter(f"{SVG}path"):
        if path.get("fill") != "#0b5c8a":
            continue
        shift = re.search(r"translate\(([-\d.]+) 0\)", path.get("transform") or "")
        offset = float(shift.group(1)) if shift else 0
        for part in _SUBPATH.findall(path.get("d")):
            left, top, right, bottom = _box(part)
            found.append((left + offset, top, right + offset, bottom))
    return found


@pytest.mark.parametrize(
    ("code", "latitude", "longitude", "outlined"),
    [("FJ", -18.1, 178.4, True), ("RU", 64, -179, True), ("KI", 1.33, 172.98, False)],
)
def test_a_place_by_the_180th_meridian_is_centred_with_its_country(
    client, code, latitude, longitude, outlined
):
    """Fiji, Chukotka and Kiribati lie on both edges of the world map: the view centres on the
    point and draws the country on both sides of the meridian. (Kiribati has no shape at the
    map's scale: its point alone, centred.)"""
    svg = drawing(client, f"/maps/locator/{code}.svg?lat={latitude}&lon={longitude}")
    x, y, width, height = (float(n) for n in svg.get("viewBox").split())
    [circle] = svg.iter(f"{SVG}circle")
    cx, cy = float(circle.get("cx")), float(circle.get("cy"))
    assert abs(cx - (x + width / 2)) < width / 20, f"{code}: the point at {cx}, view {x}+{width}"
    assert y <= cy <= y + height
    boxes = marked_boxes(svg)
    if not outlined:
        assert width <= 100 and not boxes
        return
    # Inside the view, the country covers the point's surroundings (not open ocean).
    near = [
        box
        for box in boxes
        if box[0] < cx + width / 4
        and box[2] > cx - width / 4
        and box[1] < cy + height / 4
        and box[3] > cy - height / 4
    ]
    assert near, f"{code}: no part of the country beside the point"
    if code == "FJ":  # small enough to be seen whole, not at a third of the world's width
        assert width <= 100
        assert any(box[0] <= cx <= box[2] and box[1] <= cy <= box[3] for box in near)
