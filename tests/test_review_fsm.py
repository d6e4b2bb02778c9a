"""The review workflow on django-fsm-2: ``Review.state`` is an FSMField and every row of the table in
review/workflow.py is one django-fsm transition of ``Review`` (generated from the row, never written twice).
The model itself refuses a transition from a wrong state or with a failing guard; ``dispatch`` turns that
into the same ``TransitionRefused`` (code, status, reason) as the screens and the API give."""
import pytest
from django_fsm import FSMField, TransitionNotAllowed, can_proceed, has_transition_perm

from review import services, workflow
from review.models import AuditEntry, Review
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def test_the_model_refuses_a_transition_from_a_wrong_state(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    assert review.state == Review.State.DRAFT
    ctx = services._Ctx(review=review)
    for action in ("archive", "sign", "withdraw", "approve", "retract_changes"):
        with pytest.raises(TransitionNotAllowed):
            getattr(review, action)(ctx, rv.curator)
        assert review.state == Review.State.DRAFT
    review.refresh_from_db()
    assert review.state == Review.State.DRAFT
    assert not review.signoffs.exists() and not review.comments.exists()


def test_the_model_refuses_a_transition_whose_guard_fails_and_dispatch_gives_the_guards_reason(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    Review.objects.filter(pk=review.pk).update(attribution="")
    review.refresh_from_db()
    assert can_proceed(review.submit, check_conditions=False)  # the state allows it …
    assert not can_proceed(review.submit)  # … the guard has_attribution does not
    with pytest.raises(TransitionNotAllowed):
        review.submit(services._Ctx(review=review), rv.curator)
    assert review.state == Review.State.DRAFT
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_submit(review=review, actor=rv.curator)
    assert (exc.value.code, exc.value.status) == ("no_attribution", 400)
    assert review.audit.filter(action="submit", outcome=AuditEntry.Outcome.REFUSED,
                               details__code="no_attribution").exists()


def test_dispatch_turns_a_wrong_state_into_409_wrong_state_and_checks_the_right_first(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.curator)
    assert (exc.value.code, exc.value.status) == ("wrong_state", 409)
    assert "草稿" in exc.value.message
    with pytest.raises(services.TransitionRefused) as exc:  # no right: 403 before the state is looked at
        services.review_archive(review=review, actor=rv.reviewer)
    assert (exc.value.code, exc.value.status) == ("forbidden", 403)
    review.refresh_from_db()
    assert review.state == Review.State.DRAFT


def test_every_row_of_the_table_is_one_django_fsm_transition(rv):
    assert isinstance(Review._meta.get_field("state"), FSMField)
    transitions = {}
    for t in Review().get_all_state_transitions():
        transitions.setdefault(t.name, set()).add((t.source, t.target))
    assert set(transitions) == set(workflow.ACTIONS)
    for name, row in workflow.ACTIONS.items():
        target = str(row.target) if row.target is not None else None
        assert transitions[name] == {(str(s), target) for s in row.sources}, name
        assert getattr(Review, name).alters_data  # a template never calls a transition


def test_available_actions_are_django_fsms_available_user_transitions(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    for role, user in rv.roles.items():
        if user is None:
            continue
        fsm = {t.name for t in review.get_available_user_state_transitions(user)}
        assert workflow.available_names(review, user) == fsm, role
        assert {n for n in workflow.ACTIONS if has_transition_perm(getattr(review, n), user)} == fsm, role
    assert "sign" in workflow.available_names(review, rv.inheritor_user)
    assert "sign" not in workflow.available_names(review, rv.admin)  # the row's permission, not a superuser's
