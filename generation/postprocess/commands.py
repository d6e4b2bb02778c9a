"""The ffmpeg command templates, as data, each with its purpose and what verification expects
(in the manner of Archivematica's format policy registry). A rendition records the key and version
of the template that made it, and the exact argv.

Encoding choices for the delivery MP4 (documented in docs/ARCHITECTURE.md, "Post-processing"):
- H.264 High profile, ``yuv420p`` (plays in every browser), ``+faststart`` (moov atom first, so a
  browser starts playing before the whole file arrives).
- CRF 20 with preset ``medium``: visually near-transparent for 720p/1080p demonstration footage at a
  moderate size; CRF 18 doubled the size in trials for no visible gain, CRF 23 softened fine thread
  detail. Change it here, bump ``version``.
- GOP of 2 s (``-g 2*fps``) so the gallery's seek bar lands quickly.
- ``use_metadata_tags`` so the free-form keys (producer, job_id, ai_generated) survive in the MP4.
"""
from dataclasses import dataclass, field

CRF = 20
PRESET = "medium"


@dataclass(frozen=True)
class CommandTemplate:
    key: str
    version: int
    purpose: str
    extension: str
    output_args: dict = field(default_factory=dict)
    # What verification checks on the output (probe fields); sizes/fps/duration are added per call.
    expect: dict = field(default_factory=dict)


_H264 = {
    "c:v": "libx264",
    "profile:v": "high",
    "preset": PRESET,
    "crf": CRF,
    "pix_fmt": "yuv420p",
    "movflags": "+faststart+use_metadata_tags",
    "an": None,
}
_H264_EXPECT = {"codec": "h264", "pix_fmt": "yuv420p", "streams": 1, "faststart": True}

# Speech-driven video (S2V) keeps the original recording: the same video encoding plus the audio span
# as AAC (192 kb/s, the recording's own channels and rate), cut to the video's duration.
_H264_AUDIO = {k: v for k, v in _H264.items() if k != "an"} | {"c:a": "aac", "b:a": "192k"}
_H264_AUDIO_EXPECT = {**_H264_EXPECT, "streams": 2}

TEMPLATES: dict[str, CommandTemplate] = {
    t.key: t
    for t in [
        CommandTemplate(
            key="delivery_mp4",
            version=1,
            purpose="交付视频:H.264/yuv420p/faststart,1280×720 或 1920×1080,运动插帧到目标帧率且保持时长,"
            "右上角可见 AI 标识,元数据写明 AI 生成。",
            extension="mp4",
            output_args=_H264,
            expect=_H264_EXPECT,
        ),
        CommandTemplate(
            key="delivery_mp4_audio",
            version=1,
            purpose="口述影像交付视频:同交付视频,另保留驱动它的原始录音片段(AAC),时长与画面一致。",
            extension="mp4",
            output_args=_H264_AUDIO,
            expect=_H264_AUDIO_EXPECT,
        ),
        CommandTemplate(
            key="slowmo_mp4",
            version=1,
            purpose="慢动作特写:时间拉伸 1/速度 倍后以运动插帧补足目标帧率,其余同交付视频。",
            extension="mp4",
            output_args=_H264,
            expect=_H264_EXPECT,
        ),
        CommandTemplate(
            key="multiview_mp4",
            version=1,
            purpose="多机位合成:同一步骤的多个机位按网格拼成一个视频,每格带机位说明,带 AI 标识。",
            extension="mp4",
            output_args=_H264,
            expect=_H264_EXPECT,
        ),
        CommandTemplate(
            key="lossless_intermediate",
            version=1,
            purpose="中间文件(无损 H.264 qp 0):供外部超分辨率模型读写,不交付。",
            extension="mkv",
            output_args={"c:v": "libx264", "preset": "ultrafast", "qp": 0, "pix_fmt": "yuv444p", "an": None},
            expect={"codec": "h264", "streams": 1},
        ),
        CommandTemplate(
            key="poster_jpeg",
            version=1,
            purpose="海报图:交付视频中间一帧的 JPEG(含 AI 标识),用于图库卡片。",
            extension="jpg",
            output_args={"frames:v": 1, "q:v": 3, "update": 1},
            expect={"codec": "mjpeg", "streams": 1},
        ),
        CommandTemplate(
            key="preview_webp",
            version=1,
            purpose="动态预览:交付视频前几秒,宽 480、12 fps 的循环 WebP(含 AI 标识),用于图库卡片。",
            extension="webp",
            output_args={"c:v": "libwebp_anim", "loop": 0, "quality": 70, "compression_level": 4, "an": None},
            expect={"format": "WEBP"},
        ),
        CommandTemplate(
            key="preview_gif",
            version=1,
            purpose="动态预览(GIF 备选):同 WebP,调色板两遍法。",
            extension="gif",
            output_args={"loop": 0, "an": None},
            expect={"format": "GIF"},
        ),
    ]
}

# Frame-rate conversion methods. ``mci`` is motion-compensated interpolation (the default);
# ``blend`` cross-fades neighbours (faster, ghosting); ``dup`` repeats frames (fastest, judder).
INTERPOLATION: dict[str, dict] = {
    "mci": {
        "filter": "minterpolate",
        "args": {"mi_mode": "mci", "mc_mode": "aobmc", "me_mode": "bidir", "vsbmc": 1},
        "purpose": "运动补偿插帧(双向运动估计,重叠块补偿)",
    },
    "blend": {"filter": "minterpolate", "args": {"mi_mode": "blend"}, "purpose": "相邻帧混合"},
    "dup": {"filter": "fps", "args": {}, "purpose": "重复帧"},
}

DELIVERY_SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}
