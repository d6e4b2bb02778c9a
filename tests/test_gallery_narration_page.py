"""A technique whose only archived video is a narrated video (口述影像, S2V) has a public page and a IIIF
manifest like any other (walk: both were a 404, the gallery assumed a demonstration): the page plays the
narration with its transcript span as captions and names the narrator beside the attribution; the manifest
lists it (validated with iiif-prezi3); the craft page, search and the record's next step link that page."""
import datetime as dt
import json

import pytest
from django.urls import reverse
from iiif_prezi3 import Manifest

from tests.gallery_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db

SPOKEN = [(0, 2000, "乱针绣先用铅笔起稿。"), (2000, 4000, "再以长短交叉的针脚铺色。"), (4000, 6000, "最后收针藏线。")]


@pytest.fixture
def narrated(gallery_world, gallery_factory):
    """乱针绣 (no public demonstration) with one public narration of 4 s (the first two transcript segments)
    of a recording by its craft's inheritor."""
    from archive.models import Recording, TranscriptSegment
    from generation.models import GenerationJob

    technique = gallery_world["luanzhen"]
    speaker = technique.craft.inheritors.first()
    recording = Recording.objects.create(
        craft=technique.craft, technique=technique, title="乱针绣口述", speaker=speaker, speaker_name=speaker.name,
        interviewer="采访人", recorded_on=dt.date(2024, 5, 1), place="苏州", consent_scope="generation",
        consent_date=dt.date(2024, 5, 1), media_reference="档案馆 A-1")
    for start, end, text in SPOKEN:
        TranscriptSegment.objects.create(recording=recording, start_ms=start, end_ms=end, text=text,
                                         speaker=speaker.name)
    record = gallery_factory.record(technique, kind="s2v", source_text=SPOKEN[0][2] + SPOKEN[1][2])
    GenerationJob.objects.filter(pk=record.clip.job_id).update(recording=recording, audio_start_ms=0,
                                                               audio_end_ms=4000)
    return record


def test_the_technique_page_shows_its_only_video_a_narration(client, narrated):
    response = client.get(reverse("gallery:technique", args=["luanzhen"]))
    assert response.status_code == 200
    html = response.content.decode()
    card = html[html.index(f'id="narration-{narrated.pk}"'):].split("</article>", 1)[0]
    assert f'src="/public-media/records/{narrated.pk}/video"' in card
    assert f'src="/public-media/records/{narrated.pk}/vtt"' in card  # the span's captions
    assert "乱针绣先用铅笔起稿。" in card and "再以长短交叉的针脚铺色。" in card and "最后收针藏线。" not in card
    assert "讲述人" in card and "苏绣传承人" in card and narrated.attribution in card
    assert "gallery/narration.js" in html


def test_its_manifest_lists_the_narration(client, narrated):
    response = client.get(reverse("gallery:technique_manifest", args=["luanzhen"]))
    assert response.status_code == 200
    data = json.loads(response.content)
    Manifest.model_validate(data)
    [canvas] = data["items"]
    assert canvas["id"].endswith(f"/canvas/narration-{narrated.pk}")
    assert canvas["label"]["zh-Hans"] == ["口述影像 苏绣传承人"] and canvas["duration"] == 2.0
    painting = canvas["items"][0]["items"][0]
    assert painting["body"]["type"] == "Video" and painting["body"]["id"].endswith(f"/{narrated.pk}/video")
    assert {a["body"]["language"] for a in canvas["annotations"][0]["items"]} == {"zh-Hans", "en"}
    assert data["requiredStatement"]["value"]["zh-Hans"] == [narrated.attribution]
    for url in [painting["body"]["id"], canvas["thumbnail"][0]["id"]]:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_a_demonstrated_technique_lists_its_narrations_after_the_steps(client, gallery_world, gallery_factory):
    narration = gallery_factory.record(gallery_world["zhengqiang"], kind="s2v", source_text="正抢针口述")
    data = json.loads(client.get(reverse("gallery:technique_manifest", args=["zhengqiang"])).content)
    Manifest.model_validate(data)
    assert [c["id"].rsplit("/", 1)[1] for c in data["items"]] == [
        "step-1", "step-2", "step-3", "step-4", f"narration-{narration.pk}"]
    assert "1 narrated video" in data["summary"]["en"][0] and "4 demonstration videos" in data["summary"]["en"][0]


