"""Public gallery pages: what an anonymous visitor sees, and what they never get."""
import pytest
from django.urls import reverse

from tests.gallery_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def test_home_lists_featured_crafts_and_facets(client, gallery_world):
    response = client.get(reverse("gallery:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "苏绣" in html and "苗族蜡染" in html
    assert "传统美术" in html and "贵州省丹寨县" in html  # browse by category and region
    only_guizhou = client.get(reverse("gallery:home"), {"region": "贵州省丹寨县"}).content.decode()
    craft_list = only_guizhou.split('id="craft-list"')[1]
    assert "苗族蜡染" in craft_list and "苏绣" not in craft_list


def test_home_paginates_crafts(client, gallery_factory):
    for i in range(15):
        gallery_factory.craft(f"项目{i:02d}", f"craft-{i:02d}", featured=False)
    first = client.get(reverse("gallery:home")).content.decode()
    second = client.get(reverse("gallery:home"), {"page": 2}).content.decode()
    assert "项目00" in first and "项目14" not in first.split('id="craft-list"')[1]
    assert "项目14" in second and 'rel="prev"' in second


def test_craft_page_links_only_techniques_with_public_records(client, gallery_world):
    html = client.get(reverse("gallery:craft", args=["suxiu"])).content.decode()
    assert "苏绣传承人" in html
    assert reverse("gallery:technique", args=["zhengqiang"]) in html
    assert "乱针绣" in html and reverse("gallery:technique", args=["luanzhen"]) not in html
    assert client.get(reverse("gallery:craft", args=["nope"])).status_code == 404


def test_technique_page_shows_steps_in_order_with_player_credit_and_manifest(client, gallery_world):
    response = client.get(reverse("gallery:technique", args=["zhengqiang"]))
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'id="step-{n}"') for n in range(1, 5)]
    assert positions == sorted(positions)
    for record in gallery_world["public"][:4]:
        assert reverse("gallery:record_media", args=[record.pk, "video"]) in html
        assert reverse("gallery:record_media", args=[record.pk, "vtt"]) in html
        assert reverse("gallery:record_media", args=[record.pk, "slow_0_25"]) in html
    assert 'srclang="zh-Hans"' in html and 'srclang="en"' in html and "poster=" in html
    assert html.count('class="attribution"') == 4 and html.count('class="ai-notice"') == 4
    assert "不替代" in html  # the AI demonstration supplements, never replaces, the real record
    assert f'href="{reverse("gallery:technique_manifest", args=["zhengqiang"])}"' in html
    assert "/media/" not in html  # never a raw storage path


def test_unpublished_technique_is_not_found(client, gallery_world):
    # only a draft and a withdrawn record: not public, even by guessing the URL
    assert client.get(reverse("gallery:technique", args=["luanzhen"])).status_code == 404
    assert client.get(reverse("gallery:technique_manifest", args=["luanzhen"])).status_code == 404
    assert client.get(reverse("gallery:technique_ask", args=["luanzhen"]), {"q": "下一步"}).status_code == 404


@pytest.mark.parametrize("which", ["draft", "withdrawn"])
def test_media_of_unpublished_records_answers_404(client, gallery_world, which):
    record = gallery_world[which]
    for role in ("video", "poster", "vtt"):
        assert client.get(reverse("gallery:record_media", args=[record.pk, role])).status_code == 404


def test_raw_media_paths_are_not_served(client, gallery_world):
    """heritage/urls.py serves MEDIA_URL only with DEBUG; the application never exposes storage paths."""
    for record in (gallery_world["draft"], gallery_world["withdrawn"], gallery_world["public"][0]):
        assert client.get("/media/" + record.clip.file.name).status_code == 404
        assert client.get("/media/" + record.files.get(role="video").file.name).status_code == 404


