"""Curator screens: server-rendered, Chinese first, usable on a phone."""
from django.contrib.auth.decorators import login_required, user_passes_test
from django.shortcuts import render

from .models import Craft, Recording, Technique
from .roles import is_curator


@login_required
@user_passes_test(is_curator)
def home(request):
    return render(
        request,
        "curator/home.html",
        {
            "craft_count": Craft.objects.count(),
            "technique_count": Technique.objects.count(),
            "recording_count": Recording.objects.count(),
        },
    )
