"""What an import did, per page type and outcome, and how the command prints it."""

from dataclasses import dataclass, field

from resources.registry import resource_models

# Outcome key -> (label in the summary, what it means; None for the self-explanatory ones).
OUTCOMES = {
    "created": ("created", None),
    "updated": ("updated", None),
    "unchanged": ("unchanged", None),
    "edited": (
        "kept (edited)",
        "an editor changed or moved the page after the last import; left as it is",
    ),
    "unpublished": (
        "kept (unpublished)",
        "an editor unpublished the page; left unpublished",
    ),
    "withdrawn": (
        "unpublished-missing",
        "no longer in the source; unpublished now (--unpublish-missing)",
    ),
    "missing": (
        "missing (left)",
        "no longer in the source; left as it is (--unpublish-missing unpublishes those no "
        "editor has changed)",
    ),
}
# Outcomes of pages that are in the source (the rest are pages that no longer are).
IN_SOURCE = ("created", "updated", "unchanged", "edited", "unpublished")
# Outcomes worth naming page by page (the command lists them with -v 2).
NOTEWORTHY = ("edited", "unpublished", "withdrawn", "missing")
TERM_OUTCOMES = ("created", "updated", "unchanged")


def _zero_counts(keys, outcomes):
    return {key: dict.fromkeys(outcomes, 0) for key in keys}


@dataclass
class ImportSummary:
    """What an import did: pages per type slug and taxonomy terms per kind, by outcome."""

    counts: dict = field(default_factory=lambda: _zero_counts(resource_models(), OUTCOMES))
    terms: dict = field(
        default_factory=lambda: _zero_counts(("region", "topic", "audience"), TERM_OUTCOMES)
    )
    # (outcome, type slug, source id, title) of each page in NOTEWORTHY.
    pages: list = field(default_factory=list)
    # Pages imported before import records existed, recorded in this run (the upgrade path).
    recorded: int = 0
    seconds: float = 0.0
    # Redirects from the items' old addresses by outcome (old_urls.py), and the old
    # addresses left redirecting elsewhere: (old path, item id).
    redirects: dict = field(default_factory=dict)
    kept_redirects: list = field(default_factory=list)

    def count(self, type_slug, outcome, page):
        self.counts[type_slug][outcome] += 1
        if outcome in NOTEWORTHY:
            self.pages.append((outcome, type_slug, page.source_id or page.slug, page.title))

    def totals(self):
        return {outcome: sum(row[outcome] for row in self.counts.values()) for outcome in OUTCOMES}

    @property
    def total_pages(self):
        """Pages of items (and podcast series) in the source, whatever happened to them."""
        totals = self.totals()
        return sum(totals[outcome] for outcome in IN_SOURCE)

    def table(self):
        """One line per outcome with its count per type, for command output."""
        totals = self.totals()
        width = max(len(label) for label, _meaning in OUTCOMES.values())
        lines = []
        for outcome, (label, meaning) in OUTCOMES.items():
            line = f"{label:<{width}} {totals[outcome]:>6}"
            per_type = [
                f"{slug} {row[outcome]}" for slug, row in self.counts.items() if row[outcome]
            ]
            if per_type:
                line += f"  ({', '.join(per_type)})"
            if meaning and totals[outcome]:
                line += f"\n{'':<{width}}         {meaning}"
            lines.append(line)
        terms = ", ".join(
            f"{kind}s {row['created']} created/{row['updated']} updated"
            for kind, row in self.terms.items()
        )
        lines.append(f"taxonomy: {terms}")
        if self.redirects:
            counts = ", ".join(f"{count} {outcome}" for outcome, count in self.redirects.items())
            lines.append(f"redirects from old addresses: {counts}")
        if self.recorded:
            lines.append(
                f"{self.recorded} pages had no import record yet (imported by an older version, "
                "or made by hand): recorded as the import's where the importer saved them last, "
                "else as edited"
            )
        lines.append(f"{self.total_pages} pages in {self.seconds:.1f} s")
        return "\n".join(lines)

    def page_lines(self):
        """The pages the importer left alone or unpublished, one line each, for -v 2."""
        return [
            f"{OUTCOMES[outcome][0]}: {type_slug} '{source_id}' ({title})"
            for outcome, type_slug, source_id, title in self.pages
        ] + [
            f"redirect kept: {path} (item '{item_id}') already goes elsewhere; left as it is"
            for path, item_id in self.kept_redirects
        ]
