"""System checks (``manage.py check --deploy``): production should sign content credentials with a real
certificate, not the generated development one."""
from django.core.checks import Info, register


@register("heritage", deploy=True)
def c2pa_certificate_configured(app_configs=None, **kwargs):
    from .credentials import _conf

    if _conf("HERITAGE_C2PA_CERT_CHAIN") and _conf("HERITAGE_C2PA_PRIVATE_KEY"):
        return []
    return [Info(
        "Content credentials (C2PA) are signed with a locally generated development certificate.",
        hint="Set HERITAGE_C2PA_CERT_CHAIN and HERITAGE_C2PA_PRIVATE_KEY (PEM files from a CA) in production.",
        id="heritage.I701",
    )]
