"""/pamelding/…: cancelling a registration through the link in its e-mails."""

from django.urls import path

from registrations import views

urlpatterns = [
    path("avmeld/<str:token>/", views.cancel, name="cancel_registration"),
]
