#!/usr/bin/env python
"""Search benchmark: the JSON API's latency at 20,000 pages, and indexing time.

For each backend (SQLite, PostgreSQL, and OpenSearch when --opensearch-url is given) it builds
a fresh database, imports the sample corpus, expands it to --pages resource pages with varied
synthetic copies (titles, summaries, regions and topics recombined), rebuilds the search index
(timed), then sends --queries mixed queries (plain, inflected, æøå-less, typos, acronyms,
filtered, paged, autocomplete) to /api/search/ through Django's test client and prints
p50/p95/max. Figures only, no pass/fail; not part of CI.

OpenSearch runs on the PostgreSQL database (filters, facets and pages come from the database)
with its own index prefix; the script starts no node: point --opensearch-url (or the
BENCH_OPENSEARCH_URL variable) at a running one, e.g. one from scripts/opensearch.sh.
--reuse keeps a database that already has the pages (the SQLite file under --sqlite-path, the
PostgreSQL database of --postgres-url) and only re-indexes and queries, so two versions of the
code can be measured on the same data.

    python benchmarks/search_bench.py [--database sqlite|postgres|both|none] [--pages 20000]
                                      [--queries 200] [--corpus FILE]
                                      [--opensearch-url http://127.0.0.1:9200] [--reuse]
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus.json"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/kb_search_bench"
UNSET_VARIABLES = ("ELASTICSEARCH_URL", "OPENSEARCH_URL", "REDIS_URL")
SEED = 20_000

QUERIES = [
    "kurs i legemiddelhåndtering",
    "legemiddelhandtering",
    "pårørende",
    "parorende",
    "pårørendearbeid",
    "demens",
    "demenns",
    "demensomsorg",
    "KOLS",
    "copd",
    "ISBAR",
    "NEWS2",
    "kurset",
    "kursene i palliasjon",
    "ostfold",
    "smittevern i sykehjem",
    "smitevern",
    "ernæring eldre",
    "sårbehandling",
    "forflytning",
    "tolk",
    "delirum",
    "sepsis",
    "velferdsteknologi",
    "utskrivning av eldre",
    "rus og psykisk helse",
    "veiledning",
    "blodprøvetaking",
    "hverdagsrehabilitering",
    "barn som pårørende",
    "qqqxxx",
]
FILTERS = [
    {},
    {},
    {},
    {"type": "course"},
    {"region": "innlandet"},
    {"region": "nasjonalt"},
    {"topic": "demens"},
    {"type": "film", "region": "ostfold"},
    {"page": "2"},
]
VARIANTS = [
    "del 2",
    "for kommunene",
    "i praksis",
    "oppfriskning",
    "webinar",
    "for ledere",
    "i sykehjem",
    "i hjemmetjenesten",
    "for studenter",
    "fordypning",
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both", "none"], default="both"
    )
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL)
    parser.add_argument(
        "--opensearch-url",
        default=os.environ.get("BENCH_OPENSEARCH_URL", ""),
        help="a running OpenSearch node (OPENSEARCH_VERSION picks 2 or 3); adds an OpenSearch run",
    )
    parser.add_argument("--reuse", action="store_true", help="keep a database already built")
    parser.add_argument(
        "--sqlite-path", type=Path, help="SQLite file to build (or reuse); default: a temporary one"
    )
    parser.add_argument("--skip-queries", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-index", action="store_true", help="with --reuse: keep the search index as it is"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def expand(target, rng, out):
    """Copies of imported resource pages under the same parents until ``target`` pages,
    inserted in bulk (bulk_pages.PageBuilder) rather than with ``add_child`` page by page."""
    from wagtail.models import Page

    from bulk_pages import PageBuilder

    from regions.lookup import region_for
    from regions.models import Region
    from resources.models import ResourcePage, Topic

    originals = [page.specific for page in ResourcePage.objects.live().exclude(source_id="")]
    originals = [p for p in originals if type(p).__name__ not in ("ThemePage", "PodcastSeriesPage")]
    regions = list(Region.objects.all())
    topics = list(Topic.objects.all())
    ids = [source.pk for source in originals]
    related = {}
    for name, column in (("topics", "topic_id"), ("audiences", "audience_id")):
        related[name] = {pk: [] for pk in ids}
        links = getattr(ResourcePage, name).through.objects.filter(resourcepage_id__in=ids)
        for page_id, target_id in links.order_by("pk").values_list("resourcepage_id", column):
            related[name][page_id].append(target_id)
    builder = PageBuilder({source.path[: -Page.steplen] for source in originals})
    # What ResourcePage.save would derive from the tree: the region of the nearest RegionPage.
    owners = {path: region_for(parent) for path, parent in builder.parents.items()}
    count = ResourcePage.objects.count()
    started = time.perf_counter()
    number = 0
    while count < target:
        for _ in range(min(2000, target - count)):
            number += 1
            source = rng.choice(originals)
            copy = type(source)()
            for field in source._meta.concrete_fields:
                if not (field.primary_key or field.name in ("path", "depth", "numchild")):
                    setattr(copy, field.attname, getattr(source, field.attname))
            for link in ("page_ptr_id", "resourcepage_ptr_id", "id", "pk"):
                if hasattr(copy, link):
                    setattr(copy, link, None)
            region = rng.choice(regions)
            copy.title = f"{source.title} – {rng.choice(VARIANTS)} ({region.name} {number})"
            copy.draft_title = copy.title
            sentences = source.summary.split(". ")
            rng.shuffle(sentences)
            copy.summary = ". ".join(sentences)[:400]
            copy.slug = f"{source.slug[:40]}-{number}"
            copy.source_id = ""
            copy.latest_revision = copy.live_revision = None
            copy.translation_key = uuid.uuid4()
            parent_path = source.path[: -Page.steplen]
            copy.owner_region = owners[parent_path]
            relations = {
                "topics": [*related["topics"][source.pk], rng.choice(topics).pk],
                "audiences": related["audiences"][source.pk],
            }
            builder.add(copy, parent_path, relations, references_like=source.pk)
            count += 1
        builder.save()
        out(f"  expanded to {count} pages ({time.perf_counter() - started:.0f} s)")
    return count


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def facts_memory():
    """What search/facts.py holds per process: items and the memory they take."""
    import tracemalloc

    from search import facts

    tracemalloc.start()
    held = facts.load()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return f"{len(held)} items, {size / 2**20:.1f} MiB"


def child(args):
    """Runs inside a process whose environment points at the benchmark database."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from builder.importer import import_corpus, load_corpus_file

    def out(line):
        print(line, flush=True)

    from resources.models import ResourcePage

    rng = random.Random(SEED)
    if connection.vendor == "postgresql":
        # Building and indexing are maintenance: no statement_timeout (RESET before querying).
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
    call_command("migrate", verbosity=0)
    pages = ResourcePage.objects.count()
    if pages >= args.pages:
        out(f"  reusing the database's {pages} pages")
    else:
        started = time.perf_counter()
        import_corpus(load_corpus_file(args.corpus))
        out(f"  corpus imported in {time.perf_counter() - started:.1f} s")
        pages = expand(args.pages, rng, out)

    indexing = None
    if not args.no_index:
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        indexing = time.perf_counter() - started
        out(f"  update_index over {pages} pages: {indexing:.1f} s")
    if connection.vendor == "postgresql":
        # Fresh planner statistics, as autovacuum would have after a bulk load: with the
        # statistics of an empty database PostgreSQL picks nested loops that take seconds.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("RESET statement_timeout")

    if args.skip_queries:
        return
    rng = random.Random(SEED + 1)  # the same queries whether the database was built or reused
    client = Client()
    plan = []
    for _ in range(args.queries):
        query = rng.choice(QUERIES)
        if rng.random() < 0.15:
            plan.append(("/api/search/autocomplete/", {"q": query[: rng.randint(3, 8)]}))
        else:
            plan.append(("/api/search/", {"q": query, **rng.choice(FILTERS)}))
    # The first search after a change loads the facts (search/facts.py) and a misspelt word the
    # spelling vocabulary (search/suggest.py): timed apart, then the steady state.
    started = time.perf_counter()
    client.get("/api/search/", {"q": "demens"})
    first = time.perf_counter() - started
    started = time.perf_counter()
    client.get("/api/search/", {"q": "demenns"})
    first_misspelt = time.perf_counter() - started
    out(f"  first search (facts load): {first * 1000:.0f} ms")
    out(f"  first misspelt search (vocabulary build): {first_misspelt * 1000:.0f} ms")
    out(f"  facts held in memory: {facts_memory()}")
    timings, statuses = [], set()
    for path, params in plan:
        started = time.perf_counter()
        response = client.get(path, params)
        timings.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status_code)
    result = {
        "backend": os.environ.get("BENCH_BACKEND", connection.vendor),
        "pages": pages,
        "indexing_seconds": None if indexing is None else round(indexing, 1),
        "queries": len(timings),
        "p50_ms": round(percentile(timings, 0.50), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
        "mean_ms": round(statistics.mean(timings), 1),
        "statuses": sorted(statuses),
    }
    out("RESULT " + json.dumps(result))


def run(backend, args):
    environ = {k: v for k, v in os.environ.items() if k not in UNSET_VARIABLES}
    environ["DJANGO_SETTINGS_MODULE"] = "kompetansebroen.settings.test"
    environ["BENCH_BACKEND"] = backend
    temporary = None
    if backend == "sqlite":
        if args.sqlite_path:
            path = args.sqlite_path.resolve()
            if not args.reuse:
                path.unlink(missing_ok=True)
        else:
            temporary = tempfile.TemporaryDirectory()
            path = Path(temporary.name) / "bench.sqlite3"
        environ["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        name = args.postgres_url.rsplit("/", 1)[1]
        base = args.postgres_url.rsplit("/", 1)[0]
        host = base.split("@")[-1].split(":")[0]
        # OpenSearch reuses the PostgreSQL run's database when both run.
        if not args.reuse and backend == "postgres":
            dropdb = ["dropdb", "-h", host, "-U", "postgres", "--if-exists", name]
            subprocess.run(dropdb, check=True)
        subprocess.run(["createdb", "-h", host, "-U", "postgres", name], capture_output=True)
        environ["DATABASE_URL"] = args.postgres_url
    if backend == "opensearch":
        environ["OPENSEARCH_URL"] = args.opensearch_url
        environ.setdefault("OPENSEARCH_VERSION", "2")
        environ["SEARCH_INDEX_PREFIX"] = "kb_search_bench"
    print(f"== {backend}", flush=True)
    command = [
        sys.executable,
        __file__,
        "--child",
        "--pages",
        str(args.pages),
        "--queries",
        str(args.queries),
        "--corpus",
        str(args.corpus),
        *(["--skip-queries"] if args.skip_queries else []),
        *(["--no-index"] if args.no_index else []),
    ]
    completed = subprocess.run(command, env=environ, cwd=REPO, capture_output=True, text=True)
    sys.stdout.write(completed.stdout)
    if completed.returncode:
        sys.stderr.write(completed.stderr[-4000:])
        raise SystemExit(f"benchmark on {backend} failed")
    if temporary:
        temporary.cleanup()
    if args.skip_queries:
        return None
    line = next(line for line in completed.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def main(argv=None):
    args = parse_args(argv)
    if args.child:
        sys.path.insert(0, str(REPO))
        return child(args)
    backends = {"both": ["sqlite", "postgres"], "none": []}.get(args.database, [args.database])
    if args.opensearch_url:
        backends.append("opensearch")
    results = [run(backend, args) for backend in backends]
    if args.skip_queries:
        return 0
    print("\nbackend     pages  index s  queries  p50 ms  p95 ms  max ms")
    for r in results:
        print(
            f"{r['backend']:<10} {r['pages']:>6} {str(r['indexing_seconds']):>8} {r['queries']:>8} "
            f"{r['p50_ms']:>7} {r['p95_ms']:>7} {r['max_ms']:>7}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
