"""Every permission of the site, as django-rules predicates, in one table.

Screens (``requires`` on function views, ``PermissionView`` on class views), the REST API
(``HasPerm``), the review workflow (``review/workflow.py``) and templates (``{% load rules %}``
``{% has_perm "review.sign" user review as can_sign %}``) all ask ``user.has_perm(<name>, obj)``
with a name from this module; nothing else decides who may do what. Every URL pattern names the
permission it needs (``permission_required``); ``tests/test_permissions_urls.py`` walks the resolver
and fails on a view that names none. Public pages name ``PUBLIC`` explicitly.

Roles are groups (``archive.roles``): curator, reviewer (researcher), inheritor, admin; a member of
``admin`` and a superuser hold every role. Signing is decided by ``archive.signing`` (one rule).
"""
from __future__ import annotations

from functools import wraps

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views import View
from rest_framework.permissions import BasePermission

from archive.roles import ADMIN, CURATOR, REVIEWER, has_role

# --- Predicates ------------------------------------------------------------------------------------


@rules.predicate
def is_curator(user) -> bool:
    """Curator group, admin group or superuser."""
    return has_role(user, CURATOR)


@rules.predicate
def is_reviewer(user) -> bool:
    """Reviewer (researcher) group, admin group or superuser."""
    return has_role(user, REVIEWER)


@rules.predicate
def is_admin(user) -> bool:
    return has_role(user, ADMIN)


@rules.predicate
def is_staff_member(user) -> bool:
    """Django's ``is_staff`` flag (may open /admin/)."""
    return bool(user.is_authenticated and user.is_staff)


@rules.predicate
def signs_for_some_craft(user) -> bool:
    from archive.signing import inheritors_signable_by

    return user.is_authenticated and inheritors_signable_by(user).exists()


def _craft_id(obj):
    """The craft an object belongs to: a review (via its technique), a craft, a technique, a job."""
    if obj is None:
        return None
    if hasattr(obj, "technique_id") and obj.technique_id:
        return obj.technique.craft_id
    if hasattr(obj, "craft_id"):
        return obj.craft_id
    return getattr(obj, "pk", None) if obj.__class__.__name__ == "Craft" else None


@rules.predicate
def is_signer_for(user, obj) -> bool:
    """``user`` may sign ``obj``: a review (or its generation job) by the one rule in ``review.signing``
    (a narrated video only for the inheritor whose portrait and voice it shows, a demonstration for the
    craft's inheritors); a craft or technique for any of its inheritors (``archive.signing``)."""
    from archive.signing import signing_inheritor_for_craft
    from review.signing import job_of, may_sign

    if obj is None or not user.is_authenticated:
        return False
    if job_of(obj) is not None:  # a review or a generation job: the review rule, for both kinds
        return may_sign(user, obj)
    craft_id = _craft_id(obj)
    if craft_id is None:
        return False
    return signing_inheritor_for_craft(user, craft_id) is not None


@rules.predicate
def views_as_signer(user, review) -> bool:
    """``user`` may see ``review`` as its signer (``review.signing.may_view_as_signer``): they may sign it and
    it was sent out (no draft). A narration's review is its narrator's (and their proxy's), not the craft's."""
    from review.signing import may_view_as_signer

    return review is not None and user.is_authenticated and may_view_as_signer(user, review)


@rules.predicate
def is_requester(user, job) -> bool:
    return bool(job is not None and user.is_authenticated and job.requested_by_id == user.pk)


@rules.predicate
def recording_not_archive_only(user, recording) -> bool:
    """A recording whose consent is 「仅限档案保存」 is heard and read by curators only."""
    from archive.models import Recording

    return recording is not None and recording.consent_scope != Recording.ConsentScope.ARCHIVE_ONLY


@rules.predicate
def is_not_the_requester(user, change) -> bool:
    """Four eyes: the person who asked for a change is not the one who confirms it."""
    return change is None or change.requested_by_id != user.pk


@rules.predicate
def received_the_link(user, change) -> bool:
    """The one who confirmed a signer change (``decided_by``): for a new set-password link, the one who received
    it, and so the one who hands it to the inheritor."""
    return bool(change is not None and user.is_authenticated and change.decided_by_id == user.pk)


