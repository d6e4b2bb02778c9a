"""No clip is ever stuck in review (issue 13). Post-processing may still be running when a curator submits,
or run again after the inheritor signed; the rule in review/readiness.py must leave every reachable state a
way to ``archived`` or a terminal state. The walk below explores every state reachable through the real
services — by every role — and through post-processing events, and checks exactly that."""
import hashlib
from collections import deque

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

pytestmark = pytest.mark.django_db

TERMINAL = {"archived", "rejected", "withdrawn"}
MAX_POSTPROCESS_RUNS = 2


def _pp_queue(world):
    from generation.postprocess.models import MediaJob

    if MediaJob.objects.filter(clip=world.clip).count() >= MAX_POSTPROCESS_RUNS or world.pending():
        raise LookupError("not applicable")
    MediaJob.objects.create(clip=world.clip, status=MediaJob.Status.QUEUED)


def _pp_finish(world):
    from django.utils import timezone

    from generation.postprocess.models import MediaJob, Rendition

    job = MediaJob.objects.filter(clip=world.clip, status__in=["queued", "running"]).first()
    if job is None:
        raise LookupError("not applicable")
    from tests.review_fixtures import tiny_mp4

    runs = MediaJob.objects.filter(clip=world.clip, status="succeeded").count()
    data = tiny_mp4("bc"[runs % 2])  # a real MP4 (the record embeds C2PA in it), different on each run
    rendition = Rendition(clip=world.clip, media_job=job, kind=Rendition.Kind.DELIVERY, sha256=hashlib.sha256(data).hexdigest(),
                          size_bytes=len(data), width=64, height=64, fps=8, duration_s=1.0, codec="h264")
    rendition.file.save(f"delivery-{job.pk}.mp4", ContentFile(data), save=False)
    rendition.save()
    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.SUCCEEDED, finished_at=timezone.now())


class World:
    def __init__(self, rv, clip):
        self.rv, self.clip = rv, clip

    def review(self):
        from review.models import Review

        return Review.objects.filter(clip=self.clip).first()

    def pending(self):
        from review.readiness import postprocessing_pending

        return postprocessing_pending(self.clip)

    def key(self):
        from review.readiness import signoff_is_stale

        review = self.review()
        return (review.state if review else "none", self.pending(),
                bool(review) and signoff_is_stale(review),
                __import__("generation.postprocess.models", fromlist=["MediaJob"]).MediaJob.objects.filter(
                    clip=self.clip).count())

    def actions(self):
        from review import services as s

        rv = self.rv
        people = [rv.curator, rv.reviewer, rv.inheritor_user, rv.admin]

        def each(fn):
            def run(world):
                review = world.review()
                if review is None:
                    raise LookupError("no review")
                for actor in people:
                    sid = transaction.savepoint()
                    try:
                        fn(review, actor)
                        transaction.savepoint_commit(sid)
                        return
                    except s.TransitionRefused:
                        transaction.savepoint_rollback(sid)
                        review.refresh_from_db()
                raise LookupError("refused for everyone")
            return run

        def sign(review, actor):
            s.review_sign(review=review, actor=actor, sha256=review.submitted_sha256, attribution=review.attribution)

        def open_(world):
            if world.review() is not None:
                raise LookupError("already open")
            s.review_open(clip=world.clip, actor=rv.curator)

        return {
            "open": open_,
            "submit": each(lambda r, a: s.review_submit(review=r, actor=a)),
            "sign": each(sign),
            "archive": each(lambda r, a: s.review_archive(review=r, actor=a)),
            "request_changes": each(lambda r, a: s.review_request_changes(review=r, actor=a, text="针距不对")),
            "reject": each(lambda r, a: s.review_reject(review=r, actor=a, text="不符合规范")),
            "withdraw": each(lambda r, a: s.review_withdraw(review=r, actor=a, reason="撤回")),
            "postprocess_queue": _pp_queue,
            "postprocess_finish": _pp_finish,
        }


def _replay(world, path):
    actions = world.actions()
    for name in path:
        actions[name](world)


def test_every_reachable_review_state_has_a_way_to_archived_or_an_end(rv, make_clip):
    world = World(rv, make_clip())
    # Post-processing of the new clip is still running when the walk starts (the early sign-off case).
    _pp_queue(world)
    edges, paths = {}, {}
    start = world.key()
    paths[start] = []
    queue = deque([start])
    while queue:
        key = queue.popleft()
        edges[key] = set()
        for name in world.actions():
            sid = transaction.savepoint()
            try:
                _replay(world, paths[key])
                try:
                    world.actions()[name](world)
                except LookupError:
                    continue
                new = world.key()
            finally:
                transaction.savepoint_rollback(sid)
            edges[key].add((name, new))
            if new not in paths:
                paths[new] = paths[key] + [name]
                queue.append(new)

    def way_out(key, ends=TERMINAL):
        seen, todo = {key}, [key]
        while todo:
            k = todo.pop()
            if k[0] in ends:
                return k
            for _name, nxt in edges.get(k, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return None

    stuck = [(key, paths[key]) for key in paths if way_out(key) is None]
    assert not stuck, stuck
    states = {key[0] for key in paths}
    assert {"draft", "in_review", "approved", "archived", "changes_requested", "rejected", "withdrawn"} <= states
    # Submitting never happens while post-processing is pending.
    assert not any(k[0] == "in_review" and k[1] and "submit" == paths[k][-1] for k in paths)
    # Archived is reachable from the state where renditions arrived after the signature.
    late = [k for k in paths if k[0] == "approved" and k[2]]
    assert late
    assert all(way_out(k, ends={"archived"}) for k in late), [(k, paths[k]) for k in late]


def test_early_sign_off_path_ends_archived(rv, make_clip):
    from records.models import ArchiveRecord
    from review import services

    world = World(rv, make_clip())
    _pp_queue(world)
    review = services.review_open(clip=world.clip, actor=rv.curator)
    with pytest.raises(services.TransitionRefused) as refused:
        services.review_submit(review=review, actor=rv.curator)
    assert refused.value.code == "postprocessing_pending" and refused.value.status == 409
    _pp_finish(world)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    # Post-processing runs again after the signature: archiving refuses, re-submitting is the way on.
    _pp_queue(world)
    _pp_finish(world)
    review.refresh_from_db()
    with pytest.raises(services.TransitionRefused):
        services.review_archive(review=review, actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    assert review.state == "in_review"
    services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    record = services.review_archive(review=review, actor=rv.curator)
    review.refresh_from_db()
    assert review.state == "archived"
    assert {f.role for f in ArchiveRecord.objects.get(pk=record.pk).files.all()} >= {"video", "original"}
