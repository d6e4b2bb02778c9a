"""A create form sent twice (a double click, a reloaded POST): one object or one set of generation jobs, and the
second submission lands on the first one's result with a message (heritage/once.py). The same page sent again
with something changed is a new submission; a refused form can be corrected and sent with the same key."""
import re

import pytest

from archive.models import Recording
from generation.models import GenerationJob
from tests.test_jobs_curator import form_data

pytestmark = pytest.mark.django_db


def key_of(response) -> str:
    return re.search(r'name="submission" value="([0-9a-f]{32})"', response.content.decode()).group(1)


def test_generation_sent_twice_makes_one_job(curator_client, technique):
    key = key_of(curator_client.get("/curator/generation/new/?technique=suxiu-zhengqiang"))
    first = curator_client.post("/curator/generation/new/", form_data(step="2", submission=key))
    second = curator_client.post("/curator/generation/new/", form_data(step="2", submission=key), follow=True)
    job = GenerationJob.objects.get()
    assert first.status_code == 302 and first["Location"] == f"/curator/generation/jobs/{job.pk}/"
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "这份表单已经提交过,没有重复保存" in second.content.decode()
    # a batch page sent twice: one batch
    key = key_of(curator_client.get("/curator/generation/new/?technique=suxiu-zhengqiang"))
    for _ in range(2):
        r = curator_client.post("/curator/generation/new/", form_data(kind="all_steps", submission=key))
        assert r.status_code == 302 and "?batch=" in r["Location"]
    assert GenerationJob.objects.count() == 1 + 3
    # a new page (a new key) is a new take on purpose
    key = key_of(curator_client.get("/curator/generation/new/?technique=suxiu-zhengqiang"))
    curator_client.post("/curator/generation/new/", form_data(step="2", submission=key))
    # and the same page sent again with a change is a new submission
    curator_client.post("/curator/generation/new/", form_data(step="3", submission=key))
    assert GenerationJob.objects.count() == 1 + 3 + 2


def test_a_refused_generation_form_can_be_corrected_and_sent_with_its_key(curator_client, technique):
    key = key_of(curator_client.get("/curator/generation/new/?technique=suxiu-zhengqiang"))
    refused = curator_client.post("/curator/generation/new/", form_data(step="2", steps="0", submission=key))
    assert refused.status_code == 400 and key_of(refused) == key and not GenerationJob.objects.exists()
    assert curator_client.post("/curator/generation/new/", form_data(step="2", submission=key)).status_code == 302
    assert GenerationJob.objects.count() == 1


def test_a_second_post_while_the_first_is_still_being_written_is_refused(curator_client, curator,
                                                                       technique):
    from django.test import RequestFactory

    from heritage.once import Once

    key = key_of(curator_client.get("/curator/generation/new/?technique=suxiu-zhengqiang"))
    data = form_data(step="2", submission=key)
    request = RequestFactory().post("/curator/generation/new/", data)
    request.user = curator
    Once(request, fallback_url="/").__enter__()  # the first request has claimed it, not finished
    r = curator_client.post("/curator/generation/new/", data, follow=True)
    assert r.redirect_chain[-1][0] == "/curator/generation/" and "刚刚已经提交,正在处理" in r.content.decode()
    assert not GenerationJob.objects.exists()


def test_recording_form_sent_twice_makes_one_recording(curator_client, craft):
    data = {"craft": craft.pk, "technique": "", "title": "口述一", "speaker": "", "speaker_name": "沈秀芬",
            "interviewer": "李文静", "recorded_on": "2023-05-16", "place": "苏州", "consent_scope": "generation",
            "consent_date": "2023-05-16", "media_reference": "X-1", "language": "普通话", "notes": "",
            "submission": key_of(curator_client.get("/curator/recordings/new/"))}
    first = curator_client.post("/curator/recordings/new/", data)
    second = curator_client.post("/curator/recordings/new/", data)
    assert first.status_code == second.status_code == 302 and second["Location"] == first["Location"]
    assert Recording.objects.count() == 1
    # an edit page carries no key: sending an edit twice is harmless
    assert 'name="submission"' not in curator_client.get(f"/curator/recordings/{Recording.objects.get().pk}/edit/"
                                                         ).content.decode()
