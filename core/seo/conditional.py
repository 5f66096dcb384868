from django.utils.http import http_date


def newest(*moments):
    """The latest of some datetimes, ignoring missing ones (None if all are)."""
    return max((moment for moment in moments if moment is not None), default=None)


def stories_changed_at(stories):
    """When a list of stories last changed: an edit, or a scheduled story going live."""
    return newest(*(newest(story.updated_at, story.publish_at) for story in stories))


class LastModifiedMixin:
    """Sends Last-Modified from `last_modified(context)`: when what the page shows last changed.

    With ConditionalGetMiddleware (which adds an ETag from the page's bytes),
    readers' browsers and caches then revalidate with 304 Not Modified.
    """

    def last_modified(self, context):
        """Views override this; None sends no header."""
        return None

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if (moment := self.last_modified(context)) is not None:
            response.headers["Last-Modified"] = http_date(moment.timestamp())
        return response
