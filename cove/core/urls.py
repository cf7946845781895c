from django.urls import path

from cove.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("exit/", views.quick_exit, name="quick_exit"),
    path("healthz", views.healthz, name="healthz"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
