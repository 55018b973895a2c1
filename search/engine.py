"""The search engine: its client, the index and its aliases, and writes to it.

The engine is one node or a cluster of several, each named in SEARCH_ENGINE_URL: the client
knows them all and sends a request that finds its node down once more, to another.
Elasticsearch 7-9 and OpenSearch 2-3 take the same request bodies for everything used here;
only the client library differs, and it is chosen by asking the node what it is (`detect`).
The live index is always reached through an alias, so a rebuild can fill a new index beside
it and swap the alias in one atomic step."""

import hashlib
import json
import logging
import time
import urllib.error
import urllib.request

from django.conf import settings

from core.text import fold
from repository.coding import CODED_VARIABLES

from .facets import facet_values

logger = logging.getLogger(__name__)

ANALYZED_LANGUAGES = {"en": "text_en", "fr": "text_fr", "es": "text_es"}
FOLDED = "text_folded"
FACET_FIELDS = [
    "type",
    "topic",
    "mechanism",
    "group",
    "level",
    "region",
    "country",
    "status",
    "award",
    "legal",
    "available",
    "keyword",
    *(variable.param for variable in CODED_VARIABLES),
    "badge",
]
COMBINED, SEPARATOR = "facets", ":"
# The combined field also holds "year:YYYY", so the histogram of years comes from the same
# pass as the facets when no year range is set (a histogram of its own cost 10-15% of the
# aggregations at 100,000 cases).
YEAR = "year"
# What the documents' engine form holds beyond its mapping; a change here needs a rebuild
# too, so it is part of the layout fingerprint.
BODY_FORM = 3
# The text fields a results page highlights (search/query.py).
HIGHLIGHTED = ("summary", "body")