@rules.predicate
def made_the_change_request(user, review) -> bool:
    """The review's latest 需要修改 was made for the inheritor ``user`` signs for now: by ``user`` themselves,
    or by the inheritor or proxy signing for that same inheritor (``signing_for`` in its audit entry). A
    reviewer's change request is not an inheritor's to take back."""
    from review.selectors import latest_change_request_entry
    from review.signing import signs_for

    if review is None or not user.is_authenticated:
        return False
    entry = latest_change_request_entry(review)
    if entry is None:
        return False
    signing_for = (entry.details or {}).get("signing_for")
    if signing_for is None:
        return False
    return signs_for(user, signing_for, review)


@rules.predicate
def wrote_the_comment(user, comment) -> bool:
    return bool(comment is not None and user.is_authenticated and comment.author_id == user.pk)


@rules.predicate
def may_comment_on_its_review(user, comment) -> bool:
    """``user`` may comment on the review a comment (``review.ReviewComment``) belongs to: ``review.comment``."""
    return comment is not None and rules.has_perm("review.comment", user, comment.review)


is_staff_reader = is_curator | is_reviewer

# --- The table -------------------------------------------------------------------------------------

PUBLIC = "heritage.public"
AUTHENTICATED = "heritage.authenticated"

PERMISSIONS = {
    PUBLIC: rules.always_allow,
    AUTHENTICATED: rules.is_authenticated,
    # archive catalogue (curator screens, /api/v1/crafts, techniques, recordings)
    "archive.view": is_staff_reader,
    "archive.change": is_curator,
    # a recording's sound and transcript text, by any path (screen, API, a job's source, normalization)
    "archive.read_recording": is_staff_reader & (is_curator | recording_not_archive_only),
    # who may sign for an inheritor: a change is requested by a curator and confirmed by another
    "archive.request_signer_change": is_curator,
    "archive.confirm_signer_change": is_curator & is_not_the_requester,
    "archive.hand_over_signer_link": is_curator & received_the_link,
    # normalization screen (Django staff may use it too)
    "prompting.use": is_curator | is_staff_member,
    # generation jobs (screens and /api/v1/generation-tasks)
    "generation.view": is_staff_reader,
    "generation.create": is_curator,
    "generation.manage_job": is_curator | is_requester,
    "generation.view_all_jobs": is_curator,
    # review workflow: one permission per action of review/workflow.py
    "review.view_inbox": is_staff_reader | signs_for_some_craft,
    # who sees a review: staff all; others only what they may sign, once sent (review/signing.py, the decision)
    "review.view": is_staff_reader | views_as_signer,
    "review.view_all": is_staff_reader,
    "review.open": is_curator,
    "review.set_rights": is_curator,
    "review.submit": is_curator,
    "review.comment": is_staff_reader | is_signer_for,
    # a comment thread (object: the ReviewComment): whoever may comment on its review replies; the thread's
    # author or a curator (who does what comments ask) resolves and reopens it
    "review.reply_comment": may_comment_on_its_review,
    "review.resolve_comment": may_comment_on_its_review & (wrote_the_comment | is_curator),
    "review.approve": is_reviewer,
    "review.request_changes": is_reviewer | is_signer_for,
    # the inheritor (or their proxy) takes back their own 需要修改 (the guard: until a curator has acted)
    "review.retract_changes": is_signer_for & made_the_change_request,
    "review.reject": is_staff_reader | is_signer_for,
    "review.sign": is_signer_for,
    "review.archive": is_curator,
    "review.withdraw": is_signer_for | is_admin,
    # archive records (staff page, BagIt export)
    "records.view_staff": is_staff_reader,
    "records.export": is_curator,
}

for _name, _predicate in PERMISSIONS.items():
    rules.set_perm(_name, _predicate)


def allowed(user, perm: str, obj=None) -> bool:
    """``user.has_perm`` for a permission of this table (raises KeyError for an unknown name)."""
    if perm not in PERMISSIONS:
        raise KeyError(perm)
    return rules.has_perm(perm, user, obj)


