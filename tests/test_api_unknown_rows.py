"""api8 (schemathesis ST202-like): a write body naming a row that does not exist (a craft or technique by its slug,
an inheritor, account, step, recording, portrait, segment, clip or comment by its id), or a row of the wrong kind
(a step of another technique, a technique of another craft), is a 400 naming the field (a 404 where the schema
says so: opening a review of a clip that does not exist), in the error shape the schema documents for that
operation, never a 500, and nothing is written. Every related field of every write body is in the table below
(``test_the_table_covers_every_related_field_of_every_write_body``), so a new one cannot be left out."""
import jsonschema
import pytest

from tests.test_api_paths import token_client

pytestmark = pytest.mark.django_db

MISSING = 999_999
HUGE = 2**63  # past every integer column: still a 400 (or 404), not an overflow


def recording(**extra):
    return {"craft": "suxiu", "title": "访谈", "interviewer": "研究员", "recorded_on": "2024-03-01", "place": "苏州",
            "consent_scope": "generation", "consent_date": "2024-03-01", "media_reference": "馆藏 A-1",
            "speaker_name": "沈寿", **extra}


def footage(**extra):
    return {"technique": "zhengqiang", "title": "起针", "credit": "研究所", "reference": "F-1", **extra}


def inheritor(**extra):
    return {"craft": "suxiu", "name": "沈秀芬", "level": "provincial", **extra}


def technique(**extra):
    return {"craft": "suxiu", "name": "正抢针", "slug": "zhengqiang", **extra}


# (serializer, field) covered → the cases: method, path (``{recording}``, ``{review}`` filled in), body, format,
# the field the answer names (None for a 404), status
CASES = {
    ("RecordingWriteSerializer", "craft"): [("post", "/api/v1/recordings", recording(craft="nope"), "craft")],
    ("RecordingWriteSerializer", "technique"): [
        ("post", "/api/v1/recordings", recording(technique="nope"), "technique"),
        ("patch", "/api/v1/recordings/{recording}", {"technique": "qiasi"}, "technique")],  # another craft's
    ("RecordingWriteSerializer", "speaker"): [
        ("post", "/api/v1/recordings", recording(speaker=MISSING), "speaker"),
        ("put", "/api/v1/recordings/{recording}", recording(speaker=HUGE), "speaker"),
        ("patch", "/api/v1/recordings/{recording}", {"speaker": "{other_inheritor}"}, "speaker")],  # another craft's
    ("FootageWriteSerializer", "technique"): [("post", "/api/v1/footage", footage(technique="nope"), "technique")],
    ("FootageWriteSerializer", "step"): [
        ("post", "/api/v1/footage", footage(step=MISSING), "step"),
        ("post", "/api/v1/footage", footage(step="{other_step}"), "step")],  # another technique's step
    ("InheritorWriteSerializer", "craft"): [("post", "/api/v1/inheritors", inheritor(craft="nope"), "craft")],
    ("InheritorWriteSerializer", "user"): [
        ("post", "/api/v1/inheritors", inheritor(user=MISSING), "user"),
        ("patch", "/api/v1/inheritors/{inheritor}", {"user": HUGE}, "user")],
    ("InheritorWriteSerializer", "proxy_user"): [("post", "/api/v1/inheritors", inheritor(proxy_user=MISSING),
                                                  "proxy_user")],
    ("TechniqueWriteSerializer", "craft"): [
        ("post", "/api/v1/techniques", technique(craft="nope", slug="new-one"), "craft"),
        ("patch", "/api/v1/techniques/zhengqiang", {"craft": "nope"}, "craft")],
    ("StepWriteSerializer", "id"): [
        ("put", "/api/v1/techniques/zhengqiang",
         technique(steps=[{"id": MISSING, "title": "起针", "description": "针距两毫米"}]), "steps")],
    ("PortraitUploadSerializer", "inheritor"): [("post", "/api/v1/portraits", {"inheritor": MISSING}, "inheritor")],
    ("TaskInputSerializer", "technique"): [("post", "/api/v1/generation-tasks", {"input": {"technique": "nope"}},
                                            "input")],
    ("TaskInputSerializer", "step"): [("post", "/api/v1/generation-tasks",
                                       {"input": {"technique": "zhengqiang", "step": 99}}, "input")],
    ("TaskInputSerializer", "recording"): [
        ("post", "/api/v1/generation-tasks", {"input": {"recording": MISSING}}, "input"),
        ("post", "/api/v1/generation-tasks/batch", {"tasks": [{"input": {"recording": MISSING}}]}, "tasks")],
    ("S2VInputSerializer", "portrait"): [("post", "/api/v1/generation-tasks",
                                          {"input": {"portrait": MISSING, "recording": "{recording}",
                                                     "segments": [1]}}, "input")],
    ("S2VInputSerializer", "recording"): [("post", "/api/v1/generation-tasks",
                                           {"input": {"portrait": 1, "recording": MISSING, "segments": [1]}},
                                           "input")],
    ("S2VInputSerializer", "segments"): [("post", "/api/v1/generation-tasks",
                                          {"input": {"portrait": "{portrait}", "recording": "{recording}",
                                                     "segments": [MISSING]}}, "input")],
    ("ReviewOpenSerializer", "clip"): [("post", "/api/v1/reviews", {"clip": MISSING}, None)],
    ("CommentBody", "parent"): [("post", "/api/v1/reviews/{review}/comment", {"text": "好", "parent": MISSING},
                                 "parent")],
}
# Fields that name a row by an integer (DRF's related fields are found by their class)
ROW_IDS = {("TaskInputSerializer", "step"), ("TaskInputSerializer", "recording"), ("TaskInputSerializer", "technique"),
           ("S2VInputSerializer", "portrait"), ("S2VInputSerializer", "recording"),
           ("S2VInputSerializer", "segments"), ("ReviewOpenSerializer", "clip"), ("CommentBody", "parent"),
           ("StepWriteSerializer", "id")}


