"""The guided path through the archive, in one place: after each finished step, what to do next.

    recording with a transcript         → 规范化这段转写      prompting:normalize?recording=…
    prompt template saved (technique) → 生成演示            generation:generate?technique=…
    job succeeded, clip not in review   → 开始审核 (POST)   review:open
    job succeeded, clip in review       → 打开审核          review:detail
    review with a newer take (v2 after a change request) → 查看新版本 v2   review:sign / review:detail
    changes requested, no newer take    → a note for those who wait for it (not the curator, who makes it)
    review in review, not yet reviewed  → the reviewer: 去审阅   #decision (the review page's 操作)
    review in review, the user may sign → 去签署              review:sign (from the review page's comments)
    review in review (送审 done)         → others: a note: who is next (the reviewer's 审阅, the named signer)
    review approved (signed)            → curator: 归档并公开 is the review page's primary button;
                                          others are told the curator publishes it next
    review archived and public          → 在展厅查看        gallery:technique#step-n (口述影像: gallery:technique#narration-…)
    archive record (staff page), public → 在展厅查看        the same place

``next_action(obj, user)`` answers a NextAction (or None); a page is never its own next step (the tag leaves out
an action whose address is the page's). Templates show it with
``{% load flow %}{% next_action obj %}`` (gallery/templatetags/flow.py → templates/_next_action.html) as
the page's primary button, so every page of the flow says the same thing the same way. It lives in the
gallery app because that is the top layer (.importlinter): the path ends in the gallery and links every app.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class NextAction:
    label: str
    url: str = ""
    method: str = "get"  # "post": a button in a form with the CSRF token
    note: str = ""  # a sentence shown with (or, without a url, instead of) the button


def _is_curator(user) -> bool:
    from archive.roles import ADMIN, CURATOR, has_role

    return has_role(user, CURATOR, ADMIN)


def _for_recording(recording, user):
    from heritage.permissions import allowed

    if (recording.segments.exists() and allowed(user, "prompting.use")
            and allowed(user, "archive.read_recording", recording)):
        return NextAction(_("规范化这段转写"), reverse("prompting:normalize") + f"?recording={recording.pk}",
                          note=_("下一步:把转写整理成动作描述,保存为技法的提示词模板。"))
    return None


def _for_technique(technique, user):
    if technique.prompt_template and _is_curator(user):
        return NextAction(_("用这个模板生成演示"), reverse("generation:generate") + f"?technique={technique.slug}",
                          note=_("下一步:为这个技法生成演示视频。"))
    return None


def _for_job(job, user):
    if job.status != job.Status.SUCCEEDED or not job.technique_id:
        return None
    clip = getattr(job, "clip", None)
    if clip is None:
        return None
    review = getattr(clip, "review", None)
    if review is not None:
        return NextAction(_("打开审核"), reverse("review:detail", args=[review.pk]),
                          note=_("这段视频已在审核中。"))
    if _is_curator(user):
        return NextAction(_("开始审核"), reverse("review:open", args=[clip.pk]), method="post",
                          note=_("下一步:送研究者审阅、请传承人签署。"))
    return None


def _waiting_note(review) -> str:
    """Who is next on a review in 审核中: the reviewer's 「研究者已审阅」 (until given), then the inheritors
    who may sign it and can be signed for (by themselves or their recorded proxy), by name: a narration's
    narrator, a demonstration's craft (review.signing)."""
    from review.selectors import reviewer_approval
    from review.signing import review_inheritors

    signers = review_inheritors(review).filter(signer_id__isnull=False)
    from heritage.langmark import mark_in, mark_list

    names = mark_list(i.name for i in signers) or _("(尚无可签署的传承人,请在传承人页登记账户或代理人)")

    if reviewer_approval(review) is None:
        return mark_in(_("已送审。等待审核人审阅与传承人 %(names)s 签署;两者可同时进行。"), names=names)
    return mark_in(_("研究者已审阅。等待传承人 %(names)s 签署。"), names=names)


def _for_review(review, user):
    from review.selectors import newer_take, screen_url

    state = review.state
    newer = newer_take(review, user)
    if newer is not None:  # a change request or a retry made a new version: that is where to go on
        return NextAction(_("查看新版本 v%(v)s") % {"v": newer.version}, screen_url(newer, user),
                          note=_("这一版已有新版本(v%(v)s,%(state)s)。") % {
                              "v": newer.version, "state": newer.get_state_display()})
    if state == "changes_requested" and not _is_curator(user):
        return NextAction(_("等待新版本"), note=_("已要求修改。馆员制作新版本并送审后,本页会自动显示它。"))
    if state == "archived":
        from records.models import ArchiveRecord

        record = ArchiveRecord.objects.filter(clip=review.clip).first()
        return _for_record(record, user) if record is not None else None
    if state == "in_review":
        from review.signing import may_sign

        if may_sign(user, review):  # on the review page (the comments) the way back; the signing screen drops it
            return NextAction(_("去签署"), reverse("review:sign", args=[review.pk]),
                              note=_("下一步:看完视频和意见后,在签署页同意签署,或要求修改。"))
        from review.workflow import available_names

        if "approve" in available_names(review, user):  # the reviewer: their decision, not a wait for themselves
            return NextAction(_("去审阅"), "#decision",
                              note=_("下一步:看完视频,可在时间点上留下意见;然后审阅通过,或要求修改。"))
        return NextAction(_("等待审核"), note=_waiting_note(review))
    if state == "approved" and not _is_curator(user):
        return NextAction(_("等待归档"), note=_("传承人已签署。馆员按下「归档并公开」后,视频会在展厅公开。"))
    return None


def _for_record(record, user):
    """An archive record's staff page: where the public sees it, while it is public."""
    from records.selectors import is_record_public

    if is_record_public(record):
        from gallery.selectors import record_gallery_url

        return NextAction(_("在展厅查看"), record_gallery_url(record), note=_("已归档并在展厅公开。"))
    return None


def next_action(obj, user) -> NextAction | None:
    from archive.models import Recording, Technique
    from generation.models import GenerationJob
    from records.models import ArchiveRecord
    from review.models import Review

    if isinstance(obj, Recording):
        return _for_recording(obj, user)
    if isinstance(obj, Technique):
        return _for_technique(obj, user)
    if isinstance(obj, GenerationJob):
        return _for_job(obj, user)
    if isinstance(obj, Review):
        return _for_review(obj, user)
    if isinstance(obj, ArchiveRecord):
        return _for_record(obj, user)
    return None
