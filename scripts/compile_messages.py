"""Compile kompetansebroen/locale/*/LC_MESSAGES/django.po to .mo with polib (pure Python).

Django's compilemessages needs GNU gettext's msgfmt; this does the same with polib (already
installed with wagtail-localize), so translators need nothing but the project's virtualenv.
The .mo files are committed, so running the site never needs this.
Usage: python scripts/compile_messages.py
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "kompetansebroen" / "locale"


def compile_all(locale_dir=LOCALE_DIR):
    compiled = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/django.po")):
        po = polib.pofile(str(po_path))
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        compiled.append((po_path, po.percent_translated()))
    return compiled


if __name__ == "__main__":
    results = compile_all()
    if not results:
        sys.exit(f"No .po files under {LOCALE_DIR}")
    for path, percent in results:
        print(f"{path.relative_to(LOCALE_DIR.parent.parent)}: {percent} % translated")  # noqa: T201
