from django.urls import path

from cove.ladder import practice, views

app_name = "ladder"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new_ladder, name="new"),
    path("words/", views.distress_words, name="words"),
    path("pause/", practice.pause_page, name="pause"),
    path("<uuid:ladder_id>/", views.ladder_page, name="ladder"),
    path("<uuid:ladder_id>/edit/", views.edit_ladder, name="edit"),
    path("<uuid:ladder_id>/delete/", views.delete_ladder, name="delete"),
    path("<uuid:ladder_id>/order/", views.reorder, name="reorder"),
    path("<uuid:ladder_id>/steps/new/", views.new_step, name="new_step"),
    path("step/<uuid:step_id>/", views.step_page, name="step"),
    path("step/<uuid:step_id>/edit/", views.edit_step, name="edit_step"),
    path("step/<uuid:step_id>/status/", views.set_status, name="status"),
    path("step/<uuid:step_id>/move/", views.move_step, name="move"),
    path("step/<uuid:step_id>/smaller/", views.split_step, name="split"),
    path("step/<uuid:step_id>/delete/", views.delete_step, name="delete_step"),
    path("step/<uuid:step_id>/progress/", views.step_progress, name="progress"),
    path("step/<uuid:step_id>/begin/", practice.begin, name="begin"),
    path("practice/<uuid:session_id>/", practice.practice, name="practice"),
    path("practice/<uuid:session_id>/before/", practice.before, name="before"),
    path("practice/<uuid:session_id>/during/", practice.during, name="during"),
    path("practice/<uuid:session_id>/pause/", practice.pause, name="pause_practice"),
    path("practice/<uuid:session_id>/resume/", practice.resume, name="resume"),
    path("practice/<uuid:session_id>/end/", practice.end, name="end"),
    path("practice/<uuid:session_id>/smaller/", practice.smaller, name="smaller"),
    path("practice/<uuid:session_id>/after/", practice.after, name="after"),
]
