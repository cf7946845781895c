from django.urls import path

from cove.voice import views

app_name = "voice"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.record, name="record"),
    path("voice-notes.zip", views.download_all, name="download_all"),
    path("shared/<str:username>/<str:area>/<str:note_id>/audio/", views.shared_audio,
         name="shared_audio"),
    path("<str:note_id>/", views.note, name="note"),
    path("<str:note_id>/audio/", views.audio, name="audio"),
    path("<str:note_id>/delete/", views.delete, name="delete"),
]
