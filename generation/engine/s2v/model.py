"""The Wan2.2-S2V-14B transformer, written here from the official architecture (facts read from
Wan-Video/Wan2.2 `wan/modules/s2v/`), with the official tensor names so the release's safetensors
shards load as they are.

Sequence fed to the 40 blocks, left to right:
    noisy video tokens (F_lat × h × w)        timestep t, mask id 0, RoPE positions (f, y, x) from 0
    reference-image tokens (1 × h × w)         timestep 0, mask id 1, RoPE frame position 30
    motion-memory tokens (FramePack buckets)   timestep 0, mask id 2, RoPE frame positions < 0
The "segment-wise timestep modulation" is the two modulation sets of every block: one from t for the
noisy tokens, one from t = 0 for everything after them (`zero_timestep`).

After selected blocks (`audio_inject_layers`) an audio cross-attention adds, to each latent frame's
noisy tokens, attention over that frame's audio tokens; the hidden states are first normalised by an
adaptive LayerNorm (diffusers' `AdaLayerNorm`) driven by the global audio vector of the frame.

Audio: all wav2vec2 hidden layers are mixed by learnt softmax-free (SiLU) weights, then a causal 1-D
convolution stack (time stride 4: one step per latent frame) makes `num_audio_token` local tokens plus
a learnt padding token per latent frame, and one global vector per latent frame.

Pose (optional): VAE latents of a pose video go through `cond_encoder` and are added to the noisy
tokens; without pose the official code feeds zero latents (so only the bias is added).

Building blocks from diffusers: ModelMixin/ConfigMixin (loading, offload hooks), `AdaLayerNorm`, `FP32LayerNorm`,
`get_timestep_embedding` (the sinusoidal embedding) and `dispatch_attention_fn` (the attention kernel
the engine's speed options select).
"""

from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F
from diffusers.configuration_utils import ConfigMixin, register_to_config
from diffusers.models.attention_dispatch import dispatch_attention_fn
from diffusers.models.embeddings import get_timestep_embedding
from diffusers.models.modeling_utils import ModelMixin
from diffusers.models.normalization import AdaLayerNorm, FP32LayerNorm
from torch import nn

REF_FRAME_POSITION = 30  # RoPE frame index of the reference image (official: start 30, end 31)
FRAMEPACK_BUCKETS = (1, 2, 16)  # latent frames packed at 1×, 2× and 4× compression, nearest first


# ---------------------------------------------------------------------------------------------- norms
# LayerNorms: diffusers' FP32LayerNorm (computed in float32, cast back), the Wan convention.


class RMSNormAcrossHeads(nn.Module):
    """RMS norm over the whole projection (all heads), as Wan's q/k norms."""

    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        xf = x.float()
        return (xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + self.eps)).type_as(x) * self.weight


