from django.apps import AppConfig


class StaffConfig(AppConfig):
    """The newsroom's people at the desk: their roles, and the sign-ins locked out."""

    name = "staff"
    verbose_name = "Staff"
