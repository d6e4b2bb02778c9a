"""A script client of the REST API written from its OpenAPI schema only (``/api/v1/schema``): the whole chain
craft → technique → recording with transcript → generation task (the transcript span normalized into an action
description) → review → submit → sign (the inheritor) → archive → archive record. Every answer is checked against
the status codes the schema documents for the operation; what disagrees is printed as ``DISAGREE``.

The signing inheritor is made through the API too (a row of the new craft and its login), but two steps are
screens only: a second curator confirms the signing account, and the inheritor sets a password through the
one-time link; ``--confirm-cmd`` runs them (e.g. a ``manage.py shell`` call of the same services), else the
script waits for Enter.

    python bench/api_chain.py http://127.0.0.1:8000 curator:PASSWORD --confirm-cmd "..."
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import uuid

import requests

DISAGREE: list[str] = []


class Api:
    def __init__(self, base: str, schema: dict, token: str | None = None):
        self.base, self.schema, self.token = base.rstrip("/"), schema, token

    def documented(self, method: str, path: str) -> set[int]:
        op = self.schema["paths"][path][method.lower()]
        return {int(code) for code in op["responses"] if code.isdigit()}

    def call(self, method: str, template: str, expect: int, *, args=(), headers=None, **kwargs):
        values = iter(args)
        path = re.sub(r"\{[a-z_]+\}", lambda m: str(next(values)), template)  # the schema's path, filled in
        headers = {**(headers or {}), **({"Authorization": f"Token {self.token}"} if self.token else {})}
        response = requests.request(method, self.base + path, headers=headers, timeout=60, **kwargs)
        documented = self.documented(method, template)
        if response.status_code not in documented:
            DISAGREE.append(f"{method} {template}: {response.status_code} not documented ({sorted(documented)})")
        if response.status_code != expect:
            print(f"  {method} {path} -> {response.status_code} (expected {expect}): {response.text[:400]}")
        body = response.json() if response.headers.get("Content-Type", "").startswith("application/json") else None
        return response, body


def token(base, credentials):
    user, password = credentials.split(":", 1)
    r = requests.post(base + "/api/v1/auth/token", json={"username": user, "password": password}, timeout=30)
    r.raise_for_status()
    return r.json()["token"]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("curator")
    ap.add_argument("--wait", type=float, default=600, help="seconds to wait for the generation task")
    ap.add_argument("--password", default="chain-pass-2024!", help="the password the new inheritor account gets")
    ap.add_argument("--confirm-cmd", dest="confirm_cmd", default="",
                    help="a shell command confirming the signer change ({inheritor}) and setting the password "
                         "({username}, {password}), else the script waits for Enter")
    a = ap.parse_args(argv)
    schema = requests.get(a.base + "/api/v1/schema?format=json", timeout=30).json()
    cur = Api(a.base, schema, token(a.base, a.curator))
    tag = uuid.uuid4().hex[:6]
    steps = []

    def step(name, ok):
        steps.append((name, ok))
        print(("ok   " if ok else "FAIL ") + name)
        return ok

    # 1. craft (CraftWrite: name, slug, category, region, description ...)
    r, craft = cur.call("POST", "/api/v1/crafts", 201, json={
        "name": f"缂丝{tag}", "name_en": f"Kesi {tag}", "slug": f"kesi-{tag}", "category": "craftsmanship",
        "region": "江苏省苏州市", "description": "通经断纬的丝织技艺。"})
    if not step("craft", r.status_code == 201):
        return 1
    slug = craft["slug"]
    # 2. technique with ordered steps
    r, technique = cur.call("POST", "/api/v1/techniques", 201, json={
        "craft": slug, "name": f"掼{tag}", "slug": f"kesi-guan-{tag}", "summary": "以梭子掼紧纬线。",
        "steps": [{"title": "起头", "description": "梭子穿过经线,拨子掼紧纬线,纬线间距一毫米。"},
                  {"title": "掼紧", "description": "右手持拨子,自上而下掼三次。", "parameters": {"spacing_mm": 1}}]})
    if not step("technique", r.status_code == 201):
        return 1
    tslug = technique["slug"]
    # 3. the inheritor who signs: a row of this craft and a login for it (POST /inheritors/{id}/account). The account
    # becomes the signing account once a second curator confirms (screens only: no API endpoint), and its password
    # is set through the one-time link (a screen): ``--confirm-cmd`` does both, else the operator, then Enter.
    r, inheritor = cur.call("POST", "/api/v1/inheritors", 201, json={
        "craft": slug, "name": f"王{tag}", "level": "provincial", "birth_year": 1960})
    if not step("inheritor", r.status_code == 201):
        return 1
    r, account = cur.call("POST", "/api/v1/inheritors/{id}/account", 201, args=[inheritor["id"]],
                          json={"username": f"chain-{tag}"})
    if not step(f"inheritor account (signer change pending: {account.get('signer_change_pending')})",
                r.status_code == 201):
        return 1
    print(f"CONFIRM the signer change of inheritor {inheritor['id']} (a second curator) and set the password of "
          f"{account['username']} to {a.password!r} ({account['set_password_url']})")
    if a.confirm_cmd:
        import subprocess
        subprocess.run(a.confirm_cmd.format(inheritor=inheritor["id"], username=account["username"],
                                            password=a.password), shell=True, check=True)
    else:
        input()
    inh = Api(a.base, schema, token(a.base, f"{account['username']}:{a.password}"))
    # 4. recording (JSON: media_reference; speaker = the inheritor) and its transcript
    r, recording = cur.call("POST", "/api/v1/recordings", 201, json={
        "craft": slug, "technique": tslug, "title": "掼的手法", "speaker": inheritor["id"], "interviewer": "研究员",
        "recorded_on": "2024-03-01", "place": "苏州", "consent_scope": "generation", "consent_date": "2024-03-01",
        "media_reference": f"馆藏 R-{tag}", "language": "zh"})
    if not step("recording", r.status_code == 201):
        return 1
    vtt = ("WEBVTT\n\n00:00:00.000 --> 00:00:06.000\n王师傅:右手持拨子,自上而下把纬线掼紧,掼三次。\n\n"
           "00:00:06.000 --> 00:00:12.000\n王师傅:纬线间距一毫米,经线不能松。\n")
    r, imported = cur.call("POST", "/api/v1/recordings/{id}/transcript", 200, args=[recording["id"]],
                           json={"webvtt": vtt, "mode": "replace"})
    step("transcript", r.status_code == 200 and imported.get("segments") == 2)
    r, rec = cur.call("GET", "/api/v1/recordings/{id}", 200, args=[recording["id"]])
    text = "".join(s["text"] for s in rec.get("segments") or [])
    step("transcript read back", bool(text))
    # 5. generation task: the transcript span, normalized into an action description
    r, task = cur.call("POST", "/api/v1/generation-tasks", 202, headers={"Idempotency-Key": f"chain-{tag}"}, json={
        "input": {"recording": recording["id"], "start": 0, "end": min(len(text), 30), "technique": tslug, "step": 1},
        "parameters": {"duration": 1, "steps": 2}})
    if not step("generation task", r.status_code == 202):
        return 1
    task = task["tasks"][0] if "tasks" in task else task
    deadline = time.time() + a.wait
    while task["status"] not in ("succeeded", "failed", "cancelled") and time.time() < deadline:
        time.sleep(3)
        r, task = cur.call("GET", "/api/v1/generation-tasks/{id}", 200, args=[task["id"]])
    if not step(f"generation finished ({task['status']})", task["status"] == "succeeded"):
        print(json.dumps(task, ensure_ascii=False)[:800])
        return 1
    clip = (task.get("output") or {}).get("clip")
    # 6. review: open, submit
    r, review = cur.call("POST", "/api/v1/reviews", 201, json={"clip": clip})
    if not step("review opened", r.status_code == 201):
        return 1
    # submitting (and signing) waits for post-processing: the task's ``status`` is "succeeded" before it is done;
    # ``output.ready_for_review`` says when (a submit before that is a 409 postprocessing_pending with Retry-After)
    review_id = review["id"]
    while not (task.get("output") or {}).get("ready_for_review") and time.time() < deadline:
        time.sleep(3)
        r, task = cur.call("GET", "/api/v1/generation-tasks/{id}", 200, args=[task["id"]])
    step(f"post-processing finished ({(task.get('output') or {}).get('postprocessing')})",
         bool((task.get("output") or {}).get("ready_for_review")))
    r, answer = cur.call("POST", "/api/v1/reviews/{id}/submit", 200, args=[review_id], json={})
    if not step("submitted", r.status_code == 200 and answer.get("state") == "in_review"):
        return 1
    # 7. the inheritor signs what the detail's public_summary shows
    r, detail = inh.call("GET", "/api/v1/reviews/{id}", 200, args=[review_id])
    if not step("inheritor sees the review", r.status_code == 200):
        return 1
    summary = detail["public_summary"]
    r, signed = inh.call("POST", "/api/v1/reviews/{id}/sign", 200, args=[review_id],
                         json={"sha256": summary["clip_sha256"], "attribution": summary["attribution"],
                               "comment": "同意"})
    step("signed", r.status_code == 200 and signed.get("state") == "approved")
    # 8. archive, and the record
    r, record = cur.call("POST", "/api/v1/reviews/{id}/archive", 201, args=[review_id])
    if not step("archived", r.status_code == 201):
        return 1
    r, shown = cur.call("GET", "/api/v1/archive-records/{id}", 200, args=[record["id"]])
    step("archive record", r.status_code == 200 and shown.get("id") == record["id"])
    print("\n".join(["", *("DISAGREE " + d for d in DISAGREE)] if DISAGREE else ["", "no disagreement with the schema"]))
    return 0 if all(ok for _, ok in steps) else 1


if __name__ == "__main__":
    sys.exit(main())
