"""Importing a list of old addresses and the pages they now have (CSV) into Wagtail's
redirects: every line is checked before anything is written, and the writing is one
transaction. Running it again changes only what changed in the list.

The list has two columns, the old address and the target (legacy/targets.py), separated by
commas, semicolons or tabs (whichever the first line has most of), in UTF-8 (a spreadsheet's
byte-order mark is fine). A header line naming the columns (old_url, target) is optional; with
one, other columns are ignored. Empty lines and lines starting with # are skipped.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from legacy.paths import old_path
from legacy.redirects import CREATED, UNCHANGED, UPDATED, point, site_redirects
from legacy.targets import find_target, page_at

OLD_HEADERS = ("old_url", "old_path")
TARGET_HEADERS = ("target",)
DELIMITERS = ",;\t"


class RedirectListError(ValueError):
    """A list that cannot be imported; the message is one line naming the file and line."""


@dataclass
class Entry:
    line: int
    old_path: str
    page: object
    shadowed: bool = False  # a page answers at the old address, so the redirect waits


@dataclass
class ListSummary:
    counts: dict = field(default_factory=lambda: dict.fromkeys((CREATED, UPDATED, UNCHANGED), 0))
    shadowed: list = field(default_factory=list)  # Entries of old addresses a page answers

    def line(self):
        text = ", ".join(f"{count} {outcome}" for outcome, count in self.counts.items())
        if self.shadowed:
            text += f"; {len(self.shadowed)} not in effect while a page answers at the old address"
        return text


def _delimiter(first_line):
    """The separator the first line has most of (a comma if it has none)."""
    return max(DELIMITERS, key=first_line.count) if first_line.strip() else ","


def read_lines(path):
    """[(line number, old address, target)] of the list at ``path``."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise RedirectListError(f"{path.name}: file not found: {path}") from None
    except UnicodeDecodeError as error:
        raise RedirectListError(f"{path.name}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise RedirectListError(f"{path.name}: cannot read file: {error.strerror}") from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    columns, rows = None, []
    try:
        for cells in reader:
            cells = [cell.strip() for cell in cells]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if columns is None and not rows and cells[0].lower() in OLD_HEADERS:
                columns = _header_columns(path, reader.line_num, cells)
                continue
            rows.append((reader.line_num, *_two_cells(path, reader.line_num, cells, columns)))
    except csv.Error as error:
        raise RedirectListError(f"{path.name}: line {reader.line_num}: {error}") from None
    return rows


def _header_columns(path, line, cells):
    names = [cell.lower() for cell in cells]
    target = next((names.index(name) for name in TARGET_HEADERS if name in names), None)
    if target is None:
        raise RedirectListError(f"{path.name}: line {line}: the header has no 'target' column")
    return 0, target


def _two_cells(path, line, cells, columns):
    if columns is not None:
        old, target = columns
        if len(cells) <= max(old, target):
            raise RedirectListError(
                f"{path.name}: line {line}: expected {max(old, target) + 1} columns as in the "
                f"header, got {len(cells)}"
            )
        return cells[old], cells[target]
    while len(cells) > 2 and not cells[-1]:
        cells.pop()
    if len(cells) != 2:
        raise RedirectListError(
            f"{path.name}: line {line}: expected 2 columns (old address, target), got {len(cells)}"
        )
    return cells[0], cells[1]


def check_lines(rows, site, source, keep_query=False):
    """Entries for ``rows`` (read_lines), each old path once; RedirectListError on the first
    line that cannot become a redirect."""
    entries, seen = [], {}
    for line, old, target in rows:
        try:
            path = old_path(old, keep_query=keep_query)
        except ValueError as error:
            raise RedirectListError(f"{source}: line {line}: old address: {error}") from None
        try:
            page = find_target(target, site)
        except ValueError as error:
            raise RedirectListError(f"{source}: line {line}: target: {error}") from None
        answering = None if "?" in path else page_at(path, site)
        if answering is not None and answering.pk == page.pk:
            raise RedirectListError(
                f"{source}: line {line}: {path} is the address of the target page itself"
            )
        if path in seen:
            earlier = seen[path]
            if earlier.page.pk != page.pk:
                raise RedirectListError(
                    f"{source}: line {line}: {path} is also in line {earlier.line}, to another page"
                )
            continue
        entry = Entry(line, path, page, shadowed=answering is not None and answering.live)
        seen[path] = entry
        entries.append(entry)
    return entries


def import_redirect_list(path, site, keep_query=False, dry_run=False):
    """Check the whole list at ``path``, then write its redirects on ``site`` in one
    transaction (rolled back with ``dry_run``); returns a ListSummary."""
    source = Path(path).name
    entries = check_lines(read_lines(path), site, source, keep_query)
    summary = ListSummary()
    with transaction.atomic():
        existing = site_redirects(site, [entry.old_path for entry in entries])
        for entry in entries:
            outcome = point(entry.old_path, entry.page, site, existing.get(entry.old_path))
            summary.counts[outcome] += 1
            if entry.shadowed:
                summary.shadowed.append(entry)
        if dry_run:
            transaction.set_rollback(True)
    return summary
