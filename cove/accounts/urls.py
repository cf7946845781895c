from django.urls import path

from cove.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("recover/", views.recover, name="recover"),
    path("settings/", views.settings_view, name="settings"),
    path("sessions/", views.sessions_view, name="sessions"),
    path("activity/", views.activity, name="activity"),
    path("passphrase/", views.change_passphrase, name="change_passphrase"),
    path("recovery-code/", views.renew_recovery_code, name="renew_recovery_code"),
    path("delete/", views.delete_account, name="delete"),
]
