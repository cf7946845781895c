from django.urls import path

from cove.safety import views

app_name = "safety"
urlpatterns = [
    path("", views.index, name="index"),
    path("edit/", views.edit, name="edit"),
    path("calm/", views.calm, name="calm"),
    path("print/", views.print_view, name="print"),
    path("versions/", views.versions, name="versions"),
    path("versions/<str:version_id>/", views.version_detail, name="version"),
    path("this-device/", views.offline, name="offline"),
    path("comfort/", views.comfort, name="comfort"),
    path("comfort/edit/", views.comfort_edit, name="comfort_edit"),
    path("first-session/", views.prep, name="prep"),
    path("first-session/edit/", views.prep_edit, name="prep_edit"),
]
