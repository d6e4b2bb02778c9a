"""One path style for the whole REST API (heritage/api.py): every path under /api/v1/ answers with and without a
trailing slash, the same view either way and never a redirect (a redirect loses a POST body); the canonical
spelling has no trailing slash (the API root is ``/api/v1/``), it is what ``reverse()`` gives under the stable
pattern names, and the schema lists it once."""
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def token_client(user):
    from rest_framework.authtoken.models import Token

    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return c


def api_routes(patterns=None, prefix=""):
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            yield from api_routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and (prefix + str(p.pattern)).startswith("api/v1"):
            yield prefix + str(p.pattern), p


def view_of(callback):
    return getattr(callback, "cls", None) or getattr(callback, "view_class", None) or callback


def test_every_api_route_has_its_twin_with_the_same_view_and_only_the_canonical_one_has_a_name():
    routes = dict(api_routes())
    assert len(routes) > 60, len(routes)
    for route, pattern in routes.items():
        twin = route[:-1] if route.endswith("/") else route + "/"
        assert twin in routes, f"{route} answers only one way"
        assert view_of(routes[twin].callback) == view_of(pattern.callback), route
        assert routes[twin].default_args == pattern.default_args, route
        canonical = route == "api/v1/" if route.rstrip("/") == "api/v1" else not route.endswith("/")
        assert bool(pattern.name) == canonical, f"{route}: the name belongs to the canonical spelling only"


def test_reverse_names_are_stable_and_give_the_canonical_spelling(rv):
    import uuid

    from heritage.api import ROOT_LINKS

    pk = uuid.uuid4()
    assert reverse("api-root") == "/api/v1/"
    assert reverse("api-craft-list") == "/api/v1/crafts"
    assert reverse("api-review-list") == "/api/v1/reviews"
    assert reverse("api-review-detail", args=[pk]) == f"/api/v1/reviews/{pk}"
    assert reverse("api-review-approve", args=[pk]) == f"/api/v1/reviews/{pk}/approve"
    assert reverse("api-archive-record", args=[pk]) == f"/api/v1/archive-records/{pk}"
    assert reverse("generation-task-batch") == "/api/v1/generation-tasks/batch"
    assert reverse("api-schema") == "/api/v1/schema"
    for name in ROOT_LINKS.values():
        path = reverse(name)
        assert not path.endswith("/") and resolve(path).url_name == name, name
        assert resolve(path + "/").func.__wrapped__ is resolve(path).func, name


def test_every_endpoint_answers_both_spellings_the_same_without_a_redirect(rv, signed_review):

    review = signed_review(variant="c")
    job = review.clip.job
    curator = token_client(rv.curator)
    reads = ["", "crafts", f"crafts/{rv.craft.slug}", "techniques", f"techniques/{rv.technique.slug}", "inheritors",
             f"inheritors/{rv.inheritor.pk}", "recordings", f"recordings/{rv.recording.pk}", "footage", "portraits",
             "reviews", f"reviews/{review.pk}", "generation-tasks", f"generation-tasks/{job.pk}", "schema"]
    for path in reads:
        bare, slashed = (curator.get(f"/api/v1/{path}".rstrip("/")), curator.get(f"/api/v1/{path}/".replace("//", "/")))
        assert bare.status_code == slashed.status_code == 200, (path, bare.status_code, slashed.status_code)
        if path not in ("schema",):
            assert bare.json() == slashed.json(), path
    # a refused write is the same refusal both ways (the body reached the view: nothing was redirected)
    for path in ("crafts", "generation-tasks", "generation-tasks/batch", "reviews", f"reviews/{review.pk}/comment",
                 f"recordings/{rv.recording.pk}/transcript", f"generation-tasks/{job.pk}/retry"):
        answers = [curator.post(f"/api/v1/{path}{end}", {"nope": 1}, format="json") for end in ("", "/")]
        assert answers[0].status_code == answers[1].status_code == 400, (path, [a.status_code for a in answers])
        assert answers[0].json() == answers[1].json(), path
    # and a write that is acted on, through the slashed spelling of a path documented without it
    made = curator.post("/api/v1/crafts/", {"name": "剪纸", "slug": "jianzhi", "category": "fine_arts",
                                            "region": "陕西省"}, format="json")
    assert made.status_code == 201 and made["Location"] == "/api/v1/crafts/jianzhi", made.content
    comment = curator.post(f"/api/v1/reviews/{review.pk}/comment/", {"text": "收到"}, format="json")
    assert comment.status_code in (200, 201), comment.content
    assert token_client(rv.curator).post("/api/v1/auth/token/", {}, format="json").status_code == 400
    assert APIClient().get(f"/api/v1/archive-records/{review.pk}").status_code == 404  # JSON 404 either way
    assert APIClient().get(f"/api/v1/archive-records/{review.pk}/").json()["code"] == "not_found"


