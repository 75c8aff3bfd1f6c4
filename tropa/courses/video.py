"""Video of a step: links to an allow-list of hosts turned into embed addresses, and checks of uploaded files.

An embed address is rebuilt from the video's id, never copied from what the author typed, so a link
can only ever open a player of one of the hosts below.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Extension -> the content type browsers play it as; both must agree, and the file must start like one.
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
ALLOWED_HOSTS_LABEL = "YouTube, Vimeo, Rutube, VK Video"

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_DIGITS = re.compile(r"^\d{1,20}$")
_HASH = re.compile(r"^[A-Za-z0-9]{1,40}$")
_RUTUBE_ID = re.compile(r"^[0-9a-f]{32}$")
_VK_VIDEO = re.compile(r"video(-?\d{1,20})_(\d{1,20})")

_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_RUTUBE_HOSTS = {"rutube.ru", "www.rutube.ru"}
_VK_HOSTS = {"vk.com", "www.vk.com", "m.vk.com", "vkvideo.ru", "www.vkvideo.ru", "m.vkvideo.ru"}


def video_max_bytes() -> int:
    return settings.COURSE_VIDEO_MAX_BYTES


def _youtube(host: str, path: list[str], query: dict) -> str | None:
    if host == "youtu.be":
        video_id = path[0] if path else ""
    elif host in _YOUTUBE_HOSTS:
        if path[:1] == ["watch"]:
            video_id = (query.get("v") or [""])[0]
        elif len(path) >= 2 and path[0] in {"embed", "shorts", "live", "v"}:
            video_id = path[1]
        else:
            return None
    else:
        return None
    return f"https://www.youtube-nocookie.com/embed/{video_id}" if _YOUTUBE_ID.match(video_id) else None


def _vimeo(host: str, path: list[str], query: dict) -> str | None:
    if host not in _VIMEO_HOSTS:
        return None
    if host == "player.vimeo.com":
        if len(path) < 2 or path[0] != "video":
            return None
        video_id, private_hash = path[1], (query.get("h") or [""])[0]
    else:
        if not path:
            return None
        video_id, private_hash = path[0], path[1] if len(path) > 1 else ""
    if not _DIGITS.match(video_id):
        return None
    url = f"https://player.vimeo.com/video/{video_id}"
    if private_hash and _HASH.match(private_hash):
        url += f"?h={private_hash}"
    return url


def _rutube(host: str, path: list[str], query: dict) -> str | None:
    if host not in _RUTUBE_HOSTS:
        return None
    if len(path) >= 2 and path[0] in {"video", "shorts"}:
        video_id = path[1]
    elif len(path) >= 3 and path[:2] == ["play", "embed"]:
        video_id = path[2]
    else:
        return None
    return f"https://rutube.ru/play/embed/{video_id}" if _RUTUBE_ID.match(video_id) else None


def _vk(host: str, path: list[str], query: dict) -> str | None:
    if host not in _VK_HOSTS:
        return None
    if path[:1] == ["video_ext.php"]:
        owner, video_id = (query.get("oid") or [""])[0], (query.get("id") or [""])[0]
        if not re.match(r"^-?\d{1,20}$", owner) or not _DIGITS.match(video_id):
            return None
    else:
        # vk.com/video-1_2, vkvideo.ru/video-1_2, or a page showing it: vk.com/club1?z=video-1_2
        candidates = [path[0] if path else ""] + (query.get("z") or [])
        match = next((m for m in (_VK_VIDEO.fullmatch(c.split("/")[0]) for c in candidates) if m), None)
        if match is None:
            return None
        owner, video_id = match.groups()
    url = f"https://vk.com/video_ext.php?oid={owner}&id={video_id}"
    access_hash = (query.get("hash") or [""])[0]
    if access_hash and _HASH.match(access_hash):
        url += f"&hash={access_hash}"
    return url


_PROVIDERS = (_youtube, _vimeo, _rutube, _vk)


def embed_url(url: str) -> str | None:
    """The player address for a link to a video on an allowed host, or None for anything else."""
    if not url or len(url) > 500:
        return None
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    if parsed.scheme not in {"http", "https"} or parsed.username or parsed.password or parsed.port:
        return None
    host = (parsed.hostname or "").lower()
    path = [part for part in parsed.path.split("/") if part]
    query = parse_qs(parsed.query)
    for provider in _PROVIDERS:
        embed = provider(host, path, query)
        if embed:
            return embed
    return None


def video_url_problem(url: str) -> str | None:
    """Why the link cannot be a step's video (a message naming the field), or None when it can."""
    if embed_url(url) is None:
        return _("Video link: only links to a video on %(hosts)s are accepted.") % {"hosts": ALLOWED_HOSTS_LABEL}
    return None


def video_file_problem(upload) -> str | None:
    """Why the uploaded file cannot be a step's video (a message naming the field), or None when it can.

    Checks the size, the extension, the content type the browser declared and the file's first bytes.
    """
    limit = video_max_bytes()
    if upload.size > limit:
        return _("Video file: the file is larger than %(limit)s.") % {"limit": filesizeformat(limit)}
    name = (upload.name or "").lower()
    extension = next((ext for ext in VIDEO_TYPES if name.endswith(ext)), None)
    declared = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    if extension is None or (declared and declared != VIDEO_TYPES[extension]):
        return _("Video file: upload an MP4 or WebM video.")
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(12)
    upload.seek(position)
    looks_right = head[4:8] == b"ftyp" if extension == ".mp4" else head[:4] == b"\x1a\x45\xdf\xa3"
    if not looks_right:
        return _("Video file: the file is not an MP4 or WebM video.")
    return None
