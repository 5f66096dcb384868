"""The admin home as the desk: what is on each person's plate today.

Every section is one query with a limit, so the home page costs the same with
ten stories or a hundred thousand (tests/desk/test_home.py pins the count).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.models import PUBLISH_PERMISSION, Article
from sister_sites.models import SisterSite

SHORT_LIST = 10
REVIEW_LIST = 20
CALENDAR_LIMIT = 100
CALENDAR_VIEWS = ("day", "week")
# What a list of headlines never reads: a story's long text.
LONG_TEXT = ("body", "body_text", "search_terms", "standfirst")


def newsroom_zone():
    """The newsroom's time zone (settings.TIME_ZONE), whatever zone a request activated."""
    return ZoneInfo(settings.TIME_ZONE)


def may_reschedule(user):
    return user.has_perm(PUBLISH_PERMISSION) and user.has_perm("articles.change_article")


@dataclass
class CalendarDay:
    day: date
    stories: list = field(default_factory=list)


@dataclass
class Calendar:
    view: str
    first_day: date
    days: list
    truncated: bool

    @property
    def step(self):
        return timedelta(days=7 if self.view == "week" else 1)

    @property
    def previous_day(self):
        return self.first_day - self.step

    @property
    def next_day(self):
        return self.first_day + self.step

    @property
    def last_day(self):
        return self.days[-1].day


def parse_calendar(params, today):
    """The calendar the query string asks for: ?calendar=day|week&day=YYYY-MM-DD."""
    view = params.get("calendar")
    view = view if view in CALENDAR_VIEWS else "week"
    try:
        day = date.fromisoformat(params.get("day", ""))
    except ValueError:
        day = today
    return view, day


def scheduled_calendar(view, day, now=None):
    """Stories scheduled in the day or the week (Monday first) holding `day`, in newsroom time."""
    zone = newsroom_zone()
    first_day = day - timedelta(days=day.weekday()) if view == "week" else day
    days = [CalendarDay(first_day + timedelta(days=n)) for n in range(7 if view == "week" else 1)]
    start = datetime.combine(first_day, time.min, tzinfo=zone)
    end = datetime.combine(days[-1].day + timedelta(days=1), time.min, tzinfo=zone)
    stories = list(
        Article.objects.scheduled(now)
        .defer(*LONG_TEXT)
        .filter(publish_at__gte=start, publish_at__lt=end)
        .select_related("section", "assignee")
        .order_by("publish_at", "pk")[: CALENDAR_LIMIT + 1]
    )
    by_day = {calendar_day.day: calendar_day for calendar_day in days}
    for story in stories[:CALENDAR_LIMIT]:
        story.local_publish_at = story.publish_at.astimezone(zone)
        by_day[story.local_publish_at.date()].stories.append(story)
    return Calendar(view, first_day, days, truncated=len(stories) > CALENDAR_LIMIT)


@dataclass
class Desk:
    my_drafts: list
    waiting_for_review: list | None
    calendar: Calendar
    recently_published: list
    failed_feeds: list
    may_reschedule: bool
    zone: ZoneInfo


def desk_for(user, params, now=None):
    """What `user` sees on the admin home; waiting for review only for those who publish."""
    now = now or timezone.now()
    zone = newsroom_zone()
    stories = Article.objects.select_related("section", "assignee").defer(*LONG_TEXT)
    is_editor = user.has_perm(PUBLISH_PERMISSION)
    view, day = parse_calendar(params, now.astimezone(zone).date())
    return Desk(
        my_drafts=list(
            stories.filter(status=Article.Status.DRAFT)
            .filter(Q(created_by=user) | Q(assignee=user))
            .order_by("-updated_at", "-pk")[:SHORT_LIST]
        ),
        waiting_for_review=(
            list(
                stories.filter(status=Article.Status.REVIEW).order_by("updated_at", "pk")[
                    :REVIEW_LIST
                ]
            )
            if is_editor
            else None
        ),
        calendar=scheduled_calendar(view, day, now),
        recently_published=list(stories.live(now).order_by("-publish_at", "-pk")[:SHORT_LIST]),
        failed_feeds=list(
            SisterSite.objects.filter(active=True, last_refresh_ok=False).order_by(
                "-last_refreshed_at", "name"
            )[:SHORT_LIST]
        ),
        may_reschedule=is_editor and user.has_perm("articles.change_article"),
        zone=zone,
    )


def story_form_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])