def test_the_schema_lists_each_path_once_in_its_canonical_spelling(rv):
    paths = list(token_client(rv.curator).get("/api/v1/schema?format=json").json()["paths"])
    assert len(paths) == len(set(paths))
    assert {p.rstrip("/") for p in paths}.__len__() == len(paths), "a path listed with and without its slash"
    assert [p for p in paths if p.endswith("/")] == ["/api/v1/"]
    assert {"/api/v1/reviews", "/api/v1/reviews/{id}", "/api/v1/archive-records/{id}", "/api/v1/crafts"} <= set(paths)


def test_an_unfamiliar_client_gets_json_errors_that_say_what_is_wrong(rv):
    """Malformed page numbers and page sizes are a 400 naming the parameter (``heritage.pagination.Pages``), a
    page past the last a 404; a method an endpoint does not have is a 405 for everyone allowed to read it (not a
    403 that blames the account's rights); HEAD and OPTIONS answer; every error is JSON ``detail`` + ``code``."""
    import uuid

    curator = token_client(rv.curator)
    for query in ("page=abc", "page=0", "page=-1", "page=1.5", "page_size=abc", "page_size=0", "page_size=-3",
                  "page=99999999999999999999"):
        for path in ("crafts", "reviews", "generation-tasks"):
            r = curator.get(f"/api/v1/{path}?{query}")
            assert r.status_code == 400 and r.json()["code"] == "invalid", (path, query, r.content)
            assert query.split("=")[0] in r.json()["detail"], (path, query)
    past = curator.get("/api/v1/crafts?page=9999")
    assert past.status_code == 404 and past.json()["code"] == "not_found"
    assert curator.get("/api/v1/crafts?page=last").status_code == 200
    many = curator.get("/api/v1/crafts?page_size=1000&unknown=1")
    assert many.status_code == 200 and many.json()["count"] == 2  # read as 100; unknown parameters are ignored
    for path in ("generation-tasks", "reviews", "crafts", f"reviews/{uuid.uuid4()}", "generation-tasks/batch"):
        r = curator.delete(f"/api/v1/{path}")
        assert r.status_code == 405 and r.json()["code"] == "method_not_allowed", (path, r.status_code, r.content)
    assert token_client(rv.reviewer).put("/api/v1/crafts", {}, format="json").status_code == 405
    assert token_client(rv.reviewer).post("/api/v1/crafts", {}, format="json").status_code == 403  # a right, refused
    assert curator.head("/api/v1/reviews").status_code == 200
    options = curator.options("/api/v1/generation-tasks")
    assert options.status_code == 200 and options["Content-Type"] == "application/json"
    bad = curator.post("/api/v1/generation-tasks", data="{bad", content_type="application/json")
    assert bad.status_code == 400 and bad.json()["code"] == "parse_error"
    xml = curator.post("/api/v1/crafts", data="<a/>", content_type="application/xml")
    assert xml.status_code == 415 and xml.json()["code"] == "unsupported_media_type"


def _schema(client):
    return client.get("/api/v1/schema?format=json").json()


def test_integer_query_parameters_say_the_range_the_server_reads(rv):
    """Found by schemathesis (positive_data_acceptance): ``?page=0``, ``?page_size=0``, ``?step=0`` and
    ``?inheritor=0`` were schema-valid (plain ``integer``) yet every one is a 400 (``heritage.inputs.query_int``,
    from 1). The schema says the range the server reads."""
    from heritage.inputs import INT_MAX

    paths = _schema(token_client(rv.curator))["paths"]
    seen = set()
    for path, item in paths.items():
        for parameter in item.get("get", {}).get("parameters", []):
            if parameter["in"] == "query" and parameter["schema"].get("type") == "integer":
                seen.add(parameter["name"])
                assert parameter["schema"].get("minimum") == 1, (path, parameter)
                assert parameter["schema"].get("maximum") == INT_MAX, (path, parameter)
    assert {"page", "page_size", "step", "inheritor"} <= seen, seen


