"""What a story needs before readers see it, and what the story form's buttons do."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article
from articles.search import plain_text

# The story form's buttons: the name each posts, and the status it gives the story.
SAVE_DRAFT = "_save_draft"
SUBMIT_FOR_REVIEW = "_submit_review"
PUBLISH_NOW = "_publish"
SCHEDULE = "_schedule"
SCHEDULE_AT = "_schedule_at"
STATUS_FOR_INTENT = {
    SAVE_DRAFT: Article.Status.DRAFT,
    SUBMIT_FOR_REVIEW: Article.Status.REVIEW,
    PUBLISH_NOW: Article.Status.PUBLISHED,
    SCHEDULE: Article.Status.PUBLISHED,
}


def intent_of(post):
    """Which publishing button a POST pressed, or None (a plain save)."""
    return next((name for name in STATUS_FOR_INTENT if name in post), None)


def schedule_time(post):
    """The aware time typed beside the Schedule button (top or bottom row), or None."""
    typed = next((value for value in post.getlist(SCHEDULE_AT) if value.strip()), "")
    return forms.DateTimeField(required=False).clean(typed)


def missing_for_publication(article, byline):
    """What `article` lacks for readers, as phrases; `byline` is the people named in it."""
    missing = []
    if not plain_text(article.body or "").strip():
        missing.append("a body")
    if not byline:
        missing.append("a byline")
    if article.section_id is None:
        missing.append("a section")
    if article.format == Article.Format.REVIEW and article.reviewed_film_id is None:
        missing.append("the film or series it reviews")
    # A lead video always shows its poster, the hero image.
    if not article.no_hero_image or article.lead_video_url:
        image = article.hero_image
        if image is None and article.lead_video_url:
            missing.append("a hero image, to be the lead video's poster")
        elif image is None:
            missing.append("a hero image (or tick “No picture”)")
        else:
            if not image.alt_text.strip():
                missing.append("alt text for the hero image")
            if not image.credit.strip():
                missing.append("a credit for the hero image")
    return missing


def publication_refusal(missing):
    return "To publish, add: " + "; ".join(missing) + "."


def stored_byline(article):
    return [authorship.person for authorship in article.authorships.all()]


def newsroom_time(moment):
    """`moment` as the desk reads it, "Tue 9 Dec, 07:00", in the newsroom's time zone
    (settings.TIME_ZONE), with the year when it is not this year's."""
    local = timezone.localtime(moment, timezone.get_default_timezone())
    this_year = timezone.localtime(timezone=timezone.get_default_timezone()).year
    return date_format(local, "D j M, H:i" if local.year == this_year else "D j M Y, H:i")


def confirmation(article, intent, absolute_url):
    """The message that says what the button just did to `article`."""
    if intent == SAVE_DRAFT:
        return f"Draft saved: {article.headline}"
    if intent == SUBMIT_FOR_REVIEW:
        return f"Submitted for review: {article.headline}. An editor will publish it."
    if article.is_scheduled:
        return f"Scheduled for {newsroom_time(article.publish_at)}: {article.headline}"
    return f"Published: {article.headline} is live at {absolute_url}"


def state_text(article):
    """Where `article` stands, as the story form shows it: "Draft", "In review",
    "Scheduled for Tue 9 Dec, 07:00", "Live since Mon 1 Dec, 18:30"."""
    if article.is_scheduled:
        return f"Scheduled for {newsroom_time(article.publish_at)}"
    if article.is_live:
        return f"Live since {newsroom_time(article.publish_at)}"
    return article.get_status_display()


def forget_unsaved_publication(article):
    """Put `article`'s publishing fields back as stored (as new, for a new story): a
    refused save must show neither the status its button asked for nor the times
    that status would have filled in."""
    fields = ["status", "publish_at", "first_published_at"]
    if article.pk is None:
        for name in fields:
            setattr(article, name, Article._meta.get_field(name).get_default())
    else:
        article.refresh_from_db(fields=fields)


def buttons_for(article, may_publish):
    """The publishing buttons the form shows for `article`, as (name, label, is_default)."""
    status = article.status if article and article.pk else Article.Status.DRAFT
    if status == Article.Status.PUBLISHED:
        buttons = [("_continue", "Save changes", True), (SAVE_DRAFT, "Unpublish", False)]
        if article.is_scheduled:
            buttons.insert(1, (PUBLISH_NOW, "Publish now", False))
        return buttons
    if status == Article.Status.REVIEW:
        buttons = [("_continue", "Save", True), (SAVE_DRAFT, "Back to draft", False)]
    else:
        buttons = [
            (SAVE_DRAFT, "Save draft", True),
            (SUBMIT_FOR_REVIEW, "Submit for review", False),
        ]
    if may_publish:
        buttons.append((PUBLISH_NOW, "Publish now", False))
    return buttons
