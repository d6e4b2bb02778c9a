"""Every URL pattern names the permission it needs, from the one table in heritage/permissions.py.

Walks Django's resolver: a function view carries ``permission_required`` (set by ``requires`` or
``public``); a class-based screen is a ``PermissionView`` with ``permission_required``; an API view has a
``HasPerm`` class among its ``permission_classes``. Public pages name ``heritage.public`` explicitly.
The only patterns without a name of ours are Django admin's (its site checks ``is_active and is_staff``)
and the development-only static/media server.
"""
import pytest
import rules
from django.urls import URLPattern, URLResolver, get_resolver

from heritage import permissions

EXEMPT_NAMESPACES = {"admin"}  # django.contrib.admin guards every view with AdminSite.has_permission


def walk(patterns, prefix="", namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), namespace, p


def declared_permissions(callback) -> set[str]:
    names = set()
    direct = getattr(callback, "permission_required", None)
    if direct:
        names.add(direct)
    cls = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if cls is not None:
        initkwargs = getattr(callback, "view_initkwargs", None) or getattr(callback, "initkwargs", None) or {}
        if issubclass(cls, permissions.PermissionView):
            view = cls(**initkwargs)
            names.add(view.permission_required)
            for extra in ("write_permission",):
                if getattr(view, extra, ""):
                    names.add(getattr(view, extra))
            if getattr(view, "write", False):
                names.add(view.required_permission(type("R", (), {"method": "POST"})()))
        delegated = getattr(cls, "permission_delegated", None)
        if isinstance(delegated, dict):
            names.update(delegated.values())
        elif delegated is not None:  # a property: the instance knows (e.g. the review action's row)
            names.update(getattr(cls(**initkwargs), "permission_delegated").values())
        for perm_class in getattr(cls, "permission_classes", []) or []:
            names.update(getattr(perm_class, "perms", {}).values())
            if getattr(perm_class, "object_perm", None):
                names.add(perm_class.object_perm)
    return {n for n in names if n}


def test_every_url_pattern_names_a_permission_of_the_table():
    missing, unknown, seen = [], [], 0
    for route, namespace, pattern in walk(get_resolver().url_patterns):
        if namespace in EXEMPT_NAMESPACES or route.startswith(("static/", "media/", "^static", "^media")):
            continue
        seen += 1
        names = declared_permissions(pattern.callback)
        if not names:
            missing.append(route)
        for n in names:
            if n not in permissions.PERMISSIONS or not rules.perm_exists(n):
                unknown.append((route, n))
    assert seen > 60, seen  # the walk really went through the site
    assert not missing, f"URL patterns that name no permission: {missing}"
    assert not unknown, f"permissions not in heritage/permissions.py: {unknown}"


def test_public_pages_say_so_and_the_rest_do_not():
    public, guarded = set(), set()
    for route, namespace, pattern in walk(get_resolver().url_patterns):
        if namespace in EXEMPT_NAMESPACES:
            continue
        names = declared_permissions(pattern.callback)
        (public if permissions.PUBLIC in names else guarded).add(route)
    assert "" in public and "search/" in public and "accounts/login/" in public
    assert any(r.startswith("curator/") for r in guarded) and not any(r.startswith("curator/") for r in public)
    assert not any(r.startswith("review/") for r in public)
    # the one public API read is an archive record (public only while it is published), under both spellings
    assert {r for r in public if r.startswith("api/v1/") and "archive-records" in r} == {
        "api/v1/archive-records/<uuid:pk>", "api/v1/archive-records/<uuid:pk>/"}


@pytest.mark.django_db
def test_a_view_without_a_permission_would_be_caught(settings):
    """The walk fails on a pattern that names nothing (so the test above can fail)."""
    from django.http import HttpResponse
    from django.urls import path

    def naked(request):
        return HttpResponse("x")

    assert declared_permissions(naked) == set()
    assert declared_permissions(permissions.public(lambda r: HttpResponse("y"))) == {permissions.PUBLIC}
    assert path("x/", naked).callback is naked
