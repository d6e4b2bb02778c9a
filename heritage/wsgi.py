import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritage.settings.production")
application = get_wsgi_application()

# Search's word segmentation loads its dictionaries here, at start-up, not in a visitor's first search.
from gallery.tokens import warm  # noqa: E402

warm()
