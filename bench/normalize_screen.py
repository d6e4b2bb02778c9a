"""The curator normalize screen (/curator/normalize/?recording=…) on a long recording, against the demo database
(`make demo` first): `python bench/normalize_screen.py [--segments 2000]`.

Adds (once) a copy of demo recording 1 with --segments transcript segments (its segments repeated), then times
three warm GETs per language as the curator and prints the best, the number of queries and the page size.
``--profile`` prints the cProfile of one more GET. The demo database is changed: the copy stays."""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritage.settings.local")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from archive.models import Recording, TranscriptSegment

    setup_test_environment()
    title = f"bench long transcript {args.segments}"
    rec = Recording.objects.filter(title=title).first()
    if rec is None:
        base = Recording.objects.order_by("pk").first()
        src = list(base.segments.all())
        rec = Recording.objects.get(pk=base.pk)
        rec.pk = rec.id = None
        rec.title = title
        rec.save()
        TranscriptSegment.objects.bulk_create(
            TranscriptSegment(recording=rec, start_ms=i * 3000, end_ms=i * 3000 + 2500,
                              speaker=src[i % len(src)].speaker, text=src[i % len(src)].text)
            for i in range(args.segments))
    print(f"recording {rec.pk}: {rec.segments.count()} segments, {len(rec.transcript_text())} characters")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="curator"))
    url = f"/curator/normalize/?recording={rec.pk}"
    client.get(url)  # warm: the spec, jieba's dictionary
    for lang in ("zh-hans", "en"):
        client.cookies["django_language"] = lang
        times = []
        for _ in range(3):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            times.append(time.perf_counter() - start)
        steps = response.content.decode().count('data-testid="step"')
        print(f"{lang}: HTTP {response.status_code}, best {min(times):.2f} s, {len(queries)} queries, "
              f"{len(response.content) / 1e6:.2f} MB, {steps} step rows")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        client.get(url)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
