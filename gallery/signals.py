"""Keep the gallery search index in step with the archive: a saved craft, inheritor, technique or step
re-indexes its part, after the transaction commits. Connected in ``GalleryConfig.ready()``."""
from django.db import transaction
from django.db.models.signals import post_save

# sender → (which refresh to run, which id of the saved row it takes)
_REFRESH = {
    "archive.Craft": ("search_index_refresh_craft", "craft_id", "pk"),
    "archive.Inheritor": ("search_index_refresh_craft", "craft_id", "craft_id"),
    "archive.Technique": ("search_index_refresh_technique", "technique_id", "pk"),
    "archive.TechniqueStep": ("search_index_refresh_technique", "technique_id", "technique_id"),
}


def _handler(refresh_name: str, kwarg: str, attr: str):
    def saved(sender, instance, raw=False, **kwargs):
        if raw:  # loaddata: rebuild with the command
            return
        from . import search

        refresh, value = getattr(search, refresh_name), getattr(instance, attr)
        transaction.on_commit(lambda: refresh(**{kwarg: value}))

    return saved


def connect() -> None:
    """Called once from ``GalleryConfig.ready()``; the dispatch uids make a second call harmless."""
    for sender, (name, kwarg, attr) in _REFRESH.items():
        post_save.connect(_handler(name, kwarg, attr), sender=sender, weak=False,
                          dispatch_uid=f"gallery_index_{sender.rsplit('.', 1)[1].lower()}")
