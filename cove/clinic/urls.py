from django.urls import path

from cove.clinic import views

app_name = "clinic"
urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("profile/", views.profile, name="profile"),
    path("invite/", views.invite, name="invite"),
    path("clients/<str:link_id>/", views.client, name="client"),
    path("clients/<str:link_id>/suggest/", views.suggest, name="suggest"),
    path("clients/<str:link_id>/notes/", views.add_note, name="add_note"),
    path("clients/<str:link_id>/download/", views.fhir, name="fhir"),
    path("sharing/", views.sharing, name="sharing"),
    path("join/", views.join, name="join"),
    path("sharing/<str:link_id>/", views.manage, name="manage"),
    path("sharing/<str:link_id>/stop/", views.stop, name="stop"),
    path("sharing/<str:link_id>/preview/", views.preview, name="preview"),
    path("sharing/<str:link_id>/brief/", views.brief, name="brief"),
    path("sharing/<str:link_id>/brief/unshare/", views.unshare_brief, name="unshare_brief"),
    path("sharing/<str:link_id>/answer/<str:homework_id>/", views.answer, name="answer"),
]
