from django.urls import path

from cove.vault import views

app_name = "vault"
urlpatterns = [
    path("unlock/", views.unlock, name="unlock"),
    path("download/", views.export, name="export"),
    path("emergency-reset/", views.emergency_reset, name="emergency_reset"),
]
