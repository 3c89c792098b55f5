"""/kursbevis/: issue a certificate, verify it, download its PDF, delete it."""

from django.urls import path

urlpatterns = []
