"""Optional prompt extension (like Wan2.2's ``--use_prompt_extend``) with a local instruct model.

An instruct LLM in the transformers layout (``AutoModelForCausalLM`` + ``AutoTokenizer`` with a chat
template) is loaded from ``settings.PROMPT_MODEL_DIR`` with ``local_files_only=True``, once per process,
and asked to rewrite the rendered prompt into a richer scene description. The rule, kept here and only
here: the rewrite is used only if it keeps every fact of the structure (``missing_facts``): each
parameter value with its unit as the prompt renders it, each hand, each tool and each material.
Otherwise the rendered prompt is kept and the reason (what was lost) is returned as a warning.

``manage.py build_tiny_prompt_model PATH`` builds a tiny, randomly initialised Qwen2-style checkpoint
with a locally trained tokenizer: same layout and loading path as a real model, but its output is
noise, so the check refuses it by design.

Nothing here touches the database; ``generation.services.job_create`` records the outcome on the job.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .render import value_text
from .spec import Spec, get_spec

log = logging.getLogger(__name__)

# Outcomes recorded on a job (parameters["prompt_extension"]["used"]).
RENDERED, EXTENDED, REFUSED = "rendered", "extended", "refused"
# Enough for a paragraph of Chinese (Wan2.2's own extension asks for one of about 80–100 characters).
MAX_NEW_TOKENS = 256

SYSTEM_PROMPT = (
    "你是非遗技艺视频的提示词改写助手。把用户给出的动作描述改写成一段更具体、更有画面感的中文视频提示词:"
    "补充人物外观、环境、光线和镜头运动,但不得改动或删去任何动作事实。"
    "用户列出的每一项(数值和单位、左右手、工具、材料)都必须按原样逐字保留。只输出改写后的提示词。"
)


class PromptModelUnavailable(Exception):
    """No usable model folder (message is user-facing)."""


# ----------------------------------------------------------------------------------- the rule
def required_facts(description: dict, *, spec: Spec | None = None) -> list[str]:
    """Every fact of the structure a rewrite must keep, as the prompt renders it: parameter values
    with their units (「45°」「3小时」「12号」), hands (「左手」), tools and materials (step fields and
    the tool/material terms the speaker named). Order kept, no duplicates."""
    spec = spec or get_spec()
    hands = spec.templates.get("hands", {})
    facts: list[str] = []

    def add(text):
        text = (text or "").strip()
        if text and text not in facts:
            facts.append(text)

    for step in description.get("steps") or []:
        add(hands.get(step.get("hand") or "", ""))
        add(step.get("tool"))
        add(step.get("material"))
        for name, value in (step.get("params") or {}).items():
            if name == "count" and value == 1 and not step.get("count_unit"):
                continue  # one movement is said by its verb (「拍一下」: render.py), not as a number
            # (the number with its unit is the fact; 约 before it, an approximation, may be said as 约需 or 大约)
            add(value_text(spec, name, value, step.get("count_unit") if name == "count" else None).removeprefix("约"))
    for term in description.get("terms") or []:
        name = term.get("text") or ""
        if term.get("category") in ("tool", "material") and len(name) >= 2:
            add(name)
    return facts


def missing_facts(description: dict, text: str, *, spec: Spec | None = None) -> list[str]:
    """The facts of ``description`` that ``text`` does not contain (empty: the text keeps them all).
    A value is matched as a whole number (「45°」 is not found inside 「145°」)."""
    missing = []
    for fact in required_facts(description, spec=spec):
        pattern = re.escape(fact)
        if fact[:1].isdigit():
            pattern = r"(?<![\d.])" + pattern
        if not re.search(pattern, text or ""):
            missing.append(fact)
    return missing


# ----------------------------------------------------------------------------------- the model
@dataclass
class Extension:
    used: str                      # rendered | extended | refused
    prompt: str                    # the prompt the job uses
    rendered: str                  # the prompt rendered from the structure
    candidate: str = ""            # what the model wrote (kept for review when refused)
    missing: list = field(default_factory=list)
    reason: str = ""
    model: str = ""

    def record(self) -> dict:
        return {"used": self.used, "rendered": self.rendered, "candidate": self.candidate,
                "missing": list(self.missing), "reason": self.reason, "model": self.model}


_loaded: dict[str, tuple] = {}
_lock = threading.Lock()


def load_model(path: str | Path | None = None):
    """(tokenizer, model) from a local folder, loaded once per process and reused."""
    from django.conf import settings

    where = str(path or settings.PROMPT_MODEL_DIR or "")
    if not where:
        raise PromptModelUnavailable(_("未配置提示词扩展模型(HERITAGE_PROMPT_MODEL_DIR)。"))
    folder = Path(where)
    if not (folder / "config.json").is_file():
        raise PromptModelUnavailable(_("提示词扩展模型文件夹不存在或不完整:%(path)s") % {"path": folder})
    key = str(folder.resolve())
    with _lock:
        if key not in _loaded:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer

            tokenizer = AutoTokenizer.from_pretrained(key, local_files_only=True)
            if not getattr(tokenizer, "chat_template", None):
                raise PromptModelUnavailable(_("提示词扩展模型没有对话模板(chat template):%(path)s") % {"path": folder})
            model = AutoModelForCausalLM.from_pretrained(key, local_files_only=True, dtype="auto")
            model.to("cuda" if torch.cuda.is_available() else "cpu").eval()
            _loaded[key] = (tokenizer, model)
            log.info("prompt extension model loaded from %s", key)
        return _loaded[key]


def generate_text(tokenizer, model, messages: list[dict], *, max_new_tokens: int) -> str:
    """One greedy chat completion (deterministic, so a job can be reproduced)."""
    import torch

    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt",
                                           return_dict=True).to(model.device)
    with torch.inference_mode():
        out = model.generate(**inputs, max_new_tokens=max_new_tokens, do_sample=False,
                             pad_token_id=tokenizer.pad_token_id or tokenizer.eos_token_id)
    return tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True).strip()


def messages_for(prompt: str, facts: list[str]) -> list[dict]:
    keep = "、".join(f"「{f}」" for f in facts) or "(无)"
    return [{"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"原提示词:{prompt}\n必须逐字保留:{keep}"}]


def extend_prompt(description: dict, rendered: str, *, path: str | Path | None = None,
                  max_new_tokens: int | None = None, spec: Spec | None = None) -> Extension:
    """Ask the local model for a richer prompt; keep it only if no fact of the structure is lost.
    Never raises for the model's sake: an unusable folder is a refusal with its reason."""
    spec = spec or get_spec()
    facts = required_facts(description, spec=spec)
    try:
        tokenizer, model = load_model(path)
    except PromptModelUnavailable as exc:
        return Extension(REFUSED, rendered, rendered, reason=str(exc))
    except (OSError, ValueError) as exc:
        return Extension(REFUSED, rendered, rendered, reason=_("提示词扩展模型无法加载:%(e)s") % {"e": exc})
    name = Path(getattr(model, "name_or_path", "") or str(path or "")).name
    try:
        candidate = generate_text(tokenizer, model, messages_for(rendered, facts),
                                  max_new_tokens=max_new_tokens or MAX_NEW_TOKENS)
    except Exception as exc:  # noqa: BLE001 — out of memory, a broken folder: the job keeps its prompt
        log.exception("prompt extension failed")
        return Extension(REFUSED, rendered, rendered, reason=_("提示词扩展模型运行失败(%(kind)s);保留原提示词。")
                         % {"kind": type(exc).__name__}, model=name)
    lost = missing_facts(description, candidate, spec=spec)
    if lost or not candidate.strip():
        reason = (_("扩展后的提示词丢失了:%(lost)s;保留原提示词。") % {"lost": "、".join(lost)} if lost
                  else _("扩展模型没有输出;保留原提示词。"))
        log.warning("prompt extension refused: %s", reason)
        return Extension(REFUSED, rendered, rendered, candidate, lost, reason, name)
    return Extension(EXTENDED, candidate, rendered, candidate, model=name)


# ----------------------------------------------------------------------------------- tiny checkpoint
CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def build_tiny_model(path: str | Path, *, seed: int = 0, spec: Spec | None = None) -> Path:
    """Write a tiny, randomly initialised Qwen2ForCausalLM and a byte-level BPE tokenizer trained here
    on the spec's own words (no download) with a ChatML template. Its output is noise."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    spec = spec or get_spec()
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    corpus = [SYSTEM_PROMPT, spec.templates.get("prompt", ""), "".join(spec.templates.get("hands", {}).values())]
    corpus += [info.get("phrase", "") for info in spec.parameters.values()]
    corpus += list(spec.units)[:200]
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    bpe.train_from_iterator(corpus, trainers.BpeTrainer(
        vocab_size=512, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False))
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=bpe, eos_token="<|im_end|>", pad_token="<|endoftext|>",
                                        bos_token=None, chat_template=CHAT_TEMPLATE)
    tokenizer.save_pretrained(root)
    torch.manual_seed(seed)
    config = Qwen2Config(
        vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=2048,
        tie_word_embeddings=True, eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id,
        bos_token_id=None)
    Qwen2ForCausalLM(config).save_pretrained(root)
    return root