def test_the_craft_page_search_and_the_record_link_the_technique_page(client, narrated, curator):
    from gallery.selectors import record_gallery_url

    target = f"/techniques/luanzhen/#narration-{narrated.pk}"
    assert record_gallery_url(narrated) == target
    craft = client.get(reverse("gallery:craft", args=["suxiu"])).content.decode()
    assert 'href="/techniques/luanzhen/"' in craft and "1 段口述影像" in craft
    assert f'href="{target}"' in craft  # the craft page's narration card leads to its technique page
    client.force_login(curator)
    record_page = client.get(reverse("review:record", args=[narrated.pk])).content.decode()
    assert f'href="{target}"' in record_page


def test_a_narration_plays_in_one_place_its_technique_page_the_craft_page_links_it(client, narrated):
    """walk14: a narration was played on both its craft page and its technique page (two players, two synced
    transcripts, two ``#narration-`` anchors), and search and the record's next step led to the technique
    page only. The one place is the technique page; the craft page lists it as a link there, named by its
    recording and span, with its narrator."""
    craft = client.get(reverse("gallery:craft", args=["suxiu"])).content.decode()
    section = craft[craft.index('class="narrations"'):].split("</section>", 1)[0]
    target = f"/techniques/luanzhen/#narration-{narrated.pk}"
    assert f'<a href="{target}">乱针绣口述 · 00:00–00:04</a>' in section
    assert "<video" not in section and "narration-transcript" not in section and 'id="narration-' not in craft
    assert "gallery/narration.js" not in craft  # no player here, no player script
    technique = client.get(reverse("gallery:technique", args=["luanzhen"])).content.decode()
    assert technique.count(f'id="narration-{narrated.pk}"') == 1 and "narration-transcript" in technique


def test_a_withdrawn_narration_leaves_the_page_and_the_manifest(client, narrated):
    from django.utils import timezone

    from records.models import ArchiveEvent

    # what a withdrawal writes (review.services → records.archiving.record_withdrawal)
    narrated.signoff.withdrawn_at = timezone.now()
    narrated.signoff.save(update_fields=["withdrawn_at"])
    ArchiveEvent.objects.create(record=narrated, event_type=ArchiveEvent.Type.WITHDRAWAL, agents=[])
    assert client.get(reverse("gallery:technique", args=["luanzhen"])).status_code == 404
    assert client.get(reverse("gallery:technique_manifest", args=["luanzhen"])).status_code == 404


def _technique_card(html: str, slug: str) -> str:
    start = html.index(f'href="/techniques/{slug}/"')
    return html[html.rindex('<li class="card technique-card">', 0, start):].split("</li>", 1)[0]


def test_a_technique_card_whose_only_video_is_a_narration_shows_its_poster(client, narrated):
    """walk15: the craft page's card of a technique with only a narration showed the blank placeholder (the
    card's poster was looked for among demonstrations only)."""
    card = _technique_card(client.get(reverse("gallery:craft", args=["suxiu"])).content.decode(), "luanzhen")
    assert f'<img class="poster" src="/public-media/records/{narrated.pk}/poster"' in card
    assert "poster-placeholder" not in card
    assert client.get(f"/public-media/records/{narrated.pk}/poster").status_code == 200


def test_a_demonstrated_technique_card_keeps_its_demonstrations_poster(client, gallery_world, gallery_factory):
    """A newer narration does not take the card from the technique's demonstration."""
    demo = gallery_factory.record(gallery_world["zhengqiang"])
    narration = gallery_factory.record(gallery_world["zhengqiang"], kind="s2v", source_text="正抢针口述")
    assert narration.created_at > demo.created_at  # (records are immutable: made in this order)
    card = _technique_card(client.get(reverse("gallery:craft", args=["suxiu"])).content.decode(), "zhengqiang")
    assert f'src="/public-media/records/{demo.pk}/poster"' in card and f"/{narration.pk}/poster" not in card
