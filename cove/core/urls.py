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
