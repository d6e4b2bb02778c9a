# One image for web, workers and beat. GPU workers need the NVIDIA container runtime on the host.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=heritage.settings.production
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg fonts-noto-cjk gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt constraints.txt ./
# The production image takes the CUDA build of the same torch version.
RUN pip install --no-cache-dir torch==2.13.0 && pip install --no-cache-dir -r requirements.txt -c constraints.txt
COPY . .
# The normalizer compiled with Cython (generation/prompting/native.py; gcc only for this step). If the build
# fails the image still works, with normalization as plain Python.
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && (python -c "from generation.prompting import native; raise SystemExit(native.main(['build']))" \
        || echo "WARNING: compiled normalizer not built; plain Python") \
    && rm -rf var/native/src var/native/c var/native/lib var/native/tmp \
    && apt-get purge -y gcc libc6-dev && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
RUN DJANGO_SECRET_KEY=build-only-not-secret-$(date +%s)-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \
    python manage.py collectstatic --noinput
EXPOSE 8000
CMD ["gunicorn", "heritage.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]
