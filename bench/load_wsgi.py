"""The site as production serves it, with its search answered by Wagtail's built-in back-end
instead of ours (bench/builtin.py): the same view, template and autocomplete, so the load
benchmark compares the two paths behind the same pages. Bench only."""

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()

import builtin  # noqa: E402

from search import autocomplete, views  # noqa: E402

builtin.declare_builtin_fields()
views.run_search = builtin.run_search
autocomplete._titles = builtin.titles
