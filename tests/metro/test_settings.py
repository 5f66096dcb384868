"""Production settings: the deploy checklist is clean and the development key is refused."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "metro.settings", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checklist_is_clean_under_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-production-key-of-enough-length-and-variety-1234567890-XYZ",
        ALLOWED_HOSTS="metro.example",
        SITE_URL="https://metro.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_development_secret_key():
    result = manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_management_commands_default_to_development_mode_without_a_secret_key():
    result = manage("check")
    assert result.returncode == 0, result.stderr


def test_the_wsgi_application_refuses_the_development_key():
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY"}
    }
    result = subprocess.run(
        [sys.executable, "-c", "import metro.wsgi"],
        cwd=ROOT,
        env=environment | {"DJANGO_SETTINGS_MODULE": "metro.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


@pytest.mark.parametrize(
    "site_url", ["www.metro.example", "https://www.metro.example/news", "ftp://metro.example"]
)
def test_site_url_must_be_an_origin(settings, site_url):
    from metro.checks import check_site_url

    settings.SITE_URL = site_url
    assert [error.id for error in check_site_url(None)] == ["metro.E001"]


def test_a_deploy_without_a_site_url_is_warned(settings):
    from metro.checks import check_site_url, check_site_url_in_production

    settings.SITE_URL = "https://www.metro.example"
    assert check_site_url(None) == [] and check_site_url_in_production(None) == []
    settings.SITE_URL = ""
    assert [warning.id for warning in check_site_url_in_production(None)] == ["metro.W001"]


@pytest.mark.parametrize("region", ["USA", "us", "XX", ""])
def test_the_site_region_must_be_a_country_code(settings, region):
    from metro.checks import check_site_region

    settings.METRO_SITE_REGION = "GB"
    assert check_site_region(None) == []
    settings.METRO_SITE_REGION = region
    assert [error.id for error in check_site_region(None)] == ["metro.E002"]
