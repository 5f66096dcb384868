"""Background work through Django's tasks framework (settings.TASKS picks the backend)."""

from django.tasks import task

from sister_sites.feeds import refresh_sites, sites_to_refresh


@task()
def refresh_sister_sites(site_ids=None, time_limit=None):
    """Refresh the given sister sites (ids), or every active one with a feed.

    `time_limit` bounds the whole batch in seconds (see refresh_sites).
    Returns one line per site saying how it went.
    """
    sites = sites_to_refresh()
    if site_ids is not None:
        sites = sites.filter(pk__in=site_ids)
    return [str(outcome) for outcome in refresh_sites(list(sites), time_limit=time_limit)]