# ---------------------------------------------------------------------------------------------- RoPE
def rope_inverse_frequencies(head_dim: int) -> list[torch.Tensor]:
    """Per-axis inverse frequencies (frame, height, width) for Wan's 3-axis RoPE, float64."""
    d = head_dim
    out = []
    for dim in (d - 4 * (d // 6), 2 * (d // 6), 2 * (d // 6)):
        out.append(1.0 / torch.pow(10000.0, torch.arange(0, dim, 2, dtype=torch.float64) / dim))
    return out


def _axis_positions(start: int, end: int, span: int) -> np.ndarray:
    """Integer positions of `end - start` tokens covering `span` positions from `start` (negative
    starts count backwards from 0, as the official rope_precompute samples them)."""
    n = end - start
    if start >= 0:
        return np.linspace(start, span + start - 1, n).astype(int)
    return -np.linspace(-start, -span - start + 1, n).astype(int)


def segment_positions(start: tuple[int, int, int], end: tuple[int, int, int],
                      span: tuple[int, int, int]) -> torch.Tensor:
    """[N, 3] integer (frame, y, x) positions of one segment's tokens, frame-major order."""
    f = _axis_positions(start[0], end[0], span[0])
    y = _axis_positions(start[1], end[1], span[1])
    x = _axis_positions(start[2], end[2], span[2])
    grid = np.stack(np.meshgrid(f, y, x, indexing="ij"), axis=-1).reshape(-1, 3)
    return torch.from_numpy(grid.astype(np.int64))


def rope_cos_sin(positions: torch.Tensor, head_dim: int, device, dtype=torch.float32):
    """cos, sin of shape [1, S, 1, head_dim/2] for [S, 3] positions."""
    inv = rope_inverse_frequencies(head_dim)
    angles = torch.cat([positions[:, i:i + 1].double() * inv[i][None] for i in range(3)], dim=1)
    return (angles.cos().to(device=device, dtype=dtype)[None, :, None],
            angles.sin().to(device=device, dtype=dtype)[None, :, None])


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """x [B, S, H, D] with (real, imag) interleaved pairs, rotated in float32."""
    xf = x.float().unflatten(-1, (-1, 2))
    real, imag = xf[..., 0], xf[..., 1]
    out = torch.stack([real * cos - imag * sin, real * sin + imag * cos], dim=-1).flatten(-2)
    return out.type_as(x)


# ---------------------------------------------------------------------------------------------- attention
class WanS2VAttention(nn.Module):
    """Self- or cross-attention with the official names q, k, v, o, norm_q, norm_k."""

    def __init__(self, dim: int, num_heads: int, eps: float = 1e-6, qk_norm: bool = True):
        super().__init__()
        self.num_heads = num_heads
        self.q = nn.Linear(dim, dim)
        self.k = nn.Linear(dim, dim)
        self.v = nn.Linear(dim, dim)
        self.o = nn.Linear(dim, dim)
        self.norm_q = RMSNormAcrossHeads(dim, eps) if qk_norm else nn.Identity()
        self.norm_k = RMSNormAcrossHeads(dim, eps) if qk_norm else nn.Identity()

    def forward(self, x, context=None, rope=None):
        context = x if context is None else context
        q = self.norm_q(self.q(x)).unflatten(-1, (self.num_heads, -1))
        k = self.norm_k(self.k(context)).unflatten(-1, (self.num_heads, -1))
        v = self.v(context).unflatten(-1, (self.num_heads, -1))
        if rope is not None:
            q, k = apply_rope(q, *rope), apply_rope(k, *rope)
        out = dispatch_attention_fn(q, k.type_as(q), v.type_as(q))  # [B, S, H, D]
        return self.o(out.flatten(2).type_as(x))


class WanS2VBlock(nn.Module):
    """A Wan block whose modulation has two segments: noisy tokens and conditioning tokens."""

    def __init__(self, dim: int, ffn_dim: int, num_heads: int, eps: float, cross_attn_norm: bool, qk_norm: bool):
        super().__init__()
        self.norm1 = FP32LayerNorm(dim, eps, elementwise_affine=False)
        self.self_attn = WanS2VAttention(dim, num_heads, eps, qk_norm)
        self.norm3 = FP32LayerNorm(dim, eps, elementwise_affine=True) if cross_attn_norm else nn.Identity()
        self.cross_attn = WanS2VAttention(dim, num_heads, eps, qk_norm)
        self.norm2 = FP32LayerNorm(dim, eps, elementwise_affine=False)
        self.ffn = nn.Sequential(nn.Linear(dim, ffn_dim), nn.GELU(approximate="tanh"), nn.Linear(ffn_dim, dim))
        self.modulation = nn.Parameter(torch.randn(1, 6, dim) / dim ** 0.5)

    @staticmethod
    def _per_segment(t: torch.Tensor, seg: int, fn) -> torch.Tensor:
        return torch.cat([fn(t[:, :seg], 0), fn(t[:, seg:], 1)], dim=1)

    def forward(self, x, e, seg: int, rope, context):
        # e: [B, 6, 2, dim] float32 (segment 0: noisy tokens [0, seg); segment 1: the rest)
        mod = (self.modulation.float().unsqueeze(2) + e).unbind(1)  # 6 × [B, 2, dim]
        shift1, scale1, gate1, shift2, scale2, gate2 = (m.unsqueeze(2) for m in mod)  # [B, 2, 1, dim]

        def modulate(h, shift, scale):
            return self._per_segment(h, seg, lambda part, i: part * (1 + scale[:, i]) + shift[:, i])

        def gated(h, gate):
            return self._per_segment(h, seg, lambda part, i: part * gate[:, i])

        h = modulate(self.norm1(x).float(), shift1, scale1).type_as(x)
        x = (x.float() + gated(self.self_attn(h, rope=rope).float(), gate1)).type_as(x)
        x = x + self.cross_attn(self.norm3(x), context=context)
        h = modulate(self.norm2(x).float(), shift2, scale2).type_as(x)
        x = (x.float() + gated(self.ffn(h).float(), gate2)).type_as(x)
        return x


class Head(nn.Module):
    def __init__(self, dim: int, out_dim: int, patch_size, eps: float):
        super().__init__()
        self.norm = FP32LayerNorm(dim, eps, elementwise_affine=False)
        self.head = nn.Linear(dim, math.prod(patch_size) * out_dim)
        self.modulation = nn.Parameter(torch.randn(1, 2, dim) / dim ** 0.5)

    def forward(self, x, e):  # e: [B, dim] float32
        shift, scale = (self.modulation.float() + e.unsqueeze(1)).chunk(2, dim=1)
        return self.head((self.norm(x).float() * (1 + scale) + shift).type_as(x))


# ---------------------------------------------------------------------------------------------- audio
class CausalConv1d(nn.Module):
    def __init__(self, chan_in: int, chan_out: int, kernel_size: int = 3, stride: int = 1):
        super().__init__()
        self.pad = kernel_size - 1
        self.conv = nn.Conv1d(chan_in, chan_out, kernel_size, stride=stride)

    def forward(self, x):  # [B, C, T]
        return self.conv(F.pad(x, (self.pad, 0), mode="replicate"))


class AudioTokenEncoder(nn.Module):
    """Causal conv stack: per latent frame, `num_token` local tokens (+1 learnt padding token) and,
    with `need_global`, one global vector. Official module name: MotionEncoder_tc."""

    def __init__(self, in_dim: int, hidden_dim: int, num_token: int, need_global: bool):
        super().__init__()
        self.num_token = num_token
        self.need_global = need_global
        self.conv1_local = CausalConv1d(in_dim, hidden_dim // 4 * num_token, 3, stride=1)
        if need_global:
            self.conv1_global = CausalConv1d(in_dim, hidden_dim // 4, 3, stride=1)
        self.norm1 = nn.LayerNorm(hidden_dim // 4, elementwise_affine=False, eps=1e-6)
        self.norm2 = nn.LayerNorm(hidden_dim // 2, elementwise_affine=False, eps=1e-6)
        self.norm3 = nn.LayerNorm(hidden_dim, elementwise_affine=False, eps=1e-6)
        self.act = nn.SiLU()
        self.conv2 = CausalConv1d(hidden_dim // 4, hidden_dim // 2, 3, stride=2)
        self.conv3 = CausalConv1d(hidden_dim // 2, hidden_dim, 3, stride=2)
        if need_global:
            self.final_linear = nn.Linear(hidden_dim, hidden_dim)
        self.padding_tokens = nn.Parameter(torch.zeros(1, 1, 1, hidden_dim))

    def _tail(self, x):  # [N, C/4, T] → [N, T/4, C]
        x = self.act(self.norm2(self.conv2(x).transpose(1, 2))).transpose(1, 2)
        return self.act(self.norm3(self.conv3(x).transpose(1, 2)))

    def forward(self, feats):  # [B, T, in_dim]
        b = feats.shape[0]
        x_in = feats.transpose(1, 2)  # [B, C, T]
        x = self.conv1_local(x_in)  # [B, n·C/4, T]
        x = x.unflatten(1, (self.num_token, -1)).flatten(0, 1)  # [B·n, C/4, T]
        x = self.act(self.norm1(x.transpose(1, 2))).transpose(1, 2)
        x = self._tail(x)  # [B·n, T', C]
        local = x.unflatten(0, (b, self.num_token)).transpose(1, 2)  # [B, T', n, C]
        local = torch.cat([local, self.padding_tokens.expand(b, local.shape[1], 1, -1).to(local.dtype)], dim=2)
        if not self.need_global:
            return None, local
        g = self.conv1_global(x_in)
        g = self.act(self.norm1(g.transpose(1, 2))).transpose(1, 2)
        g = self.final_linear(self._tail(g))  # [B, T', C]
        return g.unsqueeze(2), local  # [B, T', 1, C], [B, T', n+1, C]


class CausalAudioEncoder(nn.Module):
    """Mixes all wav2vec2 hidden layers with learnt weights, then encodes to tokens per latent frame."""

    def __init__(self, dim: int, num_layers: int, out_dim: int, num_token: int, need_global: bool):
        super().__init__()
        self.encoder = AudioTokenEncoder(dim, out_dim, num_token, need_global)
        self.weights = nn.Parameter(torch.ones(1, num_layers, 1, 1) * 0.01)
        self.act = nn.SiLU()

    def forward(self, features):  # [B, num_layers, dim, T] → (global, local)
        w = self.act(self.weights.float())
        mixed = (features.float() * w / w.sum(dim=1, keepdim=True)).sum(dim=1)  # [B, dim, T], mixed in float32
        return self.encoder(mixed.transpose(1, 2).to(self.encoder.conv2.conv.weight.dtype))


class AudioInjector(nn.Module):
    """Official name: AudioInjector_WAN (cross-attention over audio tokens after selected blocks)."""

    def __init__(self, dim: int, num_heads: int, inject_layers, enable_adain: bool, eps: float):
        super().__init__()
        n = len(inject_layers)
        self.injector = nn.ModuleList([WanS2VAttention(dim, num_heads, eps, qk_norm=True) for _ in range(n)])
        # no parameters; kept for the official module structure (used when adain is off)
        self.injector_pre_norm_feat = nn.ModuleList([nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)
                                                     for _ in range(n)])
        self.injector_pre_norm_vec = nn.ModuleList([nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)
                                                    for _ in range(n)])
        if enable_adain:
            self.injector_adain_layers = nn.ModuleList(
                [AdaLayerNorm(output_dim=dim * 2, embedding_dim=dim, chunk_dim=1) for _ in range(n)])


class FramePackMotioner(nn.Module):
    """Motion memory: the last 19 latent frames of the video so far, the nearest 1 at full
    resolution (patch 1×2×2), the next 2 at 2× (2×4×4), the farthest 16 at 4× (4×8×8)."""

    def __init__(self, inner_dim: int, in_channels: int = 16):
        super().__init__()
        self.proj = nn.Conv3d(in_channels, inner_dim, kernel_size=(1, 2, 2), stride=(1, 2, 2))
        self.proj_2x = nn.Conv3d(in_channels, inner_dim, kernel_size=(2, 4, 4), stride=(2, 4, 4))
        self.proj_4x = nn.Conv3d(in_channels, inner_dim, kernel_size=(4, 8, 8), stride=(4, 8, 8))


def _fp32(seq: nn.Sequential, x: torch.Tensor) -> torch.Tensor:
    """Run a Linear/activation sequence in float32 whatever the weights' dtype."""
    for m in seq:
        x = F.linear(x, m.weight.float(), None if m.bias is None else m.bias.float()) if isinstance(m, nn.Linear) else m(x)
    return x


# ---------------------------------------------------------------------------------------------- the model
class WanS2VTransformer3DModel(ModelMixin, ConfigMixin):
    """Config keys and tensor names as the official `WanModel_S2V` (config.json of Wan2.2-S2V-14B)."""

    config_name = "config.json"
    _no_split_modules = ["WanS2VBlock"]
    _repeated_blocks = ["WanS2VBlock"]
    ignore_for_config = ["args", "kwargs"]

    @register_to_config
    def __init__(self, cond_dim: int = 16, audio_dim: int = 1024, num_audio_token: int = 4,
                 enable_adain: bool = True, adain_mode: str = "attn_norm",
                 audio_inject_layers=(0, 4, 8, 12, 16, 20, 24, 27, 30, 33, 36, 39), zero_init: bool = True,
                 zero_timestep: bool = True, enable_motioner: bool = False, add_last_motion: bool = True,
                 enable_tsm: bool = False, trainable_token_pos_emb: bool = False, motion_token_num: int = 1024,
                 enable_framepack: bool = True, framepack_drop_mode: str = "padd", model_type: str = "s2v",
                 patch_size=(1, 2, 2), text_len: int = 512, in_dim: int = 16, dim: int = 5120,
                 ffn_dim: int = 13824, freq_dim: int = 256, text_dim: int = 4096, out_dim: int = 16,
                 num_heads: int = 40, num_layers: int = 40, window_size=(-1, -1), qk_norm: bool = True,
                 cross_attn_norm: bool = True, eps: float = 1e-6, audio_num_layers: int = 25,
                 motion_frames: int = 73):
        super().__init__()
        if model_type != "s2v":
            raise ValueError(f"model_type must be 's2v', got {model_type!r}")
        if enable_motioner or not enable_framepack:
            raise ValueError("only the FramePack motion memory (enable_framepack, as Wan2.2-S2V-14B) is supported")
        if adain_mode != "attn_norm":
            raise ValueError(f"adain_mode {adain_mode!r} is not supported (Wan2.2-S2V-14B uses attn_norm)")
        if dim % num_heads or (dim // num_heads) % 2:
            raise ValueError(f"dim {dim} must split into {num_heads} heads of even size")
        self.patch_size = tuple(patch_size)
        self.num_heads = num_heads
        self.head_dim = dim // num_heads
        self.patch_embedding = nn.Conv3d(in_dim, dim, kernel_size=self.patch_size, stride=self.patch_size)
        self.text_embedding = nn.Sequential(nn.Linear(text_dim, dim), nn.GELU(approximate="tanh"), nn.Linear(dim, dim))
        self.time_embedding = nn.Sequential(nn.Linear(freq_dim, dim), nn.SiLU(), nn.Linear(dim, dim))
        self.time_projection = nn.Sequential(nn.SiLU(), nn.Linear(dim, dim * 6))
        self.blocks = nn.ModuleList([WanS2VBlock(dim, ffn_dim, num_heads, eps, cross_attn_norm, qk_norm)
                                     for _ in range(num_layers)])
        self.head = Head(dim, out_dim, self.patch_size, eps)
        if cond_dim > 0:
            self.cond_encoder = nn.Conv3d(cond_dim, dim, kernel_size=self.patch_size, stride=self.patch_size)
        self.casual_audio_encoder = CausalAudioEncoder(audio_dim, audio_num_layers, dim, num_audio_token,
                                                       need_global=enable_adain)
        layers = sorted(int(i) for i in audio_inject_layers)
        if any(not 0 <= i < num_layers for i in layers):
            raise ValueError(f"audio_inject_layers {layers} must lie in 0..{num_layers - 1}")
        self.inject_after = {block: k for k, block in enumerate(layers)}
        self.audio_injector = AudioInjector(dim, num_heads, layers, enable_adain, eps)
        self.trainable_cond_mask = nn.Embedding(3, dim)
        self.frame_packer = FramePackMotioner(dim, in_dim)
        self._init_weights(zero_init)

    def _init_weights(self, zero_init: bool) -> None:
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
        nn.init.xavier_uniform_(self.patch_embedding.weight.flatten(1))
        for seq in (self.text_embedding, self.time_embedding):
            for m in seq.modules():
                if isinstance(m, nn.Linear):
                    nn.init.normal_(m.weight, std=0.02)
        nn.init.zeros_(self.head.head.weight)
        if zero_init:  # the official training start; the tiny checkpoint turns this off
            with torch.no_grad():
                self.trainable_cond_mask.weight.zero_()
                if hasattr(self, "cond_encoder"):
                    for p in self.cond_encoder.parameters():
                        p.zero_()
                for k in range(len(self.audio_injector.injector)):
                    for p in self.audio_injector.injector[k].o.parameters():
                        p.zero_()
                    if self.config.enable_adain:
                        for p in self.audio_injector.injector_adain_layers[k].linear.parameters():
                            p.zero_()

    # ------------------------------------------------------------------------------------------ pieces
    @property
    def latent_motion_frames(self) -> int:
        return (self.config.motion_frames + 3) // 4

    def encode_audio(self, audio_input: torch.Tensor):
        """audio_input [B, layers, audio_dim, T_clip] → (global [B, F_lat, 1, dim] | None, local [B, F_lat, n+1, dim]).

        As the official model, the first frame's features are repeated `motion_frames` times in front
        (the causal convolutions warm up on them), and the latent frames of that warm-up are dropped."""
        mf = self.config.motion_frames
        audio = torch.cat([audio_input[..., :1].expand(*audio_input.shape[:-1], mf), audio_input], dim=-1)
        glob, local = self.casual_audio_encoder(audio)
        lat = self.latent_motion_frames
        return (None if glob is None else glob[:, lat:]), local[:, lat:]

    def pack_motion(self, motion_latents: torch.Tensor, add_last_motion: int):
        """FramePack tokens [B, N, dim] and their RoPE positions [N, 3]."""
        b, c, t, lh, lw = motion_latents.shape
        buckets = FRAMEPACK_BUCKETS
        total = sum(buckets)
        padded = motion_latents.new_zeros(b, c, total, lh, lw)
        n = min(total, t)
        if n:
            padded[:, :, -n:] = motion_latents[:, :, -n:]
        drop_mode = self.config.framepack_drop_mode
        if add_last_motion < 2 and drop_mode != "drop":
            zero_end = sum(buckets[:len(buckets) - add_last_motion - 1])
            padded[:, :, -zero_end:] = 0
        far, mid, near = padded.split(list(buckets)[::-1], dim=2)  # 16, 2, 1 latent frames
        fp = self.frame_packer
        tokens = [fp.proj(near).flatten(2).transpose(1, 2), fp.proj_2x(mid).flatten(2).transpose(1, 2),
                  fp.proj_4x(far).flatten(2).transpose(1, 2)]
        segs = [
            ((-buckets[0], 0, 0), (-buckets[0] + buckets[0], lh // 2, lw // 2), (buckets[0], lh // 2, lw // 2)),
            ((-sum(buckets[:2]), 0, 0), (-sum(buckets[:2]) + buckets[1] // 2, lh // 4, lw // 4),
             (buckets[1], lh // 2, lw // 2)),
            ((-total, 0, 0), (-total + buckets[2] // 4, lh // 8, lw // 8), (buckets[2], lh // 2, lw // 2)),
        ]
        keep = [True, True, True]
        if add_last_motion < 2 and drop_mode == "drop":
            keep[0] = False
            keep[1] = add_last_motion >= 1
        tokens = [t_ for t_, k in zip(tokens, keep) if k]
        positions = [segment_positions(*s) for s, k in zip(segs, keep) if k]
        return torch.cat(tokens, dim=1), torch.cat(positions, dim=0)

    def _inject_audio(self, k: int, x: torch.Tensor, n_noisy: int, frames: int, audio_local, audio_global):
        b = x.shape[0]
        h = x[:, :n_noisy].reshape(b * frames, n_noisy // frames, -1)  # one row per latent frame
        if audio_global is not None:
            h = self.audio_injector.injector_adain_layers[k](h, temb=audio_global.flatten(0, 1)[:, 0].to(h.dtype))
        else:
            h = self.audio_injector.injector_pre_norm_feat[k](h)
        ctx = audio_local.flatten(0, 1).to(h.dtype)  # [(B·F), n+1, dim]
        out = self.audio_injector.injector[k](h, context=ctx).reshape(b, n_noisy, -1)
        return torch.cat([x[:, :n_noisy] + out, x[:, n_noisy:]], dim=1)

    # ------------------------------------------------------------------------------------------ forward
    def forward(self, hidden_states: torch.Tensor, timestep: torch.Tensor, encoder_hidden_states: torch.Tensor,
                ref_latents: torch.Tensor, motion_latents: torch.Tensor, audio_input: torch.Tensor,
                cond_states: torch.Tensor | None = None, drop_motion_frames: bool = False,
                add_last_motion: int = 2) -> torch.Tensor:
        """
        hidden_states          [B, C, F_lat, H, W] noisy latents
        timestep               [B]
        encoder_hidden_states  [B, L, text_dim] (zero past each prompt's tokens)
        ref_latents            [B, C, 1, H, W]
        motion_latents         [B, C, T_m, H, W] (VAE latents of the last motion_frames video frames)
        audio_input            [B, wav2vec2 layers, audio_dim, F] (F video frames of this clip; zeros: unconditional)
        cond_states            [B, cond_dim, F_lat, H, W] pose latents, or None (zeros, as the official code without pose)
        Returns the velocity [B, C, F_lat, H, W] in float32.
        """
        cfg = self.config
        dtype = self.patch_embedding.weight.dtype
        device = hidden_states.device
        b = hidden_states.shape[0]
        add_last_motion = int(cfg.add_last_motion) * add_last_motion

        audio_global, audio_local = self.encode_audio(audio_input)

        x = self.patch_embedding(hidden_states.to(dtype))  # [B, dim, f, h, w]
        if hasattr(self, "cond_encoder"):
            cond = cond_states if cond_states is not None else hidden_states.new_zeros(
                b, cfg.cond_dim, *hidden_states.shape[2:])
            x = x + self.cond_encoder(cond.to(dtype))
        f, h, w = x.shape[2:]
        if audio_local.shape[1] != f:
            raise ValueError(f"audio gives {audio_local.shape[1]} latent frames, the video has {f}")
        x = x.flatten(2).transpose(1, 2)
        n_noisy = x.shape[1]
        positions = [segment_positions((0, 0, 0), (f, h, w), (f, h, w))]
        ref = self.patch_embedding(ref_latents.to(dtype)).flatten(2).transpose(1, 2)
        positions.append(segment_positions((REF_FRAME_POSITION, 0, 0), (REF_FRAME_POSITION + 1, h, w), (1, h, w)))
        parts, mask_ids = [x, ref], [0, 1]
        if not drop_motion_frames:
            mot, mot_pos = self.pack_motion(motion_latents.to(dtype), add_last_motion)
            parts.append(mot)
            positions.append(mot_pos)
            mask_ids.append(2)
        mask = torch.cat([torch.full((p.shape[1],), i, dtype=torch.long, device=device)
                          for p, i in zip(parts, mask_ids)])
        x = torch.cat(parts, dim=1)
        x = x + self.trainable_cond_mask(mask).to(x.dtype)[None]
        rope = rope_cos_sin(torch.cat(positions), self.head_dim, device)

        # time embeddings: t for the noisy tokens, 0 for the conditioning tokens (segment-wise modulation)
        t = timestep.to(device=device, dtype=torch.float32).reshape(-1)
        if t.numel() == 1 and b > 1:
            t = t.expand(b)
        t_all = torch.cat([t, t.new_zeros(1)]) if cfg.zero_timestep else t
        sin = get_timestep_embedding(t_all, cfg.freq_dim, flip_sin_to_cos=True, downscale_freq_shift=0)
        te = _fp32(self.time_embedding, sin.float())  # the official model computes these in float32
        e0 = _fp32(self.time_projection, te).unflatten(1, (6, -1))  # [B(+1), 6, dim]
        if cfg.zero_timestep:
            te = te[:-1]
            e0 = torch.stack([e0[:-1], e0[-1:].expand(b, -1, -1)], dim=2)  # [B, 6, 2, dim]
            seg = n_noisy
        else:
            e0 = e0.unsqueeze(2).expand(-1, -1, 2, -1)
            seg = x.shape[1]

        text = encoder_hidden_states.to(dtype)
        if text.shape[1] < cfg.text_len:
            text = torch.cat([text, text.new_zeros(b, cfg.text_len - text.shape[1], text.shape[2])], dim=1)
        context = self.text_embedding(text)

        for idx, block in enumerate(self.blocks):
            x = block(x, e0, seg, rope, context)
            if idx in self.inject_after:
                x = self._inject_audio(self.inject_after[idx], x, n_noisy, f, audio_local, audio_global)

        x = self.head(x[:, :n_noisy], te)  # [B, n, p·C]
        p1, p2, p3 = self.patch_size
        x = x.reshape(b, f, h, w, p1, p2, p3, -1).permute(0, 7, 1, 4, 2, 5, 3, 6)
        return x.reshape(b, -1, f * p1, h * p2, w * p3).float()
