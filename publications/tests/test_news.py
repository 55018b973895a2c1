"""News as readers meet them: the index and its topic filter, feeds in their readers, and the
JSON-LD search engines read."""

import datetime
import json
import re

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from publications.factories import NewsPageFactory
from publications.models import NewsIndexPage, NewsPage
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return NewsIndexPage.objects.get(locale__language_code="en")


def topic(slug):
    return Topic.objects.get(slug=slug, locale__language_code="en")


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_rss_and_atom_list_the_newest_public_news_of_the_language(client, index):
    hidden = NewsPageFactory(parent=index, title="Members only", date=datetime.date(2030, 1, 1))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft = NewsPageFactory(parent=index, title="Draft news", date=datetime.date(2030, 1, 2))
    draft.unpublish()
    for kind, version in (("rss", "rss20"), ("atom", "atom10")):
        feed = parse(client.get(f"{index.url}{kind}/"))
        assert feed.version == version
        titles = [entry.title for entry in feed.entries]
        newest = index.news().exclude(pk__in=[hidden.pk, draft.pk]).first()
        assert titles[0] == newest.title
        assert "Members only" not in titles and "Draft news" not in titles
        dates = [entry.get("published_parsed") or entry.updated_parsed for entry in feed.entries]
        assert dates == sorted(dates, reverse=True)
        assert all(entry.link.startswith("http://testserver/en/news/") for entry in feed.entries)


def test_the_french_feed_carries_french_news_and_topic_names(client):
    french = NewsIndexPage.objects.get(locale__language_code="fr")
    feed = parse(client.get(f"{french.url}rss/"))
    assert feed.feed.language == "fr"
    climate = next(entry for entry in feed.entries if "climat" in entry.title.lower())
    assert climate.link.startswith("http://testserver/fr/")
    assert "Participation et changement climatique" in [tag.term for tag in climate.tags]


def test_a_topic_feed_has_only_that_topic_and_its_narrower_topics(client, index):
    youth = NewsPageFactory(parent=index, title="Young budgets", date=datetime.date(2031, 1, 1))
    youth.topics.set([topic("youth-participatory-budgeting")])  # narrower than "youth"
    youth.save_revision().publish()
    titles = [entry.title for entry in parse(client.get(f"{index.url}rss/youth/")).entries]
    expected = index.news().filter(topics__slug__in=["youth", "youth-participatory-budgeting"])
    assert titles[0] == "Young budgets"
    assert titles == [news.title for news in expected.distinct()]
    assert "Climate change and citizen participation" not in titles
    assert client.get(f"{index.url}rss/no-such-topic/").status_code == 404


def test_whatever_an_editor_types_keeps_the_feed_valid(client, index):
    title = 'Budgets & <script>alert("x")</script> \x0b vertical tab'
    NewsPageFactory(
        parent=index, title=title, summary="R&D <b>bold</b>", date=datetime.date(2031, 1, 1)
    )
    for kind in ("rss", "atom"):
        entry = parse(client.get(f"{index.url}{kind}/")).entries[0]
        # The control character becomes a space; the markup stays text, escaped in the XML.
        assert entry.title == 'Budgets & <script>alert("x")</script>   vertical tab'
        assert "<script>" not in client.get(f"{index.url}{kind}/").content.decode()


def test_the_index_filters_by_topic_and_says_which_values_it_ignored(client, index):
    response = client.get(f"{index.url}?topic=climate&topic=nonsense")
    content = response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert "Climate change and citizen participation" in content
    assert "Gender perspective in citizen participation" not in content
    assert "This topic does not exist and was ignored: nonsense" in content
    assert f'href="{index.url}rss/climate/"' in content
    assert "X-Robots-Tag" not in client.get(index.url)


def test_malformed_paging_answers_with_a_page(client, index):
    for query in ("?page=abc", "?page=999999", "?topic=" + "x" * 5000):
        assert client.get(index.url + query).status_code == 200, query


def test_news_page_describes_itself_as_a_news_article(client):
    news = NewsPage.objects.get(slug="climate-change-and-participation")
    content = client.get(news.url).content.decode()
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["datePublished"] == "2021-03-15"
    assert data["inLanguage"] == "en"
    assert data["publisher"]["@type"] == "Organization"
    assert {"@type": "Thing", "name": "Participation and climate change"} in data["about"]
    assert 'property="og:type" content="article"' in content


def test_related_pages_show_only_what_the_visitor_may_open(client, index):
    from publications.models.news import NewsRelatedPage
    from repository.models import ExperiencePage

    news = NewsPageFactory(parent=index, title="With links")
    shown = ExperiencePage.objects.filter(locale__language_code="en").live().first()
    hidden = ExperiencePage.objects.filter(locale__language_code="en").live().last()
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    for page in (shown, hidden):
        NewsRelatedPage.objects.create(news=news, page=page)
    content = client.get(news.url).content.decode()
    assert shown.title in content
    assert hidden.title not in content


def test_news_pages_stay_within_their_query_budget(client, index, django_assert_max_num_queries):
    news = NewsPage.objects.get(slug="climate-change-and-participation")
    client.get(news.url)  # warm the site cache, as any visitor before this one did
    client.get(index.url)
    with django_assert_max_num_queries(16):
        assert client.get(news.url).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(index.url).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"{index.url}rss/").status_code == 200
