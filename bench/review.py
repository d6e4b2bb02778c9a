"""Benchmark of the archive side of review (`python bench/review.py`): what archiving and keeping a
record costs, on files of realistic size, without a database.

  fixity     sha256 of a stored file read through Django's storage API (what the fixity task does per
             file), MB/s, on a --fixity-mb file (default 256 MB)
  c2pa       embedding a signed C2PA manifest (ES256, development certificate, no time-stamp) in a
             720p H.264 delivery MP4 of --seconds (default 10 s) and reading it back, seconds
  bagit      making a bag (sha256 + sha512 manifests) of that MP4 plus small tag files and validating
             it, seconds and MB/s

Each figure is the median of --repeat runs (default 3). Prints one JSON object (and writes it to --json).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixity-mb", type=int, default=256)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", default="")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritage.settings.test")
    work = Path(tempfile.mkdtemp(prefix="heritage-bench-review-"))
    os.environ["MEDIA_ROOT"] = str(work / "media")
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.storage import FileSystemStorage

    from generation.postprocess.binaries import ffmpeg_binary
    from records import credentials
    from review.renditions import sha256_of_field_file

    settings.HERITAGE_C2PA_DEV_DIR = str(work / "c2pa-dev")
    out: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                             "platform": platform.platform(), "load_avg": os.getloadavg()}}
    try:
        # fixity: sha256 through the storage API
        storage = FileSystemStorage(location=str(work / "media"))
        big = work / "media" / "archive" / "big.bin"
        big.parent.mkdir(parents=True, exist_ok=True)
        with open(big, "wb") as fh:
            block = os.urandom(1024 * 1024)
            for _ in range(args.fixity_mb):
                fh.write(block)

        class FF:  # the two attributes sha256_of_field_file needs from a FieldFile
            pass

        ff = FF()
        ff.storage, ff.name = storage, "archive/big.bin"
        sha256_of_field_file(ff)  # warm the page cache: fixity re-reads files that may be cached too
        s = _median_seconds(lambda: sha256_of_field_file(ff), args.repeat)
        out["fixity"] = {"file_mb": args.fixity_mb, "seconds": round(s, 3), "mb_per_s": round(args.fixity_mb / s, 1)}

        # c2pa on a 720p delivery-like MP4
        mp4 = work / "delivery.mp4"
        subprocess.run([ffmpeg_binary(), "-v", "error", "-y", "-f", "lavfi", "-i",
                        f"testsrc2=size=1280x720:rate=24", "-t", str(args.seconds), "-pix_fmt", "yuv420p",
                        "-c:v", "libx264", "-preset", "veryfast", "-b:v", "6M", "-movflags", "+faststart", str(mp4)],
                       check=True)
        size_mb = mp4.stat().st_size / 1e6
        credentials.signing_material()  # generate the development certificate outside the timing
        definition = credentials.build_manifest_definition(
            title="bench", record_id="bench", attribution="基于某某口述重构",
            rights_uri="https://creativecommons.org/licenses/by-nc-nd/4.0/", ai_notice="AI", engine={"preset": "tiny"},
            signoff={"inheritor": "某某"})
        signed = work / "signed.mp4"
        s_sign = _median_seconds(lambda: credentials.embed_manifest(mp4, signed, definition), args.repeat)
        s_read = _median_seconds(lambda: credentials.read_manifest(str(signed)), args.repeat)
        out["c2pa"] = {"mp4_mb": round(size_mb, 2), "video_seconds": args.seconds, "sign_seconds": round(s_sign, 3),
                       "read_seconds": round(s_read, 3),
                       "added_bytes": signed.stat().st_size - mp4.stat().st_size}

        # bagit: make + validate
        import bagit

        def make_and_validate():
            d = work / "bag"
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir()
            shutil.copy(signed, d / "video.mp4")
            (d / "original.mp4").write_bytes(hashlib.sha256(b"x").digest() * 1000)
            bag = bagit.make_bag(str(d), {"Source-Organization": "bench", "External-Identifier": "urn:uuid:bench"},
                                 checksums=["sha256", "sha512"])
            (d / "provenance.json").write_text(json.dumps({"bench": True}))
            bag.save()
            bagit.Bag(str(d)).validate()

        import logging

        logging.getLogger("bagit").setLevel(logging.WARNING)
        s_bag = _median_seconds(make_and_validate, args.repeat)
        out["bagit"] = {"payload_mb": round(size_mb, 2), "seconds": round(s_bag, 3),
                        "mb_per_s": round(size_mb / s_bag, 1)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(out, ensure_ascii=False)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
