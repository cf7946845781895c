from django.urls import path

from cove.together import views, views_practice, views_wishes

app_name = "together"
urlpatterns = [
    path("", views.index, name="index"),
    path("<uuid:link_id>/", views.hub, name="hub"),
    path("<uuid:link_id>/agreement/", views.agreement, name="agreement"),
    path("<uuid:link_id>/agreement/suggest/", views.suggest, name="suggest"),
    path("<uuid:link_id>/agreement/<uuid:change_id>/agree/", views.accept, name="accept"),
    path("<uuid:link_id>/agreement/<uuid:change_id>/set-aside/", views.set_aside,
         name="set_aside"),
    path("<uuid:link_id>/wishes/", views_wishes.wishes_page, name="wishes"),
    path("<uuid:link_id>/wishes/start/", views_wishes.start, name="start_round"),
    path("<uuid:link_id>/wishes/<uuid:round_id>/answer/", views_wishes.answer, name="answer"),
    path("<uuid:link_id>/wishes/<uuid:round_id>/overlap/", views_wishes.overlap,
         name="overlap"),
    path("<uuid:link_id>/practice/", views_practice.home, name="practice_home"),
    path("<uuid:link_id>/practice/<uuid:practice_id>/", views_practice.screen, name="practice"),
    path("<uuid:link_id>/practice/<uuid:practice_id>/state/", views_practice.state,
         name="practice_state"),
    path("<uuid:link_id>/practice/<uuid:practice_id>/pause/", views_practice.pause,
         name="pause"),
    path("<uuid:link_id>/practice/<uuid:practice_id>/resume/", views_practice.resume,
         name="resume"),
    path("<uuid:link_id>/practice/<uuid:practice_id>/end/", views_practice.end, name="end"),
    path("<uuid:link_id>/practice/<uuid:practice_id>/after/", views_practice.after,
         name="after"),
    path("<uuid:link_id>/check-in/", views.checkin, name="checkin"),
    path("<uuid:link_id>/notes/", views.notes, name="notes"),
    path("<uuid:link_id>/notes/<uuid:note_id>/delete/", views.delete_note, name="delete_note"),
]
