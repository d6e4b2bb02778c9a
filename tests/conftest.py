"""Shared fixtures. Area-specific fixtures live in tests/<area>_fixtures.py, listed in pytest_plugins."""
import pytest
from django.conf import settings
from hypothesis import settings as hypothesis_settings

# Property tests draw the same examples on every run (a fixed seed, no example database carried between
# runs): a property that fails, fails every time, and CI is never flaky through hypothesis's luck. The
# examples that once failed are pinned with @example where they were found.
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
hypothesis_settings.load_profile("repeatable")

pytest_plugins = [
    "tests.archive_fixtures",
    "tests.browser_fixtures",
    "tests.engine_fixtures",
    "tests.gallery_fixtures",
    "tests.jobs_fixtures",
    "tests.postprocess_fixtures",
    "tests.review_fixtures",
]


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    name = settings.DATABASES["default"].get("NAME")
    host = settings.DATABASES["default"].get("HOST") or "-"
    return [f"heritage: database {engine} ({name} @ {host}); broker {settings.CELERY_BROKER_URL.split('@')[-1]}"]


@pytest.fixture(autouse=True)
def _chinese_first():
    """Each test starts and ends in the default language, whatever the one before it switched to."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a page cached by an earlier test (whose rows were rolled
    back) is never served to the next one."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def make_user(db, django_user_model):
    from django.contrib.auth.models import Group

    def _make(username: str, *roles: str, password: str = "pw-heritage-test", **extra):
        user = django_user_model.objects.create_user(username=username, password=password, **extra)
        for role in roles:
            # get_or_create: a transactional test before this one may have flushed the roles migration's groups
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        return user

    return _make


@pytest.fixture
def curator(make_user):
    return make_user("cur", "curator")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def craft(db):
    from archive.models import Category, Craft

    return Craft.objects.create(name="苏绣", slug="suxiu", category=Category.FINE_ARTS, region="江苏省苏州市")
