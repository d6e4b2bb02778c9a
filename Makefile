# heritage: two commands. `make run` serves the demo site with a worker; `make test` passes the suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
SYSTEM_PACKAGES := ffmpeg fonts-noto-cjk chromium chromium-driver gettext wrk
STAMP := $(VENV)/.installed

.PHONY: run test setup setup-system venv native migrate demo worker tiny-engine bench-nlp bench-nlp-eval bench-engine bench-jobs bench-media bench-gallery bench-review messages clean

## Set-up ---------------------------------------------------------------------------------------------
setup: setup-system venv native

# Debian packages: ffprobe (verification), a CJK font (video labels), Chromium (browser tests).
# Installed when missing and we are root; otherwise print what to install.
setup-system:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null \
	      || { echo "apt-get failed for:$$missing"; exit 1; }; \
	  else echo "WARNING: missing system packages:$$missing (sudo apt-get install$$missing)"; fi; \
	fi

venv: $(STAMP)
$(STAMP): requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -r requirements.txt -c constraints.txt
	touch $(STAMP)

# The normalizer compiled with Cython (generation/prompting/native.py): rebuilt only when one of its sources
# changed (sha256 manifest); about 2 minutes on 2 cores. If it cannot build, everything runs as plain Python.
native: venv
	@$(PY) -c "from generation.prompting import native; raise SystemExit(native.main(['build']))" \
	  || echo "WARNING: the compiled normalizer was not built; normalization runs as plain Python (slower)"

migrate: venv
	$(PY) manage.py migrate --noinput

tiny-engine: venv
	@test -f var/models/tiny/model_index.json || $(PY) manage.py build_tiny_engine var/models/tiny
	@test -f var/models/tiny-s2v/config.json || $(PY) manage.py build_tiny_engine --s2v var/models/tiny-s2v

# Demo data; on the first run also one whole chain (normalize → generate → post-process → sign →
# archive) so the public gallery has an archived demonstration to show, and reviews waiting for the demo
# inheritors' signatures. Their videos are noise.
demo: migrate tiny-engine
	$(PY) manage.py load_demo
	@$(PY) manage.py shell --no-imports -v 0 -c "import sys; from records.models import ArchiveRecord; sys.exit(0 if ArchiveRecord.objects.exists() else 1)" \
	  || HERITAGE_SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py heritage_demo
	@$(PY) manage.py shell --no-imports -v 0 -c "import sys; from records.models import ArchiveRecord; sys.exit(0 if ArchiveRecord.objects.filter(clip__job__kind='s2v').exists() else 1)" \
	  || HERITAGE_SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py heritage_demo --s2v
	@# and, so that the demo inheritors have something to watch and sign: a demonstration and a 口述影像 for
	@# inheritor-suxiu and a demonstration for the proxy, each approved by the reviewer and waiting (again only
	@# when none of that kind waits for that signer; one that was signed since is replaced on the next run)
	@HERITAGE_SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py heritage_demo --waiting --craft suxiu
	@HERITAGE_SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py heritage_demo --waiting --s2v
	@HERITAGE_SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py heritage_demo --waiting --proxy
	@$(PY) manage.py rebuild_gallery_index -v 0 > /dev/null  # a database made before an index change is searched whole

## The two commands -------------------------------------------------------------------------------------
# Web server on PORT plus one worker for all queues on the embedded defaults (SQLite, filesystem broker).
run: setup demo
	@$(PY) manage.py collectstatic --noinput -v0
	@mkdir -p var/log
	@echo "Starting worker (log: var/log/worker.log) ..."
	@$(VENV)/bin/celery -A heritage worker -Q default,gpu,media --concurrency 1 --pool solo -n local@%h \
	  --loglevel INFO > var/log/worker.log 2>&1 & echo $$! > var/worker.pid
	@echo ""
	@echo "  heritage is at  http://127.0.0.1:$(PORT)/   (curators: http://127.0.0.1:$(PORT)/curator/)"
	@echo "  demo logins are printed above (password heritage-demo; local use only)."
	@echo ""
	@trap 'test -f var/worker.pid && kill $$(cat var/worker.pid) 2>/dev/null; rm -f var/worker.pid' EXIT INT TERM; \
	  $(PY) manage.py runserver 0.0.0.0:$(PORT)

test: setup
	$(PY) manage.py makemigrations --check --dry-run > /dev/null || { echo "models changed without migrations"; exit 1; }
	$(VENV)/bin/lint-imports --no-cache || { echo "the import contract in .importlinter is broken (docs/ARCHITECTURE.md, Layers)"; exit 1; }
	$(VENV)/bin/pytest $(PYTEST_ARGS)

## Benchmarks (print figures; see docs/PERFORMANCE.md) --------------------------------------------------
bench-nlp: venv
	$(PY) bench/nlp.py
bench-nlp-eval: venv
	$(PY) bench/nlp_eval.py --split all
bench-engine: venv
	$(PY) bench/engine_gpu.py
bench-jobs: venv
	$(PY) bench/jobs.py
bench-media: venv
	$(PY) bench/media.py
bench-gallery: venv
	$(PY) bench/gallery.py
bench-review: venv
	$(PY) bench/review.py

# Refresh the English catalogue from every app and template, then compile it (needs gettext).
messages: venv
	$(PY) manage.py makemessages -l en --no-obsolete --ignore='.venv/*' --ignore='var/*' --ignore='test-artifacts/*'
	$(PY) manage.py compilemessages -l en --ignore='.venv/*'

clean:
	rm -rf var .pytest_cache
