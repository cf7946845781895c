from django.urls import path

from cove.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.access, name="access"),
]
