"""Migrations follow the layers of .importlinter: an app's migrations depend only on apps below it
(archive → generation → review → records → gallery), so archive and review no longer depend on each other."""
from django.db.migrations.loader import MigrationLoader

LAYER = {"archive": 0, "prompting": 1, "generation": 1, "postprocess": 1, "review": 2, "records": 3, "gallery": 4}


def test_migration_dependencies_point_down_the_layers():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph  # from the files, no database
    upward = []
    for (app, name), node in graph.nodes.items():
        if app not in LAYER:
            continue
        for dep_app, dep_name in node.dependencies:
            if dep_app in LAYER and LAYER[dep_app] > LAYER[app]:
                upward.append(f"{app}.{name} → {dep_app}.{dep_name}")
    assert upward == []
    assert ("records", "0001_initial") in graph.nodes and ("gallery", "0001_initial") in graph.nodes
