"""URLs that must sit at the site root (the service worker needs scope "/")."""

from django.urls import path

from cove.grounding import views

urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
]
