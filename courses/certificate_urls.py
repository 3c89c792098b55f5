"""/kursbevis/: issue a certificate, verify it, download its PDF, delete it."""

urlpatterns = []
