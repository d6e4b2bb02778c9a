"""Builder of the tiny checkpoint: the Wan2.2-T2V-A14B-Diffusers layout with randomly initialised,
very small components (a few MB in all), loaded by exactly the same code as the real checkpoint.

Videos from it are noise: it exists so that every code path runs on a CPU in seconds.
The shapes follow diffusers' own tiny Wan2.2 test (tests/pipelines/wan/test_wan_22.py); the text
encoder and tokenizer are made here so nothing is downloaded: the tokenizer is a byte-level BPE
with no merges (every UTF-8 byte is a token), so Chinese and any other text tokenizes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import torch

TEXT_DIM = 32

TINY_TRANSFORMER = dict(
    patch_size=(1, 2, 2),
    num_attention_heads=2,
    attention_head_dim=12,
    in_channels=16,
    out_channels=16,
    text_dim=TEXT_DIM,
    freq_dim=256,
    ffn_dim=32,
    num_layers=2,
    cross_attn_norm=True,
    qk_norm="rms_norm_across_heads",
    rope_max_seq_len=32,
)

TINY_VAE = dict(base_dim=3, z_dim=16, dim_mult=[1, 1, 1, 1], num_res_blocks=1,
                temperal_downsample=[False, True, True])

# TI2V-5B layout (diffusers tests/pipelines/wan/test_wan_22.py, 5B case): 48 latent channels, the
# Wan2.2 VAE (residual blocks, 2×2 patchify, 16× space), one transformer, per-token timesteps.
TINY_TI2V_TRANSFORMER = dict(TINY_TRANSFORMER, in_channels=48, out_channels=48)
TINY_TI2V_VAE = dict(base_dim=3, z_dim=48, in_channels=12, out_channels=12, is_residual=True, patch_size=2,
                     latents_mean=[0.0] * 48, latents_std=[1.0] * 48, dim_mult=[1, 1, 1, 1], num_res_blocks=1,
                     scale_factor_spatial=16, scale_factor_temporal=4, temperal_downsample=[False, True, True])
LAYOUTS = ("t2v-a14b", "ti2v-5b")

# The scheduler config as the Diffusers release ships it (flow_shift 3.0); the engine's presets
# override the shift, which this file lets tests see.
SCHEDULER_CONFIG = {
    "_class_name": "UniPCMultistepScheduler",
    "num_train_timesteps": 1000,
    "prediction_type": "flow_prediction",
    "use_flow_sigmas": True,
    "flow_shift": 3.0,
    "solver_order": 2,
    "solver_type": "bh2",
    "lower_order_final": True,
    "final_sigmas_type": "zero",
    "predict_x0": True,
}

SPECIAL_TOKENS = ["<pad>", "</s>", "<unk>"]  # ids 0, 1, 2 as in T5


def build_tokenizer():
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    vocab = {tok: i for i, tok in enumerate(SPECIAL_TOKENS)}
    for ch in sorted(pre_tokenizers.ByteLevel.alphabet()):
        vocab[ch] = len(vocab)
    tok = Tokenizer(models.BPE(vocab=vocab, merges=[], unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.TemplateProcessing(
        single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", 1)]
    )
    return PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>",
                                   model_max_length=512)


def build_tiny_checkpoint(path: str | os.PathLike, seed: int = 0, layout: str = "t2v-a14b") -> Path:
    """Write the tiny checkpoint into `path` (created if needed); same seed → same files.

    layout "t2v-a14b": two experts (the default, what the project runs); "ti2v-5b": one transformer."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    ti2v = layout == "ti2v-5b"
    from diffusers import AutoencoderKLWan, WanTransformer3DModel
    from transformers import UMT5Config, UMT5EncoderModel

    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        transformer = WanTransformer3DModel(**(TINY_TI2V_TRANSFORMER if ti2v else TINY_TRANSFORMER))
        torch.manual_seed(seed + 1)
        transformer_2 = None if ti2v else WanTransformer3DModel(**TINY_TRANSFORMER)
        torch.manual_seed(seed + 2)
        vae = AutoencoderKLWan(**(TINY_TI2V_VAE if ti2v else TINY_VAE))
        torch.manual_seed(seed + 3)
        text_encoder = UMT5EncoderModel(UMT5Config(
            vocab_size=len(tokenizer), d_model=TEXT_DIM, d_kv=8, d_ff=64, num_layers=2, num_heads=4,
            relative_attention_num_buckets=8, relative_attention_max_distance=16, dropout_rate=0.0,
            feed_forward_proj="gated-gelu", pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
            tie_word_embeddings=False,
        ))
    transformer.save_pretrained(root / "transformer", safe_serialization=True)
    if transformer_2 is not None:
        transformer_2.save_pretrained(root / "transformer_2", safe_serialization=True)
    vae.save_pretrained(root / "vae", safe_serialization=True)
    text_encoder.save_pretrained(root / "text_encoder", safe_serialization=True)
    tokenizer.save_pretrained(root / "tokenizer")
    (root / "scheduler").mkdir(exist_ok=True)
    scheduler_config = dict(SCHEDULER_CONFIG, flow_shift=5.0) if ti2v else SCHEDULER_CONFIG
    (root / "scheduler" / "scheduler_config.json").write_text(json.dumps(scheduler_config, indent=2) + "\n")
    import diffusers

    model_index = {
        "_class_name": "WanPipeline",
        "_diffusers_version": diffusers.__version__,
        "boundary_ratio": None if ti2v else 0.875,
        "expand_timesteps": ti2v,
        "scheduler": ["diffusers", "UniPCMultistepScheduler"],
        "text_encoder": ["transformers", "UMT5EncoderModel"],
        "tokenizer": ["transformers", "PreTrainedTokenizerFast"],
        "transformer": ["diffusers", "WanTransformer3DModel"],
        "transformer_2": [None, None] if ti2v else ["diffusers", "WanTransformer3DModel"],
        "vae": ["diffusers", "AutoencoderKLWan"],
    }
    (root / "model_index.json").write_text(json.dumps(model_index, indent=2) + "\n")
    return root


