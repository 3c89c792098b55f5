"""/kursbevis/: issue a certificate, check and verify a code, download its PDF, delete it.

Mounted outside the language prefixes: a certificate's address is the same in every
language, and the pages are in bokmål.
"""

from django.urls import path

from courses import certificate_views as views

urlpatterns = [
    path("", views.check, name="certificate_check"),
    path("utsted/", views.issue, name="certificate_issue"),
    path("<str:code>/", views.verify, name="certificate_verify"),
    path("<str:code>/pdf/", views.pdf, name="certificate_pdf"),
    path("<str:code>/slett/<str:key>/", views.remove, name="certificate_remove"),
]
