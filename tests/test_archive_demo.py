"""`manage.py load_demo` runs twice without duplicating or failing, and gives what the demo promises."""
import io

import pytest
from django.test import RequestFactory
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from archive.models import Craft, Footage, Inheritor, Recording, Technique, TechniqueStep, TranscriptSegment

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Craft, Inheritor, Technique, TechniqueStep, Recording, TranscriptSegment,
                                        Footage, get_user_model())]


def test_load_demo_twice(client):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    first = counts()
    text = out.getvalue()
    assert "FOR LOCAL USE ONLY" in text and "heritage-demo" in text and "inheritor-suxiu" in text
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first

    assert Craft.objects.count() >= 6 and Craft.objects.filter(featured=True).count() >= 3
    assert len(set(Craft.objects.values_list("category", flat=True))) >= 3
    for slug in ["suxiu-zhengqiang", "xiangxiu-pengmao", "jingtailan-qiasi", "laran-dianla", "jianzhi-yinke", "datiehua-jida"]:
        t = Technique.objects.get(slug=slug)
        orders = list(t.steps.values_list("order", flat=True))
        assert orders == list(range(1, len(orders) + 1)) and len(orders) >= 4
        assert all(s.description and s.description_en for s in t.steps.all())
    assert TechniqueStep.objects.get(technique__slug="suxiu-zhengqiang", order=1).parameters == {"thread_split": 12, "needle_no": 12}

    deceased = Inheritor.objects.get(status="deceased")
    assert deceased.proxy_document and deceased.proxy_document.open("rb").read(5) == b"%PDF-"
    assert deceased.signer.username == "proxy-jingtailan"

    for recording in Recording.objects.all():
        segs = list(recording.segments.order_by("start_ms"))
        assert len(segs) >= 8
        assert all(a.end_ms <= b.start_ms for a, b in zip(segs, segs[1:]))
        assert recording.media.open("rb").read(4) == b"RIFF"
    all_text = "".join(TranscriptSegment.objects.values_list("text", flat=True))
    for word in ["嗯", "那个", "就是说", "对吧", "斜一点", "稍微", "慢慢", "十二号针", "两三毫米", "三十度", "七八百度", "不然容易断"]:
        assert word in all_text, word

    for username in ["curator", "reviewer", "admin", "inheritor-suxiu", "inheritor-xiangxiu", "inheritor-jingtailan",
                     "inheritor-laran", "inheritor-jianzhi", "inheritor-datiehua", "proxy-jingtailan"]:
        assert authenticate(RequestFactory().post("/accounts/login/"), username=username,
                            password="heritage-demo") is not None, username
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.groups.filter(name="admin").exists()
    assert get_user_model().objects.get(username="inheritor-suxiu").inheritor.craft.name == "苏绣"

    client.force_login(get_user_model().objects.get(username="curator"))
    r = client.get("/curator/recordings/?q=七八百度")
    assert "张德海谈掐丝" in r.content.decode()
