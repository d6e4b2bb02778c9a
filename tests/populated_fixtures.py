"""A populated archive for the tests that walk every page (tests/test_punctuation_en.py in English,
tests/test_ux_browser.py with axe): a craft with a transcript, a footage item, a review signed and archived
through the real review services, a review in progress, and gallery content (苗族蜡染·点蜡) with public
records. Needs the fixtures of tests/review_fixtures.py and tests/gallery_fixtures.py in the test module."""
import pytest


@pytest.fixture
def populated_archive(rv, make_clip, gallery_factory, settings):
    """Builds the archive; returns a dict (record, signed, pending, footage, dianla, job, and changes
    when asked for). Options for what the two users differ in:

    - ``signer``: "inheritor" (the living inheritor signs) or "proxy" (the deceased one's recorded proxy);
    - ``featured``: the craft is featured on the gallery home;
    - ``comment``: the pending review holds a reviewer's comment;
    - ``changes``: one more review in which the inheritor requested changes;
    - ``dianla_steps``: how many steps 点蜡 has, each with a public record."""
    from archive.models import Footage, TranscriptSegment
    from generation.models import GenerationJob
    from review import services

    steps = [("画蜡", "用铜蜡刀蘸蜂蜡画出图案。"), ("浸染", "把布放入蓝靛染缸中反复浸染。")]

    def _build(*, signer="inheritor", featured=False, comment=False, changes=False, dianla_steps=1):
        settings.ENGINE_PRESET = "tiny"
        rv.craft.featured = featured or rv.craft.featured
        rv.craft.name_en = "Suzhou embroidery"
        rv.craft.save()
        TranscriptSegment.objects.create(recording=rv.recording, start_ms=0, end_ms=3000, speaker="姚建萍",
                                         text="丝线沿纹样外缘起针,针距两毫米。")
        footage = Footage.objects.create(technique=rv.technique, title="1986 年实拍", credit="苏州刺绣研究所",
                                         reference="SZ-1986-01")
        signed = services.review_open(clip=make_clip(), actor=rv.curator)
        services.review_submit(review=signed, actor=rv.curator)
        signed.refresh_from_db()
        actor = {"inheritor": rv.inheritor_user, "proxy": rv.proxy_user}[signer]
        services.review_sign(review=signed, actor=actor, sha256=signed.submitted_sha256,
                             attribution=signed.attribution)
        record = services.review_archive(review=signed, actor=rv.curator)
        pending = services.review_open(clip=make_clip(variant="b", seed=9), actor=rv.curator)
        services.review_submit(review=pending, actor=rv.curator)
        if comment:
            services.review_comment(review=pending, actor=rv.reviewer, text="针脚太密", at_ms=500)
        pending.refresh_from_db()
        built = {"record": record, "signed": signed, "pending": pending, "footage": footage}
        if changes:
            asked = services.review_open(clip=make_clip(variant="c", seed=11), actor=rv.curator)
            services.review_submit(review=asked, actor=rv.curator)
            asked.refresh_from_db()
            services.review_request_changes(review=asked, actor=rv.inheritor_user, text="颜色偏暗", at_ms=0)
            built["changes"] = asked
        craft = gallery_factory.craft("苗族蜡染", "miao-laran", category="craftsmanship", region="贵州省丹寨县")
        dianla = gallery_factory.technique(craft, "点蜡", "dianla", steps[:dianla_steps])
        for step in dianla.steps.all():
            gallery_factory.record(dianla, step)
        built["dianla"] = dianla
        built["job"] = GenerationJob.objects.filter(clip__isnull=False).first()
        return built

    return _build
