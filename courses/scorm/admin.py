"""Editors' admin for SCORM packages (registered from courses/wagtail_hooks.py)."""
