"""API tokens that expire and die with the password (DRF's token model with an expiry check).

A token older than ``HERITAGE_TOKEN_TTL_H`` hours is refused (401) and deleted; ``POST /api/v1/auth/token``
hands out a fresh one (a user name and password that do not log in: 401 ``authentication_failed``; a field
missing: 400). Changing a user's password deletes their tokens (``pre_save`` below compares the
stored hash), as Django already ends their other sessions. Wrong passwords on the token endpoint count
towards the django-axes lockout like the login page."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token
from rest_framework.authtoken import serializers as drf_token
from rest_framework.authtoken.views import ObtainAuthToken
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .authentication import token_expired
from .parsers import RefuseUnknownFields
from .throttling import AnonThrottle


class AuthTokenSerializer(RefuseUnknownFields, drf_token.AuthTokenSerializer):
    """``username`` and ``password``; any other key is a 400 naming it (before any login is tried). DRF's name, so
    the schema's component stays ``AuthToken``."""


class ObtainExpiringToken(ObtainAuthToken):
    """The user's token, replaced by a new one when it has expired."""

    throttle_classes = [AnonThrottle]
    serializer_class = AuthTokenSerializer

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data, context={"request": request})
        valid = serializer.is_valid()
        if getattr(request, "axes_locked_out", False):  # set by the axes backend during authenticate()
            return Response({"detail": _("该账户从此地址连续多次输入错误密码,登录已暂时锁定。请稍后再试,或联系管理员解锁。"),
                             "code": "locked_out"}, status=429)
        if not valid and set(serializer.errors) == {"non_field_errors"}:
            # a user name and a password, well formed, that do not log in: authentication failed, not a bad request
            return Response({"detail": str(serializer.errors["non_field_errors"][0]), "code": "authentication_failed"},
                            status=401, headers={"WWW-Authenticate": "Token"})
        if not valid:
            raise ValidationError(serializer.errors)
        user = serializer.validated_data["user"]
        token, created = Token.objects.get_or_create(user=user)
        if not created and token_expired(token):
            token.delete()
            token = Token.objects.create(user=user)
        return Response({"token": token.key})


obtain_token = ObtainExpiringToken.as_view()


@receiver(pre_save, sender=get_user_model())
def revoke_tokens_on_password_change(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if old is not None and old != instance.password:
        Token.objects.filter(user_id=instance.pk).delete()
