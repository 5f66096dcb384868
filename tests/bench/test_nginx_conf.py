"""The bench measures deploy/nginx.conf as shipped, with only addresses and paths replaced."""

import re

import pytest

from bench.servers import NGINX_CONF, BenchError, render_nginx_conf


def render(text=None):
    return render_nginx_conf(
        NGINX_CONF.read_text() if text is None else text,
        listen="127.0.0.1:8433",
        upstream="127.0.0.1:8431",
        static_root="/tmp/bench/static",
        prefix="/tmp/nginx-prefix",
        error_log="/tmp/bench/nginx-error.log",
        static_page_port=8434,
    )


def directives(text):
    """The config without its comments."""
    return "\n".join(line.split("#")[0] for line in text.splitlines())


def caching_lines(text):
    return [line.strip() for line in text.splitlines() if re.match(r"\s*(proxy_cache|map )", line)]


def test_rendered_config_has_the_bench_addresses_and_paths():
    text = directives(render())
    assert "listen 127.0.0.1:8433;" in text
    assert "server 127.0.0.1:8431;" in text
    assert "alias /tmp/bench/static/;" in text
    assert "proxy_cache_path /tmp/nginx-prefix/cache " in text
    assert "proxy_temp_path /tmp/nginx-prefix/proxy_temp;" in text
    assert "listen 127.0.0.1:8434;" in text
    assert "/var/log/" not in text
    assert "/srv/metro" not in text


def test_caching_is_measured_as_shipped():
    shipped = NGINX_CONF.read_text()
    rendered = render()
    # The cache path's location changes; its zone, size and the rest do not.
    normalise = [
        line.replace("/var/cache/nginx/metro", "/tmp/nginx-prefix/cache")
        for line in caching_lines(shipped)
    ]
    assert caching_lines(rendered) == normalise
    # Validity comes from the app's Cache-Control alone.
    assert "proxy_cache_valid" not in directives(shipped)
    assert "proxy_ignore_headers" not in directives(shipped)


def test_a_missing_directive_is_an_error():
    text = NGINX_CONF.read_text().replace("listen 80;", "listen 8080;")
    with pytest.raises(BenchError, match="listen"):
        render(text)