# --- Screens ---------------------------------------------------------------------------------------

DEFAULT_REFUSAL = gettext_lazy("您的账户没有权限进行此操作。")


def refuse(request, reason=None):
    """The 403 page in the site's language that says why."""
    return render(request, "curator/403.html", {"reason": str(reason or DEFAULT_REFUSAL)}, status=403)


def _check(request, perm, obj, message):
    if perm == PUBLIC:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not allowed(request.user, perm, obj):
        return refuse(request, message)
    return None


def requires(perm: str, *, obj=None, message=None, enforce: bool = True):
    """Decorator for function views: ``perm`` from the table, checked on ``obj(request, **kwargs)``
    when given. Anonymous → login page, no right → 403 page. With ``enforce=False`` the view only
    requires a login and states ``perm`` for the URL walk: it hands the request to the review
    workflow, which checks that very permission and audits a refusal."""
    if perm not in PERMISSIONS:
        raise KeyError(perm)

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if perm != PUBLIC and not request.user.is_authenticated:
                refused = redirect_to_login(request.get_full_path())
            elif enforce:
                target = obj(request, **kwargs) if obj is not None else None
                refused = _check(request, perm, target, message)
            else:
                refused = None
            if refused is not None:
                return refused
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied as exc:
                return refuse(request, str(exc) or None)

        wrapped.permission_required = perm
        return wrapped

    return decorate


def public(view):
    """Mark a view (function or ``as_view()`` result) as open to everyone."""
    view.permission_required = PUBLIC
    return view


class PermissionView(View):
    """Base of class-based screens: ``permission_required`` (read) and ``write_permission`` (POST,
    when set). Anonymous → login page; no right → the 403 page that says why."""

    permission_required = ""
    write_permission = ""

    def permission_object(self):
        """The object an object-level permission is checked on (``self.kwargs`` is set)."""
        return None

    def required_permission(self, request) -> str:
        if self.write_permission and request.method not in ("GET", "HEAD", "OPTIONS"):
            return self.write_permission
        return self.permission_required

    def dispatch(self, request, *args, **kwargs):
        perm = self.required_permission(request)
        target = self.permission_object() if (perm != PUBLIC and request.user.is_authenticated) else None
        refused = _check(request, perm, target, None)
        if refused is not None:
            return refused
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as exc:
            return refuse(request, str(exc) or None)

    def may(self, perm: str, obj=None) -> bool:
        return allowed(self.request.user, perm, obj)


# --- API -------------------------------------------------------------------------------------------

def HasPerm(perm: str | dict, message: str | None = None, *, obj_perm: str | None = None) -> type[BasePermission]:  # noqa: N802,E501 — a class factory
    """A DRF permission class for a permission of the table; a dict maps HTTP methods to names
    (``{"GET": "generation.view", "POST": "generation.create"}``; ``"*"`` for the rest). ``obj_perm``
    is checked on the object when the view calls ``check_object_permissions`` (default: the same)."""
    by_method = perm if isinstance(perm, dict) else {"*": perm}
    for name in [*by_method.values(), *([obj_perm] if obj_perm else [])]:
        if name not in PERMISSIONS:
            raise KeyError(name)

    def name_for(method):
        name = by_method.get(method) or by_method.get("*")
        if name is None and method in ("HEAD", "OPTIONS"):
            name = by_method.get("GET")
        return name

    class _HasPerm(BasePermission):
        perms = by_method
        object_perm = obj_perm

        def has_permission(self, request, view):
            method = request.method.lower()
            if method not in view.http_method_names or not hasattr(view, method):
                return True  # a method the view does not have: DRF answers 405, not a refusal of rights
            name = name_for(request.method)
            return name is not None and (name == PUBLIC or allowed(request.user, name))

        def has_object_permission(self, request, view, obj):
            name = obj_perm or name_for(request.method)
            return name is not None and (name == PUBLIC or allowed(request.user, name, obj))

    _HasPerm.message = message or DEFAULT_REFUSAL
    _HasPerm.__name__ = "HasPerm_" + "_".join(sorted(set(by_method.values()))).replace(".", "_")
    return _HasPerm
