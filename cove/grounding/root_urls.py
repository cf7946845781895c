"""URLs that must sit at the site root (the service worker needs scope "/")."""

urlpatterns: list = []
