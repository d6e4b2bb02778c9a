"""Tools and materials on found steps, r8-things (issue 11; ``generation/prompting/roles.py``): what is taken
up to wind or tie with is bound into the work (「拿藤条捆」). Every sentence is written for this file (none is in
the evaluation set), about crafts of every kind."""
from generation.prompting import normalize


def steps(text):
    return normalize(text).to_dict()["steps"]


def step_of(text, surface):
    return next(s for s in steps(text) if s["surface"] == surface)


# what is taken up to wind, tie or wrap with (拿/用 + a name that says neither tool nor stuff) is material

def test_a_thing_taken_up_to_tie_with_is_bound_into_the_work():
    got = step_of("篱笆拿荆条扎,一档要扎五道。", "扎")
    assert got["material"] == "荆条"


def test_a_band_taken_up_to_wind_from_a_place_is_the_material_not_the_place():
    got = step_of("拿布带从脚踝往上绑,绑三道。", "绑")
    assert got["material"] == "布带" and got["tool"] is None


def test_a_tool_taken_up_to_sew_stays_the_tool():
    # guard: a name that says tool (针) is what the binding verb works with
    got = steps("鞋帮子拿大针缝,一针一针缝紧。")[0]
    assert got["tool"] == "大针"


def test_what_ba_names_stays_the_material_of_the_binding():
    # guard: 把 names what is wound; the thing taken up stays what with
    got = steps("拿皮绳把刀柄缠紧。")[0]
    assert got["material"] == "刀柄"
