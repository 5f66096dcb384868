#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metro.settings")
    # With no secret key in the environment this is a developer's machine:
    # management commands run in development mode unless DEBUG says otherwise.
    # Servers (metro/wsgi.py) get no such default and refuse the development key.
    if "SECRET_KEY" not in os.environ:
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
