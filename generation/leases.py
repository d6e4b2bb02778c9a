"""Leases, one mechanism for every kind of worker job (generation jobs on queue ``gpu``, media jobs on queue
``media``). A job row with ``status``, ``run_token``, ``heartbeat_at``, ``attempts`` and ``worker``:

- ``claim``: one conditional UPDATE takes a queued row, or a running one whose heartbeat is older than the
  lease, and writes a fresh ``run_token``; only the holder of the current token may write the row after that
  (``cond``), so an attempt presumed dead that wakes up finds itself superseded;
- ``touch``: the attempt's heartbeat (``Heartbeat`` runs it on a thread while the job runs);
- ``recover``: rows still running whose heartbeat is older than the lease (or whose worker node restarted)
  go back to the queue — or, after ``max_attempts`` workers died on them, are failed with the reason;
- ``enqueue``: send a row's message once the transaction commits, noting when (``enqueued_at``); a broker
  that is down is logged, not raised, and the row stays queued;
- ``resend_lost``: rows still queued ``JOB_REQUEUE_S`` after their message was sent (or never sent) get it
  again (a broker down at sending, a message lost with a killed worker); a duplicate finds the row claimed.

Settings: JOB_LEASE_S (60), JOB_HEARTBEAT_S (5), JOB_MAX_ATTEMPTS (3), JOB_REQUEUE_S (900) (environment
HERITAGE_JOB_LEASE_S, ...)."""
from __future__ import annotations

import logging
import threading
import uuid
from datetime import timedelta
from typing import Callable

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

log = logging.getLogger(__name__)


def lease_s() -> int:
    return settings.JOB_LEASE_S


def heartbeat_s() -> float:
    return settings.JOB_HEARTBEAT_S


def max_attempts() -> int:
    return settings.JOB_MAX_ATTEMPTS


def requeue_after_s() -> int:
    return settings.JOB_REQUEUE_S


class Lease:
    def __init__(self, model, *, queued: str = "queued", running: str = "running", holding: tuple = ()):
        self.model, self.queued, self.running = model, queued, running
        self.holding = (running, *holding)  # statuses during which the holder keeps the lease (e.g. cancelling)

    def cond(self, pk, token):
        return self.model.objects.filter(pk=pk, run_token=token)

    def claim(self, pk, *, worker_name: str, **fields) -> uuid.UUID | None:
        now = timezone.now()
        token = uuid.uuid4()
        stale = now - timedelta(seconds=lease_s())
        claimable = Q(status=self.queued) | Q(status=self.running, heartbeat_at__lt=stale) | Q(
            status=self.running, heartbeat_at__isnull=True)
        updated = self.model.objects.filter(claimable, pk=pk).update(
            status=self.running, run_token=token, worker=worker_name[:200], heartbeat_at=now,
            attempts=F("attempts") + 1, **fields)
        if not updated:
            return None
        self.model.objects.filter(pk=pk, started_at__isnull=True).update(started_at=now)
        return token

    def touch(self, pk, token) -> None:
        self.cond(pk, token).filter(status__in=self.holding).update(heartbeat_at=timezone.now())

    def dead(self, *, orphaned_by_node: str | None = None) -> Q:
        stale = timezone.now() - timedelta(seconds=lease_s())
        q = Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True)
        if orphaned_by_node:
            q |= Q(worker__startswith=f"{orphaned_by_node}/")
        return q

    def recover(self, *, requeue: Callable, give_up: dict, requeue_fields: dict,
                orphaned_by_node: str | None = None, only: Q | None = None) -> list[str]:
        """Requeue (``requeue_fields``, then ``requeue(row)`` in the same transaction) every running row whose
        worker stopped; a row that has used up its attempts gets ``give_up`` (a dict of fields, or a callable
        row → dict) instead. Returns the requeued ids."""
        requeued = []
        rows = self.model.objects.filter(self.dead(orphaned_by_node=orphaned_by_node), status=self.running)
        for row in rows.filter(only) if only is not None else rows:
            if row.attempts >= max_attempts():
                fields = give_up(row) if callable(give_up) else give_up
                self.cond(row.pk, row.run_token).filter(status=self.running).update(**fields)
                log.error("%s %s given up: its worker stopped %s times", self.model.__name__, row.pk, row.attempts)
                continue
            with transaction.atomic():
                fields = requeue_fields(row) if callable(requeue_fields) else requeue_fields
                if self.cond(row.pk, row.run_token).filter(status=self.running).update(
                        status=self.queued, run_token=None, heartbeat_at=None, **fields):
                    requeue(row)
                    requeued.append(str(row.pk))
        if requeued:
            log.warning("requeued %s rows whose worker stopped: %s", self.model.__name__, ", ".join(requeued))
        return requeued

    def enqueue(self, row, send: Callable) -> None:
        """``send(row)`` after the current transaction commits, with the row's ``enqueued_at`` set first.
        Robust: a broker that is down must not turn the committed row into an error (a 500 in a request, a
        failed job in a worker); the row stays queued with its send time and ``resend_lost`` sends it again."""
        pk = row.pk

        def _send():
            self.model.objects.filter(pk=pk).update(enqueued_at=timezone.now())
            send(row)

        transaction.on_commit(_send, robust=True)

    def resend_lost(self, send: Callable, *, only: Q | None = None) -> list[str]:
        """Send again (``enqueue``) every row still queued ``JOB_REQUEUE_S`` after its message was sent, or
        never sent. Returns their ids."""
        lost_before = timezone.now() - timedelta(seconds=requeue_after_s())
        rows = self.model.objects.filter(Q(enqueued_at__lt=lost_before) | Q(enqueued_at__isnull=True),
                                         status=self.queued, created_at__lt=lost_before)
        resent = []
        for row in rows.filter(only) if only is not None else rows:
            with transaction.atomic():
                self.enqueue(row, send)
            resent.append(str(row.pk))
        if resent:
            log.warning("%s rows still queued %s s after their message was sent; sent again: %s",
                        self.model.__name__, requeue_after_s(), ", ".join(resent))
        return resent


class Heartbeat:
    """``with Heartbeat(lease, pk, token):`` touches the row every HERITAGE_HEARTBEAT_S on a thread while the
    block runs (also during one long ffmpeg call). A worker killed mid-way stops touching it, which is how
    ``Lease.recover`` knows."""

    def __init__(self, lease: Lease, pk, token):
        self.lease, self.pk, self.token = lease, pk, token
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"lease-{pk}", daemon=True)

    def _loop(self):
        try:
            while not self._stop.wait(heartbeat_s()):
                try:
                    close_old_connections()
                    self.lease.touch(self.pk, self.token)
                except Exception:  # noqa: BLE001 - a heartbeat must not die on one failed touch
                    log.exception("lease heartbeat failed")
        finally:
            connection.close()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=30)
        return False
