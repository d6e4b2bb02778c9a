"""Curator screens through the test client: create/edit/delete with validation, search, pagination,
technique steps formset, delete protection."""
import pytest

from archive.models import Category, Craft, Footage, Inheritor, Recording, Technique, TechniqueStep

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("error::django.core.paginator.UnorderedObjectListWarning")]


def craft_data(**over):
    data = {"name": "湘绣", "name_en": "Hunan embroidery", "slug": "xiangxiu", "category": Category.FINE_ARTS,
            "region": "湖南省长沙市", "description": "", "featured": ""}
    data.update(over)
    return data


def test_craft_create_edit_delete(curator_client):
    r = curator_client.post("/curator/crafts/new/", craft_data())
    assert r.status_code == 302 and r["Location"] == "/curator/crafts/xiangxiu/"
    craft = Craft.objects.get(slug="xiangxiu")
    assert curator_client.get("/curator/crafts/xiangxiu/").status_code == 200
    r = curator_client.post("/curator/crafts/xiangxiu/edit/", craft_data(region="湖南省长沙市开福区", featured="on"))
    assert r.status_code == 302
    craft.refresh_from_db()
    assert craft.region == "湖南省长沙市开福区" and craft.featured
    r = curator_client.get("/curator/crafts/xiangxiu/delete/")
    assert "确认删除" in r.content.decode()
    r = curator_client.post("/curator/crafts/xiangxiu/delete/")
    assert r.status_code == 302 and not Craft.objects.filter(slug="xiangxiu").exists()


@pytest.mark.parametrize("over, field, message", [
    ({"name": ""}, "name", "该字段是必填项"),
    ({"name": "绣" * 101}, "name", "最多 100 个字"),
    ({"region": ""}, "region", "该字段是必填项"),
    ({"slug": "湘 绣"}, "slug", "字母"),
    ({"category": "not-a-category"}, "category", "选择一个有效的选项"),
])
def test_craft_bad_input_keeps_saved_data(curator_client, craft, over, field, message):
    before = Craft.objects.values().get(pk=craft.pk)
    r = curator_client.post(f"/curator/crafts/{craft.slug}/edit/", craft_data(**{"name": "苏绣", "slug": "suxiu", **over}))
    assert r.status_code == 400
    body = r.content.decode()
    assert message in body, body[:3000]
    assert "请修改下面标红的内容" in body
    assert Craft.objects.values().get(pk=craft.pk) == before


def test_craft_duplicate_name(curator_client, craft):
    r = curator_client.post("/curator/crafts/new/", craft_data(name="苏绣", slug="suxiu2"))
    assert r.status_code == 400 and "已存在" in r.content.decode()
    assert Craft.objects.count() == 1


def test_craft_delete_protected_shows_dependents(curator_client, craft, technique):
    r = curator_client.get(f"/curator/crafts/{craft.slug}/delete/")
    body = r.content.decode()
    assert "不能删除" in body and "正抢针法" in body and "确认删除" not in body
    r = curator_client.post(f"/curator/crafts/{craft.slug}/delete/")
    assert r.status_code == 409
    assert "无法删除" in r.content.decode()
    assert Craft.objects.filter(pk=craft.pk).exists() and Technique.objects.filter(pk=technique.pk).exists()


def test_search_and_pagination(curator_client):
    for i in range(45):
        Craft.objects.create(name=f"项目{i:02d}", slug=f"p{i}", category=Category.CRAFTSMANSHIP,
                             region="贵州省丹寨县" if i % 3 == 0 else "北京市")
    r = curator_client.get("/curator/crafts/?q=丹寨")
    body = r.content.decode()
    assert "共 15 条" in body and "项目00" in body and "项目01" not in body
    r = curator_client.get("/curator/crafts/")
    assert r.context["page_obj"].paginator.num_pages == 3 and len(r.context["page_obj"]) == 20
    r = curator_client.get("/curator/crafts/?q=北京&page=2")
    assert "第 2 / 2 页" in r.content.decode() and "q=%E5%8C%97%E4%BA%AC&amp;page=1" in r.content.decode()
    r = curator_client.get("/curator/crafts/?page=999")  # out of range: the last page, not a 404
    assert r.status_code == 200
    r = curator_client.get(f"/curator/crafts/?category={Category.FINE_ARTS}")
    assert "共 0 条" in r.content.decode()


def test_every_list_searches(curator_client, technique, recording):
    for url, q, hit in [("/curator/inheritors/", "苏州", None), ("/curator/techniques/", "正抢", "正抢针法"),
                        ("/curator/techniques/", "起针的动作", "正抢针法"), ("/curator/recordings/", "三十度", "正抢针口述"),
                        ("/curator/recordings/", "苏绣", "正抢针口述"), ("/curator/footage/", "x", None)]:
        r = curator_client.get(url, {"q": q})
        assert r.status_code == 200
        if hit:
            assert hit in r.content.decode(), (url, q)


