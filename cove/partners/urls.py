from django.urls import path

from cove.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.index, name="index"),
    path("invite/", views.invite, name="invite"),
    path("invite/<uuid:invitation_id>/cancel/", views.cancel_invitation, name="cancel"),
    path("join/", views.join, name="join"),
    path("links/<uuid:link_id>/confirm/", views.confirm, name="confirm"),
    path("links/<uuid:link_id>/leave/", views.leave, name="leave"),
    path("links/<uuid:link_id>/share/", views.share, name="share"),
    path("links/<uuid:link_id>/preview/", views.preview, name="preview"),
    path("links/<uuid:link_id>/shared-with-me/", views.shared_with_me, name="from"),
    path("safety-check/", views.safety_check, name="safety_check"),
]
