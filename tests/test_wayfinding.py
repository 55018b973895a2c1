"""A visitor reaches the network's public forms and the award from the pages they read: the
footer names the award and the members, the directory invites to join, the repository to
propose an experience, an open call to apply. In every language."""

import pytest
from django.urls import reverse
from django.utils import translation

from award.models import AwardEditionPage, AwardIndexPage
from network.models import MemberDirectoryPage
from repository.models import ExperienceIndexPage

pytestmark = pytest.mark.django_db


def links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_the_forms_and_the_award_are_linked_where_visitors_look(client, code):
    def in_language(model):
        return model.objects.live().get(locale__language_code=code)

    award = in_language(AwardIndexPage)
    directory = in_language(MemberDirectoryPage)
    with translation.override(code):
        join, propose, apply = (
            reverse("join"),
            reverse("propose_experience"),
            reverse("award_apply"),
        )
    footer = links(client, f"/{code}/").split('class="site-footer', 1)[1]
    assert f'href="{award.url}"' in footer and f'href="{directory.url}"' in footer
    assert f'href="{join}"' in links(client, directory.url)
    assert f'href="{propose}"' in links(client, in_language(ExperienceIndexPage).url)
    open_call = (
        AwardEditionPage.objects.live().filter(locale__language_code=code).order_by("-year")[0]
    )
    assert open_call.call_is_open
    assert f'href="{apply}"' in links(client, open_call.url)
