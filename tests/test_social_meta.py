"""What a search engine or a social network reads in the head of a public page."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def json_ld(content):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return [json.loads(block) for block in blocks]


def meta(content, prop):
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', content)
    return match and match.group(1)


def test_home_page_describes_the_organisation_and_its_search(client):
    content = client.get("/fr/").content.decode()
    [data] = json_ld(content)
    types = {node["@type"] for node in data["@graph"]}
    assert types == {"Organization", "WebSite"}
    website = next(node for node in data["@graph"] if node["@type"] == "WebSite")
    assert website["inLanguage"] == "fr"
    assert website["potentialAction"]["target"].startswith("http://testserver/fr/search/?q=")
    assert '<link rel="canonical" href="http://testserver/fr/">' in content
    assert meta(content, "og:locale") == "fr_FR"
    assert meta(client.get("/es/").content.decode(), "og:locale") == "es_ES"
    assert meta(client.get("/en/").content.decode(), "og:locale") == "en_GB"
    assert meta(content, "og:url") == "http://testserver/fr/"


def test_editor_text_cannot_break_out_of_the_json_ld_script():
    from core.seo import json_ld as render

    html = render({"@type": "Thing", "name": "</script><script>alert(1)</script>"})
    assert html.count("</script>") == 1
    payload = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(payload)["name"] == "</script><script>alert(1)</script>"


def test_canonical_url_drops_the_query_string(client):
    content = client.get("/en/experiences/?topic=climate&utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/experiences/">' in content
