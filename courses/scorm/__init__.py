"""SCORM 1.2 packages: validation and unpacking of an upload, serving the unpacked files from
the site's own origin, and the player page with its runtime (window.API)."""