def test_an_integer_query_parameter_given_twice_is_refused_not_guessed(rv):
    """Found by schemathesis (negative_data_rejection): ``?page_size=abc&page_size=%0A`` answered 200 (Django
    reads the last value, blank, as absent). A parameter given more than once is a 400 naming it."""
    curator = token_client(rv.curator)
    for query in ("page_size=abc&page_size=%0A", "page=1&page=2", "step=1&step=1"):
        r = curator.get(f"/api/v1/generation-tasks?{query}")
        assert r.status_code == 400 and r.json()["code"] == "invalid", (query, r.content)
        assert query.split("=")[0] in r.json()["detail"], (query, r.content)
    assert curator.get("/api/v1/generation-tasks?page_size=&page=1").status_code == 200


def test_write_bodies_say_which_strings_and_lists_may_not_be_empty(rv):
    """Found by schemathesis (positive_data_acceptance): a blank ``title``/``credit``/``name``/``username`` and an
    empty ``tasks`` list were schema-valid yet refused with a 400. Request bodies now carry ``minLength: 1`` for
    every string the serializer refuses blank, and ``minItems: 1`` for the batch's tasks; optional blank-able
    strings stay without it."""
    schemas = _schema(token_client(rv.curator))["components"]["schemas"]
    assert schemas["CraftWrite"]["properties"]["name"].get("minLength") == 1
    assert schemas["CraftWrite"]["properties"]["slug"].get("minLength") == 1
    assert "minLength" not in schemas["CraftWrite"]["properties"]["description"]
    assert schemas["FootageWrite"]["properties"]["title"].get("minLength") == 1
    assert schemas["FootageWrite"]["properties"]["credit"].get("minLength") == 1
    assert schemas["PatchedFootageWrite"]["properties"]["title"].get("minLength") == 1
    assert "minLength" not in schemas["FootageWrite"]["properties"]["reference"]
    assert schemas["AuthToken"]["properties"]["username"].get("minLength") == 1
    assert schemas["BatchCreate"]["properties"]["tasks"].get("minItems") == 1
    assert schemas["BatchCreate"]["properties"]["tasks"].get("maxItems") == 50
    blank = token_client(rv.curator).post("/api/v1/crafts", {"name": "", "slug": "a", "category": "fine_arts"},
                                          format="json")
    assert blank.status_code == 400 and "name" in blank.json()
    for tasks, words in (([], "至少提交一个任务"), ([{}] * 51, "50")):
        r = token_client(rv.curator).post("/api/v1/generation-tasks/batch", {"tasks": tasks}, format="json")
        assert r.status_code == 400 and words in r.json()["detail"] and "tasks" in r.json(), r.content


def test_strings_the_api_reads_say_they_may_not_hold_a_nul(rv):
    """Found by schemathesis (positive_data_acceptance, stateful): a NUL in a string body field (DRF refuses it in
    every ``CharField``), in ``?q=`` or in a path's slug (``RefuseBadInputMiddleware``) is a 400, yet the schema
    allowed it. Every such string says ``pattern: ^[^\\u0000]*$`` (fields with a pattern of their own keep it)."""
    import re

    from heritage.schema import TEXT

    schema = _schema(token_client(rv.curator))
    nul_free = "^[^\\u0000]*$"
    write = schema["components"]["schemas"]["CraftWrite"]["properties"]
    # a body's text says more: no control character at all (the parsers refuse one, as the curator's forms do)
    assert write["name"].get("pattern") == TEXT and write["description"].get("pattern") == TEXT
    assert not re.fullmatch(TEXT, "a\x00b") and not re.fullmatch(TEXT, "a\x1bb") and re.fullmatch(TEXT, "苏绣\n")
    assert write["slug"]["pattern"] == "^[-a-zA-Z0-9_]+$"
    parameters = {(p["in"], p["name"]): p["schema"] for p in schema["paths"]["/api/v1/techniques"]["get"]["parameters"]}
    assert parameters[("query", "q")].get("pattern") == nul_free
    slug = [p for p in schema["paths"]["/api/v1/crafts/{slug}"]["get"]["parameters"] if p["name"] == "slug"][0]
    assert slug["schema"].get("pattern") == nul_free
    assert re.fullmatch(nul_free.replace("\\u0000", "\\x00"), "苏绣") and not re.fullmatch(
        nul_free.replace("\\u0000", "\\x00"), "a\x00b")
    r = token_client(rv.curator).post("/api/v1/crafts", {"name": "a\x00b", "slug": "ab", "category": "fine_arts",
                                                         "region": "r"}, format="json")
    assert r.status_code == 400 and "name" in r.json(), r.content


