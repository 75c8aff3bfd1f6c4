"""Django settings for Tropa, read from the environment through the typed helpers in tropa.env."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from tropa.env import env_bool, env_choice, env_int, env_list, env_str, env_url, parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TROPA_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite, the Huey queue, mail and media live here by default

DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("TROPA_TESTING", False)
# Without DEBUG the key must come from the environment, but only what serves or signs needs it: the ASGI/WSGI
# entry points refuse to start without one (tropa.env.require_secret_key), and Django raises on first use, while
# offline commands (makemigrations --check, `risk` on bundle files, makemessages) run without it.
SECRET_KEY = env_str("SECRET_KEY", "dev-insecure-key-change-me" if (DEBUG or TESTING) else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if (DEBUG or TESTING) else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "huey.contrib.djhuey",
    "channels",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "tropa.core",
    "tropa.activity",
    "tropa.accounts",
    "tropa.organizations",
    "tropa.notifications",
    "tropa.courses",
    "tropa.projects",
    "tropa.gamification",
    "tropa.analytics",
    "tropa.messaging",
    "tropa.mentorship",
    "tropa.community",
    "tropa.careers",
    "tropa.assistant",
    "tropa.roadmaps",
    "tropa.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tropa.core.middleware.UserLanguageMiddleware",  # after auth: the user's saved choice wins
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "tropa.organizations.middleware.ActiveOrganizationMiddleware",
]

ROOT_URLCONF = "tropa.urls"
WSGI_APPLICATION = "tropa.wsgi.application"
ASGI_APPLICATION = "tropa.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tropa.core.context_processors.site",
                "tropa.notifications.context_processors.unread_count",
            ],
        },
    }
]

DATABASES = {
    "default": parse_database_url(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tropa.sqlite3'}"),
        pool_size=env_int("DATABASE_POOL_SIZE", 10, minimum=0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_url("REDIS_URL", schemes=("redis", "rediss", "unix"))

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "tropa"),
        }
    }
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tropa"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Background jobs: Huey. Tests run tasks inline (immediate) unless they ask otherwise.
HUEY_IMMEDIATE = env_bool("HUEY_IMMEDIATE", TESTING)
if REDIS_URL and not HUEY_IMMEDIATE:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": env_str("HUEY_NAME", "tropa"),
        "url": REDIS_URL,
        "immediate": False,
        "consumer": {"workers": env_int("HUEY_WORKERS", 2, minimum=1), "worker_type": "thread"},
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "tropa",
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": HUEY_IMMEDIATE,
        "consumer": {"workers": env_int("HUEY_WORKERS", 2, minimum=1), "worker_type": "thread"},
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests hash hundreds of passwords.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

# django-allauth: email is the login; verification is mandatory before the first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = False  # a taken email is named on sign-up, as the issue asks
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Tropa] "
ACCOUNT_ADAPTER = "tropa.accounts.adapters.AccountAdapter"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG and not TESTING else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/5m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Tropa"

# Email: console by default (make run), files under var/mail/ when EMAIL_BACKEND=file, SMTP when configured.
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}[env_choice("EMAIL_BACKEND", "locmem" if TESTING else "console", ("console", "file", "smtp", "locmem"))]
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Tropa <noreply@tropa.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = env_choice("LANGUAGE_CODE", "ru", ("ru", "en"))
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "tropa_language"
TIME_ZONE = env_str("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns on every request when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if (DEBUG or TESTING)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880
AVATAR_MAX_BYTES = env_int("AVATAR_MAX_BYTES", 2 * 1024 * 1024, minimum=1024)
# Course videos and learners' work: the web server's own request-body limit must allow these too.
COURSE_VIDEO_MAX_BYTES = env_int("COURSE_VIDEO_MAX_BYTES", 500 * 1024 * 1024, minimum=1024)
SUBMISSION_MAX_BYTES = env_int("SUBMISSION_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
# Final projects: each file of a version, how many files a version may carry, and which types.
PROJECT_FILE_MAX_BYTES = env_int("PROJECT_FILE_MAX_BYTES", 20 * 1024 * 1024, minimum=1024)
PROJECT_MAX_FILES = env_int("PROJECT_MAX_FILES", 10, minimum=1)
PROJECT_FILE_TYPES = env_list(
    "PROJECT_FILE_TYPES", ["pdf", "zip", "png", "jpg", "jpeg", "md", "txt", "ipynb", "docx", "pptx"]
)
# Peer reviewers get a reminder this many hours before their review is due.
PROJECT_REVIEW_REMINDER_HOURS = env_int("PROJECT_REVIEW_REMINDER_HOURS", 24, minimum=1)

# Messaging: sends per user, how long a message stays editable, and the size of one attachment.
MESSAGING_SEND_RATE = env_str("MESSAGING_SEND_RATE", "30/m")
MESSAGING_EDIT_WINDOW_MINUTES = env_int("MESSAGING_EDIT_WINDOW_MINUTES", 15, minimum=0)
MESSAGING_ATTACHMENT_MAX_BYTES = env_int("MESSAGING_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)

# Careers: the size of a CV (PDF only) and how many days before the company's own answer deadline HR is reminded.
CAREERS_CV_MAX_BYTES = env_int("CAREERS_CV_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
CAREERS_RESPONSE_REMINDER_DAYS = env_int("CAREERS_RESPONSE_REMINDER_DAYS", 2, minimum=0)
CAREERS_INTERVIEW_REMINDER_HOURS = env_int("CAREERS_INTERVIEW_REMINDER_HOURS", 24, minimum=1)
# The assistant: an OpenAI-compatible model server (POST <LLM_BASE_URL>/v1/chat/completions) when configured;
# without one, or when it fails, the deterministic assistant answers (docs/assistant.md).
LLM_BASE_URL = env_url("LLM_BASE_URL", schemes=("http", "https"))
LLM_API_KEY = env_str("LLM_API_KEY", "")
LLM_MODEL = env_str("LLM_MODEL", "")
LLM_TIMEOUT_SECONDS = env_int("LLM_TIMEOUT_SECONDS", 20, minimum=1)
ASSISTANT_ASK_RATE = env_str("ASSISTANT_ASK_RATE", "10/m")  # questions per user
ASSISTANT_CONTEXT_MAX_CHARS = env_int("ASSISTANT_CONTEXT_MAX_CHARS", 6000, minimum=1000)

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Security: strict outside DEBUG; `manage.py check --deploy` is clean with SECRET_KEY and ALLOWED_HOSTS set.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the meta tag, not the cookie; kept readable for fetch()
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Joining the browsers' preload list is the operator's one-way decision for their domain, not ours.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Personal API tokens and other throttles (requests per window).
API_TOKEN_CREATE_RATE = env_str("API_TOKEN_CREATE_RATE", "10/h")
API_AUTH_FAILURE_RATE = env_str("API_AUTH_FAILURE_RATE", "30/m")
INVITATION_TTL_DAYS = env_int("INVITATION_TTL_DAYS", 7, minimum=1)
ORGANIZATION_INVITATION_RATE = env_str("ORGANIZATION_INVITATION_RATE", "60/h")  # per inviting user

# Personal data (docs/privacy.md): how long a download of one's data stays available, and throttles.
PERSONAL_DATA_EXPORT_DAYS = env_int("PERSONAL_DATA_EXPORT_DAYS", 7, minimum=1)
PERSONAL_DATA_EXPORT_RATE = env_str("PERSONAL_DATA_EXPORT_RATE", "5/d")  # exports requested per user
ACCOUNT_DELETE_ATTEMPT_RATE = env_str("ACCOUNT_DELETE_ATTEMPT_RATE", "5/h")  # wrong confirmations per user

# Early warning: a trained model replaces the rule-based score once this many enrollments have finished.
RISK_MIN_HISTORY = env_int("RISK_MIN_HISTORY", 200, minimum=1)
RISK_IMPORT_MAX_MB = env_int("RISK_IMPORT_MAX_MB", 50, minimum=1)  # largest bundle upload, MB

# The activity spine: events older than this and still unprocessed are re-dispatched by the sweep.
ACTIVITY_SWEEP_AFTER_SECONDS = env_int("ACTIVITY_SWEEP_AFTER_SECONDS", 60, minimum=0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))},
    # fontTools logs every subsetting step of a certificate PDF at INFO: some sixty lines per download.
    "loggers": {"huey": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_CLASS = "tropa.core.pagination.BoundedLimitOffsetPagination"  # refuses offsets no database holds