def folder_bytes(path: str | os.PathLike) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def build_tiny_lora(path: str | os.PathLike, seed: int = 0, rank: int = 4, two_experts: bool = True) -> Path:
    """A random LoRA for the tiny checkpoint in the published Wan2.2 few-step LoRA layout: one file per
    expert (high_noise_model / low_noise_model.safetensors), keys in the official Wan naming
    (diffusion_model.blocks.N.self_attn.q.lora_A.weight …), which diffusers' loader converts."""
    from safetensors.torch import save_file

    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    dim = TINY_TRANSFORMER["num_attention_heads"] * TINY_TRANSFORMER["attention_head_dim"]
    ffn = TINY_TRANSFORMER["ffn_dim"]
    shapes = {f"{a}.{p}": (dim, dim) for a in ("self_attn", "cross_attn") for p in "qkvo"}
    shapes.update({"ffn.0": (dim, ffn), "ffn.2": (ffn, dim)})  # (in, out)
    for k, name in enumerate(("high_noise_model", "low_noise_model")[: 2 if two_experts else 1]):
        g = torch.Generator().manual_seed(seed * 2 + k)
        state = {}
        for i in range(TINY_TRANSFORMER["num_layers"]):
            for mod, (d_in, d_out) in shapes.items():
                state[f"diffusion_model.blocks.{i}.{mod}.lora_A.weight"] = torch.randn(rank, d_in, generator=g) * 0.2
                state[f"diffusion_model.blocks.{i}.{mod}.lora_B.weight"] = torch.randn(d_out, rank, generator=g) * 0.2
        save_file(state, str(root / f"{name}.safetensors"))
    return root
