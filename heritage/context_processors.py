from django.conf import settings


def site(request):
    """Facts every page may show: whether the engine is the tiny one whose videos are noise."""
    return {"ENGINE_IS_TINY": settings.ENGINE_PRESET == "tiny"}
