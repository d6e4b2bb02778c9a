"""Load the action-description spec files (generation/prompting/data/*.json) into a SpecVersion."""
from django.core.management.base import BaseCommand, CommandError

from generation.prompting import services
from generation.prompting.spec import clear_cache, load_default_spec_dict


class Command(BaseCommand):
    help = "把仓库中的《非遗动作描述规范》文件载入数据库,成为一个规范版本。"

    def add_arguments(self, parser):
        parser.add_argument("--spec-version", dest="spec_version", help="版本号(默认取 data/spec.json 的 version)")
        parser.add_argument("--activate", action="store_true", help="载入后设为当前版本")
        parser.add_argument("--replace", action="store_true", help="同版本号已存在时替换")

    def handle(self, *args, **opts):
        try:
            spec = services.spec_version_load(doc=load_default_spec_dict(), version=opts["spec_version"],
                                              activate=opts["activate"], replace=opts["replace"])
        except services.SpecError as exc:
            raise CommandError(str(exc)) from exc
        clear_cache()
        self.stdout.write(f"规范版本 {spec.version}: {spec.terms.count()} 个术语, "
                          f"{spec.parameter_defaults.count()} 个默认值, {spec.prompt_templates.count()} 个模板"
                          f"{', 已启用' if spec.is_active else ''}")