def inheritor_data(craft, **over):
    data = {"craft": craft.pk, "name": "张德海", "level": "national", "status": "alive", "able_to_sign": "on",
            "birth_year": "1936", "biography": "", "user": "", "proxy_name": "", "proxy_user": "", "proxy_relation": ""}
    data.update(over)
    return data


def _deceased_with_proxy(curator_client, craft, make_user):
    """A deceased inheritor created through the form with a proxy and its authorization document: (person, proxy)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    proxy = make_user("proxy", "inheritor")
    doc = SimpleUploadedFile("auth.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    r = curator_client.post("/curator/inheritors/new/", {**inheritor_data(craft, status="deceased", proxy_name="张明远",
                                                                          proxy_user=proxy.pk), "proxy_document": doc})
    assert r.status_code == 302
    return Inheritor.objects.get(), proxy


def test_inheritor_proxy_rules(curator_client, craft, make_user):
    r = curator_client.post("/curator/inheritors/new/", inheritor_data(craft, proxy_name="张明远"))
    assert r.status_code == 400 and "只有已故或无法亲自签署的传承人才能指定代理人" in r.content.decode()
    r = curator_client.post("/curator/inheritors/new/", inheritor_data(craft, status="deceased", proxy_name="张明远"))
    assert r.status_code == 400 and "指定代理人必须上传授权文件" in r.content.decode()
    assert not Inheritor.objects.exists()
    person, proxy = _deceased_with_proxy(curator_client, craft, make_user)
    # who may sign takes effect only once a second curator confirms it
    assert person.signer is None and person.status == "alive"
    change = person.signer_changes.get(state="pending")
    assert "张明远" in curator_client.get(person.get_absolute_url()).content.decode()
    second = make_user("curator-2", "curator")
    curator_client.force_login(second)
    r = curator_client.post(f"/curator/inheritors/{person.pk}/signer-changes/{change.pk}/", {"decision": "confirm"})
    assert r.status_code == 302
    person.refresh_from_db()
    assert person.signer == proxy and person.proxy_document.name.startswith("proxy-documents/")
    assert person.status == "deceased" and person.proxy_name == "张明远"


def test_inheritor_birth_year_range(curator_client, craft):
    r = curator_client.post("/curator/inheritors/new/", inheritor_data(craft, birth_year="1200"))
    assert r.status_code == 400 and "出生年份应在" in r.content.decode()


def steps_post(craft, steps, *, initial=0, name="正抢针法", slug="suxiu-zhengqiang"):
    data = {"craft": craft.pk, "name": name, "slug": slug, "summary": "",
            "steps-TOTAL_FORMS": str(len(steps)), "steps-INITIAL_FORMS": str(initial),
            "steps-MIN_NUM_FORMS": "0", "steps-MAX_NUM_FORMS": "1000"}
    for i, s in enumerate(steps):
        for k, v in s.items():
            data[f"steps-{i}-{k}"] = v
    return data


def test_technique_create_with_steps(curator_client, craft):
    r = curator_client.post("/curator/techniques/new/", steps_post(craft, [
        {"title": "劈丝", "description": "劈成十二丝", "description_en": "split", "parameters": "thread_split=12\nneedle_no=12", "ORDER": "2"},
        {"title": "起针", "description": "斜三十度", "parameters": '{"angle_deg": 30, "spacing_mm": 2.5}', "ORDER": "1"},
        {"title": "", "description": "", "parameters": "", "ORDER": ""},  # the blank extra row
    ]))
    assert r.status_code == 302, r.content.decode()[:2000]
    t = Technique.objects.get(slug="suxiu-zhengqiang")
    steps = list(t.steps.order_by("order").values_list("order", "title", "parameters"))
    assert steps == [(1, "起针", {"angle_deg": 30, "spacing_mm": 2.5}), (2, "劈丝", {"thread_split": 12, "needle_no": 12})]


def test_technique_reorder_delete_keeps_ids(curator_client, technique):
    steps = list(technique.steps.order_by("order"))
    rows = [{"id": s.pk, "title": s.title, "description": s.description, "parameters": "spacing_mm=1", "ORDER": o}
            for s, o in zip(steps, ["2", "1", "3"])]
    rows[2]["DELETE"] = "on"
    r = curator_client.post(f"/curator/techniques/{technique.slug}/edit/", steps_post(technique.craft, rows, initial=3))
    assert r.status_code == 302, r.content.decode()[:3000]
    after = list(technique.steps.order_by("order").values_list("pk", "order", "title"))
    assert after == [(steps[1].pk, 1, "起针"), (steps[0].pk, 2, "劈丝")]


@pytest.mark.parametrize("params, message", [
    ("angle_deg 30", "缺少“=”"),
    ("Angle=30", "名称“Angle”无效"),
    ("angle_deg=30\nangle_deg=40", "重复"),
    ('{"angle_deg": [1, 2]}', "必须是数字或文字"),
    ('{"angle_deg": 30', "JSON 格式错误"),
    ("[1, 2]", "缺少“=”"),
    ('{"a b": 1}', "无效"),
])
def test_technique_bad_parameters_keep_steps(curator_client, technique, params, message):
    before = list(TechniqueStep.objects.order_by("pk").values())
    steps = list(technique.steps.order_by("order"))
    rows = [{"id": s.pk, "title": s.title + "改", "description": s.description, "parameters": "", "ORDER": str(n)}
            for n, s in enumerate(steps, start=1)]
    rows[1]["parameters"] = params
    r = curator_client.post(f"/curator/techniques/{technique.slug}/edit/", steps_post(technique.craft, rows, initial=3))
    assert r.status_code == 400
    body = r.content.decode()
    assert message in body
    assert "劈丝改" in body  # what the curator typed in the other rows is still on the form
    assert list(TechniqueStep.objects.order_by("pk").values()) == before


def test_technique_step_empty_title(curator_client, craft):
    r = curator_client.post("/curator/techniques/new/", steps_post(craft, [
        {"title": "", "description": "只有描述", "parameters": "", "ORDER": "1"}]))
    assert r.status_code == 400 and "该字段是必填项" in r.content.decode()
    assert not Technique.objects.exists()


def recording_data(craft, **over):
    data = {"craft": craft.pk, "technique": "", "title": "采访一", "speaker": "", "speaker_name": "沈秀芬",
            "interviewer": "李文静", "recorded_on": "2023-05-16", "place": "苏州", "consent_scope": "generation",
            "consent_date": "2023-05-16", "media_reference": "", "language": "普通话", "notes": ""}
    data.update(over)
    return data


def test_recording_needs_file_or_reference(curator_client, craft):
    r = curator_client.post("/curator/recordings/new/", recording_data(craft))
    assert r.status_code == 400 and "请上传音视频文件,或填写外部引用" in r.content.decode()
    r = curator_client.post("/curator/recordings/new/", recording_data(craft, media_reference="馆藏 A-1"))
    assert r.status_code == 302
    rec = Recording.objects.get()
    assert curator_client.get(rec.get_absolute_url()).status_code == 200


def test_recording_speaker_from_inheritor_and_other_craft(curator_client, craft):
    other = Craft.objects.create(name="湘绣", slug="xiangxiu", category=Category.FINE_ARTS, region="长沙")
    person = Inheritor.objects.create(craft=other, name="刘湘云", level="national")
    r = curator_client.post("/curator/recordings/new/", recording_data(craft, speaker=person.pk, speaker_name="",
                                                                      media_reference="x"))
    assert r.status_code == 400 and "讲述人必须是本项目的传承人" in r.content.decode()
    r = curator_client.post("/curator/recordings/new/", recording_data(other, speaker=person.pk, speaker_name="",
                                                                      media_reference="x"))
    assert r.status_code == 302 and Recording.objects.get().speaker_name == "刘湘云"


def test_recording_bad_date(curator_client, craft):
    r = curator_client.post("/curator/recordings/new/", recording_data(craft, recorded_on="2023-13-40", media_reference="x"))
    assert r.status_code == 400 and "输入一个有效的日期" in r.content.decode()


def test_footage_create_and_delete(curator_client, technique):
    step = technique.steps.get(order=2)
    data = {"technique": technique.pk, "step": step.pk, "title": "起针影像", "reference": "", "recorded_on": "",
            "credit": "苏州博物馆", "rights": ""}
    r = curator_client.post("/curator/footage/new/", data)
    assert r.status_code == 400 and "请上传视频文件或填写外部引用" in r.content.decode()
    r = curator_client.post("/curator/footage/new/", {**data, "reference": "馆藏 F-1"})
    assert r.status_code == 302
    footage = Footage.objects.get()
    # technique now has footage (PROTECT): deleting the technique is refused with a message
    r = curator_client.post(f"/curator/techniques/{technique.slug}/delete/")
    assert r.status_code == 409 and "起针影像" in r.content.decode()
    r = curator_client.post(f"/curator/footage/{footage.pk}/delete/")
    assert r.status_code == 302 and not Footage.objects.exists()
    r = curator_client.post(f"/curator/techniques/{technique.slug}/delete/")
    assert r.status_code == 302 and not Technique.objects.exists()


def test_detail_pages_render(curator_client, technique, recording):
    for url in [technique.craft.get_absolute_url(), technique.get_absolute_url(), recording.get_absolute_url(),
                "/curator/", "/curator/crafts/new/", "/curator/techniques/new/", "/curator/recordings/new/",
                "/curator/inheritors/new/", "/curator/footage/new/", f"/curator/techniques/{technique.slug}/edit/",
                f"/curator/recordings/{recording.pk}/transcript/"]:
        r = curator_client.get(url)
        assert r.status_code == 200, url


def test_home_lists_what_needs_fixing(curator_client, craft, technique, recording):
    from archive.models import TranscriptSegment

    body = curator_client.get("/curator/").content.decode()
    assert "待处理" not in body  # everything in order
    Inheritor.objects.create(craft=craft, name="张德海", level="national", status="deceased")
    Technique.objects.create(craft=craft, name="乱针绣", slug="suxiu-luanzhen")
    TranscriptSegment.objects.filter(recording=recording).delete()
    body = curator_client.get("/curator/").content.decode()
    assert "需要代理人或授权文件的传承人" in body and "张德海" in body
    assert "还没有步骤的技法" in body and "乱针绣" in body
    assert "还没有转写的录音" in body and recording.title in body


def test_service_error_on_a_field_the_form_lacks_is_shown(curator_client, technique, monkeypatch):
    """A ValidationError raised by a service for a field that is not on the form (here a step's title,
    raised while saving the technique form) appears at the top of the form instead of a 500."""
    from django.core.exceptions import ValidationError

    from archive import services

    def refuse(**kwargs):
        raise ValidationError({"title": ["步骤标题有问题。"]})

    monkeypatch.setattr(services, "technique_steps_save", refuse)
    steps = list(technique.steps.order_by("order"))
    rows = [{"id": s.pk, "title": s.title, "description": s.description, "parameters": "", "ORDER": str(n)}
            for n, s in enumerate(steps, start=1)]
    r = curator_client.post(f"/curator/techniques/{technique.slug}/edit/", steps_post(technique.craft, rows, initial=3))
    assert r.status_code == 400 and "步骤标题有问题" in r.content.decode()


def test_signer_change_lists_field_names_and_values_in_words(curator_client, craft, make_user):
    """The inheritor page's signer changes show each field's name (状态, 能否亲自签署, …) and its value in
    words (已故, 否, the proxy's username), not raw keys like status / able_to_sign."""
    import re

    person, _ = _deceased_with_proxy(curator_client, craft, make_user)
    body = curator_client.get(person.get_absolute_url()).content.decode()
    section = body[body.index('data-testid="signer-changes"'):]
    terms = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", section)
    keys = dict(terms)
    status_name = str(Inheritor._meta.get_field("status").verbose_name)
    sign_name = str(Inheritor._meta.get_field("able_to_sign").verbose_name)
    proxy_name = str(Inheritor._meta.get_field("proxy_user").verbose_name)
    assert keys[status_name] == str(Inheritor.Status.DECEASED.label)
    assert keys[sign_name] in ("是", "否") and keys[proxy_name] == "proxy"
    assert not {"status", "able_to_sign", "proxy_user", "user"} & set(keys)


def test_a_recording_made_on_a_leap_day_is_saved_not_a_500(curator_client, craft):
    """The consent-date rule moved out of the form into ``Recording.clean`` compares days: ``date.replace(year±50)``
    raised ValueError (a 500) for an interview on 29 February."""
    r = curator_client.post("/curator/recordings/new/", recording_data(craft, recorded_on="2024-02-29",
                                                                      consent_date="2024-02-29", media_reference="x"))
    assert r.status_code == 302 and Recording.objects.get().recorded_on.day == 29
    r = curator_client.post("/curator/recordings/new/", recording_data(craft, recorded_on="2024-02-29",
                                                                      consent_date="2080-03-01", media_reference="x"))
    assert r.status_code == 400 and "授权日期不合理" in r.content.decode()


def test_craft_delete_counts_the_blockers_it_leaves_out_in_words(curator_client, craft):
    """More than ten dependents: the list ends with a sentence in the page's language, not a glued
    「…(+2)」."""
    for i in range(12):
        Technique.objects.create(craft=craft, name=f"技法{i:02d}", slug=f"t{i}")
    body = curator_client.get(f"/curator/crafts/{craft.slug}/delete/").content.decode()
    assert "<li>以及另外 2 条记录。</li>" in body and "(+" not in body
    curator_client.cookies["django_language"] = "en"
    body = curator_client.get(f"/curator/crafts/{craft.slug}/delete/").content.decode()
    assert "<li>… and 2 more records.</li>" in body and "(+" not in body
