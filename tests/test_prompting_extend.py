"""Prompt extension (generation/prompting/extend.py): the tiny random Qwen2-style checkpoint is built
into a temporary folder and loaded through the same transformers path as a real model; its output is
noise and is refused with a warning naming what was lost; the checker accepts a faithful rewrite and
refuses one that drops a value, hand, tool or material; off by default; recorded on the job."""
import pytest
from django.core.management import call_command
from django.urls import reverse

from generation import services
from generation.prompting import extend, normalize

TEXT = "左手扶着绣绷,右手拿12号绣针斜着45度进针,针距3毫米。"


@pytest.fixture(scope="module")
def tiny_prompt_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("prompt-model")
    call_command("build_tiny_prompt_model", str(path))
    return path


@pytest.fixture
def description():
    return normalize(TEXT, craft="suxiu").to_dict()


@pytest.fixture
def fast(monkeypatch):
    monkeypatch.setattr(extend, "MAX_NEW_TOKENS", 8)


def test_required_facts_are_the_structures_values_hands_tools_and_materials(description):
    facts = extend.required_facts(description)
    for fact in ("左手", "右手", "绣绷", "绣针", "12号", "45°", "3毫米"):
        assert fact in facts, (fact, facts)
    assert description["prompt"] and not extend.missing_facts(description, description["prompt"])


def test_checker_accepts_a_faithful_rewrite_and_refuses_a_lossy_one(description):
    faithful = ("江南水乡的绣房里,一位苏绣传承人端坐窗前,左手扶着绣绷,右手捏着12号绣针,以45°角斜斜进针,"
                "针距3毫米,每秒2毫米,丝线在晨光中泛着柔和的光泽。")  # 2毫米: the default speed the structure carries
    assert extend.missing_facts(description, faithful) == []
    assert extend.missing_facts(description, faithful.replace("45°", "四十五度")) == ["45°"]
    assert extend.missing_facts(description, faithful.replace("左手", "一只手")) == ["左手"]
    assert extend.missing_facts(description, faithful.replace("绣绷", "框")) == ["绣绷"]
    # a value is a whole number: 145° does not keep 45°, 13毫米 does not keep 3毫米
    assert "45°" in extend.missing_facts(description, faithful.replace("45°", "145°"))
    assert "3毫米" in extend.missing_facts(description, faithful.replace("3毫米", "13毫米"))


def test_tiny_model_output_is_noise_and_is_refused_with_what_was_lost(tiny_prompt_model, description, fast, caplog):
    ext = extend.extend_prompt(description, description["prompt"], path=tiny_prompt_model)
    assert ext.used == extend.REFUSED
    assert ext.prompt == description["prompt"]
    assert ext.missing and "左手" in ext.missing
    assert "丢失" in ext.reason and "左手" in ext.reason
    assert any("prompt extension refused" in r.getMessage() for r in caplog.records)


def test_model_is_loaded_once_per_process(tiny_prompt_model):
    first = extend.load_model(tiny_prompt_model)
    assert extend.load_model(tiny_prompt_model) is first
    tokenizer, model = first
    assert type(model).__name__ == "Qwen2ForCausalLM" and tokenizer.chat_template


def test_faithful_model_output_is_used(tiny_prompt_model, description, monkeypatch):
    """Only the model's text is faked (a real model's faithful rewrite); loading and the checker are real."""
    rewrite = "晨光里的绣房," + description["prompt"] + "近景缓缓推进。"
    seen = {}

    def fake_generate(tokenizer, model, messages, *, max_new_tokens):
        seen["messages"] = messages
        return rewrite

    monkeypatch.setattr(extend, "generate_text", fake_generate)
    ext = extend.extend_prompt(description, description["prompt"], path=tiny_prompt_model)
    assert ext.used == extend.EXTENDED and ext.prompt == rewrite and not ext.missing
    assert "「45°」" in seen["messages"][1]["content"]  # the model is told what to keep


def test_missing_model_folder_is_a_refusal_not_an_error(tmp_path, description, settings):
    settings.PROMPT_MODEL_DIR = ""
    ext = extend.extend_prompt(description, description["prompt"])
    assert ext.used == extend.REFUSED and ext.prompt == description["prompt"] and "HERITAGE_PROMPT_MODEL_DIR" in ext.reason
    ext = extend.extend_prompt(description, description["prompt"], path=tmp_path / "nothing")
    assert ext.used == extend.REFUSED and "nothing" in ext.reason


