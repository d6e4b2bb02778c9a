"""Editing a term, default or template changes its version's ``updated_at``, which is part of the
cache key the normalizer uses, so every process picks the edit up on its next call."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import ParameterDefault, PromptTemplate, SpecVersion, Term


@receiver([post_save, post_delete], sender=Term)
@receiver([post_save, post_delete], sender=ParameterDefault)
@receiver([post_save, post_delete], sender=PromptTemplate)
def touch_spec_version(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    SpecVersion.objects.filter(pk=instance.spec_id).update(updated_at=timezone.now())
