"""Keep the gallery search index in step with the archive: a saved craft, inheritor, technique or step
re-indexes its part, after the transaction commits."""
from django.db import transaction
from django.db.models.signals import post_save


def _on_commit(fn, **kwargs):
    transaction.on_commit(lambda: fn(**kwargs))


def craft_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: rebuild with the command
        return
    from .search import search_index_refresh_craft

    _on_commit(search_index_refresh_craft, craft_id=instance.pk)


def inheritor_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .search import search_index_refresh_craft

    _on_commit(search_index_refresh_craft, craft_id=instance.craft_id)


def technique_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .search import search_index_refresh_technique

    _on_commit(search_index_refresh_technique, technique_id=instance.pk)


def step_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .search import search_index_refresh_technique

    _on_commit(search_index_refresh_technique, technique_id=instance.technique_id)


post_save.connect(craft_saved, sender="archive.Craft", dispatch_uid="gallery_index_craft")
post_save.connect(inheritor_saved, sender="archive.Inheritor", dispatch_uid="gallery_index_inheritor")
post_save.connect(technique_saved, sender="archive.Technique", dispatch_uid="gallery_index_technique")
post_save.connect(step_saved, sender="archive.TechniqueStep", dispatch_uid="gallery_index_step")
