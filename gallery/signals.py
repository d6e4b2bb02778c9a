"""Keep the gallery search index in step with the archive: a saved craft, inheritor, technique or step
re-indexes its part, after the transaction commits; so does a new archive record (its technique's part, with
its narrated videos). Connected in ``GalleryConfig.ready()``."""
from django.db import transaction
from django.db.models.signals import post_delete, post_save

# sender → (which refresh to run, which id of the saved row it takes)
_REFRESH = {
    "archive.Craft": ("search_index_refresh_craft", "craft_id", "pk"),
    "archive.Inheritor": ("search_index_refresh_craft", "craft_id", "craft_id"),
    "archive.Technique": ("search_index_refresh_technique", "technique_id", "pk"),
    "archive.TechniqueStep": ("search_index_refresh_technique", "technique_id", "technique_id"),
    # a new archive record may be a narrated video (口述影像), indexed with its technique; records are
    # append-only, and whether one is public (published, not withdrawn) is decided at query time
    "records.ArchiveRecord": ("search_index_refresh_technique", "technique_id", "technique_id"),
}


def _handler(refresh_name: str, kwarg: str, attr: str):
    def saved(sender, instance, raw=False, **kwargs):
        if raw:  # loaddata: rebuild with the command
            return
        from . import search

        refresh, value = getattr(search, refresh_name), getattr(instance, attr)
        transaction.on_commit(lambda: refresh(**{kwarg: value}))

    return saved


# Anything a public page shows: saving or deleting one of these starts a new gallery version (cache.py).
# A record is published when it is archived and unpublished when its sign-off is withdrawn; a new active
# spec version changes how search segments words.
INVALIDATING_MODELS = ("records.ArchiveRecord", "records.ArchiveFile", "review.SignOff", "review.Review",
                       "archive.Craft", "archive.Inheritor", "archive.Technique", "archive.TechniqueStep",
                       "archive.Footage", "prompting.SpecVersion",
                       # a narrowed likeness or recording consent hides a video at once, a widened one
                       # brings it back (records.selectors.public_records)
                       "archive.InheritorPortrait", "archive.Recording")


def _invalidate(sender, raw=False, **kwargs):
    if raw:
        return
    from .cache import gallery_invalidate

    gallery_invalidate()  # at once: this process's next read sees the change
    transaction.on_commit(gallery_invalidate)  # and again after commit: no page cached from before it


def connect() -> None:
    """Called once from ``GalleryConfig.ready()``; the dispatch uids make a second call harmless."""
    for sender, (name, kwarg, attr) in _REFRESH.items():
        post_save.connect(_handler(name, kwarg, attr), sender=sender, weak=False,
                          dispatch_uid=f"gallery_index_{sender.rsplit('.', 1)[1].lower()}")
    for sender in INVALIDATING_MODELS:
        uid = f"gallery_cache_{sender.replace('.', '_').lower()}"
        post_save.connect(_invalidate, sender=sender, weak=False, dispatch_uid=uid + "_save")
        post_delete.connect(_invalidate, sender=sender, weak=False, dispatch_uid=uid + "_delete")
