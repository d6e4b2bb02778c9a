"""The curator normalization screen at /curator/normalize/: access, highlighting, spoken values vs
defaults, editing, and saving as the technique's prompt template."""
import datetime as dt
import re

import pytest

from archive.models import Recording, Technique, TranscriptSegment

URL = "/curator/normalize/"
SEED = "哎呀那个针要斜一点进去,不然容易断。先把丝线劈成十六分之一,然后左手拿绷子。"

pytestmark = pytest.mark.django_db


@pytest.fixture
def technique(craft):
    return Technique.objects.create(craft=craft, name="正抢针法", slug="suxiu-zhengqiang")


def test_anonymous_goes_to_login(client):
    r = client.get(URL)
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


def test_other_roles_get_403(client, make_user):
    client.force_login(make_user("insp", "reviewer"))
    assert client.get(URL).status_code == 403


def test_staff_without_group_may_use_it(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff", password="x", is_staff=True))
    assert client.get(URL).status_code == 200


def test_analyze_highlights_terms_params_and_tells_defaults_apart(curator_client, technique):
    r = curator_client.post(URL, {"text": SEED, "technique": technique.slug, "action": "analyze"})
    assert r.status_code == 200
    html = r.content.decode()
    assert '<mark class="term-tool" title="工具: 绣针">针</mark>' in html
    assert '<mark class="term-material"' in html and '<mark class="term-action"' in html
    assert '<mark class="param" title="劈丝 = 16">十六分之一</mark>' in html
    assert 'data-testid="param-angle_deg">规范默认值' in html  # 斜一点 → default
    assert 'data-testid="param-thread_split">口述' in html  # 十六分之一 was said
    assert html.count('data-testid="step"') == 3
    assert "不然容易断" in html and "12号绣针" in html


def test_pick_a_recording_segment(curator_client, craft, technique):
    rec = Recording.objects.create(craft=craft, technique=technique, title="口述一", speaker_name="沈", interviewer="李",
                                   recorded_on=dt.date(2023, 5, 1), place="苏州", consent_scope="generation",
                                   consent_date=dt.date(2023, 5, 1), media_reference="X")
    TranscriptSegment.objects.create(recording=rec, start_ms=0, end_ms=1000, text="先劈丝。")
    seg = TranscriptSegment.objects.create(recording=rec, start_ms=1000, end_ms=2000, text="铁水烧到一千六百度。右手拿针。")
    r = curator_client.get(URL, {"recording": rec.pk})
    html = r.content.decode()
    # 劈丝, 烧 (any verb can be a step since issue 11), 拿
    assert "先劈丝。\n铁水烧到一千六百度" in html and html.count('data-testid="step"') == 3
    r = curator_client.get(URL, {"segment": seg.pk})
    html = r.content.decode()
    assert ">先劈丝。" not in html and 'value="suxiu-zhengqiang" selected' in html


def edited_post(tech, **extra):
    data = {"text": SEED, "technique": tech.slug, "camera": "top-down", "step_count": "2",
            "s0-action": "进针", "s0-hand": "right", "s0-tool": "绣针", "s0-material": "", "s0-start": "4", "s0-end": "11",
            "s0-p0-name": "angle_deg", "s0-p0-value": "45", "s0-p1-name": "needle_no", "s0-p1-value": "12",
            "s0-p1-default": "on", "s0-notes": "不然容易断",
            "s1-action": "劈丝", "s1-material": "丝线", "s1-p0-name": "thread_split", "s1-p0-value": "16-32"}
    data.update(extra)
    return data


def test_preview_renders_prompt_from_edited_steps(curator_client, technique):
    r = curator_client.post(URL, edited_post(technique, action="preview"))
    html = r.content.decode()
    assert r.status_code == 200
    assert "右手用12号绣针" in html and "以45°角" in html and "1/16–32" in html and "俯拍镜头" in html


def test_save_as_prompt_template(curator_client, technique):
    r = curator_client.post(URL, edited_post(technique, action="save"))
    assert r.status_code == 302
    technique.refresh_from_db()
    tpl = technique.prompt_template
    assert [s["action"] for s in tpl["steps"]] == ["进针", "劈丝"]
    assert tpl["steps"][0]["params"] == {"angle_deg": 45, "needle_no": 12}
    assert tpl["steps"][0]["defaults"] == ["needle_no"]
    assert tpl["steps"][1]["params"] == {"thread_split": [16, 32]}
    assert tpl["camera"] == "top-down" and "俯拍镜头" in tpl["prompt"] and tpl["saved_by"] == "cur"
    assert tpl["spec_version"] == "1.1.0" and tpl["text"] == SEED
    page = curator_client.get(r["Location"]).content.decode()
    # found walking: the technique's name in this heading was empty (a filter inside blocktranslate)
    assert f"「{technique}」当前保存的提示词模板" in page
    curator_client.cookies["django_language"] = "en"
    page = curator_client.get(r["Location"]).content.decode()
    assert f'Prompt template currently saved for “<span lang="zh-Hans">{technique}</span>”' in page


def test_bad_values_are_refused_and_nothing_is_lost(curator_client, technique):
    r = curator_client.post(URL, edited_post(technique, action="save", **{"s0-p0-value": "很斜"}))
    assert r.status_code == 400
    html = r.content.decode()
    assert "很斜" in html and "不是数字或范围" in html and SEED in html
    technique.refresh_from_db()
    assert technique.prompt_template == {}


def test_save_needs_a_technique(curator_client, technique):
    r = curator_client.post(URL, edited_post(technique, action="save", technique=""))
    assert r.status_code == 400 and "请先选择" in r.content.decode()


def test_text_too_long(curator_client):
    r = curator_client.post(URL, {"text": "针" * 20001, "action": "analyze"})
    assert r.status_code == 400


def test_the_interviewers_segments_of_a_recording_give_no_step(curator_client, craft, technique):
    # the interviewer's words (by the recording's interviewer name, or a segment's speaker 采访人) are not the
    # master's: analysing the whole transcript gives only the master's steps (generation/prompting/turns.py)
    rec = Recording.objects.create(craft=craft, technique=technique, title="口述二", speaker_name="沈", interviewer="李文静",
                                   recorded_on=dt.date(2023, 5, 1), place="苏州", consent_scope="generation",
                                   consent_date=dt.date(2023, 5, 1), media_reference="X")
    TranscriptSegment.objects.create(recording=rec, start_ms=0, end_ms=1000, speaker="李文静", text="您给讲讲怎么劈丝。")
    TranscriptSegment.objects.create(recording=rec, start_ms=1000, end_ms=2000, speaker="沈", text="右手拿针。")
    TranscriptSegment.objects.create(recording=rec, start_ms=2000, end_ms=3000, speaker="采访人", text="再讲讲打结。")
    html = curator_client.get(URL, {"recording": rec.pk}).content.decode()
    assert html.count('data-testid="step"') == 1 and "您给讲讲怎么劈丝" in html


def test_an_error_or_a_preview_keeps_the_source_recording_for_the_save(curator_client, craft, technique):
    """Found walking the screen: a save refused (no technique chosen) or a preview re-rendered the page
    without the hidden source_recording, so the template saved next named no recording and its jobs had
    no attribution (「没有口述史来源…不能送审」)."""
    from generation.prompting.services import SOURCE_RECORDING_KEY

    rec = Recording.objects.create(craft=craft, technique=technique, title="口述一", speaker_name="沈", interviewer="李",
                                   recorded_on=dt.date(2023, 5, 1), place="苏州", consent_scope="generation",
                                   consent_date=dt.date(2023, 5, 1), media_reference="X")
    hidden = f'name="source_recording" value="{rec.pk}"'
    for action, extra, status in (("save", {"technique": ""}, 400), ("preview", {}, 200),
                                  ("save", {"s0-p0-value": "很斜"}, 400)):
        r = curator_client.post(URL, edited_post(technique, action=action, source_recording=str(rec.pk),
                                                 craft="苏绣", **extra))
        html = r.content.decode()
        assert r.status_code == status and hidden in html, action
        assert 'name="craft" value="苏绣"' in html, action
    r = curator_client.post(URL, edited_post(technique, action="save", source_recording=str(rec.pk)))
    assert r.status_code == 302
    technique.refresh_from_db()
    assert technique.prompt_template[SOURCE_RECORDING_KEY] == rec.pk


def test_parameter_names_are_shown_by_the_specs_label_and_unit(curator_client, technique):
    """Found walking the screen: the parameter select listed raw keys (angle_deg, speed_mm_s); it shows the
    spec's name and unit and still posts the key."""
    html = curator_client.post(URL, edited_post(technique, action="preview")).content.decode()
    assert '<option value="angle_deg" selected>角度 °</option>' in html
    assert '<option value="speed_mm_s">速度 mm/s</option>' in html
    assert ">angle_deg<" not in html


def test_an_over_long_hand_edited_prompt_is_refused_and_kept_whole(curator_client, technique):
    """A hand-edited prompt over 2,000 characters was cut silently; now the page says how long it is and
    the limit, answers 400, saves nothing and gives the whole text back. The 默认 label stays on one line."""
    from pathlib import Path

    from django.conf import settings

    long_prompt = "一位绣娘右手持针斜向进针。" * 160 + "结尾标记"
    assert len(long_prompt) > 2000
    r = curator_client.post(URL, edited_post(technique, action="save", prompt_override=long_prompt))
    html = r.content.decode()
    assert r.status_code == 400 and "手工修改的提示词过长" in html and f"{len(long_prompt)} 字" in html
    assert long_prompt + "</textarea>" in html  # all of it, up to the last characters
    technique.refresh_from_db()
    assert technique.prompt_template == {}
    r = curator_client.post(URL, edited_post(technique, action="save", prompt_override=long_prompt[:2000]))
    assert r.status_code == 302
    technique.refresh_from_db()
    assert technique.prompt_template["prompt"] == long_prompt[:2000]
    css = (Path(settings.BASE_DIR) / "static/prompting/normalize.css").read_text()
    assert "white-space:nowrap" in css.split(".nz-params .nz-default-check", 1)[1].split("}", 1)[0]
    assert 'class="nz-default-check"' in html


def test_what_was_set_aside_is_shown_struck_and_its_numbers_are_not_the_speakers(curator_client, technique):
    # the interviewer's question and its number (一千度) are shown set aside, not as a spoken parameter
    text = "记者:窑温要到一千度吗?\n师傅:不到,八百度就够,烧两个钟头。"
    html = curator_client.post(URL, {"text": text, "action": "analyze"}).content.decode()
    assert '<mark class="aside"' in html and "记者:窑温要到一千度吗?" in html
    assert 'title="温度 = 1000"' not in html and 'title="温度 = 800"' in html


def test_the_english_screen_shows_hands_parameter_names_and_warnings_in_english(curator_client, technique):
    """Found walking the normalize screen in English: the hand options (左手/右手/双手, translated once at
    import, in Chinese), the parameter names (角度 °) and the normalizer's own warnings were Chinese. They are
    translated when shown (generation/prompting/display.py; the warnings by their code, notices.py); what a
    warning quotes from the transcript stays Chinese, marked."""
    # the hands were translated once, in the language of the request that first imported the view: asking in
    # both languages shows it whichever came first
    html = curator_client.post(URL, edited_post(technique, action="preview")).content.decode()
    assert '<option value="left">左手</option>' in html
    curator_client.cookies["django_language"] = "en"
    html = curator_client.post(URL, edited_post(technique, action="preview")).content.decode()
    assert '<option value="left">Left hand</option>' in html and '">左手</option>' not in html
    assert '<option value="angle_deg" selected>angle °</option>' in html and ">角度 °<" not in html
    cases = {
        "记者:窑温要到一千度吗?\n师傅:不到,八百度就够,烧两个钟头。":
            "Left out 2 speaker labels, interviewer&#x27;s words or questions (not steps)",
        "你好。": "No action steps were recognised",
        "八百度。": 'A quantity with no action, kept as a note: <span lang="zh-Hans">八百度</span>',
        "先烧到八百度,烧到九百度。": "One step has two values of temperature: 800 and 900;",
    }
    for text, english in cases.items():
        html = curator_client.post(URL, {"text": text, "action": "analyze"}).content.decode()
        warnings = html.split('<ul class="nz-warnings">', 1)[1].split("</ul>", 1)[0]
        assert english in warnings, warnings
        assert not re.search(r"[\u4e00-\u9fff]", re.sub(r'<span lang="zh-Hans">[^<]*</span>', "", warnings)), warnings
    # a caution the speaker said is quoted as said, marked Chinese
    html = curator_client.post(URL, {"text": SEED, "technique": technique.slug, "action": "analyze"}).content.decode()
    assert 'Caution: <span lang="zh-Hans">不然容易断</span>' in html


def test_every_normalizer_warning_has_a_reading_on_the_screen():
    """Each warning the core can write (notices.TEMPLATES) is parsed back to its code and shown translated."""
    from django.utils import translation

    from generation.prompting import notices
    from generation.prompting.display import warning_text

    samples = {"n": "3", "text": "八百度", "name": "angle_deg", "old": "30", "value": "45"}
    for code, template in notices.TEMPLATES.items():
        names = re.findall(r"\{(\w+)\}", template)
        written = notices.notice(code, **{k: samples[k] for k in names})
        assert notices.parse(written) == (code, {k: samples[k] for k in names})
        with translation.override("en"):
            assert not re.search(r"[\u4e00-\u9fff]", re.sub(r'<span lang="zh-Hans">[^<]*</span>', "",
                                                             str(warning_text(written)))), code


def test_a_long_transcript_lists_at_most_the_steps_a_save_keeps_and_says_so(curator_client, technique, monkeypatch):
    """walk8: a 2,000-segment recording gave 350 steps on this screen (2 MB of parameter selects, most of its
    time) while a save reads back only the first MAX_STEPS of them, dropping the rest without a word. The form
    now lists MAX_STEPS steps and says how many were found (figures: docs/PERFORMANCE.md, bench/normalize_screen.py)."""
    from generation.prompting import views

    monkeypatch.setattr(views, "MAX_STEPS", 2)
    r = curator_client.post(URL, {"text": SEED, "technique": technique.slug, "action": "analyze"})
    html = r.content.decode()
    assert html.count('data-testid="step"') == 2 and 'name="step_count" value="2"' in html
    assert 'data-testid="steps-cut"' in html and "识别出 3 步,这里只列出并保存前 2 步" in html
    assert html.count('class="nz-step-no"') == 3  # every step is still marked in the source
    curator_client.cookies["django_language"] = "en"
    html = curator_client.post(URL, {"text": SEED, "technique": technique.slug, "action": "analyze"}).content.decode()
    assert "3 steps were found; only the first 2 are listed here and saved." in html
    monkeypatch.setattr(views, "MAX_STEPS", 40)
    html = curator_client.post(URL, {"text": SEED, "technique": technique.slug, "action": "analyze"}).content.decode()
    assert 'data-testid="steps-cut"' not in html and html.count('data-testid="step"') == 3
