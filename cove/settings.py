"""Django settings for Cove, read from environment variables through small typed helpers.

Cove fails closed: DEBUG is off unless asked for, the secret key is generated into the
data directory on first run (mode 0600), and unsafe production settings stop the start.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
import platformdirs
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in env_str(name, default).split(",") if part.strip()]


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("COVE_DATA_DIR") or platformdirs.user_data_dir("cove", appauthor=False))
DATA_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)


def _load_or_create_secret_key(path: Path) -> str:
    """Read a secret kept in the data directory, creating it with mode 0600 on first run."""
    if not path.exists():
        key = secrets.token_urlsafe(64)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
    if path.stat().st_mode & 0o077:
        raise ImproperlyConfigured(
            f"{path} can be read by other users; run `chmod 600 {path}` and start again."
        )
    return path.read_text().strip()


def _sqlite_companions(db_file: Path) -> list[Path]:
    return [db_file.with_name(db_file.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _refuse_shared_files(paths: list[Path]) -> None:
    """Stop the start if any of Cove's private files or its data directory is open to others."""
    shared = [p for p in paths if p.exists() and p.stat().st_mode & 0o077]
    if shared:
        fixes = "; ".join(f"chmod {700 if p.is_dir() else 600} {p}" for p in shared)
        raise ImproperlyConfigured(
            "These can be read by other users of this machine: "
            + ", ".join(str(p) for p in shared)
            + f". Run `{fixes}` and start again."
        )


SECRET_KEY = env_str("COVE_SECRET_KEY") or _load_or_create_secret_key(DATA_DIR / "secret_key")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("COVE_SECRET_KEY must be at least 50 characters long.")

# Binds public keys to their owners and keys the audit chain (cove.core.integrity). Kept
# outside the database like the secret key; every app server needs the same one.
COVE_INTEGRITY_KEY = env_str("COVE_INTEGRITY_KEY") or _load_or_create_secret_key(
    DATA_DIR / "integrity_key"
)
if len(COVE_INTEGRITY_KEY) < 50:
    raise ImproperlyConfigured("COVE_INTEGRITY_KEY must be at least 50 characters long.")

DEBUG = env_bool("COVE_DEBUG", False)
# Served behind TLS (directly or through a proxy): secure cookies and HSTS.
COVE_TLS = env_bool("COVE_TLS", False)
ALLOWED_HOSTS = env_list("COVE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
if "*" in ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured(
        "COVE_ALLOWED_HOSTS='*' would answer for any host name; list the real names instead."
    )
CSRF_TRUSTED_ORIGINS = env_list("COVE_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "cove.core",
    "cove.audit",
    "cove.vault",
    "cove.accounts",
    "cove.help",
    "cove.safety",
    "cove.grounding",
    "cove.learn",
    "cove.boundaries",
    "cove.ladder",
    "cove.journal",
    "cove.measures",
    "cove.progress",
    "cove.voice",
    "cove.clinic",
    "cove.partners",
    "cove.together",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages answered to GET are gzipped on their way out (static files come compressed from
    # WhiteNoise above, with brotli); see cove/core/compression.py for why only GET.
    "cove.core.compression.PageCompressionMiddleware",
    "cove.core.middleware.ApiBodyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cove.core.csrf.CoveCsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cove.accounts.middleware.SessionGuardMiddleware",
    "cove.vault.middleware.VaultMiddleware",
    "cove.accounts.devices.DeviceCookieMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cove.core.middleware.PrivacyHeadersMiddleware",
    "cove.core.input_guard.NulGuardMiddleware",
    "cove.core.middleware.AccessPolicyMiddleware",
    # Last, so the policy and CSRF checks run first; see cove.core.transactions.
    "cove.core.transactions.WriteTransactionMiddleware",
]

ROOT_URLCONF = "cove.urls"
WSGI_APPLICATION = "cove.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cove.core.context_processors.cove",
            ],
            # `{% url %}` that remembers addresses without arguments (cove/core/templatetags).
            "builtins": ["cove.core.templatetags.cove_urls"],
        },
    },
]

