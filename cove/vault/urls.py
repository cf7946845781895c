from django.urls import path

from cove.vault import repair_views

app_name = "vault_repair"

urlpatterns = [
    path("", repair_views.unreadable, name="unreadable"),
    path("remove/", repair_views.remove, name="remove"),
]
