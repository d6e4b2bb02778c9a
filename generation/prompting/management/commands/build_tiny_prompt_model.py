"""python manage.py build_tiny_prompt_model PATH [--seed N]: a tiny random instruct checkpoint for prompt
extension (Qwen2 layout, local tokenizer with a chat template). Its output is noise and is refused."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "写出极小的随机初始化提示词扩展模型(Qwen2 结构,仅供开发与测试;其输出是噪声,扩展会被拒绝)"

    def add_arguments(self, parser):
        parser.add_argument("path", help="folder to write (created if needed)")
        parser.add_argument("--seed", type=int, default=0, help="random seed of the weights (default 0)")

    def handle(self, *args, path, seed, **options):
        from generation.prompting.extend import build_tiny_model

        try:
            root = build_tiny_model(path, seed=seed)
        except OSError as exc:
            raise CommandError(f"cannot write the tiny prompt model to {path}: {exc}") from exc
        self.stdout.write(f"tiny prompt model written to {root} (its output is noise: extension will be refused)")
