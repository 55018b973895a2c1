import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_visitors_language(client):
    response = client.get("/fr/search/", {"q": "Porto Alegre"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Le budget participatif de Porto Alegre" in content
    assert "Participatory budgeting in Porto Alegre" not in content
    assert response["X-Robots-Tag"] == "noindex"


def test_search_page_without_query_shows_the_form(client):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert 'role="status"' not in response.content.decode()


@pytest.mark.parametrize(
    "query", ["x" * 500, "\x00budget", "<script>alert(1)</script>", "' OR 1=1 --", "%", "   "]
)
def test_bad_queries_never_break_the_page(client, query):
    response = client.get("/en/search/", {"q": query, "page": "zz"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    if len(query) > 200:
        assert "Ensure this value has at most 200 characters" in content


@pytest.mark.parametrize("query", ['"', 'a"b', '"budget', "budget AND", "(", "*"])
def test_query_syntax_characters_never_break_the_page(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