@pytest.mark.django_db
def test_off_by_default_and_recorded_on_the_job(make_user, settings, tiny_prompt_model, fast):
    from django.conf import settings as conf

    assert conf.PROMPT_EXTEND is False  # the shipped default
    user = make_user("extend-curator", "curator")
    job = services.job_create(requested_by=user, text=TEXT, parameters={"duration": 0.25, "steps": 3},
                              seed=1, enqueue=False)
    assert job.parameters["prompt_extension"] == {"requested": False, "used": "rendered"}

    settings.PROMPT_MODEL_DIR = str(tiny_prompt_model)
    job = services.job_create(requested_by=user, text=TEXT, parameters={"duration": 0.25, "steps": 3},
                              seed=1, enqueue=False, prompt_extend=True)
    record = job.parameters["prompt_extension"]
    assert record["requested"] is True and record["used"] == "refused"
    assert "丢失" in record["reason"] and job.prompt == record["rendered"]
    from django.test import Client

    client = Client()
    client.force_login(user)
    page = client.get(reverse("generation:job_detail", kwargs={"pk": job.pk})).content.decode()
    assert 'data-testid="prompt-extension"' in page and record["reason"] in page
    retry = services.job_retry(job=job, actor=user, seed=2)
    assert retry.parameters["prompt_extension"]["requested"] is True


@pytest.mark.django_db
def test_setting_turns_it_on_and_a_faithful_rewrite_becomes_the_jobs_prompt(make_user, settings, tiny_prompt_model,
                                                                         monkeypatch):
    settings.PROMPT_EXTEND = True
    settings.PROMPT_MODEL_DIR = str(tiny_prompt_model)
    monkeypatch.setattr(extend, "generate_text", lambda t, m, msgs, *, max_new_tokens:
                        "夜色温暖的绣房中," + msgs[1]["content"].split("\n")[0].removeprefix("原提示词:"))
    job = services.job_create(requested_by=make_user("extend-on", "curator"), text=TEXT,
                              parameters={"duration": 0.25, "steps": 3}, seed=1, enqueue=False)
    record = job.parameters["prompt_extension"]
    assert record["used"] == "extended" and job.prompt.startswith("夜色温暖的绣房中,")
    assert job.prompt.endswith(record["rendered"])


@pytest.mark.django_db
def test_api_field_asks_for_extension(make_user, settings, tiny_prompt_model, fast):
    from rest_framework.test import APIClient

    settings.PROMPT_MODEL_DIR = str(tiny_prompt_model)
    client = APIClient()
    client.force_authenticate(make_user("extend-api", "curator"))
    resp = client.post("/api/v1/generation-tasks", {"input": {"text": TEXT, "prompt_extend": True},
                                                   "parameters": {"duration": 0.25, "steps": 3}}, format="json")
    assert resp.status_code in (201, 202), resp.content
    assert resp.json()["parameters"]["prompt_extension"]["used"] == "refused"


@pytest.mark.django_db
def test_normalize_screen_previews_the_extension_and_says_why_it_was_refused(client, make_user, settings,
                                                                            tiny_prompt_model, fast):
    settings.PROMPT_MODEL_DIR = str(tiny_prompt_model)
    client.force_login(make_user("extend-screen", "curator"))
    resp = client.post(reverse("prompting:normalize"), {"text": TEXT, "craft": "suxiu", "action": "extend"})
    assert resp.status_code == 200
    body = resp.content.decode()
    assert 'data-testid="prompt-extension"' in body and "扩展未采用" in body and "丢失" in body
    assert "微型模型输出是噪声" in body


def test_a_model_that_fails_while_writing_keeps_the_rendered_prompt(tiny_prompt_model, description, monkeypatch):
    def broken(tokenizer, model, messages, *, max_new_tokens):
        raise RuntimeError("CUDA out of memory")

    monkeypatch.setattr(extend, "generate_text", broken)
    ext = extend.extend_prompt(description, description["prompt"], path=tiny_prompt_model)
    assert ext.used == extend.REFUSED and ext.prompt == description["prompt"] and "RuntimeError" in ext.reason


def test_every_rendered_prompt_keeps_its_own_facts():
    """The rule and the renderer agree: on the gold set and the dev split, each rendered prompt passes
    the check it imposes on a rewrite (a fact the renderer does not show could never be kept)."""
    import json
    from pathlib import Path

    data = Path(extend.__file__).parent / "data"
    checked = 0
    for name in ("gold.json", "eval/dev.json"):
        for item in json.loads((data / name).read_text(encoding="utf-8"))["transcripts"]:
            result = normalize(item["text"], item.get("technique")).to_dict()
            if result["prompt"]:
                assert extend.missing_facts(result, result["prompt"]) == [], (item["text"], result["prompt"])
                checked += 1
    assert checked >= 100
