"""The review workflow as one table: for each action, the states it may start from, the state it leads
to, the permission it needs (heritage/permissions.py) and its guards. The table is made into django-fsm
transitions on ``Review.state`` (one ``@transition`` per row, generated below, never written a second
time): ``Review.<action>(ctx, actor, **data)`` moves the state only from the row's sources, only when its
guards pass (django-fsm ``conditions``) and raises ``django_fsm.TransitionNotAllowed`` otherwise.

``available_actions(review, user)`` answers "which actions may this user take on this review now"
(django-fsm's ``can_proceed`` and the transition's permission); the review screen and the API draw their
buttons from it, and ``dispatch`` is the only way an action runs: it locks the review, checks the
permission, calls the transition (state and guards), which runs the action's work (review/services.py),
and writes an ``AuditEntry``, all in one transaction. A refusal raises ``TransitionRefused`` (403 no right,
409 wrong state, 400 bad input) and is audited too; a ``TransitionNotAllowed`` becomes the same
``TransitionRefused`` the old table gave (``wrong_state``, or the stopping guard's own reason and code).

A guard is a function ``guard(review) -> None`` that raises ``TransitionRefused`` (use ``services.refuse``
-style helpers); add one to a row's ``guards`` and every path (screen, API, service, the model's
transition) obeys it. django-fsm conditions answer yes/no: the one condition of each transition asks
``first_refusal``, the same function that gives the refusal's reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import TransitionNotAllowed, can_proceed

from heritage import fsm_table
from heritage.permissions import allowed

from . import services
from .models import Review
from .readiness import postprocessing_done, resubmit_only_if_stale

S = Review.State
Guard = Callable[[Review], None]


# --- Guards ------------------------------------------------------------------------------------------

def has_attribution(review: Review) -> None:
    if not review.attribution.strip():
        services._bad(_("没有口述史来源,无法生成署名「基于<传承人>口述重构」,不能送审。"), "no_attribution")


def has_rights(review: Review) -> None:
    if not review.rights_uri:
        services._bad(_("缺少权利声明。"), "no_rights")


def signable(review: Review) -> None:
    if not review.attribution.strip() or not review.rights_uri:
        services._bad(_("缺少署名或权利声明,不能签署。"), "no_attribution")


def consent_holds(review: Review) -> None:
    """The recording's (and for a 口述影像 the likeness) consent the clip was made with still holds: the
    rule is generation.attribution.consent_withdrawn."""
    from generation.attribution import consent_withdrawn

    why = consent_withdrawn(review.clip.job)
    if why:
        services._conflict(why, "consent_withdrawn")


def signed(review: Review) -> None:
    if review.active_signoff() is None:
        services._conflict(_("没有有效的签署。"), "not_signed")


def not_yet_approved(review: Review) -> None:
    from .selectors import reviewer_approval

    if reviewer_approval(review) is not None:
        services._conflict(_("研究者已审阅过这一版本。"), "already_approved")


def nobody_acted_since_request(review: Review) -> None:
    """A 需要修改 may be taken back only while nobody has acted on it (review.selectors)."""
    from .selectors import acted_on_since_change_request

    if acted_on_since_change_request(review):
        services._conflict(_("馆员已经处理了这条修改意见(或已开始制作新版本),不能再撤回;请联系馆员。"), "already_acted")


# --- The table ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Action:
    name: str
    label: str
    permission: str
    sources: tuple[str, ...]
    target: str | None  # None: the state does not change
    work: Callable
    guards: tuple[Guard, ...] = field(default=())
    refusal: str = gettext_lazy("您不能执行此操作。")


ACTIONS: dict[str, Action] = {a.name: a for a in [
    Action("set_rights", gettext_lazy("修改权利声明"), "review.set_rights", (S.DRAFT, S.CHANGES_REQUESTED), None,
           services.set_rights_work, refusal=gettext_lazy("只有馆员可以修改权利声明。")),
    # From approved only when renditions changed after the signature (review/readiness.py).
    Action("submit", gettext_lazy("送审"), "review.submit", (S.DRAFT, S.CHANGES_REQUESTED, S.APPROVED), S.IN_REVIEW,
           services.submit_work,
           guards=(resubmit_only_if_stale, has_attribution, has_rights, consent_holds, postprocessing_done),
           refusal=gettext_lazy("只有馆员可以送审。")),
    Action("comment", gettext_lazy("发表意见"), "review.comment",
           (S.DRAFT, S.IN_REVIEW, S.CHANGES_REQUESTED, S.APPROVED), None, services.comment_work,
           refusal=gettext_lazy("您不能对该视频发表审核意见。")),
    Action("approve", gettext_lazy("研究者审阅通过"), "review.approve", (S.IN_REVIEW,), None, services.approve_work,
           guards=(not_yet_approved,), refusal=gettext_lazy("只有审核人(研究者)可以审阅通过。")),
    Action("request_changes", gettext_lazy("要求修改"), "review.request_changes", (S.IN_REVIEW,), S.CHANGES_REQUESTED,
           services.request_changes_work, refusal=gettext_lazy("只有审核人(研究者)或本项目的传承人可以要求修改。")),
    Action("retract_changes", gettext_lazy("撤回修改意见"), "review.retract_changes", (S.CHANGES_REQUESTED,),
           S.IN_REVIEW, services.retract_changes_work, guards=(nobody_acted_since_request,),
           refusal=gettext_lazy("只有提出修改意见的传承人(或其代理人)可以撤回。")),
    Action("reject", gettext_lazy("驳回"), "review.reject", (S.DRAFT, S.IN_REVIEW, S.CHANGES_REQUESTED), S.REJECTED,
           services.reject_work, refusal=gettext_lazy("您不能驳回该视频。")),
    Action("sign", gettext_lazy("签署"), "review.sign", (S.IN_REVIEW,), S.APPROVED, services.sign_work,
           guards=(signable, consent_holds, postprocessing_done),
           refusal=gettext_lazy("只有本项目的传承人(或其登记的代理人)可以签署。")),
    Action("archive", gettext_lazy("归档并公开"), "review.archive", (S.APPROVED,), S.ARCHIVED, services.archive_work,
           guards=(signed, consent_holds), refusal=gettext_lazy("只有馆员可以归档。")),
    Action("withdraw", gettext_lazy("撤回签署"), "review.withdraw", (S.APPROVED, S.ARCHIVED), S.WITHDRAWN,
           services.withdraw_work, guards=(signed,), refusal=gettext_lazy("只有本项目的传承人(或其代理人)可以撤回签署。")),
]}

REFUSAL_CODES = {"sign": "not_signer"}


# --- The table as django-fsm transitions on Review.state ------------------------------------------------
# Sources, target and the two adapters are made from the row; the adapters and the work read the row from
# ``ACTIONS`` when they run, so a row changed in the table (a guard added) is what every path obeys.

def permitted(action: str, review: Review, user) -> bool:
    """The row's permission (heritage/permissions.py, django-rules) for ``user`` on ``review``."""
    return allowed(user, ACTIONS[action].permission, review)


