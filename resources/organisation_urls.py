"""The patterns under /samarbeidspartnere/ (resources/organisations.py), in every language."""

from django.urls import path

from resources import organisations

urlpatterns = [
    path("", organisations.organisation_list, name="organisations"),
    path("<slug:slug>/", organisations.organisation_page, name="organisation"),
]
