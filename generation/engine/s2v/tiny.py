"""Builder of the tiny S2V checkpoint: the Wan2.2-S2V-14B folder layout (after convert_s2v) with
randomly initialised, very small components, loaded by exactly the same code as the real release.

Unlike the official training start, nothing is zero-initialised (audio injection output, adaptive
norm, pose encoder, mask embedding, output head), so the audio, the reference image and the motion
memory all change the frames. Its videos are noise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import torch

from .loading import AUDIO_DIR, TOKENIZER_DIR

TINY_S2V_TRANSFORMER = dict(
    cond_dim=16, audio_dim=16, num_audio_token=4, enable_adain=True, adain_mode="attn_norm",
    audio_inject_layers=[0, 1], zero_init=False, zero_timestep=True, enable_motioner=False, add_last_motion=True,
    enable_framepack=True, framepack_drop_mode="padd", model_type="s2v", patch_size=[1, 2, 2], text_len=32,
    in_dim=16, dim=24, ffn_dim=32, freq_dim=32, text_dim=32, out_dim=16, num_heads=2, num_layers=2,
    qk_norm=True, cross_attn_norm=True, eps=1e-6, audio_num_layers=3,
    motion_frames=9,  # the real model keeps 73 (19 latent frames); FramePack pads the shorter memory with zeros
)

TINY_WAV2VEC2 = dict(
    vocab_size=32, hidden_size=16, num_hidden_layers=2, num_attention_heads=2, intermediate_size=32,
    conv_dim=(8,) * 7, num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=2, do_stable_layer_norm=True,
    feat_extract_norm="layer", apply_spec_augment=False, hidden_dropout=0.0, attention_dropout=0.0,
    activation_dropout=0.0, feat_proj_dropout=0.0, layerdrop=0.0,
)

SHARD_SIZE = "100KB"  # several shards, as the real release (4 shards of ~10 GB)


def build_tiny_s2v_checkpoint(path: str | os.PathLike, seed: int = 0) -> Path:
    """Write the tiny S2V checkpoint into `path` (created if needed); same seed → same files."""
    from diffusers import AutoencoderKLWan
    from transformers import UMT5Config, UMT5EncoderModel, Wav2Vec2Config, Wav2Vec2FeatureExtractor, Wav2Vec2ForCTC

    from ..tiny import TEXT_DIM, TINY_VAE, build_tokenizer
    from .model import WanS2VTransformer3DModel

    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        transformer = WanS2VTransformer3DModel(**TINY_S2V_TRANSFORMER)
        with torch.no_grad():  # the official head starts at zero: make it speak
            torch.nn.init.normal_(transformer.head.head.weight, std=0.5)
            for attn in transformer.audio_injector.injector:
                torch.nn.init.normal_(attn.o.weight, std=0.5)
        torch.manual_seed(seed + 1)
        wav2vec2 = Wav2Vec2ForCTC(Wav2Vec2Config(**TINY_WAV2VEC2))
        torch.manual_seed(seed + 2)
        vae = AutoencoderKLWan(**TINY_VAE)
        torch.manual_seed(seed + 3)
        text_encoder = UMT5EncoderModel(UMT5Config(
            vocab_size=len(tokenizer), d_model=TEXT_DIM, d_kv=8, d_ff=64, num_layers=2, num_heads=4,
            relative_attention_num_buckets=8, relative_attention_max_distance=16, dropout_rate=0.0,
            feed_forward_proj="gated-gelu", pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
            tie_word_embeddings=False,
        ))
    transformer.save_pretrained(root, safe_serialization=True, max_shard_size=SHARD_SIZE)
    config = json.loads((root / "config.json").read_text())
    config["_class_name"] = "WanModel_S2V"  # as the official config.json
    (root / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    wav2vec2.save_pretrained(root / AUDIO_DIR, safe_serialization=True)
    Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=16000, padding_value=0.0, do_normalize=True,
                             return_attention_mask=True).save_pretrained(root / AUDIO_DIR)
    tokenizer.save_pretrained(root / TOKENIZER_DIR)
    vae.save_pretrained(root / "vae", safe_serialization=True)
    text_encoder.save_pretrained(root / "text_encoder", safe_serialization=True)
    return root
