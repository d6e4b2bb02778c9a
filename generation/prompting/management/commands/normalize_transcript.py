"""normalize_transcript: UTF-8 transcript text on stdin → structured action description.

    python manage.py normalize_transcript [--technique SLUG] [--craft NAME] [--interviewer NAME …] [--format json|text] < transcript.txt

``--format json`` prints one JSON object (the contract in issue 3: spec_version, text, terms, steps,
prompt, warnings; plus technique, craft, craft_name, craft_source and notes). ``--craft`` names the
craft (catalogue key, Chinese name or alias, or a curator-created name in no catalogue); without it the
technique's craft in the archive is used, and without either the text decides. ``--interviewer`` names the
interviewer (as the transcript labels them, 「李文静:」): their turns are no steps, as 「问:」「记者:」's never are. Input that is not UTF-8 exits with code 2 and a one-line
error on stderr.
"""
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from generation.prompting import normalize
from generation.prompting.services import craft_key_for


class Command(BaseCommand):
    help = "从标准输入读取 UTF-8 口述转写文本,输出结构化动作描述(JSON 或文本)。"

    def add_arguments(self, parser):
        parser.add_argument("--technique", metavar="SLUG", help="技法标识,如 suxiu-zhengqiang(选择默认值与模板)")
        parser.add_argument("--craft", metavar="NAME", help="项目:目录键、中文名或别名,或目录中没有的项目名(如 南京云锦)")
        parser.add_argument("--interviewer", metavar="NAME", action="append", default=[],
                            help="采访人姓名(转写中的说话人标记),其话语与提问不作为步骤;可重复")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, **opts):
        stdin = getattr(sys.stdin, "buffer", None)
        raw = stdin.read() if stdin is not None else sys.stdin.read().encode("utf-8")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(f"stdin is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                               returncode=2) from None
        if text.startswith("\ufeff"):
            text = text[1:]  # a BOM is not part of the transcript
        technique = opts["technique"]
        craft = (opts.get("craft") or "").strip() or craft_key_for(technique)
        result = normalize(text, technique, craft=craft, interviewers=opts["interviewer"]).to_dict()
        if opts["format"] == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self.stdout.write(render_text(result))


def render_text(result: dict) -> str:
    lines = [f"规范版本 {result['spec_version']}  项目 {result.get('craft_name') or '—'}({result.get('craft_source')})"]
    for step in result["steps"]:
        params = ", ".join(
            f"{k}={'–'.join(str(x) for x in v) if isinstance(v, list) else v}{'(默认)' if k in step['defaults'] else ''}"
            for k, v in step["params"].items())
        parts = [f"{step['order']}. {step['action']}"]
        for key, label in (("hand", "手"), ("tool", "工具"), ("material", "材料"), ("relation", "位置")):
            if step.get(key):
                parts.append(f"{label}:{step[key]}")
        if params:
            parts.append(f"参数:{params}")
        lines.append("  ".join(parts))
        for note in step.get("notes", []):
            lines.append(f"   注意:{note}")
    if result["terms"]:
        lines.append("术语:" + "、".join(f"{t['text']}/{t['category']}" for t in result["terms"]))
    for note in result.get("notes", []):
        lines.append(f"说明(无对应步骤):{note['text']}  " + ", ".join(f"{k}={v}" for k, v in note["params"].items()))
    for w in result["warnings"]:
        lines.append(f"提示:{w}")
    lines.append(f"提示词:{result['prompt']}")
    return "\n".join(lines)