INDEX_SETTINGS = {
    "number_of_shards": 1,
    # One node's; an index made by Engine has the configured replicas (SEARCH_REPLICAS).
    "number_of_replicas": 0,
    "max_result_window": 10000,
    # Documents kept in title order: a page sorted by title then stops comparing once it has
    # its documents (page 400 by title at 100,000 cases: 36 ms -> 3 ms), where the comparison
    # copied the title of every document that entered the page's queue. Dates are not
    # ordered by it, and it costs a rebuild 10-20% more time.
    "sort": {"field": "title_sort", "order": "asc"},
    "analysis": {
        "filter": {
            "en_possessive": {"type": "stemmer", "language": "possessive_english"},
            "en_stop": {"type": "stop", "stopwords": "_english_"},
            "en_stem": {"type": "stemmer", "language": "light_english"},
            "fr_elision": {
                "type": "elision",
                "articles_case": True,
                "articles": [
                    "l",
                    "m",
                    "t",
                    "qu",
                    "n",
                    "s",
                    "j",
                    "d",
                    "c",
                    "jusqu",
                    "quoiqu",
                    "lorsqu",
                    "puisqu",
                ],
            },
            "fr_stop": {"type": "stop", "stopwords": "_french_"},
            "fr_stem": {"type": "stemmer", "language": "light_french"},
            "es_stop": {"type": "stop", "stopwords": "_spanish_"},
            "es_stem": {"type": "stemmer", "language": "light_spanish"},
        },
        "analyzer": {
            "text_en": {
                "tokenizer": "standard",
                "filter": ["en_possessive", "lowercase", "en_stop", "asciifolding", "en_stem"],
            },
            "text_fr": {
                "tokenizer": "standard",
                "filter": ["fr_elision", "lowercase", "fr_stop", "asciifolding", "fr_stem"],
            },
            "text_es": {
                "tokenizer": "standard",
                "filter": ["lowercase", "es_stop", "asciifolding", "es_stem"],
            },
            FOLDED: {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
        },
    },
}

# While a rebuild fills a new index nobody reads: no refresh every second (each one writes a
# small segment to merge later) and the translog synced in the background, not per request.
# A node that crashes meanwhile loses the rebuild, which is run again.
BULK_LOAD = {"refresh_interval": "-1", "translog.durability": "async"}


def language_analyzer(code):
    return ANALYZED_LANGUAGES.get(code, FOLDED)


def text_field(name, code):
    return f"{name}_{code}"


def fields():
    properties = {
        "page_id": {"type": "integer"},
        "translation_key": {"type": "keyword"},
        "language": {"type": "keyword"},
        "url": {"type": "keyword", "index": False},
        "title": {"type": "keyword", "index": False},
        # Folded by core.text.fold before it is sent, as the database fallback sorts: an
        # Elasticsearch normalizer cannot use a plugin's asciifolding.
        "title_sort": {"type": "keyword"},
        "summary": {"type": "keyword", "index": False},
        "place": {"type": "text", "analyzer": FOLDED},
        "year": {"type": "integer"},
        "year_label": {"type": "keyword", "index": False},
        "date": {"type": "date"},
        "fingerprint": {"type": "keyword"},
        "spell": {"type": "text", "analyzer": FOLDED},
        "suggest": {
            "type": "completion",
            "analyzer": FOLDED,
            "contexts": [{"name": "language", "type": "category"}],
        },
    }
    for field in FACET_FIELDS:
        properties[field] = {"type": "keyword"}
    # Every facet value again as "facet:value": the facets without a selection of their own
    # are counted by one terms aggregation on this field, one pass over the matching
    # documents instead of one per facet. Its ordinals are built at refresh, not by the first
    # search after it.
    properties[COMBINED] = {"type": "keyword", "eager_global_ordinals": True}
    for code, _name in settings.LANGUAGES:
        for name in ("title", "summary", "body", "terms"):
            properties[text_field(name, code)] = {
                "type": "text",
                "analyzer": language_analyzer(code),
            }
        # The highlighted fields keep each word's offsets in the index: the highlighter then
        # reads them instead of analysing every hit's text again (a third to a half of a
        # results page's time in the engine, measured on the demo).
        for name in HIGHLIGHTED:
            properties[text_field(name, code)]["index_options"] = "offsets"
    return properties


def mappings():
    return {
        "dynamic": "strict",
        "properties": fields(),
        "_meta": {"layout": layout()},
    }


def layout():
    """A fingerprint of the index's analysis, order and fields: an index built with another one
    must be rebuilt before it can take today's documents (see Engine.live_layout)."""
    properties = fields()
    content = json.dumps(
        [INDEX_SETTINGS["analysis"], INDEX_SETTINGS["sort"], properties, BODY_FORM], sort_keys=True
    )
    return hashlib.sha1(content.encode()).hexdigest()[:12]


def engine_body(doc):
    """The engine's form of a document: text in fields analysed for its language."""
    code = doc["language"]
    body = {
        key: doc[key]
        for key in (
            "page_id",
            "translation_key",
            "language",
            "url",
            "title",
            "summary",
            "place",
            "year",
            "year_label",
            "date",
            "fingerprint",
            *FACET_FIELDS,
        )
    }
    body[COMBINED] = [
        f"{name}{SEPARATOR}{value}" for name in FACET_FIELDS for value in facet_values(doc, name)
    ]
    if doc["year"] is not None:
        body[COMBINED].append(f"{YEAR}{SEPARATOR}{doc['year']}")
    body["title_sort"] = fold(doc["title"])
    body[text_field("title", code)] = doc["title"]
    body[text_field("summary", code)] = doc["summary"]
    body[text_field("body", code)] = doc["body"]
    # Topic, mechanism and organisation names: found by a search, never shown as a snippet.
    body[text_field("terms", code)] = " ".join([*doc["keyword"], *doc["extra"]])
    body["spell"] = " ".join([doc["title"], doc["summary"], *doc["extra"]])
    words = doc["title"].split()
    # Each word start of the title can begin a completion, not only the first.
    inputs = [" ".join(words[i:]) for i in range(min(len(words), 6))]
    body["suggest"] = {"input": inputs or [doc["title"]], "contexts": {"language": [code]}}
    return body


class EngineUnavailable(Exception):
    """The engine could not be reached or refused the request; the caller falls back."""


# Engine kinds this module can speak to: the product and major version a node reports.
KINDS = {"elasticsearch7", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"}
# {url: (kind, version)}: what the engine said it is, asked once per process.
_DETECTED = {}


def nodes(url):
    """The node addresses in `url`: one, or several separated by commas."""
    return [node.strip().rstrip("/") for node in url.split(",") if node.strip()]


def detect(url, timeout=5):
    """(kind, version) of the engine at `url`, e.g. ("elasticsearch8", "8.19.3"), asked of
    its first node that answers.

    Asked of _nodes, not of `GET /`, which an Elasticsearch node without its rest-root module
    refuses with 405. Elasticsearch marks every answer with its product header (its own client
    checks it); OpenSearch does not."""
    if url not in _DETECTED:
        failures = []
        for node in nodes(url):
            try:
                _DETECTED[url] = _ask_node(node, timeout)
                break
            except EngineUnavailable as error:
                failures.append(str(error))
        else:
            raise EngineUnavailable(f"detect: {'; '.join(failures) or 'no node address'}")
    return _DETECTED[url]


def _ask_node(node, timeout):
    request = urllib.request.Request(
        f"{node}/_nodes/_local?filter_path=nodes.*.version",
        headers={"Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            product = response.headers.get("X-Elastic-Product")
            (found,) = json.load(response)["nodes"].values()
    except (OSError, ValueError, KeyError) as error:
        raise EngineUnavailable(f"{node}: {error}") from error
    version = found["version"]
    product = "elasticsearch" if product == "Elasticsearch" else "opensearch"
    kind = f"{product}{version.split('.')[0]}"
    if kind not in KINDS:
        raise EngineUnavailable(f"{kind} ({version}) at {node} is not supported")
    return kind, version


# One client (and so one pool of kept-alive connections) per process and configuration: a new
# client per request paid a TCP connection and its slow start on every search.
_CLIENTS = {}
# Answers asked again of another node: 500 too, because a search whose shard copy's node dies
# between its query and fetch phases fails whole ("Node not connected"), and asked again the
# engine reads the other copy; 429, 502-504 are a node too busy, or one leaving or starting.
RETRY_ON_STATUS = (429, 500, 502, 503, 504)


def _client(kind, url, timeout):
    key = (kind, url, timeout)
    if key not in _CLIENTS:
        hosts = nodes(url)
        # A request whose node is down goes once more, to the next node, and the client leaves
        # the dead one aside for a while. One node: no retry, which would only make a visitor
        # wait twice as long for the fallback.
        options = {"max_retries": min(1, len(hosts) - 1), "retry_on_status": RETRY_ON_STATUS}
        if kind.startswith("opensearch"):
            from opensearchpy import OpenSearch

            _CLIENTS[key] = OpenSearch(hosts=hosts, timeout=timeout, **options)
        else:
            from elasticsearch import Elasticsearch

            _CLIENTS[key] = Elasticsearch(hosts, request_timeout=timeout, **options)
    return _CLIENTS[key]


class _PerCallTimeout:
    """opensearch-py's client, each call given `request_timeout`."""

    def __init__(self, target, seconds):
        self._target, self._seconds = target, seconds

    def __getattr__(self, name):
        found = getattr(self._target, name)
        if callable(found):
            return lambda *args, **kwargs: found(*args, request_timeout=self._seconds, **kwargs)
        return _PerCallTimeout(found, self._seconds)


class Engine:
    def __init__(self, url, index, timeout=5, replicas=0):
        self.url, self.alias = url, index
        self.building_alias = f"{index}_building"
        self.timeout = timeout
        self.replicas = replicas
        self._client = None

    @property
    def kind(self):
        """What the node says it is, as "elasticsearch8" or "opensearch2" (EngineUnavailable
        when it cannot be asked)."""
        return detect(self.url, self.timeout)[0]

    @property
    def version(self):
        return detect(self.url, self.timeout)[1]

    @property
    def client(self):
        if self._client is None:
            self._client = _client(self.kind, self.url, self.timeout)
        return self._client

    def patient_client(self, seconds):
        """The client with a longer timeout for one request: Elasticsearch's client takes it
        through options() (a per-call argument is deprecated there), OpenSearch's per call."""
        if hasattr(self.client, "options"):
            return self.client.options(request_timeout=seconds)
        return _PerCallTimeout(self.client, seconds)

    def _bulk_helper(self):
        if self.kind.startswith("opensearch"):
            from opensearchpy import helpers
        else:
            from elasticsearch import helpers
        return helpers

    def call(self, method, **kwargs):
        """One request to the engine; any failure becomes EngineUnavailable."""
        try:
            return _plain(getattr(self.client, method)(**kwargs))
        except Exception as error:  # transport, HTTP and client errors alike
            raise EngineUnavailable(f"{method}: {error}") from error

    def indices_call(self, method, **kwargs):
        try:
            return _plain(getattr(self.client.indices, method)(**kwargs))
        except Exception as error:
            raise EngineUnavailable(f"indices.{method}: {error}") from error

    # --- indices and aliases ---------------------------------------------------------

    def create_index(self, alias, bulk_load=False):
        """A new index created with `alias` in the same request: a create that times out
        may still succeed on the engine, and the index it leaves is then already reachable
        (and found by the next attempt) instead of an orphan beside a second one."""
        name = f"{self.alias}_{time.strftime('%Y%m%d%H%M%S')}_{time.time_ns() % 1_000_000:06d}"
        index_settings = {
            **INDEX_SETTINGS,
            "number_of_replicas": self.replicas,
            **(BULK_LOAD if bulk_load else {}),
        }
        body = {"settings": index_settings, "mappings": mappings(), "aliases": {alias: {}}}
        self.indices_call("create", index=name, body=body)
        return name

    def drop_orphans(self):
        """Delete this site's indices that no alias points to (left by an interrupted rebuild
        or by code older than create_index's aliases); returns their names."""
        found = self.indices_call("get_alias", index=f"{self.alias}_*")
        orphans = sorted(name for name, entry in found.items() if not entry.get("aliases"))
        for name in orphans:
            self.indices_call("delete", index=name)
        return orphans

    def indices_of(self, alias):
        try:
            return sorted(self.client.indices.get_alias(name=alias))
        except Exception as error:
            if getattr(error, "status_code", None) == 404 or "404" in str(error)[:20]:
                return []
            raise EngineUnavailable(f"get_alias: {error}") from error

    def ensure_index(self):
        """The live index, created empty when there is none yet."""
        live = self.indices_of(self.alias)
        if live:
            return live
        return [self.create_index(self.alias)]

    def start_building(self):
        """A new empty index that receives every delivered change while it is being filled."""
        for stale in self.indices_of(self.building_alias):
            self.indices_call("delete", index=stale)
        self.drop_orphans()
        return self.create_index(self.building_alias, bulk_load=True)

    def finish_building(self, name):
        """Ready a freshly filled index for visitors: the normal settings back, everything
        written so far searchable, and one segment, so that sorting a deep page by title or
        counting facets reads one set of ordinals instead of a dozen. Deliveries then add
        small segments, which the engine merges as usual (one segment of this size is far
        below the limit beyond which it would stop merging it)."""
        self.indices_call("put_settings", index=name, body={"index": dict.fromkeys(BULK_LOAD)})
        self.indices_call("refresh", index=name)
        try:
            self.patient_client(MERGE_TIMEOUT).indices.forcemerge(index=name, max_num_segments=1)
        except Exception as error:
            raise EngineUnavailable(f"forcemerge: {error}") from error

    def swap(self, name):
        """Point the live alias at `name` in one atomic step and drop the old indices."""
        self.finish_building(name)
        old = [index for index in self.indices_of(self.alias) if index != name]
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions += [
            {"add": {"index": name, "alias": self.alias}},
            {"remove": {"index": name, "alias": self.building_alias}},
        ]
        self.indices_call("update_aliases", body={"actions": actions})
        for index in old:
            self.indices_call("delete", index=index)

    def live_layout(self):
        """The layout fingerprint of the live index ("" for an index older than them)."""
        found = self.indices_call("get_mapping", index=self.alias)
        return [
            mapping["mappings"].get("_meta", {}).get("layout", "") for mapping in found.values()
        ]

    def refresh(self):
        self.indices_call("refresh", index=self.alias)

    def ensure_replicas(self, change=True):
        """Give the live index the configured replicas (an index made on one node gets its
        copy when the site moves to a cluster: no rebuild needed); returns {index: replicas
        it had} for the indices that differed."""
        found = self.indices_call("get_settings", index=self.alias, name="index.number_of_replicas")
        had = {
            name: int(entry["settings"]["index"]["number_of_replicas"])
            for name, entry in found.items()
        }
        changed = {name: count for name, count in had.items() if count != self.replicas}
        if changed and change:
            self.indices_call(
                "put_settings",
                index=",".join(sorted(changed)),
                body={"index": {"number_of_replicas": self.replicas}},
            )
        return changed

    def drop_all(self):
        """Delete every index of this site (tests and `rebuild --from-scratch`)."""
        for name in self.indices_call("get", index=f"{self.alias}_*"):
            self.indices_call("delete", index=name)

    # --- writes ----------------------------------------------------------------------

    def write(self, docs, deleted_ids, indices=None, version=None, versions=None):
        """Index `docs` and delete `deleted_ids` in every target index, in one bulk request each.

        Each write carries an external version taken when the document was read from the
        database (`versions` gives it per page id, else `version`), so a rebuild that read a
        page earlier can never overwrite a newer delivery."""
        version = version or time.time_ns()
        versions = versions or {}
        targets = indices or sorted(
            set(self.ensure_index()) | set(self.indices_of(self.building_alias))
        )
        for index in targets:
            actions = [
                {
                    "_op_type": "index",
                    "_index": index,
                    "_id": str(doc["page_id"]),
                    "version": versions.get(doc["page_id"], version),
                    "version_type": "external_gte",
                    "_source": engine_body(doc),
                }
                for doc in docs
            ]
            actions += [
                {
                    "_op_type": "delete",
                    "_index": index,
                    "_id": str(page_id),
                    "version": version,
                    "version_type": "external_gte",
                }
                for page_id in deleted_ids
            ]
            if not actions:
                continue
            try:
                # Up to 1,000 documents per request (a few MB): fewer round trips than the
                # helper's default of 500, still well under the engine's request size limit.
                _ok, errors = self._bulk_helper().bulk(
                    self.client,
                    actions,
                    chunk_size=1000,
                    raise_on_error=False,
                    raise_on_exception=True,
                )
            except Exception as error:
                raise EngineUnavailable(f"bulk: {error}") from error
            real = [error for error in errors if not _harmless(error)]
            if real:
                raise EngineUnavailable(f"bulk: {len(real)} failed, first: {real[0]}")

    def search(self, body, filter_path=None, cache=False):
        """`filter_path` names the parts of the response to send back: every other part
        (shard counts, each hit's index, id and score...) is neither sent nor parsed.

        `cache` keeps the whole response in the engine's shard request cache until the index
        next changes, which it only does by itself for requests without hits: the same search
        asked again (the landing page, a shared link, the next visitor) is answered from it."""
        extra = {"filter_path": filter_path} if filter_path else {}
        if cache:
            extra["request_cache"] = True
        return self.call("search", index=self.alias, body=body, **extra)

    def count(self):
        return self.call("count", index=self.alias)["count"]

    def fingerprints(self, batch=2000):
        """{page id: fingerprint} of every document in the live index."""
        found, after = {}, None
        while True:
            body = {
                "size": batch,
                "_source": ["fingerprint"],
                "sort": [{"page_id": "asc"}],
                "query": {"match_all": {}},
            }
            if after is not None:
                body["search_after"] = after
            hits = self.search(body)["hits"]["hits"]
            if not hits:
                return found
            for hit in hits:
                found[int(hit["_id"])] = hit["_source"].get("fingerprint")
            after = hits[-1]["sort"]

    def info(self):
        """What the node is and how its cluster is: asked of _nodes and _cluster/health,
        which every kind answers (`GET /` may not)."""
        try:
            health = _plain(self.client.cluster.health())
        except Exception as error:
            raise EngineUnavailable(f"cluster.health: {error}") from error
        return {
            "kind": self.kind,
            "version": self.version,
            "status": health["status"],
            "nodes": health["number_of_nodes"],
        }


def _plain(answer):
    """The answer's JSON as plain data: Elasticsearch's client wraps it in a response object
    (its `body`), OpenSearch's returns it as it is."""
    return getattr(answer, "body", answer)


def _harmless(error):
    """A delete of a missing document, or a write older than the stored one."""
    ((action, detail),) = error.items()
    status = detail.get("status")
    return (action == "delete" and status == 404) or status == 409


# Batch commands (rebuild, drift) wait longer than a visitor would: a busy node answers a
# large bulk request slowly, and giving up would throw the rebuild away.
BATCH_TIMEOUT = 120
# Merging an index of a million documents into one segment takes minutes.
MERGE_TIMEOUT = 1800


def get_engine(timeout=None):
    """The configured engine, or None when the site searches its database only.

    `timeout` (seconds) replaces SEARCH_TIMEOUT, which is meant for visitors' requests."""
    config = getattr(settings, "SEARCH_ENGINE", None)
    if not config:
        return None
    timeout = timeout or config.get("TIMEOUT", 5)
    return Engine(config["URL"], config["INDEX"], timeout, config.get("REPLICAS", 0))
