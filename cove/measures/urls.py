from django.urls import path

from cove.measures import views

# Neutral paths: numbers, never instrument names (they would show in history and logs).
app_name = "measures"
urlpatterns = [
    path("", views.index, name="index"),
    path("answers/", views.past, name="past"),
    path("answers/<uuid:response_id>/", views.result, name="result"),
    path("download/", views.download, name="download"),
    path("<str:slot>/", views.take, name="take"),
]
