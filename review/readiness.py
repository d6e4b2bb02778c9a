"""When a clip may be submitted and signed, and what happens to renditions that arrive late (issue 13).

The rule, in one place:

1. Submitting and signing wait for post-processing: while a media job of the clip is queued or running
   (a multi-view composition excepted), ``submit`` and ``sign`` are refused with code
   ``postprocessing_pending`` (409) — so what the inheritor signs is every public file there will be.
2. Renditions that appear after a signature (post-processing run again) do not join the signed record
   silently: archiving compares them with the sign-off and refuses, and the review may then be submitted
   again from ``approved`` (the stale sign-off is superseded, the inheritor signs the new set). So an
   approved review always has a way on: re-submit → sign → archive, or the signer withdraws (terminal).

The guards below are rows' guards in the transition table (review/workflow.py: ``submit``, ``sign``).
``tests/test_review_no_deadlock.py`` walks every reachable state and checks each has a way to ``archived``
or a terminal state."""
from __future__ import annotations


def pending(media_jobs):
    """Rule 1's media jobs: ``generation.postprocess.selectors.pending`` (one place; a task's output polls it)."""
    from generation.postprocess.selectors import pending as rule

    return rule(media_jobs)


def pending_media_jobs(clip):
    """The media jobs of ``clip`` that submitting and signing wait for (``pending``)."""
    from generation.postprocess.models import MediaJob

    return pending(MediaJob.objects.filter(clip=clip))


def postprocessing_pending(clip) -> bool:
    from generation.postprocess.selectors import postprocessing_pending as rule

    return rule(clip)


def signoff_is_stale(review) -> bool:
    """The active sign-off bound another set of public files than the clip has now."""
    from .renditions import public_files

    so = review.active_signoff()
    if so is None:
        return False
    signed = {(f["role"], f.get("sha256", "")) for f in so.public_summary.get("files", [])}
    return signed != {(pf.role, pf.sha256) for pf in public_files(review.clip)}


# --- Guards of the transition table (review/workflow.py) ----------------------------------------------

def postprocessing_done(review) -> None:
    from django.utils.translation import gettext as _

    from . import services

    if postprocessing_pending(review.clip):
        services._conflict(_("后期处理尚未完成,请等交付版本、字幕和海报生成后再送审或签署。"), "postprocessing_pending",
                           retry_after=POSTPROCESSING_RETRY_AFTER_S)


# The Retry-After of a 409 ``postprocessing_pending``; a client may instead poll the generation task's
# ``output.ready_for_review`` (``generation.selectors.postprocessing_fields``).
POSTPROCESSING_RETRY_AFTER_S = 5


def resubmit_only_if_stale(review) -> None:
    """``submit`` from ``approved`` is the way on only when the signature bound other public files."""
    from . import services
    from .models import Review

    if review.state == Review.State.APPROVED and not signoff_is_stale(review):
        raise services.wrong_state(review)


def supersede_stale_signoff(review, actor) -> None:
    """Called by the submit work: a stale sign-off of an approved review is superseded (not deleted)."""
    from django.utils import timezone
    from django.utils.translation import gettext as _

    from .models import Review

    if review.state != Review.State.APPROVED:
        return
    so = review.active_signoff()
    if so is not None:
        so.withdrawn_at, so.withdrawn_by = timezone.now(), actor
        so.withdrawal_reason = _("签署后公开文件发生变化,已重新送审。")
        so.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
