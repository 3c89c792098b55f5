"""SCORM package files, served from the site's own origin."""

urlpatterns = []
