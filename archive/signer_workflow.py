"""A change of who may sign for an inheritor (``SignerChange``) as one table: for each action, the states it may
start from, the state it leads to, the permission it needs (heritage/permissions.py, django-rules), its guards
and its refusals. As in review/workflow.py, each row is made into one django-fsm ``@transition`` method of
``SignerChange`` (``SignerChange.state`` is an ``FSMField``): ``change.confirm(actor)`` moves the state only
from the row's sources and only when its guards pass (django-fsm ``conditions``), else raises
``django_fsm.TransitionNotAllowed``.

``run`` is the only way an action runs (``archive.services.signer_change_confirm``, ``_reject``,
``_hand_over`` and the superseding of a pending change call it, inside their transaction): it locks the
inheritor and then the change (the order of ``inheritor_update``), checks the row's permission
(``PermissionDenied`` with the row's message), calls the transition and saves what it changed. A transition
that django-fsm refuses becomes the same ``ValidationError`` the services gave before: the row's wrong-state
message, or the stopping guard's own message and code. The request and the decision stay on the row
(``requested_by``/``_at``, ``decided_by``/``_at``, ``handed_over_by``/``_at``): the audit.

A guard is ``guard(change) -> None`` that raises ``ValidationError``; django-fsm's one condition of each
transition asks ``first_refusal``, the same function that gives the refusal's message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import TransitionNotAllowed, can_proceed

from heritage import fsm_table
from heritage.permissions import allowed

from . import services
from .models import Inheritor, SignerChange
from .roles import person_name

S = SignerChange.State
Guard = Callable[[SignerChange], None]


# --- Guards ------------------------------------------------------------------------------------------

def signer_unchanged_since_request(change: SignerChange) -> None:
    """The inheritor's signer fields are still what the request was made against."""
    if services._signer_values(change.inheritor) != change.before:
        raise ValidationError(_("传承人的签署信息在申请后已被改动,请重新提交变更。"))


def is_password_link(change: SignerChange) -> None:
    if not change.is_password_link:
        raise ValidationError(_("只有已确认的设置密码链接申请才能标记为已交给传承人。"), code="not_a_link")


def not_yet_handed_over(change: SignerChange) -> None:
    if change.handed_over_at is not None:
        raise ValidationError(_("这个链接已由 %(who)s 于 %(when)s 标记为已交给传承人。") % {
            "who": person_name(change.handed_over_by),
            "when": timezone.localtime(change.handed_over_at).strftime("%Y-%m-%d %H:%M")}, code="already_handed_over")


def _already_decided(change: SignerChange) -> ValidationError:
    return ValidationError(_("这项变更已处理(%(s)s)。") % {"s": change.get_state_display()})


def _not_a_confirmed_link(change: SignerChange) -> ValidationError:
    return ValidationError(_("只有已确认的设置密码链接申请才能标记为已交给传承人。"), code="not_a_link")


# --- The table ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Action:
    name: str
    permission: str
    sources: tuple[str, ...]
    target: str | None  # None: the state does not change
    work: Callable  # work(change, actor) -> the fields it changed
    forbidden: str  # the PermissionDenied message
    wrong_state: Callable[[SignerChange], ValidationError]
    guards: tuple[Guard, ...] = field(default=())


ACTIONS: dict[str, Action] = {a.name: a for a in [
    Action("confirm", "archive.confirm_signer_change", (S.PENDING,), S.CONFIRMED, services.signer_change_confirm_work,
           gettext_lazy("只有另一位馆员或管理员可以确认签署人变更。"), _already_decided,
           guards=(signer_unchanged_since_request,)),
    Action("reject", "archive.confirm_signer_change", (S.PENDING,), S.REJECTED, services.signer_change_decided_work,
           gettext_lazy("只有另一位馆员或管理员可以处理签署人变更。"), _already_decided),
    # a newer request replaces a pending one only when the curator chose it (services.refuse_if_signer_change_pending)
    Action("supersede", "archive.request_signer_change", (S.PENDING,), S.SUPERSEDED, lambda change, actor: [],
           gettext_lazy("您的账户没有权限进行此操作。"), _already_decided),
    Action("hand_over", "archive.hand_over_signer_link", (S.CONFIRMED,), None, services.signer_change_hand_over_work,
           gettext_lazy("只有收到链接的人(确认这项申请的馆员或管理员)可以标记它已交给传承人。"), _not_a_confirmed_link,
           guards=(is_password_link, not_yet_handed_over)),
]}


# --- The table as django-fsm transitions on SignerChange.state ------------------------------------------

def first_refusal(action: str, change: SignerChange) -> ValidationError | None:
    """The refusal of the first guard of ``action``'s row that stops it on ``change`` now, or None."""
    return fsm_table.first_refusal(ACTIONS[action].guards, change, ValidationError)


# One ``@transition`` method on SignerChange per row of ``ACTIONS`` (heritage/fsm_table.py, as in review): its
# condition asks ``first_refusal``, its permission the row's django-rules permission, and it runs ``work(change, actor)``.
fsm_table.install_transitions(
    SignerChange, "state", ACTIONS, refused=ValidationError,
    permitted=lambda name, change, user: allowed(user, ACTIONS[name].permission, change),
    call=lambda row, change, actor: row.work(change, actor))


def refusal(action: str, change: SignerChange) -> ValidationError:
    """Why ``action`` may not run on ``change`` now: the row's wrong-state refusal, else its stopping guard's."""
    if not can_proceed(getattr(change, action), check_conditions=False):
        return ACTIONS[action].wrong_state(change)
    return first_refusal(action, change) or ACTIONS[action].wrong_state(change)


def run(*, change: SignerChange, action: str, actor) -> SignerChange:
    """Run one action of the table on ``change`` for ``actor``; the caller holds the transaction."""
    row = ACTIONS[action]
    inheritor_id = SignerChange.objects.values_list("inheritor_id", flat=True).get(pk=change.pk)
    inheritor = Inheritor.objects.select_for_update().get(pk=inheritor_id)
    locked = SignerChange.objects.select_for_update().get(pk=change.pk)
    locked.inheritor = inheritor
    if not allowed(actor, row.permission, locked):
        raise PermissionDenied(str(row.forbidden))
    before = locked.state
    try:
        changed = getattr(locked, action)(actor)
    except TransitionNotAllowed:
        raise refusal(action, locked) from None
    fields = list(changed or [])
    if locked.state != before:
        fields.append("state")
    if fields:
        locked.save(update_fields=fields)
    return locked
