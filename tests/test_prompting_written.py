"""Written text about a craft (session 10; bench/probes/written_*.json): news reports and centre articles say a
craft's history, listing and fame (words.BACKGROUND_VERBS: never a step), and give overviews of the process
(overview.py: the listed steps once). Every sentence is written for this file (none is in a probe set)."""
import pytest

from generation.prompting import normalize
from generation.prompting.overview import overviews
from tests.prompting_steps import steps, surfaces


@pytest.mark.parametrize("text", [
    "2011年，该技艺入选第三批国家级非物质文化遗产名录。",
    "相传这种编法始于明代，流行于闽南一带，素有“竹中之花”的美誉。",
    "据县志记载，当地春节舞龙的习俗已有四百余年历史。",
])
def test_history_listing_and_fame_give_no_step(text):
    assert steps(text) == []


def test_a_reporters_narration_is_no_step_but_what_he_saw_is():
    got = surfaces("记者在作坊里看到，只见老艺人拿起木槌，轻轻敲打模具。")
    assert "只见" not in got and "敲打" in got


def test_an_overview_followed_by_its_details_gives_the_steps_once():
    text = "做米粉要经过浸米、磨浆、蒸粉、切条等工序。先把大米浸泡一夜，再磨成米浆，上笼蒸熟，最后切成细条。"
    out = normalize(text).to_dict()
    listed = text.index("先")
    assert out["steps"] and all(s["start"] >= listed for s in out["steps"])
    assert {"浸米", "磨浆", "切条"} <= {t["text"] for t in out["terms"]}


def test_an_overview_alone_gives_its_steps_in_order():
    text = "竹扇的制作主要包括选竹、破篾、编织、包边四道工序。"
    got = surfaces(text)[-4:]
    assert got[:3] == ["选竹", "破篾", "编织"] and got[3] in ("包", "包边")


def test_the_count_said_with_an_overview_stays_when_the_details_follow():
    text = "做豆腐分磨浆、煮浆、点卤、压制四道工序。黄豆泡软后磨成浆，煮浆要煮开，点卤时慢慢倒，最后压制成形。"
    out = normalize(text).to_dict()
    counts = [n["params"].get("count") for n in out["notes"]] + [s["params"].get("count") for s in out["steps"]]
    assert 4 in counts


@pytest.mark.parametrize("text", ["布要染成红、黄、蓝三色。", "以糯米、红糖、芝麻为原料。", "有张、王、李三位师傅。"])
def test_a_list_that_names_no_steps_is_no_overview(text):
    assert overviews(text) == []


def test_the_part_after_a_last_de_names_a_listed_step():
    text = "药材依次经过挑拣、清洗前的浸润、切片和晒干等工序。"
    assert "浸润" in surfaces(text)


def test_a_listed_step_said_again_as_a_noun_is_that_step_there():
    # 「以篾片编织成型」: jieba reads 编织 as a noun; the overview named it a step; the lead 分为 is none
    got = surfaces("竹篮的制作分为破竹、刮篾、编织三步。先把毛竹破开，再刮成薄篾，最后以篾片编织成型。")
    assert got[-1] == "编织" and "分为" not in got and got.count("编织") == 1


def test_a_members_own_he_is_no_joiner_but_the_last_one_is():
    text = "饺子要经过选料、和面、擀皮与包馅等工序。"
    assert [[text[a:b] for a, b in m] for m in overviews(text)] == [["选料", "和面", "擀皮", "包馅"]]