def test_media_of_public_record_streams_with_ranges(client, gallery_world, mp4_bytes):
    record = gallery_world["public"][0]
    url = reverse("gallery:record_media", args=[record.pk, "video"])
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Content-Type"] == "video/mp4"
    assert b"".join(whole.streaming_content) == mp4_bytes and whole["Accept-Ranges"] == "bytes"
    part = client.get(url, HTTP_RANGE="bytes=10-99")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 10-99/{len(mp4_bytes)}"
    assert b"".join(part.streaming_content) == mp4_bytes[10:100]
    tail = client.get(url, HTTP_RANGE="bytes=-16")
    assert b"".join(tail.streaming_content) == mp4_bytes[-16:]
    assert client.get(url, HTTP_RANGE=f"bytes={len(mp4_bytes) + 5}-").status_code == 416
    vtt = client.get(reverse("gallery:record_media", args=[record.pk, "vtt"]))
    assert vtt["Content-Type"].startswith("text/vtt") and "起针" in b"".join(vtt.streaming_content).decode()
    # a role that is never public (even though the record holds it), a role the record does not
    # have, and an unknown record
    from django.core.files.base import ContentFile

    from records.models import ArchiveFile

    provenance = ArchiveFile(record=record, role="provenance", sha256="0" * 64, size_bytes=2, mime="application/json")
    provenance.file.save("prov.json", ContentFile(b"{}"), save=False)
    provenance.save()
    assert client.get(reverse("gallery:record_media", args=[record.pk, "provenance"])).status_code == 404
    assert client.get(reverse("gallery:record_media", args=[gallery_world["public"][-1].pk, "multiview"])).status_code == 404
    assert client.get(reverse("gallery:record_media", args=["00000000-0000-0000-0000-000000000000", "video"])).status_code == 404


def test_withdrawing_a_signature_unpublishes_at_once(client, gallery_world):
    from records.archiving import record_withdrawal

    record = gallery_world["public"][-1]  # the only public record of 点蜡
    url = reverse("gallery:record_media", args=[record.pk, "video"])
    assert client.get(url).status_code == 200
    # the withdrawal's write on the record side: its withdrawal event (review.services.review_withdraw sends it)
    record_withdrawal(signoff=record.signoff, actor=record.created_by, reason="撤回", by_admin=True)
    assert client.get(url).status_code == 404
    assert client.get(reverse("gallery:technique", args=["dianla"])).status_code == 404


def test_original_footage_is_shown_beside_the_step_when_public(client, gallery_world, mp4_bytes):
    from django.core.files.base import ContentFile

    from archive.models import Footage

    technique = gallery_world["zhengqiang"]
    step = technique.steps.get(order=3)
    shown = Footage(technique=technique, step=step, title="1986 年正抢针实拍", credit="苏州刺绣研究所", public=True)
    shown.file.save("zq.mp4", ContentFile(mp4_bytes), save=False)
    shown.save()
    hidden = Footage(technique=technique, step=step, title="内部资料", credit="馆内", public=False)
    hidden.file.save("in.mp4", ContentFile(mp4_bytes), save=False)
    hidden.save()
    html = client.get(reverse("gallery:technique", args=["zhengqiang"])).content.decode()
    step3 = html.split('id="step-3"')[1].split('<article')[0]
    assert "1986 年正抢针实拍" in step3 and "原始影像" in step3 and "内部资料" not in html
    assert client.get(reverse("gallery:footage_media", args=[shown.pk])).status_code == 200
    assert client.get(reverse("gallery:footage_media", args=[hidden.pk])).status_code == 404


def test_question_box_finds_the_next_step(client, gallery_world):
    url = reverse("gallery:technique_ask", args=["zhengqiang"])
    data = client.get(url, {"q": "下一步怎么走针?", "step": 2}).json()
    assert data["found"] and data["order"] == 3 and "走针" in data["description"]
    assert client.get(url, {"q": "下一步怎么走针?", "step": 4}).json()["reason"] == "end"
    assert client.get(url, {"q": "怎么劈丝"}).json()["order"] == 2
    assert client.get(url, {"q": ""}).status_code == 400
    # without JavaScript the form answers in the page
    html = client.get(reverse("gallery:technique", args=["zhengqiang"]), {"q": "下一步怎么走针?", "step": 2}).content.decode()
    assert "第3步「正抢针」" in html
