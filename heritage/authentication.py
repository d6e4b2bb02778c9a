"""API token authentication with an expiry (``HERITAGE_TOKEN_TTL_H``); see ``heritage.tokens``."""
from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


def token_expired(token: Token) -> bool:
    return timezone.now() - token.created > dt.timedelta(hours=settings.HERITAGE_TOKEN_TTL_H)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if token_expired(token):
            token.delete()
            raise exceptions.AuthenticationFailed(_("令牌已过期,请重新获取。"), code="token_expired")
        return user, token
