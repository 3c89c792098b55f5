#!/usr/bin/env python
"""Films and podcasts benchmark: time and queries per request for a podcast series with
--episodes uploaded episodes (its page, its feed, an episode page), a film page with caption
files, and the throughput of serving sound with HTTP Range (a seek: one 64 KiB range; the
whole file read through the view).

Builds a fresh database (a temporary SQLite file by default, or --database-url) and uploads
the demo's own media files (builder/demo/media/). Figures only, no pass/fail; compare a change
with the commit before it in the same run.

    python benchmarks/media_bench.py [--rounds 30] [--episodes 40] [--database-url URL]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MEDIA = REPO / "builder" / "demo" / "media"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--episodes", type=int, default=40)
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    return parser.parse_args(argv)


def setup_django(database_url, media_root):
    sys.path.insert(0, str(REPO))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kompetansebroen.settings.dev"
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = media_root
    for name in ("ELASTICSEARCH_URL", "OPENSEARCH_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]


def upload(filename, kind):
    from django.core.files import File

    from wagtailmedia.models import Media

    with (MEDIA / filename).open("rb") as handle:
        media = Media(title=filename, type=kind)
        media.file.save(filename, File(handle), save=False)
        media.save()
    return media


def build(episodes):
    from django.core.files import File
    from django.core.management import call_command

    from wagtail.images import get_image_model

    from builder.tree import ensure_home_page, ensure_index_page
    from resources.models import FilmCaption, FilmPage, PodcastEpisodePage, PodcastSeriesPage

    call_command("migrate", verbosity=0)
    ensure_home_page()
    with (MEDIA / "podkast-cover.jpg").open("rb") as handle:
        cover = get_image_model()(title="Omslag", file=File(handle, name="omslag.jpg"))
        cover.save()
    series = ensure_index_page("podcast_series").add_child(
        instance=PodcastSeriesPage(title="Benchmarkpodden", summary="Målinger.", image=cover)
    )
    series.save_revision().publish()
    sound = upload("podkast-s1e1.mp3", "audio")
    for number in range(episodes):
        episode = series.add_child(
            instance=PodcastEpisodePage(
                title=f"Episode {number}",
                summary="En episode.",
                season_number=number // 10 + 1,
                episode_number=number % 10 + 1,
                audio=sound,
                transcript="Tekst. " * 50,
            )
        )
        episode.save_revision().publish()
    film = ensure_index_page("film").add_child(
        instance=FilmPage(
            title="Benchmarkfilm",
            summary="En film.",
            video=upload("handhygiene.mp4", "video"),
            transcript="Tekst. " * 100,
            image=cover,
        )
    )
    for language in ("nb", "en"):
        with (MEDIA / f"handhygiene.{language}.vtt").open("rb") as handle:
            caption = FilmCaption(language=language)
            caption.file.save(f"film.{language}.vtt", File(handle), save=False)
        film.captions.add(caption)
    film.save_revision().publish()
    return PodcastSeriesPage.objects.get(pk=series.pk), FilmPage.objects.get(pk=film.pk)


def measure(label, call, rounds, results, consume=False):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    timings, queries, size = [], [], 0
    for _ in range(rounds):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = call()
            body = b"".join(response.streaming_content) if consume else response.content
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
        size = len(body)
        if response.status_code not in (200, 206):
            raise SystemExit(f"{label}: HTTP {response.status_code}")
    results.append(
        (label, statistics.median(timings), max(timings), min(queries), max(queries), size)
    )


def main(argv=None):
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3", folder)
        from django.test import Client

        series, film = build(args.episodes)
        client = Client()
        episode = series.episodes().first()
        sound = episode.audio_src
        results = []
        measure("series page", lambda: client.get(series.url), args.rounds, results)
        measure("feed", lambda: client.get(series.url + "feed/"), args.rounds, results)
        measure("episode page", lambda: client.get(episode.url), args.rounds, results)
        measure("film page", lambda: client.get(film.url), args.rounds, results)

        def seek():
            return client.get(sound, HTTP_RANGE="bytes=32768-98303")

        measure("sound, one range", seek, args.rounds, results, consume=True)
        measure("sound, whole file", lambda: client.get(sound), args.rounds, results, True)

    print(f"Media benchmark: {args.episodes} episodes, {args.rounds} rounds")
    print("queries: warm (caches filled) / first request")
    print(f"{'request':<22}{'median ms':>10}{'max ms':>9}{'queries':>11}{'KiB':>8}")
    for label, median, worst, warm, first, size in results:
        counts = f"{warm}/{first}"
        print(f"{label:<22}{median:>10.1f}{worst:>9.1f}{counts:>11}{size / 1024:>8.0f}")


if __name__ == "__main__":
    main()