# Database: SQLite in the data directory unless DATABASE_URL names another one.
# Transactions: no ATOMIC_REQUESTS. Reading requests run without one (no write lock);
# unsafe requests run their view in one transaction (cove.core.transactions), except views
# that do slow work first (Argon2) and open it themselves around their writes.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            # Django's SQLite backend, safe with connections kept between requests.
            "ENGINE": "cove.core.sqlite",
            "NAME": str(DATA_DIR / "cove.sqlite3"),
            "OPTIONS": {
                # IMMEDIATE takes the write lock when a transaction starts, so two
                # writers queue on the busy timeout instead of failing mid-way.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=FULL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
            # Tests use a file, not memory, so browser tests share it and the at-rest
            # test can read the raw file and its WAL.
            "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
            # Each thread keeps its connection between requests; a connection whose file
            # was removed or replaced is opened again (cove.core.sqlite).
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Cove's login verifier is not a Django password hash: it comes from the same Argon2id run
# as the key that unwraps a person's data (cove.vault.services). This hasher only serves
# Django internals that expect one; no sign-in goes through it.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "cove.accounts.passphrase.PassphraseLengthValidator"},
    # The estimate first: its message says what makes a passphrase easy to guess. Only the
    # first message is shown (cove.accounts.services.check_new_passphrase).
    {"NAME": "cove.accounts.passphrase.PassphraseStrengthValidator"},
    {"NAME": "cove.accounts.passphrase.CommonPassphraseValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"

# Sessions: server-side, short idle timeout, absolute lifetime, never outliving the browser.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_NAME = "cove_session"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = COVE_TLS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# The idle limit for everyone who has not chosen a shorter one (cove.accounts.presence).
COVE_IDLE_TIMEOUT_MINUTES = env_int("COVE_IDLE_TIMEOUT_MINUTES", 15)
COVE_SESSION_MAX_HOURS = env_int("COVE_SESSION_MAX_HOURS", 12)
if not 1 <= COVE_IDLE_TIMEOUT_MINUTES <= COVE_SESSION_MAX_HOURS * 60:
    raise ImproperlyConfigured(
        "COVE_IDLE_TIMEOUT_MINUTES must be at least 1 and no longer than COVE_SESSION_MAX_HOURS."
    )
SESSION_COOKIE_AGE = COVE_SESSION_MAX_HOURS * 3600
CSRF_COOKIE_HTTPONLY = False  # API clients read it (GET /api/v1/auth/csrf); HTML forms embed it.
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SECURE = COVE_TLS
CSRF_FAILURE_VIEW = "cove.core.views.csrf_failure"

# Security headers. HSTS only when Cove is served over TLS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if COVE_TLS:
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("COVE_SSL_REDIRECT", True)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        # blob: only so a voice note just recorded can be listened to before it is kept;
        # the recording never leaves the page until the person presses "Keep".
        "media-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Discreet by default: what the browser shows (tab title, app name) and where quick exit goes.
COVE_DISCREET_NAME = env_str("COVE_DISCREET_NAME", "Notes")
COVE_QUICK_EXIT_URL = env_str("COVE_QUICK_EXIT_URL", "https://www.google.com/search?q=weather")
COVE_CRISIS_LINES_OVERRIDE = env_str("COVE_CRISIS_LINES_OVERRIDE", "")
# Unset: when the browser's language names no country, /help/ asks (never another country's
# lines). A clinic whose visitors are all in one country may set it (e.g. "NZ").
COVE_DEFAULT_COUNTRY = env_str("COVE_DEFAULT_COUNTRY", "")
# The PCL-5 total at or above which a result is flagged beside the cluster pattern; the
# instrument file allows 31-33 (checked at start-up by cove.measures).
COVE_PCL5_CUT_POINT = env_int("COVE_PCL5_CUT_POINT", 33)
# Who may become a clinician: "approval" (the operator runs `cove clinician approve USER`;
# the default, for installs with many people) or "open" (anyone may turn it on; for one
# person self-hosting Cove with their own therapist).
COVE_CLINICIANS = env_str("COVE_CLINICIANS", "approval") or "approval"
if COVE_CLINICIANS not in {"approval", "open"}:
    raise ImproperlyConfigured('COVE_CLINICIANS must be "approval" or "open".')

# Optional email for reminders (never a sign-in factor). Unset host: no email is offered.
EMAIL_HOST = env_str("COVE_EMAIL_HOST")
EMAIL_PORT = env_int("COVE_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("COVE_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("COVE_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("COVE_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("COVE_EMAIL_FROM", "notes@localhost")

# Throttling of passphrase checks (growing delays; a browser that signed in to an account
# before is never held up by other people's guesses at it). See cove.accounts.throttle.
COVE_THROTTLE_ACCOUNT_MAX_DELAY = env_int("COVE_THROTTLE_ACCOUNT_MAX_DELAY", 30)
COVE_THROTTLE_IP_MAX_DELAY = env_int("COVE_THROTTLE_IP_MAX_DELAY", 300)
COVE_THROTTLE_DEVICE_MAX_DELAY = env_int("COVE_THROTTLE_DEVICE_MAX_DELAY", 300)


def _networks(name: str, value: list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    try:
        return [ipaddress.ip_network(part, strict=False) for part in value]
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} must list addresses or networks such as 10.0.0.0/8, not {value!r}"
        ) from exc


# Proxies whose X-Forwarded-For names the real client (addresses or CIDR networks). Only a
# request whose direct peer is one of these may say where it came from. The older
# COVE_FORWARDED_ALLOW_IPS is read when this is unset (deprecated alias).
_proxies_name = "COVE_TRUSTED_PROXIES" if os.environ.get("COVE_TRUSTED_PROXIES") is not None \
    else "COVE_FORWARDED_ALLOW_IPS"
COVE_TRUSTED_PROXIES = _networks(_proxies_name, env_list(_proxies_name, "127.0.0.1,::1"))

# Argon2id memory each server process may use at once for passphrase checks (MiB). At the
# standard cost of 64 MiB per check, 256 lets up to four run together (fewer if the process's
# share of the CPUs is smaller: cove.vault.kdf); more wait their turn.
COVE_ARGON2_MEMORY_MIB = env_int("COVE_ARGON2_MEMORY_MIB", 256)
# Sign-ins (and other passphrase checks) each server process takes on at once, running or
# waiting for Argon2id; more are answered "many people are signing in" (503 + Retry-After)
# at once, so ordinary pages keep threads. 0: three quarters of `cove serve`'s threads.
COVE_SIGNINS_AT_ONCE = env_int("COVE_SIGNINS_AT_ONCE", 0)

# Voice notes (cove/voice): the largest upload and the longest recording Cove keeps. Uploads
# wait in memory, never on disk (cove.voice.uploads), so the size limit also bounds memory.
COVE_VOICE_MAX_MB = env_int("COVE_VOICE_MAX_MB", 20)
COVE_VOICE_MAX_MINUTES = env_int("COVE_VOICE_MAX_MINUTES", 10)
if not 1 <= COVE_VOICE_MAX_MB <= 200 or not 1 <= COVE_VOICE_MAX_MINUTES <= 60:
    raise ImproperlyConfigured(
        "COVE_VOICE_MAX_MB must be from 1 to 200 and COVE_VOICE_MAX_MINUTES from 1 to 60."
    )
COVE_FFMPEG = env_str("COVE_FFMPEG", "ffmpeg")
COVE_FFPROBE = env_str("COVE_FFPROBE", "ffprobe")
FILE_UPLOAD_HANDLERS = ["cove.voice.uploads.MemoryUploadHandler"]

# Shred keys live outside the main database (see cove.vault.keystore): a SQLite file on one
# machine, or a PostgreSQL database of their own that several app servers share.
COVE_KEYSTORE_URL = env_str("COVE_KEYSTORE_URL")
COVE_KEYSTORE_PATH = Path(env_str("COVE_KEYSTORE_PATH") or DATA_DIR / "keystore.sqlite3")
if COVE_KEYSTORE_URL and not COVE_KEYSTORE_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("COVE_KEYSTORE_URL must be a postgres:// address.")

# Private files: the database and its WAL/SHM, the keystore, the keys and the data directory
# must be readable by Cove's own user only. SQLite gives its WAL and SHM files the mode of
# the database file, so making that file 0600 before SQLite does covers all three.
_private_files = [DATA_DIR / "secret_key", DATA_DIR / "integrity_key"]
if not COVE_KEYSTORE_URL:
    _private_files += [COVE_KEYSTORE_PATH, *_sqlite_companions(COVE_KEYSTORE_PATH)]
if DATABASES["default"]["ENGINE"] == "cove.core.sqlite":
    _db_file = Path(DATABASES["default"]["NAME"])
    if not _db_file.exists():
        _db_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(_db_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    _private_files += [_db_file, *_sqlite_companions(_db_file)]
_refuse_shared_files([DATA_DIR, *_private_files])

# Readiness answers 503 when the disk holding the SQLite database has less room than this.
COVE_MIN_FREE_MB = env_int("COVE_MIN_FREE_MB", 64)

# Key derivation cost (Argon2id). Tests lower it through COVE_KDF_PROFILE=test only.
COVE_KDF_PROFILE = env_str("COVE_KDF_PROFILE", "standard")

# Two "floor" pages for the load benchmark (cove.loadbench): the middleware and nothing
# else, signed out and signed in. Off unless the benchmark turns them on.
COVE_LOAD_FLOORS = env_bool("COVE_LOAD_FLOORS", False)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date format per language (cove/formats/en/formats.py: "27 November 2026").
FORMAT_MODULE_PATH = ["cove.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("COVE_TESTING")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or env_bool("COVE_TESTING")
WHITENOISE_MAX_AGE = 3600

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("COVE_LOG_LEVEL", "WARNING")},
    # Request logs can carry paths and ids; never content. Keep Django's noisy 4xx warnings off.
    "loggers": {"django.request": {"level": "ERROR"}},
}
