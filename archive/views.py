"""Public gallery views live in archive/gallery/views.py (curator screens: archive/curator_views.py)."""
from .gallery.views import *  # noqa: F401,F403
