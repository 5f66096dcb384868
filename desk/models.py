from django.conf import settings
from django.db import models


class StoryNote(models.Model):
    """A note on a story for the desk: who wrote what, when. Staff only, never shown to readers.

    Kept in the story's revisions (desk.apps makes them follow), so restoring a
    revision brings its notes back.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="desk_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(help_text="For the desk only: readers never see notes.")
    created_at = models.DateTimeField("written", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "note for the desk"
        verbose_name_plural = "notes for the desk"

    def __str__(self):
        return self.text[:60]
