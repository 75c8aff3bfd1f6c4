"""Fixtures of the assistant tests: a learner with real achievements, another whose data must never leak, and a
fake OpenAI-compatible model server on loopback with the failure modes the issue names."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
from django.utils import translation

from tropa.accounts.models import Profile, User
from tropa.courses.models import Step
from tropa.courses.services.progress import step_complete
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, make_project, school, submit  # noqa: F401

ANSWER = "Model says: finish the churn project write-up first."


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def learning(school, django_capture_on_commit_callbacks):  # noqa: F811
    """l1: an accepted project (with feedback), the course finished with a certificate; l2 (the other user): a
    project of their own with a distinctive title and feedback, and a secret headline."""
    with django_capture_on_commit_callbacks(execute=True):  # the certificate is issued by a handler, on commit
        return _learning(school)


def _learning(school):  # noqa: F811
    people = school.people
    project = make_project(school)
    work = submit(project, people.l1, title="Churn model", summary="Predicts churn").work
    review_submit(actor=people.curator, work_id=work.pk, levels=levels_all(project, 2),
                  feedback="Solid feature engineering; explain the metric.", decision="accept")  # fmt: skip
    enrollment = work.enrollment
    for step in Step.objects.filter(course=project.course):  # the project step too: its handler runs on commit
        step_complete(enrollment=enrollment, step=step)
    other = submit(project, people.l2, title="Zebra secret analysis", summary="Bob's hidden work").work
    review_submit(actor=people.curator, work_id=other.pk, levels=levels_all(project, 1),
                  feedback="Plagiarism suspected in zebra section.", decision="revise")  # fmt: skip
    Profile.objects.filter(user=people.l1).update(headline="Junior data analyst", visibility="platform")
    Profile.objects.filter(user=people.l2).update(headline="Secret agent Zebra")
    work.refresh_from_db()
    me, other = User.objects.get(pk=people.l1.pk), User.objects.get(pk=people.l2.pk)
    return SimpleNamespace(me=me, other=other, project=project, work=work, other_work=other)


# The other user's facts that must never appear in what the assistant sends or says for l1.
OTHER_MARKERS = ("Zebra", "zebra", "Plagiarism", "Learner2", "l2@example.com", "Bob's hidden work")


class FakeModel:
    """A threaded http.server speaking /v1/chat/completions. `mode`: ok | echo | slow | garbage | http500 | empty."""

    def __init__(self):
        self.mode = "ok"
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                fake.requests.append(
                    {"path": self.path, "auth": self.headers.get("Authorization"), "body": json.loads(raw)}
                )
                if fake.mode == "slow":
                    time.sleep(3)
                if fake.mode == "http500":
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b"boom")
                    return
                if fake.mode == "garbage":
                    body = b"<html>not json{"
                elif fake.mode == "empty":
                    body = json.dumps({"choices": [{"message": {"content": "   "}}]}).encode()
                else:
                    content = raw.decode() if fake.mode == "echo" else ANSWER
                    body = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (slow mode)
                    self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_model(settings):
    model = FakeModel().start()
    settings.LLM_BASE_URL = model.url
    settings.LLM_MODEL = "fake-model"
    settings.LLM_API_KEY = "test-key"
    settings.LLM_TIMEOUT_SECONDS = 1
    yield model
    model.stop()


@pytest.fixture
def no_model(settings):
    settings.LLM_BASE_URL = None
    settings.LLM_MODEL = ""
