from django.core.management.base import BaseCommand, CommandError

from sister_sites.feeds import refresh_sites, sites_to_refresh
from sister_sites.models import SisterSite


class Command(BaseCommand):
    help = (
        "Fetch each active sister site's feed and store its newest headlines. "
        "Suitable for cron; exits non-zero only when every site failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", metavar="SLUG", help="Refresh only this site.")

    def handle(self, *args, site=None, **options):
        if site:
            try:
                sites = [SisterSite.objects.get(slug=site)]
            except SisterSite.DoesNotExist:
                raise CommandError(f"No sister site has the slug {site!r}.") from None
            if not sites[0].active:
                raise CommandError(f"{sites[0].name} is inactive; activate it to refresh it.")
            if not sites[0].feed_url:
                raise CommandError(f"{sites[0].name} has no feed URL.")
        else:
            sites = list(sites_to_refresh())
        if not sites:
            self.stdout.write("No active sister site has a feed URL: nothing to refresh.")
            return
        outcomes = refresh_sites(sites)
        for outcome in outcomes:
            style = self.style.SUCCESS if outcome.ok else self.style.ERROR
            notes = f" ({'; '.join(outcome.notes)})" if outcome.notes else ""
            self.stdout.write(style(f"{outcome}{notes}"))
        failed = sum(not outcome.ok for outcome in outcomes)
        if failed == len(outcomes):
            raise CommandError(f"Every sister site failed to refresh ({failed} of {failed}).")
        if failed:
            self.stdout.write(self.style.WARNING(f"{failed} of {len(outcomes)} sites failed."))