def first_refusal(action: str, review: Review) -> services.TransitionRefused | None:
    """The refusal of the first guard of ``action``'s row that stops it on ``review`` now, or None."""
    return fsm_table.first_refusal(ACTIONS[action].guards, review, services.TransitionRefused)


# One ``@transition`` method on Review per row of ``ACTIONS`` (heritage/fsm_table.py): its condition asks
# ``first_refusal``, its permission ``permitted``, and it runs the row's ``work(ctx, actor, **data)``.
fsm_table.install_transitions(
    Review, "state", ACTIONS, refused=services.TransitionRefused,
    permitted=lambda name, review, user: permitted(name, review, user),
    call=lambda row, review, ctx, actor, **data: row.work(ctx, actor, **data),
    custom=lambda row: {"label": row.label})


def _move(review: Review, action: str):
    return getattr(review, action)


def refusal(action: str, review: Review) -> services.TransitionRefused:
    """Why the transition of ``action`` may not run on ``review`` now: the state (``wrong_state``, 409),
    else the first guard that stops it (its own reason and code)."""
    if not can_proceed(_move(review, action), check_conditions=False):
        return services.wrong_state(review)
    return first_refusal(action, review) or services.wrong_state(review)


def _refuse_right(action: Action) -> None:
    services._forbid(str(action.refusal), REFUSAL_CODES.get(action.name, "forbidden"))


def available_actions(review: Review, user) -> list[Action]:
    """The actions ``user`` may take on ``review`` now: the transition leaves the current state, the user has
    the row's permission and its guards pass (django-fsm ``can_proceed``)."""
    return [row for name, row in ACTIONS.items()
            if can_proceed(_move(review, name), check_conditions=False) and permitted(name, review, user)
            and can_proceed(_move(review, name))]


def available_names(review: Review, user) -> set[str]:
    return {a.name for a in available_actions(review, user)}


def blocked_actions(review: Review, user) -> dict[str, str]:
    """Actions ``user`` has the right to take in this state but a guard stops now: name → why."""
    out = {}
    for name in ACTIONS:
        if not can_proceed(_move(review, name), check_conditions=False) or not permitted(name, review, user):
            continue
        why = first_refusal(name, review)
        if why is not None:
            out[name] = why.message
    return out


def dispatch(*, review: Review, action: str, actor, **data):
    """Run one action of the table on ``review`` for ``actor`` (see the module docstring)."""
    row = ACTIONS.get(action)
    if row is None:
        raise services.TransitionRefused(_("未知操作。"), code="unknown_action", status=400)

    def work(ctx):
        locked = ctx.review
        if not permitted(action, locked, actor):
            _refuse_right(row)
        before = locked.state
        try:
            result = _move(locked, action)(ctx, actor, **data)
        except TransitionNotAllowed:
            raise refusal(action, locked) from None
        if locked.state != before:
            ctx.to_state = locked.state
        return result

    return services._transition(action, actor=actor, review=review, work=work)
