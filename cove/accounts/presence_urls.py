"""Presence endpoints (cove.accounts.presence_views), kept apart from the account pages."""

from django.urls import path

from cove.accounts import presence_views

app_name = "presence"
urlpatterns = [
    path("", presence_views.heartbeat, name="heartbeat"),
    path("lock/", presence_views.lock_now, name="lock"),
    path("unlock/", presence_views.unlock_in_page, name="unlock"),
    path("continue/", presence_views.continue_after_sign_in, name="continue"),
]
