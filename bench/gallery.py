"""Load benchmark of the public gallery (`make bench-gallery`).

With 1000 archived, signed records on PostgreSQL (10 crafts × 5 techniques × 20 steps, one public record
per step, each with video/poster/zh+en WebVTT files), gunicorn serves the site on loopback and a load
generator keeps 16 concurrent connections on:

  home        /                     (featured crafts with posters and record counts, facets, craft list)
  technique   /techniques/<slug>/  (20 steps, 20 players, credits, footage checks)
  search      /search/?q=<word>     (jieba → PostgreSQL full-text over the GIN index, 20 per page; the
              word rotates over a few common ones, each matching hundreds of documents)

Anonymous public pages come from the cache (gallery/cache.py): the 3 s warm-up fills it, so the figures
are for a warm cache. The cache is local memory per gunicorn worker unless CACHE_URL is set (then Redis,
e.g. CACHE_URL=redis://127.0.0.1:6379/8).

and prints p50/p95/p99 latency and requests per second for each, plus the machine. Load generator: wrk
(Debian package `wrk`) with a Lua reporter for p95; if wrk is missing, a bounded Python thread client.
Bounded: --seconds per page (default 20) after a 3 s warm-up, one run each.

The database (default postgres://postgres@127.0.0.1:5432/heritage_gallery_bench, or GALLERY_BENCH_DB)
is created, migrated and seeded on first use and reused afterwards; media goes to var/bench-gallery-media.

Usage: ``python bench/gallery.py [--seconds 20] [--clients 16] [--workers 4] [--tool auto|wrk|python]
[--json FILE]``.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_URL = os.environ.get("GALLERY_BENCH_DB", "postgres://postgres@127.0.0.1:5432/heritage_gallery_bench")
MEDIA_ROOT = ROOT / "var" / "bench-gallery-media"
N_CRAFTS, N_TECHNIQUES, N_STEPS = 10, 5, 20  # 1000 steps, one public record each
SEARCH_WORDS = ["走针", "针脚", "丝线", "绣布", "蜡染"]
CRAFT_NAMES = ["苏绣", "湘绣", "蜀绣", "粤绣", "景泰蓝", "苗族蜡染", "剪纸", "打铁花", "宣纸", "龙泉青瓷"]
REGIONS = ["江苏省苏州市", "湖南省长沙市", "四川省成都市", "广东省广州市", "北京市", "贵州省丹寨县",
           "陕西省延川县", "河南省确山县", "安徽省泾县", "浙江省龙泉市"]
STEP_TEXTS = [
    ("上绷", "把绣布平整地绷在绣绷上,四边拉紧,布面不起皱。"),
    ("劈丝", "将一根丝线劈成十二分之一,穿入绣花针,线尾打结。"),
    ("起针", "从图案外缘起针,针脚斜向,第一层针脚齐整。"),
    ("走针", "按层次由外向内走针,后一层接前一层,针脚长短一致。"),
    ("收针", "在背面藏好线头,剪去余线,检查布面。"),
]

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "heritage.settings.local",
    "DJANGO_DEBUG": "0",
    "DATABASE_URL": DB_URL,
    "DB_CONN_MAX_AGE": "60",
    "MEDIA_ROOT": str(MEDIA_ROOT),
    "LOG_LEVEL": "WARNING",
}


def ensure_database() -> None:
    import psycopg

    parsed = urllib.parse.urlparse(DB_URL)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=ENV, check=True)


def seed() -> int:
    """Create the 1000 public records once (bulk inserts; the files are real and small)."""
    os.environ.update(ENV)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from gallery.search import search_index_rebuild
    from archive.models import Craft, Inheritor, Technique, TechniqueStep
    from records.models import ArchiveFile, ArchiveRecord
    from records.selectors import public_records
    from generation.models import Clip, GenerationJob
    from review.models import Review, SignOff
    from tests.gallery_fixtures import VTT_EN, VTT_ZH, make_mp4_bytes, make_png_bytes

    have = public_records().count()
    if have >= N_CRAFTS * N_TECHNIQUES * N_STEPS:
        return have
    if ArchiveRecord.objects.exists():
        raise SystemExit(f"{DB_URL} holds a partial seed ({have} public records): drop that database and rerun")

    mp4, png = make_mp4_bytes(), make_png_bytes()
    blobs = {"video": (mp4, "video/mp4", "mp4"), "poster": (png, "image/png", "png"),
             "vtt": (VTT_ZH.encode(), "text/vtt", "vtt"), "vtt_en": (VTT_EN.encode(), "text/vtt", "vtt")}
    (MEDIA_ROOT / "bench").mkdir(parents=True, exist_ok=True)
    for role, (data, _mime, ext) in blobs.items():
        (MEDIA_ROOT / "bench" / f"{role}.{ext}").write_bytes(data)

    user, _ = get_user_model().objects.get_or_create(username="bench-archivist")
    rights = "http://rightsstatements.org/vocab/InC-EDU/1.0/"
    notice = "本视频由 AI 根据传承人口述生成,是对真实记录的补充,不替代原始影像。"
    with transaction.atomic():
        for c in range(N_CRAFTS):
            craft = Craft.objects.create(name=CRAFT_NAMES[c], slug=f"bench-craft-{c}", category="fine_arts" if c < 5 else "craftsmanship",
                                         region=REGIONS[c], featured=c < 6, description=f"{CRAFT_NAMES[c]}的项目介绍。")
            inheritor = Inheritor.objects.create(craft=craft, name=f"{CRAFT_NAMES[c]}传承人", level="national")
            for t in range(N_TECHNIQUES):
                technique = Technique.objects.create(craft=craft, name=f"技法{t + 1}", slug=f"bench-{c}-{t}",
                                                     summary=f"{CRAFT_NAMES[c]}技法{t + 1}的标准演示。")
                steps = TechniqueStep.objects.bulk_create([
                    TechniqueStep(technique=technique, order=s + 1, title=STEP_TEXTS[s % 5][0],
                                  description=STEP_TEXTS[s % 5][1] + f"(第{s + 1}步)")
                    for s in range(N_STEPS)
                ])
                jobs = GenerationJob.objects.bulk_create([
                    GenerationJob(requested_by=user, technique=technique, step=step, prompt="bench", parameters={},
                                  seed=step.pk, preset="tiny", status="succeeded") for step in steps
                ])
                clips = Clip.objects.bulk_create([
                    Clip(job=job, file="bench/video.mp4", sha256=hashlib.sha256(str(job.pk).encode()).hexdigest(),
                         size_bytes=len(mp4), width=64, height=64, num_frames=16, fps=8) for job in jobs
                ])
                reviews = Review.objects.bulk_create([
                    Review(clip=clip, technique=technique, step=step, state="archived", title=f"{technique} {step.order}",
                           created_by=user) for clip, step in zip(clips, steps)
                ])
                attribution = f"演示:{inheritor.name}(国家级传承人)口述;AI 生成,经传承人签署"
                signoffs = SignOff.objects.bulk_create([
                    SignOff(review=review, inheritor=inheritor, signed_by=user, sha256=clip.sha256,
                            attribution=attribution, rights_uri=rights, ai_notice=notice)
                    for review, clip in zip(reviews, clips)
                ])
                records = ArchiveRecord.objects.bulk_create([
                    ArchiveRecord(clip=clip, technique=technique, step=step, signoff=signoff, title=review.title,
                                  attribution=attribution, rights_uri=rights, ai_notice=notice,
                                  clip_sha256=clip.sha256, provenance={"bench": True}, created_by=user)
                    for clip, step, signoff, review in zip(clips, steps, signoffs, reviews)
                ])
                ArchiveFile.objects.bulk_create([
                    ArchiveFile(record=record, role=role, file=f"bench/{role}.{ext}", sha256=hashlib.sha256(data).hexdigest(),
                                size_bytes=len(data), mime=mime)
                    for record in records for role, (data, mime, ext) in blobs.items()
                ])
    search_index_rebuild()
    return public_records().count()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url}")


WRK_LUA = r"""
local paths = {}
local i = 0
init = function(args) for _, p in ipairs(args) do table.insert(paths, p) end end
request = function()
  i = (i % #paths) + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.1f %.3f %.3f %.3f %d\n", summary.requests, summary.duration,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def run_wrk(base: str, paths: list[str], clients: int, seconds: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_LUA)
        script = fh.name
    try:
        subprocess.run(["wrk", "-t2", f"-c{clients}", "-d3s", "-s", script, base, "--", *paths],
                       capture_output=True, text=True, check=True)  # warm-up
        out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "-s", script, base,
                              "--", *paths], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script)
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT"))
    n, dur_us, rps, p50, p95, p99, errors = line.split()[1:]
    return {"tool": "wrk", "requests": int(n), "seconds": int(dur_us) / 1e6, "rps": float(rps), "p50_ms": float(p50),
            "p95_ms": float(p95), "p99_ms": float(p99), "errors": int(errors)}


