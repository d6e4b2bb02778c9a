"""Public gallery views."""
from django.shortcuts import render

from .models import Craft


def home(request):
    crafts = Craft.objects.filter(featured=True)[:12]
    return render(request, "gallery/home.html", {"crafts": crafts})
