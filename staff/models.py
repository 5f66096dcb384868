from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.db import models
from django.utils import timezone


class FailedSignInQuerySet(models.QuerySet):
    """django-axes' records of failed admin sign-ins, counted the way it counts them: per
    client address (AXES_LOCKOUT_PARAMETERS), over the last AXES_COOLOFF_TIME."""

    def recent(self):
        return self.filter(attempt_time__gt=timezone.now() - settings.AXES_COOLOFF_TIME)

    def with_address_failures(self):
        """Annotate `address_failures`: the recent failures from the row's address, all
        usernames and browsers together."""
        same_address = (
            self.model.objects.recent()
            .filter(ip_address=models.OuterRef("ip_address"))
            .values("ip_address")
            .annotate(total=models.Sum("failures_since_start"))
            .values("total")
        )
        return self.annotate(address_failures=models.Subquery(same_address))

    def unlock(self):
        """Forget every failure from these rows' addresses; they may sign in again at once.
        Returns the addresses."""
        addresses = sorted(set(self.values_list("ip_address", flat=True)))
        for address in addresses:
            axes_reset(ip=address)
        return addresses


class FailedSignIn(AccessAttempt):
    """Failed sign-ins, as editors see them to unlock a locked-out colleague."""

    objects = FailedSignInQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = "failed sign-in"
        ordering = ["-attempt_time"]
        # Rows come and go with sign-ins; the one thing to grant is unlocking.
        default_permissions = []
        permissions = [("unlock_sign_ins", "Can unlock locked-out sign-ins")]
