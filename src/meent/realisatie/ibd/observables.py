"""Observables: normalising, recognising them in free text, and refanging defanged notation (``hxxp``, ``[.]``)."""

import ipaddress
import re
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from meent.realisatie.ibd.models import ObservableType

HASH_LENGTHS = {32, 40, 64, 128}  # MD5, SHA-1, SHA-256, SHA-512
_DOMAIN_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_CVE = re.compile(r"^CVE-\d{4}-\d{4,}$")

# Recognisers for suggestions, applied to refanged text. Order matters: URLs and e-mail addresses first, so their
# host names are not suggested a second time as bare domains.
_PATTERNS = [
    (ObservableType.URL, re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.IGNORECASE)),
    (ObservableType.EMAIL, re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")),
    (ObservableType.CVE, re.compile(r"\bCVE-\d{4}-\d{4,}\b", re.IGNORECASE)),
    (ObservableType.HASH, re.compile(r"\b(?:[A-Fa-f0-9]{128}|[A-Fa-f0-9]{64}|[A-Fa-f0-9]{40}|[A-Fa-f0-9]{32})\b")),
    (ObservableType.IP, re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[A-Fa-f0-9]{1,4}:){2,7}[A-Fa-f0-9]{1,4}\b")),
    (
        ObservableType.DOMAIN,
        re.compile(r"\b(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b"),
    ),
]
# Things in ordinary Dutch text that look like domains but are file names.
_FILE_SUFFIXES = {"pdf", "docx", "doc", "xlsx", "xls", "txt", "exe", "zip", "png", "jpg", "jpeg", "eml", "msg", "csv"}


def refang(text: str) -> str:
    return (
        text.replace("[.]", ".")
        .replace("(.)", ".")
        .replace("[dot]", ".")
        .replace("[@]", "@")
        .replace("[at]", "@")
        .replace("hxxps://", "https://")
        .replace("hxxp://", "http://")
        .replace("hXXps://", "https://")
        .replace("hXXp://", "http://")
    )


def _domain(value: str) -> str:
    value = value.strip().rstrip(".").lower()
    try:
        value = value.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValidationError(_("Dit is geen geldige domeinnaam.")) from exc
    labels = value.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        raise ValidationError(_("Dit is geen geldige domeinnaam."))
    return value


def normalise(type_: str, raw: str) -> str:
    """The canonical form of an observable, so the same indicator is stored and correlated once."""
    value = refang(raw.strip())
    if not value:
        raise ValidationError(_("Vul een waarde in."))
    if type_ == ObservableType.IP:
        try:
            return str(ipaddress.ip_address(value.strip("[]")))
        except ValueError as exc:
            raise ValidationError(_("Dit is geen geldig IP-adres.")) from exc
    if type_ == ObservableType.DOMAIN:
        return _domain(value)
    if type_ == ObservableType.URL:
        parts = urlsplit(value)
        if parts.scheme.lower() not in {"http", "https", "ftp"} or not parts.hostname:
            raise ValidationError(_("Dit is geen geldige URL (http, https of ftp)."))
        host = parts.hostname
        try:
            host = str(ipaddress.ip_address(host))
        except ValueError:
            host = _domain(host)
        netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
        return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
    if type_ == ObservableType.EMAIL:
        local, _sep, domain = value.rpartition("@")
        candidate = f"{local}@{_domain(domain)}" if local else value
        try:
            validate_email(candidate)
        except ValidationError as exc:
            raise ValidationError(_("Dit is geen geldig e-mailadres.")) from exc
        return candidate.lower()
    if type_ == ObservableType.HASH:
        value = value.lower()
        if len(value) not in HASH_LENGTHS or not re.fullmatch(r"[0-9a-f]+", value):
            raise ValidationError(_("Een hash is een MD5-, SHA-1-, SHA-256- of SHA-512-waarde in hexadecimale tekens."))
        return value
    if type_ == ObservableType.CVE:
        value = value.upper()
        if not _CVE.match(value):
            raise ValidationError(_("Een CVE-nummer ziet eruit als CVE-2020-1472."))
        return value
    raise ValidationError(_("Onbekende soort observable."))


def extract(text: str) -> list[tuple[str, str]]:
    """Observables recognised in ``text``, normalised and de-duplicated, in order of appearance."""
    text = refang(text or "")
    found: list[tuple[str, str]] = []
    consumed: list[tuple[int, int]] = []
    for type_, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s <= start and end <= e for s, e in consumed):
                continue
            raw = match.group(0).rstrip(".,;:")
            if type_ == ObservableType.DOMAIN and raw.rsplit(".", 1)[-1].lower() in _FILE_SUFFIXES:
                continue
            try:
                value = normalise(type_, raw)
            except ValidationError:
                continue
            consumed.append((start, end))
            if (type_, value) not in found:
                found.append((str(type_), value))
    return found
