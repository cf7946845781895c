from django.conf import settings
from django.urls import path

from cove.core import look, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("exit/", views.quick_exit, name="quick_exit"),
    path("look/", look.choose_look, name="look"),
    # /healthz and /readyz are the same readiness check; /livez only says the process answers.
    path("healthz", views.readiness, name="healthz"),
    path("readyz", views.readiness, name="readyz"),
    path("livez", views.liveness, name="livez"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]

if settings.COVE_LOAD_FLOORS:  # the load benchmark's floors (docs/performance.md), never on otherwise
    from cove.core import floors

    urlpatterns += [
        path("load/floor/", floors.floor, name="floor"),
        path("load/floor/signed-in/", floors.signed_in_floor, name="signed_in_floor"),
    ]
