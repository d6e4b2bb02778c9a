"""Schema fuzzing of the whole API (issue 13): schemathesis generates requests from our own OpenAPI schema
(positive and negative data) and sends them with a curator's token through the in-process WSGI app. No
response may be a server error, and every response must match the schema (status code documented, content
type, body). Bounded and derandomized, so it is the same ~2,400 cases on every run."""
import pytest
from hypothesis.errors import Unsatisfiable
from hypothesis import HealthCheck, Phase, given, settings as hsettings

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

EXAMPLES_PER_OPERATION = {"positive": 45, "negative": 45}


@pytest.fixture
def fuzz_world(rv, make_clip, signed_review):
    """Rows for the ids the fuzzer may hit (ids 1.. exist for crafts, techniques, clips, reviews)."""
    from rest_framework.authtoken.models import Token

    make_clip(variant="b")
    signed_review(variant="c")
    return Token.objects.create(user=rv.curator).key


def test_schema_fuzzing_curator_no_server_error_and_every_response_conforms(fuzz_world, settings):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    # As Django's test client does: the in-process app must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _fuzz(fuzz_world, settings)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _fuzz(token, settings):
    import schemathesis
    from schemathesis.checks import not_a_server_error
    from schemathesis.generation import GenerationMode
    from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                                   status_code_conformance)

    from heritage.wsgi import application

    settings.HERITAGE_THROTTLE_RATES = {scope: None for scope in settings.HERITAGE_THROTTLE_RATES}
    headers = {"Authorization": f"Token {token}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    cases, failures, statuses = [0], [], {}

    for result in schema.get_all_operations():
        operation = result.ok()
        for mode, n in EXAMPLES_PER_OPERATION.items():
            @given(case=operation.as_strategy(generation_mode=GenerationMode(mode)))
            @hsettings(max_examples=n, deadline=None, database=None, derandomize=True, phases=[Phase.generate],
                       suppress_health_check=list(HealthCheck))
            def run(case):
                cases[0] += 1
                response = case.call(headers=headers)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                try:
                    case.validate_response(response, checks=checks)
                except Exception as exc:  # noqa: BLE001 - collected, reported all at once below
                    failures.append(f"{operation.label} [{mode}] {response.status_code}: {str(exc)[:600]}")

            try:
                run()
            except Unsatisfiable:  # negative mode: nothing in this operation's request can be made invalid
                assert mode == "negative", operation.label

    print(f"schema fuzzing: {cases[0]} cases, responses by status {dict(sorted(statuses.items()))}")
    assert cases[0] >= 2000, cases[0]
    assert not failures, f"{len(failures)} of {cases[0]} cases failed:\n" + "\n".join(sorted(set(failures))[:60])
