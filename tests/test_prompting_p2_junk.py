"""Junk steps, round 2 (issue 11, p2; ``generation/prompting/nonsteps.py``): a mishap said with 要 after its
condition (「刷厚了要起皱」), a job named before its first step (「造龙舟头一步是放样」), a verb that says when
(「V的时候」) after a step of the same verb, 上 + a steamer before the verb done in it (「上笼蒸」) and a
sentence-final particle read as a verb (咧). Every sentence is written for this file (none is in the evaluation
set), about crafts other than the items that showed each class."""
import re

from tests.prompting_steps import steps, surfaces as actions
from generation.prompting.nonsteps import _JOB_ANCHORS, _JOB_STEP


def test_a_mishap_said_with_yao_after_its_condition_is_no_step():
    assert actions("胶水拿刷子刷一遍,刷多了要发霉的。刷完压平。") == ["刷", "压平"]
    assert actions("蜡烛点着,蜡油滴下来要烫人,底下垫张纸。") == ["点"]
    assert actions("蜡烛点着,蜡油滴下来,底下垫张纸。") == ["点", "滴下来"]
    assert "烫" not in actions("茶碗烫了要烫伤人的,先拿布垫着端。")


def test_yao_without_a_condition_or_with_no_damage_is_a_step():
    assert actions("竹子要破开,拿刀劈。") == ["破开", "劈"]
    assert actions("泡软了要晾干,晾三天。")[:1] == ["泡软"]


def test_the_job_named_before_its_first_step_is_no_step():
    assert actions("扎灯笼头一步是劈竹子,竹子劈成细条。")[0] == "劈"
    assert actions("糊纸这一步,拿排刷把浆糊刷匀。") == ["刷匀"]


def test_the_job_named_before_what_it_takes_is_no_step():
    assert actions("咱们编草鞋讲究个紧,草要拧实。") == ["拧实"]
    assert actions("上釉最要紧,釉浆拿勺子浇匀。")[0] == "浇匀"


def test_a_first_step_said_as_a_step_stays():
    assert actions("头一步先劈竹子。")[:1] == ["劈"]


def test_when_a_verb_was_a_step_before_its_time_clause_is_no_step():
    got = actions("笛子是横着吹的。吹的时候两只手托住笛身。")
    assert got.count("吹") == 1 and "托住" in got


def test_a_time_clause_said_first_stays_a_step():
    assert actions("吹的时候两只手托住笛身。")[:1] == ["吹"]


def test_onto_the_steamer_the_step_is_the_verb_after():
    got = steps("馒头捏好了,上笼蒸半个钟头。")
    assert [s["surface"] for s in got] == ["捏", "蒸"] and got[1]["params"]["duration_s"] == 1800


def test_a_final_particle_is_no_step():
    assert actions("面团揉光咧,再醒一会儿。") == ["揉光", "醒"]


def test_every_job_step_word_holds_an_anchor():
    # (a text with none of _JOB_ANCHORS skips the _JOB_STEP match for each step): each alternative of the
    # two groups of step words holds one
    groups = [g for g in re.findall(r"\(\?:([^()]*)\)", _JOB_STEP.pattern) if "步" in g]
    assert len(groups) == 2
    for word in "|".join(groups).split("|") + ["讲究", "最要紧", "顶要紧"]:
        assert any(c in word for c in _JOB_ANCHORS), word
        assert word in _JOB_STEP.pattern
    for said in ("头一步", "第二道", "头一桩", "头一件事", "这一步", "这道工序", "这个步骤", "这个工序", "讲究",
                 "最要紧"):
        assert _JOB_STEP.match(said)


def test_a_test_of_readiness_is_no_step():
    assert actions("糨糊熬稠,筷子能立住就成了。") == ["熬"]
    assert actions("绳子捆好,松紧能塞进两根手指就行。") == ["捆好"]


def test_a_step_with_how_far_it_goes_stays():
    assert actions("往下压,压到两毫米深就够了。")[0] == "压"
