#!/usr/bin/env python
"""Course benchmark: time and queries per request for taking a course in the portal.

Builds a fresh database (a temporary SQLite file by default, or --database-url), the site's
skeleton and a course with lessons and an exam of --questions questions, then drives the
Django test client through a lesson, the exam form, handing the exam in (scoring, the
per-question statistics), issuing a kursbevis, its verification page and its PDF. Prints the
median and max time and the queries of each step over --rounds rounds. Figures only, no
pass/fail; compare a change with the commit before it in the same run.

    python benchmarks/courses_bench.py [--rounds 30] [--questions 40] [--database-url URL]
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    return parser.parse_args(argv)


def setup_django(database_url):
    sys.path.insert(0, str(REPO))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kompetansebroen.settings.dev"
    os.environ["DATABASE_URL"] = database_url
    for name in ("ELASTICSEARCH_URL", "OPENSEARCH_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]


def build_course(questions):
    from django.core.management import call_command

    from builder.tree import ensure_home_page, ensure_index_page
    from courses.models import LessonPage
    from resources.models import CoursePage

    call_command("migrate", verbosity=0)
    ensure_home_page()
    exam = [
        (
            "question",
            {
                "question": f"Spørsmål {number}",
                "options": [
                    {"text": f"Riktig {number}", "correct": True, "explanation": "Fordi."},
                    {
                        "text": f"Også riktig {number}",
                        "correct": number % 3 == 0,
                        "explanation": "",
                    },
                    {"text": f"Feil {number}", "correct": False, "explanation": "Nei."},
                    {"text": f"Også feil {number}", "correct": False, "explanation": ""},
                ],
            },
        )
        for number in range(questions)
    ]
    course = ensure_index_page("course").add_child(
        instance=CoursePage(
            title="Benchmark-kurs",
            slug="benchmark-kurs",
            summary="Et kurs for målinger.",
            delivery="leksjoner",
            exam_questions=exam,
            certificate_valid_years=4,
        )
    )
    course.save_revision().publish()
    for number in range(5):
        lesson = course.add_child(
            instance=LessonPage(
                title=f"Leksjon {number}",
                slug=f"leksjon-{number}",
                body=[("paragraph", "<p>Tekst.</p>" * 20)]
                + [("practice_question", exam[number][1])],
            )
        )
        lesson.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def measure(label, call, rounds, results):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], []
    for _ in range(rounds):
        reset_queries()  # Django keeps the last 9000 queries; counts need a fresh log
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = call()
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
        if response.status_code not in (200, 302):
            raise SystemExit(f"{label}: HTTP {response.status_code}")
    results.append((label, statistics.median(timings), max(timings), max(queries), response))
    return response


def main(argv=None):
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        from django.core.cache import cache
        from django.test import Client

        from courses.scoring import questions_of

        course = build_course(args.questions)
        client = Client()
        lesson = course.lessons()[1]
        exam_url = course.url + "eksamen/"
        answers = {q.field_name: sorted(q.right_ids) for q in questions_of(course.exam_questions)}
        results = []

        def hand_in():
            form = client.get(exam_url).content.decode()
            attempt = re.search(r'name="forsok" value="([^"]+)"', form).group(1)
            return client.post(exam_url, {"forsok": attempt, **answers})

        def issue():
            response = hand_in()
            token = re.search(r'name="pass_token" value="([^"]+)"', response.content.decode())
            data = {"pass_token": token.group(1), "name": "Kari"}
            return client.post("/kursbevis/utsted/", data)

        measure("lesson page", lambda: client.get(lesson.url), args.rounds, results)
        measure("exam form", lambda: client.get(exam_url), args.rounds, results)
        measure("exam form + hand in", hand_in, args.rounds, results)
        issued = measure("hand in + issue kursbevis", issue, args.rounds, results)
        code = re.search(r"KB(?:-[0-9A-Z]{4}){4}", issued.content.decode()).group(0)
        cache.clear()  # the lookup limit would stop the rounds below
        measure("verification page", lambda: client.get(f"/kursbevis/{code}/"), 25, results)
        cache.clear()
        pdf = measure("kursbevis PDF", lambda: client.get(f"/kursbevis/{code}/pdf/"), 25, results)

    print(f"Course benchmark: {args.questions} questions, {args.rounds} rounds (25 for lookups)")
    print(f"{'step':<28}{'median ms':>10}{'max ms':>9}{'queries':>9}")
    for label, median, worst, queries, _response in results:
        print(f"{label:<28}{median:>10.1f}{worst:>9.1f}{queries:>9}")
    print(f"PDF size: {len(pdf.content) / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
