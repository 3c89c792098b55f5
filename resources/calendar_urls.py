"""The patterns under /kalender/ (resources/calendars.py): outside the language prefixes, as
a calendar address is subscribed to once and must not move."""

from django.urls import path

from resources import calendars

urlpatterns = [
    path("arrangement/<int:page_id>.ics", calendars.single_event, name="event_calendar"),
    path("arrangementer.ics", calendars.all_events, name="events_calendar"),
    path("omrade/<slug:slug>.ics", calendars.area_events, name="area_events_calendar"),
    path("tema/<slug:slug>.ics", calendars.topic_events, name="topic_events_calendar"),
]
