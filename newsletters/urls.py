"""/nyhetsbrev/ (in every language: mounted inside i18n_patterns)."""

from django.urls import path

from newsletters import views

urlpatterns = [
    path("", views.subscribe, name="newsletter_subscribe"),
    path("bekreft/<str:key>/", views.confirm, name="newsletter_confirm"),
    path("avmeld/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
]
