"""Writes for the prompting app: loading the spec files into a version, copying and activating a
version, and saving a curator's edited description as a technique's prompt template."""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from archive.models import Technique

from .models import ParameterDefault, PromptTemplate, SpecVersion, Term
from .render import final_prompt
from .spec import PARAMETER_NAMES, Spec, get_spec


# Key under which a saved template records the recording it was normalized from (read by
# generation/attribution.py, which holds jobs made from the template to that recording's consent, and by
# archive.selectors.deletion_blockers); defined with the template's field.
SOURCE_RECORDING_KEY = Technique.TEMPLATE_SOURCE_KEY


class SpecError(ValueError):
    """The spec data is not usable (message is user-facing)."""


@transaction.atomic
def spec_version_load(*, doc: dict, version: str | None = None, activate: bool = False, replace: bool = False,
                      user=None) -> SpecVersion:
    """Create a SpecVersion from a spec document (the files' shape, see spec.load_default_spec_dict)."""
    version = version or str(doc.get("version") or "")
    if not version:
        raise SpecError("规范版本号不能为空。")
    try:
        Spec.from_dict(doc)  # validates categories and shapes before anything is written
    except (KeyError, TypeError, ValueError) as exc:
        raise SpecError(f"规范数据无效:{exc}") from exc
    existing = SpecVersion.objects.filter(version=version).first()
    if existing is not None:
        if not replace:
            raise SpecError(f"规范版本 {version} 已存在。")
        was_active = existing.is_active
        existing.delete()
        activate = activate or was_active
    rows = rows_from_doc(doc)
    spec = SpecVersion.objects.create(version=version, created_by=user, **rows["version"])
    Term.objects.bulk_create([Term(spec=spec, **r) for r in rows["terms"]])
    ParameterDefault.objects.bulk_create([ParameterDefault(spec=spec, **r) for r in rows["defaults"]])
    PromptTemplate.objects.bulk_create([PromptTemplate(spec=spec, **r) for r in rows["templates"]])
    if activate:
        spec_version_activate(spec=spec)
    return spec


def rows_from_doc(doc: dict) -> dict:
    """Field values for a SpecVersion and its rows, from a spec document (also used by the data
    migration with historical models)."""
    defaults = doc["defaults"]
    templates = doc["templates"]
    out = {
        "version": {
            "name": doc.get("name", ""), "notes": doc.get("about", ""),
            "sources": doc["lexicon"].get("sources", {}), "parameters": doc["parameters"],
            "vocabulary": {k: v for k, v in defaults.items() if k not in ("levels", "implied")},
            "templates": {k: v for k, v in templates.items() if k not in ("default", "crafts", "techniques")},
        },
        "terms": [
            {"term": e["term"], "category": e["category"], "crafts": ",".join(e.get("crafts") or []),
             "synonyms": e.get("synonyms") or [], "traditional": e.get("traditional") or [],
             "source": e.get("source", ""), "en": e.get("en", "")}
            for e in doc["lexicon"]["terms"]
        ],
        "defaults": [],
        "templates": [{"scope": "default", "scope_key": "", **_style_fields(templates.get("default", {}))}],
    }
    for kind, block in (("level", defaults.get("levels", {})), ("implied", defaults.get("implied", {}))):
        for scope, key, values in _scopes(block):
            for a, inner in values.items():
                if not isinstance(inner, dict):
                    continue
                for b, value in inner.items():
                    param, trigger = (a, b) if kind == "level" else (b, a)
                    if param not in PARAMETER_NAMES:
                        raise SpecError(f"未知参数名 {param}")
                    out["defaults"].append({"kind": kind, "scope": scope, "scope_key": key, "trigger": trigger,
                                            "parameter": param, "value": float(value)})
    for scope in ("craft", "technique"):
        for key, style in templates.get(scope + "s", {}).items():
            out["templates"].append({"scope": scope, "scope_key": key, **_style_fields(style)})
    return out


def _scopes(block: dict):
    if "global" in block:
        yield "global", "", block["global"]
    for scope in ("craft", "technique"):
        for key, values in block.get(scope + "s", {}).items():
            yield scope, key, values


def _style_fields(style: dict) -> dict:
    return {"who": style.get("who", ""), "craft_name": style.get("craft_name", ""),
            "technique_name": style.get("technique", ""), "camera": style.get("camera", ""),
            "lighting": style.get("lighting", ""), "slow_motion": style.get("slow_motion")}


@transaction.atomic
def spec_version_activate(*, spec: SpecVersion) -> SpecVersion:
    # Building the spec proves the rows make a usable document before it goes live.
    try:
        Spec.from_dict(spec.to_spec_dict())
    except (KeyError, TypeError, ValueError) as exc:
        raise SpecError(f"规范版本 {spec.version} 无法使用:{exc}") from exc
    SpecVersion.objects.filter(is_active=True).exclude(pk=spec.pk).update(is_active=False)
    spec.is_active = True
    spec.save(update_fields=["is_active", "updated_at"])
    return spec


@transaction.atomic
def spec_version_copy(*, spec: SpecVersion, version: str, user=None) -> SpecVersion:
    """A new, inactive version with the same rows: curators edit the copy, then activate it."""
    return spec_version_load(doc=spec.to_spec_dict(), version=version, activate=False, user=user)


def active_spec_provider():
    """For spec.set_spec_provider: (cache key, loader) of the active version, or None when the
    database has none (or cannot be read here: no tables yet, or a test without database access)."""
    from django.db import DatabaseError

    try:
        row = SpecVersion.objects.filter(is_active=True).values_list("pk", "updated_at").first()
    except (DatabaseError, RuntimeError):
        return None
    if row is None:
        return None
    pk, updated_at = row
    return f"db:{pk}:{updated_at.timestamp()}", lambda: SpecVersion.objects.get(pk=pk).to_spec_dict()


def craft_key_for(technique_slug: str | None) -> str | None:
    """The craft of a technique in the archive, as the normalizer takes it (``normalize(craft=…)``):
    the craft's Chinese name when the spec's catalogue knows it (「南京云锦」 contains 云锦), else its slug
    when that is a catalogue key, else the name as it is (a craft created by a curator: no
    craft-specific defaults, a neutral scene). None when the technique does not exist."""
    if not technique_slug:
        return None
    from archive.models import Technique

    from django.db import DatabaseError

    try:
        row = Technique.objects.filter(slug=technique_slug).values_list("craft__name", "craft__slug").first()
    except (DatabaseError, RuntimeError):
        return None
    if row is None:
        return None
    name, slug = row
    spec = get_spec()
    info = spec.craft_info(name) if name else None
    if info is not None and info.key:
        return name
    if slug and spec.craft_for(slug):
        return slug
    return name or slug


def technique_save_prompt_template(*, technique, description: dict, camera: str | None, user,
                                   source_recording=None) -> dict:
    """Store an edited structured description as the technique's prompt template. The prompt string
    kept with it is derived from the description (render_prompt), never typed in. The recording it was
    normalized from is kept with it (``source_recording``), so a job made from the template is held to
    that recording's consent (generation/attribution.py)."""
    desc = dict(description)
    desc.pop(SOURCE_RECORDING_KEY, None)
    if source_recording is not None:
        desc[SOURCE_RECORDING_KEY] = source_recording.pk
    desc["technique"] = technique.slug
    if camera:
        desc["camera"] = camera
    desc["prompt"] = final_prompt(desc, camera)
    desc["saved_at"] = timezone.now().isoformat()
    desc["saved_by"] = getattr(user, "username", "")
    technique.prompt_template = desc
    technique.save(update_fields=["prompt_template", "updated_at"])
    return desc