def run_python(base: str, paths: list[str], clients: int, seconds: int) -> dict:
    """A bounded closed-loop client: ``clients`` threads, each with one keep-alive connection."""
    import http.client

    host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = [0.0]

    def worker(k: int):
        conn = http.client.HTTPConnection(host, port, timeout=10)
        i = k
        while time.time() < stop_at[0]:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                ok = r.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=10)
            dt = (time.perf_counter() - t0) * 1000
            with lock:
                (latencies.append(dt) if ok else errors.__setitem__(0, errors[0] + 1))

    for phase_seconds, keep in ((3, False), (seconds, True)):
        latencies.clear()
        stop_at[0] = time.time() + phase_seconds
        t0 = time.time()
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.time() - t0
    q = statistics.quantiles(latencies, n=100)
    return {"tool": "python", "requests": len(latencies), "seconds": elapsed, "rps": len(latencies) / elapsed,
            "p50_ms": q[49], "p95_ms": q[94], "p99_ms": q[98], "errors": errors[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto",
                        help="load generator (auto: wrk when installed, else the Python client)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    args.seconds = max(1, min(args.seconds, 120))

    ensure_database()
    n_public = seed()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "heritage.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
         str(args.workers), "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=ENV,
    )
    try:
        wait_up(base + "/")
        pages = {
            "home": ["/"],
            "technique": ["/techniques/bench-0-0/", "/techniques/bench-3-2/", "/techniques/bench-7-4/"],
            "search": ["/search/?q=" + urllib.parse.quote(w) for w in SEARCH_WORDS],
        }
        for paths in pages.values():  # every URL answers 200 before we measure
            for p in paths:
                with urllib.request.urlopen(base + p, timeout=10) as r:
                    assert r.status == 200, p
        use_wrk = args.tool == "wrk" or (args.tool == "auto" and shutil.which("wrk"))
        runner = run_wrk if use_wrk else run_python
        results = {name: runner(base, paths, args.clients, args.seconds) for name, paths in pages.items()}
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                   if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = f"{os.cpu_count()} CPU cores ({cpu}), Python {platform.python_version()}, load average {load} (after the run)"
    print(f"gallery load benchmark · {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC · {machine}")
    cache = "Redis " + ENV["CACHE_URL"].rsplit("@", 1)[-1] if ENV.get("CACHE_URL") else "local memory per worker"
    print(f"PostgreSQL {DB_URL.rsplit('@', 1)[-1]}, {n_public} public records; gunicorn {args.workers} sync workers; "
          f"{args.clients} concurrent clients, {args.seconds} s per page after 3 s warm-up; page cache: {cache}")
    print(f"{'page':<10} {'tool':<6} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for name, r in results.items():
        print(f"{name:<10} {r['tool']:<6} {r['requests']:>8} {r['rps']:>8.1f} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} "
              f"{r['p99_ms']:>8.1f} {r['errors']:>6}")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine, "records": n_public, "results": results}, indent=1))


if __name__ == "__main__":
    main()
