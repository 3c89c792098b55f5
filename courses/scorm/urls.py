"""SCORM package files, served from the site's own origin."""

from django.urls import path

from courses.scorm.files import serve_file

urlpatterns = [path("<uuid:key>/<path:path>", serve_file, name="scorm_file")]