def request_serializers():
    """The serializer of every request body the schema describes (nested ones too), by class name."""
    from drf_spectacular.generators import SchemaGenerator
    from rest_framework import serializers

    from heritage.schema import _refs

    generator = SchemaGenerator()
    schema = generator.get_schema(request=None, public=True)
    bodies = [op.get("requestBody") for item in schema["paths"].values() for op in item.values()
              if isinstance(op, dict)]
    names = _refs(bodies, schema["components"]["schemas"], set())
    names |= {name.removesuffix("Form").removesuffix("NoFile") for name in names}
    for component in generator.registry._components.values():
        if component.name in names and isinstance(component.object, serializers.Serializer):
            yield type(component.object).__name__, component.object


def test_the_table_covers_every_related_field_of_every_write_body(rv):
    from rest_framework import relations

    related = {(name, field_name) for name, serializer in request_serializers()
               for field_name, field in serializer.fields.items()
               if isinstance(field, (relations.RelatedField, relations.ManyRelatedField)) and not field.read_only}
    assert related, "no request body found"
    assert related | ROW_IDS <= set(CASES), sorted(related | ROW_IDS - set(CASES))


@pytest.fixture
def world(rv, make_clip, signed_review):
    from archive.models import TechniqueStep

    make_clip(variant="b")
    review = signed_review(variant="c")
    other_step = TechniqueStep.objects.create(technique=rv.other_technique, order=1, title="掐丝", description="掐丝")
    return {"recording": rv.recording.pk, "inheritor": rv.inheritor.pk, "other_inheritor": rv.other_inheritor.pk,
            "other_step": other_step.pk, "review": review.pk, "portrait": MISSING}


def filled(value, world):
    if isinstance(value, str) and value.startswith("{") and value.endswith("}") and value[1:-1] in world:
        return world[value[1:-1]]
    if isinstance(value, dict):
        return {k: filled(v, world) for k, v in value.items()}
    if isinstance(value, list):
        return [filled(v, world) for v in value]
    return value


def documented_schema(api_schema, template, method, status):
    for key in ("{recording}", "{inheritor}", "{review}"):
        template = template.replace(key, "{id}")
    template = template.replace("/zhengqiang", "/{slug}")
    content = api_schema["paths"][template][method]["responses"][str(status)]["content"]["application/json"]
    return {**content["schema"], "components": api_schema["components"]}


@pytest.mark.parametrize("covered", sorted(CASES), ids=lambda c: ".".join(c))
def test_a_body_naming_a_row_that_is_not_there_is_a_documented_400_naming_the_field(rv, world, covered):
    from archive.models import Footage, Inheritor, InheritorPortrait, Recording, Technique
    from generation.models import GenerationJob
    from review.models import Review, ReviewComment

    client = token_client(rv.curator)
    api_schema = client.get("/api/v1/schema?format=json").json()
    tables = (Footage, Inheritor, InheritorPortrait, Recording, Technique, GenerationJob, Review, ReviewComment)
    before = [model.objects.count() for model in tables]
    for method, template, body, field in CASES[covered]:
        path = template.format(**world)
        fmt = "multipart" if "portraits" in path else "json"
        response = getattr(client, method)(path, filled(body, world), format=fmt)
        status = 404 if field is None else 400
        assert response.status_code == status, (method, path, response.content[:300])
        answer = response.json()
        jsonschema.Draft4Validator(documented_schema(api_schema, template, method, status)).validate(answer)
        assert answer["detail"] and answer["code"], answer
        if field is not None:
            assert field in answer, (method, path, answer)
    assert [model.objects.count() for model in tables] == before
