from django.urls import path

from cove.progress import views

app_name = "progress"
urlpatterns = [
    path("", views.index, name="index"),
    path("today/", views.checkin, name="checkin"),
    path("reminders/", views.reminders_page, name="reminders"),
    path("reminders/<str:reminder_id>/pause/", views.reminder_pause, name="reminder_pause"),
    path("reminders/<str:reminder_id>/delete/", views.reminder_delete, name="reminder_delete"),
    path("calendar/new/", views.feed_new, name="feed_new"),
    path("calendar/off/", views.feed_revoke, name="feed_revoke"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