def test_a_body_is_not_described_by_the_mixin_that_refuses_unknown_keys(rv):
    """Found reading the schema as a script author would: ``TaskCreate``, ``TaskInput``, ``BatchCreate`` (every
    body whose serializer has no docstring of its own) were described by ``RefuseUnknownFields``' docstring, a
    note about Python classes. ``additionalProperties: false`` says what it means; the description is dropped."""
    schemas = _schema(token_client(rv.curator))["components"]["schemas"]
    assert schemas["TaskCreate"]["additionalProperties"] is False
    leaked = [name for name, s in schemas.items() if "serializer mixin" in s.get("description", "")]
    assert not leaked, leaked


def test_a_boolean_filter_reads_as_every_boolean_filter(rv):
    """Found by schemathesis (negative_data_rejection): ``/generation-tasks?mine=-971899737168154`` answered 200
    (anything but 1/true read as false); ``mine`` is read by ``heritage.inputs.query_bool`` like every boolean
    parameter: true/false, 1/0, yes/no, else a 400 naming it."""
    curator = token_client(rv.curator)
    r = curator.get("/api/v1/generation-tasks?mine=-971899737168154")
    assert r.status_code == 400 and "mine" in r.json()["detail"], r.content
    for value in ("true", "TRUE", "yes", "0", ""):
        assert curator.get(f"/api/v1/generation-tasks?mine={value}").status_code == 200, value


def test_step_parameters_are_an_object_in_the_schema_as_on_the_server(rv):
    """Found by schemathesis (positive_data_acceptance): ``StepWrite.parameters`` had no type, so ``null`` (and a
    list) were schema-valid, yet refused. It is an object (``DictField``)."""
    schemas = _schema(token_client(rv.curator))["components"]["schemas"]
    assert schemas["StepWrite"]["properties"]["parameters"].get("type") == "object"
    curator = token_client(rv.curator)
    for bad in (None, [1], "x"):
        r = curator.patch(f"/api/v1/techniques/{rv.technique.slug}",
                          {"steps": [{"title": "起针", "description": "x", "parameters": bad}]}, format="json")
        assert r.status_code == 400 and "steps" in r.json(), (bad, r.content)


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("method, path, status", [
    ("get", "/api/v1/reviews/not-a-uuid", 404), ("post", "/api/v1/reviews/0/withdraw", 404),
    ("get", "/api/v1/recordings/-43", 404), ("get", "/api/v1/inheritors/null,null", 404),
    ("delete", "/api/v1/no-such-thing", 404), ("get", "/api/nothing", 404),
    ("get", "/api/v1/crafts?page=%00", 400), ("get", "/api/v1/reviews/%00", 400),
])
def test_an_api_error_is_json_with_debug_on_too(rv, settings, debug, method, path, status):
    """Found by schemathesis against ``make run``'s server (DEBUG on: ``undocumented Content-Type``, 32 operations):
    a path no API route matches and a NUL refused by ``RefuseBadInputMiddleware`` were Django's HTML debug pages
    (with DEBUG on Django does not call ``handler404``/``handler400``), not the documented ``{"detail", "code"}``."""
    settings.DEBUG = debug
    response = getattr(token_client(rv.curator), method)(path)
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == ("not_found" if status == 404 else "invalid")


def test_the_schema_loads_drf_spectacular_extensions_once_before_inspecting_views(rv):
    """Found by schemathesis against a live server: two first schema requests at once were a 500 (drf-spectacular
    loads an extension's target on first use, not thread-safe). ``heritage.schema.canonical_paths`` loads them all
    first, under a lock."""
    from drf_spectacular import extensions

    from heritage.schema import canonical_paths

    unloaded = [ext for ext in extensions.OpenApiViewExtension._registry if ext.target_class is None]
    for ext in unloaded:  # as a fresh process has them: names, not classes
        ext.target_class = "dj_rest_auth.views.NotInstalled"
    try:
        canonical_paths([])
        assert all(not isinstance(ext.target_class, str) for base in (
            extensions.OpenApiViewExtension, extensions.OpenApiSerializerExtension,
            extensions.OpenApiAuthenticationExtension) for ext in base._registry)
    finally:
        for ext in unloaded:
            ext.target_class = None
    assert token_client(rv.curator).get("/api/v1/schema?format=json").status_code == 200
